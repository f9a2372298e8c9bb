"""An article annotated sentence by sentence: actors, places, dates and tense."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Optional

from .actors import Place, find_actors, find_places
from .dates import article_dates, sentence_tense
from .types import ActorMention, ActorRef, Article, DateWindow, Sentence


@dataclass
class Annotated:
    """One sentence and what was found in it, in text order."""

    sentence: Sentence
    actors: list[ActorMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateWindow] = field(default_factory=list)
    tense: str = "present"

    @property
    def text(self) -> str:
        return self.sentence.text

    def local(self, offset: int) -> int:
        """Return a raw-text offset as an index into this sentence's text."""
        return offset - self.sentence.start


@dataclass
class Context:
    """Everything extraction rules read about one article."""

    article: Article
    actors: dict[str, ActorRef]
    sentences: list[Annotated]

    def ref(self, key: str) -> Optional[ActorRef]:
        return self.actors.get(key)

    def country_of(self, key: str) -> Optional[str]:
        ref = self.actors.get(key)
        return ref.country if ref else None


_SPAN_START = attrgetter("span.start")


def _assign(sentences: list[Annotated], mentions: list[ActorMention]) -> None:
    starts = [a.sentence.start for a in sentences]
    for mention in mentions:
        i = bisect_right(starts, mention.span.start) - 1
        if i >= 0 and mention.span.start < sentences[i].sentence.end:
            sentences[i].actors.append(mention)
    for a in sentences:
        if len(a.actors) > 1:
            a.actors.sort(key=_SPAN_START)


def annotate(article: Article) -> Context:
    """Return the article with every sentence's actors, places, dates and tense."""
    lead = article.raw[:article.sentences[0].start] if article.sentences else ""
    refs, mentions = find_actors(article.sentences, day=article.published, lead=lead)
    sentences = [Annotated(s) for s in article.sentences]
    _assign(sentences, mentions)
    for a, dates in zip(sentences, article_dates(article.sentences, article.published)):
        s = a.sentence
        a.tense = sentence_tense(s.text)
        a.places = find_places(s.text, offset=s.start)
        a.dates = dates
    return Context(article=article, actors=refs, sentences=sentences)

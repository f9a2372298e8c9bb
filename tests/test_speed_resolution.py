"""Shortcuts in places, known names and speech marks must never change an answer: each is checked against a walk."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

import pytest

from conftest import ARTICLE_FOLDERS
from diplomatic_events.extract import actors as A
from diplomatic_events.extract.reader import article_paths, read_article
from diplomatic_events.extract.types import Article, Sentence, Span

ARTICLES = [read_article(path) for folder in ARTICLE_FOLDERS for path in article_paths(folder)]
CASES = [str, str.lower, str.upper, str.title]
EXTRA = ["They flew to the Netherlands, then the Gambia and The Hague.", "the the the", "The",
         "He arrived in the Libyan capital and in New York City.", "THE UNITED STATES, the U.S. and the US"]


def _walked_places(text: str) -> list[A.Place]:
    """Find places as a walk over every token does (the slow reference)."""
    gaz = A.load_gazetteer()
    toks = A._tokens(text)
    places: list[A.Place] = []
    i = 0
    while i < len(toks):
        surface = A._match_at(text, toks, i, gaz.place_index) if toks[i].folded in gaz.place_index else None
        if surface is None:
            i += 1
            continue
        j = i + len(surface.tokens)
        entry = gaz.entries[surface.key]
        start, end = toks[i].start, toks[j - 1].end
        places.append(A.Place(Span(start, end, text[start:end]), entry.name, entry.country,
                              "state" if entry.kind == "state" else "city", A._preposition(toks, i, gaz)))
        i = j
    if "capital" in text:
        places = sorted(places + A._capitals(text, toks, gaz), key=lambda p: p.span.start)
    return places


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_places_are_what_a_walk_over_every_token_finds(case) -> None:
    texts = [case(s.text) for a in ARTICLES for s in a.sentences] + [case(t) for t in EXTRA]
    assert sum(len(_walked_places(t)) for t in texts) > (-1 if case is str.lower else 100)  # places need capitals
    for text in texts:
        assert A._all_places(text) == _walked_places(text), text


def _walked_known_names(sent: Sentence, toks: list[A.Token], art: A._Article,
                        surnames: dict[tuple[str, ...], str], found: list[A._Found]) -> None:
    """Find known names as a walk over every token and every name of the article does (the slow reference)."""
    firsts = {names[0] for names in art.names} | {short[0] for short in surnames}
    taken = [(f.start, f.end) for f in found]
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.folded not in firsts or not (t.text[0].isupper() or t.low in A._LOWER_NAME_STARTS) \
                or any(a <= t.start < b for a, b in taken):
            i += 1
            continue
        hit = _walked_name_at(sent.text, toks, i, art)
        if hit is None:
            hit = A._surname_at(sent.text, toks, i, surnames)
            hit = None if hit and A._after_given_name(sent.text, toks, i, art.gaz) else hit
            how = "surname"
        else:
            how = "name"
        if hit:
            found.append(A._Found(t.start, toks[i + hit[1] - 1].end, how, hit[0]))
            i += hit[1]
            continue
        i += 1


def _walked_name_at(text: str, toks: list[A.Token], i: int, art: A._Article) -> Optional[tuple[str, int]]:
    for names, key in art.names.items():
        n = len(names)
        if tuple(t.folded for t in toks[i:i + n]) == names and all(
                A._JOIN.fullmatch(text[toks[j - 1].end:toks[j].start]) for j in range(i + 1, i + n)):
            return key, n
    return None


def _cased(article: Article, case: Callable[[str], str]) -> list[Sentence]:
    """Return the article's sentences with `case` applied to each text."""
    return [replace(s, text=case(s.text)) for s in article.sentences]


def _scanned(sentences: list[Sentence]) -> tuple[A._Article, list[list[A.Token]], list[list[A._Found]]]:
    art = A._Article(A.load_gazetteer())
    tokens = [A._tokens(s.text) for s in sentences]
    return art, tokens, [A._scan(s, toks, art) for s, toks in zip(sentences, tokens)]


def _key(found: list[A._Found]) -> list[tuple]:
    return [(f.start, f.end, f.how, f.key, f.speaks, f.initial, f.later, f.trailing) for f in found]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_known_names_are_what_a_walk_over_every_token_finds(case) -> None:
    added = 0
    for article in ARTICLES:
        sentences = _cased(article, case)
        art, tokens, scanned = _scanned(sentences)
        surnames = A._surname_index(art)
        firsts = A._first_tokens(art, surnames)
        for sent, toks, found in zip(sentences, tokens, scanned):
            fast, slow = list(found), list(found)
            A._scan_known_names(sent, toks, art, surnames, fast, firsts)
            _walked_known_names(sent, toks, art, surnames, slow)
            assert _key(fast) == _key(slow), sent.text
            added += len(fast) - len(found)
    assert added > (50 if case in (str, str.title) else -1)


_WORD_AFTER = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")


def _eager_speech(text: str, f: A._Found) -> bool:
    """Tell whether a mention is next to a verb of saying, running both checks (the slow reference)."""
    after = _WORD_AFTER.match(text, f.end)
    before = _WORD_BEFORE.search(text, max(0, f.start - 24), f.start)
    inverted = bool(before and before.group(1).lower() in A._SPEECH_VERBS) \
        and text[f.end:f.end + 1] in ("", ".", ",", ";")
    return bool(after and after.group(1).lower() in A._SPEECH_VERBS) or inverted


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_speech_marks_are_what_both_checks_find(case) -> None:
    speaking = 0
    for article in ARTICLES:
        sentences = _cased(article, case)
        _, _, scanned = _scanned(sentences)
        for sent, found in zip(sentences, scanned):
            for f in found:
                assert A._next_to_saying(sent.text, f) == _eager_speech(sent.text, f), sent.text
                speaking += _eager_speech(sent.text, f)
    assert speaking > 50


def test_no_mention_is_quoted_in_a_sentence_without_quotation_marks() -> None:
    for article in ARTICLES:
        for s in article.sentences:
            if '"' not in s.text and "“" not in s.text:
                assert not any(A._in_quote(s.text, i) for i in range(len(s.text) + 1))


def _at(place: A.Place, offset: int) -> A.Place:
    span = place.span
    return replace(place, span=Span(span.start + offset, span.end + offset, span.text))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_places_stored_by_find_actors_equal_a_fresh_walk_at_any_offset(case) -> None:
    stored = 0
    for article in ARTICLES:
        sentences = _cased(article, case)
        A.find_actors(sentences, day=article.published)
        for s in sentences:
            fresh = [_at(p, s.start) for p in _walked_places(s.text)]
            assert A.find_places(s.text, offset=s.start, all_mentions=True) == fresh, s.text
            assert A.find_places(s.text, offset=s.start) == [p for p in fresh if p.preposition], s.text
            assert A.find_places(s.text, offset=s.start + 7) == [_at(p, 7) for p in fresh if p.preposition]
            stored += len(fresh)
    assert stored > (-1 if case is str.lower else 100)

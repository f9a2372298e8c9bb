"""The gated sentence scan of find_actors equals a plain walk over every item of every sentence we hold."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ARTICLE_FOLDERS
from diplomatic_events.extract import actors
from diplomatic_events.extract.reader import article_paths, read_article
from diplomatic_events.extract.types import Article

ARTICLES = [read_article(p) for folder in ARTICLE_FOLDERS for p in article_paths(folder)]
VARIANTS = {"as written": str, "upper": str.upper, "lower": str.lower, "title": str.title}


def _plain_items(text: str, toks: list[actors.Token], gaz: actors.Gazetteer) -> list[actors.Token]:
    """Try a gazetteer form at every token."""
    items, i = [], 0
    while i < len(toks):
        surface = actors._match_at(text, toks, i, gaz.actor_index)
        if surface is None:
            items.append(toks[i])
            i += 1
            continue
        j = i + len(surface.tokens)
        end = toks[j - 1].end + (surface.dotted and text[toks[j - 1].end:toks[j - 1].end + 1] == ".")
        raw = text[toks[i].start:end]
        items.append(actors.Token(raw, toks[i].start, end, "", raw.lower(), surface, surface.how))
        i = j
    return items


def _plain_scan(sent, toks: list[actors.Token], art: actors._Article) -> list[actors._Found]:
    """Scan a sentence trying appositives, titles and plain mentions at every item."""
    text = sent.text
    items = _plain_items(text, toks, art.gaz)
    used = bytearray(len(items))
    found: list[actors._Found] = []
    actors._scan_appositives(text, items, used, len(items), art, found)  # `_comma_reach` patched: every item
    k = 0
    while k < len(items):
        it = items[k]
        if used[k] or (it.how is None and it.low not in actors._TITLE_WORDS):
            k += 1
        else:
            k = actors._scan_at(text, items, used, k, art, found)
    actors._scan_title_lists(text, items, used, art, found)
    for k, it in enumerate(items):
        if not used[k] and (it.how is not None or it.low in actors._PRONOUNS):
            actors._scan_plain(text, items, k, art, found)
    actors._relational_countries(found, art)
    return list({(f.start, f.end, f.key): f for f in reversed(found)}.values())[::-1]


def _state(art: actors._Article) -> tuple:
    return (art.actors, art.titles, art.spellings, art.names, art.honours, art.stateless)


def _run(article: Article, scan) -> tuple[list[list[dict]], tuple]:
    art = actors._Article(actors.load_gazetteer(), article.published)
    found = [[dataclasses.asdict(f) for f in scan(s, actors._tokens(s.text), art)] for s in article.sentences]
    return found, _state(art)


@pytest.mark.parametrize("variant", VARIANTS)
def test_gated_scan_equals_the_plain_walk(variant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    change = VARIANTS[variant]
    articles = [dataclasses.replace(a, sentences=[dataclasses.replace(s, text=change(s.text)) for s in a.sentences])
                for a in ARTICLES]
    fast = [_run(a, actors._scan) for a in articles]
    monkeypatch.setattr(actors, "_comma_reach", lambda text, items, stop: list(range(stop)))
    plain = [_run(a, _plain_scan) for a in articles]
    assert sum(len(f) for found, _ in fast for f in found) > 0
    for got, want in zip(fast, plain):
        assert got == want


def test_comma_reach_covers_every_name_a_comma_closes() -> None:
    long_names = ["Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani, the Qatari Prime Minister, said so.",
                  "Talks with Jose Maria de la Cruz y Santos Ortega, Spain's foreign minister, ended."]
    texts = [s.text for a in ARTICLES for s in a.sentences if "," in s.text] + long_names
    for text in texts:
        items = actors._items(text, actors._tokens(text), actors.load_gazetteer())
        reach = actors._comma_reach(text, items, len(items))
        for k in range(len(items)):
            end = actors._name_at(text, items, k)
            if end - k >= 1 and end < len(items) and "," in text[items[end - 1].end:items[end].start]:
                assert k in reach, (text, k)

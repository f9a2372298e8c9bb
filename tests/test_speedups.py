"""Shortcuts taken for speed must never change an answer: each is checked against the slow path."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ARTICLE_FOLDERS, ODD_SPACE, case_variants
from diplomatic_events.extract import clean
from diplomatic_events.extract.reader import article_paths
from diplomatic_events.extract.text import casefree

LINES = [line for folder in ARTICLE_FOLDERS for path in article_paths(folder)
         for line in path.read_text("utf-8", errors="replace").splitlines() if line.strip()]
BOILERPLATE = [
    "Sign up for our daily newsletter", "Subscribe to get alerts in your inbox", "SIGNUP NOW",
    "Get our e-mail alerts", "By email", "Read our Terms of Service", "See our privacy policy here",
    "You agree to receive electronic communications", "Unsubscribe at any time",
    "To republish this article, please use the form", "Reprinting the story costs fees",
    "Syndication of our content", "More about the Ministry of Foreign Affairs can be found here",
    "(Reuters Photo)", "(File Photo)", "Photo: AFP", "Credits : Jane Doe", "(L-R) the ministers",
    "(left) the minister", "Talks / Getty Images", "var x = function(){ return 1; };",
    "document.write('<p>')", "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWZnaGlqa2xtbm9w==",
    "Monday 12:30", "Published: Mon, 26 May 2025 10:45 a.m. GMT", "ſunday", "ſign up for our newsletter",
    "newsletters you want, in yours inbox", "more ABOUT İt can be found here",
]


TEXTS = [v for t in LINES + BOILERPLATE for v in case_variants(t)]
GATED = [(clean._NEWSLETTER_TOPIC, clean._NEWSLETTER_GATE, True),
         (clean._REPUBLISHING, clean._REPUBLISHING_GATE, True),
         (clean._PHOTO_MARKER, clean._PHOTO_GATE, False)]


@pytest.mark.parametrize("pattern,words,folded", GATED, ids=["newsletter", "republishing", "photo"])
def test_clean_gate_holds_wherever_its_pattern_matches(pattern, words, folded) -> None:
    matched = [t for t in TEXTS if pattern.search(t)]
    assert matched, "the gate is never exercised"
    for text in matched:
        assert clean._has_any(casefree(text) if folded else text, words), text


def test_every_junk_rule_runs_once_in_the_cheap_order() -> None:
    assert sorted(map(id, clean._BY_COST)) == sorted(map(id, clean.JUNK_RULES.values()))


@pytest.mark.parametrize("folder", ARTICLE_FOLDERS, ids=lambda f: f.parent.name + "/" + f.name)
def test_is_junk_agrees_with_junk_reasons(folder: Path) -> None:
    for path in article_paths(folder):
        lines = clean.Lines(line.text for line in clean.raw_lines(path.read_text("utf-8", errors="replace")))
        variants = clean.Lines([*lines, *BOILERPLATE, *(v for t in BOILERPLATE for v in case_variants(t))])
        for doc in (lines, variants):
            for i in range(len(doc)):
                assert clean.is_junk(doc, i) == bool(clean.junk_reasons(doc, i)), doc[i]


def test_blob_gate_holds_wherever_a_blob_is_found() -> None:
    blobs = [t for t in TEXTS if clean._BLOB.search(t)]
    assert blobs
    assert all(any(len(chunk) >= 40 for chunk in t.split()) for t in blobs)


def test_tokens_are_the_word_runs_of_the_text() -> None:
    from diplomatic_events.extract import actors

    for text in TEXTS:
        expected = [(m.group(), m.start(), m.end(), actors._fold_token(m.group()), m.group().lower())
                    for m in actors._WORD.finditer(text)]
        assert [(t.text, t.start, t.end, t.folded, t.low) for t in actors._tokens(text)] == expected
        assert all(type(t) is actors.Token and t.surface is None and t.how is None for t in actors._tokens(text))


def _walked_lines(raw: str) -> list[clean.Line]:
    """Trim every line by walking its ends one character at a time (the plain way)."""
    lines = []
    for match in clean._LINE.finditer(raw):
        start, end = match.span()
        header = clean._DATE_HEADER.match(raw, start, end)
        if header and header.end() < end:
            start = header.end()
        while start < end and raw[start].isspace():
            start += 1
        while end > start and raw[end - 1].isspace():
            end -= 1
        if end > start:
            lines.append(clean.Line(start, end, raw[start:end]))
    return lines




@pytest.mark.parametrize("folder", ARTICLE_FOLDERS, ids=lambda f: f.parent.name + "/" + f.name)
def test_raw_lines_trim_like_walking_the_ends(folder: Path) -> None:
    raws = [p.read_text("utf-8", errors="replace") for p in article_paths(folder)]
    raws += [ODD_SPACE + "date 2025-05-27 " + ODD_SPACE + "Text" + ODD_SPACE + "\r\n\r" + ODD_SPACE + "x\n"]
    raws += [f"{c}a{c}\n{c}\r\n{c}{c}b c{c}" for c in ODD_SPACE]
    raws += ["", "\n", "date 2025-05-27", "date 2025-05-27 Text", " DATE 2025-05-27\tText \r\nx", "a\rb\r\n\r\nc\n",
             "x\ndate 2025-05-27 Text", f"{ODD_SPACE}date 2025-05-27 {ODD_SPACE}T{ODD_SPACE}\r\n{ODD_SPACE}"]
    for raw in raws:
        assert clean.raw_lines(raw) == _walked_lines(raw), repr(raw[:80])


def test_literal_date_needs_find_what_their_regexes_find() -> None:
    import re

    from diplomatic_events.extract import dates

    needs = {**dates._CASED_NEEDS, **dates._LOWER_NEEDS}
    literal = [name for name, (rx, _) in dates._NEEDS.items() if isinstance(rx, dates._Literals)]
    assert {"weekday", "unit", "season"} <= set(literal)
    for name in literal:
        rx, cased = dates._NEEDS[name]
        regex = re.compile(needs[name])
        for text in TEXTS + ["Monday", "mid-May", "first half", "tonight"]:
            probe = text if cased else casefree(text)
            assert rx.search(probe) == bool(regex.search(probe)), (name, text)


def test_weekday_need_is_every_weekday_name() -> None:
    import re

    from diplomatic_events.extract import dates

    old = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
    for text in TEXTS + dates._WEEKDAYS:
        assert dates._NEEDS["weekday"][0].search(text) == bool(old.search(text))

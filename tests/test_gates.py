"""Cheap checks that spare slow regex scans must never skip a text the scan would match."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from diplomatic_events.extract import clean, dates
from diplomatic_events.extract.reader import article_paths, read_article
from diplomatic_events.extract.text import casefree

LETTER_RUN = re.compile(r"[^\W\d_]+")  # the slow reference: any run of letters

TESTS = Path(__file__).resolve().parent
PHRASES = [
    "May 26, 2025", "30 May – 2 June 2025", "May 30 – June 2, 2025", "May 26–27, 2025", "24-25 February",
    "between 3 and 5 March", "Tuesday, May 27", "the 26th of May", "March–May 2024", "early August 2023",
    "mid-February", "the following month", "later that year", "that same afternoon", "two days later",
    "earlier this month", "later in the week", "the end of the year", "three weeks ago", "last fall",
    "spring 2024", "between 2019 and 2021", "2022–23", "the beginning of 2024", "since 2022",
    "over the weekend", "earlier on Tuesday", "next Friday", "TONIGHT", "ſpring 2024", "in İune",
    "1/29/24", "27.05.2025", "2025-05-27", "by December", "Sept. 3, 2024", "THE FOLLOWING WEEK",
    "He will visit.", "They are to meet", "Talks are set to resume", "We'll see", "He is due to arrive",
]


def _texts() -> list[str]:
    texts = list(PHRASES)
    for path in [p for d in (TESTS.parent / "corpus", TESTS / "articles") for p in article_paths(d)]:
        texts += [s.text for s in read_article(path).sentences]
        texts += path.read_text("utf-8", errors="replace").splitlines()
    for node in ast.walk(ast.parse((TESTS / "test_dates.py").read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("index", range(len(dates._PATTERNS)))
def test_date_pattern_needs_hold_wherever_it_matches(index: int) -> None:
    pattern, _ = dates._PATTERNS[index]
    matched = [t for t in TEXTS if pattern.search(t)]
    for text in matched:
        assert pattern in [p for p, *_ in dates._met(text, casefree(text))], (pattern.pattern[:60], text)


def test_date_patterns_are_exercised() -> None:
    assert sum(1 for p, _ in dates._PATTERNS if any(p.search(t) for t in TEXTS)) >= 20


def test_future_hint_holds_wherever_a_future_cue_matches() -> None:
    cued = [t for t in TEXTS if dates._FUTURE.search(t)]
    assert cued
    assert all(dates._FUTURE_HINT.search(casefree(t)) for t in cued)


def test_dateline_letter_check_keeps_every_dateline() -> None:
    lines = TEXTS + ["Published: Mon, 26 May 2025 10:45 a.m. GMT", "Updated 3 hours ago", "ſun 5"]
    for line in lines:
        rest = clean._DATE_DIGITS.sub(" ", clean._DATE_WORDS.sub(" ", line))
        if not re.sub(r"[\s()\[\],:]+", "", rest):
            assert all(clean._DATE_WORD_RUN.fullmatch(m.group()) for m in LETTER_RUN.finditer(line))


@pytest.mark.parametrize("char", [chr(c) for c in range(0x250)] + ["\u212a", "\u1e9e", "\u0345"])
def test_casefree_equates_letters_like_ignorecase(char: str) -> None:
    assert len(casefree(char)) == 1
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert (re.fullmatch(f"(?i:{letter})", char) is not None) == (casefree(char) == letter)

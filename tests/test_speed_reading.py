"""Fast paths in reading and cleaning must give what the slow paths they replaced give, on every text we hold."""

from __future__ import annotations

import re

import pytest

from conftest import ARTICLE_FOLDERS, ODD_SPACE
from diplomatic_events.extract import clean
from diplomatic_events.extract.reader import article_paths

LETTER_RUN = re.compile(r"[^\W\d_]+")  # the slow reference: any run of letters

LINES = [line for folder in ARTICLE_FOLDERS for path in article_paths(folder)
         for line in path.read_text("utf-8", errors="replace").splitlines()]
ODD = ["", " ", "a", " a ", "a" * 39, "a" * 40, f"{'b' * 39}\u3000{'c' * 39}", "x" * 40 + ODD_SPACE + "y",
       *(f"{c}word{c}{'z' * 40}{c}" for c in ODD_SPACE), *(f"one{c}two{c}three" for c in ODD_SPACE)]
TEXTS = LINES + ODD


@pytest.mark.parametrize("n", [1, 5, 6, 8, 12])
def test_at_most_words_counts_like_split(n: int) -> None:
    for text in TEXTS:
        assert clean._at_most_words(text, n) == (len(text.split()) <= n), text


def test_long_chunk_is_a_word_of_forty_characters() -> None:
    assert any(clean._long_chunk(t) for t in TEXTS)
    for text in TEXTS:
        assert clean._long_chunk(text) == any(len(chunk) >= 40 for chunk in text.split()), text



def test_sentence_end_pattern_is_the_plain_one() -> None:
    import re

    from diplomatic_events.extract import sentences

    plain = re.compile(sentences._END.pattern.replace("([.?!][.?!]*)", "([.?!]+)", 1))
    assert plain.pattern != sentences._END.pattern
    for text in TEXTS + ["Hi!! There. “Yes.” (No.) ...And", "A.\u3000B", "x?!\n\n9 y"]:
        assert [m.groups() for m in sentences._END.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_date_line_hints_hold_wherever_their_lines_match() -> None:
    from diplomatic_events.extract import reader
    from diplomatic_events.extract.text import casefree

    texts = [v for t in TEXTS + ["Published: May 5, 2025", "LAST UPDATED ON 5/6/2025", "date 2025-05-27",
                                 "First Published 3 May 2024", "Publication Date: 2024-01-02", "Modified: x"]
             for v in (t, t.upper(), t.lower(), t.replace("s", "ſ"))]
    for pattern, hint in ((reader._PUBLISHED_LINE, reader._PUBLISHED_HINT), (reader._UPDATE_LINE, reader._UPDATE_HINT),
                          (reader._HEADER_DATE, ("date",))):
        matched = [t for t in texts if pattern.search(t)]
        assert matched
        for text in matched:
            assert clean._has_any(casefree(text), hint), text


def test_non_date_word_is_a_letter_run_no_date_is_written_with() -> None:
    texts = TEXTS + ["Mon, 26 May 2025 10:45 a.m. GMT", "MAY 5", "ſun 5", "Monday, 12:30 ET", "Mayday 5", "é5 May"]
    for text in [v for t in texts for v in (t, t.upper(), t.lower())]:
        slow = any(not clean._DATE_WORD_RUN.fullmatch(run.group()) for run in LETTER_RUN.finditer(text))
        assert bool(clean._NON_DATE_WORD.search(text)) == slow, text
        assert clean._has_non_date_word(text) == slow, text


def test_date_word_set_is_every_spelling_of_a_date_word() -> None:
    words = {w for t in TEXTS for w in LETTER_RUN.findall(t.lower())} | clean._DATE_WORD_SET | {"weeks", "hr", "mins"}
    assert {w for w in words if clean._DATE_WORD_RUN.fullmatch(w)} == clean._DATE_WORD_SET


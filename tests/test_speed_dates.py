"""Fast paths in dates and tense must give what the slow paths they replaced give, on every text we hold."""

from __future__ import annotations

import re
import re._constants as C
import re._parser
from dataclasses import replace
from typing import Optional

import pytest

from conftest import ARTICLE_FOLDERS, case_variants
from diplomatic_events.extract import dates
from diplomatic_events.extract.reader import article_paths, read_article
from diplomatic_events.extract.text import casefree

SENTENCES = [s.text for folder in ARTICLE_FOLDERS for path in article_paths(folder) for s in read_article(path).sentences]
EXTRA = [
    "He said he would go.", "ARMED men LED the way", "The UNITED front agreed to talk", "Talks MAY resume",
    "Expected to sign, they agreed to it", "he needed to go", "ſaid the minister", "İt was dıscussed",
    "He has LEFT. She is leaving", "the talks were based on trust", "They are to meet", "We'll see",
]


TEXTS = [v for t in SENTENCES + EXTRA for v in case_variants(t)]
# The past-tense pattern the fast checks replaced: its words in any case, or an -ed form not before "to".
PAST = re.compile(rf"\b(?i:{dates._PAST_WORDS})\b|\b[a-z]{{2,}}ed\b(?! to\b)")


def _slow_tense(text: str) -> str:
    """Return the tense as one case-insensitive scan of each cue list finds it."""
    if dates._FUTURE.search(text):
        return "future"
    for match in PAST.finditer(text):
        if match.group(0) not in dates._NOT_PAST:
            return "past"
    return "present"


def test_sentence_tense_is_the_slow_scan() -> None:
    assert {dates.sentence_tense(t) for t in TEXTS} == {"future", "past", "present"}
    for text in TEXTS:
        assert dates.sentence_tense(text) == _slow_tense(text), text


def test_past_words_are_never_excluded() -> None:
    assert not set(dates._PAST_WORDS.split("|")) & dates._NOT_PAST


_GATE = re.compile(r"\(\?=(\\d|\[[^\]]*\]|\(\?i:\[[^\]]*\]\))\)")
# Letters a case-insensitive regex equates with an ASCII letter although str.lower() may not.
_FOLDED = [chr(c) for c in range(0x250)] + ["\u212a", "\u1e9e", "\u0130", "\u0131", "\u017f"]


def _first(items: list, flags: int) -> tuple[Optional[set], bool]:
    """Return the (char code or class item, case-insensitive) pairs a parsed sequence can begin with,
    None when it could begin with anything, and whether it can match the empty string."""
    out: set = set()
    for op, av in items:
        found, empty = _first_of_item(op, av, flags)
        if found is None:
            return None, False
        out |= found
        if not empty:
            return out, False
    return out, True


def _first_of_item(op, av, flags: int) -> tuple[Optional[set], bool]:
    icase = bool(flags & re.IGNORECASE)
    if op is C.LITERAL:
        return {(chr(av), icase)}, False
    if op is C.IN:
        chars = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add((chr(value), icase))
            elif kind is C.RANGE:
                chars |= {(chr(c), icase) for c in range(value[0], value[1] + 1)}
            elif kind is C.CATEGORY and value is C.CATEGORY_DIGIT:
                chars.add(("digit", icase))
            else:
                return None, False
        return chars, False
    if op is C.BRANCH:
        results = [_first(alt, flags) for alt in av[1]]
        if any(found is None for found, _ in results):
            return None, False
        return set().union(*(found for found, _ in results)), any(empty for _, empty in results)
    if op is C.SUBPATTERN:
        return _first(av[3], (flags | av[1]) & ~av[2])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        found, empty = _first(av[2], flags)
        return found, empty or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True
    return None, False


@pytest.mark.parametrize("index", range(len(dates._PATTERNS)))
def test_date_pattern_starts_with_its_gate(index: int) -> None:
    pattern = dates._PATTERNS[index][0]
    gate = _GATE.match(pattern.pattern)
    assert gate, pattern.pattern[:60]
    starts = re.compile(gate.group(1))
    parsed = re._parser.parse(pattern.pattern[gate.end():], pattern.flags)
    found, empty = _first(list(parsed), parsed.state.flags)
    assert found and not empty
    for char, icase in found:
        if char == "digit":
            assert all(starts.fullmatch(c) for c in "0123456789٣") and starts.pattern.startswith(("\\d", "(?i:[\\d"))
            continue
        assert starts.fullmatch(char), (char, starts.pattern)
        if icase:
            for other in _FOLDED:
                if re.fullmatch(f"(?i:{re.escape(char)})", other):
                    assert starts.fullmatch(other), (char, other, starts.pattern)


def test_future_cues_apart_are_the_whole_pattern() -> None:
    assert "(?-i:may)" in dates._FUTURE.pattern and "may" not in dates._FUTURE_LOW.pattern
    assert not dates._FUTURE_LOW.flags & re.IGNORECASE


def _slow_nearest_tense(text: str, last: bool) -> str:
    """Return the nearest tense cue as one case-insensitive scan of each cue list finds them."""
    cues = [(m.start(), "future") for m in dates._FUTURE.finditer(text)]
    cues += [(m.start(), "past") for m in PAST.finditer(text)
             if m.group(0) not in dates._NOT_PAST and not dates._BE_BEFORE.search(text, 0, m.start())
             and not (m.group(0).endswith("ed") and dates._PASSIVE_BY.match(text, m.end()))]
    cues += [(m.start(), "scheduled") for m in dates._SCHEDULED.finditer(text)]
    if not cues:
        return "present"
    return (max(cues, key=lambda c: (c[0], c[1] == "scheduled")) if last
            else min(cues, key=lambda c: (c[0], c[1] != "scheduled")))[1]


def test_past_spans_are_what_the_past_pattern_finds() -> None:
    for text in TEXTS:
        slow = [m.span() for m in PAST.finditer(text) if m.group(0) not in dates._NOT_PAST]
        assert dates._past_spans(text, casefree(text)) == slow, text


def test_nearest_tense_is_the_slow_scan() -> None:
    for text in TEXTS + ["will be received by", "was being hosted by him", "They had been led by"]:
        for last in (True, False):
            assert dates._nearest_tense(text, last) == _slow_nearest_tense(text, last), text


def test_sentence_gate_passes_every_sentence_with_a_date() -> None:
    for text in TEXTS + [p for p in dates.__doc__.split('"') if len(p) < 40]:
        if dates._select(text, casefree(text)):
            assert dates._GATE_CASED.search(text) or dates._GATE_WORDS.search(casefree(text)), text


def test_scheduled_hint_holds_wherever_a_plan_cue_matches() -> None:
    cued = [t for t in TEXTS + ["Talks SET FOR May", "an İnvitation", "pencilled in"] if dates._SCHEDULED.search(t)]
    assert cued
    for text in cued:
        assert dates._SCHEDULED_HINT.search(casefree(text)), text


ARTICLES = [read_article(path) for folder in ARTICLE_FOLDERS for path in article_paths(folder)]


def _sentence_by_sentence(sentences, published) -> list:
    """Return each sentence's dates as find_dates gives them, anchored on the last explicit date before it."""
    out, anchor = [], None
    for s in sentences:
        windows = dates.find_dates(s.text, published, offset=s.start, anchor=anchor)
        explicit = [w for w in windows if w.basis == "explicit"]
        anchor = explicit[-1] if explicit else anchor
        out.append(windows)
    return out


@pytest.mark.parametrize("case", [str, str.lower, str.upper, str.title, str.swapcase])
def test_article_dates_are_the_sentence_by_sentence_dates(case) -> None:
    for article in ARTICLES:
        sentences = [replace(s, text=case(s.text)) for s in article.sentences]
        assert dates.article_dates(sentences, article.published) == _sentence_by_sentence(sentences, article.published)


def test_lowering_joined_sentences_lowers_each() -> None:
    texts = TEXTS + ["ΟΔΟΣ", "ΟΔΟΣ\x00Σ", "İİ ı ſ", "x\x00y"]
    low = casefree(dates._JOIN.join(texts))
    at = 0
    for text in texts:
        assert low[at:at + len(text)] == casefree(text), text
        at += len(text) + len(dates._JOIN)


LEAD_TEXTS = TEXTS + [v for t in ["in the second half of the next week", "the end of this  month", "early in the\tcoming year",
                                  "later  on\u00a0Monday", "earlier on Tuesday or Wednesday", "within May and June",
                                  "x in 2024 and 2025", "mid-February", "previous Sunday, last Sunday",
                                  "from March–May 2024", "between  March and\tMay 2024", "the second half of March 2024",
                                  "from Monday, May 26–27, 2025", "from Tuesday,\nMay 30 – June 2, 2025",
                                  "the end of   February", "early in May of 2024"]
                      for v in case_variants(t)]
LEADS = [(i, p, dates._LEAD_OF[p.pattern]) for i, (p, _) in enumerate(dates._PATTERNS) if p.pattern in dates._LEAD_OF]
WHITESPACE_RUN = re.compile(r"\s+")


@pytest.mark.parametrize("index,pattern,lead", LEADS, ids=[str(i) for i, _, _ in LEADS])
def test_lead_start_skips_no_match(index: int, pattern: re.Pattern, lead: tuple) -> None:
    core, cased, n = lead
    matched = 0
    for text in LEAD_TEXTS:
        low = casefree(text)
        plain = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in pattern.finditer(text, dates._lead_start(text, low, lead))] == plain, text
        for start, end in plain:
            cores = [c for c in range(start, end) if core.match(text if cased else low, c)]
            assert cores and len(WHITESPACE_RUN.findall(text, start, cores[0])) <= n, (text[start:end], n)
            matched += 1
    assert matched


def test_met_is_every_pattern_whose_needs_hold() -> None:
    for text in TEXTS:
        low = casefree(text)
        expected = [g for g in dates._GATED if all(search(text if cased else low) for _, search, cased in g[2])]
        assert dates._met(text, low) == expected, text


def test_month_end_is_the_calendar_month_end() -> None:
    import calendar
    import datetime as dt

    for year in range(1, 10000):
        for month in range(1, 13):
            assert dates._month_end(year, month) == dt.date(year, month, calendar.monthrange(year, month)[1])


def test_year_groups_are_the_groups_named_for_a_year() -> None:
    for pattern, _ in dates._PATTERNS:
        for match in (m for text in TEXTS for m in pattern.finditer(text)):
            assert dates._basis(match) == ("explicit" if any(k.startswith("y") and v for k, v in match.groupdict().items())
                                           else "relative")


def _eager_tense(ctx, match, pick):
    """Find the clause's tense always, as resolution did before it learnt to skip that."""
    return pick(ctx.tense(*match.span("x")))


@pytest.mark.parametrize("shift", range(7))
def test_tense_is_skipped_only_where_every_tense_picks_alike(monkeypatch, shift: int) -> None:
    import datetime as dt

    def run() -> list:
        return [dates.find_dates(t, article.published + dt.timedelta(days=shift))
                for article in ARTICLES if article.published for t in (s.text for s in article.sentences)]

    fast = run()
    monkeypatch.setattr(dates, "_by_tense", _eager_tense)
    assert run() == fast

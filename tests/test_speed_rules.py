"""Faster forms of rule patterns must find exactly what their plain forms find."""

from __future__ import annotations

import re

import pytest

from diplomatic_events.extract import cues, meetings
from diplomatic_events.extract.text import casefree
from test_rule_speed_gates import VARIANTS

EDGES = ["  when  x", " when x", ",  when x", ";:", " - x", "x ,   and the y", "\twhen\t", "when x", " , and a ",
         "a\n when b", ",when x", " ,when x"]
# The plain form of cues.CLAUSE_CUT, before its opening characters were put first.
PLAIN_CLAUSE_CUT = re.compile(
    r"(?:[;:]|\s[-–—]\s|,?(?<!\s)\s+(?:when|where|while|after|before|since|because|although|though|as|which|"
    r"who|whose|whom|but|until)\s|,\s+and\s+(?=(?:a|an|the)\s))", re.I)


def test_clause_cuts_equal_the_plain_scan() -> None:
    checked = 0
    for text in VARIANTS + EDGES:
        assert [m.span() for m in cues.CLAUSE_CUT.finditer(text)] == \
            [m.span() for m in PLAIN_CLAUSE_CUT.finditer(text)], text
        for lo in range(0, len(text), 7):
            for hi in (len(text), lo + 30):
                plain, fast = PLAIN_CLAUSE_CUT.search(text, lo, hi), cues.CLAUSE_CUT.search(text, lo, hi)
                assert (fast and fast.span()) == (plain and plain.span()), (text, lo, hi)
                checked += 1
    assert checked > 10000


def test_a_hint_in_a_prefix_is_a_hint_in_the_whole_text() -> None:
    for text in VARIANTS:
        whole = cues.SINCE_SCAN.hinted(text)
        for k in range(0, len(text), 3):
            assert whole or not cues.SINCE_SCAN.hinted(text[:k]), text


# Patterns a hint check spares, each with the Hinted whose hints every match must hold.
SPARED = {"visit tie": (meetings.VISIT_TIE, meetings.VISIT_NOUNS), "where visit": (meetings.WHERE_VISIT, meetings.VISIT_NOUNS)}
SPARED_PHRASES = ["During The Visit", "on the SECOND day of Fidan's working visit", "his trip to Moscow, where he met",
                  "In The Course Of His Stay", "the 3rd day of the tour", "his visit to Rome where they "]


@pytest.mark.parametrize("name", SPARED)
def test_every_spared_match_holds_a_hint(name: str) -> None:
    pattern, scan = SPARED[name]
    matched = 0
    for text in VARIANTS + [v for p in SPARED_PHRASES for v in (p, p.upper(), p.lower(), p.swapcase())]:
        for match in pattern.finditer(text):
            matched += 1
            assert scan.hinted(match.group()) and scan.hinted(text), (name, match.group())
    assert matched > 0


def test_meeting_scan_without_call_finds_what_the_plain_scan_finds() -> None:
    scanned = 0
    for text in VARIANTS + ["He Spoke By Phone With", "their first CALL on Monday with", "in a call with"]:
        if "call" in casefree(text):
            continue
        scanned += 1
        assert [m.span() for m in meetings.TRIGGER_SCAN_NO_CALL.finditer(text)] == \
            [m.span() for m in meetings.TRIGGER.finditer(text)], text
    assert scanned > 1000

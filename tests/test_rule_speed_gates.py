"""Shortcuts that spare slow rule scans must find exactly what the plain scans find."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from diplomatic_events.extract import cues, meetings, statements, visits
from diplomatic_events.extract.context import annotate
from diplomatic_events.extract.reader import article_paths, read_article
from diplomatic_events.extract.text import casefree

TESTS = Path(__file__).resolve().parent
PHRASES = [
    "He paid a two-day visit to Oman.", "A THREE-DAY STATE VISIT TO KENYA", "the follow-up Ten-Day Tour of Peru",
    "She flew on to Riga, then went on to Vilnius.", "He LEFT Paris for Rome", "They were Received By the king",
    "He invited Ruto to visit", "was ſtill in Kyiv", "İnvited Erdoğan to Ankara", "spoke by TELEPHONE with",
    "held a Video Conference", "in a call with", "their first call on Monday with", "Sat Down Together with",
    "paid a courtesy call on", "co-chaired the talks", "Talks Were Held Between", "signed three agreements",
    "spent two hours with", "after meeting Putin", ", meeting his counterpart", "to WELCOME him", "by video",
    "she said, calling for calm", "He pointed  out that", "as Lavrov referred to it as", "they were told",
]


def _texts() -> list[str]:
    texts = list(PHRASES)
    folders = [TESTS.parent / "corpus", TESTS / "articles", *sorted(TESTS.glob("heldout*/corpus"))]
    for path in [p for folder in folders for p in article_paths(folder)]:
        texts += [s.text for s in read_article(path).sentences]
    for name in ("test_events.py", "test_statements.py"):
        for node in ast.walk(ast.parse((TESTS / name).read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    return texts


TEXTS = _texts()
VARIANTS = [v for t in TEXTS for v in {t, t.upper(), t.lower(), t.title(), t.swapcase()}]
SCANS = {"travel": visits.TRAVEL_SCAN, "travel-day": visits.TRAVEL_SCAN_DAY, "meeting": meetings.TRIGGER_SCAN,
         "speech": statements._VERB_SCAN}
BOUNDARY = re.compile(r"\b")
ARTICLES = [p for d in ("corpus", "tests/articles") for p in article_paths(TESTS.parent / d)]


def _scanned_by(name: str, text: str) -> bool:
    """Return whether the scan serves `text` (the plain travel gate only serves texts without "-day ")."""
    return name != "travel" or "-day " not in casefree(text)


@pytest.mark.parametrize("name", SCANS)
def test_gate_holds_wherever_the_pattern_matches(name: str) -> None:
    scan = SCANS[name]
    matched = 0
    for text in [t for t in VARIANTS if _scanned_by(name, t)]:
        low = casefree(text)
        for at in range(len(text)):
            if scan.pattern.match(text, at):
                matched += 1
                assert scan.gate.exact.match(low, at), (name, text[at:at + 40])
    assert matched > 100


@pytest.mark.parametrize("name", SCANS)
def test_gated_scan_finds_what_the_plain_scan_finds(name: str) -> None:
    scan = SCANS[name]
    for text in [t for t in VARIANTS if _scanned_by(name, t)]:
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)], text


@pytest.mark.parametrize("name", SCANS)
def test_fast_gate_finds_the_places_of_the_exact_one(name: str) -> None:
    gate = SCANS[name].gate
    assert gate.after_break is not None or name == "travel-day"
    for low in {casefree(t) for t in VARIANTS} | {"", "visit", "-visit", "x-co-chair", "“met”"}:
        assert gate.positions(low) == [m.start() for m in gate.exact.finditer(low)], low


def test_travel_triggers_match_the_plain_scan() -> None:
    day = [t for t in VARIANTS if "-day " in casefree(t)]
    assert day
    for text in VARIANTS:
        assert [m.span() for m in visits._travel(text)] == [m.span() for m in visits.TRAVEL.finditer(text)]


def test_casefree_keeps_word_characters_apart_from_the_rest() -> None:
    word = re.compile(r"\w")
    for code in range(0x110000):
        char = chr(code)
        low = casefree(char)
        if low != char:
            assert len(low) == 1 and bool(word.match(low)) == bool(word.match(char)), hex(code)


def _plain_clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    cuts_before = [m.end() for m in cues.CLAUSE_CUT.finditer(text) if m.end() <= start]
    after = cues.CLAUSE_CUT.search(text, end)
    return (cuts_before[-1] if cuts_before else 0), (after.start() if after else len(text))


def test_clause_bounds_equal_the_plain_scan() -> None:
    texts = TEXTS + ["a , when  when b", "x;y: z", "he said, when , which  who", " - — : ;;"]
    straddled = 0
    for text in texts:
        spans = [m.span() for m in cues.CLAUSE_CUT.finditer(text)]
        points = {p for a, b in spans for p in range(max(0, a - 1), b + 2)} | set(range(0, len(text) + 1, 9))
        for end in sorted(points):
            straddled += any(a < end < b for a, b in spans)
            for start in (max(0, end - 5), end):
                assert cues.clause_bounds(text, start, end) == _plain_clause_bounds(text, start, end), (text, end)
    assert straddled > 0


@pytest.mark.parametrize("openings, extra", [(("vis", "v", "pay"), ""), (("ab", "abc"), "x+y"), (("said",), "")])
def test_opening_gate_holds_exactly_where_an_opening_starts(openings: tuple[str, ...], extra: str) -> None:
    gate = cues.opening_gate(openings, extra)
    for text in ["visit pay vex", "a abc ab xxy", "said unsaid saidx", "pa va ba", "xy ayb"]:
        bounds = [i for i in range(len(text) + 1) if BOUNDARY.match(text, i)]
        starts = {i for i in bounds if any(text.startswith(w, i) for w in openings) or (extra and re.match(extra, text[i:]))}
        assert set(gate.positions(text)) == starts, text


def _plain_sentence_index(ctx, pos: int) -> int:
    for a in ctx.sentences:
        if a.sentence.start <= pos < a.sentence.end + 1:
            return a.sentence.index
    return ctx.sentences[-1].sentence.index


@pytest.mark.parametrize("path", ARTICLES[:12], ids=lambda p: p.stem[:24])
def test_sentence_index_equals_the_plain_scan(path: Path) -> None:
    ctx = annotate(read_article(path))
    state = statements._State(ctx, statements.find_quotes(ctx))
    for pos in range(-1, len(ctx.article.raw) + 2):
        assert statements._sentence_index(state, pos) == _plain_sentence_index(ctx, pos), pos


def _plain_quote_starting(state, pos: int):
    raw = state.ctx.article.raw
    for q in state.quotes:
        if not q.used and q.open_at >= pos and not raw[pos:q.open_at].strip(" ,:\n\r\t"):
            return q
    return None


@pytest.mark.parametrize("path", [p for p in ARTICLES if '"' in p.read_text("utf-8") or "“" in p.read_text("utf-8")][:10],
                         ids=lambda p: p.stem[:24])
def test_quote_starting_equals_the_plain_scan(path: Path) -> None:
    ctx = annotate(read_article(path))
    state = statements._State(ctx, statements.find_quotes(ctx))
    assert state.quotes
    for used in (False, True):
        for q in state.quotes[::2]:
            q.used = used
        for pos in range(len(ctx.article.raw) + 1):
            assert statements._quote_starting(state, pos, pos) is _plain_quote_starting(state, pos), pos


HINTED = {"cancelled": cues.CANCELLED_SCAN, "postponed": cues.POSTPONED_SCAN, "next round": meetings.NEXT_ROUND_SCAN,
          "this meeting": meetings.THIS_MEETING_SCAN, "joint": meetings.JOINT_SCAN, "this visit": visits.THIS_VISIT_SCAN,
          "negation": cues.NEGATION_SCAN, "uncertain": cues.UNCERTAIN_SCAN, "since": cues.SINCE_SCAN,
          "event words": cues.EVENT_WORDS_SCAN, "group": cues.GROUP_SCAN, "occasion": cues.OCCASION_SCAN,
          "title run": cues.TITLE_RUN_SCAN, "inviter": cues.INVITER_SCAN,
          "participle clause": visits.PARTICIPLE_CLAUSE_SCAN}
HINT_PHRASES = ["It was CANCELLED.", "talks were Called Off", "the trip was scrapped, then SHELVED", "put on hold",
                "Postponed to a Later Date", "pushed back", "the Follow-Up Round", "That Meeting", "this call",
                "A Trilateral Summit", "three-way talks", "their planned visit", "THE JOURNEY", "off the table",
                "He did not ", "she won't really ", "No ", "It is unclear if he ", "Whether they ", "since early ",
                "SINCE ", "Foreign Minister ", "the President of the Republic ", "the two leaders", "BOTH MINISTERS",
                "at the G20 Summit, ", "at the invitation of ", "as a Guest of ", "the war", "Took Place", "Before ", "and then  ", "AHEAD OF "]
# Anchored patterns are searched in the text before an event: every sentence's word-start prefixes.
PREFIXES = [t[:m.start()] for t in TEXTS[:1500] for m in re.finditer(r"\b\w", t)]
@pytest.mark.parametrize("name", HINTED)
def test_every_match_holds_a_hint(name: str) -> None:
    scan = HINTED[name]
    matched = 0
    for text in VARIANTS + PREFIXES + [v for p in HINT_PHRASES for v in (p, p.upper(), p.lower(), p.swapcase())]:
        for match in scan.pattern.finditer(text):
            matched += 1
            assert any(h in casefree(match.group()) for h in scan.hints), (name, match.group())
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]
        half = len(text) // 2
        found = scan.search(text, half // 2, half + 3)
        assert (found and found.span()) == ((m := scan.pattern.search(text, half // 2, half + 3)) and m.span())
    assert matched > 0


def test_headline_check_equals_its_pattern() -> None:
    pattern = re.compile(r"[.!?:\"”’')]\s*$")
    for text in TEXTS + ["", " ", "He said.\n", "Headline\n", "x )\u2003", "“Quote”", "ends:\n\n", "a.b"]:
        assert statements._ends_like_a_headline(text) == (not pattern.search(text)), text


def test_words_equal_the_lower_cased_words_of_the_text() -> None:
    for text in VARIANTS + ["İstanbul’s KELVIN \u212a", "ASCII-only O'Neil's", ""]:
        assert statements._words(text) == [w.lower() for w in statements._WORD.findall(text)], text

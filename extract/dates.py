"""Time expressions in English news sentences -> resolved date windows.

Every window comes from words in the text, resolved against the article's publication date or
against an anchor (the last explicit date earlier in the article). Nothing is guessed: when an
expression needs the publication date and there is none, it is skipped.

Resolution choices (documented here once):
- Weeks run Monday to Sunday; "this week" is the week holding the publication day.
- A weekday, a month or a day-and-month without a year takes the sentence's tense: past -> the
  latest occurrence on or before publication (the publication day itself counts); future -> the
  earliest on or after it; present/unknown -> the occurrence nearest publication (for weekdays:
  within three days either side, ties going to the past).
- "mid-February" and "the middle of 2024" are the whole month / year. For a month, "early",
  "beginning of", "first half of" are days 1-15 and "late", "end of", "second half of" days
  16-end. For a year, "early"/"beginning of" are January-April, "late"/"end of" September-December,
  "first/second half" January-June / July-December. For a week, early is Monday-Wednesday and late
  Thursday-Sunday. Such parts keep the precision of the whole (month, year, week).
- "earlier this month" runs from the first of the month to publication, "later this year" from
  publication to the year's end; "in the coming days|weeks|months" from publication for two weeks,
  eight weeks or six months.
- A day or day range without a year that the tense would put more than half a year from
  publication is taken at its occurrence nearest publication instead.
- Numeric dates (1/29/24, 27/05/2025) are read only when one field exceeds 12 or both agree.
- Anaphora ("the following month", "two days later", "later that year", "that day") moves from
  the anchor, and only by a unit no finer than the anchor's precision; a date found earlier in
  the same sentence becomes the anchor for what follows it. Without an anchor, "the next/previous
  week|month|year" is read against publication; the rest is skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple, Optional, Sequence, TypeVar, Union

from .text import casefree
from .types import DateWindow, Span

Date = dt.date
Bounds = tuple[Date, Date]

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}
_FAR_DAYS = 183
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NOT_PLURAL = {"was", "has", "is", "as", "its", "his", "this", "thus", "plus", "us", "across", "always", "perhaps",
               "towards", "afterwards", "whereas", "unless", "besides", "less"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
# Capitalised words that turn a weekday or "Today" into a name (Good Friday, Russia Today).
_NAME_BEFORE = {"good", "black", "holy", "easter", "palm", "bloody", "super", "cyber", "ash",
                "maundy", "shrove", "russia", "usa", "china"}


def _month(name: str) -> str:
    return rf"(?P<{name}>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})\b\.?)"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:+%]|,\d{{3}}|-[A-Za-z])"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:1[89]|20)\d\d)(?![\d%]|s\b|,\d|\.\d)"


_NUM0 = r"(?<![\w.,:/+$£€-])"  # a number that is not part of a larger figure or name (G20, 3+3)
_DASH = r"(?:\s*[-–—]\s*|\s+(?i:to|through|until|till|and|-)\s+)"
_SEP_Y = r",?\s+"
_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_FROM = r"(?:(?i:between|from)\s+)?"
_MOD = (
    r"(?:(?P<mod>(?i:early|late|mid))(?:-|\s+)(?:(?i:in)\s+)?"
    r"|(?:(?i:the)\s+)?(?P<mod2>(?i:beginning|start|end|middle|first half|second half))\s+(?i:of)\s+)"
)
_TRIGGER = (r"(?P<trig>(?i:in|since|by|until|till|from|during|of|before|after|through|throughout|for"
            r"|between|and|or|to|around|last|next|this|that))\s+")
_REL = r"(?P<rel>(?i:this|next|last|past|previous|coming|current))"


# What a pattern cannot match without. Most patterns begin with optional groups, so the regex
# engine tries them at every position of a sentence; checking these first skips almost all runs.
# Case-insensitive scans are slow, so word families are searched in the lowered sentence instead.
# Editing a pattern? Keep its needs true of every text it matches (tests/test_gates.py checks).
_MONTHS = rf"(?:{_FULL_MONTHS}|{_ABBR_MONTHS})\b"
_CASED_NEEDS = {
    "digit": r"\d",
    "year": r"(?:1[89]|20)\d\d",
    "iso": r"\d{4}-\d\d-\d\d",
    "numeric": r"\d[/.]\d{1,2}[/.]\d\d",
    "month": _MONTHS,
    "full month": rf"(?:{_FULL_MONTHS})\b",
    "day month": rf"\d(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{_MONTHS}",
    "month day": rf"{_MONTHS}\.?\s+(?:(?i:the)\s+)?\d",
    "day range": r"\d(?:st|nd|rd|th)?(?:\s*[-–—]|\s+(?i:to|through|until|till|and|-)\s)",
    "year range": r"(?:1[89]|20)\d\d(?:\s*[-–—]|\s+(?i:to|and)\s)",
    "bare month": rf"(?:{_FULL_MONTHS})\b(?!\s+\d)",
    "month year": rf"{_MONTHS}\.?,?\s+(?:(?i:of)\s+)?(?:1[89]|20)\d\d",
    "weekday": "|".join(_WEEKDAYS),
    "hyphen": "-",
}
_LOWER_NEEDS = {
    "unit": r"day|week|month|year|morning|afternoon|evening|night",
    "mod": r"early|late|mid|beginning|start|end|middle|first half|second half",
    "dir unit": r"(?:following|previous|preceding|subsequent|next)\s+(?:day|week|month|year|morning|evening|night)",
    "later that": r"(?:later|earlier)\s+(?:that|the same)",
    "that unit": r"(?:that|same)\s+(?:day|week|month|year|morning|afternoon|evening|night)",
    "unit later": r"(?:day|week|month|year)s?\s+(?:later|earlier)",
    "rel unit": r"(?:this|next|last|past|previous|coming|current)\s+(?:week|month|year)",
    "later in": r"(?:later|earlier)\s+(?:in|during)\s+the\s+(?:week|month|year)",
    "the unit": r"the\s+(?:week|month|year)",
    "ago": r"(?:day|week|month|year)s?\s+ago",
    "season": r"spring|summer|autumn|fall|winter",
    "weekend": r"the\s+weekend",
    "today": r"today|tonight|yesterday|tomorrow",
    "day after": r"(?:day|week)s?\s+(?:after|before)",
    # single words some of the phrases above hold: a cheap check first spares their scans
    "later word": r"later|earlier",
    "ago word": r"ago",
    "after word": r"after|before",
    "dir word": r"following|previous|preceding|subsequent|next",
    "coming": r"coming|next few|next several",
    "rel word": r"this|next|last|past|previous|coming|current",
    "that word": r"that|same",
}
_LITERAL_WORDS = re.compile(r"[A-Za-z ]+(?:\|[A-Za-z ]+)*")


class _Literals(NamedTuple):
    """A need that is one of a few literal words: `in` finds those faster than a regex scan does."""

    words: tuple[str, ...]

    def search(self, text: str) -> bool:
        for word in self.words:  # a loop: a generator costs more than the few checks
            if word in text:
                return True
        return False


def _need(rx: str) -> Union[re.Pattern[str], _Literals]:
    return _Literals(tuple(rx.split("|"))) if _LITERAL_WORDS.fullmatch(rx) else re.compile(rx)


# Sentences without any of these cannot hold a time expression; skipping them keeps this cheap.
_GATE_CASED = re.compile(r"(?=[\dADFJMNOS])(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_GATE_WORDS = _need("day|week|month|year|spring|summer|autumn|fall|winter|tonight|tomorrow")  # lowered
_NEEDS = {name: (_need(rx), cased) for names, cased in ((_CASED_NEEDS, True), (_LOWER_NEEDS, False))
          for name, rx in names.items()}
# Keyed by pattern text (hashing a Pattern is slow): each need's name, search and whether it reads the cased text.
_NEEDS_OF: dict[str, tuple[tuple[str, Callable[[str], object], bool], ...]] = {}
# Keyed by pattern text: the `lead` a pattern was compiled with, its core compiled.
_LEAD_OF: dict[str, tuple[re.Pattern[str], bool, int]] = {}


def _rx(pattern: str, *needs: str, starts: str, lead: Optional[tuple[str, bool, int]] = None) -> re.Pattern[str]:
    """Compile a pattern that can only match a sentence where every one of `needs` is found.

    Every match begins with a character of the class `starts`: checking it first spares the engine
    trying the pattern's optional openings at every other position (tests/test_speed_dates.py checks).
    `lead` is (core, cased, n): every match holds a match of the regex `core` (found in the text as
    written if cased, else lowered) with at most n runs of whitespace before it inside the match, so
    no match begins more than n words before the first match of `core` (see _lead_start).
    """
    compiled = re.compile(f"(?={starts}){pattern}")
    _NEEDS_OF[compiled.pattern] = tuple((name, _NEEDS[name][0].search, _NEEDS[name][1]) for name in needs)
    if lead:
        _LEAD_OF[compiled.pattern] = (re.compile(lead[0]), lead[1], lead[2])
    return compiled


def _lead_start(text: str, low: str, lead: tuple[re.Pattern[str], bool, int]) -> int:
    """Return an offset no match of a pattern with this `lead` begins before.

    A match beginning sooner would hold, before its core, the whitespace run ending there and the
    n runs between there and the first core: more runs than the pattern has.
    """
    core, cased, n = lead
    first = core.search(text if cased else low)
    if first is None:
        return len(text)  # no core: no match
    i = first.start()
    while i and not text[i - 1].isspace():
        i -= 1
    for _ in range(n):
        while i and text[i - 1].isspace():
            i -= 1
        while i and not text[i - 1].isspace():
            i -= 1
    return i


@dataclass
class _Ctx:
    """What resolving one match needs."""

    text: str
    published: Optional[Date]
    anchor: Optional[DateWindow]
    tense: Callable[[int, int], str]


@dataclass
class _Found:
    start: Date
    end: Date
    precision: str
    basis: str


Handler = Callable[[re.Match[str], _Ctx], Optional[_Found]]


# ---------------------------------------------------------------- calendar helpers

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month])


def _month_bounds(year: int, month: int) -> Bounds:
    return Date(year, month, 1), _month_end(year, month)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def _week(day: Date) -> Bounds:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _season_bounds(year: int, code: int) -> Bounds:
    first = _SEASON_START[code]
    last_year, last_month = _add_months(year, first, 2)
    return Date(year, first, 1), _month_end(last_year, last_month)


def _safe_date(year: int, month: int, day: int) -> Optional[Date]:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _month_of(token: str) -> int:
    return _MONTH_NUM[casefree(token[:3])]


def _distance(window: Bounds, day: Date) -> int:
    if window[0] <= day <= window[1]:
        return 0
    return min(abs((window[0] - day).days), abs((window[1] - day).days))


def _pick(candidates: list[Bounds], published: Date, tense: str) -> Optional[Bounds]:
    """Choose the occurrence a tense points to among yearly/weekly repeats of one expression."""
    if tense == "past":
        before = [c for c in candidates if c[0] <= published]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if c[1] >= published]
        return min(after) if after else None
    return min(candidates, key=lambda c: (_distance(c, published), c[0]))


# ---------------------------------------------------------------- EDTF

def _season_edtf(start: Date, end: Date) -> Optional[str]:
    for code in _SEASON_START:
        if _season_bounds(start.year, code) == (start, end):
            return f"{start.year}-{code}"
    return None


def _edtf(start: Date, end: Date, precision: str) -> str:
    """Return the EDTF string whose bounds are exactly start..end."""
    if start == end:
        return start.isoformat()
    if precision == "season" and (code := _season_edtf(start, end)):
        return code
    if start.day == 1 and end == _month_end(end.year, end.month):
        if start.month == 1 and end.month == 12:
            return str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
        left, right = f"{start.year}-{start.month:02d}", f"{end.year}-{end.month:02d}"
        return left if left == right else f"{left}/{right}"
    return f"{start.isoformat()}/{end.isoformat()}"


# ---------------------------------------------------------------- tense

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|wouldn't|might|(?-i:may)|going to|(?:expects?|expected|scheduled|slated"
    r"|poised|plans?|planning|intends?|intending|aims?|hopes?) to|(?:is|are|was|were) (?:set|due) to"
    r"|(?:is|are) due"
    r"|(?:is|are) to \w+|upcoming|forthcoming|soon|next(?! to)|tomorrow)\b|'ll\b",
    re.IGNORECASE,
)
# _FUTURE apart: all but its case-sensitive "may" searched fast in the lowered sentence, "may" as written.
_FUTURE_LOW = re.compile(_FUTURE.pattern.replace("|(?-i:may)", ""))
_MAY = re.compile(r"\bmay\b")
# What every _FUTURE match holds, lower-cased: most sentences lack all of it and skip the slow scan.
_FUTURE_HINT = _Literals(("will", "won't", "shall", "would", "might", "may", "going to", "expect", "scheduled",
                           "slated", "poised", "plan", "intend", "aim", "hope", "set to", "due", "is to", "are to",
                           "upcoming", "forthcoming", "soon", "next", "tomorrow", "'ll"))
_PAST_WORDS = (
    "said|told|met|held|made|took|came|went|saw|gave|spoke|wrote|left|began|led|sent|won|lost"
    "|fought|thought|brought|became|knew|chose|flew|kept|stood|found|was|were|had|did|got|ran|paid"
    "|sought|struck|drove|rose|fell|broke|grew|threw|sold|bought|heard|felt|meant|understood|ago"
    "|been|done|gone|taken|given|seen|last|earlier|previously|recently|recent|yesterday|formerly"
)


def _by_first_letter(words: list[str]) -> str:
    """Return an alternation of whole `words` grouped by first letter: the engine then tests one letter per group."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())


# Past forms: a past word (found in the lowered sentence) or an -ed form as written, each a whole word.
_PAST_WORD = re.compile(rf"\b(?:{_by_first_letter(_PAST_WORDS.split('|'))})\b")
_ED_FORM = re.compile(r"\b[a-z]{2,}ed\b(?! to\b)")
_NOT_PAST = {"need", "speed", "seed", "feed", "embed", "united", "armed", "based", "related",
             "limited", "detailed", "advanced", "alleged", "concerned", "interested", "involved",
             "hundred", "red", "bed", "shed", "wed", "indeed", "exceed", "proceed", "succeed",
             "agreed", "unprecedented", "unexpected", "unrivalled", "unlimited", "besieged",
             "proposed", "expected", "scheduled", "planned", "rumored", "rumoured", "anticipated",
             "awaited", "so-called", "dedicated", "coordinated", "sustained", "prolonged",
             "advanced"}
_CLAUSE_CUT = re.compile(
    r"[,;:()\[\]\"“”—]|\s[-–]\s|\b(?:that|which|who|whom|where|when|while|after|before|because"
    r"|although|but|and|as|whereas)\b"
)


def sentence_tense(text: str) -> str:
    """Return "future", "past" or "present" for a sentence or clause, by small lexical cues.

    Future cues win over past ones: reported speech ("said he would visit") is about the future.
    """
    low = casefree(text)
    if _FUTURE_HINT.search(low) and (_FUTURE_LOW.search(low) or "may" in text and _MAY.search(text)):
        return "future"
    if _PAST_WORD.search(low) or any(match.group(0) not in _NOT_PAST for match in _ED_FORM.finditer(text)):
        return "past"
    return "present"


# A date something was or is set for: the nearest such day, whether the plan held or not.
_SCHEDULED = re.compile(r"\b(?i:set|scheduled|slated|planned|pencilled|penciled|fixed|earmarked)\s+(?i:for|in)\b"
                        r"|\b(?i:invit(?:ed|es|e|ation|ations))\b")
# What every _SCHEDULED match holds, lower-cased.
_SCHEDULED_HINT = _Literals(("set", "scheduled", "slated", "planned", "pencil", "fixed", "earmarked", "invit"))
# "hosted by": a passive participle names no time of its own.
_PASSIVE_BY = re.compile(r"\s+by\b")
# Quoted words: the speaker's tense, not the reporter's ("he said Türkiye "will not allow"").
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
# "will be received": a participle after a bare "be" takes its tense from the modal before it.
_BE_BEFORE = re.compile(r"\b(?i:be|being)\s+$")


def _past_spans(text: str, low: str) -> list[tuple[int, int]]:
    """Return the spans of the past forms in `text` (`low` is it lowered); both kinds are whole words."""
    spans = {m.span() for m in _PAST_WORD.finditer(low)}
    spans.update(m.span() for m in _ED_FORM.finditer(text) if m.group(0) not in _NOT_PAST)
    return sorted(spans)


def _nearest_tense(text: str, last: bool) -> str:
    """Return the tense of the last (or first) tense cue of a clause: the verb nearest a date governs it."""
    cues: list[tuple[int, str]] = []
    low = casefree(text)
    if _FUTURE_HINT.search(low):
        cues += [(m.start(), "future") for m in _FUTURE.finditer(text)]
    be = "be" in low  # what every _BE_BEFORE match holds
    cues += [(start, "past") for start, end in _past_spans(text, low)
             if not (be and _BE_BEFORE.search(text, 0, start))
             and not (text.endswith("ed", start, end) and _PASSIVE_BY.match(text, end))]
    if _SCHEDULED_HINT.search(low):
        cues += [(m.start(), "scheduled") for m in _SCHEDULED.finditer(text)]
    if not cues:
        return "present"
    # at one position a plan ("invited") outranks the past tense its verb form shows
    return (max(cues, key=lambda c: (c[0], c[1] == "scheduled")) if last
            else min(cues, key=lambda c: (c[0], c[1] != "scheduled")))[1]


def _local_tense(text: str, start: int, end: int) -> str:
    """Return the tense of the clause around text[start:end], falling back to the sentence's."""
    before = text[:start]
    cuts = list(_CLAUSE_CUT.finditer(before))
    clause = before[cuts[-1].end():] if cuts else before
    words = clause.split()
    tense = _nearest_tense(" ".join(words[-12:]), last=True)
    if tense == "present" and len(words) > 12:
        tense = _nearest_tense(" ".join(words[-24:]), last=True)  # the clause's verb sits before a long object
    if tense == "scheduled":
        return "present"
    if tense != "present":
        return tense
    after = text[end:].lstrip(" ,;:")
    cut = _CLAUSE_CUT.search(after)
    tense = _nearest_tense(" ".join((after[: cut.start()] if cut else after).split(None, 10)[:10]), last=False)
    if tense not in ("present", "scheduled"):
        return tense
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        return "present"  # a tenseless quoted phrase ("sometime in the autumn") is not the reporter's past
    return _reporter_tense(text)


def _reporter_tense(text: str) -> str:
    """Return the tense of the sentence outside its quotes, or of the whole sentence if that has none."""
    if '"' in text or "“" in text:
        tense = sentence_tense(_QUOTED.sub(" ", text))
        if tense != "present":
            return tense
    return sentence_tense(text)


# ---------------------------------------------------------------- shared resolution steps

def _basis(match: re.Match[str]) -> str:
    return "explicit" if any(match.group(k) for k in _YEAR_GROUPS[match.re.pattern]) else "relative"


def _two_digit_year(value: str) -> int:
    year = int(value)
    if len(value) == 4:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _yearly(ctx: _Ctx, match: re.Match[str], make: Callable[[int], Optional[Bounds]]) -> Optional[Bounds]:
    """Resolve a calendar expression without a year by the tense of its clause."""
    if ctx.published is None:
        return None
    year = ctx.published.year
    candidates = [b for y in (year - 1, year, year + 1) if (b := make(y))]
    if not candidates:
        return None
    return _by_tense(ctx, match, lambda tense: _near_pick(candidates, ctx.published, tense))


def _near_pick(candidates: list[Bounds], published: Date, tense: str) -> Optional[Bounds]:
    """Pick by tense, but keep a day named without a year near publication."""
    chosen = _pick(candidates, published, tense)
    # A day named without a year is almost always near publication, whatever a mixed-tense
    # sentence says ("expected to reiterate ..., as it did on May 16").
    if chosen and (chosen[1] - chosen[0]).days < 7 and _distance(chosen, published) > _FAR_DAYS:
        return _pick(candidates, published, "present")
    return chosen


T = TypeVar("T")
# Every tense a pick can tell apart: _pick and _h_weekday read any other as the present.
_TENSES = ("past", "future", "present")


def _by_tense(ctx: _Ctx, match: re.Match[str], pick: Callable[[str], T]) -> T:
    """Return pick(the tense of the match's clause); find that tense only when the tenses pick apart."""
    first = pick(_TENSES[0])
    if all(pick(tense) == first for tense in _TENSES[1:]):
        return first
    return pick(ctx.tense(*match.span("x")))


def _dated(match: re.Match[str], ctx: _Ctx, make: Callable[[int], Optional[Bounds]], precision: str) -> Optional[_Found]:
    """Resolve with the year written in group y (or y2), else by tense."""
    year = match.groupdict().get("y")
    bounds = make(int(year)) if year else _yearly(ctx, match, make)
    if bounds is None:
        return None
    return _Found(bounds[0], bounds[1], precision, _basis(match))


def _part(bounds: Bounds, mod: Optional[str], unit: str, published: Optional[Date] = None) -> Optional[Bounds]:
    """Narrow a month/year/week window to the part a modifier names."""
    start, end = bounds
    mod = casefree(mod or "")
    if mod in ("", "mid", "middle"):
        return bounds
    if mod in ("earlier", "later"):
        if published is None or not start <= published <= end:
            return bounds
        return (start, published) if mod == "earlier" else (published, end)
    first = mod in ("early", "beginning", "start", "first half")
    if unit == "month":
        return (start, start.replace(day=15)) if first else (start.replace(day=16), end)
    if unit == "week":
        return (start, start + dt.timedelta(days=2)) if first else (start + dt.timedelta(days=3), end)
    if unit == "year":
        year = start.year
        if mod in ("first half", "second half"):
            return (start, _month_end(year, 6)) if first else (Date(year, 7, 1), end)
        return (start, _month_end(year, 4)) if first else (Date(year, 9, 1), end)
    return bounds


def _mod(match: re.Match[str]) -> Optional[str]:
    groups = match.groupdict()
    return groups.get("mod") or groups.get("mod2")


# ---------------------------------------------------------------- handlers

def _h_iso(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    day = _safe_date(int(match.group("y")), int(match.group("mo")), int(match.group("d")))
    return _Found(day, day, "day", "explicit") if day else None


def _h_numeric(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    first, second = int(match.group("a")), int(match.group("b"))
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first or first == second:
        day, month = second, first
    else:
        return None
    date = _safe_date(_two_digit_year(match.group("y")), month, day)
    return _Found(date, date, "day", "explicit") if date else None


def _h_day(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    month, day = _month_of(match.group("m")), int(match.group("d"))

    def make(year: int) -> Optional[Bounds]:
        date = _safe_date(year, month, day)
        return (date, date) if date else None

    return _dated(match, ctx, make, "day")


def _h_day_range(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    groups = match.groupdict()
    month1 = _month_of(match.group("m"))
    month2 = _month_of(groups["m2"]) if groups.get("m2") else month1
    day1, day2 = int(match.group("d")), int(match.group("d2"))
    if month1 == month2 and day2 <= day1:
        return None

    def make(year: int) -> Optional[Bounds]:
        start = _safe_date(year, month1, day1)
        end = _safe_date(year + (month2 < month1), month2, day2)
        return (start, end) if start and end else None

    if groups.get("y1"):
        bounds = make(int(groups["y1"]))
        return _Found(bounds[0], bounds[1], "day", "explicit") if bounds else None
    return _dated(match, ctx, make, "day")


def _h_month_range(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    month1, month2, year = _month_of(match.group("m")), _month_of(match.group("m2")), int(match.group("y"))
    if month2 <= month1:
        return None
    return _Found(Date(year, month1, 1), _month_end(year, month2), "month", "explicit")


def _h_month(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    month = _month_of(match.group("m"))
    mod = _mod(match)
    found = _dated(match, ctx, lambda y: _month_bounds(y, month), "month")
    if found is None:
        return None
    bounds = _part((found.start, found.end), mod, "month")
    return _Found(bounds[0], bounds[1], "month", found.basis) if bounds else None


# A participle of scheduling right before "for": "planned for May" is the month, not Theresa May.
_SCHEDULED_FOR = re.compile(r"\b(?i:set|scheduled|slated|planned|fixed|earmarked|pencill?ed in|due|timed)\s+$")


def _scheduled_before(match: re.Match[str]) -> bool:
    """Tell whether a participle of scheduling ends right before the match ("planned for May")."""
    return bool(_SCHEDULED_FOR.search(match.string, max(0, match.start() - 40), match.start()))


def _h_bare_month(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    trigger = casefree(match.group("trig"))
    month = _month_of(match.group("m"))
    if match.group("m") == "May" and trigger in ("and", "or", "to", "of", "by", "that", "for") \
            and not (trigger == "for" and _scheduled_before(match)):
        return None
    if trigger in ("last", "next", "this") and ctx.published is not None:
        pub = ctx.published
        if trigger == "this":
            bounds = _month_bounds(pub.year, month)
        elif trigger == "last":
            bounds = _month_bounds(pub.year - (month >= pub.month), month)
        else:
            bounds = _month_bounds(pub.year + (month <= pub.month), month)
        return _Found(bounds[0], bounds[1], "month", "relative")
    if trigger in ("last", "next", "this"):
        return None
    return _dated(match, ctx, lambda y: _month_bounds(y, month), "month")


# The origin of a body or state right before a year: "founded in 1948", "since its creation in 1963".
_ORIGIN_BEFORE = re.compile(r"(?i)\b(?:found(?:ed|ing)|establish(?:ed|ment)|creat(?:ed|ion)|inception|"
                            r"independence|born)\s+$")


def _h_year(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    follower = _NEXT_WORD.match(ctx.text, match.end("x"))
    if follower and follower.group(1).endswith("s") and follower.group(1) not in _NOT_PLURAL:
        return None  # "sent in 2000 troops": a count, not a year
    if _ORIGIN_BEFORE.search(ctx.text, 0, match.start()):
        return None  # "since its founding in 1975": the history of a body, not a time of the news
    year = int(match.group("y"))
    bounds = _part((Date(year, 1, 1), Date(year, 12, 31)), _mod(match), "year")
    return _Found(bounds[0], bounds[1], "year", "explicit") if bounds else None


def _h_year_range(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    first, second = int(match.group("y")), match.group("y2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if not first < last <= first + 50:
        return None
    return _Found(Date(first, 1, 1), Date(last, 12, 31), "year", "explicit")


def _past_unit(unit: str, pub: Date) -> Bounds:
    """Return "the past week/month/year": the stretch of that length ending on publication."""
    if unit == "week":
        return pub - dt.timedelta(days=6), pub
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, -1)
    else:
        year, month = pub.year - 1, pub.month
    back = _safe_date(year, month, pub.day) or _month_end(year, month)
    return back + dt.timedelta(days=1), pub


def _relative_unit(unit: str, rel: str, pub: Date) -> Optional[Bounds]:
    """Return this/next/last/past/coming week, weekend, month or year around publication."""
    if rel == "past" and unit != "weekend":
        return _past_unit(unit, pub)
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1, "past": -1}[rel]
    if unit in ("week", "weekend"):
        monday = _week(pub)[0] + dt.timedelta(days=7 * step)
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _month_bounds(*_add_months(pub.year, pub.month, step))
    return Date(pub.year + step, 1, 1), Date(pub.year + step, 12, 31)


_UNIT_PRECISION = {"week": "week", "weekend": "day", "month": "month", "year": "year"}


def _h_relative(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    if ctx.published is None:
        return None
    unit = casefree(match.group("u"))
    rel = casefree(match.groupdict().get("rel") or "this")
    bounds = _relative_unit(unit, rel, ctx.published)
    if bounds is None:
        return None
    mod = _mod(match) or match.groupdict().get("mod3")
    if unit != "weekend":
        bounds = _part(bounds, mod, unit, ctx.published)
    return _Found(bounds[0], bounds[1], _UNIT_PRECISION[unit], "relative") if bounds else None


def _h_weekday(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    before = ctx.text[: match.start("wd")].rsplit(None, 1)  # only its last word counts
    if before and before[-1].lower() in _NAME_BEFORE and before[-1][0].isupper():
        return None
    if ctx.published is None:
        return None
    pub, weekday = ctx.published, _WEEKDAYS.index(match.group("wd"))
    pre = casefree(match.group("pre") or "").split()
    back = (pub.weekday() - weekday) % 7
    latest, following = pub - dt.timedelta(days=back), pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    if pre[:1] == ["this"]:
        day = _week(pub)[0] + dt.timedelta(days=weekday)
    elif pre[:1] in (["last"], ["past"], ["previous"]):
        day = latest if back else pub - dt.timedelta(days=7)
    elif pre[:1] in (["next"], ["coming"]):
        day = following if following != pub else pub + dt.timedelta(days=7)
    else:
        def pick(tense: str) -> Date:
            if tense == "past":
                return latest
            if tense == "future":
                return following
            return latest if back <= 3 else following

        day = latest if pre[:1] == ["earlier"] else _by_tense(ctx, match, pick)
    return _Found(day, day, "day", "relative")


def _h_today(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    word = match.group("x")
    before = ctx.text[: match.start("x")].rsplit(None, 1)  # only its last word counts
    if word[0].isupper() and before and before[-1][:1].isupper() and before[-1][-1] not in ".:!?\"“":
        return None
    if ctx.published is None:
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(casefree(word), 0)
    day = ctx.published + dt.timedelta(days=shift)
    return _Found(day, day, "day", "relative")


def _number(word: str) -> Optional[int]:
    word = casefree(word)
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _shift(bounds: Bounds, unit: str, n: int) -> Bounds:
    """Move a window by n units, returning the whole unit it lands in (a day for days)."""
    start = bounds[1] if n > 0 else bounds[0]
    if unit == "day":
        day = start + dt.timedelta(days=n)
        return day, day
    if unit == "week":
        return _week(start + dt.timedelta(days=7 * n))
    if unit == "month":
        return _month_bounds(*_add_months(start.year, start.month, n))
    return Date(start.year + n, 1, 1), Date(start.year + n, 12, 31)


def _h_ago(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    n, unit = _number(match.group("n")), casefree(match.group("u"))
    if ctx.published is None or not n:
        return None
    pub = ctx.published
    bounds = _shift((pub, pub), unit, -n)
    return _Found(bounds[0], bounds[1], unit, "relative")


# How far "in the coming days|weeks|months" reaches past publication, and the precision it keeps.
_COMING = {"day": (14, "week"), "week": (56, "week"), "month": (183, "month")}


def _h_coming(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    """Read "in the coming weeks" as the stretch from publication to a reach that fits the unit."""
    if ctx.published is None:
        return None
    days, precision = _COMING[casefree(match.group("u"))]
    return _Found(ctx.published, ctx.published + dt.timedelta(days=days), precision, "relative")


def _h_anchor(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    anchor = ctx.anchor
    groups = match.groupdict()
    unit = casefree(groups.get("u") or "")
    unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
    how = casefree(groups.get("dir") or "")
    if anchor is None or anchor.start is None or anchor.end is None or anchor.precision is None:
        return _unanchored(how, unit, ctx.published) if not groups.get("n") else None
    if _PRECISION_RANK[anchor.precision] > _PRECISION_RANK[unit]:
        return None
    bounds = (anchor.start, anchor.end)
    if groups.get("n"):
        n = _number(groups["n"]) or 0
        result = _shift(bounds, unit, n if how in ("later", "after") else -n)
    elif how in ("following", "next", "subsequent", "after"):
        result = _shift(bounds, unit, 1)
    elif how in ("previous", "preceding", "before"):
        result = _shift(bounds, unit, -1)
    else:
        result = _containing(bounds, unit, how)
    if result is None:
        return None
    precision = "day" if unit == "day" else unit
    return _Found(result[0], result[1], precision, "relative")


def _h_clause_offset(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    """Date the clause "a day after X told ..." introduces: the main clause's day moved back (or on).

    The main clause's day is the publication day: the shape refers back to the article's news
    ("His comments came a day after ..."); a sentence with its own date keeps only that one.
    """
    base = ctx.published
    n = _number(match.group("n") or "a")
    if base is None or not n:
        return None
    days = n * (7 if casefree(match.group("u")) == "week" else 1)
    day = base + dt.timedelta(days=-days if casefree(match.group("dir")) == "after" else days)
    return _Found(day, day, "day", "relative")


def _unanchored(how: str, unit: str, published: Optional[Date]) -> Optional[_Found]:
    """Read "the next/previous week|month|year" against publication when no date precedes it."""
    rel = {"next": "next", "previous": "last"}.get(how)
    if published is None or rel is None or unit not in ("week", "month", "year"):
        return None
    bounds = _relative_unit(unit, rel, published)
    return _Found(bounds[0], bounds[1], unit, "relative") if bounds else None


def _containing(bounds: Bounds, unit: str, how: str) -> Optional[Bounds]:
    """Return the unit holding an anchor ("that month"), or its part before/after ("later that month")."""
    if unit == "day":
        return bounds if bounds[0] == bounds[1] and how not in ("earlier", "later") else None
    whole = _shift((bounds[0], bounds[0]), unit, 0) if unit != "week" else _week(bounds[0])
    if how == "later":
        return (bounds[1], whole[1]) if bounds[1] < whole[1] else whole
    if how == "earlier":
        return (whole[0], bounds[0]) if bounds[0] > whole[0] else whole
    return whole


def _season_candidates(code: int, pub: Date) -> list[Bounds]:
    return [_season_bounds(y, code) for y in (pub.year - 1, pub.year, pub.year + 1)]


def _h_season(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    groups = match.groupdict()
    name = casefree(match.group("s"))
    rel = casefree(groups.get("rel") or "")
    if name == "fall" and not rel and not groups.get("y"):
        return None
    code = _SEASON_CODE[name]
    if groups.get("y"):
        bounds = _season_bounds(int(groups["y"]), code)
        return _Found(bounds[0], bounds[1], "season", "explicit")
    if ctx.published is None:
        return None
    pub = ctx.published
    candidates = _season_candidates(code, pub)
    if rel in ("this", "current"):
        bounds = _pick(candidates, pub, "present") if code == 24 else _season_bounds(pub.year, code)
    elif rel == "last":
        bounds = max(c for c in candidates if c[1] < pub)
    elif rel in ("next", "coming"):
        bounds = min(c for c in candidates if c[0] > pub)
    else:
        bounds = _by_tense(ctx, match, lambda tense: _pick(candidates, pub, tense))
    return _Found(bounds[0], bounds[1], "season", "relative") if bounds else None


def _h_over_weekend(match: re.Match[str], ctx: _Ctx) -> Optional[_Found]:
    if ctx.published is None:
        return None
    pub = ctx.published
    candidates = [_relative_unit("weekend", rel, pub) for rel in ("last", "this", "next")]
    found = [c for c in candidates if c]
    bounds = _by_tense(ctx, match, lambda tense: _pick(found, pub, tense))
    return _Found(bounds[0], bounds[1], "day", "relative") if bounds else None


# ---------------------------------------------------------------- patterns, in priority order

_NUM_WORD = r"(?P<n>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_UNITS = r"(?P<u>(?i:day|week|month|year))"
_CLAUSE_OFFSET = re.compile(rf"(?:{_NUM_WORD}|(?i:the))\s+(?i:day|week)s?\s+(?i:after|before)")

_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (_rx(r"(?P<x>(?<![\d-])(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?![\d-]))", "digit", "hyphen", "iso", starts=r"\d"),
     _h_iso),
    (_rx(r"(?P<x>(?<![\w/.:-])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d\d)(?![\w/]|\.\d))", "digit", "numeric",
         starts=r"\d"),
     _h_numeric),
    # 30 May – 2 June 2025 ; May 30 – June 2, 2025 ; May 30, 2025 – June 2, 2025
    (_rx(rf"(?P<x>{_FROM}{_NUM0}{_day('d')}\s+{_month('m')}(?:{_SEP_Y}{_year('y1')})?{_DASH}"
         rf"{_day('d2')}\s+{_month('m2')}(?:{_SEP_Y}{_year('y')})?)", "month", "day month",
         starts=r"(?i:[\dbf])"), _h_day_range),
    (_rx(rf"(?P<x>{_FROM}{_WD}{_month('m')}\s+{_day('d')}(?:{_SEP_Y}{_year('y1')})?{_DASH}"
         rf"{_month('m2')}\s+{_day('d2')}(?:{_SEP_Y}{_year('y')})?)", "month", "month day", "day range",
         starts=r"(?i:[abdfjmnostw])", lead=(_MONTHS, True, 2)), _h_day_range),
    # May 26–27, 2025 ; 24-25 February ; between 3 and 5 March
    (_rx(rf"(?P<x>{_FROM}{_WD}{_month('m')}\s+{_day('d')}{_DASH}{_day('d2')}(?:{_SEP_Y}{_year('y')})?)",
         "month", "month day", "day range", starts=r"(?i:[abdfjmnostw])", lead=(_MONTHS, True, 2)),
     _h_day_range),
    (_rx(rf"(?P<x>{_FROM}{_NUM0}{_day('d')}{_DASH}{_day('d2')}\s+(?:(?i:of)\s+)?{_month('m')}"
         rf"(?:{_SEP_Y}{_year('y')})?)", "month", "day month", "day range", starts=r"(?i:[\dbf])"), _h_day_range),
    # May 26, 2025 ; Tuesday, May 27 ; 26 May 2025 ; the 26th of May
    (_rx(rf"(?P<x>{_WD}{_month('m')}\s+(?:(?i:the)\s+)?{_NUM0}{_day('d')}(?:{_SEP_Y}{_year('y')})?)", "month", "month day",
         starts=r"[ADFJMNOSTW]", lead=(_MONTHS, True, 1)), _h_day),
    (_rx(rf"(?P<x>{_WD}(?:(?i:the)\s+)?{_NUM0}{_day('d')}\s+(?:(?i:of)\s+)?{_month('m')}"
         rf"(?:{_SEP_Y}{_year('y')})?)", "month", "day month", starts=r"(?i:[\dfmstw])"), _h_day),
    # March–May 2024
    (_rx(rf"(?P<x>{_FROM}{_month('m')}{_DASH}{_month('m2')}{_SEP_Y}{_year('y')})", "month", "year",
         starts=r"(?i:[abdfjmnos])", lead=(_MONTHS, True, 1)), _h_month_range),
    # (early|mid-|the end of) August 2023 ; mid-February
    (_rx(rf"(?P<x>{_MOD}?{_month('m')}(?:,?\s+(?:(?i:of)\s+)?){_year('y')})", "month", "month year",
         starts=r"(?i:[abdefjlmnost])", lead=(_MONTHS, True, 4)), _h_month),
    (_rx(rf"(?P<x>{_MOD}(?P<m>{_FULL_MONTHS})\b)", "full month", "mod", starts=r"(?i:[beflmst])",
         lead=(rf"(?:{_FULL_MONTHS})\b", True, 4)), _h_month),
    # the following month ; later that year ; that day ; two days later
    (_rx(r"(?P<x>(?:(?i:the)\s+)?(?P<dir>(?i:following|previous|preceding|subsequent|(?<=[Tt]he )next))\s+"
         r"(?P<u>(?i:day|week|month|year|morning|evening|night))\b)", "unit", "dir word", "dir unit",
         starts=r"(?i:[fnpst])"), _h_anchor),
    (_rx(r"(?P<x>(?P<dir>(?i:later|earlier))\s+(?i:that|the same|that same)\s+(?P<u>(?i:day|week|month|year))\b)",
         "unit", "later word", "later that", starts=r"(?i:[el])"),
     _h_anchor),
    (_rx(r"(?P<x>(?i:that|the same|that same)\s+(?P<u>(?i:day|week|month|year|morning|afternoon|evening|night))\b)",
         "unit", "that word", "that unit", starts=r"(?i:[t])"),
     _h_anchor),
    (_rx(rf"(?P<x>{_NUM_WORD}\s+(?P<u>(?i:day|week|month|year))s?\s+(?P<dir>(?i:later|earlier)))\b",
         "unit", "later word", "unit later", starts=r"(?i:[\daefnost])"), _h_anchor),
    # a day after Trump announced ... ; two days before the minister arrived (a clause: a verb follows)
    (_rx(rf"(?P<x>(?:{_NUM_WORD}|(?i:the))\s+(?P<u>(?i:day|week))s?\s+(?P<dir>(?i:after|before)))"
         r"(?=(?:\s+[\w.'’-]+){1,7}?"
         r"\s+(?:had\s+|has\s+|was\s+)?(?:said|told|announced|met|visited|spoke|held|arrived|called|"
         r"signed|warned|urged|rejected|agreed|declared|returned|left|launched)\b)", "unit", "after word", "day after",
         starts=r"(?i:[\daefnost])"), _h_clause_offset),
    # in the coming weeks ; over the next few days ; within the coming months
    (_rx(r"(?:(?i:in|within|over|during)\s+)(?P<x>(?i:the)\s+(?i:coming|next\s+few|next\s+several)\s+"
         r"(?P<u>(?i:day|week|month))s\b)", "unit", "coming", starts=r"(?i:[iowd])"), _h_coming),
    # the day before ; the week after (closing their clause: "received X the day before, and ...")
    (_rx(r"(?P<x>(?i:the)\s+(?P<u>(?i:day|week))\s+(?P<dir>(?i:before|after)))(?!\s*[\w'’(-])", "unit", "after word",
         "day after", starts=r"(?i:[t])"), _h_anchor),
    # (earlier|the end of) this/next/last week|month|year ; later in the month
    (_rx(rf"(?P<x>(?:(?P<mod3>(?i:earlier|later))\s+|{_MOD})?(?:(?i:the)\s+)?{_REL}\s+"
         rf"(?P<u>(?i:weekend|week|month|year))\b)", "unit", "rel word", "rel unit", starts=r"(?i:[bceflmnpst])",
         lead=("week|month|year", False, 6)), _h_relative),
    (_rx(r"(?P<x>(?P<mod3>(?i:earlier|later))\s+(?i:in|during)\s+(?i:the)\s+(?P<u>(?i:week|month|year))\b)",
         "unit", "later word", "later in", starts=r"(?i:[el])"),
     _h_relative),
    (_rx(rf"(?P<x>{_MOD}(?i:the)\s+(?P<u>(?i:week|month|year))\b)", "unit", "the unit", "mod",
         starts=r"(?i:[beflmst])"), _h_relative),
    (_rx(rf"(?P<x>{_NUM_WORD}\s+{_UNITS}s?\s+(?i:ago))\b", "unit", "ago word", "ago",
         starts=r"(?i:[\daefnost])"), _h_ago),
    # this summer ; spring 2024 ; in the winter
    (_rx(r"(?P<x>(?:(?P<rel>(?i:this|next|last|coming|current))\s+|(?P<smod>(?i:early|late|mid))[-\s]+)?"
         r"(?P<s>(?i:spring|summer|autumn|fall|winter))\b(?:\s+(?:(?i:of)\s+)?(?P<y>(?:1[89]|20)\d\d)(?!\d))?)", "season",
         starts=r"(?i:[aceflmnstw])"),
     _h_season),
    # 2022–2023 ; between 2019 and 2021
    (_rx(rf"(?P<x>(?:(?i:between|from)\s+)?{_NUM0}{_year('y')}(?:\s*[-–—]\s*|\s+(?i:to|and)\s+)"
         rf"(?P<y2>(?:1[89]|20)\d\d|\d\d)(?![\d%]|s\b))", "digit", "year range", starts=r"(?i:[12bf])"), _h_year_range),
    # (early|the end of) 2024 ; in 2020 ; since 2022
    (_rx(rf"(?P<x>{_MOD}{_year('y')})", "digit", "year", "mod", starts=r"(?i:[beflmst])"), _h_year),
    (_rx(rf"{_TRIGGER}(?P<x>{_NUM0}{_year('y')})", "digit", "year", starts=r"(?i:[abdfilnostu])",
         lead=(r"(?:1[89]|20)\d\d", True, 1)), _h_year),
    (_rx(r"(?:(?i:over|during|at|on)\s+)(?P<x>(?i:the)\s+(?i:weekend))\b", "weekend",
         starts=r"(?i:[ado])"), _h_over_weekend),
    # Tuesday ; earlier Tuesday ; next Friday
    (_rx(r"(?P<x>(?:(?P<pre>(?i:earlier|later)(?:\s+(?i:on))?|(?i:this|next|last|past|coming|previous))\s+)?"
         r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s\b))", "weekday",
         starts=r"(?i:[ceflmnpstw])", lead=("|".join(_WEEKDAYS), True, 2)), _h_weekday),
    (_rx(r"\b(?P<x>(?i:today|tonight|yesterday|tomorrow))\b", "today", starts=r"(?i:[ty])"), _h_today),
    (_rx(rf"{_TRIGGER}(?P<x>(?P<m>{_FULL_MONTHS})\b)(?!\s+\d)", "full month", "bare month",
         starts=r"(?i:[abdfilnostu])", lead=(rf"(?:{_FULL_MONTHS})\b", True, 1)), _h_bare_month),
]


def _season_allowed(match: re.Match[str], text: str) -> bool:
    """Accept a season word only with a year, this/next/last, early/late, or a preposition before it."""
    groups = match.groupdict()
    if casefree(match.group("s")) == "fall":
        return bool(groups.get("y") or groups.get("rel"))
    if groups.get("y") or groups.get("rel") or groups.get("smod"):
        return True
    words = [w.lower() for w in text[: match.start("x")].rsplit(None, 2)[-2:]]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] in ("in", "during", "until", "by", "since", "through", "throughout")


Gated = tuple[re.Pattern[str], Handler, tuple[tuple[str, Callable[[str], object], bool], ...],
              Optional[tuple[re.Pattern[str], bool, int]]]


def _gated(patterns: list[tuple[re.Pattern[str], Handler]]) -> tuple[Gated, ...]:
    return tuple((pattern, handler, _NEEDS_OF[pattern.pattern], _LEAD_OF.get(pattern.pattern))
                 for pattern, handler in patterns)


_GATED = _gated(_PATTERNS)
# Keyed by pattern text: the names of its groups that hold a year (they begin with y).
_YEAR_GROUPS = {pattern.pattern: tuple(k for k in pattern.groupindex if k.startswith("y")) for pattern, _ in _PATTERNS}
# Every first need of a pattern, once: a sentence lacking one skips all the patterns it opens at once.
_FIRST_NEEDS = tuple(dict.fromkeys(needs[0] for _, _, needs, _ in _GATED))
# For each set of first needs found (a bit per need), the patterns whose first need is among them, in order.
_BY_FIRST = tuple(tuple(g for g in _GATED if mask >> _FIRST_NEEDS.index(g[2][0]) & 1)
                  for mask in range(1 << len(_FIRST_NEEDS)))


def _met(text: str, low: str) -> list[Gated]:
    """Return the patterns whose needs `text` (`low` lowered) meets, checking each need at most once."""
    mask = 0
    for bit, (_, search, cased) in enumerate(_FIRST_NEEDS):
        if search(text if cased else low):
            mask |= 1 << bit
    found: dict[str, bool] = {}
    kept = []
    for gated in _BY_FIRST[mask]:
        for name, search, cased in gated[2][1:]:
            ok = found.get(name)
            if ok is None:
                ok = found[name] = bool(search(text if cased else low))
            if not ok:
                break
        else:
            kept.append(gated)
    return kept


def _select(text: str, low: str) -> list[tuple[re.Match[str], Handler]]:
    """Return non-overlapping matches, earlier patterns first, then longer ones."""
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[re.Match[str], Handler]] = []
    for pattern, handler, _, lead in _met(text, low):
        for match in pattern.finditer(text, _lead_start(text, low, lead) if lead else 0):
            start, end = match.span("x")
            if start == end or any(start < b and a < end for a, b in taken):
                continue
            if handler is _h_season and not _season_allowed(match, text):
                continue
            taken.append((start, end))
            chosen.append((match, handler))
    chosen.sort(key=lambda item: item[0].start("x"))
    return chosen


def _window(found: _Found, span: Span) -> DateWindow:
    return DateWindow(found.start, found.end, found.precision, _edtf(found.start, found.end, found.precision),
                      found.basis, span)


def _run(text: str, published: Optional[Date], offset: int, anchor: Optional[DateWindow],
         tense: Optional[str], low: Optional[str] = None) -> list[DateWindow]:
    low = casefree(text) if low is None else low
    if not (_GATE_CASED.search(text) or _GATE_WORDS.search(low)):
        return []
    return _resolve(text, _select(text, low), published, offset, anchor, tense)


def _resolve(text: str, chosen: list[tuple[re.Match[str], Handler]], published: Optional[Date], offset: int,
             anchor: Optional[DateWindow], tense: Optional[str]) -> list[DateWindow]:
    """Turn a sentence's chosen matches into windows, each date anchoring those after it."""
    def tense_at(start: int, end: int) -> str:
        return tense if tense else _local_tense(text, start, end)

    windows: list[DateWindow] = []
    ctx = _Ctx(text, published, anchor, tense_at)
    for match, handler in chosen:
        found = handler(match, _qualifier_ctx(ctx, anchor, windows, match, offset) if handler is _h_anchor else ctx)
        if found is None:
            continue
        start, end = match.span("x")
        window = _window(found, Span(start + offset, end + offset, text[start:end]))
        windows.append(window)
        if handler is not _h_anchor and handler is not _h_clause_offset:
            ctx.anchor = window  # a date stated earlier in the sentence anchors what follows it
    return _join_weekdays(text, offset, _year_qualified(text, offset, _alone_offsets(text, offset, windows)))


def _alone_offsets(text: str, offset: int, windows: list[DateWindow]) -> list[DateWindow]:
    """Drop "a day after X said" from a sentence naming another day: that day dates its main clause,
    which rules reading the sentence's days would then confuse with the clause's. A "the day
    before" that closes its clause is anaphora of that day, and stays."""
    if len(windows) < 2:
        return windows
    offsets = [w for w in windows if w.span and _CLAUSE_OFFSET.fullmatch(w.span.text)
               and _CLAUSE_GOES_ON.match(text, w.span.end - offset)]
    if not offsets or not any(w.precision == "day" for w in windows if w not in offsets):
        return windows
    return [w for w in windows if w not in offsets]


_CLAUSE_GOES_ON = re.compile(r"\s*[\w'’(-]")  # words after "a day after": the clause it opens
# "October 28 to 30 last year", "in October of that year", "on Jan. 15 this year"
_YEAR_QUALIFIER_GAP = re.compile(r"[\s,]*(?:(?i:of|in)\s+)?")
# "from Sunday to Tuesday", "on Tuesday and Wednesday"
_WEEKDAY_JOIN = re.compile(r"\s*(?:[-–—]|(?i:to|and|through|until|till|or))\s*")


def _qualifier_ctx(ctx: _Ctx, outer: Optional[DateWindow], windows: list[DateWindow], match: re.Match[str],
                   offset: int) -> _Ctx:
    """Anchor "that year" in "October of that year" on the earlier sentence, not on "October"."""
    last = windows[-1] if windows else None
    if outer is None or last is None or last.span is None or last.basis != "relative":
        return ctx
    if not _YEAR_QUALIFIER_GAP.fullmatch(ctx.text[last.span.end - offset:match.start("x")]):
        return ctx
    return _Ctx(ctx.text, ctx.published, outer, ctx.tense)


def _year_qualified(text: str, offset: int, windows: list[DateWindow]) -> list[DateWindow]:
    """Move a yearless day or month into the year a following expression names."""
    out = list(windows)
    for i in range(len(out) - 1):
        date, year = out[i], out[i + 1]
        if date.basis != "relative" or date.precision not in ("day", "month", "season") or year.precision != "year" \
                or date.start is None or year.start is None or year.start.year != year.end.year \
                or not date.span or not year.span:
            continue
        gap = text[date.span.end - offset:year.span.start - offset]
        shift = year.start.year - date.start.year
        if not _YEAR_QUALIFIER_GAP.fullmatch(gap) or not shift:
            continue
        start, end = _shift_years(date.start, shift), _shift_years(date.end, shift)
        out[i] = DateWindow(start, end, date.precision, _edtf(start, end, date.precision), date.basis, date.span)
    return out


def _shift_years(day: Date, years: int) -> Date:
    return _safe_date(day.year + years, day.month, day.day) or _month_end(day.year + years, day.month)


def _join_weekdays(text: str, offset: int, windows: list[DateWindow]) -> list[DateWindow]:
    """Read two joined weekdays as one stretch that runs forward from the first."""
    out: list[DateWindow] = []
    for w in windows:
        prev = out[-1] if out else None
        if prev and prev.span and w.span and prev.precision == w.precision == "day" \
                and prev.span.text in _WEEKDAYS and w.span.text in _WEEKDAYS and prev.start is not None \
                and _WEEKDAY_JOIN.fullmatch(text[prev.span.end - offset:w.span.start - offset]):
            ahead = (_WEEKDAYS.index(w.span.text) - _WEEKDAYS.index(prev.span.text)) % 7
            end = prev.start + dt.timedelta(days=ahead)
            span = Span(prev.span.start, w.span.end, text[prev.span.start - offset:w.span.end - offset])
            out[-1] = DateWindow(prev.start, end, "day", _edtf(prev.start, end, "day"), prev.basis, span)
            continue
        out.append(w)
    return out


def find_dates(text: str, published: Optional[Date], *, offset: int = 0,
               anchor: Optional[DateWindow] = None) -> list[DateWindow]:
    """Return every time expression in one sentence, resolved, with spans shifted by offset."""
    return _run(text, published, offset, anchor, None)


# Joins an article's sentences so that one call lowers them all (lowering keeps every offset).
_JOIN = "\x00"


def article_dates(sentences: Sequence[Span], published: Optional[Date]) -> list[list[DateWindow]]:
    """Return each sentence's dates; the last explicit date before a sentence anchors it."""
    joined = _JOIN.join(s.text for s in sentences)
    low = casefree(joined)
    out: list[list[DateWindow]] = []
    anchor: Optional[DateWindow] = None
    at = 0
    for s in sentences:
        text = s.text
        end = at + len(text)
        windows = _run(text, published, s.start, anchor, None, low[at:end])
        at = end + 1
        for window in reversed(windows):
            if window.basis == "explicit":
                anchor = window
                break
        out.append(windows)
    return out


def resolve(expression: str, published: Optional[Date], *, tense: str = "past",
            anchor: Optional[DateWindow] = None) -> Optional[DateWindow]:
    """Resolve one time expression alone; return its window, or None if it is not a date."""
    windows = _run(expression, published, 0, anchor, tense)
    if not windows:
        return None
    return max(windows, key=lambda w: w.span.end - w.span.start if w.span else 0)

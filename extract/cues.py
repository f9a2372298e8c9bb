"""Cue vocabularies and the helpers visits and meetings share: status, dates, clauses, persons.

Offsets here are local to a sentence's text unless a name says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from .actors import PERSONAL_STAFF, state_of
from .context import Annotated, Context
from .dates import resolve, sentence_tense
from .text import casefree
from .types import ActorMention, DateWindow, Span


@dataclass(frozen=True)
class Gate:
    """The places on a case-free text where a word opens as one of a scan's openings.

    `exact` is a lower-case lookahead after a word boundary. When every opening starts with a word
    character, the same places are those right after a non-word character (or the text's start)
    where the lookahead holds, which the regex engine finds faster: it skips to non-word characters.
    """

    exact: re.Pattern[str]
    after_break: Optional[re.Pattern[str]] = None

    def positions(self, low: str) -> list[int]:
        """Return the places, in order."""
        if self.after_break is None:
            return [m.start() for m in self.exact.finditer(low)]
        # A space before the text stands for its start; it shifts every place found by one.
        return [m.start() for m in self.after_break.finditer(" " + low)]


@dataclass(frozen=True)
class Gated:
    """A case-insensitive pattern tried only where its gate holds on the case-free text.

    The gate names how every match of the pattern can open; it is cheap to scan for, so the
    slow pattern runs at a few places instead of every character.
    """

    pattern: re.Pattern[str]
    gate: Gate

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Return what `pattern.finditer(text)` yields, in order."""
        out: list[re.Match[str]] = []
        pos = 0
        for at in self.gate.positions(casefree(text)):
            if at < pos:
                continue
            match = self.pattern.match(text, at)
            if match is not None:
                out.append(match)
                pos = max(match.end(), at + 1)
        return out


@dataclass(frozen=True)
class Hinted:
    """A pattern searched only in texts that hold one of its hints (lower-case words every match contains)."""

    pattern: re.Pattern[str]
    hints: tuple[str, ...]

    def search(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[re.Match[str]]:
        """Return what `pattern.search(text, pos, endpos)` returns."""
        end = len(text) if endpos is None else endpos
        if not self.hinted(text if pos == 0 and end >= len(text) else text[pos:end]):
            return None
        return self.pattern.search(text, pos, end)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Return what `pattern.finditer(text)` yields, in order."""
        return list(self.pattern.finditer(text)) if self.hinted(text) else []

    def hinted(self, text: str) -> bool:
        """Return whether the text holds a hint."""
        return any(map(casefree(text).__contains__, self.hints))


def opening_gate(openings: Sequence[str], extra: str = "", extra_opens_a_word: bool = True) -> Gate:
    """Return the gate that holds where a word starts with one of the lower-case `openings`.

    The openings are laid out as a letter tree, so a scan tests a few letters per word instead of
    every opening; `extra` adds regex alternatives (lower case) to the lookahead; say whether each
    of them starts with a word character.
    """
    tree: dict[str, dict] = {}
    for word in openings:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = "|".join(part for part in (_branches(tree), extra) if part)
    exact = re.compile(rf"\b(?={body})")
    if not extra_opens_a_word or not all(re.match(r"\w", word) for word in openings):
        return Gate(exact)
    # A class, not the bare \W: a pattern opening with a class lets the regex engine skip to its characters.
    return Gate(exact, re.compile(rf"[^\w](?={body})"))


def _branches(node: dict[str, dict]) -> str:
    """Return a regex for the letter tree `node` that stops where its shortest opening ends."""
    if "" in node:
        return ""
    parts = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


# Negation right before an event word: the event did not (or will not) take place.
NEGATION = re.compile(
    r"\b(?:(?:did not|didn't|would not|refused to|declined to|failed to)\s+commit\s+to|"
    r"did not|didn't|does not|doesn't|do not|will not|won't|would not|never|no plans to|not planning to|"
    r"not expected to|no longer|no|"
    r"denied (?:any )?(?:plans|reports|intentions?)(?: to| of| that)?|ruled out|refused to|declined to)"
    r"(?:\s+\w+){0,2}\s*$", re.I)
# A plan said not to exist, or a report of one denied, some words before the event: "there were no plans
# at present for X to visit", "denied reports in local media that X would travel to".
NEGATED_PLAN = re.compile(
    r"(?:\bno\s+(?:\w+\s+){0,2}?(?:plans?|intention|decision)(?:\s+(?:at present|currently|yet|for now|so far))?"
    r"(?:\s+for\s+[^.;:,]{1,60}?)?\s+to(?:\s+\w+){0,2}|"
    r"\b(?:denied|denies|denying|dismissed|dismissing|rejected|rejecting|refuted|refuting|played down|playing down|"
    r"downplayed|downplaying)\s+(?:\w+\s+){0,3}?"
    r"(?:reports?|claims?|rumou?rs?|speculation|suggestions?)\b(?:(?!\b(?:and|but)\b)[^.;:]){0,40}?\bthat\b"
    r"[^.;:]{0,60}?\b(?:would|will|was going to|"
    r"is going to|planned to|plans to|was to|is to|was due to|is due to|intended to|intends to|had|"
    r"(?:was|is|were|are)\s+(?:planning|considering|preparing)|could|might|may)"
    r"(?:\s+[\w'’-]+){0,2}|"
    r"\b(?:ruled out|rules out|declined|declines|refused|refuses|will not|won't|would not|did not|didn't)\s+"
    r"(?:attending|joining|going to|travell?ing to|visiting|to attend|to join|to travel to|to go to|to visit)\s"
    r"[^.;:,]{0,60})\s*$", re.I)
NEGATED_PLAN_SCAN = Hinted(NEGATED_PLAN, ("plan", "intention", "decision", "report", "claim", "rumo", "specul",
                                          "suggest", "ruled out", "rules out", "declin", "refus", " not ", "n't"))
NEGATED_REACH = 170  # how far before the event a negated plan may open
# An event inside a whether-clause is an open question, not a report ("did not say whether he would meet X").
UNCERTAIN = re.compile(r"\b(?:whether|unclear if|uncertain if|asked about (?:\w+\s+){0,2}(?:reports?|claims?|rumou?rs?|"
                       r"speculation|suggestions?)\s+(?:that|of))\b[^.;,]{0,60}$", re.I)
CANCELLED = re.compile(r"\b(?:cancel(?:l?ed|s|ling|lation)?|called off|calls? off|calling off|scrap(?:ped|s)?|axed|"
                       r"shelved|abandoned|nixed|scuttled|off the table)\b", re.I)
# "will now be held in December": a new date given to an event already planned.
RESCHEDULE = (r"(?:will|would|is to|are to|is now set to|are now set to)\s+now\s+(?:be\s+held|take\s+place|convene|meet)"
              r"(?=\s+(?:in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December|the\s+(?:spring|summer|autumn|fall|winter|new\s+year))|on\s+\w+day|next|later|early|"
              r"at\s+the\s+end|by\s+the\s+end)\b)")
POSTPONED = re.compile(
    r"\b(?:postpone[ds]?|postponing|postponement|delayed|pushed back|put off|rescheduled|deferred|put on hold|"
    r"on hold|pushed to a later date|moved to a later date|" + RESCHEDULE + r")\b", re.I)
# The same words right before the new date, as they stand between an event and that date.
RESCHEDULED_TAIL = re.compile(r"\b" + RESCHEDULE.split("(?=")[0] + r"\s+(?:in|on|by)?\s*$", re.I)
PLANNED = re.compile(
    r"\b(?:will|'ll|shall|might|(?-i:may)|could|would|expected|due|set|scheduled|slated|planned|plans?|planning|"
    r"intends?|intended|going to|poised|invited|rumou?red|preparations?|prepared|being prepared|"
    r"in the works|upcoming|forthcoming|potential|possible|proposed|hopes? to|to be held|"
    r"underway|under way|agreed to|invitation to|accepted an invitation|to be in|to be(?=\s+(?:co-)?\w+ed\b)|(?:was|were|is|are)\s+to\s+(?:have\s+been|be))\b", re.I)
# Plan words that qualify a noun, and the event nouns they may qualify instead of the trigger.
OTHER_PLAN_WORD = re.compile(r"preparations?|plans|upcoming|forthcoming|planned|proposed|potential|possible", re.I)
OTHER_EVENT = re.compile(r"\b(?:visit|trip|tour|summit|conference|elections?|ceremony|signing|inauguration)\b", re.I)
CANCELLED_SCAN = Hinted(CANCELLED, ("cancel", "off", "scrap", "axed", "shelved", "abandoned", "nixed", "scuttled"))
POSTPONED_SCAN = Hinted(POSTPONED, ("postpon", "delayed", "pushed", "put off", "rescheduled", "deferred", "hold",
                                    "later date", " now "))
RESCHEDULED_SCAN = Hinted(RESCHEDULED_TAIL, (" now ",))
# "... has been postponed": the predicate a noun subject ("X's visit to Y, set for May 3,") takes.
STATUS_PREDICATE = re.compile(
    r"\b(?:has|have|had|was|were|is|are|will be|would be)\s+(?:now\s+|also\s+|since\s+|already\s+)?(?:been\s+)?"
    r"(?:(?P<postponed>postponed|delayed|deferred|put off|pushed back|rescheduled|put on hold)|"
    r"(?P<cancelled>cancell?ed|called off|scrapped|shelved|axed|abandoned|scuttled))\b", re.I)
# An event named as the setting of a finished passive clause took place, whatever the clause's subject
# tells of another event ("the postponement was discussed in a telephone call between X and Y").
SETTING = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?[a-z]+\b"
                     r"(?:(?!\b(?:to|will|would|could|might|may|shall)\b)[^;:.]){0,60}?"
                     r"\b(?:in|during|over|at)\s+(?:(?:a|an|the|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
SETTING_SCAN = Hinted(SETTING, ("was", "were", "been"))
SETTING_REACH = 100  # how far before the event its finished clause's auxiliary may stand
LATER_PLAN = re.compile(r"^[^;:.]{0,40}?\b(?:will|would|is to|are to|due|scheduled|expected|set to)\b", re.I)
# Another event noun between a noun event and a predicate: the predicate tells of that nearer one
# ("X wrapped up a visit to Y, even as a planned trip by Z was put on hold").
NEARER_EVENT = re.compile(r"\b(?:a|an|the|his|her|their|its|another)\s+(?:[\w-]+\s+){0,2}"
                          r"(?:visits?|trips?|tour|journey|meetings?|talks|summit|call)\b", re.I)
PARENTHETICAL = re.compile(r",[^,;]*,")
PREDICATE_REACH = 70  # how far (after removing parentheticals) a noun's predicate may follow it
NEGATION_SCAN = Hinted(NEGATION, ("no", "n't", "never", "denied", "ruled out", "refused", "declined"))
UNCERTAIN_SCAN = Hinted(UNCERTAIN, ("whether", "unclear if", "uncertain if", "asked about"))
# Verb forms that report the event as having happened or being under way.
OCCURRED = re.compile(
    r"\b(?:visited|arrived|landed|touched down|met|held|travel(?:l)?ed|flew|headed|received|hosted|welcomed|concluded|"
    r"wrapped up|spoke|talked|told|called on|paid|returned|co-chaired|is on|are on|was on|began|started|"
    r"kicked off|is visiting|are visiting|was in|were in|during)\b", re.I)
_CLAUSE_WORDS = r"(?:when|where|while|after|before|since|because|although|though|as|which|who|whose|whom|but|until)"
# Words after which a new clause (and usually another event) starts: a semicolon or colon, a dash, a
# clause word after a comma or a whitespace run, or ", and the". A whitespace run is matched from its
# start only: retrying inside a long run would make the scan quadratic in its length. Every cut opens
# with one of the characters of the leading class, which lets the regex engine skip to them.
CLAUSE_CUT = re.compile(
    r"[;:,\s](?:(?<=[;:])|(?<=\s)[-–—]\s|(?<=,)\s+" + _CLAUSE_WORDS + r"\s|(?<=\s)(?<!\s\s)\s*" + _CLAUSE_WORDS
    + r"\s|(?<=,)\s+and\s+(?=(?:a|an|the)\s))", re.I)
# A contrasting clause between an event and a date: the date belongs to what the contrast reports
# ("X had been due in London this week, but the visit was called off on Monday").
CONTRAST_CUT = re.compile(r"(?:,|;)\s*(?:but|however|yet|although|though)\b", re.I)
# A "which" clause opening between a date and a later event: the date dates the clause before it
# ("X flew in on Wednesday for the gathering, which brought together ..."). A "who" or "where"
# clause shares its main clause's time ("leaves for Suva on Friday, where he is to meet X").
RELATIVE_CUT = re.compile(r",\s+which\s", re.I)
# A reporting verb before a date: the date is when something was said, not when it happened
# ("said on Tuesday", "told reporters in Rome on Friday"); a reported clause in between ("said he
# would be received on Thursday") gives the date back to the event.
REPORTING = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|confirmed|noted|according to|statement|"
    r"readout|announcement)\b(?![^.;]*\b(?:that|he|she|they|it|would|will|was|were|had|has|be)\b)[^.;]{0,60}$",
    re.I)
# A plan told in the pluperfect: its date may lie before publication ("had been expected in April").
PAST_PLAN = re.compile(r"\bhad\s+(?:been\s+|originally\s+|initially\s+)*(?:expected|due|scheduled|set|slated|planned|"
                       r"meant|supposed|pencill?ed|intended|hoped|to)\b", re.I)
# A date that opens a span of repeated events ("several times since January"): not one event's day.
SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)
SINCE_SCAN = Hinted(SINCE, ("since",))
# Words of another event or clause: a date after one belongs there, not to the trigger before it.
EVENT_WORDS = re.compile(
    r"\b(?:held|met|meets|visited|hosted|launched|began|started|signed|took place|since|war|invasion|"
    r"operation|when|after|before)\b", re.I)
EVENT_WORDS_SCAN = Hinted(EVENT_WORDS, ("held", "met", "meets", "visited", "hosted", "launched", "began", "started",
                                        "signed", "took place", "since", "war", "invasion", "operation", "when",
                                        "after", "before"))
# A reduced relative describing the event just named ("the talks, held in Geneva on May 3,"): its date is the event's.
REDUCED_PARTICIPLE = re.compile(r",\s+(?:held|hosted)\b", re.I)
# "The Turkish local media claimed", a news dateline: "BAKU, March 12 (Test Wire) - ".
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]+,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\s*(?:\([^)]*\))?\s*[-–—]\s*")
GROUP = re.compile(
    r"\b(?:(?:the|these|those)\s+(two|three|four)|both)\s+(?:foreign\s+|defence\s+|defense\s+|trade\s+)?"
    r"(?:ministers|leaders|presidents|counterparts|heads of state|top diplomats)\b|\bthe pair\b", re.I)
GROUP_SCAN = Hinted(GROUP, ("two", "three", "four", "both", "pair"))
GROUP_SIZE = {"two": 2, "three": 3, "four": 4, None: 2, "pair": 2, "both": 2}
OCCASION = re.compile(
    r"\b(?:to attend|to take part in|to participate in|for|on the sidelines of|on the margins of|during|at)\s+"
    r"((?:the|a|an)\s+)?([^,.;]{0,60}?\b(?:[Ss]ummit|[Ff]orum|[Mm]eetings?|[Aa]ssembly|[Cc]onference|"
    r"[Dd]ialogue|[Ss]ession|[Cc]ouncil|[Ww]eek|[Cc]eremony|[Pp]latform)\b(?:\s+(?:on|of)\s+[^,.;]{2,50}?)?)"
    r"(?=[,.;]|\s+in\s|\s+on\s|\s+at\s|\s+and\s|\s+to\s|\s*$)")
OCCASION_SCAN = Hinted(OCCASION, ("summit", "forum", "meeting", "assembly", "conference", "dialogue", "session",
                                  "council", "week", "ceremony", "platform"))
# A preposition before a person that marks it as an object ("invitation from X", "adviser to X").
GOVERNING = re.compile(
    r"\b(?P<prep>from|of|to|by|for|with|invitation from|adviser to|aide to)\s+(?P<between>(?:[A-Z][\w'’.-]*\s+)*)$")
# Capitalised title words: "Minister of State for Foreign Affairs X" is a title, not "for X".
TITLE_HEAD = re.compile(r"\b(?:Minister|Secretary|President|Chancellor|Commissioner|Representative|Head|Chief|"
                        r"Director|Ambassador|Envoy|Adviser|Advisor|Spokesperson|Spokesman|Chairman|Leader)\b")
# The title run right before a name ("Indian Minister of State for External Affairs ").
TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|for|the|and)\s+)*" + TITLE_HEAD.pattern
                       + r"(?:\s+(?:of|for|the|and|[A-Z][\w'’.-]*))*\s+$")
TITLE_RUN_SCAN = Hinted(TITLE_RUN, tuple(w.lower() for w in re.findall(r"[A-Z][a-z]+", TITLE_HEAD.pattern)))
# A relative clause whose subject is the person just named ("X, the minister for Y, who will travel to"),
# even when a preposition governs that person ("the next step falls to X, who ...").
WHO_CLAUSE = re.compile(r"(?:,[^,;.]{0,80})?,\s+who\s+(?:[\w'’-]+\s+){0,4}(?:[\w'’-]+\s+)?$")
INVITER = re.compile(r"\b(?:invitation (?:from|of|by)|invited by|at the invitation of|as a guest of)\s", re.I)
INVITER_SCAN = Hinted(INVITER, ("invit", "guest of"))
PERSON_KINDS = ("person",)
# "the two leaders" are heads of state or government, never their spokespeople or aides.
LEADER_NOUNS = frozenset({"leaders", "presidents", "state"})
LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
                 "crown prince", "leader", "head of state", "head of government", "taoiseach", "monarch")
RECENT_SENTENCES = 6  # "the two ministers" reach back this many sentences that name someone
SALIENT_EXTRA = 2  # "the two leaders" may skip this many persons named since the pair
RECENT_SCAN = 15  # and never further back than this many sentences


def dateline_end(text: str) -> int:
    """Return where a dateline ("BAKU, March 12 (Wire) - ") ends in a sentence, else 0."""
    match = DATELINE.match(text)
    return match.end() if match else 0


@lru_cache(maxsize=256)  # visits and then meetings read every sentence of an article
def _cuts(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the starts and ends of the clause cuts a scan of the whole text finds."""
    spans = [m.span() for m in CLAUSE_CUT.finditer(text)]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the clause around text[start:end]: from the last cut before to the first cut after."""
    starts, ends = _cuts(text)
    before = bisect_right(ends, start)
    return (ends[before - 1] if before else 0), _cut_after(text, end, starts, ends)


def _cut_after(text: str, end: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> int:
    """Return where the first cut at or after `end` starts (the text's end when none does).

    The whole-text scan tried every position from the cut before `end` on, so its next cut is
    the first one; only a cut straddling `end` leaves positions it skipped, to search afresh.
    """
    i = bisect_left(starts, end)
    if i and ends[i - 1] > end:
        after = CLAUSE_CUT.search(text, end)
        return after.start() if after else len(text)
    return starts[i] if i < len(starts) else len(text)


def status_of(text: str, start: int, end: int, window: Optional[DateWindow],
              published: Optional[dt.date]) -> Optional[str]:
    """Return the status cues give the event at text[start:end]; None when it is negated."""
    if NEGATION_SCAN.search(text[max(0, start - 45):start]) or UNCERTAIN_SCAN.search(text[max(0, start - 80):start]):
        return None
    if negated_plan(text, start):
        return None
    lo, hi = clause_bounds(text, start, end)
    if _in_finished_setting(text, lo, start, end):
        return "occurred"
    return _cued_in(text, start, end, lo, hi) or _status_by_time(
        text, text[max(lo, start - 60):min(hi, end + 40)], window, published)


def _in_finished_setting(text: str, lo: int, start: int, end: int) -> bool:
    """Return whether the event at text[start:end] is where a finished passive clause took place."""
    if not SETTING_SCAN.search(text, max(lo, start - SETTING_REACH), start):
        return False
    return not LATER_PLAN.search(text[end:end + 60])


def negated_plan(text: str, start: int) -> bool:
    """Return whether the event at `start` is a plan said not to exist or a denied report of one.

    A denied report that an event was called off ("denied reports that X had cancelled his trip") keeps it.
    """
    match = NEGATED_PLAN_SCAN.search(text[max(0, start - NEGATED_REACH):start])
    if match is None:
        return False
    return not (CANCELLED_SCAN.search(match.group(0)) or POSTPONED_SCAN.search(match.group(0)))


def predicate_status(text: str, end: int) -> Optional[str]:
    """Return the status the predicate of a noun event ending at `end` gives it ("..., has been postponed")."""
    match = STATUS_PREDICATE.search(text, end)
    if match is None:
        return None
    between = PARENTHETICAL.sub(" ", text[end:match.start()])
    if len(between) > PREDICATE_REACH or EVENT_WORDS_SCAN.search(between) or re.search(r"[;:]", between) \
            or NEARER_EVENT.search(between):
        return None
    if NEGATION_SCAN.search(text[max(0, match.start() - 30):match.start()]) or re.search(r"\bnot\s*$", between):
        return None
    return "postponed" if match.group("postponed") else "cancelled"


def cued_status(text: str, start: int, end: int) -> Optional[str]:
    """Return the status a cue word states for the event at text[start:end], else None."""
    return _cued_in(text, start, end, *clause_bounds(text, start, end))


def _cued_in(text: str, start: int, end: int, lo: int, hi: int) -> Optional[str]:
    """Return the status a cue word states for the event at text[start:end] of the clause text[lo:hi]."""
    if _own_cue(CANCELLED_SCAN, text, end, lo, hi):
        return "cancelled"
    if _own_cue(POSTPONED_SCAN, text, end, lo, hi):
        return "postponed"
    if _plan_cue_before(text, max(lo, start - 70), start) or PLANNED.search(text[start:end]):
        return "planned"
    if OCCURRED.search(text[start:end]) or OCCURRED.search(text[max(lo, start - 25):start]):
        return "occurred"
    return None


def _own_cue(scan: Hinted, text: str, end: int, lo: int, hi: int) -> bool:
    """Return whether the clause text[lo:hi] holds a cue of `scan` that is not another event noun's.

    A cue after the event that follows a nearer event noun tells of that one ("ended his visit to X
    and a planned trip by Y was postponed").
    """
    match = scan.search(text, lo, hi)
    return match is not None and not (match.start() >= end and NEARER_EVENT.search(text, end, match.start()))


def _plan_cue_before(text: str, lo: int, start: int) -> bool:
    """Return whether a plan cue in text[lo:start] is the event's own.

    A plan word that qualifies another event noun before the trigger ("discussed preparations for the
    visit in a call") tells of that event, not of the call.
    """
    for match in PLANNED.finditer(text, lo, start):
        if not (OTHER_PLAN_WORD.fullmatch(match.group(0)) and OTHER_EVENT.search(text, match.end(), start)):
            return True
    return False


def _status_by_time(sentence: str, near: str, window: Optional[DateWindow], published: Optional[dt.date]) -> str:
    if window is not None and window.start and published:
        if window.start > published:
            return "planned"
        if window.end and window.end < published:
            return "occurred"
    tense = sentence_tense(near)
    if tense == "present":
        tense = sentence_tense(sentence)
    return "planned" if tense == "future" else "occurred"


def usable_dates(ann: Annotated) -> list[DateWindow]:
    """Return the sentence's dates that can date an event (those outside a dateline)."""
    cut = dateline_end(ann.text)
    out = []
    for d in ann.dates:
        if d.span is None or d.start is None:
            continue
        if ann.local(d.span.start) >= cut:
            out.append(d)
    return out


# The passive predicate of an event noun before it: "talks ... were also held".
PASSIVE_HELD = re.compile(r"\b(?:was|were|is|are|will\s+be|would\s+be|had\s+been|has\s+been|have\s+been)\s+"
                          r"(?:also\s+|later\s+|first\s+|then\s+)?held\b", re.I)


def pick_window(ann: Annotated, start: int, end: int, stop: Optional[int] = None,
                skip: Sequence[tuple[int, int]] = ()) -> Optional[DateWindow]:
    """Return the date most plausibly attached to the event at local [start, end).

    The first date after the event word wins unless another event word comes between; else the
    nearest date before it. `stop` bounds the search after the event (the next event's start);
    dates inside the local ranges `skip` (descriptions of someone) are not the event's.
    """
    dates = [d for d in usable_dates(ann) if not any(lo <= ann.local(d.span.start) < hi for lo, hi in skip)]
    inside = [d for d in dates if start <= ann.local(d.span.start) < end]
    if inside:
        return inside[0]  # "a call on Monday between X and Y"
    limit = stop if stop is not None else len(ann.text)
    sinces = _since_openings(ann, dates)
    for d, since in zip(dates, sinces):
        local = ann.local(d.span.start)
        if since or not end <= local < limit:
            continue
        between = _without_since_dates(ann, dates, sinces, end, local)
        if "," in between:
            between = REDUCED_PARTICIPLE.sub(",", between)
        if " now " in between:
            between = RESCHEDULED_SCAN.pattern.sub(" ", between)  # the new date of this event, not another's
        if "held" in between:
            between = PASSIVE_HELD.sub(" ", between)  # "Talks between X and Y were held in Rome on Monday": its own predicate
        near = local - end <= 120 or local - end <= 240 and len(PARENTHETICAL.sub(",", between)) <= 120
        if near and not EVENT_WORDS_SCAN.search(between) and not CONTRAST_CUT.search(between) \
                and not REPORTING.search(ann.text[max(end, local - 80):local]):
            return d
    before = [d for d in dates if ann.local(d.span.end) <= start and not RELATIVE_CUT.search(ann.text, ann.local(d.span.end), start)]
    return before[-1] if before else None


def _since_openings(ann: Annotated, dates: list[DateWindow]) -> list[Optional[re.Match[str]]]:
    """Return, for each date, the "since" that opens it ("since early May"), else None."""
    if not SINCE_SCAN.hinted(ann.text):  # no "since" in the sentence: none before any date
        return [None] * len(dates)
    return [SINCE_SCAN.search(ann.text[:ann.local(d.span.start)]) for d in dates]


def _without_since_dates(ann: Annotated, dates: list[DateWindow], sinces: list[Optional[re.Match[str]]],
                         lo: int, hi: int) -> str:
    """Return text[lo:hi] with "since <date>" phrases blanked (they date a span, not another event)."""
    text = ann.text[lo:hi]
    for d, since in zip(dates, sinces):
        stop = ann.local(d.span.end)
        if since is not None and lo <= since.start() and stop <= hi:
            text = text[:since.start() - lo] + " " * (stop - since.start()) + text[stop - lo:]
    return text


def past_plan(text: str, start: int, end: int) -> bool:
    """Return whether the event at text[start:end] is a plan told in the pluperfect ("had been expected in May")."""
    return bool(PAST_PLAN.search(text[max(0, start - 60):end]))


def _forward(expression: str, published: dt.date, bare_month: bool = False) -> Optional[DateWindow]:
    """Resolve a date expression forward from publication.

    With `bare_month` a month name alone reads as "in <month>": a plan still ahead ("to return in
    September"); a plan called off may have been for a month now past, so it is not moved.
    """
    ahead = resolve(expression, published, tense="future")
    return ahead or (resolve(f"in {expression}", published, tense="future") if bare_month else None)


def _nearer(window: DateWindow, published: dt.date) -> DateWindow:
    """Return the reading of a relative date nearer publication: as resolved, forward or backward."""
    if window.basis != "relative" or window.span is None or window.end is None or window.start is None:
        return window
    if window.end >= published:
        other = resolve(window.span.text, published, tense="past")
        if other is None or other.end is None or other.end >= published or window.start <= published:
            return window
        if (published - other.end) < (window.start - published):
            return DateWindow(other.start, other.end, other.precision, other.edtf, other.basis, window.span)
        return window
    ahead = _forward(window.span.text, published)
    if ahead is None or ahead.start is None or ahead.start < published:
        return window
    if (ahead.start - published) < (published - window.end):
        return DateWindow(ahead.start, ahead.end, ahead.precision, ahead.edtf, ahead.basis, window.span)
    return window


def settle_window(window: Optional[DateWindow], status: str, published: Optional[dt.date],
                  past: bool = False, scheduled: bool = False) -> Optional[DateWindow]:
    """Fit a window to the status: an event not yet held lies ahead ("originally scheduled for Monday").

    A relative expression resolved into the past is resolved again forward for such events; a
    window that still contradicts the status is dropped. A plan told in the pluperfect (`past`)
    keeps its date: it was made for a time that may be over; so does a stretch called off or put
    back, and a day unless it is the day the plan was `scheduled` for ("called off a visit on
    Thursday" may be the day just gone; "postponed a visit scheduled for Tuesday" lies ahead).
    """
    if window is None or published is None or window.end is None or window.start is None:
        return window
    if past and status != "occurred" or status in ("postponed", "cancelled") and (
            window.precision not in ("day", None) or not scheduled):
        return _nearer(window, published)  # a month called off may be one just gone, not the same month next year
    if status != "occurred" and window.end < published and window.basis == "relative" and window.span:
        ahead = _forward(window.span.text, published, bare_month=status == "planned")
        if ahead is not None and ahead.start is not None and ahead.start >= published:
            return DateWindow(ahead.start, ahead.end, ahead.precision, ahead.edtf, ahead.basis, window.span)
    if status == "planned" and window.end < published:
        return None
    if status == "occurred" and window.start > published:
        return _year_before(window, published) or _past_reading(window, published)
    return window


def _past_reading(window: DateWindow, published: dt.date) -> Optional[DateWindow]:
    """Return a relative expression read into the past ("said after talks on Wednesday"), if that fits."""
    if window.basis != "relative" or window.span is None:
        return None
    back = resolve(window.span.text, published, tense="past")
    return back if back is not None and back.end is not None and back.end <= published else None


MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?", re.I)


def _year_before(window: DateWindow, published: dt.date) -> Optional[DateWindow]:
    """Return a yearless day or month ("Nov. 15") one year earlier, if that puts it before publication.

    "held talks on Nov. 15", told in July, was last November.
    """
    if window.basis != "relative" or window.precision not in ("day", "month") or window.span is None \
            or re.search(r"\d{4}", window.span.text) or not MONTH_NAME.search(window.span.text) \
            or window.start is None or window.end is None:
        return None
    try:
        start, end = window.start.replace(year=window.start.year - 1), window.end.replace(year=window.end.year - 1)
    except ValueError:  # February 29
        return None
    if end > published or (published - start).days > 366:
        return None
    edtf = start.isoformat() if window.precision == "day" else start.isoformat()[:7]
    return DateWindow(start, end, window.precision, edtf, window.basis, window.span)


# What makes a date the one a plan was set for: "scheduled for Tuesday", "due to be held in Ankara on Thursday".
SCHEDULED_FOR = re.compile(r"\b(?:for|until)\s+(?:the\s+|next\s+|this\s+)?$|"
                           r"\b(?:due|scheduled|planned|set|slated|expected|was\s+to|were\s+to)\b[^,;.]*$", re.I)


def scheduled(ann: Annotated, window: Optional[DateWindow]) -> bool:
    """Tell whether a window's expression is introduced as the date a plan was set for ("scheduled for Monday")."""
    if window is None or window.span is None:
        return False
    local = ann.local(window.span.start)
    return 0 <= local and SCHEDULED_FOR.search(ann.text, max(0, local - 60), local) is not None


def persons_in(ctx: Context, ann: Annotated, lo: int, hi: int) -> list[ActorMention]:
    """Return person mentions whose span starts in local [lo, hi)."""
    out = []
    for m in ann.actors:
        ref = ctx.ref(m.actor)
        if ref is not None and ref.kind in PERSON_KINDS and lo <= ann.local(m.span.start) < hi:
            out.append(m)
    return out


def unique(keys: list[str]) -> list[str]:
    """Return keys without repeats, in first-seen order."""
    seen: dict[str, None] = {}
    for k in keys:
        seen.setdefault(k, None)
    return list(seen)


def occasion_in(text: str) -> Optional[str]:
    """Return the occasion a passage names ("the BRICS Summit", "a conference on food security")."""
    match = OCCASION_SCAN.search(text)
    if not match:
        return None
    name = match.group(2).strip()
    return name if len(name.split()) >= 2 else None


def salient_persons(ctx: Context, index: int, before: Optional[int], count: int, noun: str = "") -> list[str]:
    """Return who "the two leaders" are: of the persons named lately, those the article names most by name.

    A report returns to its main pair with "the two leaders", whoever else it named in between.
    """
    named = recent_persons(ctx, index, before, count + SALIENT_EXTRA, noun, 2 * RECENT_SENTENCES)
    if len(named) <= count:
        return named
    times = {k: 0 for k in named}
    for ann in ctx.sentences[:index + 1]:
        for m in ann.actors:
            if m.actor in times and m.how != "pronoun":  # quotes make "he" of a speaker many times
                times[m.actor] += 1
    ranked = sorted(named, key=lambda k: -times[k])  # stable: recency breaks ties
    return [k for k in named if k in ranked[:count]]


def _title_fits(noun: str, title: str) -> bool:
    """Return whether "the two <noun>" can include a person with `title` (a prime minister is no "minister")."""
    low = title.lower()
    if any(word in low for word in PERSONAL_STAFF):
        return False  # a presidential spokesman is no "president"
    if noun.startswith("minister"):
        return "minister" in low and "prime" not in low
    if noun in LEADER_NOUNS:
        return any(word in low for word in LEADER_TITLES)
    return True


# "the Somali leader", "the Kenyan foreign minister": one person named before, by state and office.
DESCRIBED = re.compile(r"\b[Tt]he\s+(?P<demonym>[A-Z][a-z]+)\s+(?P<noun>leader|president|prime\s+minister|premier|"
                       r"chancellor|(?:foreign\s+|defence\s+|defense\s+|interior\s+|trade\s+)?minister|"
                       r"head\s+of\s+state|monarch|king|emir)\b")
DESCRIBED_SCAN = Hinted(DESCRIBED, ("the ",))


def described_persons(ctx: Context, index: int, text: str, lo: int, hi: int) -> list[str]:
    """Return the persons "the <Demonym> <office>" in local text[lo:hi] of sentence `index` stands for.

    Each is the latest person of that state named before, whose title fits the office.
    """
    out = []
    for match in DESCRIBED.finditer(text, lo, hi) if DESCRIBED_SCAN.search(text, lo, hi) else []:
        country = state_of(match.group("demonym"))
        noun = match.group("noun").split()[-1]
        noun = "leaders" if noun != "minister" or "prime" in match.group("noun") else "ministers"
        found = _latest_of(ctx, index, ctx.sentences[index].sentence.start + match.start(), country, noun)
        if found is not None:
            out.append(found)
    return unique(out)


def _latest_of(ctx: Context, index: int, before: int, country: Optional[str], noun: str) -> Optional[str]:
    """Return the last person of `country` whose title fits `noun`, named before the absolute offset `before`."""
    if country is None:
        return None
    for i in range(index, max(-1, index - RECENT_SCAN), -1):
        for m in reversed(ctx.sentences[i].actors):
            ref = ctx.ref(m.actor)
            if m.span.start >= before or ref is None or ref.kind != "person" or ref.country != country:
                continue
            if not ref.title or _title_fits(noun, ref.title):
                return m.actor
    return None


def recent_persons(ctx: Context, index: int, before: Optional[int], count: int, noun: str = "",
                   reach: int = RECENT_SENTENCES) -> list[str]:
    """Return the last `count` persons of distinct countries mentioned up to sentence `index`.

    `before` limits the search inside sentence `index` to mentions starting before that local offset.
    """
    found: list[str] = []
    countries: set[Optional[str]] = set()
    seen = 0  # sentences naming someone, the distance that counts (quotes in between name no one)
    for i in range(index, max(-1, index - RECENT_SCAN), -1):
        ann = ctx.sentences[i]
        mentions = [m for m in ann.actors if i < index or before is None or ann.local(m.span.start) < before]
        seen += any(_is_person(ctx, m) for m in mentions)
        if seen > reach:
            break
        for m in reversed(mentions):
            ref = ctx.ref(m.actor)
            if ref is None or ref.kind != "person" or m.actor in found:
                continue
            if ref.country is not None and ref.country in countries:
                continue
            if noun and ref.title and not _title_fits(noun, ref.title):
                continue
            found.append(m.actor)
            countries.add(ref.country)
            if len(found) == count:
                return found
    return found


def _is_person(ctx: Context, mention: ActorMention) -> bool:
    ref = ctx.ref(mention.actor)
    return ref is not None and ref.kind in PERSON_KINDS


def evidence(ann: Annotated) -> Span:
    """Return the sentence a record comes from, as its evidence."""
    s = ann.sentence
    return Span(s.start, s.end, s.text)


def governed(text: str, local: int, preps: frozenset[str]) -> bool:
    """Return whether the mention at `local` follows one of `preps` (outside a title like "Minister of X")."""
    head = text[max(0, local - 100):local]
    title = TITLE_RUN_SCAN.search(head)
    if title is not None:
        head = head[:title.start()]
    match = GOVERNING.search(head)
    return match is not None and match.group("prep").lower() in preps


# A clause reported by a speaker ("X told reporters that ...", "... and that Y would be received"):
# an encounter or trip inside it is done by the persons it names, never by the speaker.
REPORTED_CLAUSE = re.compile(
    r"\b(?:(?:said|says|told|tells|announced|announces|stated|confirmed|added|noted|denied|denies|insisted|"
    r"stressed|explained|indicated)\b(?:\s+[\w'’-]+){0,10}?|and)\s+that\s", re.I)
REPORTED_CLAUSE_SCAN = Hinted(REPORTED_CLAUSE, ("that",))


def reported_from(text: str, lo: int, hi: int) -> Optional[int]:
    """Return where the last clause reported by a speaker between local `lo` and `hi` starts, if any."""
    last = None
    pos = lo
    while (found := REPORTED_CLAUSE_SCAN.search(text, pos, hi)) is not None:
        last, pos = found.end(), found.end()
    return last

"""Statements (direct quotes and reported speech) from annotated sentences.

A statement is anchored on a speech verb outside quote marks ("said", "told", "reaffirmed",
"called for", ...) whose subject is a resolved actor mention next to it:
- before the verb, separated only by adverbs, date phrases or a comma-enclosed apposition
  ("Yuri Ushakov, a top adviser to Putin, told ..."), or
- right after it when the verb follows a quote ('"...," said Lavrov').
Coordinated subjects ("Both X and Y said"), possessives ("his office said"), indefinite or
unnamed sources ("a source", "officials") and expectations ("is expected to reaffirm", "will
say") give no statement. A state or organisation speaks only as the subject of a forward verb
("Turkey reaffirmed its support ..."); a trailing "..., the ministry said" is news sourcing.

Content: the quote chain the verb introduces or closes (direct), else the clause after the verb,
its object ("told reporters") and "that" (indirect), cut before a trailing attribution
(", according to ...", ", his office said"). A quote embedded in that clause makes the statement
direct when the quoted words are at least half of the clause; either way the text is the whole
clause (the quoted words with their reported frame).

A quote resumed after a mid-sentence attribution ('"A," X said on Monday, "B."') is one quote.
A paraphrase followed by a wholly quoted second clause ('said A, but that "B"') gives an indirect
and a direct statement. Content opening with a subordinate clause (", as the two sides ...") is
background, not speech. An attribution whose pronoun or role ("she", "the minister") is left
unresolved continues the one person of the previous sentence, else the latest speaker of this or
the previous paragraph (a role must be part of that person's title).

Quotes over sentences and paragraphs: the paragraph is the unit. A quote opened in one paragraph
and left open continues into the next paragraph when that one opens with a quote mark; the chain
has one speaker and gives one statement per paragraph. A quote with no attribution of its own
continues the last speaker of the same or the previous paragraph as a statement of its own
('"A," X said. "B."' is two statements, as the project's seed gold codes it).

Date (the day it was said), first that applies:
1. a date in the attribution part of the sentence (outside the content and quotes), not after
   publication ("said on Tuesday", "In August 2023, Peskov told ...");
2. a quote continuation or a pronoun/role/surname reference to the previous statement's speaker
   (within two sentences or two paragraphs, no one speaking between) inherits that statement's date;
3. the meeting the statement is linked to (its window; a day of it the talks or intro name when the
   window is coarser);
4. the sentence just before (also across a paragraph) that introduces the same speaker as its
   first actor: its own past date, else the occasion it names ("X struck a defiant tone on
   Wednesday. ¶ '...,' he told ...");
5. an occasion named again ("told the summit", "after the trilateral session"): the date of the
   latest earlier sentence naming it; talks ("after the meeting") are those of a modifier named
   before, else of the lead sentence, else the latest named;
6. a past date in the previous sentence of the same paragraph, not one opening a span ("since ...") (the scene the speech belongs to:
   "Putin addressed a potential visit in December ... 'We're making arrangements,' he said");
7. the article's news-event day: the latest date of the lead sentence that is not after
   publication, at most a week before it and not in a relative clause, else the publication date.

Meeting: the statement is linked to a meeting when its sentence refers to talks or a meeting
("during a joint news conference following talks", "after the meeting") and the speaker is a
participant of exactly one occurred meeting (ties go to the meeting whose other participants the
sentence names, then to the one with an overlapping date).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import islice
from typing import Optional

from .context import Annotated, Context
from .cues import Gated, opening_gate
from .text import casefree
from .types import ActorMention, DateWindow, MeetingCandidate, Span, StatementCandidate

# Finite forms only: base forms ("will say", "to reaffirm") are expectations, not statements.
SPEECH_VERBS = frozenset(
    "said says told tells added adds stated noted stressed stresses underlined underlines "
    "underscored underscores emphasised emphasized emphasises emphasizes warned warns announced "
    "announces reaffirmed reaffirms reiterated reiterates affirmed affirms expressed expresses "
    "declared declares insisted insists argued argues explained explains acknowledged acknowledges "
    "admitted admits asserted asserts remarked wrote replied responded commented assured assures "
    "promised pledged vowed denied denies confirmed confirms urged urges informed described "
    "describes clarified thanked welcomed welcomes conceded concedes dismissed wished praised praises "
    "hailed hails condemned condemns criticised criticized cautioned predicted suggested complained "
    "complains lamented laments claimed contended countered retorted accused accuses".split()
)
# Speech verbs that also name a reception when their object is a person ("welcomed Lula at the airport").
RECEPTION_VERBS = frozenset("welcomed welcomes hailed".split())
PHRASAL_VERBS = ("called for", "calls for", "pointed out", "points out", "referred to", "ruled out", "rules out")
# Verbs whose content is an object noun phrase ("ruled out a visit on Monday"): they close no quote,
# and a date in that phrase is the day of the act.
OBJECT_VERBS = frozenset({"ruled out", "rules out"})
# Participles that report speech of an explicit subject ("with Fidan calling for ...") or of the
# speaker of a quote just closed ('"...," Peskov told reporters, assuring ...').
SPEECH_PARTICIPLES = frozenset(
    "saying telling adding noting stressing warning urging assuring insisting describing".split()
)
PHRASAL_PARTICIPLES = ("calling for", "pointing out")
PARTICIPLE_HEADS = SPEECH_PARTICIPLES | {p.split()[0] for p in PHRASAL_PARTICIPLES}
# Verbs whose first complement is the addressee ("told reporters that ...").
# "urged X to ..." keeps X: the addressee is part of what was urged.
ADDRESSEE_VERBS = frozenset("told tells informed assured assures telling assuring".split())
ADDRESSEES = (
    "reporters|journalists|correspondents|lawmakers|legislators|parliament|deputies|senators|media"
    "|press|audience|conference|briefing|radio|television|tv|outlet|agency|newspaper|broadcaster"
    "|channel|interviewer|students|crowd|supporters|delegates|participants|counterpart|summit|forum"
    "|session|meeting|assembly|committee|council|duma|congress|senate|cabinet|nation|public"
)
# Words before a verb that make it an expectation, a plan or a negation, not something said.
NOT_SAID_BEFORE = frozenset(
    "to will would could can may might shall should must cannot not never n't expected "
    "scheduled set due planning plans".split()
)
# An auxiliary right before the verb makes it passive ("was welcomed by"), not the subject speaking.
PASSIVE_BEFORE = frozenset("was were been being is are be".split())
# A perfect before a state's or organisation's verb states a standing position ("Latvia has pledged").
PERFECT_BEFORE = frozenset("has have had".split())
# Adverbs between a speech verb and its "that" ("wrote afterwards that ...").
LEAD_ADVERBS = frozenset(
    "afterwards afterward later earlier again also then today yesterday separately previously once".split())
# Words that may stand between a subject and its verb.
SUBJECT_GAP_WORDS = frozenset(
    "also later again once previously earlier then has had have repeatedly reportedly further "
    "today yesterday recently separately subsequently himself herself itself on late early last "
    "this the same day in turn meanwhile".split()
)
# Heads of unnamed sources: never a named speaker.
SOURCE_WORDS = frozenset(
    "source sources official officials analyst analysts diplomat diplomats expert experts observer "
    "observers media reports insider insiders aide aides people spokesperson spokesman spokeswoman "
    "office ministry readout statement".split()
)
# A mention after these is an object or opens a background clause, not the speaker.
PREPOSITIONS = frozenset("with to of for by from at in on about against between among".split())
SUBORDINATORS = frozenset("after before since until when whenever once".split())
DETERMINERS = frozenset("the a an".split())
# Present-tense speech of a state or organisation describes a standing position, not a statement.
PRESENT_FORMS = frozenset(w for w in SPEECH_VERBS if w.endswith("s"))
INDEFINITE = frozenset("a an one some another several two three many".split())
POSSESSIVES = frozenset("his her its their our my your".split())
SPEAKER_HOWS = frozenset("name alias surname title role pronoun state".split())
CONTINUING_HOWS = frozenset({"pronoun", "role", "title", "surname"})
# Words that tie a statement to a meeting it was made at.
MEETING_CUES = re.compile(
    r"\b(?:talks|meeting|meetings|news conference|press conference|joint briefing|briefing|"
    r"summit|negotiations|call|visit|sidelines|session|readout)\b", re.IGNORECASE)
# A meeting of one side's own body ("told a cabinet meeting") is an audience, not talks with another side.
INTERNAL_MEETING = re.compile(
    r"\b(?:cabinet|party|parliamentary|government|staff|board|caucus|council\s+of\s+ministers)\s+"
    r"(?:meeting|meetings|session|briefing|call)\b", re.IGNORECASE)
# A trailing attribution that ends reported content (", according to ...", ", his office said").
TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:according to\b.*|(?:[\w'’]+\s+){1,8}?(?:said|says|told|reported|announced|added)\b[^,]*)$",
    re.IGNORECASE | re.DOTALL,
)
# The reporter's note on what was left unsaid (", but he did not say where"): not the speaker's words.
UNSAID_ASIDE = re.compile(
    r"[,;]?\s+(?:but|though|although)\s+(?:he|she|they|it|the\s+[\w-]+)\s+"
    r"(?:did\s+not|didn['’]t|would\s+not|wouldn['’]t|declined\s+to|refused\s+to|gave\s+no|offered\s+no)\s+"
    r"(?:say|give|specify|elaborate|provide|offer|disclose|comment|name|detail|details|timeline|date)\b[^,;]*$",
    re.IGNORECASE)
# A government body named after its state or its leader speaks for the state
# ("Ethiopia's foreign ministry said in a statement that ...", "the Ukrainian presidency said ...").
OFFICE_OF = re.compile(
    r"^(?:['’]s)?\s+(?:(?:foreign|defence|defense|interior|press|presidential|prime\s+minister's)\s+)?"
    r"(?:ministry|government|office|presidency|embassy|cabinet)"
    r"(?:\s+(?:of|for)\s+(?:foreign|external)\s+affairs)?\s+(?:(?:also|later|earlier|separately)\s+)?$",
    re.IGNORECASE)
# A comma-enclosed relative clause ("Zelensky, who arrived on Sunday, said"): background, not the speech's date.
# Without a closing comma it runs to the sentence end ("..., who arrived on Tuesday.").
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*(?:,|$)")
# A duration before "after"/"before" and the speaker ("came a day after Prime Minister X told ..."):
# the speech is dated from the sentence's own event, shifted by that duration.
DURATION_OFFSET = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)|(?:a\s+few\s+|several\s+|just\s+)?"
    r"(hours))\s+(after|before)\s+(?:[\w'’.-]+\s+){0,6}$", re.IGNORECASE)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# Words that open a new clause after reported content ("X said A, and Y said B").
CLAUSE_OPENERS = frozenset("and but while whereas although though as".split())
# A date opening a span ("since the summer") is background, not the scene of a speech.
SPAN_OPENER = re.compile(r"\b(?:since|until|till|from)\s+(?:the\s+|early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# An occasion named as an earlier one ("told the summit", "at the conference").
OCCASION_REF = re.compile(
    r"\b(?:told|addressed|to|at|during|before|after|following)\s+(?:the|their|this)\s+(?:[\w-]+\s+)?"
    r"(summit|conference|forum|assembly|rally|congress|ceremony|gathering|session|meeting|talks|call)\b",
    re.IGNORECASE)
# Nouns that name one occasion of talks: any of them refers back to an earlier one ("the trilateral
# session" after "a trilateral meeting on Tuesday").
TALKS_NOUNS = frozenset("session meeting talks call".split())
TALKS_MENTION = re.compile(r"\b(?:meeting|meetings|talks|session|summit|call|met|meet)\b", re.IGNORECASE)
# Words opening a clause whose dates are background to the lead's news ("a visit that began on Saturday").
BACKGROUND_CLAUSE = re.compile(r"\b(?:that|which|who|since|when)\b", re.IGNORECASE)
# A participial aside after an attribution ("According to X, speaking last week, ..."): not content.
PARTICIPLE_ASIDE = re.compile(r"\s*(?:speaking|writing|talking)\b[^,;\"“”]{0,60},")
# The role before an appositive speaker name ("..., Spain's foreign minister, X, said"): not content.
ROLE_APPOSITION = re.compile(
    r",\s*(?:[A-Z][\w.-]*['’]s\s+|the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,4}?"
    r"(?:minister|secretary|spokesman|spokeswoman|spokesperson|president|chancellor|adviser|advisor|envoy|"
    r"ambassador|chief|head|leader|premier|official|king|prince|deputy|counterpart|mayor|governor)\s*$",
    re.IGNORECASE)
# A setting phrase followed by a relative clause ("said in a statement, which described ..."): no content.
SETTING_ASIDE = re.compile(r"(?:in|on|at|during|after|following)\b[^,;\"“”]{0,60},\s*(?:which|who|where)\b",
                           re.IGNORECASE)
# A comment clause after a trailing attribution ("..., the ministry said, in what ... described as"): not content.
COMMENT_CLAUSE = re.compile(r"in\s+(?:what|a\s+move|a\s+sign|a\s+bid|an\s+apparent)\b", re.IGNORECASE)
# A short setting or date after a trailing attribution, then a comma aside ("..., the ministry said on
# Friday, a day after ..." / "..., X announced on state television, citing ..."): the aside is no content.
TRAILING_ASIDE = re.compile(
    r"(?:\s+(?:on|in|at|during|after|following|to|via|late|early|earlier|last|this|yesterday|today)\b"
    r"[^,;:\"“”]{0,60})?\s*,\s*(?![\"“]|that\b)[^;:]*$", re.IGNORECASE)
# A clause of its own resuming the content after an attribution (", and the two discussed ..."), not
# a second predicate of the speaker (", and added that ...").
CONTENT_RESUMES = re.compile(
    r"\s*(?:and|but)\s+(?!\w+ed\b|\w+ing\b|(?:was|were|is|are|has|had|have|will|would|also|then)\b)\w",
    re.IGNORECASE)
# A finite speech verb right after the person opening an office's report ("... that X had stressed").
PRINCIPAL_VERB = re.compile(r"\s+(?:(?:had|has|also)\s+)*[\"“]?([a-z]+)\b")
# A date in a "since" phrase ("on his first visit since taking office in May") starts a span: background.
SINCE_PHRASE = re.compile(r"\bsince\b[^,;:\"“”]{0,60}$", re.IGNORECASE)
# Words going on after a closing quote mark in the same clause (a fragment, not the whole content).
CLAUSE_GOES_ON = re.compile(r"[ \t]+[a-z]")
# A whole relative clause between a subject and its verb whose inner commas only list names
# ("X, who toured A, B and C in March, said").
RELATIVE_GAP = re.compile(
    r"\s*,\s*(?:who|whose)\b[^,;:\"“”()]*(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)+,?\s+(?:and|or)\s+"
    r"[^,;:\"“”()]*,\s*")
# A relative pronoun between a person and a speech verb: that person speaks ("X, who warned that ...").
RELATIVE_WHO = re.compile(r"\s*,\s*who\s+(?:(?:also|later|then|had|has|once|again)\s+)?")
# A phrase that places the speech act in an occasion; its date is the day it was said.
SETTING = re.compile(r"\b(?:during|at|on the sidelines of)\b[^,;\"“”]*$", re.IGNORECASE)
# Words opening a subordinate clause after a speech verb: background, not reported content.
SUBORDINATE_OPENERS = frozenset(
    "as while whereas although though because amid despite after before during following since".split())
SETTING_PREPOSITIONS = frozenset("in at during after following before on to via through from".split())
MIN_INDIRECT_WORDS = 3
LEAD_WINDOW_DAYS = 7
LEAD_SENTENCES = 1
# A neighbouring sentence's date older than this is history ("founded in 1975"), not the day words were said.
HISTORY_DAYS = 366
DIRECT_SHARE = 0.5  # quoted words / clause words from which an embedded quote makes it direct

_OPEN_MARKS = "“\""
_WORD = re.compile(r"[\w'’-]+")
_VERB_RX = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS | SPEECH_PARTICIPLES, key=len, reverse=True)
                        + [p.replace(" ", r"\s+") for p in PHRASAL_VERBS + PHRASAL_PARTICIPLES]) + r")\b"
)
_THAT = re.compile(r"\bthat\b")
# The verb scan runs only where a speech verb (or the first word of a phrasal one) starts.
_VERB_SCAN = Gated(_VERB_RX, opening_gate(sorted(
    SPEECH_VERBS | SPEECH_PARTICIPLES | {p.split()[0] for p in PHRASAL_VERBS + PHRASAL_PARTICIPLES})))
_MARK = re.compile("[“”\"]")
_PARENTHETICAL = re.compile(r",[^,]*,")
_GAP_STOP = re.compile(r"[\"“”;:()]")
_POSSESSIVE_S = re.compile(r"['’]s?\b")
_SENTENCE_ENDS = ".!?:\"”’')"  # a sentence ends in one of these (before blanks); a headline does not
_INVERSION_STOP = re.compile(r"[,;:\"“”]")  # between an inverted verb and its subject
_CLAUSE_MARKS = re.compile(r"[,;:.!?\"“”]")
_OPENING_MARK = re.compile(r"[\"“]")
_ATTRIBUTION_STOP = re.compile(r"[\"“”.;:()]")  # between a closed quote and the verb attributing it
_ADDRESSEE = re.compile(rf"\s*(?:[\w'’.-]+\s+){{0,5}}?(?:{ADDRESSEES})\b(?:\s+(?:in|at|on)\s+[A-Z][\w'’-]*)?",
                        re.IGNORECASE)
_NAME_AHEAD = re.compile(r"\s*(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*")
_DATE_LEAD = re.compile(r"\s*(?:on|in|late|early|earlier|last|this)?\s*", re.IGNORECASE)
_LEAD_TO_QUOTE = re.compile(r"\s*(?:(?:on|in|at|during|after|following|to)\b[^\"“”:;,]{0,80}?)?\s*[:,]?\s*(?=[\"“])|"
                            r"\s*(?:(?:on|in|at|during|after|following|to)\b[^\"“”:;,]{0,80}?)?\s*:", re.IGNORECASE)


@dataclass
class _Quote:
    """A quote chain: its content pieces (one per paragraph) as raw offsets."""

    pieces: list[tuple[int, int]]
    open_at: int
    close_at: Optional[int]  # the closing mark of the last piece, None when left open
    used: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, raw: str) -> str:
        return " ".join(" ".join(raw[a:b].split()).strip(" ,") for a, b in self.pieces).strip(" ,.")

    def covers(self, pos: int) -> bool:
        last = self.close_at if self.close_at is not None else self.end
        return self.open_at <= pos <= last and any(a - 1 <= pos <= b for a, b in self.pieces)


@dataclass
class _Found:
    """A statement under construction."""

    speaker: str
    kind: str
    text: str
    first: int  # sentence indices covered
    last: int
    window: Optional[DateWindow] = None
    how: str = "name"
    cue: bool = False  # the sentence ties it to a meeting
    inherit: bool = False  # continues the previous statement (date inheritance)
    quote: Optional[_Quote] = None  # the whole quote chain that is the text
    mentioned: frozenset[str] = frozenset()  # actors named in the attribution sentence
    addressee: Optional[str] = None  # the person told ("X told Y that ..."): a meeting of the two
    shift: Optional[int] = None  # days before the previous statement ("His comments came a day after X said")


@dataclass
class _State:
    ctx: Context
    quotes: list[_Quote]
    last_speaker: Optional[str] = None  # the latest statement's speaker and sentence
    last_sentence: int = -1
    opens: list[int] = field(default_factory=list)  # each quote's opening mark, in text order
    starts: list[int] = field(default_factory=list)  # each sentence's start and end, in text order
    ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.opens = [q.open_at for q in self.quotes]
        self.starts = [a.sentence.start for a in self.ctx.sentences]
        self.ends = [a.sentence.end for a in self.ctx.sentences]

    def drop(self, quote: _Quote) -> None:
        """Remove a quote joined into another."""
        self.opens.pop(self.quotes.index(quote))
        self.quotes.remove(quote)


# ----------------------------------------------------------------------------- quotes


def _paragraphs(ctx: Context) -> list[list[Annotated]]:
    groups: list[list[Annotated]] = []
    for a in ctx.sentences:
        if groups and groups[-1][-1].sentence.paragraph == a.sentence.paragraph:
            groups[-1].append(a)
        else:
            groups.append([a])
    return groups


def _marks(raw: str, start: int, end: int) -> list[tuple[int, Optional[int]]]:
    """Return (opening, closing) mark offsets of double quotes in raw[start:end]."""
    pairs: list[tuple[int, Optional[int]]] = []
    opened: Optional[int] = None
    for mark in _MARK.finditer(raw, start, end):
        i, ch = mark.start(), mark.group()
        if ch == "“" or (ch == '"' and opened is None):
            if opened is None:
                opened = i
        elif ch in "”\"" and opened is not None:
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def find_quotes(ctx: Context) -> list[_Quote]:
    """Return the article's quote chains; an open quote continues into a paragraph opening with one."""
    raw = ctx.article.raw
    quotes: list[_Quote] = []
    pending: Optional[_Quote] = None
    for para in _paragraphs(ctx):
        start, end = para[0].sentence.start, para[-1].sentence.end
        pairs = _marks(raw, start, end)
        if pending is not None and pairs and raw[start:end].lstrip()[:1] in _OPEN_MARKS:
            first_open, first_close = pairs.pop(0)
            pending.pieces.append((first_open + 1, first_close if first_close is not None else end))
            pending.close_at = first_close
            if first_close is None:
                continue
        pending = None
        for open_at, close_at in pairs:
            quote = _Quote([(open_at + 1, close_at if close_at is not None else end)], open_at, close_at)
            quotes.append(quote)
            if close_at is None:
                pending = quote
    return quotes


def _inside(quotes: list[_Quote], pos: int) -> Optional[_Quote]:
    return next((q for q in quotes if q.covers(pos)), None)


# ----------------------------------------------------------------------------- speakers


def _words(text: str) -> list[str]:
    if text.isascii():  # lower-casing keeps each character's place and class: one pass serves
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def _strip_parentheticals(gap: str) -> str:
    return _PARENTHETICAL.sub(" ", gap)


def _gap_ok(gap: str, dates: list[tuple[int, int]], gap_start: int) -> bool:
    """Return whether only adverbs, dates or an apposition separate a subject from its verb."""
    for a, b in dates:
        lo, hi = max(a - gap_start, 0), min(b - gap_start, len(gap))
        if lo < hi:
            gap = gap[:lo] + " " * (hi - lo) + gap[hi:]
    cleaned = _strip_parentheticals(gap)
    if _GAP_STOP.search(cleaned) or cleaned.strip(" ,") != cleaned.strip(" "):
        return False
    return all(w in SUBJECT_GAP_WORDS or w.endswith("ly") for w in _words(cleaned))


def _usable(a: Annotated, m: ActorMention, ctx: Context, absolute: bool = False, antecedent: bool = False) -> bool:
    """Return whether a mention can be a speaker: resolved, not a possessive, not a source.

    An `antecedent` of "who" is its clause's subject even as the object of a preposition.
    """
    if m.how not in SPEAKER_HOWS or m.actor not in ctx.actors:
        return False
    text = a.text
    lo, hi = a.local(m.span.start), a.local(m.span.end)
    if m.span.text.lower() in POSSESSIVES:
        return False
    after = text[hi:hi + 30]
    if _POSSESSIVE_S.match(after):
        return False
    follow = _words(after)[:1]
    if follow and follow[0] in SOURCE_WORDS:
        return False
    before = _words(text[max(0, lo - 40):lo])
    if before and before[-1] in ("and", "&") and _joint(a, m):
        return False
    if before and before[-1] in INDEFINITE:
        return False
    while before and before[-1] in DETERMINERS:
        before.pop()
    if before and before[-1] in PREPOSITIONS | SUBORDINATORS and not DURATION_OFFSET.search(text[:lo]):
        return antecedent or (absolute and before[-1] == "with")  # "with Fidan calling for ..."

    return True


def _joint(a: Annotated, m: ActorMention) -> bool:
    """Return whether the mention is the second of two coordinated subjects ("X and Y said")."""
    prev = [p for p in a.actors if p.span.end <= m.span.start]
    if not prev:
        return False
    between = a.text[a.local(prev[-1].span.end):a.local(m.span.start)]
    return between.strip().lower() in ("and", "&")


def _name_in_apposition(state: _State, a: Annotated, m: ActorMention, gap: str) -> bool:
    """Return whether the name closes an apposition to the subject ("Japan's spokesman, Secretary X, said")."""
    if gap.strip() != ",":
        return False
    before = state.ctx.article.raw[a.sentence.start:m.span.start]
    return bool(re.search(r"\w,\s+(?:(?:[A-Z][\w.'’-]*|of|for|the|and)\s+){0,5}$", before))


def _office_subject(state: _State, a: Annotated, verb: _Verb, floor: int) -> Optional[ActorMention]:
    """Return the state a named government body speaks for ("Kenya's foreign ministry said ...")."""
    if verb.word not in SPEECH_VERBS:
        return None
    ctx, raw = state.ctx, state.ctx.article.raw
    for m in reversed([m for m in a.actors if floor <= m.span.start and m.span.end <= verb.start][-3:]):
        if not OFFICE_OF.match(raw[m.span.end:verb.start]) or m.actor not in ctx.actors:
            continue
        ref = ctx.actors[m.actor]
        if m.how in ("state", "demonym") and ref.kind == "state":
            return ActorMention(m.actor, m.span, "state")
        if ref.kind == "person" and m.how in ("name", "title", "surname", "alias") and raw[m.span.end] in "'’":
            key = next((k for k, r in ctx.actors.items() if r.kind == "state" and r.country == ref.country), None)
            return ActorMention(key, m.span, "state") if key and ref.country else None
        return None
    return None


def _subject_before(state: _State, a: Annotated, verb_at: int, floor: int,
                    absolute: bool = False) -> Optional[ActorMention]:
    """Return the mention that is the verb's subject, looking back from the verb."""
    dates = [(d.span.start, d.span.end) for d in a.dates if d.span is not None]
    candidates = [m for m in a.actors if floor <= m.span.start and m.span.end <= verb_at]
    raw = state.ctx.article.raw
    for m in reversed(candidates[-4:]):  # "X, who toured A, B and C in March, told ...": names inside are not it
        if RELATIVE_GAP.fullmatch(raw, m.span.end, verb_at):
            return m if _usable(a, m, state.ctx, absolute) else None
    for m in reversed(candidates[-4:]):
        gap = raw[m.span.end:verb_at]
        if absolute and _VERB_RX.search(gap):
            return None  # "X and Y, the statement said, adding ...": the participle is that speaker's
        if RELATIVE_WHO.fullmatch(gap) and raw[a.sentence.start:m.span.start].strip():
            # "... received by X, who wished them success": a clause closing the sentence, not one
            # inside its subject ("X, who had criticised Y, was welcomed")
            return m if _usable(a, m, state.ctx, antecedent=True) else None
        if _gap_ok(gap, dates, m.span.end) or _name_in_apposition(state, a, m, gap):
            return m if _usable(a, m, state.ctx, absolute) else None
    return None


def _subject_after(state: _State, a: Annotated, verb_end: int) -> Optional[ActorMention]:
    """Return the mention right after an inverted verb ('"...," said Lavrov')."""
    raw = state.ctx.article.raw
    for m in a.actors:
        if m.span.start < verb_end:
            continue
        gap = raw[verb_end:m.span.start]
        words = _words(gap)
        if words and (words[0] in INDEFINITE or len(words) > 4 or any(w in SOURCE_WORDS for w in words)):
            return None
        if _INVERSION_STOP.search(gap):
            return None
        return m if _usable(a, m, state.ctx) else None
    return None


# ----------------------------------------------------------------------------- content


def _pronoun_not_named_after(state: _State, a: Annotated, verb: _Verb, subject: ActorMention) -> ActorMention:
    """Return the recent speaker for 'He added that Putin would ...' when 'he' was resolved to Putin.

    A pronoun and a name of the same clause rarely corefer when the name follows, so the
    pronoun is the speaker of the latest statement (of this or the two previous sentences).
    """
    last = state.last_speaker
    if (subject.how != "pronoun" or last is None or last == subject.actor
            or state.last_sentence < a.sentence.index - 2):
        return subject
    named_after = any(m.actor == subject.actor and m.how in ("name", "surname") and m.span.start >= verb.end
                      for m in a.actors)
    if named_after or _named_in_content(state, a, verb, subject) or _continues_last_speaker(state, a, subject):
        return ActorMention(last, subject.span, "pronoun")
    return subject


def _continues_last_speaker(state: _State, a: Annotated, subject: ActorMention) -> bool:
    """Return whether a sentence-opening 'He said ...' continues the speaker of the sentence just before.

    Right after X's words (and X's unattributed quoted sentences), an opening pronoun is X unless
    those sentences also name the person the pronoun was resolved to.
    """
    ctx, i, last = state.ctx, a.sentence.index, state.last_sentence
    if not 0 <= i - 1 - last <= 2 or a.local(subject.span.start) > 0 or ctx.actors[state.last_speaker].kind != "person":
        return False
    between = ctx.sentences[last + 1:i]  # quoted sentences left unattributed continue that speaker
    if any(not b.text.lstrip().startswith(tuple(_OPEN_MARKS)) for b in between):
        return False
    return not any(m.actor == subject.actor for b in ctx.sentences[last:i] for m in b.actors)


def _named_in_content(state: _State, a: Annotated, verb: _Verb, subject: ActorMention) -> bool:
    """Return whether a trailing '..., he said.' resolved to a person named in the reported content.

    A pronoun attribution closing content that names someone refers back to the speaker of the
    discourse, not to the person the content is about.
    """
    raw = state.ctx.article.raw
    if not re.fullmatch(r"[^,;\"“”]{0,60}[.]?\s*", raw[verb.end:a.sentence.end]):
        return False
    if not raw[a.sentence.start:subject.span.start].rstrip().endswith(","):
        return False
    return any(m.actor == subject.actor and m.how in ("name", "surname", "title") and m.span.end <= subject.span.start
               for m in a.actors)


def _not_said(text_before: str) -> bool:
    """Return whether the verb's own clause makes it an expectation, a plan, a negation or a passive."""
    clause = _CLAUSE_MARKS.split(text_before)[-1].replace("May", "")  # the month is no modal
    words = _words(clause)[-2:]
    if words and words[-1] in PASSIVE_BEFORE:
        return True
    return any(w in NOT_SAID_BEFORE or w.endswith("n't") for w in words)


def _standing_position(state: _State, a: Annotated, verb: _Verb, subject: ActorMention) -> bool:
    """Return whether a state or organisation speaks in the present or perfect (a position, not a statement)."""
    if state.ctx.actors[subject.actor].kind == "person":
        return False
    if verb.word in PRESENT_FORMS:
        return True
    gap = _words(state.ctx.article.raw[subject.span.end:verb.start])
    return any(w in PERFECT_BEFORE for w in gap)


def _reception(state: _State, a: Annotated, verb: _Verb) -> bool:
    """Return whether a reception verb has a person as its object ("welcomed Lula")."""
    if verb.word not in RECEPTION_VERBS:
        return False
    raw = state.ctx.article.raw
    return any(m.span.start >= verb.end and not raw[verb.end:m.span.start].strip()
               and state.ctx.actors.get(m.actor) is not None and state.ctx.actors[m.actor].kind == "person"
               for m in a.actors)


def _skip_object(raw: str, pos: int, end: int, verb: str, a: Annotated) -> int:
    """Return where reported content starts after the verb (past its addressee and "that")."""
    window = raw[pos:end]
    head = " ".join(window.split(maxsplit=14)[:14])
    that = _THAT.search(window)
    if that and that.start() <= len(head) + 2 and not _OPENING_MARK.search(window[:that.start()]):
        lead = window[:that.start()]
        first = _words(lead)[:1]
        if (not lead.strip() or verb in ADDRESSEE_VERBS or lead.lstrip().startswith(",")
                or (first and (first[0] in ("on", "in", "at", "during", "after", "following", "to", "late",
                                            "this", "last") or first[0] in LEAD_ADVERBS
                               or (first[0].endswith("ly") and len(_words(lead)) == 1)))):
            return pos + that.end()
    if verb in ADDRESSEE_VERBS:
        obj = _ADDRESSEE.match(window)
        if obj:
            return pos + obj.end()
        near = [m for m in a.actors if m.span.start >= pos and not raw[pos:m.span.start].strip(" ,")]
        if near:
            return near[0].span.end
        name = _NAME_AHEAD.match(window)
        if name:
            return pos + name.end()
    return pos


def _skip_lead(raw: str, pos: int, end: int, a: Annotated) -> int:
    """Skip date phrases and a short prepositional phrase before a colon or a quote."""
    for d in a.dates:
        if d.span is None or d.span.start < pos:
            continue
        lead = raw[pos:d.span.start]
        if _DATE_LEAD.fullmatch(lead):
            pos = d.span.end
    rest = raw[pos:end]
    colon = _LEAD_TO_QUOTE.match(rest)
    return pos + colon.end() if colon else pos


def _only_setting(clause: str) -> bool:
    """Return whether reported content is just a setting phrase ("in a statement on Friday")."""
    words = _words(clause)
    if len(words) > 1 and words[0] == "to" and clause.split()[1][:1].islower() and words[1] != "the":
        return False  # an infinitive ("vowed to respond ..."), not a destination
    return bool(words) and words[0] in SETTING_PREPOSITIONS and len(words) <= 8 and "," not in clause


def _trim(text: str) -> str:
    text = " ".join(text.split())
    for _ in range(2):
        text = UNSAID_ASIDE.sub("", TRAILING_ATTRIBUTION.sub("", text))
    text = text.strip(" ,;:.")
    return text.replace("“", "").replace("”", "").replace('"', "").strip(" ,;:.")


# ----------------------------------------------------------------------------- per sentence


@dataclass
class _Verb:
    start: int  # raw offsets
    end: int
    word: str


def _verbs(state: _State, a: Annotated) -> list[_Verb]:
    base = a.sentence.start
    out = []
    for m in _VERB_SCAN.finditer(a.text):
        if _inside(state.quotes, base + m.start()):
            continue
        word = " ".join(m.group(0).split())
        if word == "referred to" and " as " not in a.text[m.end():]:
            continue
        out.append(_Verb(base + m.start(), base + m.end(), word))
    return out


def _quote_before(state: _State, a: Annotated, verb: _Verb) -> Optional[_Quote]:
    """Return the quote a trailing attribution closes ('"...," X said' / '"...," said X')."""
    raw = state.ctx.article.raw
    best = None
    for q in state.quotes:
        if q.used or q.close_at is None or not (q.start <= verb.start and q.close_at < verb.start):
            continue
        if q.close_at < a.sentence.start and not q.covers(a.sentence.start):
            continue
        gap = raw[q.close_at + 1:verb.start]
        if len(_words(gap)) <= 9 and not _ATTRIBUTION_STOP.search(gap):
            best = q
    return best


def _quote_starting(state: _State, pos: int, end: int) -> Optional[_Quote]:
    """Return the unused quote that opens at `pos`, after blanks, commas or a colon at most.

    Only the first quote opening at or after `pos` can: any later one has its opening mark in between.
    """
    i = bisect_left(state.opens, pos)
    if i == len(state.quotes):
        return None
    q = state.quotes[i]
    if not q.used and not state.ctx.article.raw[pos:q.open_at].strip(" ,:\n\r\t"):
        return q
    return None


def _sentence_index(state: _State, pos: int) -> int:
    """Return the first sentence that holds raw offset `pos` (or ends just before it), else the last."""
    i = bisect_left(state.ends, pos)
    sentences = state.ctx.sentences
    if i < len(sentences) and state.starts[i] <= pos:
        return sentences[i].sentence.index
    return sentences[-1].sentence.index


def _attribution_date(a: Annotated, skip: list[tuple[int, int]], verb_at: int,
                      published: Optional[dt.date]) -> Optional[DateWindow]:
    """Return the date of the sentence outside its content and quotes nearest the verb."""
    skip = skip + [(a.sentence.start + m.start(), a.sentence.start + m.end())
                   for m in RELATIVE_CLAUSE.finditer(a.text)
                   if not m.start() <= verb_at - a.sentence.start < m.end()]
    dated = [d for d in a.dates if d.span is not None and d.start is not None
             and not any(s <= d.span.start < e for s, e in skip)
             and (published is None or d.start <= published)
             and not SINCE_PHRASE.search(a.text, 0, d.span.start - a.sentence.start)]
    if not dated:
        return None
    return min(dated, key=lambda d: abs(d.span.start - verb_at))


def _setting_date(a: Annotated, pos: int, ctx: Context) -> Optional[DateWindow]:
    """Return a past date of a trailing setting phrase ("... during the visit on Tuesday")."""
    published = ctx.article.published
    for d in a.dates:
        if d.span is None or d.start is None or d.span.start < pos or (published and d.start > published):
            continue
        if SETTING.search(ctx.article.raw[pos:d.span.start]):
            return d
    return None


def _unresolved_reference(state: _State, a: Annotated, verb: _Verb, quote: _Quote) -> Optional[ActorMention]:
    """Return the speaker of '"...," she said' / '"...," the minister said' left unresolved upstream.

    The speaker is the one person named in the previous sentence of the paragraph, else the
    latest speaker of this or the previous paragraph; a role must be part of that person's title.
    """
    raw, ctx = state.ctx.article.raw, state.ctx
    ref = (re.fullmatch(r"\s*,?\s*(he|she|the\s+([a-z]+))\s*", raw[quote.close_at + 1:verb.start])
           or re.match(r"\s+(the\s+([a-z]+))\s*[.,]", raw[verb.end:a.sentence.end]))
    if ref is None:
        return None
    key = _discourse_person(state, a)
    if key is None:
        return None
    role = ref.group(2)
    if role is not None and role not in _words(ctx.actors[key].title or ""):
        return None
    start = ref.start(1) + (quote.close_at + 1 if ref.re.pattern.startswith("\\s*,") else verb.end)
    return ActorMention(key, Span(start, start + len(ref.group(1)), ref.group(1)), "pronoun")


def _discourse_person(state: _State, a: Annotated) -> Optional[str]:
    """Return the person a bare reference continues: the previous sentence's only person, else the last speaker."""
    ctx, i = state.ctx, a.sentence.index
    if i > 0 and ctx.sentences[i - 1].sentence.paragraph == a.sentence.paragraph:
        persons = {m.actor for m in ctx.sentences[i - 1].actors
                   if m.actor in ctx.actors and ctx.actors[m.actor].kind == "person"}
        if len(persons) == 1:
            return persons.pop()
        if persons:
            return None
    if state.last_speaker is None or state.last_sentence < 0:
        return None
    last_para = ctx.sentences[state.last_sentence].sentence.paragraph
    if last_para < a.sentence.paragraph - 1 or ctx.actors[state.last_speaker].kind != "person":
        return None
    return state.last_speaker


def _direct_from_quote(state: _State, a: Annotated, verb: _Verb, quote: _Quote) -> Optional[_Found]:
    raw = state.ctx.article.raw
    subject = _subject_before(state, a, verb.start, quote.close_at + 1)
    if subject is None:
        subject = _subject_after(state, a, verb.end)
    if subject is None:
        subject = _unresolved_reference(state, a, verb, quote)
    if subject is None:
        return None
    quote.used = True
    _resume_after_attribution(state, a, verb, quote)
    skip = _quoted_ranges(state)
    kind, text = _embedding_clause(state, a, quote) or ("direct", quote.text(raw))
    found = _Found(subject.actor, kind, text, _sentence_index(state, quote.open_at),
                   a.sentence.index, how=subject.how, quote=quote)
    found.window = _attribution_date(a, skip, verb.start, state.ctx.article.published)
    found.cue = _meeting_cue(raw[quote.close_at:a.sentence.end])
    return found


def _embedding_clause(state: _State, a: Annotated, quote: _Quote) -> Optional[tuple[str, str]]:
    """Return kind and text of a clause that quotes a fragment before a trailing attribution.

    'It will resume "when conditions allow", X said': the reported content is the whole clause.
    """
    raw = state.ctx.article.raw
    if len(quote.pieces) > 1 or quote.close_at is None or quote.open_at <= a.sentence.start:
        return None
    prefix = raw[a.sentence.start:quote.open_at]
    if (len(_words(prefix)) < 2 or prefix.rstrip().endswith((",", ":", ";")) or re.search(r"[\"“”]", prefix)
            or _VERB_RX.search(prefix) or any(m.span.start < quote.open_at and _is_person(state, m) for m in a.actors)):
        return None
    clause = _trim(raw[a.sentence.start:quote.close_at].replace("“", "").replace("”", "").replace('"', ""))
    quoted = len(_words(quote.text(raw)))
    return ("direct" if quoted >= DIRECT_SHARE * len(_words(clause)) else "indirect"), clause


def _is_person(state: _State, m: ActorMention) -> bool:
    ref = state.ctx.actors.get(m.actor)
    return ref is None or ref.kind == "person"


def _quoted_ranges(state: _State) -> list[tuple[int, int]]:
    """Return the raw ranges of quoted words with their marks (not an attribution between pieces)."""
    return [(a - 1, b + 1) for q in state.quotes for a, b in q.pieces]


def _resume_after_attribution(state: _State, a: Annotated, verb: _Verb, quote: _Quote) -> None:
    """Join the quote resumed after a mid-sentence attribution ('"A," X said on Monday, "B."')."""
    raw = state.ctx.article.raw
    for q in state.quotes:
        if q.used or q is quote or not verb.end <= q.open_at < a.sentence.end:
            continue
        if re.fullmatch(r"[^\"“”.;:!?]*,\s*", raw[verb.end:q.open_at]) and not _VERB_RX.search(raw[verb.end:q.open_at]):
            quote.pieces.extend(q.pieces)
            quote.close_at = q.close_at
            state.drop(q)
        return


def _forward(state: _State, a: Annotated, verb: _Verb, subject: ActorMention, limit: int) -> list[_Found]:
    """Return the statements whose content follows the verb (two when a quoted clause is coordinated)."""
    ctx, raw = state.ctx, state.ctx.article.raw
    if _aside_after_trailing(state, a, verb, subject, limit) is not None:
        return []
    pos = _skip_object(raw, verb.end, limit, verb.word, a)
    pos = _skip_lead(raw, pos, limit, a)
    pos = _past_subordinate(raw, verb, pos, limit)
    if pos is None:
        return []
    quote = _quote_starting(state, pos, limit)
    if quote is not None and quote.close_at is not None and CLAUSE_GOES_ON.match(raw, quote.close_at + 1, limit):
        quote = None  # 'expressed "deep concern" over ...': the quoted words open a longer clause
    if quote is None and not raw[pos:limit].strip(" :\n"):
        quote = _next_paragraph_quote(state, a)
    skip = _quoted_ranges(state)
    if RELATIVE_GAP.fullmatch(raw, subject.span.end, verb.start):
        skip.append((subject.span.end, verb.start))  # the relative clause's dates are background
    split: Optional[_Quote] = None
    if quote is not None:
        quote.used = True
        kind, text, last = "direct", quote.text(raw), _sentence_index(state, max(quote.end - 1, quote.start))
    else:
        end = limit
        inner = [q for q in state.quotes if not q.used and pos <= q.open_at < limit]
        if inner and inner[-1].end > end:
            end = inner[-1].end
        split = _coordinated_quote(state, inner, pos, end)
        if split is not None:
            end = split.open_at
            inner = inner[:-1]
        clause = _trim(raw[pos:end])
        if (len(_words(clause)) < MIN_INDIRECT_WORDS or _only_setting(clause) or COMMENT_CLAUSE.match(clause)
                or SETTING_ASIDE.match(clause)):
            return []
        clause = re.sub(r",?\s*\b(?:but|and)\s+(?:also\s+)?that$", "", clause) if split else clause
        quoted = " ".join(q.text(raw) for q in inner)
        for q in inner:
            q.used = True
        kind = "direct" if inner and len(_words(quoted)) >= DIRECT_SHARE * len(_words(clause)) else "indirect"
        text = _with_fronted_subject(state, a, verb, subject, clause)
        last = _sentence_index(state, max(end - 1, pos))
        if verb.word not in OBJECT_VERBS:
            skip.append((pos, end))
    if not text:
        return []
    principal = _principal(state, a, subject, pos, limit)
    if principal is not None:
        subject = principal
    found = _Found(subject.actor, kind, text, a.sentence.index, max(last, a.sentence.index), how=subject.how,
                   quote=quote)
    found.window = _attribution_date(a, skip, verb.start, ctx.article.published) or _setting_date(a, pos, ctx)
    _apply_offset(state, a, subject, found)
    found.cue = _meeting_cue(raw[a.sentence.start:pos])
    found.addressee = _addressee(state, a, verb)
    if split is None:
        return [found]
    split.used = True
    second = _Found(subject.actor, "direct", split.text(raw), found.first, found.last, found.window, "pronoun",
                    found.cue, True)
    return [found, second]


def _principal(state: _State, a: Annotated, subject: ActorMention, pos: int, limit: int) -> Optional[ActorMention]:
    """Return the person an office reports speaking ("X's office said the prime minister had stressed ...").

    A state's body that reports one of its own people's words (a speech verb right after the person
    opening the content) relays that person's statement.
    """
    ctx, raw = state.ctx, state.ctx.article.raw
    if subject.how != "state" or ctx.actors[subject.actor].kind != "state":
        return None
    m = next((m for m in a.actors if pos <= m.span.start < limit), None)
    if m is None or m.how not in SPEAKER_HOWS or m.how == "pronoun" or m.actor not in ctx.actors:
        return None
    person = ctx.actors[m.actor]
    if person.kind != "person" or person.country != ctx.actors[subject.actor].country:
        return None
    if re.sub(r"^\s*(?:the\s+)?", "", raw[pos:m.span.start]).strip():
        return None
    verb = PRINCIPAL_VERB.match(raw, m.span.end, limit)
    return m if verb and casefree(verb.group(1)) in SPEECH_VERBS else None


def _aside_after_trailing(state: _State, a: Annotated, verb: _Verb, subject: ActorMention,
                          limit: int) -> Optional[int]:
    """Return the comma opening an aside after a trailing attribution, None when there is none.

    "A and B will meet on Friday, the ministry said on Wednesday, in the latest attempt to ...":
    the words after the attribution are no content of their own, unless a speech verb opens them.
    """
    raw = state.ctx.article.raw
    before = raw[a.sentence.start:subject.span.start]
    if not (re.search(r",\s*(?:the\s+)?$", before) or ROLE_APPOSITION.search(before.rstrip())):
        return None
    if len(_words(before)) <= MIN_INDIRECT_WORDS or _inside(state.quotes, a.sentence.start):
        return None
    start = verb.end
    if verb.word in ADDRESSEE_VERBS:
        obj = _ADDRESSEE.match(raw, start, limit)
        start = obj.end() if obj else start
    if TRAILING_ASIDE.match(raw, start, limit) is None:
        return None
    comma = raw.index(",", start, limit)
    first = [w for w in _words(raw[comma:limit])[:3] if w not in ("and", "but", "also")][:1]
    return comma if not first or first[0] not in PARTICIPLE_HEADS | SPEECH_VERBS else None


def _meeting_cue(text: str) -> bool:
    """Return whether the text ties a speech to talks with another side."""
    return bool(MEETING_CUES.search(INTERNAL_MEETING.sub(" ", text)))


def _apply_offset(state: _State, a: Annotated, subject: ActorMention, found: _Found) -> None:
    """Date a speech placed by a duration from the sentence's event ("met on May 14, a day after X said").

    The event is the sentence's latest date before the duration, else (left to date settling)
    the previous statement ("His comments came a day after X told lawmakers ...").
    """
    raw, published = state.ctx.article.raw, state.ctx.article.published
    text = raw[a.sentence.start:subject.span.start]
    if "after" not in text and "before" not in text:
        return  # the two words every offset needs: a cheap gate before the pattern
    match = DURATION_OFFSET.search(text)
    if match is None:
        return
    count, unit, hours, direction = match.groups()
    days = 0 if hours else (NUMBER_WORDS.get(count.lower()) or int(count)) * (7 if unit.startswith("week") else 1)
    days = days if direction.lower() == "after" else -days
    at = a.sentence.start + match.start()
    anchors = [d for d in a.dates if d.span is not None and d.span.end <= at and d.start is not None
               and (published is None or d.start <= published)]
    found.window = _shifted(anchors[-1], days) if anchors else None
    found.shift = None if anchors else days


def _shifted(d: DateWindow, days: int) -> DateWindow:
    """Return the window `days` earlier (later when negative)."""
    start = d.start - dt.timedelta(days=days) if d.start is not None else None
    end = d.end - dt.timedelta(days=days) if d.end is not None else None
    edtf = None if start is None else start.isoformat() if start == end else f"{start}/{end or '..'}"
    return DateWindow(start, end, d.precision, edtf, "relative")


def _addressee(state: _State, a: Annotated, verb: _Verb) -> Optional[str]:
    """Return the person a telling verb names right after it ("told Albanese that")."""
    if verb.word not in ADDRESSEE_VERBS:
        return None
    raw = state.ctx.article.raw
    for m in a.actors:
        if m.span.start >= verb.end:
            gap = raw[verb.end:m.span.start]
            if state.ctx.actors[m.actor].kind == "person" and not gap.strip(" ,") and m.how in SPEAKER_HOWS:
                return m.actor
            return None
    return None


def _past_subordinate(raw: str, verb: _Verb, pos: int, limit: int) -> Optional[int]:
    """Return where content starts when a subordinate clause follows the verb, None when none does.

    "the ministry said on Monday, as the two sides ..." reports nothing after the verb; "said
    while in Ankara that ..." reports what follows "that".
    """
    first = _words(raw[pos:limit])[:1]
    if not first or first[0] not in SUBORDINATE_OPENERS or re.search(r"\bthat\s*$", raw[verb.end:pos]):
        return pos
    that = _THAT.search(raw, pos, limit)
    return that.end() if that else None


def _coordinated_quote(state: _State, inner: list[_Quote], pos: int, end: int) -> Optional[_Quote]:
    """Return a quote that is a whole second reported clause after a paraphrase ('A, but that "B".').

    Only when the first clause quotes nothing: a report that turns from paraphrase to quotation
    is an indirect and a direct statement; one quoting throughout stays one.
    """
    if len(inner) != 1 or inner[-1].close_at is None:
        return None
    raw, last = state.ctx.article.raw, inner[-1]
    if not re.search(r"\b(?:but|and)\s+(?:also\s+)?that\s*$", raw[pos:last.open_at]):
        return None
    if raw[last.close_at + 1:end].strip(" .,;”\"'’)"):
        return None
    return last


def _with_fronted_subject(state: _State, a: Annotated, verb: _Verb, subject: ActorMention, clause: str) -> str:
    """Prefix the content's own subject when the attribution interrupts it ("The bloc, he said, had ...")."""
    raw = state.ctx.article.raw
    front = raw[a.sentence.start:subject.span.start]
    lead = re.fullmatch(r"\s*([^,;:\"“”]+),\s*", front)
    if lead is None or not raw[verb.end:].lstrip(" ").startswith(","):
        return clause
    words = _words(lead.group(1))
    if not words or len(words) > 8 or words[0] in SETTING_PREPOSITIONS or words[0].endswith("ing"):
        return clause
    return f"{' '.join(lead.group(1).split())} {clause}"


def _next_paragraph_quote(state: _State, a: Annotated) -> Optional[_Quote]:
    """Return the quote opening the next paragraph, for 'X said:' ending a paragraph."""
    if not a.text.rstrip().endswith(":"):
        return None
    for b in state.ctx.sentences:
        if b.sentence.paragraph > a.sentence.paragraph:
            return _quote_starting(state, b.sentence.start, b.sentence.end)
    return None


def _trailing(state: _State, a: Annotated, verb: _Verb, subject: ActorMention, more: str = "") -> Optional[_Found]:
    """Return '<content>, X said.' for a named person (a state or office there is sourcing).

    `more` is content resumed after the attribution ("A, X said, and B"), joined to the text.
    """
    raw = state.ctx.article.raw
    if state.ctx.actors[subject.actor].kind != "person":
        return None
    before = raw[a.sentence.start:subject.span.start]
    comma = before.rfind(",")
    if comma < 0 or len(_words(before[comma:])) > 6:
        return None
    text = _trim(ROLE_APPOSITION.sub("", before[:comma]))
    if not text or _inside(state.quotes, a.sentence.start):
        return None
    skip = [(a.sentence.start, subject.span.start)]
    if more:
        text = f"{text} {_trim(more)}"
        skip.append((a.sentence.end - len(more), a.sentence.end))
    found = _Found(subject.actor, "indirect", text, a.sentence.index, a.sentence.index, how=subject.how)
    found.window = _attribution_date(a, skip, verb.start, state.ctx.article.published)
    return found


def _is_headline(a: Annotated) -> bool:
    return _ends_like_a_headline(a.text)


def _ends_like_a_headline(text: str) -> bool:
    """Return whether the text ends (before blanks) in no sentence-closing mark."""
    end = text.rstrip()[-1:]
    return not end or end not in _SENTENCE_ENDS


def _sentence_statements(state: _State, a: Annotated) -> list[_Found]:
    """Return the statements whose speech verb is in this sentence."""
    if _is_headline(a):
        return []
    raw = state.ctx.article.raw
    out: list[_Found] = []
    verbs = _verbs(state, a)
    floor = a.sentence.start
    for i, verb in enumerate(verbs):
        if _not_said(raw[max(a.sentence.start, verb.start - 30):verb.start]):
            continue
        if out and verb.start < floor:
            continue
        quote = _quote_before(state, a, verb)
        if quote is not None and verb.word not in SPEECH_PARTICIPLES | OBJECT_VERBS:
            found = _direct_from_quote(state, a, verb, quote)
            if found is not None:
                out.append(found)
                floor = verb.end
            continue
        participle = verb.word.split()[0] in PARTICIPLE_HEADS
        subject = _subject_before(state, a, verb.start, floor, participle) or _office_subject(state, a, verb, floor)
        if subject is None and participle and out and out[-1].kind == "direct":
            subject = next((m for m in a.actors if m.actor == out[-1].speaker), None)
        if subject is None or _standing_position(state, a, verb, subject) or _reception(state, a, verb):
            continue
        subject = _pronoun_not_named_after(state, a, verb, subject)
        limit = _clause_limit(state, a, verbs[i + 1:], verb)
        founds = _forward(state, a, verb, subject, limit)
        if not founds:
            trailing = _trailing_if_last(state, a, verb, subject)
            founds = [trailing] if trailing is not None else []
        if founds:
            out.extend(founds)
            floor = limit
    if not out:
        found = _according(state, a)
        if found is not None:
            out.append(found)
    for found in out:
        found.mentioned = frozenset(m.actor for m in a.actors)
    return out


def _according(state: _State, a: Annotated) -> Optional[_Found]:
    """Return "According to X, ..." or "..., according to X." for a named person X."""
    raw, text = state.ctx.article.raw, a.text
    if "according to" not in casefree(text):
        return None  # the phrase both forms below need
    for m in a.actors:
        if state.ctx.actors[m.actor].kind != "person" or m.how not in SPEAKER_HOWS:
            continue
        lo, hi = a.local(m.span.start), a.local(m.span.end)
        lead = re.fullmatch(r"\s*according to\s+(?:[\w'’.-]+,?\s+){0,5}?", text[:lo], re.IGNORECASE)
        if lead and text[hi:].lstrip().startswith(","):
            start = a.sentence.start + hi + text[hi:].index(",") + 1
            aside = PARTICIPLE_ASIDE.match(raw, start, a.sentence.end)
            start = aside.end() if aside else start
            return _reported(state, a, m, start, a.sentence.end)
        tail = re.search(r",\s*according to\s+(?:[\w'’.-]+,?\s+){0,5}?$", text[:lo], re.IGNORECASE)
        if tail and not text[hi:].strip(" .”\""):
            return _reported(state, a, m, a.sentence.start, a.sentence.start + tail.start())
    return None


def _reported(state: _State, a: Annotated, m: ActorMention, start: int, end: int) -> Optional[_Found]:
    raw = state.ctx.article.raw
    quote = _quote_starting(state, start, end)
    if quote is not None:
        quote.used = True
        kind, text = "direct", quote.text(raw)
    else:
        kind, text = "indirect", _trim(raw[start:end])
    if len(_words(text)) < MIN_INDIRECT_WORDS:
        return None
    found = _Found(m.actor, kind, text, a.sentence.index, a.sentence.index, how=m.how)
    found.window = _attribution_date(a, [(start, end)], m.span.start, state.ctx.article.published)
    return found


def _trailing_if_last(state: _State, a: Annotated, verb: _Verb, subject: ActorMention) -> Optional[_Found]:
    raw = state.ctx.article.raw
    tail = raw[verb.end:a.sentence.end]
    if re.fullmatch(r"[^,;\"“”]{0,60}[.]?\s*", tail):
        return _trailing(state, a, verb, subject)
    comma = _aside_after_trailing(state, a, verb, subject, a.sentence.end)
    if comma is None:
        return None
    more = raw[comma + 1:a.sentence.end]
    # "A, X said, and B": the content resumes after the attribution.
    return _trailing(state, a, verb, subject, more if CONTENT_RESUMES.match(more) else "")
    return None


def _clause_limit(state: _State, a: Annotated, later: list[_Verb], verb: _Verb) -> int:
    """Return where the content of a verb ends: the sentence end, or a later speaker's clause."""
    for nxt in later:
        subject = _subject_before(state, a, nxt.start, verb.end)
        if subject is not None and _opens_clause(state, a, verb, subject):
            cut = a.text.rfind(",", 0, a.local(subject.span.start))
            return a.sentence.start + cut if cut > a.local(verb.end) else subject.span.start
    return a.sentence.end


def _opens_clause(state: _State, a: Annotated, verb: _Verb, subject: ActorMention) -> bool:
    """Return whether a later subject opens its own clause rather than being the reported content's subject."""
    before = state.ctx.article.raw[verb.end:subject.span.start]
    before = re.sub(r"(?:\b(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+)*$", "", before)
    if before.rstrip().endswith((",", ";")):
        return True
    words = _words(before)
    return bool(words) and words[-1] in CLAUSE_OPENERS


# ----------------------------------------------------------------------------- continuations


def _continuations(state: _State, found_by_sentence: dict[int, list[_Found]]) -> None:
    """Give unattributed quote chains to the last speaker of the same or the previous paragraph."""
    ctx, raw = state.ctx, state.ctx.article.raw
    para_of = {a.sentence.index: a.sentence.paragraph for a in ctx.sentences}
    for q in state.quotes:
        if q.used:
            continue
        i = _sentence_index(state, q.open_at)
        a = ctx.sentences[i]
        before = raw[a.sentence.start:q.open_at].strip()
        if (before and not before.endswith((".", "!", "?"))) or _attributed_elsewhere(state, q, a):
            continue
        previous = [f for j in sorted(found_by_sentence) if j <= i for f in found_by_sentence[j]
                    if j < i or (f.quote is not None and f.quote.end < q.open_at)]
        if not previous or para_of[previous[-1].last] < para_of[i] - 1:
            continue
        last = previous[-1]
        q.used = True
        cont = _Found(last.speaker, "direct", q.text(raw), i, _sentence_index(state, max(q.end - 1, q.start)),
                      how="pronoun", inherit=True, window=last.window, cue=last.cue, quote=q)
        found_by_sentence.setdefault(i, []).append(cont)


def _attributed_elsewhere(state: _State, q: _Quote, a: Annotated) -> bool:
    """Return whether the quote's own sentence names a speech verb (an unnamed or other speaker)."""
    last = state.ctx.sentences[_sentence_index(state, max(q.end - 1, q.start))]
    after = state.ctx.article.raw[(q.close_at or q.end):last.sentence.end]
    return bool(_VERB_RX.search(after))


# ----------------------------------------------------------------------------- paragraphs as units


def _by_paragraph(state: _State, found: _Found) -> list[_Found]:
    """Split a quote chain over several paragraphs into one statement per paragraph."""
    ctx = state.ctx
    quote, raw = found.quote, ctx.article.raw
    if quote is None or len(quote.pieces) < 2:
        return [found]
    para = {a.sentence.index: a.sentence.paragraph for a in ctx.sentences}
    groups: list[list[tuple[int, int]]] = []
    for a, b in quote.pieces:
        if groups and para[_sentence_index(state, a)] == para[_sentence_index(state, groups[-1][0][0])]:
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    out = []
    for i, group in enumerate(groups):
        first = found.first if i == 0 else _sentence_index(state, group[0][0])
        last = found.last if i == len(groups) - 1 else _sentence_index(state, max(group[-1][1] - 1, group[-1][0]))
        text = _Quote(group, group[0][0] - 1, None).text(raw)
        how, inherit = (found.how, found.inherit) if i == 0 else ("pronoun", True)
        out.append(_Found(found.speaker, "direct", text, first, max(first, last), found.window, how,
                          found.cue, inherit, mentioned=found.mentioned))
    return out


# ----------------------------------------------------------------------------- dates, meetings


def _lead_date(ctx: Context) -> Optional[DateWindow]:
    """Return the article's news-event day: the lead's latest recent past date, else publication.

    A date in a background clause ("a visit that began on Saturday") is not the news day.
    """
    published = ctx.article.published
    if published is None:
        return None
    body = islice((a for a in ctx.sentences if not _is_headline(a)), LEAD_SENTENCES)
    for lead in body:
        recent = [d for d in lead.dates if d.start is not None and d.end is not None
                  and d.end <= published and (published - d.start).days <= LEAD_WINDOW_DAYS
                  and not _in_background_clause(ctx.article.raw, lead, d)]
        if recent:
            return recent[-1]
    return DateWindow(published, published, "day", published.isoformat(), "publication")


def _in_background_clause(raw: str, a: Annotated, d: DateWindow) -> bool:
    """Return whether a date sits in a relative or temporal clause of its sentence."""
    if d.span is None:
        return False
    clause = raw[a.sentence.start:d.span.start].rsplit(",", 1)[-1]
    return bool(BACKGROUND_CLAUSE.search(clause))


def _current(d: DateWindow, published: Optional[dt.date]) -> bool:
    """Return whether a dated neighbour can date remarks: not after publication, not history."""
    if d.start is None:
        return False
    return published is None or (d.start <= published and (published - d.start).days <= HISTORY_DAYS)


def _scene_date(ctx: Context, index: int) -> Optional[DateWindow]:
    """Return a past date of the previous sentence in the same paragraph."""
    if index == 0:
        return None
    a, prev = ctx.sentences[index], ctx.sentences[index - 1]
    if prev.sentence.paragraph != a.sentence.paragraph or prev.tense == "future":
        return None
    published = ctx.article.published
    raw = ctx.article.raw
    dated = [d for d in prev.dates if _current(d, published)
             and not (d.span is not None and SPAN_OPENER.search(raw[max(0, d.span.start - 25):d.span.start]))]
    return dated[-1] if dated else None


def _occasion_date(ctx: Context, index: int) -> Optional[DateWindow]:
    """Return the date of the occasion sentence `index` names anaphorically ("told the summit").

    The occasion is the latest earlier sentence naming the same noun with a past date (within two
    paragraphs); talks ("after the meeting") are dated by `_talks_date`. The date nearest that
    noun is the day it was said.
    """
    a = ctx.sentences[index]
    match = OCCASION_REF.search(_outside_quotes(ctx, a))
    if match is None:
        return None
    for own in OCCASION_REF.finditer(a.text):  # offsets of the sentence itself (quotes not blanked)
        here = _date_after(ctx, a, a.sentence.start + own.end())
        if here is not None:
            return here
    if match.group(1).lower() in TALKS_NOUNS:
        return _talks_date(ctx, index, match)
    noun = re.compile(rf"\b{match.group(1)}\b", re.IGNORECASE)
    return _latest_naming(ctx, index, noun, a.sentence.paragraph - 2)


def _talks_date(ctx: Context, index: int, match: re.Match[str]) -> Optional[DateWindow]:
    """Return the day of the talks "after the (trilateral) meeting" refers to.

    A modifier ("trilateral", "bilateral") picks the latest earlier sentence naming it; else the
    article's talks are those of its lead sentence; else the latest talks named before.
    """
    modifier = re.fullmatch(r"\w+\s+\w+\s+([\w-]+)\s+\w+", match.group(0))
    if modifier is not None and modifier.group(1).lower() not in ("news", "press", "joint", "same", "first"):
        found = _latest_naming(ctx, index, re.compile(rf"\b{re.escape(modifier.group(1))}\b", re.IGNORECASE), -1)
        if found is not None:
            return found
    lead = next((a for a in ctx.sentences[:index] if not _is_headline(a)), None)
    if lead is not None:
        found = _latest_naming(ctx, lead.sentence.index + 1, TALKS_MENTION, lead.sentence.paragraph)
        if found is not None:
            return found
    return _latest_naming(ctx, index, TALKS_MENTION, ctx.sentences[index].sentence.paragraph - 2)


def _latest_naming(ctx: Context, index: int, noun: re.Pattern[str], floor: int) -> Optional[DateWindow]:
    """Return the past date nearest `noun` in the latest sentence before `index` (from paragraph `floor`) naming it.

    A day beats a coarser date ("on Tuesday ... this year's chair").
    """
    published = ctx.article.published
    for prev in reversed(ctx.sentences[:index]):
        if prev.sentence.paragraph < floor:
            break
        if prev.tense == "future" or _is_headline(prev):
            continue
        hits = list(noun.finditer(prev.text))
        dated = [d for d in prev.dates if d.span is not None and _current(d, published)]
        if hits and dated:
            at = [prev.sentence.start + h.start() for h in hits]
            return min(dated, key=lambda d: (d.start != d.end, min(abs(d.span.start - x) for x in at)))
    return None


def _intro_date(ctx: Context, found: _Found) -> Optional[DateWindow]:
    """Return the day of the sentence just before that introduces the speaker's remarks.

    "X struck a defiant tone on Wednesday. '...,' he told ..." and "At a news conference after
    the talks, X called ... ¶ '...,' he said": the previous sentence names the speaker, and its
    own past date or the occasion it names dates the words.
    """
    index = found.first
    if index == 0:
        return None
    prev = ctx.sentences[index - 1]
    if prev.sentence.paragraph < ctx.sentences[index].sentence.paragraph - 1 or prev.tense == "future":
        return None
    subject = prev.actors[0] if prev.actors else None  # the speaker must be its first actor named
    if subject is None or subject.actor != found.speaker or not _usable(prev, subject, ctx):
        return None
    published = ctx.article.published
    own = [d for d in prev.dates if _current(d, published)
           and not _in_background_clause(ctx.article.raw, prev, d)]
    return own[-1] if own else _occasion_date(ctx, index - 1)


def _date_after(ctx: Context, a: Annotated, pos: int) -> Optional[DateWindow]:
    """Return a past date that closes the occasion phrase ending at pos ("addressed the summit on Monday")."""
    published, raw = ctx.article.published, ctx.article.raw
    for d in a.dates:
        if (d.span is not None and d.start is not None and d.span.start >= pos
                and (published is None or d.start <= published)):
            return d if re.fullmatch(r"\s*(?:on|in|at|last|this|earlier)?\s*", raw[pos:d.span.start]) else None
    return None


def _outside_quotes(ctx: Context, a: Annotated) -> str:
    """Return the sentence with quoted words blanked out."""
    return re.sub(r"[“\"][^”\"]*(?:[”\"]|$)", " ", a.text)


def _meeting_for(found: _Found, meetings: list[MeetingCandidate], people: frozenset[str]) -> Optional[int]:
    if not found.cue and found.addressee is not None:
        told = [i for i, m in enumerate(meetings) if m.status == "occurred"
                and {found.speaker, found.addressee} <= set(m.participants)]
        return told[0] if len(told) == 1 else None
    if not found.cue:
        return None
    options = [i for i, m in enumerate(meetings) if found.speaker in m.participants and m.status == "occurred"]
    if found.window is not None and found.window.start is not None:
        options = [i for i in options if _overlaps(meetings[i].window, found.window)]  # said on another day
    named = [i for i in options if (set(meetings[i].participants) - {found.speaker}) & found.mentioned]
    if named or len(options) > 1 or _names_other_person(found, people):
        options = named  # the sentence names who the talks were with
    return options[0] if len(options) == 1 else None


def _names_other_person(found: _Found, people: frozenset[str]) -> bool:
    """Return whether the sentence names a person besides the speaker (the one the occasion was with)."""
    return bool((found.mentioned & people) - {found.speaker})


def _shared_meeting_window(found: _Found, meetings: list[MeetingCandidate],
                           people: frozenset[str]) -> Optional[DateWindow]:
    """Return the one day of all the speaker's held meetings when the sentence cites talks but not which."""
    if not found.cue:
        return None
    held = [m for m in meetings if found.speaker in m.participants and m.status == "occurred"]
    if _names_other_person(found, people) and not any(found.mentioned & set(m.participants) - {found.speaker}
                                                      for m in held):
        return None  # the occasion was with someone the speaker has no talks with here
    windows = {(m.window.start, m.window.end): m.window for m in held if m.window.start is not None}
    return next(iter(windows.values())) if len(windows) == 1 else None


def _finer(ctx: Context, f: _Found, window: DateWindow) -> DateWindow:
    """Return the day within a linked meeting's coarse window that the talks named or the intro give."""
    if window.start is None or window.end is None or window.start == window.end:
        return window
    for day in (_occasion_date(ctx, f.last), _intro_date(ctx, f)):
        if day is not None and day.start is not None and window.start <= day.start and (
                day.end or day.start) <= window.end:
            return day
    return window


def _near(ctx: Context, previous: _Found, f: _Found) -> bool:
    """Return whether `f` follows `previous` within two sentences or two paragraphs (no one speaking between)."""
    if previous.last >= f.first - 2:
        return True
    sentences = ctx.sentences
    return sentences[f.first].sentence.paragraph - sentences[previous.last].sentence.paragraph <= 2


def _overlaps(a: DateWindow, b: DateWindow) -> bool:
    if a.start is None or b.start is None:
        return False
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _settle_dates(ctx: Context, ordered: list[_Found], meetings: list[MeetingCandidate]) -> list[Optional[int]]:
    lead = _lead_date(ctx)
    people = frozenset(k for k, r in ctx.actors.items() if r.kind == "person")
    links: list[Optional[int]] = []
    previous: Optional[_Found] = None
    linked: Optional[tuple[_Found, int]] = None  # the latest statement tied to a meeting
    for f in ordered:
        if f.window is None and f.shift is not None:
            base = previous.window if previous is not None and previous.window is not None else lead
            f.window = _shifted(base, f.shift) if base is not None else None
        link = _meeting_for(f, meetings, people)
        links.append(link)
        if f.window is None and previous is not None and previous.speaker == f.speaker and (
                f.inherit or f.how in CONTINUING_HOWS) and _near(ctx, previous, f):
            f.window = previous.window
        if f.window is None and link is not None and meetings[link].window.start is not None:
            f.window = _finer(ctx, f, meetings[link].window)
        if f.window is None and link is None:
            f.window = _shared_meeting_window(f, meetings, people)
        if f.window is None:
            f.window = _intro_date(ctx, f)  # "Speaking on Tuesday, X played down ... ¶ '...,' he said"
        if f.window is None and link is None and linked is not None:
            shared = meetings[linked[1]]
            if f.speaker in shared.participants and linked[0].last >= f.first - 2 and shared.window.start is not None:
                link, links[-1], f.window = linked[1], linked[1], shared.window  # the other side of that exchange
        if f.window is None:
            f.window = _occasion_date(ctx, f.last)
        if f.window is None:
            f.window = _scene_date(ctx, f.first)
        if f.window is None:
            f.window = lead
        previous = f
        if link is not None:
            linked = (f, link)
    return links


# ----------------------------------------------------------------------------- entry point


def find_statements(ctx: Context, meetings: list[MeetingCandidate]) -> list[StatementCandidate]:
    """Return what the article reports actors saying, with evidence, date and meeting."""
    if not ctx.sentences:
        return []
    state = _State(ctx, find_quotes(ctx))
    by_sentence: dict[int, list[_Found]] = {}
    for a in ctx.sentences:
        found = _sentence_statements(state, a)
        if found:
            by_sentence[a.sentence.index] = found
            state.last_speaker, state.last_sentence = found[-1].speaker, found[-1].last
    _continuations(state, by_sentence)
    ordered = [f for i in sorted(by_sentence) for f in sorted(by_sentence[i], key=lambda f: f.first)]
    ordered = sorted((p for f in ordered for p in _by_paragraph(state, f)), key=lambda f: f.first)
    links = _settle_dates(ctx, ordered, meetings)
    raw = ctx.article.raw
    out = []
    for f, link in zip(ordered, links):
        if not any(ch.isalnum() for ch in f.text):
            continue  # quote marks or punctuation alone (unbalanced quotes) say nothing
        first, last = ctx.sentences[min(f.first, f.last)].sentence, ctx.sentences[max(f.first, f.last)].sentence
        evidence = Span(first.start, last.end, raw[first.start:last.end])
        out.append(StatementCandidate(speaker=f.speaker, text=f.text, kind=f.kind, evidence=evidence,
                                      window=f.window or DateWindow.unknown(), meeting=link))
    return out

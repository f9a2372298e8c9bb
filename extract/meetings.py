"""Meetings: who met whom (in person, by phone or by video), when, where, and how it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Optional

from . import cues
from .context import Annotated, Context
from .text import casefree
from .types import DateWindow, MeetingCandidate, Span, VisitCandidate
from .visits import union_window

# A short time phrase between a call noun and its participants ("a call on Monday between X and Y").
CALL_TIME = r"(?:\s+(?:on|last|this|late|early|earlier)\s+\w+)?"
# The phone named after the other party ("spoke to X by telephone", "discussed the plan with X by phone").
PHONE_AFTER_OBJECT = (r"(?:spoke|spoken|speak|speaks|speaking|talked|talk|talking|discussed|discuss|discusses|discussing)"
                      r"(?:\s+(?!with\b|to\b)[\w'’-]+){0,4}?\s+(?:with|to)"
                      r"(?=\s[^.,;:]{1,60}?\s(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b)")
PHONE = (r"(?:(?:spoke|spoken|speak|speaks|speaking|talked|talk|talks|held|hold|holds|had|have|has)\s+(?:by|over the|on the)\s+"
         r"(?:tele)?phone|(?:tele)?phone\s+(?:call|conversation|talks?)|(?:tele)?phone\s+with|(?:tele)?phoned|"
         r"(?:a|the|their|his|her)\s+(?!video\b)(?:\w+\s+)?call" + CALL_TIME + r"\s+(?:with|between)|(?:in|during|on)\s+a\s+call\b|"
         + PHONE_AFTER_OBJECT + r")")
VIDEO = (r"video\s*(?:conference|call|link|conversation|summit|meeting|talks)|videoconference|"
         r"virtual\s+(?:meeting|talks|summit)|by video|(?:online|virtual)\s+(?:talks|meeting|summit)")
# Encounters that bring all named participants together at once (no separate bilaterals).
GATHERING = (r"brought\s+together|bring(?:s|ing)?\s+together|"
             r"join(?:ed|s)?(?=[^.;]{1,160}?\bfor\s+(?:[\w-]+\s+){0,5}?(?:talks|meetings?|negotiations|discussions|"
             r"consultations)\b)|"
             r"(?:held|hold|holds|holding|had|have|convened|convene|attended|attend)\s+(?:a|an|the|their)\s+"
             r"(?:[\w-]+\s+){0,2}?summit|"
             r"(?:talks|negotiations|consultations|meeting|round)\s*,?\s+(?:(?:were|was|are|is|will\s+be|would\s+be|"
             r"had\s+been|have\s+been)\s+(?:to\s+have\s+been\s+|to\s+be\s+|due\s+to\s+be\s+|set\s+to\s+be\s+|"
             r"expected\s+to\s+be\s+)?)?(?:led|headed|co-chaired|chaired)\s+by")
# A meeting noun whose participants follow "with"/"between", maybe after the body that meets
# ("a meeting of the joint commission with X").
MEETING_OF = (r"meetings?\s+(?:of\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){1,5}?)?(?:with|between)")
# An encounter told in the passive, its participants after "between" ("Talks were also held on Monday between X and Y").
HELD_BETWEEN = (r"(?:talks|meetings?|consultations|negotiations|discussions)\s+(?:(?:were|was|had\s+been|have\s+been|"
                r"has\s+been)\s+)?(?:also\s+|later\s+|then\s+|first\s+|separately\s+)?(?:held|took\s+place)"
                r"(?:\s+(?:in|at|on|last|this|earlier|later)\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?){0,2}"
                r"\s+between")
# Talks the main clause's people held, told after its verb ("X invited Y to visit, after talks in Z on Monday").
AFTER_TALKS = r"(?:(?<=\bafter\s)|(?<=\bfollowing\s))talks(?=\s+(?:in|at|on|last|this|earlier)\b|\s*[,.;]|\s+that\b)"
# Nouns for an encounter whose participants follow "with"/"between" ("a strategic dialogue with X").
ENCOUNTER_NOUNS = r"(?:talks|negotiations|consultations|discussions|dialogue|session|round\s+of\s+talks)"
IN_PERSON = (r"met|meet(?:s|ing)?\s+with|meets?|" + MEETING_OF + r"|(?:bilateral|trilateral|"
             r"one-on-one|face-to-face)\s+(?:meeting|talks)|" + HELD_BETWEEN + r"|"
             r"(?:held|hold|holds|holding|had|have|conducted|conduct)\s+(?:\w+\s+){0,2}?talks|"
             r"(?:(?<=,\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bwhile\s))meeting(?=\s+(?:(?-i:[A-Z])|his\b|her\b|their\b))|"
             r"(?:sign|signs|signed)\s+(?:\w+\s+){0,3}?(?:agreements?|deals?|accords?|memorand\w*|declarations?|"
             r"treat(?:y|ies)|pacts?|contracts?|documents?|(?:action\s+)?plans?|road\s?maps?|joint\s+statements?|"
             r"communiqu[eé]s?|protocols?|charters?|letters?\s+of\s+intent)|"
             + ENCOUNTER_NOUNS + r"(?:\s+(?:in|at|on|last|this|earlier)\s+(?:the\s+)?[\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?){0,2}"
             r"(?:\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?\s+(?:with|between)|"
             + AFTER_TALKS + r"|"
             r"received|receives|receiving|hosted|hosts|hosting|welcomed|(?<=\bto\s)(?:receive|host|welcome)|"
             r"(?:spoke|talked|chatted|conferred)\s+(?:\w+ly\s+)?(?=(?:on|at|in)\s+the\s+(?:sidelines|margins)\b)|"
             r"called\s+on|(?<=\bto\s)call\s+on(?=\s+(?-i:[A-Z]))|co-chair(?:ed|s|ing)?|summits?\s+(?:with|between)|"
             r"(?:news|press)\s+conference(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?\s+alongside|"
             r"(?:sat|sit|sits|sitting)\s+down\s+(?:together\s+)?(?:with\b)?|"
             r"(?:spent|spend|spends|spending)\s+(?:about\s+|nearly\s+|almost\s+|more than\s+)?(?:an?|one|two|three|"
             r"several|\w+)\s+(?:hours?|minutes|days?|time|evening|afternoon|morning)\s+with|"
             r"(?:paid|pay|pays|paying)\s+(?:a\s+)?courtesy\s+(?:call|visit)\s+(?:on|to)|courtesy\s+call\s+on")
PASSIVE_BETWEEN = re.compile(HELD_BETWEEN + r"$", re.I)
# Verbs whose object, inside the trigger, is a topic: "signed an action plan", "discussed the plan with X by phone".
TOPIC_VERB = re.compile(r"(?:sign(?:s|ed)?|discuss(?:ed|es|ing)?)\b", re.I)
AFTER_WORD = re.compile(r"\b(?:after|following)\s$", re.I)
TRIGGER = re.compile(rf"\b(?:(?P<phone>{PHONE})|(?P<video>{VIDEO})|(?P<joint>{GATHERING})|(?P<meet>{IN_PERSON}))\b", re.I)
# How a trigger can open, in lower case: each word above that may begin one.
TRIGGER_OPENINGS = ("spoke", "speak", "spen", "talk", "discuss", "held", "hold", "had", "has", "have", "telephone", "phone",
                    "video", "virtual", "by video", "online", "brought", "bring", "join", "conven", "attend", "met",
                    "meet", "bilateral", "trilateral", "one-on-one", "face-to-face", "conduct", "sign",
                    "negotiations", "consultations", "discussions", "dialogue", "session", "round", "receiv", "host",
                    "welcom", "chatted", "conferred", "call", "news", "press", "co-chair", "summit", "sat", "sit", "pay", "paid",
                    "courtesy")
TRIGGER_SCAN = cues.Gated(TRIGGER, cues.opening_gate(
    TRIGGER_OPENINGS, r"(?:a|the|their|his|her)\s+(?:\w+\s+)?call|(?:in|during|on)\s+a\s+call"))
# Without "call" in a text those two openings (the commonest words) cannot hold: it is scanned for the others only.
TRIGGER_SCAN_NO_CALL = cues.Gated(TRIGGER, cues.opening_gate(TRIGGER_OPENINGS))
# Triggers after which the subject hosts the meeting at home ("X received Y", "X hosted Y").
HOSTING = re.compile(r"^(?:received|receives|receiving|hosted|hosts|hosting|welcomed|receive|host|welcome)$", re.I)
LED_BY = re.compile(r"\b(?:led|headed|chaired)\s+by\s+(?:[A-Z][\w'’.-]*\s+)*$")
# Noun triggers, whose status a later predicate may state ("the meeting with X ... was cancelled").
NOUN_TRIGGER = re.compile(r"(?:meetings?|talks|summits?|negotiations|(?:tele)?phone\s+(?:call|conversation|talks?)|"
                          r"video\s*(?:conference|call)|videoconference)\b", re.I)
# "to host the summit", "to host further rounds": the host would stage an event, not receive a guest.
HOSTED_EVENT = re.compile(r"\s+(?:(?!(?:for|with|to|at|in|on|by|and)\b)[\w'’.-]+\s+){0,6}?(?:summits?|meetings?|talks|"
                          r"conferences?|forums?|sessions?|rounds?|negotiations|dialogue|gatherings?|ceremon(?:y|ies)|"
                          r"games|events?|consultations)\b", re.I)
# A call received: "X received a (phone) call from Y", "received a video call".
RECEIVED_CALL = re.compile(r"\s+(?:a|an|the)\s+(?:(?:tele)?phone\s+|(video)\s+)?call\b", re.I)
WELCOMED_THING = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)\s+(?!visit|trip|delegation|team)[a-z]")
# A participle after a meeting noun or a comma: "the meeting, hosted by X", "in a meeting hosted by X".
REDUCED_PASSIVE = re.compile(r"(?:,|\b(?:meeting|talks|summit|dinner|lunch|session|gathering|ceremony|reception))\s+$",
                             re.I)
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", re.I)
# Encounters that take no object, so "they" can be their subject ("when they met", but not "they welcomed it").
SYMMETRIC = re.compile(r"\b(?:met|meet|meets|meeting|talks|spoke|speak|talked|sat|sit|summit|call|conversation|"
                       r"video|phone|negotiations)\b", re.I)
# A plural pronoun standing for participants named before ("when they met").
THEY = re.compile(r"\bthey\b", re.I)
# A predicate joined to the previous one without a subject of its own ("spoke by phone ..., and held talks").
COORDINATED = re.compile(r"(?:,\s*|\s)and\s+(?:also\s+|later\s+|then\s+)?$", re.I)
# Where the object side of a trigger ends: a reporting clause or a new subordinate clause.
OBJECT_STOP = re.compile(
    r",\s+(?:\S+\s+){0,6}?(?:said|says|told|added|announced|according)\b|;|\s(?:when|where|while|after|before|"
    r"which|who|because|although)\s|,\s+having\s|"
    # a new clause with a subject of its own: "X met Y on Monday, and Z spoke with W"
    r",\s+(?:and|but)\s+(?:(?-i:[A-Z])[\w'’.-]+(?:\s+(?-i:[A-Z])[\w'’.-]+){0,6}|the\s+two(?:\s+(?:men|women|leaders|"
    r"ministers|presidents|sides))?|they|both(?:\s+sides)?)\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:spoke|met|held|talked|called|phoned|received|hosted|visited|travell?ed|flew|said|told|was|were|had|has|"
    r"will|would|is|agreed|reviewed|discussed|signed|pledged|vowed|stressed|expressed|exchanged)\b", re.I)
# Any visit a sentence names before a meeting ("during a two-day stay") lends its traveller as a participant;
# unlike visits.THIS_VISIT, which only takes a definite reference back to a visit already told.
VISIT_MENTION = re.compile(r"\b(?:the|this|that|his|her|a)\s+(?:\w+\s+)?(?:visit|trip|stay|tour)\b", re.I)
GUEST = re.compile(r"\b(?:his|her|their)\s+(?:guests?|visitors?)\b", re.I)
JOINT = re.compile(r"\b(?:trilateral|three-way|joint|together|multilateral|quadrilateral)\b", re.I)
# "separate bilateral meetings with both leaders": one meeting per partner, whatever else the sentence joins.
SEPARATE = re.compile(r"\b(?:separate|individual|one-on-one)\b", re.I)
# A clause saying an encounter did not happen: "did not take place", "never materialised".
NOT_HELD = re.compile(r"^\s*(?:(?:did|does|will|would)\s+not|didn't|never|failed\s+to)\s+(?:take\s+place|happen|"
                      r"materiali[sz]e|go\s+ahead|took\s+place|happened|materiali[sz]ed|went\s+ahead)\b", re.I)
NOT_HELD_SCAN = cues.Hinted(NOT_HELD, ("not", "n't", "never", "failed"))
# A sentence carrying on with the person of the one before ("She held a bilateral meeting with X").
PRONOUN_OPENING = re.compile(r"^\s*(?:He|She|They)\s")
THIS_MEETING = re.compile(r"\b(?:the|that|this)\s+(?:planned\s+)?(?:meeting|talks|call)\b", re.I)
# A sentence opening with a phrase whose subject is the main clause's ("Following a call with X, Y said").
FRONTED = re.compile(r"^(?:Following|After|During|Before|Ahead of|In|At|On)\b[^,]*,\s*", re.I)
# A person named after these sends or mandates the one who meets: "delivered a message from X", "on behalf
# of X". A call "from X" is X's own: the caller takes part.
SENT_BY = re.compile(r"(?:\b(?:message|letter|greetings|regards|invitation|note|congratulations|condolences|gift)s?"
                     r"\s+(?:\w+\s+){0,2}?from|\bon\s+behalf\s+of)\s+(?:[A-Z][\w'’.-]*\s+)*$")
SUBJECT_BLOCKERS = frozenset({"from", "of", "to", "by", "for", "invitation from", "adviser to", "aide to"})
# How an appositive describing a person begins: ", leader of ...", ", the head of ...", ", Russia's envoy".
APPOSITIVE = re.compile(
    r",\s+(?:(?:the|a|an|his|her|their|its)\s|(?:leader|head|chief|member|chair|chairman|chairwoman|"
    r"architect|author|veteran|deputy|former|then)\b|[A-Z][\w'’.-]*(?:'s|’s)\s|" + cues.TITLE_HEAD.pattern + ")")
RELATIVE = re.compile(r",\s+(?:who|whose|whom)\s", re.I)
APPOSITIVE_END = re.compile(r"[,;]|\s[-–—]\s")
# A meeting placed in a visit: "during the visit", "on the second day of Fidan's working visit".
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
VISIT_TIE = re.compile(
    r"\b(?:during|in the course of|(?:on\s+)?the\s+(?P<nth>first|second|third|fourth|fifth|sixth|seventh|\d)(?:st|nd|rd|th)?"
    r"\s+day\s+of)\s+(?:the|this|that|his|her|their|[A-Z][\w'’.-]*(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|tour|stay)\b", re.I)
# Both ways of placing a meeting in a visit name the visit with one of these nouns.
VISIT_NOUNS = cues.Hinted(VISIT_TIE, ("visit", "trip", "tour", "stay"))
TIE_SLACK_DAYS = 7  # a meeting said to fall in a visit may lie this far outside the visit's reported days
TIE_REACH = 60  # how far after the trigger a visit tie may follow ("met on the second day of ...")
# "his visit to Moscow, where he met": the where-clause's place and the visit frame the meeting.
WHERE_VISIT = re.compile(r"\b(?:visit|trip|tour|stay)\s+(?:to|in)\s+[^,;.]{1,40}?,?\s+where\s+(?:\w+\s+){0,3}$", re.I)
# Plural nouns for a group met without names, which the next sentence may enumerate.
GROUP_OBJECT = re.compile(r"\b(?:officials|representatives|leaders|ministers|counterparts|dignitaries|figures|delegates|"
                          r"envoys|diplomats|lawmakers|executives|members|heads)\b", re.I)
# A sentence that enumerates the group just mentioned: "These include X and Y", "Among them were X".
ENUMERATION = re.compile(
    r"^\s*(?:(?:These|They|Those)\s+(?:will\s+|would\s+|could\s+|may\s+|are expected to\s+)?"
    r"(?:include|includes|included)\b|Among\s+(?:them|those|these)\b)", re.I)
# Another round of talks named without its parties ("A follow-up round set for Thursday has been postponed").
NEXT_ROUND = re.compile(r"\b(?:follow-up|next|new|further|another|second|third|fourth|fresh)\s+round\b", re.I)
NEXT_ROUND_SCAN = cues.Hinted(NEXT_ROUND, ("round",))
THIS_MEETING_SCAN = cues.Hinted(THIS_MEETING, ("meeting", "talks", "call"))
JOINT_SCAN = cues.Hinted(JOINT, ("trilateral", "three-way", "joint", "together", "multilateral", "quadrilateral"))
PLACE_WHERE = re.compile(r",?\s+where\s", re.I)  # used with .match(text, pos): anchored there
# "X met Y ..., in a meeting hosted by Z": the named host takes part in the one meeting with both.
HOSTED_BY = re.compile(r"\b(?:hosted|co-hosted|chaired|co-chaired|convened)\s+by\b", re.I)
# Someone given the role of leading talks ("designated X to lead the negotiations with Y"): a mandate, no meeting.
MANDATE = re.compile(r"\b(?:designated|designates|appointed|appoints|named|names|tasked|tasks|picked|chose|chosen|"
                     r"assigned|assigns|charged)\b[^.;]{0,80}?\bto\s+(?:lead|head|conduct|handle|oversee)\s+"
                     r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:\w+\s+)?$", re.I)
MANDATE_SCAN = cues.Hinted(MANDATE, ("designat", "appoint", "named", "names", "task", "picked", "chose", "assign",
                                     "charged"))
# A sentence opening on the encounter the sentence before announced ("The talks were to have been led by").
ANAPHORIC_OPENING = re.compile(r"^\s*(?:The|These|Those|That|This)\s+(?:planned\s+)?(?:talks|negotiations|"
                               r"consultations|meetings?|round|discussions)\b")
ENCOUNTER_NOUN = re.compile(r"\b(?:talks|negotiations|consultations|meetings?|round|discussions|summit|dialogue)\b",
                            re.I)
# A sentence weighing where or when a planned meeting could be ("... later this month were being considered").
CONSIDERED = re.compile(r"\b(?:(?:being|was|were|is|are)\s+(?:considered|discussed|explored|proposed|mooted)|"
                        r"under consideration|possible (?:venues?|dates?)|options? (?:include|being))\b", re.I)
CONSIDERED_SCAN = cues.Hinted(CONSIDERED, ("considered", "discussed", "explored", "proposed", "mooted",
                                           "consideration", "possible", "option"))
# A relative clause inside the list of parties after "between", up to the "and" naming the last one.
BETWEEN_RELATIVE = re.compile(r"\s(?:who|whose)\s[^,;.]{1,80},\s+and\s", re.I)
DASH = re.compile(r"\s[-–—]\s")
# "have met several times since 2022": encounters told as a habit are no one meeting, unless the last is dated.
ITERATIVE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:(?:several|many|multiple|numerous|a\s+number\s+of)\s+times|"
                       r"repeatedly|on\s+(?:several|many|multiple|numerous)\s+occasions)\b", re.I)
ITERATIVE_SCAN = cues.Hinted(ITERATIVE, ("times", "repeatedly", "occasions"))
ITERATIVE_REACH = 70  # how far after the trigger the repetition may end
LATEST_ONE = re.compile(r"\b(?:most\s+recently|the\s+(?:last|latest|most\s+recent)\s+(?:time|one|on|in))\b", re.I)
# A list of names set off by dashes: "X, Y and France's Z".
APPOSED_LIST = re.compile(r"[^;:.]{1,120}?(?:,|\sand\s)[^;:.]{1,60}")
BETWEEN = re.compile(r"\s+between\s+", re.I)
STATE_LINK = re.compile(r"|\s+|,\s*|,?\s+and\s+", re.I)
# A host receiving several guests at a summit receives them together ("at the summit, X hosted Y and Z"),
# unlike bilaterals "on the sidelines of" one.
SUMMIT = re.compile(r"\bsummit\b", re.I)
SIDELINES = re.compile(r"\b(?:sidelines|margins)\b", re.I)
# A sentence placed right after the one before it ("X was received afterwards by Y"): it shares that date.
AFTERWARDS = re.compile(r"\b(?:afterwards|afterward|subsequently|later that day|then)\b", re.I)
# A sentence that opens by placing itself on the day of the event told before, or on the day after it.
DAY_OPENING = re.compile(
    r"\s*(?:(?P<same>(?:earlier|later)\s+(?:in\s+)?(?:that|the)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"that\s+(?:same\s+)?(?:morning|afternoon|evening|night|day))|"
    r"(?P<next>the\s+(?:next|following)\s+(?:day|morning|afternoon|evening)|a\s+day\s+later|the\s+day\s+after))"
    r"(?=[\s,])", re.I)
DAY_REACH = 3  # how many sentences back the day such an opening refers to may be named
# A subject of its own made of the earlier parties' people ("..., and their foreign ministers held talks"):
# those people meet, not the parties themselves.
PROXY_SUBJECT = re.compile(r"\b(?:their|his|her|its)\s+(?:\w+\s+){0,2}?(?:ministers?|envoys?|aides?|deputies|deputy|"
                           r"delegations?|officials|negotiators|teams?|advisers?|advisors?|representatives?|"
                           r"diplomats?|counterparts?|spouses|wives|husbands?)\s+(?:\w+\s+){0,2}$", re.I)
PROXY_SUBJECT_SCAN = cues.Hinted(PROXY_SUBJECT, ("their", "his", "her", "its"))
# Where a main clause's object side ends ("In a call, X told Y that ...").
MAIN_OBJECT_END = re.compile(r"\s(?:that|about|on|of|to)\s|[,;:]", re.I)


@dataclass(frozen=True)
class _Tie:
    """A sentence's statement that a meeting took place during a visit; `day` is the visit's day, if given."""

    day: Optional[int] = None


@dataclass
class _Trigger:
    start: int
    end: int
    mode: str
    joint: bool = False
    host: bool = False
    symmetric: bool = False
    after: bool = False  # "..., after talks in Z": the main clause's people held them
    subjects: list[str] = field(default_factory=list)


def find_meetings(ctx: Context, visits: list[VisitCandidate]) -> list[MeetingCandidate]:
    """Return the meetings the article reports, linked to the visits they happened during."""
    found: list[MeetingCandidate] = []
    told: dict[int, list[MeetingCandidate]] = {}
    ties: dict[int, _Tie] = {}
    for index, ann in enumerate(ctx.sentences):
        made = _meetings_in(ctx, index, ann, visits, ties) or _next_round(ctx, ann, found)
        _date_by_opening(ctx, index, made, told)
        told[index] = made
        if not made:
            _update_status(ann, found)
        found.extend(made)
    found = _merge(found, same_status=True)  # "after his session with X" joins the meeting before linking
    for meeting in found:
        _link(meeting, visits, ctx, ties.get(id(meeting)))
    return _merge(found)


def _meetings_in(ctx: Context, index: int, ann: Annotated, visits: list[VisitCandidate],
                 ties: dict[int, _Tie]) -> list[MeetingCandidate]:
    triggers = _triggers(ann.text)
    if not triggers:
        return []
    skip = _descriptions(ctx, ann)
    out: list[MeetingCandidate] = []
    previous: Optional[_Trigger] = None
    for k, trig in enumerate(triggers):
        stop = triggers[k + 1].start if k + 1 < len(triggers) else len(ann.text)
        passive = PASSIVE_BETWEEN.match(ann.text, trig.start, trig.end) is not None
        trig.subjects = [] if passive else _subjects(ctx, index, ann, trig, previous) or _main_subject(ctx, ann, trig)
        objects = _objects(ctx, index, ann, trig, stop) or _main_clause_objects(ctx, ann, trig) \
            or _earlier_objects(ctx, ann, trig)
        evidence = None
        if not objects:
            objects, evidence = _enumerated(ctx, index, ann, trig, stop)
        if not objects and not trig.subjects:
            objects = _states_between(ctx, ann, trig)
        tie = _tie(ann.text, trig)
        for group in _groups(ctx, ann, trig, objects, visits):
            meeting = _meeting(ctx, ann, trig, group, stop, skip)
            if meeting is not None and evidence is not None:
                meeting.evidence = evidence
            if meeting is not None and meeting.window.start is None and (
                    AFTERWARDS.search(ann.text) or meeting.status == "occurred" and PRONOUN_OPENING.match(ann.text)):
                meeting.window = _previous_window(ctx, index) or meeting.window
            if meeting is not None and meeting.window.start is None and ANAPHORIC_OPENING.match(ann.text):
                _from_previous(ctx, index, meeting)
            if meeting is not None and meeting.window.start is None and meeting.status == "planned":
                _from_options(ctx, index, meeting)
            if meeting is not None:
                out.append(meeting)
                if tie is not None:
                    ties[id(meeting)] = tie
        previous = trig
    return out


def _next_round(ctx: Context, ann: Annotated, found: list[MeetingCandidate]) -> list[MeetingCandidate]:
    """Return another round of the last multilateral talks, held between the states of their parties.

    Its delegations are not named, so the states stand for them.
    """
    match = NEXT_ROUND_SCAN.search(ann.text)
    if match is None or cues.persons_in(ctx, ann, 0, len(ann.text)):
        return []
    last = next((m for m in reversed(found) if m.mode == "in_person" and len(m.participants) >= 3), None)
    if last is None:
        return []
    states = cues.unique([k for p in last.participants for k in [_state_key(ctx, ctx.country_of(p))] if k])
    if len(states) < 3:
        return []
    trig = _Trigger(match.start(), match.end(), "in_person", joint=True)
    return [m for m in [_meeting(ctx, ann, trig, tuple(states), len(ann.text), [])] if m is not None]


def _state_key(ctx: Context, country: Optional[str]) -> Optional[str]:
    """Return the key of the state actor for `country` the article names, if it names it."""
    return next((k for k, ref in ctx.actors.items() if ref.kind == "state" and ref.country == country), None) \
        if country else None


def _triggers(text: str) -> list[_Trigger]:
    out = []
    for m in (TRIGGER_SCAN if "call" in casefree(text) else TRIGGER_SCAN_NO_CALL).finditer(text):
        mode = "phone" if m.group("phone") else "video" if m.group("video") else "in_person"
        host = bool(HOSTING.match(m.group(0))) and not PASSIVE.search(text, 0, m.start())
        call = RECEIVED_CALL.match(text, m.end()) if host else None
        if call is not None:  # "received a call from X": a call, not a guest
            mode, host = ("video" if call.group(1) else "phone"), False
        if HOSTING.match(m.group(0)) and WELCOMED_THING.match(text, m.end()):
            continue  # "welcomed Putin's participation" welcomes a deed, not a guest
        if m.group(0).lower() == "host" and HOSTED_EVENT.match(text, m.end()):
            continue  # "offered to host the talks": an offer to stage an event, no encounter of the host's
        if MANDATE_SCAN.search(text[max(0, m.start() - 120):m.start()]):
            continue
        if out and text.startswith(" by ", m.end()) and HOSTING.match(m.group(0)) \
                and REDUCED_PASSIVE.search(text, 0, m.start()):
            continue  # "the meeting, hosted by X in Y on Z,": X, Y and Z belong to the meeting before
        out.append(_Trigger(m.start(), m.end(), mode, joint=bool(m.group("joint")), host=host,
                            symmetric=bool(SYMMETRIC.search(m.group(0))),
                            after=m.group(0).lower().startswith("talks") and bool(AFTER_WORD.search(text, max(0, m.start() - 10), m.start()))))
    return out


def _subjects(ctx: Context, index: int, ann: Annotated, trig: _Trigger, previous: Optional[_Trigger]) -> list[str]:
    """Return who does the meeting: persons before the trigger, or the previous trigger's subject."""
    lo = previous.end if previous else 0
    text = ann.text
    proxy = PROXY_SUBJECT_SCAN.search(text, lo, trig.start)
    if proxy is not None and not cues.persons_in(ctx, ann, proxy.start(), trig.start):
        return []
    if COORDINATED.search(text, lo, trig.start) and not cues.persons_in(ctx, ann, trig.start - 12, trig.start):
        return list(previous.subjects) if previous is not None else _clause_subjects(ctx, ann, trig.start)
    cuts = [m for m in cues.CLAUSE_CUT.finditer(ann.text, lo, trig.start)
            if ann.text[m.start():m.end()].strip(" ,").lower() not in ("who", "whose")]
    dashes = [m for m in cuts if DASH.fullmatch(m.group(0))]
    if len(dashes) == 2 and APPOSED_LIST.fullmatch(ann.text, dashes[0].end(), dashes[1].start()):
        cuts = [m for m in cuts if m not in dashes]  # "The two ministers - X and Y - met": the list is the subject
    cut = [m.end() for m in cuts]
    reported = cues.reported_from(text, lo, trig.start)
    if reported is not None:
        cut.append(reported)
    if previous is not None and not cut:
        return list(previous.subjects)
    lo = max([lo] + cut)
    mentions = [m for m in cues.persons_in(ctx, ann, lo, trig.start)
                if m.how == "pronoun" or not _governed(text, ann.local(m.span.start))
                or _relative_subject(text, ann.local(m.span.end), trig.start)]
    keys = cues.unique([m.actor for m in mentions]) or cues.described_persons(ctx, index, text, lo, trig.start)
    group = cues.GROUP_SCAN.search(text, lo, trig.start)
    if group and not keys:
        size = cues.GROUP_SIZE.get(group.group(1), 2)
        keys = cues.salient_persons(ctx, index, group.start(), size, _noun(group))
    if not keys and trig.symmetric and THEY.search(text, lo, trig.start):
        keys = _they_group(ctx, index, text, lo) or _clause_subjects(ctx, ann, lo, everyone=True)
        keys = keys if len(keys) >= 2 else cues.recent_persons(ctx, index, lo, 2)
    if not keys and previous is not None:
        return list(previous.subjects)
    if not keys and lo > 0 and (reported is None or reported < lo):
        keys = cues.unique([m.actor for m in cues.persons_in(ctx, ann, 0, lo)
                            if not _governed(text, ann.local(m.span.start))])[:1]
    return keys


def _they_group(ctx: Context, index: int, text: str, lo: int) -> list[str]:
    """Return who "they" after "the two leaders" of an earlier clause are ("the two leaders ..., when they met")."""
    groups = list(cues.GROUP_SCAN.finditer(text[:lo]))
    if not groups:
        return []
    group = groups[-1]  # the last group named before the clause
    return cues.salient_persons(ctx, index, group.start(), cues.GROUP_SIZE.get(group.group(1), 2), _noun(group))


def _relative_subject(text: str, end: int, trigger: int) -> bool:
    """Return whether a who-clause about the mention ending at `end` runs up to the trigger's verb phrase."""
    clause = re.match(r"(?:,[^,;.]{0,80})?,\s+who\s+[^,;.]{0,90}$", text[end:trigger])
    return clause is not None


def _clause_subjects(ctx: Context, ann: Annotated, before: int, everyone: bool = False) -> list[str]:
    """Return the subject of the sentence's first clause before local `before` (all of "X and Y" with `everyone`)."""
    text = ann.text
    offset = cues.dateline_end(text)
    fronted = FRONTED.match(text[offset:])
    lo = offset + (fronted.end() if fronted else 0)
    first_cut = cues.CLAUSE_CUT.search(text, lo, before)
    hi = first_cut.start() if first_cut else before
    keys = cues.unique([m.actor for m in cues.persons_in(ctx, ann, lo, hi)
                        if m.how != "pronoun" and not _governed(text, ann.local(m.span.start))])
    return keys if everyone else keys[:1]


def _fronted_end(ann: Annotated, trig: _Trigger) -> Optional[int]:
    """Return where the main clause starts when the trigger sits in a fronted phrase ("In a call, ...")."""
    offset = cues.dateline_end(ann.text)
    fronted = FRONTED.match(ann.text[offset:])
    if fronted is None or not offset + fronted.start() <= trig.start < offset + fronted.end():
        return None
    return offset + fronted.end()


def _main_subject(ctx: Context, ann: Annotated, trig: _Trigger) -> list[str]:
    """Return the main clause's subject when the trigger sits in a fronted phrase."""
    end = _fronted_end(ann, trig)
    if end is None:
        return []
    first = cues.persons_in(ctx, ann, end, end + 3)
    return [first[0].actor] if first else []


def _earlier_objects(ctx: Context, ann: Annotated, trig: _Trigger) -> list[str]:
    """Return the other persons of the clause before "after talks" ("X invited Y to Z, after talks in W")."""
    if not trig.after:
        return []
    lo = cues.dateline_end(ann.text)
    return cues.unique([m.actor for m in cues.persons_in(ctx, ann, lo, trig.start)
                        if m.how != "pronoun" and m.actor not in trig.subjects])


def _main_clause_objects(ctx: Context, ann: Annotated, trig: _Trigger) -> list[str]:
    """Return the other persons of the main clause when the trigger is a fronted phrase ("In a call, X told Y")."""
    lo = _fronted_end(ann, trig)
    if lo is None:
        return []
    first = cues.persons_in(ctx, ann, lo, lo + 3)
    after = ann.local(first[0].span.end) if first else lo
    end = MAIN_OBJECT_END.search(ann.text, after)
    hi = end.start() if end else len(ann.text)
    return cues.unique([m.actor for m in cues.persons_in(ctx, ann, after, hi) if m.actor not in trig.subjects])


def _date_by_opening(ctx: Context, index: int, made: list[MeetingCandidate],
                     told: dict[int, list[MeetingCandidate]]) -> None:
    """Date "That evening X called Y" / "The next day, X met Y" by the day told just before.

    That day is the one of the nearest sentence before that gives one (the day of its meeting, if it
    reports one), or else the day of the last dated meeting.
    """
    ann = ctx.sentences[index]
    opening = DAY_OPENING.match(ann.text, cues.dateline_end(ann.text)) if made else None
    if opening is None:
        return
    day = _recent_day(ctx, index, told) or next(
        (m.window for i in sorted(told, reverse=True) for m in reversed(told[i]) if _one_day(m.window)), None)
    if day is None or day.start is None:
        return
    shift = timedelta(days=1 if opening.group("next") else 0)
    window = DateWindow(day.start + shift, day.start + shift, "day", (day.start + shift).isoformat(), "relative",
                        Span(ann.sentence.start + opening.start(), ann.sentence.start + opening.end(),
                             ann.text[opening.start():opening.end()]))
    for meeting in made:
        meeting.window = window


def _recent_day(ctx: Context, index: int, told: dict[int, list[MeetingCandidate]]) -> Optional[DateWindow]:
    """Return the day the nearest of the few sentences before `index` tells of: its meeting's, or its first."""
    for i in range(index - 1, max(-1, index - 1 - DAY_REACH), -1):
        days = [m.window for m in told.get(i, []) if _one_day(m.window)] \
            or [d for d in cues.usable_dates(ctx.sentences[i]) if _one_day(d)]
        if days:
            return days[0]
    return None


def _one_day(window: DateWindow) -> bool:
    return window.start is not None and window.start == window.end


def _previous_window(ctx: Context, index: int) -> Optional[DateWindow]:
    """Return the last date the sentence before `index` gives (the day "afterwards" follows)."""
    if index == 0:
        return None
    dates = cues.usable_dates(ctx.sentences[index - 1])
    return dates[-1] if dates else None


def _from_previous(ctx: Context, index: int, meeting: MeetingCandidate) -> None:
    """Give "The talks were to have been led by X and Y" what the sentence before said of those talks.

    That sentence names the encounter without its people ("A round of talks set for Thursday in Kyiv has
    been postponed"): its date, city and stated fate are this meeting's.
    """
    if index == 0 or meeting.mode != "in_person":
        return
    prev = ctx.sentences[index - 1]
    noun = ENCOUNTER_NOUN.search(prev.text)
    cancelled, postponed = cues.CANCELLED_SCAN.search(prev.text), cues.POSTPONED_SCAN.search(prev.text)
    cue = cancelled or postponed
    cut = cue.start() if cue else len(prev.text)  # who reports the fate may be named after it
    if noun is None or noun.start() > cut or cues.persons_in(ctx, prev, 0, cut):
        return
    dates = [d for d in cues.usable_dates(prev) if prev.local(d.span.start) < cut]
    status = "cancelled" if cancelled else "postponed" if postponed else meeting.status
    if not dates and status == meeting.status:
        return
    meeting.status = status
    window = cues.settle_window(dates[0], status, ctx.article.published, scheduled=cues.scheduled(prev, dates[0])) \
        if dates else None
    meeting.window = window or meeting.window
    city = next((p for p in prev.places if p.kind == "city" and p.preposition in ("in", "at")), None)
    if meeting.city is None and city is not None:
        meeting.city, meeting.country = city.name, city.country


def _from_options(ctx: Context, index: int, meeting: MeetingCandidate) -> None:
    """Date and place a planned meeting by the options the next sentence weighs for it.

    "X and Y agreed to meet. Officials said a summit in Z later this month was being considered."
    """
    if index + 1 >= len(ctx.sentences):
        return
    nxt = ctx.sentences[index + 1]
    if not CONSIDERED_SCAN.search(nxt.text) or _triggers(nxt.text):
        return
    dates = cues.usable_dates(nxt)
    window = cues.settle_window(dates[0], "planned", ctx.article.published) if dates else None
    if window is None:
        return
    meeting.window = window
    city = next((p for p in nxt.places if p.kind == "city" and p.preposition in ("in", "at")), None)
    if meeting.city is None and city is not None:
        meeting.city, meeting.country = city.name, city.country


def _noun(group: re.Match[str]) -> str:
    return group.group(0).split()[-1].lower()


def _governed(text: str, local: int) -> bool:
    """Return whether a mention is the object of a preposition that keeps it out of the subject.

    The leader of a group ("a delegation led by X met Y") acts for it and is a subject.
    """
    if LED_BY.search(text[max(0, local - 60):local]):
        return False
    return cues.governed(text, local, SUBJECT_BLOCKERS)


def _objects(ctx: Context, index: int, ann: Annotated, trig: _Trigger, stop: int) -> list[str]:
    text = ann.text
    halt = OBJECT_STOP.search(text, trig.end, stop)
    hi = halt.start() if halt else stop
    keys = cues.unique([m.actor for m in cues.persons_in(ctx, ann, trig.end, hi) if not _sender(text, ann.local(m.span.start))]
                       + cues.described_persons(ctx, index, text, trig.end, hi))
    inserted = BETWEEN_RELATIVE.match(text, hi) if halt and text[trig.start:trig.end].lower().endswith("between") else None
    if inserted is not None:  # "between X, who came with Z, and Y": the clause about X names no party
        rest = OBJECT_STOP.search(text, inserted.end(), stop)
        keys = cues.unique(keys + [m.actor for m in cues.persons_in(ctx, ann, inserted.end(), rest.start() if rest else stop)])
    group = cues.GROUP_SCAN.search(text, trig.end, hi)
    if group and not keys:
        size = cues.GROUP_SIZE.get(group.group(1), 2)
        keys = cues.recent_persons(ctx, index, group.start(), size + len(trig.subjects), _noun(group))
        keys = [k for k in keys if k not in trig.subjects][:size]
    return keys


def _sender(text: str, local: int) -> bool:
    """Tell whether a person after the trigger only sends or mandates ("a message from X", "on behalf of X")."""
    return SENT_BY.search(text, max(0, local - 80), local) is not None


def _states_between(ctx: Context, ann: Annotated, trig: _Trigger) -> list[str]:
    """Return three or more states the encounter is "between" when no person is named ("talks between A, B and C").

    Two states alone often stand for a relationship ("talks between Russia and Ukraine"), not one meeting.
    """
    between = BETWEEN.match(ann.text, trig.end)
    if trig.mode != "in_person" or not (ann.text[trig.start:trig.end].lower().endswith("between") or between):
        return []
    end = between.end() if between else trig.end
    states = [m for m in ann.actors if m.how == "state" and ann.local(m.span.start) >= end]
    keys: list[str] = []
    for m in states:
        if not STATE_LINK.fullmatch(ann.text[end:ann.local(m.span.start)]):
            break
        keys.append(m.actor)
        end = ann.local(m.span.end)
    keys = cues.unique(keys)
    return keys if len(keys) >= 3 else []


def _enumerated(ctx: Context, index: int, ann: Annotated, trig: _Trigger, stop: int) -> tuple[list[str], Optional[Span]]:
    """Return the persons the next sentence names for a group met ("officials. These include X and Y").

    The evidence then runs from this sentence to the enumerating one.
    """
    halt = OBJECT_STOP.search(ann.text, trig.end, stop)
    if not GROUP_OBJECT.search(ann.text, trig.end, halt.start() if halt else stop) or index + 1 >= len(ctx.sentences):
        return [], None
    nxt = ctx.sentences[index + 1]
    if not ENUMERATION.match(nxt.text):
        return [], None
    skip = _descriptions(ctx, nxt)
    keys = cues.unique([m.actor for m in cues.persons_in(ctx, nxt, 0, len(nxt.text))
                        if not _within(nxt.local(m.span.start), skip) and m.actor not in trig.subjects])
    if not keys:
        return [], None
    start, end = ann.sentence.start, nxt.sentence.end
    return keys, Span(start, end, ctx.article.raw[start:end])


def _groups(ctx: Context, ann: Annotated, trig: _Trigger, objects: list[str],
            visits: list[VisitCandidate]) -> list[tuple[str, ...]]:
    """Return the participant sets: one joint meeting, or one bilateral per object."""
    subjects = list(trig.subjects)
    if GUEST.search(ann.text, trig.end, trig.end + 30) and visits:
        objects = cues.unique(objects + [visits[-1].traveler])
    if len(subjects) + len(objects) < 2 and visits and VISIT_MENTION.search(ann.text[:trig.start]):
        subjects = cues.unique(subjects + [visits[-1].traveler])
    apart = SEPARATE.search(ann.text, max(0, trig.start - 20), trig.end + 20)
    together = not apart and (trig.joint or JOINT_SCAN.search(ann.text) or HOSTED_BY.search(ann.text, trig.end) or (
        trig.host and SUMMIT.search(ann.text) and not SIDELINES.search(ann.text)))
    if len(subjects) == 1 and len(objects) >= 2 and not together:
        return [tuple(cues.unique(subjects + [o])) for o in objects if o != subjects[0]]
    everyone = tuple(cues.unique(subjects + objects))
    return [everyone] if len(everyone) >= 2 else []


def _meeting(ctx: Context, ann: Annotated, trig: _Trigger, group: tuple[str, ...],
             stop: int, skip: list[tuple[int, int]]) -> Optional[MeetingCandidate]:
    published = ctx.article.published
    raw = cues.pick_window(ann, trig.start, trig.end, stop, skip)
    topic_verb = TOPIC_VERB.match(ann.text, trig.start, trig.end)
    verb_end = topic_verb.end() if topic_verb else trig.end  # the plan signed or discussed is no future cue
    status = cues.status_of(ann.text, trig.start, verb_end, raw, published)
    if status is None or _habitual(ann.text, trig, stop):
        return None
    status = _noun_status(ann.text, trig) or status
    if trig.after and status == "planned" and cues.sentence_tense(ann.text[trig.start:stop]) != "future":
        status = "occurred"
    if status in ("planned", "occurred") and _not_held(ann.text, trig.end, stop):
        status = "cancelled"
    past = cues.past_plan(ann.text, trig.start, trig.end)
    window = cues.settle_window(raw, status, published, past, cues.scheduled(ann, raw)) or DateWindow.unknown()
    city, country = _place(ann, trig, skip)
    if country is None and trig.host and trig.mode == "in_person" and len(trig.subjects) == 1:
        country = _home(ctx, trig.subjects[0], group)
    return MeetingCandidate(
        participants=group, evidence=cues.evidence(ann), status=status, mode=trig.mode, window=window,
        city=city, country=country, occasion=cues.occasion_in(ann.text[trig.start:]))


def _habitual(text: str, trig: _Trigger, stop: int) -> bool:
    """Return whether the trigger tells of repeated encounters with none singled out ("have met several times")."""
    match = ITERATIVE_SCAN.search(text, trig.end, min(len(text), trig.end + ITERATIVE_REACH))
    return match is not None and match.start() == trig.end and not LATEST_ONE.search(text, match.end(), stop)


def _not_held(text: str, end: int, stop: int) -> bool:
    """Return whether a later clause says the planned encounter did not happen ("..., but the meeting did not take place")."""
    match = THIS_MEETING_SCAN.search(text, end, stop)
    if match is None:
        return False
    rest = text[match.end():match.end() + 40]
    return bool(NOT_HELD_SCAN.search(rest) or cues.STATUS_PREDICATE.match(rest.lstrip()) and cues.CANCELLED_SCAN.search(rest))


def _noun_status(text: str, trig: _Trigger) -> Optional[str]:
    """Return the status the predicate of a noun trigger states ("talks with X, set for May 3, were called off")."""
    if not NOUN_TRIGGER.match(text, trig.start, trig.end):
        return None
    return cues.predicate_status(text, trig.end)


def _home(ctx: Context, host: str, group: tuple[str, ...]) -> Optional[str]:
    """Return the host's state when a guest from elsewhere is received there ("X received Y")."""
    country = ctx.country_of(host)
    guests = [ctx.country_of(p) for p in group if p != host]
    return country if country is not None and guests and all(g is not None and g != country for g in guests) else None


def _place(ann: Annotated, trig: _Trigger, skip: list[tuple[int, int]]) -> tuple[Optional[str], Optional[str]]:
    """Return the city and country the meeting took place in.

    The place a where-clause hangs on ("in Moscow, where he met") governs the clause; else the
    first "in <city>" near the trigger, outside descriptions of participants.
    """
    lo, hi = cues.clause_bounds(ann.text, trig.start, trig.end)
    for place in ann.places:
        end = ann.local(place.span.end)
        where = PLACE_WHERE.match(ann.text, end)
        if where is not None and where.end() == lo:
            return (place.name if place.kind == "city" else None), place.country
    for place in ann.places:
        local = ann.local(place.span.start)
        if _within(local, skip):
            continue
        if place.preposition in ("in", "at") and max(lo, trig.start - 60) <= local < hi and local - trig.end <= 120:
            if place.kind == "city":
                return place.name, place.country
    return None, None


def _within(local: int, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= local < hi for lo, hi in ranges)


def _descriptions(ctx: Context, ann: Annotated) -> list[tuple[int, int]]:
    """Return the local ranges of appositives and relative clauses that describe a person.

    ", leader of the delegation at the talks held in Istanbul on May 16," says where and when
    something else happened; a list (", President X") is no description.
    """
    text = ann.text
    people = cues.persons_in(ctx, ann, 0, len(text))
    starts = [ann.local(m.span.start) for m in people]
    out = []
    for m in people:
        end = ann.local(m.span.end)
        opening = APPOSITIVE.match(text, end) or RELATIVE.match(text, end)
        if opening is None:
            continue
        close = APPOSITIVE_END.search(text, opening.end())
        stop = close.start() if close else len(text)
        if not any(opening.end() <= s < stop for s in starts):
            out.append((end, stop))
    return out


def _tie(text: str, trig: _Trigger) -> Optional[_Tie]:
    """Return how the sentence places the meeting at `trig` inside a visit, if it does."""
    if not VISIT_NOUNS.hinted(text):
        return None
    if WHERE_VISIT.search(text, 0, trig.start):
        return _Tie()
    after = VISIT_TIE.search(text, trig.end, trig.end + TIE_REACH)
    before = list(VISIT_TIE.finditer(text, 0, trig.start))
    match = after or (before[-1] if before else None)
    if match is None:
        return None
    nth = match.group("nth")
    return _Tie(ORDINALS.get(nth.lower(), int(nth) if nth.isdigit() else 0) if nth else None)


def _update_status(ann: Annotated, found: list[MeetingCandidate]) -> None:
    """Apply "That meeting has been cancelled" to the last meeting reported."""
    if not found:
        return
    match = THIS_MEETING_SCAN.search(ann.text)
    if not match:
        return
    rest = ann.text[match.end():match.end() + 60]
    if cues.CANCELLED_SCAN.search(rest):
        found[-1].status = "cancelled"
    elif cues.POSTPONED_SCAN.search(rest):
        found[-1].status = "postponed"


def _link(meeting: MeetingCandidate, visits: list[VisitCandidate], ctx: Context, tie: Optional[_Tie]) -> None:
    """Attach the meeting to the visit it happened during; inherit that visit's window and status.

    A meeting the sentence places in a visit ("during the visit", "where he met") may be with
    anyone; otherwise another participant must belong to the host state.
    """
    if meeting.mode != "in_person":
        return
    for i, visit in enumerate(visits):
        if visit.traveler not in meeting.participants:
            continue
        if meeting.status == "occurred" and visit.status == "planned":
            continue  # a meeting reported as held is no part of a trip still ahead
        if meeting.country is not None and meeting.country != visit.host_country:
            continue
        if not _overlaps(meeting.window, _widened(visit.window, TIE_SLACK_DAYS if tie else 0)):
            continue
        others = [p for p in meeting.participants if p != visit.traveler]
        if tie is None and meeting.country is None and not any(ctx.country_of(p) == visit.host_country for p in others):
            continue
        meeting.visit = i
        if meeting.window.start is None:
            meeting.window = visit.window
        if tie is not None:
            _stretch(visit, meeting.window, tie.day or 1)
        if meeting.country is None:
            meeting.country, meeting.city = visit.host_country, meeting.city or visit.city
        if visit.status in ("cancelled", "postponed") and meeting.status == "planned":
            meeting.status = visit.status
        return


def _widened(window: DateWindow, days: int) -> DateWindow:
    """Return a window grown by `days` on both sides (unchanged when undated or days is 0)."""
    if not days or window.start is None:
        return window
    pad = timedelta(days=days)
    return DateWindow(window.start - pad, (window.end or window.start) + pad, window.precision, None, window.basis)


def _stretch(visit: VisitCandidate, day: DateWindow, nth: int) -> None:
    """Make the visit cover a meeting held on its `nth` day ("on the second day of the visit")."""
    own = visit.window
    if day.precision != "day" or day.start is None or day.start != day.end or own.start is None:
        return
    if own.precision != "day":
        return
    start = min(own.start, day.start - timedelta(days=nth - 1))
    end = max(own.end or own.start, day.start)
    if (start, end) == (own.start, own.end):
        return
    edtf = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    visit.window = DateWindow(start, end, "day", edtf, own.basis, own.span)


def _overlaps(a: DateWindow, b: DateWindow) -> bool:
    if a.start is None or b.start is None:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _may_differ(a: str, b: str) -> bool:
    """Return whether reports of statuses `a` and `b` can be one meeting (none held and called off)."""
    return not ({a, b} & {"occurred"} and {a, b} & {"postponed", "cancelled"})


def _same_mode(a: str, b: str) -> bool:
    """Return whether two reported modes can be one encounter (reports call one video link a "phone call")."""
    return a == b or {a, b} == {"phone", "video"}


def _merge(found: list[MeetingCandidate], same_status: bool = False) -> list[MeetingCandidate]:
    """Fold candidates that report one meeting (same participants, a mode of the same kind, compatible dates).

    An undated candidate may take another status than a dated one unless `same_status` is set.
    """
    out: list[MeetingCandidate] = []
    for meeting in found:
        same = next((m for m in out if set(m.participants) == set(meeting.participants)
                     and _same_mode(m.mode, meeting.mode) and _overlaps(m.window, meeting.window)
                     and (m.status == meeting.status or (not same_status and _may_differ(m.status, meeting.status) and (
                         m.window.start is None or meeting.window.start is None)))),
                    None)
        if same is None:
            out.append(meeting)
            continue
        same.window = union_window(same.window, meeting.window) if same.window.precision != "day" else same.window
        same.city, same.country = same.city or meeting.city, same.country or meeting.country
        same.occasion = same.occasion or meeting.occasion
        same.visit = same.visit if same.visit is not None else meeting.visit
    return out

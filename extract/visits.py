"""Visits: who travelled (or will travel) to which foreign state, when, and how it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Optional

from . import cues
from .actors import Place, find_places, state_of
from .context import Annotated, Context
from .text import casefree
from .types import DateWindow, VisitCandidate

# Words that announce travel; a destination place must follow closely (`reach` characters).
TRAVEL = re.compile(
    r"\b(?:(?P<visit>visit(?:s|ed|ing)?|pa(?:y|ys|id|ying) (?:a |an )?(?:\w+ )?visit to|(?:state |official |working |"
    r"[\w-]+-day |first |second |next |side |brief |farewell )*(?:visit|trip|tour|journey|stopover) (?:to|of|in)|tour(?:ed|s)?|"
    r"travel(?:s|led|ed|ling|ing)?(?: on| onward| onwards)? to|fl(?:y|ies|ew|ying|own)(?: on| onward| back)? (?:in)?to|"
    r"head(?:s|ed|ing)?(?: on)? to|(?:go|goes|went|going|move|moves|moved|moving|press(?:es|ed|ing)?) on to|"
    r"continu(?:e|es|ed|ing)(?: on)? to|(?:leave|leaves|left|leaving) [A-Z][\w'’ -]{0,30}? for|"
    r"(?:tak(?:e|es|ing)|took) (?:him|her|them) (?:on )?to|"
    r"return(?:s|ed|ing)? to|stop(?:s|ped|ping)? (?:over |off )?in|"
    r"(?:visit|trip|tour|journey) (?:will |would |is to |is set to )?(?:end|ends|ended|begin|begins|began|start|starts|"
    r"started|conclude|concludes|concluded|continue|continues|continued) in|"
    r"(?:led|lead|leads|leading) (?:a|an|the|his|her) [\w ]{0,40}?delegation(?: [\w ]{0,30}?)? to)|"
    r"(?P<invite>invit(?:e|es|ed|ing) (?-i:[A-Z])[\w'’.-]*(?: (?-i:[A-Z])[\w'’.-]*){0,3} to(?: visit)?)|"
    r"(?P<near>arriv(?:e|es|ed|ing) in|(?:is|are|was|were|be|been)(?: last| previously| recently| already| still| briefly|"
    r" once| due| expected| back)? in|due (?:back )?in|stay in|received in|welcomed in|landed in)|"
    r"(?P<passive>(?:was|were|is|are|been|be) (?:received|welcomed|hosted|greeted) by))\b",
    re.I)
# How a travel trigger can open, in lower case: each word above that may begin one, up to the literal
# space after it where one always follows ("is in", "state visit to").
TRAVEL_OPENINGS = ("visit", "pay", "paid", "state ", "official ", "working ", "first ", "second ", "next ", "side ",
                   "brief ", "farewell ", "trip", "tour", "journey", "stop", "travel", "fly", "flie", "flew", "flown",
                   "head", "go on", "goes on", "going on", "went on", "mov", "press", "continu", "leav", "left",
                   "led ", "lead", "tak", "took ", "return", "invit", "arriv", "is ", "are ", "was ", "were ", "be ",
                   "been ", "due ", "stay ", "received ", "welcomed ", "landed ")
TRAVEL_SCAN = cues.Gated(TRAVEL, cues.opening_gate(TRAVEL_OPENINGS))
# "a two-day visit to": any word ending in "-day" may open a trigger; scanned only when one is there.
TRAVEL_SCAN_DAY = cues.Gated(TRAVEL, cues.opening_gate(TRAVEL_OPENINGS, r"[\w-]+-day ", extra_opens_a_word=False))
# Triggers of an onward leg of a tour: they take no date from the leg before them.
ONWARD = re.compile(r"\b(?:on|onward|onwards|continu\w*|leave|leaves|left|leaving|take|takes|taking|took)\b", re.I)
NOUN_TRIGGER = re.compile(r"\b(?:visit|trip|tour|journey|stopover) (?:to|of|in)$", re.I)
# A participle clause whose subject is the main clause's ("..., before flying on to Singapore").
PARTICIPLE_CLAUSE = re.compile(r"\b(?:before|after|ahead of|prior to|then)\s+$", re.I)
PARTICIPLE_CLAUSE_SCAN = cues.Hinted(PARTICIPLE_CLAUSE, ("before", "after", "ahead of", "prior to", "then"))
BARE_NOUN = re.compile(r"visit|trip|tour", re.I)
# "Y, who is on a four-day visit to Z": a visit under way on the main clause's day.
ONGOING = re.compile(r",\s+who\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:on\s+(?:a|an|his|her|their)\s+"
                     r"(?:[\w-]+\s+){0,3}|visiting\s+|in\s+)$", re.I)
# "a two-day visit": how many days a visit lasts.
DURATION = re.compile(r"\b(two|three|four|five|six|seven|\d)-day\s+(?:[\w-]+\s+)?(?:visit|trip|tour|stay)\b", re.I)
DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# "for a two-day visit", "on his first visit": a stay whose place the sentence gave before it.
STAY_OPENING = re.compile(r"\b(?:for|on)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}$", re.I)
STAY_REACH = 200  # how far before such a visit its place may be named
NOUN_FOLLOWER = re.compile(r"\s+(?:to|of|in)\b", re.I)
# "the trip", "that visit": a later mention of the visit just reported.
THIS_VISIT = re.compile(r"\b(?:the|that|this|his|her|their)\s+(?:planned\s+|state\s+|official\s+|proposed\s+)?"
                        r"(?:visit|trip|tour|journey)\b", re.I)
THIS_VISIT_SCAN = cues.Hinted(THIS_VISIT, ("visit", "trip", "tour", "journey"))
# What a later sentence says of a planned visit's time: "the visit could take place later this year".
WHEN_HELD = re.compile(r"\s+(?:could|would|will|may|might|should|is\s+(?:expected|likely|set|due)\s+to|"
                       r"was\s+(?:expected|likely|set|due)\s+to)\s+(?:take\s+place|happen|go\s+ahead|come|"
                       r"be\s+held|be\s+made)\b", re.I)
# Reports someone rejects: "dismissed reports that the visit had been scrapped".
DISMISSED = re.compile(r"\b(?:dismissed|denied|rejected|refuted)\b[^.;]*$", re.I)
# An earlier try at the trip, whose status is not this trip's ("an earlier attempt at the trip").
OTHER_ATTEMPT = re.compile(r"\b(?:attempts?|bids?|efforts?|previous|earlier|last)\s+(?:at\s+|to\s+make\s+)?$", re.I)
CONTRAST = re.compile(r"(?:(?:,|;)\s*(?:but|however|yet|although|though)|;)\s+$", re.I)
# What joins destinations of one trip: "Singapore and China", "Riga, then Vilnius", "Riga, Vilnius and ...".
COORDINATION = re.compile(r",?\s+(?:and|then|as well as|and then)\s+(?:(?:on\s+)?to\s+)?|,\s+(?=[A-Z])", re.I)
LIST_GOES_ON = re.compile(r",\s|\s+and\s", re.I)
REACH = {"visit": 60, "near": 12, "passive": 110, "invite": 12}
DESTINATION_PREPS = frozenset({"to", "in", "into", "at", "visit", "visits", "visited", "visiting", "reach",
                               "reached", "arrive", "arrived", "arrives", "arriving"})
ANAPHORIC_PLACE = re.compile(r"\bthe (?:(?P<demonym>[A-Z][a-z]+) )?(?P<what>capital|republic|country|kingdom)\b")
NOUN_LEAD = re.compile(r"\s*(?:(?:to|in|of)\s+)?", re.I)
POSSESSIVE = re.compile(r"(?:'s|’s)\s*$")
# A trip noun and its agent, up to the agent's name ("visit by Qatar's minister of state ").
TRIP_WORDS = r"(?:visits?|trips?|tours?|journey|stay|mission)"
TRIP_BY = re.compile(TRIP_WORDS + r"\s+(?:here\s+|there\s+)?by\s+(?:[\w'’.-]+\s+){0,7}$", re.I)
# Envoys posted in the host state ("High Commissioner", "Ambassador"), unlike roving or special envoys.
RESIDENT_ENVOY = re.compile(r"\b(?:ambassador|high commissioner|charg[eé] d['’]affaires)\b", re.I)
ROVING = re.compile(r"\b(?:special|at[- ]large|roving|presidential|envoy)\b", re.I)
# A trip owned by nobody in particular: "a Lao leader's visit", "an Indian minister's trip".
INDEFINITE_OWNER = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+['’]s\s+(?:[\w-]+\s+){0,2}$", re.I)
TRIP_NOUN = re.compile(TRIP_WORDS + r"\b", re.I)
AGENT_AFTER = re.compile(r"\s*,?\s*by\s")
BY_AGENT = re.compile(r"^[^.;]{0,40}?\bby\s")
DELEGATION = re.compile(r"\b(?:led|headed) by\s+(?:[A-Z][\w'’.-]*\s+)*$")
OBJECT_PREPS = frozenset({"from", "with", "of", "to", "by", "for", "invitation from"})
# Between two coordinated subjects: "X and Armenian Prime Minister Y", "X, Y and Z".
CO_SUBJECT = re.compile(r"(?:,|,?\s+and)\s+(?:[A-Z][\w'’.-]*\s+){0,4}")
PRONOUN_POSSESSIVE = re.compile(r"\b(?:his|her)\s+(?:\w+\s+){0,2}$", re.I)


@dataclass
class _Dest:
    country: str
    city: Optional[str]
    end: int  # local end of the destination phrase


def find_visits(ctx: Context) -> list[VisitCandidate]:
    """Return the visits the article reports, one candidate per distinct visit."""
    found: list[tuple[VisitCandidate, bool]] = []
    for index, ann in enumerate(ctx.sentences):
        before = len(found)
        for match in _travel(ann.text):
            made = _visits_at(ctx, index, ann, match)
            if not made:
                continue
            cued = cues.cued_status(ann.text, match.start(), match.end()) is not None \
                or _noun_status(ann.text, match) is not None
            found.extend((visit, cued) for visit in made)
        if found:
            _apply_anaphoric_status(ann.text, found[-1][0], same_sentence=len(found) > before)
        plans = [v for v, _ in found if v.status == "planned"]
        if plans and len(found) == before:
            _date_the_plan(ctx, ann, plans[-1])
    return merge_visits(found)


def _travel(text: str) -> list[re.Match[str]]:
    """Return the travel triggers of a sentence, as TRAVEL.finditer finds them."""
    return (TRAVEL_SCAN_DAY if "-day " in casefree(text) else TRAVEL_SCAN).finditer(text)


def _visits_at(ctx: Context, index: int, ann: Annotated, match: re.Match[str]) -> list[VisitCandidate]:
    """Return the visits the trigger reports: one per destination ("continue to Singapore and China")."""
    kind = next(k for k in REACH if match.group(k))
    dest = _destination(ctx, index, ann, match.end(), REACH[kind], kind)
    if dest is None:
        return []
    traveler = _invited(ctx, ann, match) if kind == "invite" else _traveler(ctx, ann, match.start(), dest.end)
    if traveler is None or resident_envoy(ctx, traveler):
        return []
    first = _visit_at(ctx, ann, match, traveler, dest)
    if first is None:
        return []
    if kind == "invite" and first.invited_by is None:
        host = _traveler(ctx, ann, match.start(), dest.end)
        first.invited_by = host if host != traveler else None
    out = [first]
    for partner in _co_travelers(ctx, ann, traveler, match.start()):
        visit = _visit_at(ctx, ann, match, partner, dest)
        if visit is not None:
            out.append(visit)
    for extra in _coordinated(ann, dest):
        if extra.country not in {v.host_country for v in out} and extra.country != first.origin_country:
            out.append(VisitCandidate(
                traveler=traveler, host_country=extra.country, evidence=first.evidence, status=first.status,
                window=first.window, origin_country=first.origin_country, city=extra.city))
    return out


def resident_envoy(ctx: Context, key: str) -> bool:
    """Tell whether a person is an ambassador posted abroad, whose calls in the host state are no visit."""
    ref = ctx.ref(key)
    return ref is not None and ref.title is not None and RESIDENT_ENVOY.search(ref.title) is not None \
        and not ROVING.search(ref.title)


def _visit_at(ctx: Context, ann: Annotated, match: re.Match[str], traveler: str,
              dest: _Dest) -> Optional[VisitCandidate]:
    origin = ctx.country_of(traveler) or _origin_from_delegation(ctx, ann, match.start())
    if origin == dest.country:
        return None
    raw_window = cues.pick_window(ann, match.start(), match.end())
    if raw_window is not None and ONWARD.search(match.group(0)) and raw_window.span is not None \
            and ann.local(raw_window.span.start) < match.start():
        raw_window = None  # an onward leg does not happen on the date of the leg before it
    status = cues.status_of(ann.text, match.start(), match.end(), raw_window, ctx.article.published)
    if status is None:
        return None
    status = _noun_status(ann.text, match) or status
    if PARTICIPLE_CLAUSE_SCAN.search(ann.text[:match.start()]) and cues.PLANNED.search(ann.text[:match.start()]):
        status = "planned"  # the participle clause shares the main clause's plans
    past = cues.past_plan(ann.text, match.start(), match.end())
    window = cues.settle_window(raw_window, status, ctx.article.published, past,
                                cues.scheduled(ann, raw_window)) or DateWindow.unknown()
    ongoing = raw_window is None and ONGOING.search(ann.text, max(0, match.start() - 60), match.start())
    if ongoing:
        window = _main_clause_day(ann, ongoing.start()) or window
    else:
        window = _lasting(window, ann.text[max(0, match.start() - 30):match.end()])
    return VisitCandidate(
        traveler=traveler, host_country=dest.country, evidence=cues.evidence(ann), status=status, window=window,
        origin_country=origin, city=dest.city, occasion=cues.occasion_in(ann.text[match.start():]),
        invited_by=_inviter(ctx, ann, traveler))


def _main_clause_day(ann: Annotated, before: int) -> Optional[DateWindow]:
    """Return the day the clause before a relative clause gives: a day inside the visit that clause says is under way."""
    days = [d for d in cues.usable_dates(ann) if ann.local(d.span.end) <= before and d.precision == "day"]
    return days[-1] if days else None


def _lasting(window: DateWindow, trigger: str) -> DateWindow:
    """Stretch the first day of an "N-day visit" over its N days ("arrived on Tuesday for a two-day visit")."""
    days = DURATION.search(trigger)
    if days is None or window.precision != "day" or window.start is None or window.end != window.start:
        return window
    word = days.group(1).lower()
    count = int(word) if word.isdigit() else DAY_COUNTS[word]
    if count < 2:
        return window
    end = window.start + timedelta(days=count - 1)
    return DateWindow(window.start, end, "day", f"{window.start.isoformat()}/{end.isoformat()}", window.basis, window.span)


def _noun_status(text: str, match: re.Match[str]) -> Optional[str]:
    """Return the status the predicate of a noun trigger states ("X's visit to Y, set for May 3, was put off")."""
    if not (NOUN_TRIGGER.search(match.group(0)) or (BARE_NOUN.fullmatch(match.group(0))
                                                     and NOUN_FOLLOWER.match(text, match.end()))):
        return None
    place_end = re.match(r"[^,;]*", text[match.end():])
    return cues.predicate_status(text, match.end() + (place_end.end() if place_end else 0))


def _date_the_plan(ctx: Context, ann: Annotated, last: VisitCandidate) -> None:
    """Date the last planned visit, if undated, by a later "the visit could take place later this year"."""
    if last.status != "planned" or last.window.start is not None:
        return
    for anaphor in THIS_VISIT_SCAN.finditer(ann.text):
        timing = WHEN_HELD.match(ann.text, anaphor.end())
        if timing is None:
            continue
        dates = [d for d in cues.usable_dates(ann) if timing.end() <= ann.local(d.span.start) <= timing.end() + 20]
        window = cues.settle_window(dates[0], "planned", ctx.article.published) if dates else None
        if window is not None:
            last.window = window
        return


def _apply_anaphoric_status(text: str, last: VisitCandidate, same_sentence: bool) -> None:
    """Apply "the trip had been deferred" / "but that visit was called off" to the last visit reported.

    In the sentence that reports the visit, only a contrasting clause ("..., but that trip was called off")
    speaks of it; "after her first attempt at the trip was postponed" is about an earlier attempt.
    """
    for anaphor in THIS_VISIT_SCAN.finditer(text):
        head = text[:anaphor.start()]
        if DISMISSED.search(head) or OTHER_ATTEMPT.search(head) or (same_sentence and not CONTRAST.search(head)):
            continue
        status = cues.predicate_status(text, anaphor.end())
        if status is not None and text[anaphor.end():].lstrip().lower().startswith(("has", "have", "had", "was",
                                                                                        "were", "is", "are", "will")):
            last.status = status
            return


def _destination(ctx: Context, index: int, ann: Annotated, end: int, reach: int, kind: str = "visit") -> Optional[_Dest]:
    """Return the place the trigger ending at local `end` leads to."""
    for place in ann.places:
        local = ann.local(place.span.start)
        if local < end or local - end > reach:
            continue
        if place.preposition not in DESTINATION_PREPS:
            continue
        city = place.name if place.kind == "city" else None
        return _Dest(place.country, city, ann.local(place.span.end))
    for place in _all_places(ann):
        if 0 <= ann.local(place.span.start) - end <= 1:
            return _Dest(place.country, place.name if place.kind == "city" else None, ann.local(place.span.end))
    lead = NOUN_LEAD.match(ann.text, end)  # "his visit to the kingdom": the noun's preposition comes first
    anaphor = ANAPHORIC_PLACE.match(ann.text, end + 1) or ANAPHORIC_PLACE.match(ann.text, end) \
        or ANAPHORIC_PLACE.match(ann.text, lead.end())
    if anaphor is not None:
        return _anaphoric_destination(ctx, index, ann, anaphor)
    if kind == "visit":
        return _place_of_the_stay(ann, end)
    return _host_of_agent(ctx, ann, end) if kind == "passive" else None


def _place_of_the_stay(ann: Annotated, end: int) -> Optional[_Dest]:
    """Return where a visit named without a place happens: the place the sentence is set in.

    "Speaking in Cairo alongside X, who is on a three-day visit": the visit is to Cairo.
    """
    start = end - len(ann.text[:end].rstrip().split()[-1]) if ann.text[:end].strip() else end
    if not STAY_OPENING.search(ann.text, max(0, start - 60), start) or NOUN_FOLLOWER.match(ann.text, end):
        return None
    places = [p for p in ann.places if p.preposition in ("in", "at", "to")
              and 0 <= start - ann.local(p.span.end) <= STAY_REACH]
    if not places:
        return None
    return _Dest(places[-1].country, places[-1].name if places[-1].kind == "city" else None, end)


def _all_places(ann: Annotated) -> tuple[Place, ...]:
    """Return every place the sentence names, with or without a preposition before it."""
    return _places_named(ann.text, ann.sentence.start)


@lru_cache(maxsize=64)
def _places_named(text: str, offset: int) -> tuple[Place, ...]:
    return tuple(find_places(text, offset=offset, all_mentions=True))


def _coordinated(ann: Annotated, dest: _Dest) -> list[_Dest]:
    """Return further destinations joined to the first ("to Singapore and China", "Riga, Vilnius and Tallinn")."""
    out: list[_Dest] = []
    end = dest.end
    while True:
        link = COORDINATION.match(ann.text, end)
        if link is None:
            return out
        nxt = next((p for p in _all_places(ann) if ann.local(p.span.start) == link.end()), None)
        if nxt is None:
            return out
        if "," in link.group(0) and not re.search(r"and|then", link.group(0)) \
                and not LIST_GOES_ON.match(ann.text, ann.local(nxt.span.end)):
            return out
        out.append(_Dest(nxt.country, nxt.name if nxt.kind == "city" else None, ann.local(nxt.span.end)))
        end = out[-1].end


def _host_of_agent(ctx: Context, ann: Annotated, end: int) -> Optional[_Dest]:
    """Return the state of the person who received the traveller ("was received by Ishiba at his office")."""
    agents = cues.persons_in(ctx, ann, end, end + 60)
    country = ctx.country_of(agents[0].actor) if agents else None
    return _Dest(country, None, ann.local(agents[0].span.end)) if country else None


def _anaphoric_destination(ctx: Context, index: int, ann: Annotated, anaphor: re.Match[str]) -> Optional[_Dest]:
    """Resolve "the Ethiopian capital", "the capital", "the republic" to a state (and city)."""
    if anaphor.group("demonym"):
        country = state_of(anaphor.group("demonym"))
        return _Dest(country, None, anaphor.end()) if country else None
    if anaphor.group("what") == "capital":
        cities = [p for p in ann.places if p.kind == "city" and ann.local(p.span.start) < anaphor.start()]
        return _Dest(cities[-1].country, cities[-1].name, anaphor.end()) if cities else None
    subject = cues.persons_in(ctx, ann, 0, anaphor.start())
    own = ctx.country_of(subject[-1].actor) if subject else None
    # "met X in Riyadh ... during his visit to the kingdom": a place the sentence set the scene in comes first
    here = [p for p in ann.places if ann.local(p.span.end) <= anaphor.start() and p.country not in (None, own)
            and p.preposition in ("in", "at")]
    if here:
        return _Dest(here[-1].country, None, anaphor.end())
    state = _last_state(ctx, index, ann.local(ann.sentence.start) + anaphor.start(), exclude=own)
    return _Dest(state, None, anaphor.end()) if state else None


def _last_state(ctx: Context, index: int, before: int, exclude: Optional[str]) -> Optional[str]:
    """Return the last state mentioned before local `before` of sentence `index` (other than `exclude`)."""
    for i in range(index, max(-1, index - 4), -1):
        ann = ctx.sentences[i]
        for m in reversed(ann.actors):
            if i == index and ann.local(m.span.start) >= before:
                continue
            ref = ctx.ref(m.actor)
            if ref is not None and ref.kind == "state" and ref.country != exclude:
                return ref.country
    return None


def _traveler(ctx: Context, ann: Annotated, start: int, dest_end: int) -> Optional[str]:
    """Return the person whose travel the trigger at local `start` reports."""
    text = ann.text
    if INDEFINITE_OWNER.search(text, max(0, start - 80), start):
        return None  # "preparations for a Lao leader's visit to Hanoi": nobody named travels
    agent = _agent_of_trip(ctx, ann, start, dest_end) or _agent_after_trip(ctx, ann, start, dest_end)
    if agent is not None:
        return agent
    reported = cues.reported_from(text, 0, start)  # the speaker of "X said that the visit ..." stays home
    before = cues.persons_in(ctx, ann, reported or 0, start)
    if before and POSSESSIVE.search(text[ann.local(before[-1].span.end):ann.local(before[-1].span.end) + 2]) \
            and ann.local(before[-1].span.end) >= start - 40:
        return before[-1].actor
    if PRONOUN_POSSESSIVE.search(text[:start]) and before:
        named = [m for m in before if m.how != "pronoun"]
        if named:
            return named[-1].actor
    if before and cues.WHO_CLAUSE.match(text, ann.local(before[-1].span.end), start):
        return before[-1].actor  # "... falls to X, the minister for Y, who will travel to Z"
    subjects = [m for m in before if not _is_object(text, ann.local(m.span.start))]
    if subjects and PARTICIPLE_CLAUSE_SCAN.search(text[:start]):
        return subjects[0].actor  # "X was due in Mumbai to meet Y before flying on to Singapore": X travels
    if subjects:
        return subjects[-1].actor
    after = cues.persons_in(ctx, ann, start, len(text))
    if after and BY_AGENT.match(text[dest_end:]) and ann.local(after[0].span.start) - dest_end < 70:
        return after[0].actor
    return after[0].actor if after and ann.local(after[0].span.start) - dest_end < 40 else None


def _agent_of_trip(ctx: Context, ann: Annotated, start: int, dest_end: int) -> Optional[str]:
    """Return the person named by "by" between a trip noun and its destination ("a visit by X to Y")."""
    inside = cues.persons_in(ctx, ann, start, dest_end)
    if not inside or inside[0].how == "pronoun":
        return None
    return inside[0].actor if TRIP_BY.match(ann.text, start, ann.local(inside[0].span.start)) else None


def _agent_after_trip(ctx: Context, ann: Annotated, start: int, dest_end: int) -> Optional[str]:
    """Return the person named by "by" right after a trip noun's destination ("the trip to Maputo by X")."""
    if not TRIP_NOUN.match(ann.text, start):
        return None
    by = AGENT_AFTER.match(ann.text, dest_end)
    after = cues.persons_in(ctx, ann, by.end(), by.end() + 60) if by else []
    return after[0].actor if after and after[0].how != "pronoun" and ann.local(after[0].span.start) - by.end() < 40 \
        else None


def _invited(ctx: Context, ann: Annotated, match: re.Match[str]) -> Optional[str]:
    """Return the guest of "X invited Y to Z": the person the invitation names."""
    guests = cues.persons_in(ctx, ann, match.start(), match.end())
    return guests[0].actor if guests else None


def _co_travelers(ctx: Context, ann: Annotated, traveler: str, start: int) -> list[str]:
    """Return the persons coordinated before the traveler as subjects ("X and Y will travel to Z")."""
    before = [m for m in cues.persons_in(ctx, ann, 0, start) if m.how != "pronoun"]
    last = next((k for k in range(len(before) - 1, -1, -1) if before[k].actor == traveler), None)
    out: list[str] = []
    while last:
        prev, cur = before[last - 1], before[last]
        gap = ann.text[ann.local(prev.span.end):ann.local(cur.span.start)]
        if not CO_SUBJECT.fullmatch(gap) or _is_object(ann.text, ann.local(prev.span.start)):
            break
        if prev.actor != traveler and prev.actor not in out:
            out.append(prev.actor)
        last -= 1
    return out


def _is_object(text: str, local: int) -> bool:
    """Return whether a mention at `local` is governed by a preposition (not a subject)."""
    if DELEGATION.search(text[max(0, local - 60):local]):
        return False
    return cues.governed(text, local, OBJECT_PREPS)


def _origin_from_delegation(ctx: Context, ann: Annotated, start: int) -> Optional[str]:
    """Return the state of "an Uzbek delegation led by ..." before the trigger."""
    for m in reversed(ann.actors):
        if ann.local(m.span.start) < start and m.how in ("demonym", "state"):
            return ctx.country_of(m.actor)
    return None


def _inviter(ctx: Context, ann: Annotated, traveler: str) -> Optional[str]:
    match = cues.INVITER_SCAN.search(ann.text)
    if not match:
        return None
    for m in cues.persons_in(ctx, ann, match.end(), match.end() + 80):
        if m.actor != traveler:
            return m.actor
    return None


def compatible(a: Optional[DateWindow], b: Optional[DateWindow], slack_days: int = 3) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    slack = timedelta(days=slack_days)
    return a.start <= (b.end or b.start) + slack and b.start <= (a.end or a.start) + slack


_STATUS_RANK = {"planned": 0, "occurred": 1, "postponed": 2, "cancelled": 3}


def merge_visits(found: list[tuple[VisitCandidate, bool]]) -> list[VisitCandidate]:
    """Fold candidates that report one visit (same traveller and host, compatible dates).

    Each candidate comes with whether a cue word stated its status; a stated status beats one
    inferred from tense or dates ("X plans to visit Y" then "the timing of X's visit to Y ...").
    """
    out: list[VisitCandidate] = []
    cued: list[bool] = []
    for visit, stated in found:
        i = next((i for i, v in enumerate(out) if v.traveler == visit.traveler
                  and v.host_country == visit.host_country and compatible(v.window, visit.window)), None)
        if i is None:
            out.append(visit)
            cued.append(stated)
            continue
        if stated > cued[i] or (stated == cued[i] and _STATUS_RANK[visit.status] > _STATUS_RANK[out[i].status]):
            out[i].status = visit.status
        cued[i] = cued[i] or stated
        _absorb(out[i], visit)
    return out


def _absorb(kept: VisitCandidate, other: VisitCandidate) -> None:
    kept.window = union_window(kept.window, other.window)
    kept.city = kept.city or other.city
    kept.occasion = kept.occasion or other.occasion
    kept.invited_by = kept.invited_by or other.invited_by


def union_window(a: DateWindow, b: DateWindow) -> DateWindow:
    """Return the more precise of two windows, or their union when both are day-precise."""
    if a.start is None:
        return b
    if b.start is None:
        return a
    if a.precision == "day" and b.precision == "day":
        start, end = min(a.start, b.start), max(a.end or a.start, b.end or b.start)
        if (start, end) == (a.start, a.end):
            return a
        edtf = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
        return DateWindow(start, end, "day", edtf, a.basis, a.span)
    rank = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
    return a if rank.get(a.precision or "year", 5) <= rank.get(b.precision or "year", 5) else b

"""Visits: who travelled (or will travel) to which foreign state, when, and how it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Optional

from . import cues
from .actors import state_of
from .context import Annotated, Context
from .types import DateWindow, VisitCandidate

# Words that announce travel; a destination place must follow closely (`reach` characters).
TRAVEL = re.compile(
    r"\b(?:(?P<visit>visit(?:s|ed|ing)?|pa(?:y|ys|id|ying) (?:a |an )?(?:\w+ )?visit to|(?:state |official |working |"
    r"two-day |three-day |first )*(?:visit|trip|tour|journey) (?:to|of)|tour(?:ed|s)?|"
    r"travel(?:s|led|ed|ling|ing)?(?: on)? to|fl(?:y|ies|ew|ying) to|head(?:s|ed|ing)? to|"
    r"return(?:s|ed|ing)? to|stop(?:s|ped)? (?:over )?in|"
    r"led (?:a|an|the|his|her) [\w ]{0,40}?delegation(?: [\w ]{0,30}?)? to)|"
    r"(?P<near>arriv(?:e|es|ed|ing) in|(?:is|are|was|were|be) in|stay in|received in|welcomed in|landed in)|"
    r"(?P<passive>(?:was|were|is|are|been|be) (?:received|welcomed|hosted|greeted) by))\b",
    re.I)
REACH = {"visit": 60, "near": 12, "passive": 110}
DESTINATION_PREPS = frozenset({"to", "in", "into", "at", "visit", "visits", "visited", "visiting", "reach",
                               "reached", "arrive", "arrived", "arrives", "arriving"})
ANAPHORIC_PLACE = re.compile(r"\bthe (?:(?P<demonym>[A-Z][a-z]+) )?(?P<what>capital|republic|country|kingdom)\b")
POSSESSIVE = re.compile(r"(?:'s|’s)\s*$")
BY_AGENT = re.compile(r"^[^.;]{0,40}?\bby\s")
DELEGATION = re.compile(r"\b(?:led|headed) by\s+(?:[A-Z][\w'’.-]*\s+)*$")
OBJECT_PREPS = frozenset({"from", "with", "of", "to", "by", "for", "invitation from"})
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
        for match in TRAVEL.finditer(ann.text):
            visit = _visit_at(ctx, index, ann, match)
            if visit is not None:
                cued = cues.cued_status(ann.text, match.start(), match.end()) is not None
                found.append((visit, cued))
    return merge_visits(found)


def _visit_at(ctx: Context, index: int, ann: Annotated, match: re.Match[str]) -> Optional[VisitCandidate]:
    kind = next(k for k in REACH if match.group(k))
    dest = _destination(ctx, index, ann, match.end(), REACH[kind])
    if dest is None:
        return None
    traveler = _traveler(ctx, ann, match.start(), dest.end)
    if traveler is None:
        return None
    origin = ctx.country_of(traveler) or _origin_from_delegation(ctx, ann, match.start())
    if origin == dest.country:
        return None
    raw_window = cues.pick_window(ann, match.start(), match.end())
    status = cues.status_of(ann.text, match.start(), match.end(), raw_window, ctx.article.published)
    if status is None:
        return None
    window = cues.settle_window(raw_window, status, ctx.article.published) or DateWindow.unknown()
    return VisitCandidate(
        traveler=traveler, host_country=dest.country, evidence=cues.evidence(ann), status=status, window=window,
        origin_country=origin, city=dest.city, occasion=cues.occasion_in(ann.text[match.start():]),
        invited_by=_inviter(ctx, ann, traveler))


def _destination(ctx: Context, index: int, ann: Annotated, end: int, reach: int) -> Optional[_Dest]:
    """Return the place the trigger ending at local `end` leads to."""
    for place in ann.places:
        local = ann.local(place.span.start)
        if local < end or local - end > reach:
            continue
        if place.preposition not in DESTINATION_PREPS:
            continue
        city = place.name if place.kind == "city" else None
        return _Dest(place.country, city, ann.local(place.span.end))
    anaphor = ANAPHORIC_PLACE.match(ann.text, end + 1) or ANAPHORIC_PLACE.match(ann.text, end)
    if anaphor is None:
        return None
    return _anaphoric_destination(ctx, index, ann, anaphor)


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
    before = cues.persons_in(ctx, ann, 0, start)
    if before and POSSESSIVE.search(text[ann.local(before[-1].span.end):ann.local(before[-1].span.end) + 2]) \
            and ann.local(before[-1].span.end) >= start - 40:
        return before[-1].actor
    if PRONOUN_POSSESSIVE.search(text[:start]) and before:
        named = [m for m in before if m.how != "pronoun"]
        if named:
            return named[-1].actor
    subjects = [m for m in before if not _is_object(text, ann.local(m.span.start))]
    if subjects:
        return subjects[-1].actor
    after = cues.persons_in(ctx, ann, start, len(text))
    if after and BY_AGENT.match(text[dest_end:]) and ann.local(after[0].span.start) - dest_end < 70:
        return after[0].actor
    return after[0].actor if after and ann.local(after[0].span.start) - dest_end < 40 else None


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
    match = cues.INVITER.search(ann.text)
    if not match:
        return None
    for m in cues.persons_in(ctx, ann, match.end(), match.end() + 80):
        if m.actor != traveler:
            return m.actor
    return None


def _compatible(a: Optional[DateWindow], b: Optional[DateWindow], slack_days: int = 3) -> bool:
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
                  and v.host_country == visit.host_country and _compatible(v.window, visit.window)), None)
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

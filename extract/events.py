"""Visits and meetings from annotated sentences: the entry points the pipeline calls."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from . import cues, meetings, visits
from .context import Context
from .types import DateWindow, MeetingCandidate, VisitCandidate

# How far before publication the lead's date may lie to serve as the article's news peg.
PEG_DAYS = 7
LEAD_SENTENCES = 2
DATELINE_SENTENCES = 3
# An all-capitals place opening the body: "MEXICO CITY — ", "CAIRO, July 16, 2025 (Wire) -- ".
DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z .'’/-]*[A-Z])\s*(?:,|[-–—]{1,2}\s)")


def find_visits(ctx: Context) -> list[VisitCandidate]:
    """Return the visits the article reports."""
    found = visits.find_visits(ctx)
    peg = news_peg(ctx)
    for visit in found:
        if visit.window.start is None and visit.status == "occurred" and peg is not None:
            visit.window = peg
    return found


def find_meetings(ctx: Context, found_visits: list[VisitCandidate]) -> list[MeetingCandidate]:
    """Return the meetings the article reports, linked to the visits they happened during.

    A meeting held in a participant's state implies a visit by the participants from elsewhere
    ("X held talks in Tehran with Khamenei"); such visits are appended to `found_visits`.
    """
    found = meetings.find_meetings(ctx, found_visits)
    peg = news_peg(ctx)
    for meeting in found:
        if meeting.window.start is None and meeting.status == "occurred" and peg is not None:
            meeting.window = peg
    local = dateline_country(ctx)
    for meeting in found:
        if local is not None:
            _place_at_dateline(ctx, meeting, local)
        _add_implied_visits(ctx, meeting, found_visits)
    for meeting in found:
        if meeting.window.start is None and meeting.visit is None and meeting.status == "planned":
            meeting.visit = _only_planned_trip(meeting, found_visits)
        if meeting.window.start is None and meeting.visit is not None:
            meeting.window = found_visits[meeting.visit].window
    return found


def _only_planned_trip(meeting: MeetingCandidate, found_visits: list[VisitCandidate]) -> Optional[int]:
    """Return the one dated trip ahead of a participant, which an undated planned meeting of theirs is part of.

    An article previewing a trip lists the talks the traveller "will also hold" without dating each.
    """
    if meeting.mode != "in_person":
        return None
    trips = [i for i, v in enumerate(found_visits) if v.traveler in meeting.participants and v.status == "planned"]
    if len(trips) != 1 or found_visits[trips[0]].window.start is None:
        return None
    trip = found_visits[trips[0]]
    if meeting.country is not None and meeting.country != trip.host_country:
        return None
    return trips[0]


def dateline_country(ctx: Context) -> Optional[str]:
    """Return the state of the one city an article is datelined from ("MEXICO CITY — ..."), if any."""
    for ann in ctx.sentences[:DATELINE_SENTENCES]:
        match = DATELINE_PLACE.match(ann.text)
        if match is None or "/" in match.group(1):
            continue
        first = next((m for m in ann.actors if ann.local(m.span.start) == match.start(1)), None)
        if first is not None and first.how == "state":
            return ctx.country_of(first.actor)
    return None


def _place_at_dateline(ctx: Context, meeting: MeetingCandidate, local: str) -> None:
    """Place a recent, placeless in-person meeting of a local with a foreign guest in the dateline's state.

    A report filed from a capital about its leader's meeting with a visitor of the last days tells
    where the meeting was by the dateline alone.
    """
    published = ctx.article.published
    if meeting.mode != "in_person" or meeting.country is not None or meeting.status != "occurred" or published is None:
        return
    start = meeting.window.start
    if start is None or not dt.timedelta(0) <= published - start <= dt.timedelta(days=PEG_DAYS):
        return
    countries = {ctx.country_of(p) for p in meeting.participants}
    if local in countries and len(countries - {local, None}) >= 1:
        meeting.country = local


def _add_implied_visits(ctx: Context, meeting: MeetingCandidate, found_visits: list[VisitCandidate]) -> None:
    """Add the visits of guests to an in-person meeting held in their host's state, and link the meeting."""
    host = meeting.country
    if meeting.mode != "in_person" or host is None or meeting.status not in ("occurred", "planned"):
        return
    if not any(ctx.country_of(p) == host for p in meeting.participants):
        return
    for guest in meeting.participants:
        origin = ctx.country_of(guest)
        ref = ctx.ref(guest)
        if origin is None or origin == host or ref is None or ref.kind != "person" or visits.resident_envoy(ctx, guest):
            continue  # a state taking part in talks abroad is no traveller, nor is an ambassador at post
        known = next((i for i, v in enumerate(found_visits) if v.traveler == guest and v.host_country == host
                      and visits.compatible(v.window, meeting.window)
                      and (meeting.status != "occurred" or v.status == "occurred")), None)
        if known is not None and found_visits[known].window.start is None and found_visits[known].status == meeting.status:
            found_visits[known].window = meeting.window  # "X will travel to Y for a summit on Friday"
        if known is None:
            found_visits.append(VisitCandidate(
                traveler=guest, host_country=host, evidence=meeting.evidence, status=meeting.status,
                window=meeting.window, origin_country=origin, city=meeting.city, occasion=meeting.occasion))
            known = len(found_visits) - 1
        if meeting.visit is None:
            meeting.visit = known


def news_peg(ctx: Context) -> Optional[DateWindow]:
    """Return the day the article's lead reports on ("said on Tuesday"), if it gives one.

    Undated events reported as having happened are taken to belong to that day: news leads
    report the latest development and date it.
    """
    published = ctx.article.published
    if published is None:
        return None
    for ann in ctx.sentences[:LEAD_SENTENCES]:
        cut = cues.dateline_end(ann.text)
        for d in ann.dates:
            if d.span is None or d.start is None or ann.local(d.span.start) < cut or d.precision != "day":
                continue
            if dt.timedelta(0) <= published - d.start <= dt.timedelta(days=PEG_DAYS):
                return d
    return None

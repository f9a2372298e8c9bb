"""Visits and meetings from annotated sentences: the entry points the pipeline calls."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from . import cues, meetings, visits
from .context import Context
from .types import DateWindow, MeetingCandidate, VisitCandidate

# How far before publication the lead's date may lie to serve as the article's news peg.
PEG_DAYS = 7
LEAD_SENTENCES = 2


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
    for meeting in found:
        _add_implied_visits(ctx, meeting, found_visits)
    return found


def _add_implied_visits(ctx: Context, meeting: MeetingCandidate, found_visits: list[VisitCandidate]) -> None:
    """Add the visits of guests to an in-person meeting held in their host's state, and link the meeting."""
    host = meeting.country
    if meeting.mode != "in_person" or host is None or meeting.status not in ("occurred", "planned"):
        return
    if not any(ctx.country_of(p) == host for p in meeting.participants):
        return
    for guest in meeting.participants:
        origin = ctx.country_of(guest)
        if origin is None or origin == host:
            continue
        known = next((i for i, v in enumerate(found_visits) if v.traveler == guest and v.host_country == host
                      and visits.compatible(v.window, meeting.window)
                      and not (meeting.status == "occurred" and v.status == "planned")), None)
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

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
    """Return the meetings the article reports, linked to the visits they happened during."""
    found = meetings.find_meetings(ctx, found_visits)
    peg = news_peg(ctx)
    for meeting in found:
        if meeting.window.start is None and meeting.status == "occurred" and peg is not None:
            meeting.window = peg
    return found


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

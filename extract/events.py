"""Visits and meetings from annotated sentences."""

from __future__ import annotations

from .context import Context
from .types import MeetingCandidate, VisitCandidate


def find_visits(ctx: Context) -> list[VisitCandidate]:
    """Return the visits the article reports."""
    return []


def find_meetings(ctx: Context, visits: list[VisitCandidate]) -> list[MeetingCandidate]:
    """Return the meetings the article reports, linked to the visits they happened during."""
    return []

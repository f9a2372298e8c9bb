"""Statements (direct quotes and reported speech) from annotated sentences."""

from __future__ import annotations

from .context import Context
from .types import MeetingCandidate, StatementCandidate


def find_statements(ctx: Context, meetings: list[MeetingCandidate]) -> list[StatementCandidate]:
    """Return what the article reports actors saying."""
    return []

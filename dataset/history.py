"""Read back how a record's reported status evolved, report by report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple, Optional

from ..schema import Mention, Source
from .load import PathLike, load


class Report(NamedTuple):
    """One article's report on a record."""

    published: Optional[dt.date]
    source_id: str
    reported_status: Optional[str]
    reported_date: Optional[str]
    evidence: str


def reports(record_id: str, mentions: Iterable[Mention], sources: Iterable[Source]) -> list[Report]:
    """Return the reports on one record from mention and source rows, oldest publication first."""
    published = {s.source_id: s.published for s in sources}
    found = [
        (Report(published.get(m.source_id), m.source_id, m.reported_status, m.reported_date, m.evidence), m.char_start)
        for m in mentions
        if m.record_id == record_id
    ]
    found.sort(key=lambda pair: (pair[0].published or dt.date.min, pair[0].source_id, pair[1]))
    return [report for report, _ in found]


def history(record_id: str, package: Optional[PathLike] = None) -> list[Report]:
    """Return every report on a visit, meeting or statement, oldest publication first."""
    found = reports(record_id, load("mentions", as_="records", package=package),
                    load("sources", as_="records", package=package))
    if not found:
        raise KeyError(f"no record {record_id!r} in the package")
    return found

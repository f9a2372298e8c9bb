"""Read back how a record's reported status evolved, report by report."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple, Optional

from .load import PathLike, load


class Report(NamedTuple):
    """One article's report on a record."""

    published: Optional[dt.date]
    source_id: str
    reported_status: Optional[str]
    reported_date: Optional[str]
    evidence: str


def history(record_id: str, package: Optional[PathLike] = None) -> list[Report]:
    """Return every report on a visit, meeting or statement, oldest publication first."""
    sources = {s.source_id: s.published for s in load("sources", as_="records", package=package)}
    reports = [
        Report(sources.get(m.source_id), m.source_id, m.reported_status, m.reported_date, m.evidence)
        for m in load("mentions", as_="records", package=package)
        if m.record_id == record_id
    ]
    if not reports:
        raise KeyError(f"no record {record_id!r} in the package")
    return sorted(reports, key=lambda r: (r.published or dt.date.min, r.source_id, r.evidence))

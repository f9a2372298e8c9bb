"""Draw the package's visits and meetings on a timeline, as byte-reproducible PNG and SVG."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load import load

STATUS_COLOURS = {"occurred": "#1b7837", "planned": "#2166ac", "postponed": "#e08214", "cancelled": "#b2182b"}
KIND_MARKERS = {"visit": "o", "meeting": "s"}
STYLE = {"svg.hashsalt": "diplomatic-events", "svg.fonttype": "path", "font.family": "DejaVu Sans",
         "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}
DPI = 120


@dataclass(frozen=True)
class Point:
    """One dated visit or meeting as drawn: a row label, a date window, a kind and a status."""

    row: str
    start: dt.date
    end: dt.date
    kind: str
    status: str


def _pair(countries: set[str]) -> str:
    return "–".join(sorted(countries)) if countries else "unknown"


def points(package_dir: Path) -> tuple[list[Point], int]:
    """Return the drawable records (one row per country pair) and how many are undated."""
    actors = {a.actor_id: a for a in load("actors", as_="records", package=package_dir)}
    members: dict[str, set[str]] = {}
    for p in load("meeting_participants", as_="records", package=package_dir):
        country = getattr(actors.get(p.actor_id), "country", None)
        if country:
            members.setdefault(p.meeting_id, set()).add(country)
    out, undated = [], 0
    for v in load("visits", as_="records", package=package_dir):
        origin = v.origin_country or getattr(actors.get(v.traveler_id), "country", None)
        row = _pair({c for c in (origin, v.host_country) if c})
        undated += _add(out, row, v, "visit")
    for m in load("meetings", as_="records", package=package_dir):
        row = _pair(members.get(m.meeting_id) or ({m.country} if m.country else set()))
        undated += _add(out, row, m, "meeting")
    return sorted(out, key=lambda p: (p.row, p.start, p.end, p.kind, p.status)), undated


def _add(out: list[Point], row: str, record: Any, kind: str) -> int:
    if record.date_start is None or record.date_end is None:
        return 1
    out.append(Point(row, record.date_start, record.date_end, kind, record.status))
    return 0


def _draw(pts: list[Point], undated: int):
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    rows = sorted({p.row for p in pts})
    fig = Figure(figsize=(8, 1.6 + 0.35 * max(len(rows), 1)), dpi=DPI)
    ax = fig.add_subplot()
    if not pts:
        ax.text(0.5, 0.5, "no dated visits or meetings in this package", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    for p in pts:
        y, colour = rows.index(p.row), STATUS_COLOURS.get(p.status, "#555555")
        if p.end > p.start:
            ax.plot([p.start, p.end], [y, y], color=colour, linewidth=3, alpha=0.5)
        middle = p.start + (p.end - p.start) / 2
        ax.plot([middle], [y], linestyle="none", marker=KIND_MARKERS[p.kind], color=colour, markersize=7)
    if pts:
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(-0.6, len(rows) - 0.4)
        first, last = min(p.start for p in pts), max(p.end for p in pts)
        pad = max((last - first) / 20, dt.timedelta(days=7))
        ax.set_xlim(first - pad, last + pad)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8, interval_multiples=True)
        locator.intervald[mdates.HOURLY] = []  # records are dated by day at best
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        handles = [Line2D([], [], linestyle="none", marker=m, color="#555555", label=k) for k, m in KIND_MARKERS.items()]
        handles += [Line2D([], [], linestyle="none", marker="o", color=c, label=s) for s, c in STATUS_COLOURS.items()]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    note = f" ({undated} undated not shown)" if undated else ""
    ax.set_title(f"Visits and meetings by country pair{note}", loc="left")
    fig.tight_layout()
    return fig


def timeline(package_dir: Path, out_png: Path, out_svg: Path) -> None:
    """Write the timeline of a package's visits and meetings as PNG and SVG (same bytes every run)."""
    import matplotlib

    pts, undated = points(Path(package_dir))
    with matplotlib.rc_context(STYLE):
        fig = _draw(pts, undated)
        Path(out_png).parent.mkdir(parents=True, exist_ok=True)
        Path(out_svg).parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out_png, format="png", metadata=PNG_METADATA)
        fig.savefig(out_svg, format="svg", metadata=SVG_METADATA)

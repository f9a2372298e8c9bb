"""Merge per-article candidates into one record per real-world event, as validated table rows.

Reports (candidates) are clustered with a union-find, comparing only within blocks (same
traveller and host; same participant pair and mode; same speaker) and, inside a block, only
neighbours in time, so the work stays close to linear in the number of candidates.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Sequence

from pydantic import ValidationError

from ..extract.text import fold
from ..extract.types import ArticleRecords, DateWindow, Span
from ..schema.models import (
    TABLES,
    Actor,
    Meeting,
    MeetingParticipant,
    Mention,
    Row,
    Source,
    Statement,
    Visit,
)
from ..schema.vocab import edtf_bounds
from .ids import assign_ids, meeting_keys, short_hash, statement_keys, visit_keys

GAP_DAYS = 3  # dated reports this close (or overlapping) describe one event
PRECISE_DAYS = 10  # windows up to this long are compared by proximity; longer ones by inclusion
UNDATED_DAYS = 60  # an undated report joins a record reported within this many days
OCCASION_DAYS = 31  # reports naming one occasion this close in time are one event
RESCHEDULE_DAYS = 90  # a postponed event held or planned again this soon after its original date is the same
STATEMENT_DAYS = 30  # statements are compared with those of the same speaker this close in time
TEXT_OVERLAP = 0.6  # share of the shorter statement's words the longer must contain
NOTE_SOURCES = 3  # sources named per differing value in a conflicts note
NOTE_VALUES = 6  # differing values listed in a conflicts note
_PRECISIONS = ("day", "week", "month", "season", "year")
_NEVER = 10**9


class Window(NamedTuple):
    """A validated date window: EDTF with the bounds it denotes."""

    start: dt.date
    end: dt.date
    precision: str
    edtf: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass
class Report:
    """One candidate of one article, with what merging needs to compare and order it."""

    kind: str
    records: ArticleRecords
    index: int
    candidate: Any
    window: Optional[Window]

    @property
    def source_id(self) -> str:
        return self.records.article.source_id

    @property
    def published(self) -> Optional[dt.date]:
        return self.records.article.published

    @property
    def order(self) -> tuple:
        """Sort key: publication date, then source, then position in the article."""
        span = self.candidate.evidence
        return (self.published or dt.date.min, self.source_id, span.start, span.end, self.index)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            out[self.find(item)].append(item)
        return list(out.values())


# ---------------------------------------------------------------- windows


def window_of(window: DateWindow) -> Optional[Window]:
    """Return a candidate's window as a validated Window, or None when undated."""
    start, end = window.start or window.end, window.end or window.start
    if window.edtf:
        try:
            start, end = edtf_bounds(window.edtf)
            return Window(start, end, window.precision or _infer_precision(start, end), window.edtf)
        except ValueError:
            pass
    if start is None or end is None or end < start:
        return None
    return _days_window(start, end, window.precision)


def _days_window(start: dt.date, end: dt.date, precision: Optional[str] = None) -> Window:
    edtf = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return Window(start, end, precision or _infer_precision(start, end), edtf)


def _infer_precision(start: dt.date, end: dt.date) -> str:
    days = (end - start).days
    for limit, name in ((0, "day"), (6, "week"), (30, "month"), (91, "season")):
        if days <= limit:
            return name
    return "year"


def _gap(a: Window, b: Window) -> int:
    """Return the days between two windows (negative when they overlap)."""
    return (max(a.start, b.start) - min(a.end, b.end)).days


def _inside(inner: Window, outer: Window) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _coarsest(precisions: Iterable[str]) -> str:
    ranks = [_PRECISIONS.index(p) if p in _PRECISIONS else 0 for p in precisions]
    return _PRECISIONS[max(ranks, default=0)]


def merged_window(reports: Sequence[Report]) -> tuple[Optional[Window], Optional[str]]:
    """Return a cluster's window and, when reports disagree, a note of what each says.

    A rescheduled event takes its new dates; the reports of the original date are named in the note.
    """
    new_start = _rescheduled_start(reports)
    if new_start is None:
        return _window_and_note(reports)
    old = [r for r in reports if not r.window or r.window.end < new_start]
    window, note = _window_and_note([r for r in reports if r.window and r.window.end >= new_start])
    claims = [(r, f"{r.window.edtf if r.window else 'undated'} ({_status(r) or 'reported'})") for r in old]
    claims += [(r, r.window.edtf) for r in reports if r.window and r.window.end >= new_start]
    return window, _conflicts(_note("rescheduled", claims), note)


def _status(report: Report) -> Optional[str]:
    return getattr(report.candidate, "status", None)


def _postponed_base(report: Report) -> Optional[dt.date]:
    """Return the day a postponed report's event was due (its window's end, else publication)."""
    return report.window.end if report.window else report.published


def _rescheduled_start(reports: Sequence[Report]) -> Optional[dt.date]:
    """Return where the new dates of a postponed event begin, if a later report gives them."""
    bases = [_postponed_base(r) for r in reports if _status(r) == "postponed"]
    bases = [b for b in bases if b is not None]
    if not bases:
        return None
    base = max(bases)
    later = [r.window.start for r in reports
             if _status(r) in ("occurred", "planned") and r.window and r.window.start > base]
    return min(later) if later else None


def _window_and_note(reports: Sequence[Report]) -> tuple[Optional[Window], Optional[str]]:
    dated = [r for r in reports if r.window]
    if not dated:
        return None, None
    finest = min(dated, key=lambda r: (r.window.days, _Desc(r.order))).window
    if all(_inside(finest, r.window) for r in dated):
        return finest, None
    start = min(r.window.start for r in dated)
    end = max(r.window.end for r in dated)
    precision = _coarsest(r.window.precision for r in dated)
    note = _note("dates differ", [(r, r.window.edtf) for r in dated])
    return _days_window(start, end, precision), note


class _Desc:
    """Wrap a key so that `min` picks the largest (the latest report among ties)."""

    def __init__(self, key: tuple) -> None:
        self.key = key

    def __lt__(self, other: "_Desc") -> bool:
        return self.key > other.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.key == other.key


def _note(what: str, claims: Sequence[tuple[Report, str]]) -> str:
    """Return `what: S1 reports X, S2 reports Y`, naming a few sources per distinct value."""
    sources: dict[str, list[str]] = {}
    for report, value in sorted(claims, key=lambda c: c[0].order):
        names = sources.setdefault(value, [])
        if report.source_id not in names:
            names.append(report.source_id)
    parts = []
    for value, names in list(sources.items())[:NOTE_VALUES]:
        shown = ", ".join(names[:NOTE_SOURCES])
        more = f" (+{len(names) - NOTE_SOURCES} more)" if len(names) > NOTE_SOURCES else ""
        parts.append(f"{shown}{more} reports {value}")
    if len(sources) > NOTE_VALUES:
        parts.append(f"{len(sources) - NOTE_VALUES} other reports differ")
    return f"{what}: " + "; ".join(parts)


def _conflicts(*notes: Optional[str]) -> Optional[str]:
    kept = [n for n in notes if n]
    return " | ".join(kept) if kept else None


def _value_note(what: str, reports: Sequence[Report], get: Callable[[Any], Optional[str]]) -> Optional[str]:
    claims = [(r, get(r.candidate)) for r in reports if get(r.candidate)]
    if len({fold(v) for _, v in claims}) < 2:
        return None
    return _note(what, claims)


# ---------------------------------------------------------------- clustering


Compatible = Callable[[Report, Report], bool]


def _always(a: Report, b: Report) -> bool:
    return True


def _pub_distance(a: Report, b: Report) -> int:
    if a.source_id == b.source_id:
        return 0
    if a.published is None or b.published is None:
        return _NEVER
    return abs((a.published - b.published).days)


def _after(items: Sequence[Any], index: int) -> Iterator[Any]:
    """Yield the items after `index` without copying the list."""
    for j in range(index + 1, len(items)):
        yield items[j]


def cluster_block(block: Sequence[int], reports: Sequence[Report], uf: _UnionFind, ok: Compatible = _always) -> None:
    """Union the reports of one block that describe the same event."""
    members = [reports[i] for i in block]
    position = {id(r): i for r, i in zip(members, block)}

    def key(report: Report) -> int:
        return position[id(report)]

    dated = [r for r in members if r.window]
    precise = sorted((r for r in dated if r.window.days <= PRECISE_DAYS), key=lambda r: (r.window.start, r.order))
    coarse = sorted((r for r in dated if r.window.days > PRECISE_DAYS), key=lambda r: (r.window.days, r.window.start, r.order))
    undated = sorted((r for r in members if not r.window), key=lambda r: r.order)
    _join_precise(precise, uf, ok, key)
    _join_coarse(precise, coarse, uf, ok, key)
    _join_occasions(members, uf, ok, key)
    _join_undated(dated, undated, uf, ok, key)
    _join_rescheduled(members, uf, ok, key)


def _join_precise(precise: Sequence[Report], uf: _UnionFind, ok: Compatible, key: Callable[[Report], int]) -> None:
    for i, a in enumerate(precise):
        for b in _after(precise, i):
            if (b.window.start - a.window.start).days > PRECISE_DAYS + GAP_DAYS:
                break
            if _gap(a.window, b.window) <= GAP_DAYS and ok(a, b):
                uf.union(key(a), key(b))


def _join_coarse(precise: Sequence[Report], coarse: Sequence[Report], uf: _UnionFind, ok: Compatible, key: Callable[[Report], int]) -> None:
    """Attach each long window to the one record it overlaps, finest windows first."""
    starts = [r.window.start for r in precise]
    placed: list[Report] = []
    for c in coarse:
        lo = bisect.bisect_left(starts, c.window.start - dt.timedelta(days=PRECISE_DAYS))
        hi = bisect.bisect_right(starts, c.window.end)
        near = [p for p in precise[lo:hi] if _gap(p.window, c.window) <= 0] + [
            p for p in placed if _gap(p.window, c.window) <= 0
        ]
        roots = {uf.find(key(p)) for p in near if ok(p, c)}
        if len(roots) == 1:
            uf.union(key(c), roots.pop())
        placed.append(c)


def _join_occasions(members: Sequence[Report], uf: _UnionFind, ok: Compatible, key: Callable[[Report], int]) -> None:
    by_occasion: dict[str, list[Report]] = defaultdict(list)
    for r in members:
        occasion = getattr(r.candidate, "occasion", None)
        if occasion:
            by_occasion[fold(occasion)].append(r)
    for group in by_occasion.values():
        group.sort(key=lambda r: (_day_key(r), r.order))
        for i, a in enumerate(group):
            for b in _after(group, i):
                if _day_key(b) - _day_key(a) > OCCASION_DAYS:
                    break
                if ok(a, b):
                    uf.union(key(a), key(b))


def _day_key(report: Report) -> int:
    """Return the day a report is about: its window start, else its publication date."""
    if report.window:
        return report.window.start.toordinal()
    return report.published.toordinal() if report.published else 0


def _join_undated(dated: Sequence[Report], undated: Sequence[Report], uf: _UnionFind, ok: Compatible, key: Callable[[Report], int]) -> None:
    """Join an undated report to the one record reported near its publication, if exactly one."""
    known = sorted((r for r in dated if r.published), key=lambda r: r.published)
    pubs = [r.published for r in known]
    placed: list[Report] = []
    for u in undated:
        near: list[Report] = [r for r in dated if r.source_id == u.source_id]
        if u.published:
            span = dt.timedelta(days=UNDATED_DAYS)
            near += known[bisect.bisect_left(pubs, u.published - span) : bisect.bisect_right(pubs, u.published + span)]
        near += [p for p in placed if _pub_distance(p, u) <= UNDATED_DAYS]
        roots = {uf.find(key(r)) for r in near if ok(r, u)}
        if len(roots) == 1:
            uf.union(key(u), roots.pop())
        placed.append(u)


def _join_rescheduled(members: Sequence[Report], uf: _UnionFind, ok: Compatible, key: Callable[[Report], int]) -> None:
    """Join a postponed report to the first later report of the event held or planned after it.

    The later report must be published after the postponement and its window begin within
    RESCHEDULE_DAYS of the original date; a record already holding new dates is left alone.
    """
    postponed = sorted((r for r in members if _status(r) == "postponed" and _postponed_base(r)), key=lambda r: r.order)
    if not postponed:
        return
    held = [r for r in members if _status(r) in ("occurred", "planned") and r.window and r.published]
    for p in postponed:
        base, root = _postponed_base(p), uf.find(key(p))
        if any(uf.find(key(r)) == root and r.window.start > base for r in held):
            continue
        fits = [r for r in held if 0 < (r.window.start - base).days <= RESCHEDULE_DAYS
                and (p.published is None or r.published > p.published) and ok(p, r)]
        if fits:
            uf.union(key(p), key(min(fits, key=lambda r: (r.window.start, r.order))))


class _Text(NamedTuple):
    folded: str
    words: frozenset[str]


def _text(text: str) -> _Text:
    words = fold(text).split()
    return _Text(" ".join(words), frozenset(words))


def _same(a: _Text, b: _Text) -> bool:
    if a.folded and b.folded and (a.folded in b.folded or b.folded in a.folded):
        return True
    shorter = min(len(a.words), len(b.words))
    return shorter > 0 and len(a.words & b.words) >= TEXT_OVERLAP * shorter


def same_text(a: str, b: str) -> bool:
    """Return whether two statement texts say the same: containment or enough shared words."""
    return _same(_text(a), _text(b))


def _cluster_statements(block: Sequence[int], reports: Sequence[Report], uf: _UnionFind) -> None:
    members = sorted(block, key=lambda i: (_day_key(reports[i]), reports[i].order))
    texts = {i: _text(reports[i].candidate.text) for i in members}
    days = {i: _day_key(reports[i]) for i in members}
    for n, i in enumerate(members):
        for j in _after(members, n):
            if days[j] - days[i] > STATEMENT_DAYS:
                break
            if uf.find(i) != uf.find(j) and _same(texts[i], texts[j]):
                uf.union(i, j)


# ---------------------------------------------------------------- field choice


def _latest(reports: Sequence[Report]) -> Report:
    return max(reports, key=lambda r: r.order)


def _earliest(reports: Sequence[Report]) -> Report:
    return min(reports, key=lambda r: r.order)


def _anchor(reports: Sequence[Report]) -> Report:
    """Return the earliest-published dated report (else the earliest report): IDs rest on it."""
    dated = [r for r in reports if r.window]
    return _earliest(dated or reports)


def _anchor_keys(reports: Sequence[Report], keys: Callable[[Report, str], list[str]]) -> list[list[str]]:
    """Return an ID's content keys: `keys(anchor, month)`, + anchor day, + earliest mention."""
    anchor = _anchor(reports)
    month = anchor.window.start.strftime("%Y-%m") if anchor.window else "undated"
    day = anchor.window.start.isoformat() if anchor.window else "undated"
    first = _earliest(reports)
    mention = short_hash(f"{first.source_id}:{first.candidate.evidence.start}")
    head = keys(anchor, month)
    return [head, head + [day], head + [day, mention]]


def _most_common(reports: Sequence[Report], get: Callable[[Any], Optional[str]], folded: bool = True) -> Optional[str]:
    """Return the most common non-null value; ties go to the latest report's value."""
    counts: Counter[str] = Counter()
    latest: dict[str, tuple[tuple, str]] = {}
    for r in reports:
        value = get(r.candidate)
        if not value:
            continue
        k = fold(value) if folded else value
        counts[k] += 1
        if k not in latest or r.order > latest[k][0]:
            latest[k] = (r.order, value)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], latest[k][0]))
    return latest[best][1]


# ---------------------------------------------------------------- rows


def _row(model: type[Row], **fields: Any) -> Row:
    """Build and validate one row, naming the table and record on failure."""
    try:
        return model(**fields)
    except ValidationError as err:
        key = ", ".join(str(fields.get(k)) for k in model.table.primary_key)
        raise ValueError(f"{model.table.name} row {key} is invalid: {err}") from err


def _trim(span: Span) -> tuple[int, int, str]:
    """Return the evidence's offsets and text with surrounding whitespace trimmed.

    A span whose text is not its raw passage (HTML: tags dropped, entities decoded, whitespace
    collapsed) keeps the passage's own bounds, as its text's length says nothing about them.
    """
    text = span.text.strip()
    if not text:
        raise ValueError(f"empty evidence at {span.start}..{span.end}")
    if span.end - span.start != len(span.text):
        return span.start, span.end, text
    lead = len(span.text) - len(span.text.lstrip())
    trail = len(span.text) - len(span.text.rstrip())
    return span.start + lead, span.end - trail, text


def _mention(record_type: str, record_id: str, report: Report, status: Optional[str]) -> Mention:
    start, end, text = _trim(report.candidate.evidence)
    return _row(
        Mention, record_type=record_type, record_id=record_id, source_id=report.source_id,
        char_start=start, char_end=end, evidence=text, reported_status=status,
        reported_date=report.window.edtf if report.window else None,
    )


def _dates(window: Optional[Window]) -> dict[str, Any]:
    if window is None:
        return {"date": None, "date_start": None, "date_end": None, "date_precision": None}
    return {"date": window.edtf, "date_start": window.start, "date_end": window.end, "date_precision": window.precision}


def source_row(records: ArticleRecords) -> Source:
    """Return the sources row of one article (its metadata and the length of its raw text)."""
    a = records.article
    return _row(
        Source, source_id=a.source_id, title=a.title, publisher=a.publisher, url=a.url, published=a.published,
        published_basis=a.published_basis, language=a.language, characters=len(a.raw), sha256=a.sha256,
    )


# ---------------------------------------------------------------- the merge


class _Merger:
    """State of one merge: the reports, their clusters and the IDs given to them."""

    def __init__(self, articles: Sequence[ArticleRecords]) -> None:
        self.articles = sorted(articles, key=lambda a: a.article.source_id)
        seen = Counter(a.article.source_id for a in self.articles)
        duplicated = sorted(s for s, n in seen.items() if n > 1)
        if duplicated:
            raise ValueError(f"articles given more than once: {', '.join(duplicated)}")
        self.ids: dict[tuple[str, str, int], str] = {}  # (kind, source_id, index) -> record id
        self.referenced: set[str] = set()
        self.mentions: dict[tuple, Mention] = {}
        self.refs: dict[str, Any] = {}  # the latest ActorRef of every key
        for records in self.by_publication():
            self.refs.update(records.actors)

    def reports(self, kind: str) -> list[Report]:
        """Return every candidate of one kind as a Report, in a fixed order."""
        out = []
        for records in self.articles:
            for index, candidate in enumerate(getattr(records, kind)):
                out.append(Report(kind, records, index, candidate, window_of(candidate.window)))
        return out

    def clusters(self, reports: Sequence[Report], blocks: dict[Any, list[int]], cluster: Callable) -> list[list[Report]]:
        uf = _UnionFind(len(reports))
        for block_key in sorted(blocks, key=repr):
            cluster(blocks[block_key], reports, uf)
        groups = [sorted((reports[i] for i in g), key=lambda r: r.order) for g in uf.groups()]
        return sorted(groups, key=lambda g: g[0].order)

    def name(self, kind: str, prefix: str, groups: Sequence[list[Report]], keys: Callable[[Report, str], list[str]]) -> list[str]:
        choices = [_anchor_keys(g, keys) for g in groups]
        ids = assign_ids(prefix, choices, [_anchor(g).order for g in groups])
        for group, record_id in zip(groups, ids):
            for r in group:
                self.ids[(kind, r.source_id, r.index)] = record_id
        return ids

    def mention(self, record_type: str, record_id: str, report: Report, status: Optional[str]) -> None:
        row = _mention(record_type, record_id, report, status)
        self.mentions.setdefault((row.record_type, row.record_id, row.source_id, row.char_start), row)

    def link(self, kind: str, report: Report, index: Optional[int]) -> Optional[str]:
        return None if index is None else self.ids.get((kind, report.source_id, index))

    # ---- visits

    def visits(self) -> list[Visit]:
        reports = self.reports("visits")
        blocks: dict[Any, list[int]] = defaultdict(list)
        for i, r in enumerate(reports):
            blocks[(r.candidate.traveler, r.candidate.host_country)].append(i)
        groups = self.clusters(reports, blocks, lambda b, rs, uf: cluster_block(b, rs, uf))
        ids = self.name("visits", "v", groups, lambda a, month: visit_keys(a.candidate.traveler, a.candidate.host_country, month))
        return [self.visit_row(record_id, group) for record_id, group in zip(ids, groups)]

    def visit_row(self, record_id: str, group: list[Report]) -> Visit:
        latest = _latest(group)
        window, date_note = merged_window(group)
        inviter = _most_common(group, lambda c: c.invited_by, folded=False)
        self.referenced.update({latest.candidate.traveler, inviter} - {None})
        for r in group:
            self.mention("visit", record_id, r, r.candidate.status)
        return _row(
            Visit, visit_id=record_id, traveler_id=latest.candidate.traveler,
            origin_country=_most_common(group, lambda c: c.origin_country, folded=False),
            host_country=latest.candidate.host_country, city=_most_common(group, lambda c: c.city),
            **_dates(window), status=latest.candidate.status, occasion=_most_common(group, lambda c: c.occasion),
            invited_by_id=inviter,
            conflicts=_conflicts(date_note, _value_note("cities differ", group, lambda c: c.city)),
        )

    # ---- meetings

    def meetings(self) -> tuple[list[Meeting], list[MeetingParticipant]]:
        reports = [r for r in self.reports("meetings") if r.candidate.participants]
        blocks: dict[Any, list[int]] = defaultdict(list)
        for i, r in enumerate(reports):
            people = sorted(set(r.candidate.participants))
            pairs = combinations(people, 2) if len(people) > 1 else [tuple(people)]
            for pair in pairs:
                blocks[(r.candidate.mode, pair)].append(i)
        groups = self.clusters(reports, blocks, lambda b, rs, uf: cluster_block(b, rs, uf, _same_meeting))
        ids = self.name("meetings", "m", groups, lambda a, month: meeting_keys(a.candidate.participants, a.candidate.mode, month))
        meetings, participants = [], []
        for record_id, group in zip(ids, groups):
            people = sorted({p for r in group for p in r.candidate.participants})
            self.referenced.update(people)
            meetings.append(self.meeting_row(record_id, group, people))
            participants += [_row(MeetingParticipant, meeting_id=record_id, actor_id=p) for p in people]
        return meetings, participants

    def meeting_row(self, record_id: str, group: list[Report], people: Sequence[str]) -> Meeting:
        latest = _latest(group)
        window, date_note = merged_window(group)
        fmt = _most_common(group, lambda c: c.format, folded=False) or self.format_of(people)
        visits = [(r, self.link("visits", r, r.candidate.visit)) for r in group]
        for r in group:
            self.mention("meeting", record_id, r, r.candidate.status)
        return _row(
            Meeting, meeting_id=record_id, **_dates(window), city=_most_common(group, lambda c: c.city),
            country=_most_common(group, lambda c: c.country, folded=False), mode=latest.candidate.mode, format=fmt,
            occasion=_most_common(group, lambda c: c.occasion), status=latest.candidate.status,
            visit_id=_most_common_link(visits),
            conflicts=_conflicts(date_note, _value_note("cities differ", group, lambda c: c.city)),
        )

    def format_of(self, people: Sequence[str]) -> str:
        """Return bilateral when the participants stand for exactly two states, else multilateral."""
        sides = set()
        for key in people:
            ref = self.refs.get(key)
            sides.add((ref.country if ref and ref.country else key))
        return "bilateral" if len(sides) == 2 else "multilateral"

    # ---- statements

    def statements(self) -> list[Statement]:
        reports = self.reports("statements")
        blocks: dict[Any, list[int]] = defaultdict(list)
        for i, r in enumerate(reports):
            blocks[r.candidate.speaker].append(i)
        groups = self.clusters(reports, blocks, _cluster_statements)
        ids = self.name("statements", "s", groups, lambda a, _: statement_keys(a.candidate.speaker, a.candidate.text))
        return [self.statement_row(record_id, group) for record_id, group in zip(ids, groups)]

    def statement_row(self, record_id: str, group: list[Report]) -> Statement:
        chosen = max(group, key=lambda r: (len(r.candidate.text), r.order))
        window, _ = merged_window(group)
        meetings = [(r, self.link("meetings", r, r.candidate.meeting)) for r in group]
        self.referenced.add(chosen.candidate.speaker)
        for r in group:
            self.mention("statement", record_id, r, None)
        return _row(
            Statement, statement_id=record_id, speaker_id=chosen.candidate.speaker, **_dates(window),
            text=chosen.candidate.text.strip(), kind=chosen.candidate.kind, meeting_id=_most_common_link(meetings),
        )

    # ---- actors

    def by_publication(self) -> list[ArticleRecords]:
        return sorted(self.articles, key=lambda a: (a.article.published or dt.date.min, a.article.source_id))

    def actors(self) -> list[Actor]:
        refs: dict[str, list] = defaultdict(list)
        for records in self.by_publication():
            for key, ref in records.actors.items():
                refs[key].append(ref)
        missing = sorted(self.referenced - set(refs))
        if missing:
            raise ValueError(f"records refer to actors no article defines: {', '.join(missing)}")
        rows = [_actor_row(key, refs[key]) for key in sorted(self.referenced)]
        self.actor_mentions({row.actor_id for row in rows})
        return rows

    def actor_mentions(self, keys: set[str]) -> None:
        """Add each published actor's first mention in every article that mentions it."""
        covered: set[str] = set()
        for records in self.articles:
            first: dict[str, Span] = {}
            for m in records.actor_mentions:
                if m.actor in keys and (m.actor not in first or m.span.start < first[m.actor].start):
                    first[m.actor] = m.span
            for key, span in first.items():
                self.add_actor_mention(key, records, _sentence_of(records, span))
                covered.add(key)
        for key in sorted(keys - covered):
            self.fallback_actor_mention(key)

    def add_actor_mention(self, key: str, records: ArticleRecords, span: Span) -> None:
        start, end, text = _trim(span)
        row = _row(Mention, record_type="actor", record_id=key, source_id=records.article.source_id,
                   char_start=start, char_end=end, evidence=text)
        self.mentions.setdefault(("actor", key, row.source_id, start), row)

    def fallback_actor_mention(self, key: str) -> None:
        """Cite the first record evidence naming an actor that has no resolved mention."""
        for kind in ("visits", "meetings", "statements"):
            for r in self.reports(kind):
                if key in _actors_of(r.candidate):
                    self.add_actor_mention(key, r.records, r.candidate.evidence)
                    return


def _actors_of(candidate: Any) -> set[str]:
    keys = {getattr(candidate, name, None) for name in ("traveler", "invited_by", "speaker")}
    return (keys | set(getattr(candidate, "participants", ()))) - {None}


def _most_common_link(pairs: Sequence[tuple[Report, Optional[str]]]) -> Optional[str]:
    """Return the record most reports link to; ties go to the latest report's link."""
    counts = Counter(v for _, v in pairs if v)
    if not counts:
        return None
    latest = {v: max(r.order for r, w in pairs if w == v) for v in counts}
    return max(counts, key=lambda v: (counts[v], latest[v]))


def _sentence_of(records: ArticleRecords, span: Span) -> Span:
    """Return the sentence containing `span`, or the span itself when none does."""
    sentences = records.article.sentences
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, span.start) - 1
    if i >= 0 and sentences[i].end >= span.end:
        return sentences[i]
    return span


def _actor_row(key: str, refs: Sequence[Any]) -> Actor:
    """Merge every article's view of one actor; `refs` are ordered oldest article first."""
    names = Counter(r.name for r in refs)
    name = max(names, key=lambda n: (names[n], len(n), n))
    aliases = sorted(({a for r in refs for a in r.aliases} | set(names)) - {name})
    titles = [r.title for r in refs if r.title]
    kinds = Counter(r.kind for r in refs)
    return _row(
        Actor, actor_id=key, name=name, kind=max(kinds, key=lambda k: (kinds[k], k)),
        country=_latest_common([r.country for r in refs]), title=titles[-1] if titles else None,
        wikidata_id=_latest_common([r.wikidata_id for r in refs]), aliases=" | ".join(aliases) or None,
    )


def _latest_common(values: Sequence[Optional[str]]) -> Optional[str]:
    """Return the most common non-null value, ties going to the latest."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    last = {v: i for i, v in enumerate(values) if v}
    return max(counts, key=lambda v: (counts[v], last[v]))


def _same_meeting(a: Report, b: Report) -> bool:
    """Return whether two meeting reports may be one meeting: same mode and compatible place."""
    ca, cb = a.candidate, b.candidate
    if ca.mode != cb.mode:
        return False
    if ca.city and cb.city and fold(ca.city) != fold(cb.city):
        return False
    return not (ca.country and cb.country and ca.country != cb.country)


def _sort_key(row: Row) -> tuple:
    return tuple(getattr(row, k) for k in row.table.primary_key)


def merge(articles: Sequence[ArticleRecords]) -> dict[str, list[Row]]:
    """Merge every article's candidates into the published tables, keyed by table name."""
    merger = _Merger(articles)
    visits = merger.visits()
    meetings, participants = merger.meetings()
    statements = merger.statements()
    tables: dict[str, list[Row]] = {
        "actors": merger.actors(),
        "sources": [source_row(a) for a in merger.articles],
        "visits": visits,
        "meetings": meetings,
        "meeting_participants": participants,
        "statements": statements,
        "mentions": list(merger.mentions.values()),
    }
    return {name: sorted(tables[name], key=_sort_key) for name in TABLES}

"""Score extraction output against hand-coded gold articles (rules: shared GUIDELINES.md, "Scoring").

Per article and record kind, predictions are matched one-to-one to gold records. The matching is
optimal in cardinality: a maximum matching of the core gold records is found first (augmenting
paths, trying the best-scored prediction first), then the remaining predictions are matched to
optional gold records. Augmenting never unmatches a gold record, so no optional record can take a
prediction a core one needed, and a prediction that fits an optional record is never a false hit.

Precision is hits / (hits + false hits): predictions matched to optional gold are left out, every
other prediction counts. With no counted prediction precision is 1.0 (nothing wrong was claimed);
with no core gold recall is 1.0 (nothing was there to find); F1 is 0 when precision + recall is 0.

Consecutive quotes of one speaker may be coded as one statement or several, and scoring is by text
overlap, not by count (GUIDELINES.md). So after the one-to-one matching, a direct quote left over
on either side that is another piece of a matched pair's quote is not an error: a predicted piece
of a matched gold quote is neither hit nor error, and a core gold quote that a matched prediction
joined to its own quote counts as recalled ("joined").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from ..extract.text import fold
from ..extract.types import ActorRef, ArticleRecords, DateWindow, MeetingCandidate, StatementCandidate, VisitCandidate
from ..schema.vocab import countries

KINDS = ("visit", "meeting", "statement")
STATUSES = ("planned", "occurred", "postponed", "cancelled")
MODES = ("in_person", "phone", "video")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class GoldError(ValueError):
    """A gold file that does not follow the gold format; the message names file and entry."""


# ---------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True)
class Window:
    """A closed date window [start, end]."""

    start: dt.date
    end: dt.date

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"


@dataclass(frozen=True)
class GoldActor:
    name: str
    country: Optional[str]
    kind: str
    title: Optional[str] = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldVisit:
    traveler: str
    host: str
    date: Optional[Window]
    status: str
    core: bool
    city: Optional[str] = None
    occasion: Optional[str] = None

    def describe(self) -> str:
        return f"visit {self.traveler} -> {self.host} {self.date or 'undated'} {self.status}"


@dataclass(frozen=True)
class GoldMeeting:
    participants: tuple[str, ...]
    date: Optional[Window]
    mode: str
    status: str
    core: bool
    city: Optional[str] = None
    occasion: Optional[str] = None

    def describe(self) -> str:
        who = ", ".join(self.participants)
        return f"meeting [{who}] {self.date or 'undated'} {self.mode} {self.status}"


@dataclass(frozen=True)
class GoldStatement:
    speaker: str
    date: Optional[Window]
    kind: str
    text: str
    core: bool

    def describe(self) -> str:
        return f"statement {self.speaker} {self.date or 'undated'} {self.kind}: {self.text}"


@dataclass(frozen=True)
class GoldArticle:
    source_id: str
    published: dt.date
    visits: tuple[GoldVisit, ...] = ()
    meetings: tuple[GoldMeeting, ...] = ()
    statements: tuple[GoldStatement, ...] = ()

    def records(self, kind: str) -> tuple[Any, ...]:
        return {"visit": self.visits, "meeting": self.meetings, "statement": self.statements}[kind]


@dataclass(frozen=True)
class GoldEvent:
    type: str  # visit | meeting
    articles: tuple[str, ...]
    date: Optional[Window]
    status: Optional[str] = None
    traveler: Optional[str] = None
    host: Optional[str] = None
    participants: tuple[str, ...] = ()
    note: Optional[str] = None

    def describe(self) -> str:
        if self.type == "visit":
            return f"visit {self.traveler} -> {self.host} {self.date or 'undated'}"
        return f"meeting [{', '.join(self.participants)}] {self.date or 'undated'}"


@dataclass(frozen=True)
class Gold:
    actors: dict[str, GoldActor]
    articles: dict[str, GoldArticle]
    events: tuple[GoldEvent, ...] = ()
    path: Optional[Path] = None


# ---------------------------------------------------------------------------------------------
# Loading


_ACTOR_KEYS = {"name", "country", "kind", "title", "aliases", "wikidata_id"}
_VISIT_KEYS = {"traveler", "host", "city", "date", "status", "occasion", "core", "invited_by", "origin"}
_MEETING_KEYS = {"participants", "city", "country", "date", "mode", "status", "occasion", "core", "format", "visit"}
_STATEMENT_KEYS = {"speaker", "date", "kind", "text", "core", "meeting"}
_EVENT_KEYS = {"type", "traveler", "host", "participants", "date", "status", "articles", "note"}


class _Ctx:
    """Where in a gold file an entry is, to name it in errors."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, what: str) -> GoldError:
        return GoldError(f"{self.path}: {where}: {what}")


def load_gold(path: Path) -> Gold:
    """Read and validate a gold YAML file (format of gold/seeds.yaml)."""
    import yaml

    path = Path(path)
    ctx = _Ctx(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise ctx.fail("top level", "expected a mapping with actors, articles and events")
    unknown = set(data) - {"actors", "articles", "events"}
    if unknown:
        raise ctx.fail("top level", f"unknown keys {sorted(unknown)}")
    actors = _load_actors(ctx, data.get("actors") or [])
    articles = _load_articles(ctx, data.get("articles") or {}, actors)
    events = tuple(
        _load_event(ctx, f"events[{i}]", entry, actors, articles)
        for i, entry in enumerate(data.get("events") or [])
    )
    return Gold(actors=actors, articles=articles, events=events, path=path)


def _entry(ctx: _Ctx, where: str, entry: Any, allowed: set[str], required: Iterable[str]) -> dict:
    if not isinstance(entry, dict):
        raise ctx.fail(where, f"expected a mapping, got {entry!r}")
    unknown = set(entry) - allowed
    if unknown:
        raise ctx.fail(where, f"unknown keys {sorted(unknown)}")
    missing = [key for key in required if key not in entry]
    if missing:
        raise ctx.fail(where, f"missing keys {missing}")
    return entry


def _load_actors(ctx: _Ctx, entries: Any) -> dict[str, GoldActor]:
    if not isinstance(entries, list):
        raise ctx.fail("actors", "expected a list")
    actors: dict[str, GoldActor] = {}
    for i, entry in enumerate(entries):
        where = f"actors[{i}]"
        entry = _entry(ctx, where, entry, _ACTOR_KEYS, ("name", "kind"))
        name = _text(ctx, where, entry["name"], "name")
        if name in actors:
            raise ctx.fail(where, f"duplicate actor {name!r}")
        if entry["kind"] not in ("person", "organization", "state"):
            raise ctx.fail(where, f"kind {entry['kind']!r} is not person, organization or state")
        country = entry.get("country")
        if country is not None:
            _country(ctx, where, country)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ctx.fail(where, "aliases must be a list of names")
        actors[name] = GoldActor(name, country, entry["kind"], entry.get("title"), tuple(aliases))
    return actors


def _load_articles(ctx: _Ctx, entries: Any, actors: Mapping[str, GoldActor]) -> dict[str, GoldArticle]:
    if not isinstance(entries, dict):
        raise ctx.fail("articles", "expected a mapping of source_id -> records")
    articles = {}
    for source_id, entry in entries.items():
        where = f"articles.{source_id}"
        entry = _entry(ctx, where, entry, {"published", "visits", "meetings", "statements"}, ("published",))
        published = entry["published"]
        if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
            raise ctx.fail(where, f"published {published!r} is not a YYYY-MM-DD date")
        loaders: dict[str, Callable[..., Any]] = {
            "visits": _load_visit, "meetings": _load_meeting, "statements": _load_statement,
        }
        parts = {}
        for key, loader in loaders.items():
            items = entry.get(key) or []
            if not isinstance(items, list):
                raise ctx.fail(f"{where}.{key}", "expected a list")
            parts[key] = tuple(loader(ctx, f"{where}.{key}[{i}]", item, actors) for i, item in enumerate(items))
        articles[str(source_id)] = GoldArticle(str(source_id), published, **parts)
    return articles


def _load_visit(ctx: _Ctx, where: str, entry: Any, actors: Mapping[str, GoldActor]) -> GoldVisit:
    entry = _entry(ctx, where, entry, _VISIT_KEYS, ("traveler", "host", "date", "status", "core"))
    return GoldVisit(
        traveler=_actor(ctx, where, entry["traveler"], actors),
        host=_country(ctx, where, entry["host"]),
        date=_window(ctx, where, entry["date"]),
        status=_choice(ctx, where, entry["status"], "status", STATUSES),
        core=_core(ctx, where, entry["core"]),
        city=entry.get("city"),
        occasion=entry.get("occasion"),
    )


def _load_meeting(ctx: _Ctx, where: str, entry: Any, actors: Mapping[str, GoldActor]) -> GoldMeeting:
    keys = ("participants", "date", "mode", "status", "core")
    entry = _entry(ctx, where, entry, _MEETING_KEYS, keys)
    return GoldMeeting(
        participants=_participants(ctx, where, entry["participants"], actors),
        date=_window(ctx, where, entry["date"]),
        mode=_choice(ctx, where, entry["mode"], "mode", MODES),
        status=_choice(ctx, where, entry["status"], "status", STATUSES),
        core=_core(ctx, where, entry["core"]),
        city=entry.get("city"),
        occasion=entry.get("occasion"),
    )


def _load_statement(ctx: _Ctx, where: str, entry: Any, actors: Mapping[str, GoldActor]) -> GoldStatement:
    entry = _entry(ctx, where, entry, _STATEMENT_KEYS, ("speaker", "date", "kind", "text", "core"))
    text = _text(ctx, where, entry["text"], "text")
    if not words(text):
        raise ctx.fail(where, "text has no words")
    return GoldStatement(
        speaker=_actor(ctx, where, entry["speaker"], actors),
        date=_window(ctx, where, entry["date"]),
        kind=_choice(ctx, where, entry["kind"], "kind", ("direct", "indirect")),
        text=text,
        core=_core(ctx, where, entry["core"]),
    )


def _load_event(
    ctx: _Ctx, where: str, entry: Any, actors: Mapping[str, GoldActor], articles: Mapping[str, GoldArticle]
) -> GoldEvent:
    entry = _entry(ctx, where, entry, _EVENT_KEYS, ("type", "date", "articles"))
    kind = _choice(ctx, where, entry["type"], "type", ("visit", "meeting"))
    sources = entry["articles"]
    if not isinstance(sources, list) or len(sources) < 2:
        raise ctx.fail(where, "articles must list at least two source ids")
    for source_id in sources:
        if str(source_id) not in articles:
            raise ctx.fail(where, f"article {source_id!r} is not in articles")
    status = entry.get("status")
    if status is not None:
        _choice(ctx, where, status, "status", STATUSES)
    event = GoldEvent(
        type=kind, articles=tuple(str(s) for s in sources), date=_window(ctx, where, entry["date"]),
        status=status, note=entry.get("note"),
    )
    if kind == "visit":
        _entry(ctx, where, entry, _EVENT_KEYS, ("traveler", "host"))
        return replace(event, traveler=_actor(ctx, where, entry["traveler"], actors),
                       host=_country(ctx, where, entry["host"]))
    _entry(ctx, where, entry, _EVENT_KEYS, ("participants",))
    return replace(event, participants=_participants(ctx, where, entry["participants"], actors))


def _text(ctx: _Ctx, where: str, value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.fail(where, f"{name} must be a non-empty string, got {value!r}")
    return value


def _core(ctx: _Ctx, where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ctx.fail(where, f"core must be true or false, got {value!r}")
    return value


def _choice(ctx: _Ctx, where: str, value: Any, name: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ctx.fail(where, f"{name} {value!r} is not one of {', '.join(allowed)}")
    return value


def _country(ctx: _Ctx, where: str, value: Any) -> str:
    if not isinstance(value, str) or value not in countries():
        raise ctx.fail(where, f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    return value


def _actor(ctx: _Ctx, where: str, value: Any, actors: Mapping[str, GoldActor]) -> str:
    """Return a gold actor reference: an actor name from `actors:` or an ISO3 state code."""
    if isinstance(value, str) and _ISO3.match(value):
        return _country(ctx, where, value)
    if not isinstance(value, str) or value not in actors:
        raise ctx.fail(where, f"unknown actor {value!r} (not in actors: and not an ISO3 code)")
    return value


def _participants(ctx: _Ctx, where: str, value: Any, actors: Mapping[str, GoldActor]) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < 2:
        raise ctx.fail(where, "participants must list at least two actors")
    names = tuple(_actor(ctx, where, v, actors) for v in value)
    if len(set(names)) != len(names):
        raise ctx.fail(where, f"participants repeat an actor: {list(names)}")
    return names


def _window(ctx: _Ctx, where: str, value: Any) -> Optional[Window]:
    if value is None:
        return None
    ok = isinstance(value, list) and len(value) == 2 and all(
        isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in value
    )
    if not ok:
        raise ctx.fail(where, f"date must be [YYYY-MM-DD, YYYY-MM-DD] or null, got {value!r}")
    if value[0] > value[1]:
        raise ctx.fail(where, f"date starts after it ends: {value[0]} > {value[1]}")
    return Window(value[0], value[1])


# ---------------------------------------------------------------------------------------------
# Matching rules


def words(text: str) -> list[str]:
    """Return the words of `text`: casefolded, diacritics and punctuation removed (see `fold`)."""
    return fold(text).split()


def text_matches(gold_text: str, predicted_text: str) -> bool:
    """Apply the statement text rule: half of gold's words in the prediction, or the converse.

    The converse only counts for a predicted text of four words or more, so that a fragment
    cannot match a long gold quote by being contained in it.
    """
    gold_words, predicted_words = words(gold_text), words(predicted_text)
    if not gold_words or not predicted_words:
        return False
    if _share(gold_words, set(predicted_words)) >= 0.5:
        return True
    return len(predicted_words) >= 4 and _share(predicted_words, set(gold_words)) >= 0.5


def _share(tokens: list[str], vocabulary: set[str]) -> float:
    return sum(token in vocabulary for token in tokens) / len(tokens)


def dates_match(gold: Optional[Window], start: Optional[dt.date], end: Optional[dt.date]) -> bool:
    """Return whether a predicted window overlaps the gold one; an empty gold window matches all.

    A predicted window with one open side extends that way without bound; a fully unknown
    predicted window overlaps no gold window.
    """
    if gold is None:
        return True
    if start is None and end is None:
        return False
    return (start or dt.date.min) <= gold.end and gold.start <= (end or dt.date.max)


def _name_keys(names: Iterable[str]) -> set[str]:
    return {fold(name) for name in names if name}


def actor_matches(gold: Gold, gold_actor: str, ref: Optional[ActorRef]) -> bool:
    """Return whether a predicted actor is the gold actor (a gold name or an ISO3 state code)."""
    if ref is None:
        return False
    if _ISO3.match(gold_actor) and gold_actor not in gold.actors:
        if ref.kind != "state":
            return False
        return ref.country == gold_actor or fold(ref.name) == fold(countries().get(gold_actor, ""))
    known = gold.actors[gold_actor]
    if (ref.kind == "state") != (known.kind == "state"):
        return False
    if known.country is not None and ref.country != known.country:
        return False
    return bool(_name_keys((known.name, *known.aliases)) & _name_keys((ref.name, *ref.aliases)))


def shared_participants(gold: Gold, gold_set: Sequence[str], refs: Sequence[Optional[ActorRef]]) -> int:
    """Count gold participants matched one-to-one by predicted participants."""
    pairs = {(g, p) for g, name in enumerate(gold_set) for p, ref in enumerate(refs) if actor_matches(gold, name, ref)}
    return len(_max_matching(range(len(gold_set)), lambda g: [p for p in range(len(refs)) if (g, p) in pairs]))


def participants_match(gold: Gold, gold_set: Sequence[str], refs: Sequence[Optional[ActorRef]]) -> bool:
    """Apply the meeting rule: at least two shared actors, or equal sets."""
    shared = shared_participants(gold, gold_set, refs)
    return shared >= 2 or (shared == len(gold_set) == len(refs))


def _max_matching(left: Iterable[int], options: Callable[[int], Sequence[int]],
                  taken: Optional[dict[int, int]] = None) -> dict[int, int]:
    """Extend `taken` (right -> left) to a maximum matching by augmenting paths (Kuhn)."""
    owner: dict[int, int] = dict(taken or {})

    def augment(node: int, seen: set[int]) -> bool:
        for right in options(node):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = node
                return True
        return False

    for node in left:
        augment(node, set())
    return owner


# ---------------------------------------------------------------------------------------------
# Article-level scoring


@dataclass
class KindScore:
    """Counts for one record kind, summed over articles (micro average)."""

    kind: str
    hits: int = 0
    misses: int = 0
    false_hits: int = 0
    optional: int = 0  # predictions matched to optional gold: neither hit nor error
    pieces: int = 0  # predicted pieces of a matched gold quote: neither hit nor error
    joined: int = 0  # core gold quotes a matched prediction joined to its own: recalled
    predictions: int = 0
    status_correct: int = 0
    status_pairs: int = 0
    mode_correct: int = 0
    mode_pairs: int = 0

    @property
    def precision(self) -> float:
        counted = self.hits + self.false_hits
        return self.hits / counted if counted else 1.0

    @property
    def recall(self) -> float:
        core = self.hits + self.joined + self.misses
        return (self.hits + self.joined) / core if core else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self) -> Optional[float]:
        return self.status_correct / self.status_pairs if self.status_pairs else None

    @property
    def mode_accuracy(self) -> Optional[float]:
        return self.mode_correct / self.mode_pairs if self.mode_pairs else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "hits": self.hits, "misses": self.misses, "false_hits": self.false_hits,
            "optional_matches": self.optional, "quote_pieces": self.pieces, "joined_quotes": self.joined,
            "predictions": self.predictions,
            "status_accuracy": self.status_accuracy, "status_pairs": self.status_pairs,
            "mode_accuracy": self.mode_accuracy, "mode_pairs": self.mode_pairs,
        }


@dataclass(frozen=True)
class Miss:
    """A core gold record no prediction matched."""

    source_id: str
    kind: str
    record: str  # the gold record, described

    def to_dict(self) -> dict[str, str]:
        return {"source_id": self.source_id, "kind": self.kind, "record": self.record}


@dataclass(frozen=True)
class FalseHit:
    """A prediction that matched no gold record, with the sentence it came from."""

    source_id: str
    kind: str
    record: str
    evidence: str

    def to_dict(self) -> dict[str, str]:
        return {"source_id": self.source_id, "kind": self.kind, "record": self.record, "evidence": self.evidence}


@dataclass
class Report:
    """Scores per record kind, then every miss and false hit; optionally the corpus-level events."""

    kinds: dict[str, KindScore]
    misses: list[Miss] = field(default_factory=list)
    false_hits: list[FalseHit] = field(default_factory=list)
    joined: list[Miss] = field(default_factory=list)  # core gold quotes recalled by a joined prediction
    pieces: list[FalseHit] = field(default_factory=list)  # predicted pieces of a matched quote
    articles: int = 0
    unscored: tuple[str, ...] = ()  # predicted articles that have no gold
    events: Optional["EventReport"] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "unscored": list(self.unscored),
            "kinds": {k: s.to_dict() for k, s in self.kinds.items()},
            "misses": [m.to_dict() for m in self.misses],
            "false_hits": [f.to_dict() for f in self.false_hits],
            "joined_quotes": [m.to_dict() for m in self.joined],
            "quote_pieces": [f.to_dict() for f in self.pieces],
            "events": self.events.to_dict() if self.events else None,
        }

    def render(self) -> str:
        """Return a text table of the scores followed by every miss and false hit."""
        head = f"{'kind':<10} {'P':>5} {'R':>5} {'F1':>5} {'hit':>4} {'miss':>4} {'false':>5} {'opt':>4} {'piece':>5} {'join':>4} {'status':>7} {'mode':>6}"
        lines = [f"Articles scored: {self.articles}", head, "-" * len(head)]
        for score in self.kinds.values():
            lines.append(
                f"{score.kind:<10} {score.precision:5.2f} {score.recall:5.2f} {score.f1:5.2f} "
                f"{score.hits:4d} {score.misses:4d} {score.false_hits:5d} {score.optional:4d} {score.pieces:5d} {score.joined:4d} "
                f"{_pct(score.status_accuracy):>7} {_pct(score.mode_accuracy):>6}"
            )
        if self.unscored:
            lines.append(f"No gold for: {', '.join(self.unscored)}")
        if self.events is not None:
            lines += ["", self.events.render()]
        lines += ["", f"Misses ({len(self.misses)}):"]
        lines += [f"  [{m.source_id}] {m.record}" for m in self.misses]
        lines += ["", f"False hits ({len(self.false_hits)}):"]
        lines += _predictions(self.false_hits)
        if self.joined or self.pieces:
            lines += ["", f"Gold quotes recalled as part of a joined prediction, no miss ({len(self.joined)}):"]
            lines += [f"  [{m.source_id}] {m.record}" for m in self.joined]
            lines += ["", f"Predicted pieces of a matched quote, no false hit ({len(self.pieces)}):"]
            lines += _predictions(self.pieces)
        return "\n".join(lines)


def _predictions(hits: Sequence[FalseHit]) -> list[str]:
    return [line for hit in hits
            for line in (f"  [{hit.source_id}] {hit.record}", f"      | {' '.join(hit.evidence.split())}")]


def _pct(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.2f}"


def score_articles(gold: Gold, predictions: Mapping[str, ArticleRecords]) -> Report:
    """Score each gold article's predicted records against its gold records."""
    report = Report(kinds={kind: KindScore(kind) for kind in KINDS}, articles=len(gold.articles))
    report.unscored = tuple(sorted(set(predictions) - set(gold.articles)))
    for source_id, article in gold.articles.items():
        records = predictions.get(source_id)
        for kind in KINDS:
            predicted = _predicted(records, kind)
            _score_kind(gold, source_id, kind, article.records(kind), predicted, records, report)
    return report


def _predicted(records: Optional[ArticleRecords], kind: str) -> list[Any]:
    if records is None:
        return []
    return {"visit": records.visits, "meeting": records.meetings, "statement": records.statements}[kind]


def _score_kind(gold: Gold, source_id: str, kind: str, golds: Sequence[Any], preds: Sequence[Any],
                records: Optional[ArticleRecords], report: Report) -> None:
    actors = records.actors if records is not None else {}
    quality = {(g, p): _quality(gold, golds[g], preds[p], actors)
               for g in range(len(golds)) for p in range(len(preds))}
    quality = {pair: q for pair, q in quality.items() if q is not None}

    def options(g: int) -> list[int]:
        fits = [p for p in range(len(preds)) if (g, p) in quality]
        return sorted(fits, key=lambda p: -quality[(g, p)])

    core = [g for g in range(len(golds)) if golds[g].core]
    optional = [g for g in range(len(golds)) if not golds[g].core]
    owner = _max_matching(optional, options, _max_matching(core, options))
    matched_golds = {g: p for p, g in owner.items()}

    joined, pieces = _quote_pieces(gold, golds, preds, matched_golds, actors) if kind == "statement" else (set(), set())
    score = report.kinds[kind]
    score.predictions += len(preds)
    for g, record in enumerate(golds):
        if g in matched_golds:
            score.hits += record.core
            score.optional += not record.core
            _tally_pair(score, record, preds[matched_golds[g]])
        elif g in joined:
            score.joined += 1
            report.joined.append(Miss(source_id, kind, record.describe()))
        elif record.core:
            score.misses += 1
            report.misses.append(Miss(source_id, kind, record.describe()))
    for p, pred in enumerate(preds):
        if p in pieces:
            score.pieces += 1
            report.pieces.append(FalseHit(source_id, kind, _describe(pred, actors), pred.evidence.text))
        elif p not in owner:
            score.false_hits += 1
            report.false_hits.append(FalseHit(source_id, kind, _describe(pred, actors), pred.evidence.text))


def _quote_pieces(gold: Gold, golds: Sequence[GoldStatement], preds: Sequence[StatementCandidate],
                  matched: Mapping[int, int], actors: Mapping[str, ActorRef]) -> tuple[set[int], set[int]]:
    """Return the unmatched core gold quotes and predictions that are other pieces of a matched quote.

    A piece has the pair's speaker, at least half of its words in the pair's quote on the other
    side, and fewer than half in the quote on its own side (so a repeat is no piece).
    """
    pairs = [(golds[g], preds[p]) for g, p in matched.items()
             if golds[g].kind == "direct" and preds[p].kind == "direct"]
    joined = {g for g, record in enumerate(golds)
              if g not in matched and record.core and record.kind == "direct"
              and any(_piece_of(record.text, pred.text, other.text) and actor_matches(gold, record.speaker, actors.get(pred.speaker))
                      for other, pred in pairs)}
    taken = set(matched.values())
    pieces = {p for p, pred in enumerate(preds)
              if p not in taken and pred.kind == "direct"
              and any(_piece_of(pred.text, record.text, other.text) and actor_matches(gold, record.speaker, actors.get(pred.speaker))
                      for record, other in pairs)}
    return joined, pieces


def _piece_of(text: str, whole: str, sibling: str) -> bool:
    """Return whether most of `text` lies in `whole` but not in its `sibling` from the same side."""
    own = words(text)
    return bool(own) and _share(own, set(words(whole))) >= 0.5 > _share(own, set(words(sibling)))


def _tally_pair(score: KindScore, record: Any, pred: Any) -> None:
    if score.kind in ("visit", "meeting"):
        score.status_pairs += 1
        score.status_correct += record.status == pred.status
    if score.kind == "meeting":
        score.mode_pairs += 1
        score.mode_correct += record.mode == pred.mode


def _quality(gold: Gold, record: Any, pred: Any, actors: Mapping[str, ActorRef]) -> Optional[float]:
    """Return how well a prediction fits a gold record (higher is better), or None if it does not match."""
    if not dates_match(record.date, pred.window.start, pred.window.end):
        return None
    if isinstance(pred, VisitCandidate):
        if not (actor_matches(gold, record.traveler, actors.get(pred.traveler)) and pred.host_country == record.host):
            return None
        return float(pred.status == record.status)
    if isinstance(pred, MeetingCandidate):
        refs = [actors.get(key) for key in pred.participants]
        if not participants_match(gold, record.participants, refs):
            return None
        shared = shared_participants(gold, record.participants, refs)
        return shared / max(len(refs), len(record.participants)) + (pred.status == record.status) + (pred.mode == record.mode)
    if isinstance(pred, StatementCandidate):
        if not (actor_matches(gold, record.speaker, actors.get(pred.speaker)) and text_matches(record.text, pred.text)):
            return None
        return _share(words(record.text), set(words(pred.text)))
    raise TypeError(f"not a candidate record: {pred!r}")


def _describe(pred: Any, actors: Mapping[str, ActorRef]) -> str:
    def name(key: str) -> str:
        ref = actors.get(key)
        return ref.name if ref is not None else f"?{key}"

    when = _window_text(pred.window)
    if isinstance(pred, VisitCandidate):
        return f"visit {name(pred.traveler)} -> {pred.host_country} {when} {pred.status}"
    if isinstance(pred, MeetingCandidate):
        return f"meeting [{', '.join(name(k) for k in pred.participants)}] {when} {pred.mode} {pred.status}"
    return f"statement {name(pred.speaker)} {when} {pred.kind}: {pred.text}"


def _window_text(window: DateWindow) -> str:
    if window.start is None and window.end is None:
        return "undated"
    return str(window.start) if window.start == window.end else f"{window.start}..{window.end}"


# ---------------------------------------------------------------------------------------------
# Corpus-level scoring (merged records)


@dataclass(frozen=True)
class EventResult:
    """The merged records that match one gold event, and which articles each one cites."""

    event: GoldEvent
    records: dict[str, tuple[str, ...]]  # record_id -> source ids of its mentions

    @property
    def hit(self) -> Optional[str]:
        """Return the record carrying mentions from every listed article, if any."""
        for record_id, sources in self.records.items():
            if set(self.event.articles) <= set(sources):
                return record_id
        return None

    @property
    def duplicates(self) -> int:
        return max(0, len(self.records) - 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event.describe(), "articles": list(self.event.articles), "hit": self.hit,
            "duplicates": self.duplicates, "records": {k: list(v) for k, v in self.records.items()},
        }


@dataclass
class EventReport:
    """Corpus-level result: each gold event should be one merged record."""

    results: list[EventResult]

    @property
    def merged(self) -> int:
        return sum(r.hit is not None for r in self.results)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"events": len(self.results), "merged": self.merged, "duplicates": self.duplicates,
                "results": [r.to_dict() for r in self.results]}

    def render(self) -> str:
        """Return one line per gold event, after a summary line."""
        lines = [f"Events: {len(self.results)}  merged: {self.merged}  duplicates: {self.duplicates}"]
        for result in self.results:
            mark = "merged" if result.hit else ("split" if result.records else "missing")
            found = "; ".join(f"{rid} <- {', '.join(src)}" for rid, src in result.records.items()) or "no record"
            lines.append(f"  {mark:<8} {result.event.describe()} [{', '.join(result.event.articles)}]: {found}")
        return "\n".join(lines)


def _field(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)


def _actor_refs(rows: Iterable[Any]) -> dict[str, ActorRef]:
    refs = {}
    for row in rows:
        aliases = tuple(a.strip() for a in (_field(row, "aliases") or "").split("|") if a.strip())
        key = _field(row, "actor_id")
        refs[key] = ActorRef(key=key, name=_field(row, "name"), kind=_field(row, "kind"),
                             country=_field(row, "country"), aliases=aliases)
    return refs


def score_events(gold: Gold, tables: Mapping[str, list], mentions: list) -> EventReport:
    """Check that each gold event's mentions ended up on one merged record."""
    actors = _actor_refs(tables.get("actors", []))
    sources: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        key = (_field(mention, "record_type"), _field(mention, "record_id"))
        sources.setdefault(key, set()).add(_field(mention, "source_id"))
    participants: dict[str, list[str]] = {}
    for row in tables.get("meeting_participants", []):
        participants.setdefault(_field(row, "meeting_id"), []).append(_field(row, "actor_id"))

    results = []
    for event in gold.events:
        found = {}
        for record_id, row in _event_candidates(gold, event, tables, actors, participants):
            cited = sources.get((event.type, record_id), set())
            if cited & set(event.articles):
                found[record_id] = tuple(sorted(cited))
        results.append(EventResult(event, found))
    return EventReport(results)


def _event_candidates(gold: Gold, event: GoldEvent, tables: Mapping[str, list], actors: Mapping[str, ActorRef],
                      participants: Mapping[str, list[str]]) -> Iterable[tuple[str, Any]]:
    """Yield (record_id, row) for merged records whose actors and date match the event."""
    if event.type == "visit":
        for row in tables.get("visits", []):
            if (_field(row, "host_country") == event.host
                    and actor_matches(gold, event.traveler, actors.get(_field(row, "traveler_id")))
                    and dates_match(event.date, _field(row, "date_start"), _field(row, "date_end"))):
                yield _field(row, "visit_id"), row
        return
    for row in tables.get("meetings", []):
        meeting_id = _field(row, "meeting_id")
        refs = [actors.get(a) for a in participants.get(meeting_id, [])]
        if (participants_match(gold, event.participants, refs)
                and dates_match(event.date, _field(row, "date_start"), _field(row, "date_end"))):
            yield meeting_id, row


def combine(golds: Sequence[Gold]) -> Gold:
    """Return one gold holding the actors, articles and events of several gold files."""
    actors: dict[str, GoldActor] = {}
    articles: dict[str, GoldArticle] = {}
    for gold in golds:
        actors.update(gold.actors)
        for source_id, article in gold.articles.items():
            if source_id in articles:
                raise GoldError(f"{gold.path}: article {source_id} is also coded in another gold file")
            articles[source_id] = article
    events = tuple(e for gold in golds for e in gold.events)
    return Gold(actors=actors, articles=articles, events=events, path=golds[0].path if golds else None)


def evaluate_build(golds: Sequence[Gold], result: Any) -> Report:
    """Score a build (per-article records and merged tables) against gold files."""
    gold = combine(golds)
    predictions = {r.article.source_id: r for r in result.records}
    missing = sorted(set(gold.articles) - set(predictions))
    if missing:
        raise GoldError(f"{gold.path}: gold article {missing[0]} is not in the corpus that was built")
    report = score_articles(gold, predictions)
    report.events = score_events(gold, result.tables, result.tables.get("mentions", []))
    return report

"""Hand corrections to the merged tables, kept as reviewed YAML files in `corrections/`.

Each file holds `corrections:`, a list of entries with a unique `id`, a `reason` and exactly one
operation: `drop`, `set`, `merge` or `add`. An entry that no longer matches anything is reported
as stale, never silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from pydantic import ValidationError

from ..extract.text import slug
from ..schema.models import TABLES, Dated, Mention, MeetingParticipant, Row
from ..schema.vocab import edtf_bounds
from .ids import meeting_keys, stable_id, statement_keys, visit_keys

OPERATIONS: dict[str, tuple[str, ...]] = {
    "drop": ("table", "record_id"),
    "set": ("table", "record_id", "field", "value"),
    "merge": ("table", "keep", "drop"),
    "add": ("table", "record"),
}
RECORD_TYPES = {"actors": "actor", "visits": "visit", "meetings": "meeting", "statements": "statement"}
EVIDENCE_KEYS = ("source_id", "char_start", "char_end", "evidence")

Tables = dict[str, list[Row]]
Key = tuple[Any, ...]


class CorrectionError(ValueError):
    """A correction file or entry that cannot be read or applied."""


@dataclass(frozen=True)
class Correction:
    """One reviewed correction: where it comes from, why, and what it does."""

    file: str
    id: str
    reason: str
    op: str
    params: Mapping[str, Any]

    @property
    def where(self) -> str:
        return f"{self.file}: correction {self.id!r}"


@dataclass
class CorrectionReport:
    """What applying corrections did: entries applied, and stale ones with why."""

    applied: list[Correction] = field(default_factory=list)
    stale: list[tuple[Correction, str]] = field(default_factory=list)

    def render(self) -> str:
        """Return one line per stale correction (empty when none)."""
        return "\n".join(f"stale {c.where} ({c.op}): {why}" for c, why in self.stale)


# ---------------------------------------------------------------- loading


def default_directory() -> Any:
    """Return the repository's corrections/ directory."""
    return resources.files("diplomatic_events").joinpath("corrections")


def load_corrections(directory: Union[str, Path, Any, None] = None) -> list[Correction]:
    """Read every `*.yaml` file of `directory` (files in name order), checking each entry."""
    import yaml

    folder = default_directory() if directory is None else directory
    folder = Path(folder) if isinstance(folder, str) else folder
    if not folder.is_dir():
        return []
    out: list[Correction] = []
    for path in sorted((p for p in folder.iterdir() if p.name.endswith((".yaml", ".yml"))), key=lambda p: p.name):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise CorrectionError(f"{path.name}: not valid YAML: {' '.join(str(err).split())}") from err
        out += _entries(path.name, data)
    _check_unique(out)
    return out


def _entries(name: str, data: Any) -> list[Correction]:
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) != {"corrections"}:
        raise CorrectionError(f"{name}: expected a mapping with the single key 'corrections'")
    entries = data["corrections"] or []
    if not isinstance(entries, list):
        raise CorrectionError(f"{name}: 'corrections' must be a list")
    return [_entry(name, n, entry) for n, entry in enumerate(entries, 1)]


def _entry(name: str, number: int, entry: Any) -> Correction:
    where = f"{name}: entry {number}"
    if not isinstance(entry, dict):
        raise CorrectionError(f"{where}: expected a mapping")
    if "id" in entry:
        where = f"{name}: correction {entry['id']!r}"
    for key in ("id", "reason"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise CorrectionError(f"{where}: missing key {key!r} (a non-empty string)")
    ops = [k for k in entry if k not in ("id", "reason")]
    if len(ops) != 1 or ops[0] not in OPERATIONS:
        raise CorrectionError(f"{where}: expected exactly one operation of {', '.join(OPERATIONS)}, found {ops or 'none'}")
    op, params = ops[0], entry[ops[0]]
    if not isinstance(params, dict):
        raise CorrectionError(f"{where}: {op!r} must be a mapping")
    _check_params(where, op, params)
    return Correction(name, entry["id"], entry["reason"], op, params)


def _check_params(where: str, op: str, params: Mapping[str, Any]) -> None:
    missing = [k for k in OPERATIONS[op] if k not in params]
    if missing:
        raise CorrectionError(f"{where}: {op} is missing key(s) {', '.join(missing)}")
    known = set(OPERATIONS[op]) | ({"evidence"} if op == "add" else set())
    extra = sorted(set(params) - known)
    if extra:
        raise CorrectionError(f"{where}: {op} has unknown key(s) {', '.join(extra)}")
    table = params["table"]
    if table not in TABLES:
        raise CorrectionError(f"{where}: unknown table {table!r}")
    if op == "set" and params["field"] not in TABLES[table].model_fields:
        raise CorrectionError(f"{where}: table {table} has no field {params['field']!r}")
    if op == "merge" and table not in RECORD_TYPES:
        raise CorrectionError(f"{where}: merge works on {', '.join(RECORD_TYPES)}, not {table}")
    if op == "add":
        _check_add(where, table, params)


def _check_add(where: str, table: str, params: Mapping[str, Any]) -> None:
    if not isinstance(params["record"], dict):
        raise CorrectionError(f"{where}: add.record must be a mapping")
    evidence = params.get("evidence")
    if table in RECORD_TYPES and evidence is None:
        raise CorrectionError(f"{where}: add to {table} needs evidence ({', '.join(EVIDENCE_KEYS)})")
    if evidence is not None and (not isinstance(evidence, dict) or set(evidence) != set(EVIDENCE_KEYS)):
        raise CorrectionError(f"{where}: evidence must have exactly the keys {', '.join(EVIDENCE_KEYS)}")


def _check_unique(corrections: Sequence[Correction]) -> None:
    seen: dict[str, str] = {}
    for c in corrections:
        if c.id in seen:
            raise CorrectionError(f"{c.file}: correction id {c.id!r} is also used in {seen[c.id]}")
        seen[c.id] = c.file


# ---------------------------------------------------------------- applying


class _State:
    """The tables being corrected, indexed by primary key."""

    def __init__(self, tables: Mapping[str, Sequence[Row]]) -> None:
        self.rows: dict[str, dict[Key, Row]] = {
            name: {_key(row): row for row in tables.get(name, ())} for name in TABLES
        }

    def tables(self) -> Tables:
        return {name: [rows[k] for k in sorted(rows)] for name, rows in self.rows.items()}

    def replace(self, table: str, old: Key, row: Row) -> None:
        del self.rows[table][old]
        self.rows[table][_key(row)] = row


def _key(row: Row) -> Key:
    return tuple(getattr(row, k) for k in row.table.primary_key)


def _record_key(c: Correction, table: str, record_id: Any) -> Key:
    """Return the primary key a correction names: a string, or a mapping for composite keys."""
    pk = TABLES[table].table.primary_key
    if isinstance(record_id, Mapping) and set(record_id) == set(pk):
        return tuple(record_id[k] for k in pk)
    if len(pk) == 1 and isinstance(record_id, str):
        return (record_id,)
    raise _fail(c, f"record_id of {table} must be {'a string' if len(pk) == 1 else 'a mapping of ' + ', '.join(pk)}")


def _validated(correction: Correction, model: type[Row], fields: Mapping[str, Any]) -> Row:
    try:
        return model.model_validate(dict(fields))
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in err.errors())
        raise CorrectionError(f"{correction.where}: invalid {model.table.name} row: {problems}") from err


def _fail(correction: Correction, problem: str) -> CorrectionError:
    return CorrectionError(f"{correction.where}: {problem}")


def apply_corrections(tables: Mapping[str, Sequence[Row]], corrections: Iterable[Correction]) -> tuple[Tables, CorrectionReport]:
    """Apply corrections in order; return the corrected tables and what applied or went stale."""
    state = _State(tables)
    report = CorrectionReport()
    for correction in corrections:
        stale = _APPLY[correction.op](state, correction)
        if stale:
            report.stale.append((correction, stale))
        else:
            report.applied.append(correction)
    return state.tables(), report


def _drop(state: _State, c: Correction) -> Optional[str]:
    table = c.params["table"]
    key = _record_key(c, table, c.params["record_id"])
    if key not in state.rows[table]:
        return f"no {table} record {c.params['record_id']!r}"
    record_id = key[0]
    if table == "actors":
        users = _actor_users(state, record_id)
        if users:
            raise _fail(c, f"actor {record_id} is still {users}; drop or merge those records first")
    del state.rows[table][key]
    if table in RECORD_TYPES:
        _drop_dependants(state, table, record_id)
    return None


def _actor_users(state: _State, actor: str) -> Optional[str]:
    for table, field_name in (("visits", "traveler_id"), ("statements", "speaker_id")):
        for row in state.rows[table].values():
            if getattr(row, field_name) == actor:
                return f"{field_name} of {table} {_key(row)[0]}"
    return None


def _drop_dependants(state: _State, table: str, record_id: str) -> None:
    """Remove a dropped record's mentions and participants, and clear links to it."""
    kind = RECORD_TYPES[table]
    mentions = state.rows["mentions"]
    for key in [k for k in mentions if k[0] == kind and k[1] == record_id]:
        del mentions[key]
    participants = state.rows["meeting_participants"]
    column = 0 if table == "meetings" else 1
    for key in [k for k in participants if k[column] == record_id]:
        del participants[key]
    _repoint(state, table, record_id, None)


def _repoint(state: _State, table: str, old: str, new: Optional[str]) -> None:
    """Point every foreign key naming `old` in `table` at `new`."""
    for model in TABLES.values():
        if model.table.name == "meeting_participants":
            continue
        for fk in model.table.foreign_keys:
            if fk.table != table:
                continue
            rows = state.rows[model.table.name]
            for key in [k for k, r in rows.items() if getattr(r, fk.field) == old]:
                state.replace(model.table.name, key, rows[key].model_copy(update={fk.field: new}))


def _set(state: _State, c: Correction) -> Optional[str]:
    table, name, value = c.params["table"], c.params["field"], c.params["value"]
    key = _record_key(c, table, c.params["record_id"])
    if key not in state.rows[table]:
        return f"no {table} record {c.params['record_id']!r}"
    model = TABLES[table]
    if name in model.table.primary_key:
        raise _fail(c, f"{name} is an identifier: use merge, or drop and add")
    row = state.rows[table][key]
    update = _date_fields(value) if name == "date" and issubclass(model, Dated) else {name: value}
    new = _validated(c, model, {**row.model_dump(), **update})
    _check_references(state, c, new)
    state.replace(table, key, new)
    return None


def _date_fields(value: Optional[str]) -> dict[str, Any]:
    """Return date, date_start, date_end and date_precision for an EDTF value (or all empty)."""
    if value is None:
        return {"date": None, "date_start": None, "date_end": None, "date_precision": None}
    try:
        start, end = edtf_bounds(str(value))
    except ValueError:
        return {"date": value}
    return {"date": str(value), "date_start": start, "date_end": end, "date_precision": _precision(str(value))}


def _precision(edtf: str) -> str:
    ranks = ("day", "week", "month", "season", "year")
    parts = edtf.split("/")
    found = []
    for part in parts:
        if re.fullmatch(r"\d{4}", part):
            found.append("year")
        elif re.fullmatch(r"\d{4}-2[1-4]", part):
            found.append("season")
        elif re.fullmatch(r"\d{4}-\d{2}", part):
            found.append("month")
        else:
            found.append("day")
    return max(found, key=ranks.index)


def _check_references(state: _State, c: Correction, row: Row) -> None:
    for fk in row.table.foreign_keys:
        value = getattr(row, fk.field)
        if value is not None and (value,) not in state.rows[fk.table]:
            raise _fail(c, f"{fk.field} {value!r} is not in {fk.table}")


def _merge(state: _State, c: Correction) -> Optional[str]:
    table, keep, drop = c.params["table"], c.params["keep"], c.params["drop"]
    rows = state.rows[table]
    missing = [r for r in (keep, drop) if (r,) not in rows]
    if missing:
        return f"no {table} record {', '.join(map(repr, missing))}"
    if keep == drop:
        raise _fail(c, "keep and drop name the same record")
    kind = RECORD_TYPES[table]
    _move_mentions(state, kind, drop, keep)
    if table == "meetings":
        _move_participants(state, drop, keep, column=0)
    if table == "actors":
        _move_participants(state, drop, keep, column=1)
        kept = rows[(keep,)]
        state.replace(table, (keep,), _validated(c, TABLES[table], {**kept.model_dump(), "aliases": _aliases(kept, rows[(drop,)])}))
    _repoint(state, table, drop, keep)
    del rows[(drop,)]
    return None


def _move_mentions(state: _State, kind: str, old: str, new: str) -> None:
    mentions = state.rows["mentions"]
    for key in [k for k in mentions if k[0] == kind and k[1] == old]:
        row = mentions.pop(key)
        mentions.setdefault((kind, new, key[2], key[3]), row.model_copy(update={"record_id": new}))


def _move_participants(state: _State, old: str, new: str, column: int) -> None:
    participants = state.rows["meeting_participants"]
    for key in [k for k in participants if k[column] == old]:
        participants.pop(key)
        moved = (new, key[1]) if column == 0 else (key[0], new)
        participants.setdefault(moved, MeetingParticipant(meeting_id=moved[0], actor_id=moved[1]))


def _aliases(kept: Row, dropped: Row) -> Optional[str]:
    names = set((kept.aliases or "").split(" | ")) | set((dropped.aliases or "").split(" | ")) | {dropped.name}
    names -= {"", kept.name}
    return " | ".join(sorted(names)) or None


def _add(state: _State, c: Correction) -> Optional[str]:
    table = c.params["table"]
    model = TABLES[table]
    fields = dict(c.params["record"])
    participants = fields.pop("participants", None) if table == "meetings" else None
    if "date" in fields and issubclass(model, Dated) and "date_start" not in fields:
        fields.update(_date_fields(fields["date"]))
    if table == "meetings" and "format" not in fields and participants:
        fields["format"] = "bilateral" if len(set(participants)) == 2 else "multilateral"
    pk = model.table.primary_key
    if len(pk) == 1 and pk[0] not in fields:
        fields[pk[0]] = _new_id(c, table, fields, participants)
    row = _validated(c, model, fields)
    if _key(row) in state.rows[table]:
        return f"{table} record {_key(row)[0]!r} already exists"
    _check_references(state, c, row)
    state.rows[table][_key(row)] = row
    for actor in sorted(set(participants or ())):
        part = _validated(c, MeetingParticipant, {"meeting_id": _key(row)[0], "actor_id": actor})
        _check_references(state, c, part)
        state.rows["meeting_participants"][_key(part)] = part
    if c.params.get("evidence") is not None:
        _add_evidence(state, c, table, row)
    return None


def _new_id(c: Correction, table: str, fields: Mapping[str, Any], participants: Optional[Sequence[str]]) -> str:
    """Generate an ID from content, the way merge derives extracted records' IDs."""
    start = fields.get("date_start")
    month = start.strftime("%Y-%m") if hasattr(start, "strftime") else str(start)[:7] if start else "undated"
    try:
        if table == "visits":
            return stable_id("v", *visit_keys(fields["traveler_id"], fields["host_country"], month))
        if table == "meetings":
            return stable_id("m", *meeting_keys(participants or (), fields.get("mode", "in_person"), month))
        if table == "statements":
            return stable_id("s", *statement_keys(fields["speaker_id"], fields["text"]))
        if table == "actors":
            return slug(fields["name"])
    except KeyError as err:
        raise _fail(c, f"cannot derive an id without {err.args[0]!r}") from err
    raise _fail(c, f"give the primary key of the {table} row explicitly")


def _add_evidence(state: _State, c: Correction, table: str, row: Row) -> None:
    evidence = c.params["evidence"]
    source = state.rows["sources"].get((evidence["source_id"],))
    if source is None:
        raise _fail(c, f"evidence source {evidence['source_id']!r} is not in sources")
    if table not in RECORD_TYPES:
        return
    mention = _validated(c, Mention, {
        **evidence, "record_type": RECORD_TYPES[table], "record_id": _key(row)[0],
        "reported_status": getattr(row, "status", None), "reported_date": getattr(row, "date", None),
    })
    if mention.char_end > source.characters:
        raise _fail(c, f"evidence ends at {mention.char_end}, past the end of {source.source_id} ({source.characters})")
    state.rows["mentions"][_key(mention)] = mention


_APPLY = {"drop": _drop, "set": _set, "merge": _merge, "add": _add}


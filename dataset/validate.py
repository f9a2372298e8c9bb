"""Check a data package: frictionless validation plus what frictionless does not check."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError

from ..schema import TABLES
from .publish import PARQUET_SIZE_KEY
from .load import PackageError, PathLike, package_dir, read_descriptor, safe_path

RECORD_TABLES = {"actor": ("actors", "actor_id"), "visit": ("visits", "visit_id"),
                 "meeting": ("meetings", "meeting_id"), "statement": ("statements", "statement_id")}


def _hash_problems(directory: Path, res: dict[str, Any]) -> tuple[list[str], Optional[bytes]]:
    name = res.get("name", "?")
    try:
        path = safe_path(directory, res.get("path"))
        data = path.read_bytes()
    except PackageError as exc:
        return [str(exc)], None
    except OSError as exc:
        return [f"{name}: cannot read {res.get('path')} ({exc.strerror or exc})"], None
    problems = []
    for key in ("bytes", PARQUET_SIZE_KEY):
        if key in res and res[key] != len(data):
            problems.append(f"{name}: {res['path']} has {len(data)} bytes, the descriptor says {res[key]}")
    if not any(key in res for key in ("bytes", PARQUET_SIZE_KEY, "hash")):
        problems.append(f"{name}: the descriptor gives neither size nor hash for {res.get('path')}")
    if "hash" in res:
        algo, _, expected = str(res["hash"]).rpartition(":")
        if (algo or "md5") != "sha256":
            problems.append(f"{name}: hash must be sha256, not {algo or 'md5'}")
        elif hashlib.sha256(data).hexdigest() != expected:
            problems.append(f"{name}: {res['path']} does not match its sha256 in the descriptor")
    return problems, data


def _csv_rows(data: bytes) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in reader]


def _csv_header(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8"))), [])


def _parquet_rows(data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(data))
    return table.column_names, table.to_pylist()


def _typed(model, rows: Iterable[dict[str, Any]], label: str, problems: list[str]) -> list[Any]:
    out = []
    for number, row in enumerate(rows, start=2):
        try:
            out.append(model.model_validate(row))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "row"
            problems.append(f"{label} row {number}: {where}: {err['msg']}")
    return out


def _table_problems(directory: Path, desc: dict[str, Any]) -> tuple[list[str], dict[str, list[Any]]]:
    problems: list[str] = []
    tables: dict[str, list[Any]] = {}
    by_name = {r.get("name"): r for r in desc["resources"] if isinstance(r, dict)}
    for name, model in TABLES.items():
        columns = list(model.model_fields)
        loaded = {}
        for fmt, res_name in (("csv", name), ("parquet", f"{name}-parquet")):
            res = by_name.get(res_name)
            if res is None:
                problems.append(f"{res_name}: resource missing from the descriptor")
                continue
            found, data = _hash_problems(directory, res)
            problems += found
            if data is None:
                continue
            try:
                header, rows = (_csv_header(data), _csv_rows(data)) if fmt == "csv" else _parquet_rows(data)
            except Exception as exc:  # any unreadable file is a finding, not a crash
                problems.append(f"{res_name}: {res.get('path')} is not a readable {fmt} file ({exc})")
                continue
            if header != columns:
                problems.append(f"{res_name}: columns {header} differ from the schema's {columns}")
                continue
            loaded[fmt] = _typed(model, rows, f"{res_name} ({res.get('path')})", problems)
        if "csv" in loaded and "parquet" in loaded and loaded["csv"] != loaded["parquet"]:
            problems.append(f"{name}: the CSV and Parquet files do not hold the same rows")
        tables[name] = loaded.get("csv", loaded.get("parquet", []))
    return problems, tables


def _key(row: Any, fields: tuple[str, ...]) -> tuple:
    return tuple(getattr(row, f) for f in fields)


def _integrity_problems(tables: dict[str, list[Any]]) -> list[str]:
    problems = []
    for name, model in TABLES.items():
        meta, rows = model.table, tables.get(name, [])
        keys = [_key(r, meta.primary_key) for r in rows]
        if len(set(keys)) != len(keys):
            problems.append(f"{name}: duplicate primary key values")
        for fk in meta.foreign_keys:
            targets = {getattr(r, fk.ref) for r in tables.get(fk.table, [])}
            for row in rows:
                value = getattr(row, fk.field)
                if value is not None and value not in targets:
                    problems.append(f"{name}: {fk.field} {value!r} is not in {fk.table}.{fk.ref}")
    mentions = tables.get("mentions", [])
    sources = {s.source_id: s for s in tables.get("sources", [])}
    supported: dict[str, set[str]] = {kind: set() for kind in RECORD_TABLES}
    for m in mentions:
        supported[m.record_type].add(m.record_id)
        source = sources.get(m.source_id)
        if source is not None and m.char_end > source.characters:
            problems.append(f"mentions: offsets {m.char_start}..{m.char_end} lie outside {m.source_id} "
                            f"({source.characters} characters)")
    for kind, (table, key) in RECORD_TABLES.items():
        ids = {getattr(r, key) for r in tables.get(table, [])}
        for missing in sorted(ids - supported[kind]):
            problems.append(f"{table}: {missing} has no mention (no evidence)")
        for orphan in sorted(supported[kind] - ids):
            problems.append(f"mentions: {kind} {orphan} is not in {table}")
    return problems


def _frictionless_problems(directory: Path) -> list[str]:
    try:
        from frictionless import Package, system
    except ImportError:
        return []
    with system.use_context(trusted=False):
        report = Package(str(directory / "datapackage.json")).validate()
    problems = []
    for task in report.tasks:
        for error in task.errors[:5]:
            problems.append(f"frictionless: {task.name}: {error.message}")
    for error in report.errors[:5]:
        problems.append(f"frictionless: {error.message}")
    return problems


def validate_package(package: Optional[PathLike] = None, *, frictionless: bool = True) -> list[str]:
    """Return every problem found in a package (empty when valid)."""
    try:
        directory = package_dir(package)
        desc = read_descriptor(directory)
    except PackageError as exc:
        return [str(exc)]
    for res in desc["resources"]:
        try:
            safe_path(directory, res.get("path") if isinstance(res, dict) else None)
        except PackageError as exc:
            return [str(exc)]
    problems, tables = _table_problems(directory, desc)
    problems += _integrity_problems(tables)
    if frictionless and not problems:
        problems += _frictionless_problems(directory)
    return problems


def coverage(tables: dict[str, list[Any]]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """Return the first and last day any dated record covers."""
    days = [d for name in ("visits", "meetings", "statements") for r in tables.get(name, [])
            for d in (r.date_start, r.date_end) if d]
    return (min(days), max(days)) if days else (None, None)

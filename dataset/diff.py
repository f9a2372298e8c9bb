"""Compare two published packages table by table: rows added, removed and changed."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .load import PackageError, read_descriptor, safe_path

Key = tuple[str, ...]
SHOWN = 20  # rows listed per table and kind of change in a rendered diff


@dataclass
class TableDiff:
    """How one table changed; rows are keyed by its primary key."""

    name: str
    key: tuple[str, ...]
    added: dict[Key, dict[str, str]] = field(default_factory=dict)
    removed: dict[Key, dict[str, str]] = field(default_factory=dict)
    changed: dict[Key, dict[str, tuple[Optional[str], Optional[str]]]] = field(default_factory=dict)
    note: Optional[str] = None  # e.g. the table exists in only one package

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.note)

    def render(self, shown: int = SHOWN) -> str:
        """Return a summary line and up to `shown` rows per kind of change."""
        lines = [f"{self.name}: +{len(self.added)} -{len(self.removed)} ~{len(self.changed)}"]
        if self.note:
            lines.append(f"  {self.note}")
        for sign, rows in (("+", self.added), ("-", self.removed)):
            lines += [f"  {sign} {_label(k)}" for k in sorted(rows)[:shown]]
            lines += _more(len(rows), shown)
        for k in sorted(self.changed)[:shown]:
            changes = ", ".join(f"{f}: {_show(old)} -> {_show(new)}" for f, (old, new) in self.changed[k].items())
            lines.append(f"  ~ {_label(k)}: {changes}")
        lines += _more(len(self.changed), shown)
        return "\n".join(lines)


@dataclass
class PackageDiff:
    """Differences between an old and a new package, per table in the new package's order."""

    tables: list[TableDiff] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return all(t.empty for t in self.tables)

    def render(self) -> str:
        """Return a human-readable report (tables without changes are left out)."""
        if self.empty:
            return "no changes"
        return "\n".join(t.render() for t in self.tables if not t.empty)

    def __getitem__(self, name: str) -> TableDiff:
        return next(t for t in self.tables if t.name == name)


def _label(key: Key) -> str:
    return " / ".join(key)


def _show(value: Optional[str]) -> str:
    return "(absent)" if value is None else repr(value)


def _more(count: int, shown: int) -> list[str]:
    return [f"  ... {count - shown} more"] if count > shown else []


def _resources(package: Path) -> dict[str, dict[str, Any]]:
    """Return the package's resources by name, reading its datapackage.json."""
    data = read_descriptor(package)
    out = {}
    for resource in data.get("resources", []):
        path = resource.get("path")
        if isinstance(path, list):
            path = path[0] if path else None
        if resource.get("name") and isinstance(path, str) and path.endswith(".csv"):
            out[resource["name"]] = resource
    return out


def _primary_key(resource: dict[str, Any]) -> tuple[str, ...]:
    schema = resource.get("schema") or {}
    key = schema.get("primaryKey") or ()
    return (key,) if isinstance(key, str) else tuple(key)


def _rows(package: Path, resource: dict[str, Any], key: tuple[str, ...]) -> dict[Key, dict[str, str]]:
    """Read a resource's CSV as strings, keyed by `key` (by row number when it has none)."""
    path = resource["path"][0] if isinstance(resource["path"], list) else resource["path"]
    with safe_path(package, path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [k for k in key if k not in (reader.fieldnames or ())]
        if missing:
            raise PackageError(f"{package / path}: primary key column(s) {', '.join(missing)} missing")
        rows: dict[Key, dict[str, str]] = {}
        for number, row in enumerate(reader, 1):
            rows[tuple(row[k] for k in key) if key else (str(number),)] = row
    return rows


def diff_table(name: str, key: tuple[str, ...], old: dict[Key, dict[str, str]], new: dict[Key, dict[str, str]]) -> TableDiff:
    """Compare two keyed tables field by field."""
    out = TableDiff(name, key)
    out.added = {k: new[k] for k in sorted(new.keys() - old.keys())}
    out.removed = {k: old[k] for k in sorted(old.keys() - new.keys())}
    for k in sorted(old.keys() & new.keys()):
        fields = list(new[k]) + [f for f in old[k] if f not in new[k]]
        changes = {f: (old[k].get(f), new[k].get(f)) for f in fields if old[k].get(f) != new[k].get(f)}
        if changes:
            out.changed[k] = changes
    return out


def diff_packages(old: Path, new: Path) -> PackageDiff:
    """Compare the CSV tables of two package directories."""
    old, new = Path(old), Path(new)
    before, after = _resources(old), _resources(new)
    result = PackageDiff()
    for name in list(after) + [n for n in before if n not in after]:
        if name not in before:
            key = _primary_key(after[name])
            table = diff_table(name, key, {}, _rows(new, after[name], key))
            table.note = "table added"
        elif name not in after:
            key = _primary_key(before[name])
            table = diff_table(name, key, _rows(old, before[name], key), {})
            table.note = "table removed"
        else:
            key = _primary_key(after[name])
            table = diff_table(name, key, _rows(old, before[name], key), _rows(new, after[name], key))
        result.tables.append(table)
    return result

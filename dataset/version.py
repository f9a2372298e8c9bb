"""Decide the next data version from what changed between two packages, and describe it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Optional

from .load import read_descriptor

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
SCHEMA_KEYS = ("fields", "primaryKey", "foreignKeys", "missingValues")


class VersionError(Exception):
    """A version could not be decided (unreadable package or version)."""


def parse(version: str) -> tuple[int, int, int]:
    """Return (major, minor, patch) of a semver string."""
    match = SEMVER.match(str(version))
    if not match:
        raise VersionError(f"{version!r} is not a MAJOR.MINOR.PATCH version")
    return int(match[1]), int(match[2]), int(match[3])


def next_version(old: str, *, schema_changed: bool, added: bool, corrected: bool) -> str:
    """Return the version after `old`: major for a schema change, minor for new records, patch for fixes."""
    major, minor, patch = parse(old)
    if schema_changed:
        return f"{major + 1}.0.0"
    if added:
        return f"{major}.{minor + 1}.0"
    if corrected:
        return f"{major}.{minor}.{patch + 1}"
    return old


def schemas(desc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return each table resource's schema (fields, types, constraints, keys) by resource name."""
    out = {}
    for res in desc.get("resources", []):
        schema = res.get("schema") or {}
        out[res.get("name")] = {k: schema.get(k) for k in SCHEMA_KEYS}
    return out


def schema_changes(old_desc: dict[str, Any], new_desc: dict[str, Any]) -> list[str]:
    """Return the names of tables whose schema differs (or that exist in only one package)."""
    old, new = schemas(old_desc), schemas(new_desc)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def counts(diff: Any) -> dict[str, tuple[int, int, int]]:
    """Return (added, removed, changed) row counts per table of a PackageDiff."""
    return {t.name: (len(t.added), len(t.removed), len(t.changed)) for t in diff.tables}


def _diff(old_dir: Path, new_dir: Path):
    from .diff import diff_packages

    return diff_packages(Path(old_dir), Path(new_dir))


def bump(old_dir: Path, new_dir: Path, diff: Optional[Any] = None) -> str:
    """Return the version the new package should carry, judged against the old one."""
    old_desc, new_desc = read_descriptor(Path(old_dir)), read_descriptor(Path(new_dir))
    found = counts(diff if diff is not None else _diff(old_dir, new_dir))
    return next_version(
        old_desc["version"],
        schema_changed=bool(schema_changes(old_desc, new_desc)),
        added=any(a for a, _, _ in found.values()),
        corrected=any(r or c for _, r, c in found.values()),
    )


def changelog_entry(old_dir: Path, new_dir: Path, version: str, diff: Optional[Any] = None,
                    date: Optional[dt.date] = None) -> str:
    """Return a CHANGELOG section for `version`: schema changes and rows added/removed/changed per table."""
    old_desc, new_desc = read_descriptor(Path(old_dir)), read_descriptor(Path(new_dir))
    found = counts(diff if diff is not None else _diff(old_dir, new_dir))
    day = date or _created(new_desc)
    lines = [f"## Data {version}" + (f" ({day.isoformat()})" if day else ""), ""]
    changed_schemas = schema_changes(old_desc, new_desc)
    if changed_schemas:
        lines += ["### Schema changed", ""] + [f"- `{name}`" for name in changed_schemas] + [""]
    rows = [(name, a, r, c) for name, (a, r, c) in found.items() if a or r or c]
    if rows:
        lines += ["### Records", "", "| table | added | removed | changed |", "|---|---|---|---|"]
        lines += [f"| `{name}` | {a} | {r} | {c} |" for name, a, r, c in rows] + [""]
    if not changed_schemas and not rows:
        lines += ["No changes to the data.", ""]
    return "\n".join(lines)


def _created(desc: dict[str, Any]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(str(desc.get("created", ""))[:10])
    except ValueError:
        return None

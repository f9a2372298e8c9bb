"""Data versions: major for a schema change, minor for new records, patch for corrections."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from diplomatic_events.dataset.publish import publish
from diplomatic_events.dataset.version import VersionError, bump, changelog_entry, next_version, schema_changes

from conftest import make_tables


@dataclass
class FakeTable:
    """The part of diff.TableDiff that versioning reads."""

    name: str
    added: dict = field(default_factory=dict)
    removed: dict = field(default_factory=dict)
    changed: dict = field(default_factory=dict)


@dataclass
class FakeDiff:
    tables: list


@pytest.mark.parametrize("schema, added, corrected, expected", [
    (True, False, False, "2.0.0"),
    (True, True, True, "2.0.0"),
    (False, True, False, "1.5.0"),
    (False, True, True, "1.5.0"),
    (False, False, True, "1.4.8"),
    (False, False, False, "1.4.7"),
])
def test_next_version(schema, added, corrected, expected):
    assert next_version("1.4.7", schema_changed=schema, added=added, corrected=corrected) == expected


@pytest.mark.parametrize("bad", ["1.4", "v1.4.7", "1.4.7-rc1", ""])
def test_bad_versions_are_refused(bad):
    with pytest.raises(VersionError):
        next_version(bad, schema_changed=False, added=True, corrected=False)


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    publish(make_tables(), tmp_path / "old")
    publish(make_tables(), tmp_path / "new")
    return tmp_path / "old", tmp_path / "new"


def _change_schema(package: Path) -> None:
    path = package / "datapackage.json"
    desc = json.loads(path.read_text("utf-8"))
    desc["resources"][0]["schema"]["fields"][0]["type"] = "integer"
    path.write_text(json.dumps(desc), "utf-8")


@pytest.mark.parametrize("diff, schema, expected", [
    (FakeDiff([FakeTable("visits", added={("v-1",): {}})]), False, "0.2.0"),
    (FakeDiff([FakeTable("visits", changed={("v-1",): {}}), FakeTable("actors", removed={("a",): {}})]), False, "0.1.1"),
    (FakeDiff([FakeTable("visits", added={("v-1",): {}}, removed={("v-2",): {}})]), False, "0.2.0"),
    (FakeDiff([FakeTable("visits")]), True, "1.0.0"),
    (FakeDiff([FakeTable("visits")]), False, "0.1.0"),
])
def test_bump_from_a_diff(two, diff, schema, expected):
    old, new = two
    if schema:
        _change_schema(new)
    assert bump(old, new, diff=diff) == expected


def test_schema_changes_name_the_table(two):
    old, new = two
    _change_schema(new)
    load = lambda p: json.loads((p / "datapackage.json").read_text("utf-8"))  # noqa: E731
    assert schema_changes(load(old), load(new)) == ["actors"]
    assert schema_changes(load(old), load(old)) == []


def test_changelog_entry_lists_counts_per_table(two):
    old, new = two
    _change_schema(new)
    diff = FakeDiff([FakeTable("visits", added={("a",): {}, ("b",): {}}, changed={("c",): {}}), FakeTable("actors")])
    text = changelog_entry(old, new, "1.0.0", diff=diff)
    assert text.startswith("## Data 1.0.0 (2025-05-27)")
    assert "| `visits` | 2 | 0 | 1 |" in text
    assert "`actors`" in text.split("### Schema changed", 1)[1].split("###", 1)[0]
    assert "| `actors` |" not in text


def test_changelog_entry_without_changes(two):
    assert "No changes" in changelog_entry(*two, "0.1.0", diff=FakeDiff([FakeTable("visits")]))


def test_bump_with_the_real_diff(tmp_path: Path):
    pytest.importorskip("diplomatic_events.dataset.diff")
    tables = make_tables()
    publish(tables, tmp_path / "old")
    tables["meeting_participants"] = tables["meeting_participants"][:1]
    publish(tables, tmp_path / "fixed")
    assert bump(tmp_path / "old", tmp_path / "fixed") == "0.1.1"
    assert bump(tmp_path / "fixed", tmp_path / "old") == "0.2.0"
    assert bump(tmp_path / "old", tmp_path / "old") == "0.1.0"

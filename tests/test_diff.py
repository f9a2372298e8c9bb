"""Diffs between two package directories."""

from __future__ import annotations

import csv
import json

import pytest

from diplomatic_events.dataset.load import PackageError
from diplomatic_events.dataset.diff import diff_packages

VISIT_FIELDS = ["visit_id", "traveler_id", "status", "date"]


def package(root, tables: dict[str, tuple[list[str], list[str], list[list[str]]]]):
    """Write a package: name -> (primary key, columns, rows)."""
    root.mkdir()
    resources = []
    for name, (key, columns, rows) in tables.items():
        (root / "data").mkdir(exist_ok=True)
        with (root / "data" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
        resources.append({"name": name, "path": f"data/{name}.csv",
                          "schema": {"fields": [{"name": c, "type": "string"} for c in columns], "primaryKey": key}})
    (root / "datapackage.json").write_text(json.dumps({"name": "p", "resources": resources}), encoding="utf-8")
    return root


def visits(*rows):
    return {"visits": (["visit_id"], VISIT_FIELDS, [list(r) for r in rows])}


def mentions(*rows):
    return {"mentions": (["record_id", "char_start"], ["record_id", "char_start", "evidence"], [list(r) for r in rows])}


def test_identical_packages_are_empty(tmp_path):
    content = {**visits(["v-1", "lavrov", "planned", "2025-02"]), **mentions(["v-1", "0", "Lavrov will"])}
    diff = diff_packages(package(tmp_path / "a", content), package(tmp_path / "b", content))
    assert diff.empty and diff.render() == "no changes"


def test_added_removed_changed(tmp_path):
    old = package(tmp_path / "old", {**visits(["v-1", "lavrov", "planned", "2025-02"], ["v-2", "fidan", "planned", ""]),
                                     **mentions(["v-1", "0", "Lavrov will"])})
    new = package(tmp_path / "new", {**visits(["v-1", "lavrov", "occurred", "2025-02-23"], ["v-3", "putin", "planned", "2024"]),
                                     **mentions(["v-1", "0", "Lavrov will"], ["v-1", "40", "Lavrov came"])})
    diff = diff_packages(old, new)
    assert not diff.empty
    v = diff["visits"]
    assert list(v.added) == [("v-3",)] and list(v.removed) == [("v-2",)]
    assert v.changed == {("v-1",): {"status": ("planned", "occurred"), "date": ("2025-02", "2025-02-23")}}
    assert list(diff["mentions"].added) == [("v-1", "40")] and not diff["mentions"].changed
    text = diff.render()
    assert "visits: +1 -1 ~1" in text
    assert "+ v-3" in text and "- v-2" in text
    assert "~ v-1: status: 'planned' -> 'occurred', date: '2025-02' -> '2025-02-23'" in text
    assert "mentions: +1 -0 ~0" in text and "+ v-1 / 40" in text


def test_table_added_and_removed(tmp_path):
    old = package(tmp_path / "old", visits(["v-1", "lavrov", "planned", ""]))
    new = package(tmp_path / "new", mentions(["v-1", "0", "x"]))
    diff = diff_packages(old, new)
    assert diff["mentions"].note == "table added" and diff["visits"].note == "table removed"
    assert list(diff["visits"].removed) == [("v-1",)]
    assert "table added" in diff.render() and "table removed" in diff.render()


def test_new_column_shows_as_change(tmp_path):
    old = package(tmp_path / "old", {"t": (["id"], ["id", "a"], [["1", "x"]])})
    new = package(tmp_path / "new", {"t": (["id"], ["id", "a", "b"], [["1", "x", "y"]])})
    assert diff_packages(old, new)["t"].changed == {("1",): {"b": (None, "y")}}
    assert "b: (absent) -> 'y'" in diff_packages(old, new).render()


def test_missing_descriptor_is_a_clear_error(tmp_path):
    good = package(tmp_path / "good", visits())
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackageError, match="datapackage.json"):
        diff_packages(tmp_path / "empty", good)

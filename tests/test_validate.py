"""validate: frictionless plus our own checks, each broken on purpose once."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from diplomatic_events.dataset import publish as pub
from diplomatic_events.dataset.validate import validate_package


def rewrite(pkg: Path, rel: str, data: bytes, rehash: bool = True) -> None:
    """Replace one file of a package, keeping the descriptor's size and hash in step if asked."""
    (pkg / rel).write_bytes(data)
    if rehash:
        desc = json.loads((pkg / "datapackage.json").read_text("utf-8"))
        for res in desc["resources"]:
            if res["path"] == rel:
                res["bytes" if "bytes" in res else "x-bytes"] = len(data)
                res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        (pkg / "datapackage.json").write_text(json.dumps(desc), "utf-8")


def edit_csv(pkg: Path, table: str, old: str, new: str, rehash: bool = True) -> None:
    rel = f"dataset/data/{table}.csv"
    text = (pkg / rel).read_text("utf-8")
    assert old in text
    rewrite(pkg, rel, text.replace(old, new, 1).encode("utf-8"), rehash)


def test_sample_package_is_valid(sample_package):
    assert validate_package(sample_package) == []


def test_frictionless_accepts_it_too(sample_package):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package(str(sample_package / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])


def test_broken_foreign_key(sample_package, tables):
    tables["meeting_participants"][0] = tables["meeting_participants"][0].model_copy(update={"actor_id": "nobody"})
    pub.publish(tables, sample_package)
    problems = validate_package(sample_package)
    assert any("actor_id 'nobody' is not in actors.actor_id" in p for p in problems)


def test_bad_enum_value(sample_package):
    edit_csv(sample_package, "visits", "occurred", "happened")
    problems = validate_package(sample_package)
    assert any("visits" in p and "status" in p for p in problems), problems


def test_csv_parquet_mismatch(sample_package):
    edit_csv(sample_package, "visits", "Moscow", "Sochi")
    problems = validate_package(sample_package)
    assert any("CSV and Parquet files do not hold the same rows" in p for p in problems), problems


def test_wrong_hash(sample_package):
    edit_csv(sample_package, "visits", "Moscow", "Moskva", rehash=False)
    problems = validate_package(sample_package)
    assert any("does not match its sha256" in p for p in problems), problems
    assert any("bytes" in p for p in problems) is False  # same length: only the hash catches it


def test_record_without_mention(sample_package, tables):
    tables["mentions"] = [m for m in tables["mentions"] if m.record_type != "meeting"]
    pub.publish(tables, sample_package)
    assert "meetings: m-0000000001 has no mention (no evidence)" in validate_package(sample_package)


def test_mention_outside_its_source(sample_package, tables):
    tables["sources"][1] = tables["sources"][1].model_copy(update={"characters": 120})
    pub.publish(tables, sample_package)
    assert any("lie outside a2" in p for p in validate_package(sample_package))


def test_duplicate_primary_key(sample_package, tables):
    tables["actors"].append(tables["actors"][0])
    pub.publish(tables, sample_package)
    assert "actors: duplicate primary key values" in validate_package(sample_package)


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "https://example.org/x.csv", "dataset/../../x.csv"])
def test_resource_path_outside_package(sample_package, path):
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    desc["resources"][0]["path"] = path
    (sample_package / "datapackage.json").write_text(json.dumps(desc), "utf-8")
    problems = validate_package(sample_package)
    assert len(problems) == 1 and repr(path) in problems[0]


def test_symlink_pointing_outside(sample_package, tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("actor_id\n", "utf-8")
    target = sample_package / "dataset/data/actors.csv"
    target.unlink()
    os.symlink(outside, target)
    problems = validate_package(sample_package)
    assert len(problems) == 1 and "leads outside the package" in problems[0]


@pytest.mark.parametrize("content, message", [(b"{not json", "not JSON"), (b"[1, 2]", "not a data package")])
def test_descriptor_not_a_package(sample_package, content, message):
    (sample_package / "datapackage.json").write_bytes(content)
    problems = validate_package(sample_package)
    assert len(problems) == 1 and message in problems[0] and "datapackage.json" in problems[0]


def test_missing_file(sample_package):
    (sample_package / "dataset/data/visits.parquet").unlink()
    assert any("visits-parquet: cannot read" in p for p in validate_package(sample_package))


def test_truncated_parquet(sample_package):
    rel = "dataset/data/visits.parquet"
    rewrite(sample_package, rel, (sample_package / rel).read_bytes()[:100])
    assert any("not a readable parquet file" in p for p in validate_package(sample_package))


@pytest.mark.parametrize("mangle", ["extra", "missing", "reordered"])
def test_csv_columns_changed(sample_package, mangle):
    rel = "dataset/data/actors.csv"
    lines = (sample_package / rel).read_text("utf-8").splitlines()
    rows = [line.split(",") for line in lines]
    if mangle == "extra":
        rows = [r + ["x"] for r in rows]
    elif mangle == "missing":
        rows = [r[:-1] for r in rows]
    else:
        rows = [[r[1], r[0], *r[2:]] for r in rows]
    rewrite(sample_package, rel, ("\n".join(",".join(r) for r in rows) + "\n").encode())
    problems = validate_package(sample_package)
    assert any("actors: columns" in p for p in problems), problems

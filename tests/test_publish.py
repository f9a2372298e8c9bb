"""Publishing: CSV + Parquet + descriptor, loadable, deterministic and atomic."""

from __future__ import annotations

import hashlib

import pytest

import diplomatic_events as de
from diplomatic_events.dataset import publish as pub
from diplomatic_events.dataset.validate import validate_package
from diplomatic_events.schema import TABLES

FLAVORS = ["pandas", "arrow", "polars", "records"]


@pytest.mark.parametrize("name", list(TABLES))
def test_roundtrip_every_table(sample_package, tables, name):
    assert de.load(name, as_="records", package=sample_package) == tables[name]
    frame = de.load(name, package=sample_package)
    assert list(frame.columns) == list(TABLES[name].model_fields)
    assert len(frame) == len(tables[name])


@pytest.mark.parametrize("flavor", FLAVORS)
def test_load_flavors(sample_package, flavor):
    visits = de.load("visits", as_=flavor, package=sample_package)
    assert len(visits) == 1


def test_descriptor_lists_files_with_size_and_hash(sample_package):
    desc = de.package(sample_package)
    assert desc["$schema"].endswith("/2.0/datapackage.json")
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"
    assert desc["sources"] == [{"title": "Test Wire"}]
    assert desc["created"] == "2025-05-27T00:00:00Z"  # from the corpus, not the clock
    assert len(desc["resources"]) == 2 * len(TABLES)
    for res in desc["resources"]:
        data = (sample_package / res["path"]).read_bytes()
        assert res.get("bytes", res.get("x-bytes")) == len(data)
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert res["path"].startswith("dataset/data/")


def test_two_publishes_are_byte_identical(tables, tmp_path):
    first, second = pub.render(tables), pub.render(tables)
    assert first == second
    pub.publish(tables, tmp_path / "a")
    pub.publish(tables, tmp_path / "b")
    for rel in first:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_csv_quotes_and_empty_cells(sample_package):
    text = (sample_package / "dataset/data/statements.csv").read_text("utf-8")
    assert '"Istanbul is very good, ""he"" said, and a comma"' in text
    assert text.endswith("\n") and "\r" not in text


@pytest.mark.parametrize("fail_after", [0, 3, 9])
def test_interrupted_build_keeps_previous_package(sample_package, tables, monkeypatch, fail_after):
    before = {p: p.read_bytes() for p in sample_package.rglob("*") if p.is_file()}
    calls = {"n": 0}
    real_write = pub._write

    def flaky(path, data):
        if calls["n"] == fail_after:
            raise OSError(28, "No space left on device")
        calls["n"] += 1
        real_write(path, data)

    monkeypatch.setattr(pub, "_write", flaky)
    changed = dict(tables, visits=[])
    with pytest.raises(pub.PublishError, match="could not write the package"):
        pub.publish(changed, sample_package)
    after = {p: p.read_bytes() for p in sample_package.rglob("*") if p.is_file()}
    assert after == before
    assert not list(sample_package.glob(".staging-*"))


def test_interrupt_during_swap_restores_data(sample_package, tables, monkeypatch):
    before = (sample_package / "datapackage.json").read_bytes()
    real_replace = pub.os.replace

    def failing(src, dst):
        if ".staging-" in str(src) and str(src).endswith("dataset/data"):
            raise OSError(5, "I/O error")
        real_replace(src, dst)

    monkeypatch.setattr(pub.os, "replace", failing)
    with pytest.raises(pub.PublishError):
        pub.publish(dict(tables, visits=[]), sample_package)
    assert (sample_package / "datapackage.json").read_bytes() == before
    assert validate_package(sample_package) == []

"""Release archives: reproducible bytes, every file listed with size and sha256, invalid packages refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from diplomatic_events.dataset.publish import publish
from diplomatic_events.dataset.release import FILES_KEY, ReleaseError, build_release
from diplomatic_events.schema import TABLES

EXTRAS = {"README.md", "CITATION.cff", "croissant.json", "figures/timeline.png", "figures/timeline.svg"}


@pytest.fixture
def archive(sample_package: Path, tmp_path: Path) -> Path:
    return build_release(sample_package, tmp_path / "out")


def test_archive_name_carries_the_version(archive: Path, sample_package: Path):
    version = json.loads((sample_package / "datapackage.json").read_text("utf-8"))["version"]
    assert archive.name == f"diplomatic-events-data-{version}.zip"


def test_two_builds_are_byte_identical(sample_package: Path, archive: Path, tmp_path: Path):
    again = build_release(sample_package, tmp_path / "again")
    assert again.read_bytes() == archive.read_bytes()


def test_entries_are_sorted_with_fixed_time_and_mode(archive: Path):
    infos = zipfile.ZipFile(archive).infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(2025, 5, 27, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_archive_holds_tables_card_citation_croissant_and_figures(archive: Path):
    names = set(zipfile.ZipFile(archive).namelist())
    for table in TABLES:
        assert {f"dataset/data/{table}.csv", f"dataset/data/{table}.parquet"} <= names
    assert EXTRAS | {"datapackage.json"} <= names


def test_descriptor_lists_every_other_file_with_size_and_hash(archive: Path):
    with zipfile.ZipFile(archive) as z:
        desc = json.loads(z.read("datapackage.json"))
        listed = {e["path"]: e for e in desc[FILES_KEY]}
        assert set(listed) == set(z.namelist()) - {"datapackage.json"}
        for path, entry in listed.items():
            data = z.read(path)
            assert entry["bytes"] == len(data)
            assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_release_of_an_empty_package(tmp_path: Path):
    publish({}, tmp_path / "empty")
    archive = build_release(tmp_path / "empty", tmp_path / "out")
    with zipfile.ZipFile(archive) as z:
        assert "figures/timeline.svg" in z.namelist()
        assert b"no dated records" in z.read("README.md")


def test_invalid_package_is_refused_and_nothing_written(sample_package: Path, tmp_path: Path):
    (sample_package / "dataset/data/visits.csv").write_text("broken\n", "utf-8")
    with pytest.raises(ReleaseError, match="invalid"):
        build_release(sample_package, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_release_writes_archive_and_croissant(sample_package: Path, tmp_path: Path, cli_env):
    import subprocess
    import sys

    code = "from diplomatic_events.cli import main; main()"
    croissant = tmp_path / "croissant.json"
    result = subprocess.run([sys.executable, "-c", code, "release", "--package", str(sample_package),
                             "--out", str(tmp_path / "rel"), "--croissant", str(croissant)],
                            capture_output=True, text=True, env=cli_env)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "rel").glob("diplomatic-events-data-*.zip"))
    assert json.loads(croissant.read_text("utf-8"))["@type"] == "sc:Dataset"


def test_cli_release_failure_is_one_line(sample_package: Path, tmp_path: Path, cli_env):
    import subprocess
    import sys

    (sample_package / "dataset/data/visits.csv").write_text("broken\n", "utf-8")
    code = "from diplomatic_events.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, "release", "--package", str(sample_package),
                             "--out", str(tmp_path / "rel")], capture_output=True, text=True, env=cli_env)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1 and len(lines) == 1 and "invalid" in lines[0], result.stderr

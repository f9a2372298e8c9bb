"""The committed package: what a fresh build gives, and what a plain wheel install can load."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from diplomatic_events.dataset.build import build
from diplomatic_events.dataset.validate import validate_package
from diplomatic_events.schema import TABLES

REPO = Path(__file__).resolve().parents[1]
CORE_EXTRA_FREE = ("yaml", "frictionless", "bs4", "lxml", "polars", "spacy", "matplotlib")


def test_committed_package_equals_fresh_build():
    result = build(REPO / "corpus", out=None, corrections=REPO / "corrections")
    assert result.files, "build rendered nothing"
    for rel, data in result.files.items():
        assert (REPO / rel).read_bytes() == data, f"{rel} is stale: run `diplomatic-events build` and commit"


def test_two_builds_are_byte_identical(tmp_path):
    build(REPO / "corpus", tmp_path / "a", corrections=REPO / "corrections")
    build(REPO / "corpus", tmp_path / "b", corrections=REPO / "corrections", jobs=2)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
                   and not p.name.startswith("."))
    assert files
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_committed_package_is_valid():
    assert validate_package(REPO) == []


def _requirement_closure(name: str) -> set[str]:
    """Return the distributions `name` needs without extras, itself excluded."""
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker and not req.marker.evaluate({"extra": ""}):
                continue
            key = re.sub(r"[-_.]+", "-", req.name).lower()
            if key not in seen:
                seen.add(key)
                todo.append(req.name)
    return seen


def _expose(dists: set[str], target: Path) -> None:
    """Symlink the installed files of `dists` (only those) into `target`."""
    target.mkdir()
    for name in dists:
        dist = metadata.distribution(name)
        tops = {Path(str(f)).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
        for top in tops:
            source = Path(dist.locate_file(top))
            if source.exists() and not (target / top).exists() and not top.endswith(".pth"):
                os.symlink(source, target / top)


@pytest.mark.skipif(not (REPO / "datapackage.json").exists(), reason="no committed package")
def test_wheel_without_extras_loads_every_table(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    wheel = next(wheels.glob("diplomatic_events-*.whl"))
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    core = tmp_path / "core"
    _expose(_requirement_closure("diplomatic-events"), core)
    (site / "core-deps.pth").write_text(str(core) + "\n", "utf-8")
    code = (
        "import diplomatic_events as de, importlib.util as u\n"
        f"assert not any(u.find_spec(m) for m in {CORE_EXTRA_FREE!r}), 'an extra is importable'\n"
        "assert 'site-packages' in de.__file__, de.__file__\n"
        "for t in de.tables(): print(t, len(de.load(t)))\n"
    )
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    printed = dict(line.split() for line in out.stdout.splitlines())
    assert set(printed) == set(TABLES)


def test_import_is_light(cli_env):
    code = ("import sys, diplomatic_events\n"
            "heavy = {'pydantic', 'pyarrow', 'pandas', 'polars', 'typer', 'yaml', 'frictionless', 'spacy'}\n"
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env, check=True)
    assert out.stdout.strip() == "[]"


def test_public_api_is_small():
    import diplomatic_events as de

    assert de.__all__ == ["__version__", "history", "load", "package", "tables"]
    for name in de.__all__:
        assert getattr(de, name) is not None
    assert de.tables() == list(TABLES)

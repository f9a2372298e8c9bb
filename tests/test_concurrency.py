"""Concurrent builds into one folder: the publish lock makes them take turns, one package wins whole."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplomatic_events.dataset.build import build
from diplomatic_events.dataset.publish import LOCK_FILE
from diplomatic_events.dataset.validate import validate_package

REPO = Path(__file__).resolve().parents[1]
CLI = "from diplomatic_events.cli import main; main()"
HOLD_LOCK = (
    "import sys; from pathlib import Path; from diplomatic_events.dataset.publish import locked\n"
    "with locked(Path(sys.argv[1])):\n"
    "    print('locked', flush=True); sys.stdin.readline()\n"
)


def corpus(folder: Path, copies: int) -> Path:
    """Write `copies` renamed copies of every seed article (and sidecar) into `folder`."""
    folder.mkdir()
    for n in range(copies):
        for seed in sorted((REPO / "corpus").glob("*.txt")):
            stem = f"c{n:03d}_{seed.stem}"
            shutil.copy(seed, folder / f"{stem}.txt")
            shutil.copy(seed.with_suffix(".json"), folder / f"{stem}.json")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != LOCK_FILE}


def cli(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_builds_into_one_folder(tmp_path: Path, cli_env, jobs: str):
    first, second = corpus(tmp_path / "first", 4), corpus(tmp_path / "second", 1)
    out = tmp_path / "out"
    expected = [build(c, None, corrections=tmp_path / "none").files for c in (first, second)]
    runs = [cli("build", "--corpus", str(c), "--out", str(out), "--jobs", jobs, "--corrections",
                str(tmp_path / "none"), env=cli_env) for c in (first, second)]
    for run in runs:
        _, err = run.communicate()
        assert run.returncode == 0, err
        assert "Traceback" not in err
    assert validate_package(out) == []
    assert files(out) in [dict(e) for e in expected]
    assert not list(out.glob(".staging-*"))


def test_many_builds_leave_one_package(tmp_path: Path, cli_env):
    corpora = [corpus(tmp_path / f"c{n}", n + 1) for n in range(3)]
    out = tmp_path / "out"
    runs = [cli("build", "--corpus", str(c), "--out", str(out), "--corrections", str(tmp_path / "none"),
                env=cli_env) for c in corpora]
    for run in runs:
        _, err = run.communicate()
        assert run.returncode == 0, err
    assert validate_package(out) == []
    assert not list(out.glob(".staging-*"))
    assert sorted(p.name for p in out.iterdir()) == sorted([LOCK_FILE, "datapackage.json", "dataset"])


def _try_lock(path: Path) -> bool:
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def test_lock_excludes_other_processes(tmp_path: Path, cli_env):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=cli_env)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert not _try_lock(out / LOCK_FILE)
        waiting = cli("build", "--corpus", str(REPO / "corpus"), "--out", str(out), env=cli_env)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait() == 0
        _, err = waiting.communicate()
        assert waiting.returncode == 0, err
    finally:
        if holder.poll() is None:
            holder.kill()
    assert _try_lock(out / LOCK_FILE)
    assert validate_package(out) == []

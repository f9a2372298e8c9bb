"""Every CLI command: a one-line summary, an Example, a README entry; failures are one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplomatic_events.cli import app

REPO = Path(__file__).resolve().parents[1]
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
runner = CliRunner()


def test_registry_is_not_empty():
    assert {"build", "validate", "info"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_summary_and_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    callback = next(c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command)
    doc = callback.__doc__ or ""
    summary = doc.strip().splitlines()[0] if doc.strip() else ""
    assert summary and summary.endswith("."), f"{command}: no one-line summary"
    assert "Example: diplomatic-events " + command in doc
    assert "Example:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_readme(command):
    readme = (REPO / "README.md").read_text("utf-8")
    assert f"diplomatic-events {command}" in readme, f"{command} is missing from README.md"


def _run(*args: str, cwd: Path | None = None, env=None) -> subprocess.CompletedProcess:
    code = "from diplomatic_events.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.mark.parametrize(
    "args, message",
    [
        (["validate", "/nonexistent/pkg"], "/nonexistent/pkg: no such package"),
        (["info", "/nonexistent/pkg"], "/nonexistent/pkg: no such package"),
        (["build", "--corpus", "/nonexistent/corpus", "--out", "{tmp}"], "/nonexistent/corpus"),
    ],
)
def test_failures_are_one_line(args, message, tmp_path, cli_env):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = _run(*args, env=cli_env)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reports_problems(sample_package, cli_env):
    (sample_package / "dataset/data/visits.csv").write_text("broken\n", "utf-8")
    result = _run("validate", str(sample_package), env=cli_env)
    assert result.returncode == 1
    assert "visits" in result.stdout and "problem(s)" in result.stderr


def test_validate_and_info_on_sample(sample_package, cli_env):
    ok = _run("validate", str(sample_package / "datapackage.json"), env=cli_env)
    assert ok.returncode == 0 and "valid" in ok.stdout
    info = _run("info", str(sample_package), env=cli_env)
    assert info.returncode == 0, info.stderr
    assert "visits" in info.stdout and "1 rows" in info.stdout
    assert "2025-05-01 .. 2025-05-31" in info.stdout


def test_build_is_quiet_without_a_terminal(tmp_path, cli_env):
    result = _run("build", "--corpus", str(REPO / "corpus"), "--out", str(tmp_path), env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr and "articles/s" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("built ")
    assert (tmp_path / "datapackage.json").exists()


def test_progress_on_a_terminal(monkeypatch, capsys):
    from diplomatic_events import cli

    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True)
    show = cli._progress()
    assert show is not None
    show(1, 2)
    show(2, 2)
    err = capsys.readouterr().err
    assert "\r2/2 articles" in err and "articles/s" in err and err.endswith("\n")

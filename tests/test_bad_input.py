"""Bad corpus input, end to end through build() and the CLI: one clear line, nothing lost.

Every case lives in CASES; the README's "Bad input" table is checked against the same registry.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from diplomatic_events.dataset.build import BuildError, build
from diplomatic_events.dataset.validate import validate_package

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "000_ba400b1fa624a0e1"
GOOD_TEXT = (
    "The weather in the capital was mild on Tuesday, forecasters said.\n\n"
    "Markets closed higher after a quiet session, traders said.\n"
)
DATED = b'{"published": "2025-05-24"}'


@dataclass(frozen=True)
class Case:
    """A bad input: the files it adds to a corpus, what the build does, and the message it gets."""

    name: str  # as the README table names it
    outcome: str  # skip | warn | fail | note | ok
    files: Callable[[Path], None]  # writes the bad input into the corpus folder
    culprit: str  # the file (or folder) the message must name, relative to the corpus' parent
    message: str  # what the message must say about it
    seed: bool = True  # whether the corpus also holds one good article
    heavy: bool = False  # slow input: checked through build() once, not again via CLI and --strict


def _write(files: dict[str, bytes]) -> Callable[[Path], None]:
    def make(corpus: Path) -> None:
        for name, data in files.items():
            (corpus / name).write_bytes(data)

    return make


def _big_article(corpus: Path) -> None:
    """Write a 10 MB article made of the seeds' paragraphs, repeated with numbered variations."""
    paragraphs = [p for seed in sorted((REPO / "corpus").glob("*.txt"))
                  for p in seed.read_text("utf-8").split("\n\n") if len(p.split()) > 12]
    out, size, n = [], 0, 0
    while size < 10_000_000:
        text = paragraphs[n % len(paragraphs)].replace(" the ", f" the {n % 97}th ", 1)
        out.append(text)
        size += len(text.encode("utf-8")) + 2
        n += 1
    (corpus / "big.txt").write_text("date 2025-05-24 " + "\n\n".join(out), "utf-8")


def _missing_corpus(corpus: Path) -> None:
    shutil.rmtree(corpus)


CASES = [
    Case("empty file", "skip", _write({"bad.txt": b""}), "corpus/bad.txt", "empty article"),
    Case("whitespace only", "skip", _write({"bad.txt": b" \r\n\t\n"}), "corpus/bad.txt", "empty article"),
    Case("binary file", "skip", _write({"bad.txt": bytes(range(256)) * 4}), "corpus/bad.txt", "binary file"),
    Case("control characters", "skip", _write({"bad.txt": b"\x01\x02\x03\x04 ab" * 20}), "corpus/bad.txt",
         "binary file"),
    Case("bad UTF-16 after a byte-order mark", "skip", _write({"bad.txt": b"\xff\xfe\x00\xd8a\x00"}),
         "corpus/bad.txt", "despite its byte-order mark"),
    Case("Windows-1252", "warn",
         _write({"a.txt": "“Talks went well,” the minister said on Tuesday.\n".encode("cp1252"), "a.json": DATED}),
         "corpus/a.txt", "decoded as Windows-1252"),
    Case("UTF-16 with BOM", "ok",
         _write({"a.txt": "\ufeff“Talks went well,” the minister said in Ankara.\n".encode("utf-16-le"),
                 "a.json": DATED}),
         "corpus/a.txt", ""),
    Case("mixed line endings", "ok",
         _write({"a.txt": GOOD_TEXT.replace("\n\n", "\r\n\r\n", 1).encode() + b"Prices rose.\r\rTrade fell.\n",
                 "a.json": DATED}),
         "corpus/a.txt", ""),
    Case("10 MB article", "ok", _big_article, "corpus/big.txt", "", heavy=True),
    Case("HTML with only scripts and styles", "skip",
         _write({"bad.html": b"<html><head><style>p{}</style></head><body><script>var x = 1;</script></body></html>"}),
         "corpus/bad.html", "no article text"),
    Case("sidecar not JSON", "skip", _write({"bad.txt": GOOD_TEXT.encode(), "bad.json": b"{published: 2025}"}),
         "corpus/bad.json", "not valid JSON"),
    Case("sidecar not a JSON object", "skip", _write({"bad.txt": GOOD_TEXT.encode(), "bad.json": b"[1, 2]"}),
         "corpus/bad.json", "not a JSON object"),
    Case("sidecar with a bad date", "skip",
         _write({"bad.txt": GOOD_TEXT.encode(), "bad.json": b'{"published": "2025-02-30"}'}),
         "corpus/bad.json", "not a valid date"),
    Case("sidecar date not YYYY-MM-DD", "skip",
         _write({"bad.txt": GOOD_TEXT.encode(), "bad.json": b'{"published": "24 May 2025"}'}),
         "corpus/bad.json", "is not a YYYY-MM-DD date"),
    Case("sidecar with unknown keys", "warn",
         _write({"a.txt": GOOD_TEXT.encode(), "a.json": b'{"published": "2025-05-24", "author": "X"}'}),
         "corpus/a.txt", "unknown keys ignored: author"),
    Case("sidecar without an article", "warn", _write({"orphan.json": DATED}), "corpus/orphan.json",
         "sidecar without an article"),
    Case("no date anywhere", "warn", _write({"a.txt": GOOD_TEXT.encode()}), "corpus/a.txt",
         "no publication date found"),
    Case("no engagements", "note", _write({"a.txt": GOOD_TEXT.encode(), "a.json": DATED}), "corpus/a.txt",
         "no visits, meetings or statements found"),
    Case("two articles with the same id", "fail",
         _write({"a.txt": GOOD_TEXT.encode(), "a.html": b"<p>" + GOOD_TEXT.encode() + b"</p>"}),
         "corpus/a.txt", "article id 'a' also used by a.html"),
    Case("no articles", "fail", _write({"notes.md": b"nothing here"}), "corpus", "no articles", seed=False),
    Case("every article skipped", "fail", _write({"bad.txt": b""}), "corpus", "every article was skipped",
         seed=False),
    Case("missing corpus folder", "fail", _missing_corpus, "corpus", "not a directory", seed=False),
]
IDS = [case.name for case in CASES]
LIGHT = [case for case in CASES if not case.heavy]
FAILING = [case for case in CASES if case.outcome in ("skip", "warn", "fail")]


def make_corpus(tmp_path: Path, case: Case) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if case.seed:
        for suffix in (".txt", ".json"):
            shutil.copy(SEED.with_suffix(suffix), corpus / SEED.with_suffix(suffix).name)
    case.files(corpus)
    return corpus


def lines_about(case: Case, tmp_path: Path, lines: list[str]) -> list[str]:
    culprit = str(tmp_path / case.culprit)
    return [line for line in lines if culprit in line and case.message in line]


def test_registry_covers_every_outcome():
    assert {case.outcome for case in CASES} == {"skip", "warn", "fail", "note", "ok"}
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_build(case: Case, tmp_path: Path):
    corpus = make_corpus(tmp_path, case)
    out = tmp_path / "out"
    if case.outcome == "fail":
        with pytest.raises(BuildError) as failure:
            build(corpus, out, corrections=tmp_path / "none")
        assert lines_about(case, tmp_path, [str(failure.value)]), failure.value
        assert "\n" not in str(failure.value)
        assert not (out / "datapackage.json").exists()
        return
    result = build(corpus, out, corrections=tmp_path / "none")
    said = {"skip": result.skipped, "warn": result.warnings, "note": result.notes}
    for outcome, lines in said.items():
        about = lines_about(case, tmp_path, lines) if case.message else []
        assert bool(about) is (case.outcome == outcome), (outcome, lines)
        assert all("\n" not in line for line in lines)
    if case.outcome == "ok":
        assert not result.skipped and not result.warnings, (result.skipped, result.warnings)
    sources = {s.source_id: s for s in result.tables["sources"]}
    culprit = tmp_path / case.culprit
    assert (culprit.stem in sources) is (case.outcome not in ("skip",) and culprit.suffix != ".json")
    assert validate_package(out) == []
    if case.heavy:
        assert sources[culprit.stem].characters > 9_000_000


@pytest.mark.parametrize("case", [c for c in LIGHT if c.outcome in ("skip", "warn")], ids=lambda c: c.name)
def test_strict_fails(case: Case, tmp_path: Path):
    corpus = make_corpus(tmp_path, case)
    with pytest.raises(BuildError, match="--strict") as failure:
        build(corpus, tmp_path / "out", strict=True, corrections=tmp_path / "none")
    assert lines_about(case, tmp_path, [str(failure.value)]), failure.value
    assert not (tmp_path / "out" / "datapackage.json").exists()


@pytest.mark.parametrize("case", [c for c in LIGHT if c.outcome in ("ok", "note")], ids=lambda c: c.name)
def test_strict_accepts(case: Case, tmp_path: Path):
    result = build(make_corpus(tmp_path, case), tmp_path / "out", strict=True, corrections=tmp_path / "none")
    assert result.articles == 2


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", [c for c in FAILING if not c.heavy], ids=lambda c: c.name)
def test_failed_build_leaves_previous_package(case: Case, tmp_path: Path):
    out = tmp_path / "out"
    good = tmp_path / "good"
    good.mkdir()
    for suffix in (".txt", ".json"):
        shutil.copy(SEED.with_suffix(suffix), good / SEED.with_suffix(suffix).name)
    build(good, out, corrections=tmp_path / "none")
    before = _files(out)
    corpus = make_corpus(tmp_path, case)
    with pytest.raises(BuildError):
        build(corpus, out, strict=True, corrections=tmp_path / "none")
    assert _files(out) == before
    assert not list(out.glob(".staging-*"))


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    code = "from diplomatic_events.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize("case", LIGHT, ids=[c.name for c in LIGHT])
def test_cli(case: Case, strict: bool, tmp_path: Path, cli_env):
    corpus = make_corpus(tmp_path, case)
    args = ["build", "--corpus", str(corpus), "--out", str(tmp_path / "out"),
            "--corrections", str(tmp_path / "none")] + (["--strict"] if strict else [])
    result = run_cli(*args, env=cli_env)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    fails = case.outcome == "fail" or (strict and case.outcome in ("skip", "warn"))
    if fails:
        assert result.returncode == 1
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
        assert str(tmp_path / case.culprit) in lines[0], result.stderr
        assert case.message in lines[0] or (strict and "--strict" in lines[0]), result.stderr
        return
    assert result.returncode == 0, result.stderr
    prefix = {"skip": "skipped: ", "warn": "warning: ", "note": "note: "}.get(case.outcome)
    if prefix:
        assert any(line.startswith(prefix) for line in lines_about(case, tmp_path, lines)), result.stderr
    summary = lines[-1]
    assert summary.startswith("built ") and f"({1 if case.outcome == 'skip' else 0} skipped" in summary


def test_readme_names_every_case():
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("## Bad input", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in section.splitlines() if line.startswith("| ")}
    for case in CASES:
        assert case.name in rows, f"README's Bad input table lacks {case.name!r}"
        assert f"**{case.outcome}**" in rows[case.name], f"README gives {case.name!r} the wrong outcome"
    assert set(rows) - {"input"} == set(IDS), "README lists a case the tests do not try"

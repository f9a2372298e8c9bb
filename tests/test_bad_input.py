"""Bad corpus input, end to end through build() and the CLI: one clear line, nothing lost.

Every case lives in CASES; the README's "Bad input" table is checked against the same registry.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from diplomatic_events.dataset.build import BuildError, build
from diplomatic_events.dataset.validate import validate_package
from diplomatic_events.schema import TABLES

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
    Case("10 MB article", "skip", _big_article, "corpus/big.txt", "too long for an article", heavy=True),
    Case("1 MB paragraph with an unclosed quotation", "ok",
         _write({"long.txt": ("“" + "Talks went well, the minister said. " * 30_000).encode(), "long.json": DATED}),
         "corpus/long.txt", "", heavy=True),
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
    if case.heavy and case.outcome == "ok":
        assert sources[culprit.stem].characters > 1_000_000


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


def test_unreadable_article_is_skipped(tmp_path: Path, monkeypatch):
    corpus = make_corpus(tmp_path, Case("x", "skip", _write({"locked.txt": GOOD_TEXT.encode()}), "", ""))
    real = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = build(corpus, tmp_path / "out", corrections=tmp_path / "none")
    assert result.skipped == [f"{corpus / 'locked.txt'}: unreadable (Permission denied)"]
    with pytest.raises(BuildError, match="locked.txt: unreadable"):
        build(corpus, tmp_path / "out", strict=True, corrections=tmp_path / "none")


def test_extraction_bug_fails_naming_the_article(tmp_path: Path, monkeypatch):
    from diplomatic_events.extract import pipeline

    corpus = make_corpus(tmp_path, Case("x", "ok", _write({}), "", ""))

    def broken(article):
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "extract_article", broken)
    with pytest.raises(BuildError, match=r"000_ba400b1fa624a0e1.txt: extraction failed \(KeyError"):
        build(corpus, tmp_path / "out", corrections=tmp_path / "none")
    assert not (tmp_path / "out" / "datapackage.json").exists()


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


# ------------------------------------------------------------------ packages given to load()


def _rewrite_parquet(pkg: Path, change: Callable) -> None:
    import pyarrow.parquet as pq

    path = pkg / "dataset/data/visits.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def _descriptor(pkg: Path, change: Callable[[dict], object]) -> None:
    desc = json.loads((pkg / "datapackage.json").read_text("utf-8"))
    (pkg / "datapackage.json").write_text(json.dumps(change(desc)), "utf-8")


def _visits_path(value: object) -> Callable[[dict], dict]:
    def change(desc: dict) -> dict:
        for res in desc["resources"]:
            if res["name"] == "visits-parquet":
                res["path"] = value
        return desc

    return change


def _symlink_file(pkg: Path, secret: Path) -> None:
    (pkg / "dataset/data/visits.parquet").unlink()
    os.symlink(secret, pkg / "dataset/data/visits.parquet")


def _symlink_folder(pkg: Path, secret: Path) -> None:
    shutil.rmtree(pkg / "dataset/data")
    os.symlink(secret.parent, pkg / "dataset/data")


def _rename_column(table):
    return table.rename_columns(["who" if n == "traveler_id" else n for n in table.column_names])


PACKAGE_CASES = {
    "missing Parquet file": (lambda pkg, secret: (pkg / "dataset/data/visits.parquet").unlink(), "not found"),
    "truncated Parquet": (lambda pkg, secret: (pkg / "dataset/data/visits.parquet").write_bytes(
        (pkg / "dataset/data/visits.parquet").read_bytes()[:100]), "not a readable Parquet file"),
    "descriptor not JSON": (lambda pkg, secret: (pkg / "datapackage.json").write_bytes(b"{nope"), "not JSON"),
    "descriptor a JSON list": (lambda pkg, secret: (pkg / "datapackage.json").write_bytes(b"[1, 2]"),
                               "not a data package"),
    "descriptor without resources": (lambda pkg, secret: _descriptor(pkg, lambda d: {"name": d["name"]}),
                                     "not a data package"),
    "no descriptor": (lambda pkg, secret: (pkg / "datapackage.json").unlink(), "datapackage.json: not found"),
    "no such package": (lambda pkg, secret: shutil.rmtree(pkg), "no such package"),
    "resource missing": (lambda pkg, secret: _descriptor(pkg, lambda d: {**d, "resources": [
        r for r in d["resources"] if r["name"] != "visits-parquet"]}), "no resource 'visits-parquet'"),
    "path with ..": (lambda pkg, secret: _descriptor(pkg, _visits_path("../outside/secret.parquet")),
                     "escapes the package"),
    "path ../../etc/passwd": (lambda pkg, secret: _descriptor(pkg, _visits_path("../../etc/passwd")),
                              "escapes the package"),
    "absolute path": (lambda pkg, secret: _descriptor(pkg, _visits_path(str(secret))), "not inside the package"),
    "remote URL": (lambda pkg, secret: _descriptor(pkg, _visits_path("https://example.org/visits.parquet")),
                   "not inside the package"),
    "file URL": (lambda pkg, secret: _descriptor(pkg, _visits_path(f"file://{secret}")), "not inside the package"),
    "path list": (lambda pkg, secret: _descriptor(pkg, _visits_path(["a.parquet", "b.parquet"])),
                  "is not a relative file path"),
    "symlink outside": (_symlink_file, "leads outside the package"),
    "symlinked data folder": (_symlink_folder, "leads outside the package"),
    "extra column": (lambda pkg, secret: _rewrite_parquet(pkg, lambda t: t.append_column("x", t.column(0))),
                     "unexpected: x"),
    "missing column": (lambda pkg, secret: _rewrite_parquet(pkg, lambda t: t.drop_columns(["city"])),
                       "missing: city"),
    "renamed column": (lambda pkg, secret: _rewrite_parquet(pkg, _rename_column),
                       "missing: traveler_id; unexpected: who"),
    "wrong column type": (lambda pkg, secret: _rewrite_parquet(
        pkg, lambda t: t.set_column(t.column_names.index("date_start"), "date_start",
                                    pa_array(["not a date"] * len(t)))), "column types differ"),
    "invalid row": (lambda pkg, secret: _rewrite_parquet(
        pkg, lambda t: t.set_column(t.column_names.index("status"), "status", pa_array(["happened"] * len(t)))),
        "visits (package"),
}


ROWS_ONLY = {"invalid row"}


def pa_array(values: list):
    import pyarrow as pa

    return pa.array(values, pa.string())


@pytest.fixture
def secret(tmp_path: Path, sample_package: Path) -> Path:
    """A valid visits Parquet file outside the package: reading it would make a bad load succeed."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(sample_package / "dataset/data/visits.parquet", outside / "secret.parquet")
    return outside / "secret.parquet"


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """Record every file opened through open(), pathlib or pyarrow's Parquet reader."""
    import builtins
    import io

    import pyarrow.parquet as pq

    seen: list[Path] = []
    real_open, real_path_open, real_read = builtins.open, Path.open, pq.read_table

    def record(target):
        if isinstance(target, (str, os.PathLike)):
            seen.append(Path(target).resolve())

    def spy_open(file, *args, **kwargs):
        record(file)
        return real_open(file, *args, **kwargs)

    def spy_path_open(self, *args, **kwargs):
        record(self)
        return real_path_open(self, *args, **kwargs)

    def spy_read(source, *args, **kwargs):
        record(source)
        return real_read(source, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(Path, "open", spy_path_open)
    monkeypatch.setattr(pq, "read_table", spy_read)
    return seen


@pytest.mark.parametrize("flavor", ["pandas", "records"])
@pytest.mark.parametrize("case", sorted(PACKAGE_CASES))
def test_load_refuses_bad_package(case: str, flavor: str, sample_package: Path, secret: Path, opened: list[Path]):
    import diplomatic_events as de
    from diplomatic_events.dataset.load import PackageError

    if case in ROWS_ONLY and flavor != "records":
        pytest.skip("only as_='records' validates row values")
    mangle, message = PACKAGE_CASES[case]
    mangle(sample_package, secret)
    opened.clear()
    with pytest.raises(PackageError) as failure:
        de.load("visits", as_=flavor, package=sample_package)
    text = str(failure.value)
    assert message in text and "\n" not in text, text
    assert str(sample_package) in text, text
    root = sample_package.resolve()
    assert secret.resolve() not in opened
    assert all(root in p.parents for p in opened), opened


@pytest.mark.parametrize("case", sorted(c for c in PACKAGE_CASES if "path" in c or "symlink" in c or "URL" in c))
def test_validate_reads_nothing_outside(case: str, sample_package: Path, secret: Path, opened: list[Path]):
    from diplomatic_events.dataset.validate import validate_package

    PACKAGE_CASES[case][0](sample_package, secret)
    opened.clear()
    problems = validate_package(sample_package)
    assert problems and PACKAGE_CASES[case][1] in problems[0], problems
    assert secret.resolve() not in opened
    assert all(sample_package.resolve() in p.parents for p in opened), opened


def test_load_puts_reordered_columns_in_schema_order(sample_package: Path, tables):
    import diplomatic_events as de

    _rewrite_parquet(sample_package, lambda t: t.select(list(reversed(t.column_names))))
    frame = de.load("visits", package=sample_package)
    assert list(frame.columns) == list(TABLES["visits"].model_fields)
    assert de.load("visits", as_="records", package=sample_package) == tables["visits"]


def test_load_unknown_table(sample_package: Path):
    import diplomatic_events as de
    from diplomatic_events.dataset.load import PackageError

    with pytest.raises(PackageError, match="unknown table 'visitz'"):
        de.load("visitz", package=sample_package)

"""The `diplomatic-events` command line."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Build, check and explore the diplomatic-events data package.",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Failure(Exception):
    """A command failed for a reason the user can act on."""


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _progress() -> Optional[callable]:
    """Return a progress printer when stderr is a terminal, else None (quiet in CI and pipes)."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()

    def show(done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - started, 1e-9)
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r{done}/{total} articles, {rate:.1f} articles/s" + end)
        sys.stderr.flush()

    return show


@app.command()
def build(
    corpus: Optional[Path] = typer.Option(None, help="Folder of articles (default: the bundled corpus)."),
    out: Path = typer.Option(Path("."), help="Where datapackage.json and dataset/data/ are written."),
    jobs: int = typer.Option(1, min=1, help="Worker processes for extraction."),
    strict: bool = typer.Option(False, help="Fail on any warning or skipped article instead of reporting it."),
    corrections: Optional[Path] = typer.Option(None, help="Folder of correction files (default: corrections/)."),
) -> None:
    """Extract the corpus and publish the data package (CSV, Parquet, datapackage.json).

    Example: diplomatic-events build --corpus corpus --out .
    """
    from .dataset.build import build as run

    result = run(corpus, out, jobs=jobs, strict=strict, corrections=corrections, progress=_progress())
    for warning in result.warnings:
        _say(f"warning: {warning}")
    for reason in result.skipped:
        _say(f"skipped: {reason}")
    for note in result.notes:
        _say(f"note: {note}")
    counts = ", ".join(f"{n} {name}" for name, n in result.counts().items())
    _say(f"built {out / 'datapackage.json'} from {result.articles} articles "
         f"({len(result.skipped)} skipped, {len(result.warnings)} warnings, {len(result.notes)} notes): {counts}")


@app.command()
def validate(
    path: Optional[Path] = typer.Argument(None, help="datapackage.json or its folder (default: the installed package)."),
) -> None:
    """Check a data package: schema, hashes, CSV = Parquet, keys, evidence.

    Example: diplomatic-events validate datapackage.json
    """
    from .dataset.load import package_dir
    from .dataset.validate import validate_package

    problems = validate_package(package_dir(path))
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise Failure(f"{path or 'installed package'}: {len(problems)} problem(s)")
    typer.echo(f"{path or 'installed package'}: valid")


@app.command()
def info(
    path: Optional[Path] = typer.Argument(None, help="datapackage.json or its folder (default: the installed package)."),
) -> None:
    """Show the package's version, tables, row counts and the dates it covers.

    Example: diplomatic-events info
    """
    from .dataset.load import load, package
    from .dataset.validate import coverage

    desc = package(path)
    tables = {}
    typer.echo(f"{desc.get('name')} {desc.get('version')}")
    for res in desc["resources"]:
        if res.get("format") == "parquet":
            name = res["name"].removesuffix("-parquet")
            tables[name] = load(name, as_="records", package=path)
            typer.echo(f"  {name:<22} {len(tables[name]):>6} rows")
    first, last = coverage(tables)
    typer.echo(f"  records dated {first or '-'} .. {last or '-'}")
    cover = desc.get("temporalCoverage", {})
    typer.echo(f"  articles published {cover.get('start', '-')} .. {cover.get('end', '-')}")


@app.command()
def extract(
    file: Path = typer.Argument(..., help="An article (.txt or .html), with its .json sidecar beside it if any."),
) -> None:
    """Print one article's actors and candidate records, with evidence, as JSON.

    Example: diplomatic-events extract corpus/001_1586734b2f680ffc.txt
    """
    import json

    from .extract.pipeline import extract_article, records_json
    from .extract.reader import read_article

    typer.echo(json.dumps(records_json(extract_article(read_article(file))), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold files in the format of GUIDELINES.md (one or more)."),
    corpus: Optional[Path] = typer.Option(None, help="Folder holding the gold articles (default: the bundled corpus)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of a report."),
) -> None:
    """Build the corpus in memory and score it against hand-coded gold articles.

    Example: diplomatic-events evaluate ../shared/gold/seeds.yaml --corpus corpus
    """
    import json

    from .dataset.build import build as run
    from .dataset.evaluate import evaluate_build, load_gold

    golds = [load_gold(path) for path in gold]
    result = run(corpus, None, write=False, keep_records=True, corrections=None)
    report = evaluate_build(golds, result)
    typer.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())


@app.command()
def diff(
    old: Path = typer.Argument(..., help="The previous package (folder or datapackage.json)."),
    new: Path = typer.Argument(Path("."), help="The rebuilt package (default: the current folder)."),
) -> None:
    """List records added, removed and changed (field by field) between two packages; exit 1 if any.

    Example: diplomatic-events diff /tmp/previous-package .
    """
    from .dataset.diff import diff_packages
    from .dataset.load import package_dir

    result = diff_packages(package_dir(old), package_dir(new))
    typer.echo(result.render())
    if not result.empty:
        raise typer.Exit(1)


@app.command()
def release(
    out: Path = typer.Option(Path("release"), help="Folder the archive is written to."),
    package: Optional[Path] = typer.Option(None, help="datapackage.json or its folder (default: the installed package)."),
    evaluation: Optional[Path] = typer.Option(None, help="JSON file of evaluation scores for the dataset card."),
    croissant: Optional[Path] = typer.Option(None, help="Also write the Croissant JSON-LD to this file."),
) -> None:
    """Validate the package and pack it into a reproducible release archive.

    Example: diplomatic-events release --package . --out release
    """
    import json

    from .dataset.croissant import croissant as describe
    from .dataset.load import package_dir, read_descriptor
    from .dataset.release import build_release

    scores = None
    if evaluation is not None:
        try:
            scores = json.loads(evaluation.read_text("utf-8"))
        except ValueError as exc:
            raise Failure(f"{evaluation}: not JSON ({exc})") from None
    target = build_release(package_dir(package), out, scores)
    if croissant is not None:
        directory = package_dir(package)
        text = json.dumps(describe(read_descriptor(directory), directory), indent=2, ensure_ascii=False)
        croissant.write_text(text + "\n", "utf-8")
    _say(f"released {target} ({target.stat().st_size} bytes)")


def _download_progress():
    """Return a byte-count progress printer when stderr is a terminal, else None."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: Optional[int]) -> None:
        of = f" of {total / 1e6:.1f}" if total else ""
        sys.stderr.write(f"\r{done / 1e6:.1f}{of} MB")
        sys.stderr.flush()

    return show


@app.command()
def download(
    version: Optional[str] = typer.Option(None, help="Data version to fetch (default: this package's)."),
    url: Optional[str] = typer.Option(None, help="Archive URL or file (default: $DIPLOMATIC_EVENTS_RELEASE_URL or the GitHub release)."),
    to: Path = typer.Option(Path("diplomatic-events-data"), help="Folder the verified package is installed in."),
) -> None:
    """Download a release archive, verify every file, and install it in a folder.

    Example: diplomatic-events download --version 0.1.0 --to data
    """
    from .dataset.download import download as fetch

    show = _download_progress()
    target = fetch(url=url, version=version, to=to, progress=show)
    if show:
        sys.stderr.write("\n")
    _say(f"installed {target}; load it with diplomatic_events.load(name, package={str(target)!r})")


def _known_errors() -> tuple[type[BaseException], ...]:
    from .dataset.build import BuildError
    from .dataset.corrections import CorrectionError
    from .dataset.download import DownloadError
    from .dataset.evaluate import GoldError
    from .dataset.load import PackageError
    from .dataset.publish import PublishError
    from .dataset.release import ReleaseError

    found: list[type[BaseException]] = [Failure, BuildError, CorrectionError, GoldError, PackageError, PublishError,
                                        ReleaseError, DownloadError, OSError]
    try:
        from .extract.reader import CorpusError

        found.append(CorpusError)
    except ImportError:
        pass
    return tuple(found)


def main() -> None:
    """Run the CLI; print one line instead of a traceback on failure."""
    try:
        app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _say("aborted")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the CLI's contract is one line, no traceback
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if os.environ.get("DIPLOMATIC_EVENTS_DEBUG"):
            raise
        known = isinstance(exc, _known_errors())
        _say(f"error: {exc}" if known else f"error: {type(exc).__name__}: {exc}")
        sys.exit(1)

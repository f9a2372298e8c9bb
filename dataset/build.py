"""The main job: corpus -> extraction -> merge -> corrections -> published package."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Optional

from ..extract.types import ArticleRecords
from ..schema import Row

Progress = Callable[[int, int], None]


class BuildError(Exception):
    """The build stopped; the previously published package is untouched."""


@dataclass
class BuildResult:
    """What a build produced and what it had to say about its input."""

    tables: dict[str, list[Row]]
    articles: int
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    records: list = field(default_factory=list)  # per-article ArticleRecords, when asked for

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def bundled(name: str) -> Path:
    """Return a folder of the repository the package was installed from (corpus/, corrections/)."""
    return Path(str(resources.files("diplomatic_events").joinpath(name)))


def default_corpus() -> Path:
    path = bundled("corpus")
    if not path.is_dir():
        raise BuildError(f"{path}: no bundled corpus in this installation; pass --corpus DIR")
    return path


STRICT = "(--strict turns warnings and skips into failures)"


@dataclass
class Extracted:
    """One article's outcome: its slimmed records and sources row, or why it was skipped."""

    path: Path
    records: Optional[ArticleRecords] = None
    source: Optional[Row] = None
    skipped: Optional[str] = None


def slim(records: ArticleRecords) -> ArticleRecords:
    """Return `records` without the article text merging does not read.

    Merging cites, for an actor mention, the sentence that contains it; every other sentence and
    the raw text (only its length is published, in the sources row) can go, so a build holds one
    article's text at a time rather than the whole corpus.
    """
    sentences = records.article.sentences
    starts = [s.start for s in sentences]
    cited = set()
    for mention in records.actor_mentions:
        i = bisect.bisect_right(starts, mention.span.start) - 1
        if i >= 0 and sentences[i].end >= mention.span.end:
            cited.add(i)
    article = replace(records.article, raw="", sentences=tuple(sentences[i] for i in sorted(cited)))
    return replace(records, article=article)


def _extract_one(path: Path) -> Extracted:
    """Read and extract one article; a problem with its files makes it a skip naming the file."""
    from ..extract.pipeline import extract_article
    from ..extract.reader import CorpusError, read_article
    from .merge import source_row

    try:
        article = read_article(path)
    except CorpusError as exc:
        return Extracted(path, skipped=str(exc))
    except OSError as exc:
        return Extracted(path, skipped=f"{path}: unreadable ({exc.strerror or exc})")
    try:
        records = extract_article(article)
    except Exception as exc:  # a bug must stop the build, named, not vanish as a skip
        raise BuildError(f"{path}: extraction failed ({type(exc).__name__}: {exc})") from None
    return Extracted(path, slim(records), source_row(records))


def extract_corpus(paths: Sequence[Path], jobs: int = 1, progress: Optional[Progress] = None) -> Iterator[Extracted]:
    """Yield each article's extraction outcome in corpus order, using `jobs` processes."""
    total = len(paths)
    if jobs <= 1 or total < 2:
        for done, path in enumerate(paths, start=1):
            yield _extract_one(path)
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done, outcome in enumerate(pool.map(_extract_one, paths, chunksize=8), start=1):
            yield outcome
            if progress:
                progress(done, total)


def _article_warnings(records: ArticleRecords) -> list[str]:
    return [f"{records.article.path}: {w}" for w in records.article.warnings]


def _engagements(records: ArticleRecords) -> int:
    return len(records.visits) + len(records.meetings) + len(records.statements)


def _paths(corpus: Path) -> list[Path]:
    """Return the corpus's article files; a missing corpus, no articles or a duplicate id fail."""
    from ..extract.reader import CorpusError, article_paths

    try:
        paths = article_paths(corpus)
    except CorpusError as exc:
        raise BuildError(str(exc)) from None
    except OSError as exc:
        raise BuildError(f"{corpus}: unreadable corpus ({exc.strerror or exc})") from None
    if not paths:
        raise BuildError(f"{corpus}: no articles (*.txt, *.html, *.htm) in the corpus")
    return paths


def _check_strict(strict: bool, problems: Sequence[str]) -> None:
    if strict and problems:
        raise BuildError(f"{problems[0]} {STRICT}")


def build(
    corpus: Optional[Path] = None,
    out: Optional[Path] = None,
    *,
    jobs: int = 1,
    strict: bool = False,
    corrections: Optional[Path] = None,
    progress: Optional[Progress] = None,
    write: bool = True,
    keep_records: bool = False,
) -> BuildResult:
    """Extract every corpus article, merge, apply corrections and publish the package.

    Per-article problems skip the article; corpus-level problems raise BuildError; `strict` turns
    every skip and warning into a BuildError. Nothing is written unless the whole build succeeds.
    """
    from .merge import merge
    from .publish import publish, render

    corpus = Path(corpus) if corpus else default_corpus()
    paths = _paths(corpus)
    ids = {p.stem for p in paths}
    warnings = [f"{s}: sidecar without an article" for s in sorted(corpus.glob("*.json")) if s.stem not in ids]
    _check_strict(strict, warnings)
    articles, sources, skipped, notes = [], [], [], []
    for outcome in extract_corpus(paths, jobs=jobs, progress=progress):
        if outcome.skipped is not None:
            _check_strict(strict, [outcome.skipped])
            skipped.append(outcome.skipped)
            continue
        found = _article_warnings(outcome.records)
        _check_strict(strict, found)
        warnings += found
        if not _engagements(outcome.records):
            notes.append(f"{outcome.path}: no visits, meetings or statements found")
        articles.append(outcome.records)
        sources.append(outcome.source)
    if not articles:
        raise BuildError(f"{corpus}: every article was skipped ({len(skipped)}); nothing to publish")
    try:
        tables = merge(articles)
    except ValueError as exc:
        raise BuildError(f"{corpus}: records could not be merged ({exc})") from None
    tables["sources"] = sorted(sources, key=lambda row: row.source_id)
    tables, stale = _apply_corrections(tables, corrections)
    _check_strict(strict, stale)
    warnings += stale
    files = publish(tables, Path(out)) if write and out is not None else render(tables)
    return BuildResult(tables=tables, articles=len(articles), warnings=warnings, skipped=skipped, notes=notes,
                       files=files, records=articles if keep_records else [])


def _apply_corrections(tables: dict[str, list[Row]], directory: Optional[Path]) -> tuple[dict[str, list[Row]], list[str]]:
    from . import corrections as fixes

    directory = directory if directory is not None else bundled("corrections")
    if not directory.is_dir():
        return tables, []
    entries = fixes.load_corrections(directory)
    if not entries:
        return tables, []
    tables, report = fixes.apply_corrections(tables, entries)
    return tables, [f"stale {c.where} ({c.op}): {why}" for c, why in report.stale]

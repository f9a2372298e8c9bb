"""The main job: corpus -> extraction -> merge -> corrections -> published package."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Optional

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


def _extract_one(path: Path):
    """Return (records, None), or (None, reason) for an article the build must skip."""
    from ..extract.pipeline import extract_article
    from ..extract.reader import CorpusError, read_article

    try:
        return extract_article(read_article(path)), None
    except CorpusError as exc:
        return None, str(exc)


def extract_corpus(paths: Sequence[Path], jobs: int = 1, progress: Optional[Progress] = None) -> Iterator:
    """Yield (records, skip reason) for each article in corpus order, using `jobs` processes."""
    total = len(paths)
    if jobs <= 1 or total < 2:
        for done, path in enumerate(paths, start=1):
            yield _extract_one(path)
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done, records in enumerate(pool.map(_extract_one, paths, chunksize=8), start=1):
            yield records
            if progress:
                progress(done, total)


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
    """Extract every corpus article, merge, apply corrections, validate and publish the package."""
    from ..extract.reader import CorpusError, article_paths
    from .merge import merge
    from .publish import publish, render

    corpus = Path(corpus) if corpus else default_corpus()
    try:
        paths = article_paths(corpus)
    except CorpusError as exc:
        raise BuildError(str(exc)) from None
    if not paths:
        raise BuildError(f"{corpus}: no articles (*.txt, *.html) in the corpus")
    ids = {p.stem for p in paths}
    orphans = [f"{s}: sidecar without an article" for s in sorted(corpus.glob("*.json")) if s.stem not in ids]
    articles, skipped = [], []
    for records, reason in extract_corpus(paths, jobs=jobs, progress=progress):
        if reason is not None:
            if strict:
                raise BuildError(reason)
            skipped.append(reason)
        else:
            articles.append(records)
    warnings = orphans + [w for a in articles for w in a.article.warnings]
    if strict and warnings:
        raise BuildError(f"{warnings[0]} (--strict turns warnings into failures)")
    tables = merge(articles)
    tables, notes = _apply_corrections(tables, corrections)
    warnings += notes
    if strict and notes:
        raise BuildError(f"{notes[0]} (--strict turns warnings into failures)")
    files = publish(tables, Path(out)) if write and out is not None else render(tables)
    return BuildResult(tables=tables, articles=len(articles), warnings=warnings, skipped=skipped, files=files,
                       records=articles if keep_records else [])


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

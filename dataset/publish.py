"""Write tables as CSV + Parquet with a Data Package descriptor, atomically and deterministically."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..schema import MODELS, Row, arrow_schema, table_schema

# Data version (semver): major = schema change, minor = new records, patch = corrections.
DATA_VERSION = "0.1.0"
PACKAGE_NAME = "diplomatic-events"
DATA_DIR = "dataset/data"
DESCRIPTOR = "datapackage.json"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
LOCK_FILE = ".diplomatic-events.lock"
# frictionless reads Parquet without counting bytes, so a standard `bytes` on a Parquet resource
# always fails its check; the size goes under this name instead (our validator checks it).
PARQUET_SIZE_KEY = "x-bytes"


class PublishError(Exception):
    """The package could not be written; the previous one is untouched."""


def cell(value: Any) -> str:
    """Return the CSV text of one value (empty for missing)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_bytes(model: type[Row], rows: Sequence[Row]) -> bytes:
    """Return a table as UTF-8 CSV with a header, LF line ends and minimal quoting."""
    names = list(model.model_fields)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell(getattr(row, name)) for name in names])
    return out.getvalue().encode("utf-8")


def parquet_bytes(model: type[Row], rows: Sequence[Row]) -> bytes:
    """Return a table as Parquet with the Arrow schema the model defines."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(model)
    columns = {name: [getattr(r, name) for r in rows] for name in schema.names}
    table = pa.Table.from_pydict(columns, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", write_statistics=True, store_schema=False)
    return sink.getvalue()


def _file_facts(data: bytes, size_key: str = "bytes") -> dict[str, Any]:
    return {size_key: len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _resources(files: Mapping[str, bytes]) -> list[dict[str, Any]]:
    resources = []
    for model in MODELS:
        meta, schema = model.table, table_schema(model)
        base = {"title": meta.title, "description": meta.description}
        csv_path, pq_path = f"{DATA_DIR}/{meta.name}.csv", f"{DATA_DIR}/{meta.name}.parquet"
        resources.append(
            {"name": meta.name, "type": "table", "path": csv_path, "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", **base, **_file_facts(files[csv_path]), "schema": schema}
        )
        resources.append(
            {"name": f"{meta.name}-parquet", "type": "table", "path": pq_path, "format": "parquet",
             "mediatype": PARQUET_MEDIATYPE, **base, **_file_facts(files[pq_path], PARQUET_SIZE_KEY),
             "schema": schema}
        )
    return resources


def descriptor(tables: Mapping[str, Sequence[Row]], files: Mapping[str, bytes]) -> dict[str, Any]:
    """Return the Data Package v2 descriptor of the tables and their written files."""
    from .. import __version__

    sources = tables.get("sources", [])
    published = sorted(s.published for s in sources if s.published)
    publishers = sorted({s.publisher for s in sources if s.publisher})
    created = f"{published[-1].isoformat()}T00:00:00Z" if published else None
    desc: dict[str, Any] = {
        "$schema": PACKAGE_PROFILE,
        "name": PACKAGE_NAME,
        "title": "Diplomatic events: visits, meetings and statements extracted from news",
        "description": (
            "High-level diplomatic engagements (visits, meetings, statements) and the actors in them, "
            "extracted from news articles; every record is traceable to the sentences that support it."
        ),
        "version": DATA_VERSION,
        "homepage": "https://github.com/diplomatic-events/diplomatic-events",
        "keywords": ["diplomacy", "event data", "visits", "meetings", "statements"],
        "licenses": [DATA_LICENSE],
        "contributors": [{"title": "diplomatic-events contributors", "roles": ["creator"]}],
        "sources": [{"title": name} for name in publishers],
        "temporalCoverage": {"start": published[0].isoformat(), "end": published[-1].isoformat()} if published else None,
        "generator": f"diplomatic-events {__version__}",
        "resources": _resources(files),
    }
    if created:
        desc["created"] = created
    return {k: v for k, v in desc.items() if v is not None}


def render(tables: Mapping[str, Sequence[Row]]) -> dict[str, bytes]:
    """Return every file of the package (relative path -> bytes), descriptor included."""
    files: dict[str, bytes] = {}
    for model in MODELS:
        rows = tables.get(model.table.name, [])
        files[f"{DATA_DIR}/{model.table.name}.csv"] = csv_bytes(model, rows)
        files[f"{DATA_DIR}/{model.table.name}.parquet"] = parquet_bytes(model, rows)
    text = json.dumps(descriptor(tables, files), indent=2, ensure_ascii=False) + "\n"
    files[DESCRIPTOR] = text.encode("utf-8")
    return files


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on `out` so that concurrent builds publish one after the other."""
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_package(files: Mapping[str, bytes], out: Path) -> None:
    """Write the package into `out`, replacing the previous one only once every file is written."""
    out = Path(out)
    with locked(out):
        stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
        try:
            for rel, data in sorted(files.items()):
                _write(stage / rel, data)
            _swap(stage, out)
        except BaseException as exc:
            shutil.rmtree(stage, ignore_errors=True)
            if isinstance(exc, OSError):
                raise PublishError(f"{out}: could not write the package ({exc.strerror or exc})") from exc
            raise
        shutil.rmtree(stage, ignore_errors=True)


def _swap(stage: Path, out: Path) -> None:
    """Move the staged data directory and descriptor into place (two renames, data first)."""
    target = out / DATA_DIR
    target.parent.mkdir(parents=True, exist_ok=True)
    old = stage / "previous-data"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(stage / DATA_DIR, target)
    except BaseException:
        if old.exists():
            os.replace(old, target)
        raise
    os.replace(stage / DESCRIPTOR, out / DESCRIPTOR)


def publish(tables: Mapping[str, Sequence[Row]], out: Path) -> dict[str, bytes]:
    """Render and write the package; return the files written."""
    files = render(tables)
    write_package(files, out)
    return files

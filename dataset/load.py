"""Read the packaged tables: the installed package by default, or a package directory."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional, Union

from ..schema import TABLES, arrow_schema

Flavor = Literal["pandas", "arrow", "polars", "records"]
PathLike = Union[str, Path]


class PackageError(Exception):
    """The data package is missing, malformed or unsafe to read."""


def package_dir(package: Optional[PathLike] = None) -> Path:
    """Return the directory of a package: a descriptor's folder, a directory, or the installed one."""
    if package is None:
        return Path(str(resources.files("diplomatic_events")))
    path = Path(package)
    if path.is_dir():
        return path
    if path.name.endswith(".json") and path.exists():
        return path.parent
    raise PackageError(f"{path}: no such package (give a directory holding datapackage.json, or the file)")


def read_descriptor(directory: Path) -> dict[str, Any]:
    """Return the parsed datapackage.json of a package directory."""
    path = directory / "datapackage.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackageError(f"{path}: not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackageError(f"{path}: unreadable ({exc})") from None
    try:
        desc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackageError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        raise PackageError(f"{path}: not a data package (no 'resources' list)")
    return desc


def safe_path(directory: Path, rel: Any) -> Path:
    """Return a resource's file, refusing URLs, absolute paths and anything outside the package."""
    if not isinstance(rel, str) or not rel:
        raise PackageError(f"{directory}: resource path {rel!r} is not a relative file path")
    if "://" in rel or rel.startswith(("/", "\\")) or Path(rel).is_absolute():
        raise PackageError(f"{directory}: resource path {rel!r} is not inside the package")
    if ".." in Path(rel).parts:
        raise PackageError(f"{directory}: resource path {rel!r} escapes the package")
    root = directory.resolve()
    full = (directory / rel).resolve()
    if root != full and root not in full.parents:
        raise PackageError(f"{directory}: resource path {rel!r} leads outside the package")
    return full


def resource(desc: dict[str, Any], name: str) -> dict[str, Any]:
    """Return the resource called `name` in a descriptor."""
    for res in desc["resources"]:
        if isinstance(res, dict) and res.get("name") == name:
            return res
    raise PackageError(f"no resource {name!r} in the package")


def read_arrow(name: str, package: Optional[PathLike] = None):
    """Return one table as a pyarrow Table read from its Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if name not in TABLES:
        raise PackageError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
    directory = package_dir(package)
    desc = read_descriptor(directory)
    try:
        res = resource(desc, f"{name}-parquet")
    except PackageError as exc:
        raise PackageError(f"{directory / 'datapackage.json'}: {exc}") from None
    path = safe_path(directory, res.get("path"))
    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        raise PackageError(f"{path}: not found") from None
    except (OSError, pa.ArrowException) as exc:
        raise PackageError(f"{path}: not a readable Parquet file ({exc})") from None
    return conform(table, name, path)


def conform(table, name: str, path: Path):
    """Return `table` with the columns and types of its schema, in order; else raise PackageError."""
    import pyarrow as pa

    expected = arrow_schema(TABLES[name])
    missing = [n for n in expected.names if n not in table.column_names]
    unexpected = [n for n in table.column_names if n not in expected.names]
    if missing or unexpected or len(set(table.column_names)) != len(table.column_names):
        raise PackageError(f"{path}: columns differ from the {name} schema "
                           f"(missing: {', '.join(missing) or '-'}; unexpected: {', '.join(unexpected) or '-'})")
    if table.column_names != expected.names:
        table = table.select(expected.names)
    if [f.type for f in table.schema] != [f.type for f in expected]:
        try:
            table = table.cast(expected)
        except (pa.ArrowException, ValueError, TypeError) as exc:
            raise PackageError(f"{path}: column types differ from the {name} schema ({exc})") from None
    return table


def load(name: str, as_: Flavor = "pandas", package: Optional[PathLike] = None):
    """Return a table of the data package as pandas, arrow, polars or validated records."""
    table = read_arrow(name, package)
    if as_ == "arrow":
        return table
    if as_ == "pandas":
        return table.to_pandas()
    if as_ == "polars":
        import polars as pl

        return pl.from_arrow(table)
    if as_ == "records":
        return _records(name, table, package)
    raise ValueError(f"as_ must be one of pandas, arrow, polars, records, not {as_!r}")


def _records(name: str, table, package: Optional[PathLike]) -> list[Any]:
    """Return the rows of `table` as validated models; an invalid row raises PackageError."""
    from pydantic import ValidationError

    model = TABLES[name]
    rows = []
    for number, row in enumerate(table.to_pylist(), start=1):
        try:
            rows.append(model.model_validate(row))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "row"
            raise PackageError(f"{name} (package {package or 'installed'}) row {number}: {where}: {err['msg']}") from None
    return rows


def package(package: Optional[PathLike] = None) -> dict[str, Any]:
    """Return the data package descriptor (datapackage.json) as a dict."""
    return read_descriptor(package_dir(package))

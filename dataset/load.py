"""Read the packaged tables: the installed package by default, or a package directory."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional, Union

from ..schema import TABLES

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
    res = resource(read_descriptor(directory), f"{name}-parquet")
    path = safe_path(directory, res.get("path"))
    try:
        return pq.read_table(path)
    except FileNotFoundError:
        raise PackageError(f"{path}: not found") from None
    except (OSError, pa.ArrowException) as exc:
        raise PackageError(f"{path}: not a readable Parquet file ({exc})") from None


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
        model = TABLES[name]
        return [model.model_validate(row) for row in table.to_pylist()]
    raise ValueError(f"as_ must be one of pandas, arrow, polars, records, not {as_!r}")


def package(package: Optional[PathLike] = None) -> dict[str, Any]:
    """Return the data package descriptor (datapackage.json) as a dict."""
    return read_descriptor(package_dir(package))

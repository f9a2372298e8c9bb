"""Pack a validated data package into a reproducible, self-describing release archive."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional

from .card import FIGURE_PNG, FIGURE_SVG, render_card
from .citation import CITATION_FILE, citation_cff
from .croissant import CROISSANT_FILE, croissant
from .load import PackageError, package_dir as resolve, read_descriptor, safe_path
from .publish import DESCRIPTOR

CARD_FILE = "README.md"
FILES_KEY = "x-files"  # every file of the archive but the descriptor: path, bytes, sha256 hash
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
UNIX = 3


class ReleaseError(Exception):
    """The release archive could not be made; nothing was written."""


def archive_name(version: str) -> str:
    return f"diplomatic-events-data-{version}.zip"


def file_entry(path: str, data: bytes) -> dict[str, Any]:
    """Return the descriptor's record of one archived file."""
    return {"path": path, "bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def _timestamp(desc: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    try:
        created = dt.datetime.fromisoformat(str(desc.get("created", "")).replace("Z", "+00:00"))
    except ValueError:
        return ZIP_EPOCH
    stamp = created.timetuple()[:6]
    return stamp if stamp >= ZIP_EPOCH else ZIP_EPOCH


def _figures(directory: Path) -> dict[str, bytes]:
    from .figure import timeline

    with tempfile.TemporaryDirectory(prefix="de-figure-") as tmp:
        png, svg = Path(tmp) / "timeline.png", Path(tmp) / "timeline.svg"
        timeline(directory, png, svg)
        return {FIGURE_PNG: png.read_bytes(), FIGURE_SVG: svg.read_bytes()}


def _table_files(directory: Path, desc: dict[str, Any]) -> dict[str, bytes]:
    files = {}
    for res in desc["resources"]:
        files[res["path"]] = safe_path(directory, res["path"]).read_bytes()
    return files


def release_files(package_dir: Path, evaluation: Optional[Mapping[str, Any]] = None) -> dict[str, bytes]:
    """Return every file of the release (archive path -> bytes), the descriptor last written."""
    from .validate import validate_package

    directory = resolve(package_dir)
    problems = validate_package(directory)
    if problems:
        raise ReleaseError(f"{directory}: not released, the package is invalid ({len(problems)} problem(s); "
                           f"first: {problems[0]})")
    desc = read_descriptor(directory)
    files = _table_files(directory, desc)
    files.update(_figures(directory))
    files[CARD_FILE] = render_card(directory, evaluation).encode("utf-8")
    files[CITATION_FILE] = citation_cff(desc).encode("utf-8")
    files[CROISSANT_FILE] = (json.dumps(croissant(desc, directory), indent=2, ensure_ascii=False) + "\n").encode()
    released = {k: v for k, v in desc.items() if k != FILES_KEY}
    released[FILES_KEY] = [file_entry(path, files[path]) for path in sorted(files)]
    files[DESCRIPTOR] = (json.dumps(released, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_zip(files: Mapping[str, bytes], target: Path, stamp: tuple[int, ...] = ZIP_EPOCH) -> None:
    """Write `files` as a zip with sorted entries, fixed time and mode: same input, same bytes."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, files[path], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def build_release(package_dir: Path, out_dir: Path, evaluation: Optional[Mapping[str, Any]] = None) -> Path:
    """Validate a package and write out_dir/diplomatic-events-data-VERSION.zip; return its path."""
    try:
        files = release_files(package_dir, evaluation)
    except (PackageError, OSError) as exc:
        raise ReleaseError(f"{package_dir}: cannot release ({exc})") from None
    desc = json.loads(files[DESCRIPTOR])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / archive_name(desc["version"])
    handle, temp = tempfile.mkstemp(prefix=".release-", suffix=".zip", dir=out_dir)
    os.close(handle)
    try:
        write_zip(files, Path(temp), _timestamp(desc))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target

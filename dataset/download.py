"""Fetch a release archive, check every file against its descriptor, then install it atomically."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, Optional

from .publish import DATA_VERSION, DESCRIPTOR
from .release import FILES_KEY, archive_name

RELEASE_URL_TEMPLATE = (
    "https://github.com/diplomatic-events/diplomatic-events/releases/download/data-v{version}/"
    "diplomatic-events-data-{version}.zip"
)
URL_ENV = "DIPLOMATIC_EVENTS_RELEASE_URL"
DEFAULT_TARGET = Path("diplomatic-events-data")
CHUNK = 1 << 20
TIMEOUT = 60
DRIVE = re.compile(r"^[A-Za-z]:")

Progress = Callable[[int, Optional[int]], None]


class DownloadError(Exception):
    """The release could not be fetched or failed its checks; nothing was kept."""


def release_url(url: Optional[str] = None, version: Optional[str] = None) -> str:
    """Return the archive URL: the argument, else $DIPLOMATIC_EVENTS_RELEASE_URL, else the template."""
    template = url or os.environ.get(URL_ENV) or RELEASE_URL_TEMPLATE
    located = template.replace("{version}", version or DATA_VERSION)
    return located if "://" in located else Path(located).resolve().as_uri()


def fetch(url: str, into: Path, progress: Optional[Progress] = None) -> int:
    """Stream `url` into the file `into`; refuse a body shorter or longer than its Content-Length."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response, open(into, "wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            done = 0
            while chunk := response.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    except http.client.IncompleteRead as exc:
        raise DownloadError(f"{url}: truncated download ({len(exc.partial)} more bytes then the connection closed)") from None
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DownloadError(f"{url}: cannot fetch ({exc.reason})") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise DownloadError(f"{url}: cannot fetch ({exc})") from None
    if total is not None and done != total:
        raise DownloadError(f"{url}: truncated download ({done} of {total} bytes)")
    return done


def unsafe_name(name: str) -> Optional[str]:
    """Return why an archive entry name could write outside the target, or None if it is safe."""
    if not name or name.startswith(("/", "\\")) or DRIVE.match(name):
        return "absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "path leads outside the target ('..')"
    if "\x00" in name:
        return "NUL in the name"
    return None


def _check_entries(archive: zipfile.ZipFile, where: str) -> dict[str, zipfile.ZipInfo]:
    files: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        why = unsafe_name(info.filename)
        if why:
            raise DownloadError(f"{where}: entry {info.filename!r} refused: {why}")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise DownloadError(f"{where}: entry {info.filename!r} refused: symbolic link")
        if info.is_dir():
            continue
        if kind not in (0, stat.S_IFREG):
            raise DownloadError(f"{where}: entry {info.filename!r} refused: not a regular file")
        name = PurePosixPath(info.filename.replace("\\", "/")).as_posix()
        if name in files:
            raise DownloadError(f"{where}: entry {name!r} appears twice")
        files[name] = info
    return files


def _listing(archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo], where: str) -> dict[str, dict[str, Any]]:
    if DESCRIPTOR not in files:
        raise DownloadError(f"{where}: no {DESCRIPTOR} in the archive")
    try:
        desc = json.loads(archive.read(files[DESCRIPTOR]).decode("utf-8"))
        listed = {e["path"]: e for e in desc[FILES_KEY]}
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise DownloadError(f"{where}: {DESCRIPTOR} lists no files under {FILES_KEY!r} ({exc})") from None
    for path, entry in listed.items():
        if not isinstance(path, str) or unsafe_name(path):
            raise DownloadError(f"{where}: {DESCRIPTOR} lists an unsafe path {path!r}")
        if path not in files:
            raise DownloadError(f"{where}: {path} is listed in {DESCRIPTOR} but missing from the archive")
        if not isinstance(entry.get("bytes"), int) or not str(entry.get("hash", "")).startswith("sha256:"):
            raise DownloadError(f"{where}: {DESCRIPTOR} gives no size and sha256 for {path}")
    extra = sorted(set(files) - set(listed) - {DESCRIPTOR})
    if extra:
        raise DownloadError(f"{where}: {extra[0]} is in the archive but not listed in {DESCRIPTOR}")
    return listed


def _extract_one(archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry: dict[str, Any], dest: Path, where: str) -> None:
    path = entry["path"]
    if info.file_size != entry["bytes"]:
        raise DownloadError(f"{where}: {path} has {info.file_size} bytes, {DESCRIPTOR} says {entry['bytes']}")
    digest, size = hashlib.sha256(), 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(info) as src, open(dest, "xb") as out:
        while chunk := src.read(CHUNK):
            size += len(chunk)
            if size > entry["bytes"]:
                raise DownloadError(f"{where}: {path} is larger than {DESCRIPTOR} says")
            digest.update(chunk)
            out.write(chunk)
    if size != entry["bytes"] or "sha256:" + digest.hexdigest() != entry["hash"]:
        raise DownloadError(f"{where}: {path} does not match its size and sha256 in {DESCRIPTOR}")


def extract_verified(archive_path: Path, stage: Path, where: str) -> None:
    """Extract a release archive into the empty folder `stage`, checking every entry first."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            files = _check_entries(archive, where)
            listed = _listing(archive, files, where)
            for path in sorted(listed):
                _extract_one(archive, files[path], listed[path], stage / path, where)
            (stage / DESCRIPTOR).write_bytes(archive.read(files[DESCRIPTOR]))
    except zipfile.BadZipFile as exc:
        raise DownloadError(f"{where}: not a valid zip archive, maybe truncated ({exc})") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise DownloadError(f"{where}: corrupt archive ({exc})") from None


def _check_package(stage: Path, where: str) -> None:
    from .validate import validate_package

    problems = validate_package(stage, frictionless=False)
    if problems:
        raise DownloadError(f"{where}: the archive's package is invalid ({problems[0]})")


def _install(stage: Path, to: Path) -> None:
    """Put `stage` at `to`: a fresh path, an empty folder, or a previously downloaded package."""
    if to.exists() and not to.is_dir():
        raise DownloadError(f"{to}: exists and is not a folder")
    if to.is_dir() and any(to.iterdir()):
        if not (to / DESCRIPTOR).is_file():
            raise DownloadError(f"{to}: folder is not empty and holds no data package; choose another --to")
        old = Path(tempfile.mkdtemp(prefix=f".{to.name}-old-", dir=to.parent))
        os.replace(to, old / "previous")
        try:
            os.replace(stage, to)
        except OSError:
            os.replace(old / "previous", to)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return
    if to.is_dir():
        to.rmdir()
    os.replace(stage, to)


def download(url: Optional[str] = None, version: Optional[str] = None, to: Path = DEFAULT_TARGET,
             progress: Optional[Progress] = None) -> Path:
    """Download a release archive, verify it completely and install its files at `to`."""
    source = release_url(url, version)
    to = Path(to).absolute()
    to.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{to.name}-download-", dir=to.parent))
    try:
        archive = work / archive_name(version or "download")
        fetch(source, archive, progress)
        stage = work / "package"
        stage.mkdir()
        extract_verified(archive, stage, source)
        _check_package(stage, source)
        try:
            _install(stage, to)
        except OSError as exc:
            raise DownloadError(f"{to}: cannot install the package ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return to

"""Downloads: served by a local HTTP server; only a complete, matching, safe archive is installed."""

from __future__ import annotations

import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import diplomatic_events as de
from diplomatic_events.dataset.download import DownloadError, download, release_url, unsafe_name
from diplomatic_events.dataset.release import build_release, write_zip


class Handler(http.server.BaseHTTPRequestHandler):
    """Serve files from the server's `files` mapping; `short` ones are cut off after half their bytes."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        data = self.server.files.get(self.path)
        if data is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2] if self.path in self.server.short else data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[http.server.HTTPServer]:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    httpd.files, httpd.short = {}, set()
    httpd.timeout = 5
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def _url(httpd, path: str) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}{path}"


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory) -> bytes:
    from diplomatic_events.dataset.publish import publish

    from conftest import make_tables

    base = tmp_path_factory.mktemp("release")
    publish(make_tables(), base / "pkg")
    return build_release(base / "pkg", base / "out").read_bytes()


def _zip(files: dict[str, bytes], tmp_path: Path) -> bytes:
    path = tmp_path / "custom.zip"
    write_zip(files, path)
    return path.read_bytes()


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir())


def test_good_archive_installs_and_loads(server, release_zip, tmp_path):
    server.files["/good.zip"] = release_zip
    seen = []
    to = download(url=_url(server, "/good.zip"), to=tmp_path / "data", progress=lambda d, t: seen.append((d, t)))
    assert to == (tmp_path / "data").absolute()
    assert len(de.load("visits", package=to)) == 1
    assert de.package(to)["version"] == "0.1.0"
    assert (to / "README.md").is_file() and (to / "croissant.json").is_file()
    assert seen and seen[-1] == (len(release_zip), len(release_zip))
    assert _leftovers(tmp_path) == ["data"]


def test_download_replaces_a_previous_download(server, release_zip, tmp_path):
    server.files["/good.zip"] = release_zip
    download(url=_url(server, "/good.zip"), to=tmp_path / "data")
    download(url=_url(server, "/good.zip"), to=tmp_path / "data")
    assert _leftovers(tmp_path) == ["data"]


def test_file_url_and_plain_path(release_zip, tmp_path):
    archive = tmp_path / "a-0.1.0.zip"
    archive.write_bytes(release_zip)
    download(url=archive.as_uri(), to=tmp_path / "one")
    download(url=str(tmp_path / "a-{version}.zip"), version="0.1.0", to=tmp_path / "two")
    assert len(de.load("meetings", package=tmp_path / "two")) == 1


def _contents(release_zip: bytes, tmp_path: Path) -> dict[str, bytes]:
    (tmp_path / "in.zip").write_bytes(release_zip)
    with zipfile.ZipFile(tmp_path / "in.zip") as z:
        files = {n: z.read(n) for n in z.namelist()}
    (tmp_path / "in.zip").unlink()
    return files


def _tampered(release_zip: bytes, tmp_path: Path) -> bytes:
    """Change a table without changing its size: only the sha256 can tell."""
    files = _contents(release_zip, tmp_path)
    files["dataset/data/visits.csv"] = files["dataset/data/visits.csv"].replace(b"Moscow", b"Moskva")
    return _zip(files, tmp_path)


def _with_extra(release_zip: bytes, tmp_path: Path, name: str) -> bytes:
    files = _contents(release_zip, tmp_path)
    files[name] = b"payload"
    return _zip(files, tmp_path)


def _symlinked(release_zip: bytes, tmp_path: Path) -> bytes:
    path = tmp_path / "link.zip"
    path.write_bytes(release_zip)
    with zipfile.ZipFile(path, "a") as z:
        info = zipfile.ZipInfo("dataset/data/link")
        info.create_system = 3
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")
    return path.read_bytes()


def _without(release_zip: bytes, tmp_path: Path, name: str) -> bytes:
    files = _contents(release_zip, tmp_path)
    del files[name]
    return _zip(files, tmp_path)


BAD = {
    "tampered": (lambda z, t: _tampered(z, t), "does not match"),
    "parent-entry": (lambda z, t: _with_extra(z, t, "../evil.txt"), "outside the target"),
    "nested-parent-entry": (lambda z, t: _with_extra(z, t, "dataset/../../evil.txt"), "outside the target"),
    "absolute-entry": (lambda z, t: _with_extra(z, t, "/tmp/evil.txt"), "absolute path"),
    "drive-letter": (lambda z, t: _with_extra(z, t, "C:/evil.txt"), "absolute path"),
    "symlink": (lambda z, t: _symlinked(z, t), "symbolic link"),
    "unlisted-file": (lambda z, t: _with_extra(z, t, "extra.txt"), "not listed"),
    "missing-file": (lambda z, t: _without(z, t, "figures/timeline.png"), "missing from the archive"),
    "not-a-zip": (lambda z, t: b"<html>not found</html>", "not a valid zip"),
    "zip-cut-short": (lambda z, t: z[: len(z) - 100], "not a valid zip"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_archive_is_refused_and_nothing_kept(case, server, release_zip, tmp_path):
    make, message = BAD[case]
    work = tmp_path / "work"
    work.mkdir()
    server.files["/bad.zip"] = make(release_zip, work)
    target = tmp_path / "site"
    target.mkdir()
    url = _url(server, "/bad.zip")
    with pytest.raises(DownloadError, match=message) as err:
        download(url=url, to=target / "data")
    assert url in str(err.value) and "\n" not in str(err.value)
    assert _leftovers(target) == []
    assert not (tmp_path / "evil.txt").exists()


def test_truncated_download_is_refused(server, release_zip, tmp_path):
    server.files["/cut.zip"] = release_zip
    server.short.add("/cut.zip")
    with pytest.raises(DownloadError, match="truncated"):
        download(url=_url(server, "/cut.zip"), to=tmp_path / "data")
    assert _leftovers(tmp_path) == []


def test_http_error_names_the_url(server, tmp_path):
    url = _url(server, "/missing.zip")
    with pytest.raises(DownloadError, match="HTTP 404") as err:
        download(url=url, to=tmp_path / "data")
    assert url in str(err.value)
    assert _leftovers(tmp_path) == []


def test_non_empty_foreign_folder_is_not_replaced(server, release_zip, tmp_path):
    server.files["/good.zip"] = release_zip
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(DownloadError, match="not empty"):
        download(url=_url(server, "/good.zip"), to=tmp_path / "data")
    assert _leftovers(tmp_path / "data") == ["notes.txt"]
    assert _leftovers(tmp_path) == ["data"]


def test_release_url_precedence(monkeypatch):
    monkeypatch.delenv("DIPLOMATIC_EVENTS_RELEASE_URL", raising=False)
    assert release_url(version="1.2.3").endswith("/diplomatic-events-data-1.2.3.zip")
    assert "data-v1.2.3" in release_url(version="1.2.3")
    monkeypatch.setenv("DIPLOMATIC_EVENTS_RELEASE_URL", "https://mirror.example/{version}.zip")
    assert release_url(version="2.0.0") == "https://mirror.example/2.0.0.zip"
    assert release_url("https://other.example/x.zip", "2.0.0") == "https://other.example/x.zip"


@pytest.mark.parametrize("name, unsafe", [
    ("dataset/data/visits.csv", False), ("README.md", False), ("a/..b/c", False),
    ("../x", True), ("a/../../x", True), ("/etc/x", True), ("\\\\server\\x", True), ("C:x", True),
    ("d:/x", True), ("a\\..\\..\\x", True),
])
def test_unsafe_names(name, unsafe):
    assert (unsafe_name(name) is not None) is unsafe

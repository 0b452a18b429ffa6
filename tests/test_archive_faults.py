"""The archive when the disk fails, and headers kept byte for byte, on real files."""

from __future__ import annotations

import asyncio
import gzip
import resource
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from loopback_hosts import LoopbackHosts, Reply

from scraper.archive import ArchiveError, ArchiveWriter, read_record
from scraper.cli import cli
from scraper.config import Settings
from scraper.fetch import Fetcher

FULL_DISK = Path("/dev/full")  # every write to it fails with "No space left on device"
needs_dev_full = pytest.mark.skipif(not FULL_DISK.exists(), reason="needs /dev/full (Linux)")
WARCIO = Path(sys.executable).parent / "warcio"


@needs_dev_full
def test_a_full_disk_when_the_archive_opens_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "run-1.warc.gz").symlink_to(FULL_DISK)
    with pytest.raises(ArchiveError) as caught:
        ArchiveWriter(tmp_path, "run-1")
    assert str(caught.value) == "cannot write archive: No space left on device"


def _limit_file_size_to_nothing() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_a_failed_start_leaves_no_empty_warc_file(tmp_path: Path) -> None:
    script = ("import sys\nfrom scraper.archive import ArchiveWriter, ArchiveError\n"
              "try:\n    ArchiveWriter(sys.argv[1], 'run-1')\n"
              "except ArchiveError as error:\n    print(error)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "archive")],
                          capture_output=True, text=True, check=False, timeout=60,
                          preexec_fn=_limit_file_size_to_nothing)
    assert done.stdout.strip() == "cannot write archive: File too large", done.stderr
    assert list((tmp_path / "archive").iterdir()) == []  # the file it had created is gone


@needs_dev_full
def test_crawl_with_a_full_archive_disk_says_so_without_a_traceback(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    now = datetime.now(UTC)
    for second in range(-5, 120):  # the run's file name carries its start time to the second
        stamp = now + timedelta(seconds=second)
        (archive / f"run-000001-{stamp:%Y%m%dT%H%M%S}.warc.gz").symlink_to(FULL_DISK)
    result = CliRunner().invoke(cli, ["crawl", "http://127.0.0.1:9/", "--allow-private",
                                      "--contact-url", "https://uni.example/crawler",
                                      "--db", str(tmp_path / "a.db"),
                                      "--archive-dir", str(archive)])
    assert result.exit_code == 2  # a folder that cannot be written, as the README says
    assert "cannot write archive: No space left on device" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not isinstance(result.exception, OSError)
    assert _finished_runs(tmp_path / "a.db") == [2]  # one exit status, the same in both places


def _finished_runs(db_path: Path) -> list[int]:
    """The exit status of every finished run of the database."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT exit_status FROM crawl_runs WHERE finished_at IS NOT NULL")
        return [status for status, in rows]


def test_crawl_with_an_archive_folder_that_is_a_file_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "archive"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["crawl", "http://127.0.0.1:9/", "--allow-private",
                                      "--db", str(tmp_path / "a.db"),
                                      "--archive-dir", str(blocker)])
    assert result.exit_code == 2
    assert "cannot open archive: File exists" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert blocker.read_text() == "not a folder"
    assert _finished_runs(tmp_path / "a.db") == [2]


def _warc_bytes(path: Path) -> bytes:
    with gzip.open(path) as stream:  # every record is a gzip member; gzip reads them all
        return stream.read()


def test_response_headers_are_archived_byte_for_byte(tmp_path: Path) -> None:
    """A server's non-ASCII header bytes come back unchanged, not %-encoded."""
    body = b"<!doctype html><html><body><p>menu</p></body></html>"
    with LoopbackHosts(1) as server:
        server.add_route(0, "/menu", Reply(headers={"Content-Type": "text/html; charset=utf-8",
                                             "X-Place": "caf\xe9 cr\xe8me",  # sent as Latin-1
                                             "Content-Disposition": "inline; filename=caf\xe9"},
                                    body=body))

        async def go() -> tuple[str | None, int | None, dict[str, str]]:
            with ArchiveWriter(tmp_path, "run-1") as writer:
                async with Fetcher(Settings(allow_private=True, obey_robots=False, delay=0),
                                   writer) as fetcher:
                    result = await fetcher.fetch(server.origin(0) + "/menu")
            assert result.page is not None
            return result.page.warc_file, result.page.warc_offset, result.page.headers
        warc_file, offset, headers = asyncio.run(go())
    assert warc_file == "run-1.warc.gz"
    raw = _warc_bytes(tmp_path / "run-1.warc.gz")
    assert b"X-Place: caf\xe9 cr\xe8me\r\n" in raw
    assert b"filename=caf\xe9\r\n" in raw
    assert b"%E9" not in raw and b"%C3%A9" not in raw and b"UTF-8''" not in raw
    assert headers["x-place"] == "caf\xe9 cr\xe8me"  # the page's text of the header
    assert offset is not None
    page = read_record(tmp_path / "run-1.warc.gz", offset)
    assert page.content == body and page.headers["x-place"] == "caf\xe9 cr\xe8me"
    check = subprocess.run([str(WARCIO), "check", str(tmp_path / "run-1.warc.gz")],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_utf8_header_is_archived_as_its_bytes_and_read_as_text(tmp_path: Path) -> None:
    raw_value = "Zürich".encode().decode("latin-1")  # one character per byte, as received
    with ArchiveWriter(tmp_path, "run-1") as writer:
        _, offset = writer.write_exchange(
            url="https://news.example/a", method="GET", request_headers=[],
            status=200, reason="OK", http_version="HTTP/1.1",
            response_headers=[("X-City", raw_value)], body=b"<p>x</p>")
    assert b"X-City: Z\xc3\xbcrich\r\n" in _warc_bytes(writer.path)
    assert read_record(writer.path, offset).headers["x-city"] == "Zürich"


FILLS_UP = """
import os, resource, signal, sys
from scraper.archive import ArchiveError, ArchiveWriter
def write(url, body):
    return writer.write_exchange(url=url, method="GET", request_headers=[], status=200,
        reason="OK", http_version="HTTP/1.1", response_headers=[], body=body)
writer = ArchiveWriter(sys.argv[1], "run-1")
print(write("https://news.example/a", b"<p>first</p>")[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = writer.path.stat().st_size + 4000  # the disk fills up: room for a small record only
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
try:
    write("https://news.example/b", os.urandom(200_000))
except ArchiveError as error:
    print(error)
print(write("https://news.example/c", b"<p>third</p>")[1])
writer.close()
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_a_failed_write_leaves_the_file_ending_with_a_complete_record(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", FILLS_UP, str(tmp_path)], capture_output=True,
                          text=True, check=False, timeout=60)
    first, error, third = done.stdout.split("\n")[:3]
    assert error == "cannot write archive: File too large", done.stderr
    path = tmp_path / "run-1.warc.gz"
    assert read_record(path, int(first)).content == b"<p>first</p>"
    assert read_record(path, int(third)).content == b"<p>third</p>"  # right after the first
    check = subprocess.run([str(WARCIO), "check", str(path)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr

"""The WARC archive, tested on real files: written by us, read back by us and by warcio."""

from __future__ import annotations

import gzip
import logging
import random
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from scraper.archive import (
    ArchiveError,
    ArchiveWriter,
    archived_headers,
    iter_responses,
    read_record,
)

HTML = "<html><head><title>Harbour plan</title></head><body><p>Ferry news.</p></body></html>"
WARCIO = Path(sys.executable).parent / "warcio"


def exchange(url: str, body: bytes, headers: list[tuple[str, str]] | None = None,
             status: int = 200, reason: str = "OK", http_version: str = "HTTP/1.1") -> dict:
    return {"url": url, "method": "GET", "request_headers": [("User-Agent", "scraper-test/1.0")],
            "status": status, "reason": reason, "http_version": http_version,
            "response_headers": headers or [("Content-Type", "text/html; charset=utf-8")],
            "body": body}


def noise(size: int, seed: int) -> bytes:
    """Incompressible bytes, so that a cut in the file is a cut in the body."""
    return random.Random(seed).randbytes(size)


def warc_records(path: Path) -> list:
    with open(path, "rb") as stream:
        return [(record.rec_type, dict(record.rec_headers.headers), record.content_stream().read())
                for record in ArchiveIterator(stream)]


def test_round_trip_by_offset(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path / "archive", "run-1") as writer:
        first = writer.write_exchange(**exchange("https://news.example.com/a", HTML.encode()))
        second = writer.write_exchange(**exchange(
            "https://news.example.com/b?page=2", b"{}", [("Content-Type", "application/json")],
            status=404, reason="Not Found"))
    assert writer.path == tmp_path / "archive" / "run-1.warc.gz"
    assert first[0] == second[0] == "run-1.warc.gz"
    assert 0 < first[1] < second[1]
    page = read_record(writer.path, first[1])
    assert (page.url, page.final_url, page.status) == ("https://news.example.com/a",) * 2 + (200,)
    assert page.content == HTML.encode()
    assert page.content_type == "text/html"
    assert (page.warc_file, page.warc_offset) == first
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", page.fetched_at)
    other = read_record(writer.path, second[1])
    assert (other.url, other.status, other.content) == ("https://news.example.com/b?page=2", 404, b"{}")


def test_warcinfo_first_then_linked_response_and_request(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path, "run") as writer:
        writer.write_exchange(**exchange("https://news.example.com/a?x=1", HTML.encode()))
    records = warc_records(writer.path)
    assert [kind for kind, _, _ in records] == ["warcinfo", "response", "request"]
    response_headers, request_headers = records[1][1], records[2][1]
    assert request_headers["WARC-Concurrent-To"] == response_headers["WARC-Record-ID"]
    assert request_headers["WARC-Target-URI"] == "https://news.example.com/a?x=1"
    assert records[1][2] == HTML.encode()
    with gzip.open(writer.path, "rb") as stream:
        assert b"\r\nGET /a?x=1 HTTP/1.1\r\nUser-Agent: scraper-test/1.0\r\n" in stream.read()


def test_files_pass_warcio_check(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path, "checked") as writer:
        writer.write_exchange(**exchange("https://a.example/", HTML.encode()))
        writer.write_exchange(**exchange(
            "https://a.example/gz", gzip.compress(HTML.encode()),
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", "7")]))
        writer.write_exchange(**exchange(
            "https://a.example/decoded", HTML.encode(),
            [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], http_version="HTTP/2"))
        writer.write_exchange(**exchange("https://a.example/empty", b"", status=204,
                                         reason="No Content"))
    result = subprocess.run([str(WARCIO), "check", "-v", str(writer.path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("digest pass") == 9  # warcinfo + 4 x (response, request)


def test_decoded_body_loses_its_encoding_header_for_every_reader(tmp_path: Path) -> None:
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
               ("Content-Length", "31")]
    with ArchiveWriter(tmp_path, "run") as writer:
        _, offset = writer.write_exchange(**exchange("https://a.example/", HTML.encode(), headers))
    page = read_record(writer.path, offset)
    assert page.content == HTML.encode()
    assert "content-encoding" not in page.headers
    assert page.headers["x-archive-orig-content-encoding"] == "gzip"
    assert page.headers["content-length"] == str(len(HTML.encode()))
    assert warc_records(writer.path)[1][2] == HTML.encode()  # warcio does not try to gunzip it


def test_still_encoded_body_is_kept_raw_and_decoded_when_read(tmp_path: Path) -> None:
    raw = gzip.compress(HTML.encode())
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    with ArchiveWriter(tmp_path, "run") as writer:
        _, offset = writer.write_exchange(**exchange("https://a.example/", raw, headers))
    with open(writer.path, "rb") as stream:
        response = [record for record in ArchiveIterator(stream) if record.rec_type == "response"
                    and record.http_headers.get_header("Content-Encoding") == "gzip"
                    and record.raw_stream.read() == raw]
    assert len(response) == 1
    page = read_record(writer.path, offset)
    assert page.content == HTML.encode()
    assert "content-encoding" not in page.headers


@pytest.mark.parametrize(("encoding", "body", "kept"), [
    ("gzip", gzip.compress(b"<p>hello</p>"), True),
    ("gzip", b"<p>hello</p>", False),
    ("x-gzip", b"<p>hello</p>", False),
    ("deflate", zlib.compress(b"<p>hello</p>"), True),
    ("deflate", b"<p>hello</p>", False),
    ("zstd", b"(\xb5/\xfd unknown to us", True),
])
def test_encoding_header_kept_only_when_the_body_carries_it(encoding: str, body: bytes,
                                                            kept: bool) -> None:
    names = [name for name, _ in archived_headers([("Content-Encoding", encoding)], body)]
    assert ("Content-Encoding" in names) is kept
    assert ("X-Archive-Orig-Content-Encoding" in names) is not kept
    assert names.count("Content-Length") == 1


def test_unknown_encoding_is_returned_raw_with_its_header(tmp_path: Path) -> None:
    body = b"(\xb5/\xfd not decodable here"
    with ArchiveWriter(tmp_path, "run") as writer:
        _, offset = writer.write_exchange(**exchange(
            "https://a.example/", body, [("Content-Encoding", "zstd")]))
    page = read_record(writer.path, offset)
    assert page.content == body
    assert page.headers["content-encoding"] == "zstd"


def test_records_are_readable_while_the_writer_is_open(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, "live")
    try:
        _, offset = writer.write_exchange(**exchange("https://a.example/live", HTML.encode()))
        assert read_record(writer.path, offset).content == HTML.encode()
        assert [p.url for p in iter_responses([writer.path])] == ["https://a.example/live"]
    finally:
        writer.close()


def test_truncated_file_yields_complete_records_and_warns(tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    bodies = [noise(4000, seed) for seed in range(3)]
    with ArchiveWriter(tmp_path, "crashed") as writer:
        offsets = [writer.write_exchange(**exchange(f"https://a.example/{i}", body))[1]
                   for i, body in enumerate(bodies)]
    data = writer.path.read_bytes()
    writer.path.write_bytes(data[: offsets[2] + 2000])  # cut inside the third response body
    with caplog.at_level(logging.WARNING, logger="scraper.archive"):
        pages = list(iter_responses([writer.path]))
    assert [page.content for page in pages] == bodies[:2]
    assert [page.warc_offset for page in pages] == offsets[:2]
    assert any("crashed.warc.gz" in message for message in caplog.messages)
    with pytest.raises(ArchiveError):
        read_record(writer.path, offsets[2])


def test_garbage_after_the_last_record_stops_cleanly(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    with ArchiveWriter(tmp_path, "run") as writer:
        writer.write_exchange(**exchange("https://a.example/1", HTML.encode()))
    with open(writer.path, "ab") as stream:
        stream.write(b"\x1f\x8b\x08\x00garbage that is not a gzip member")
    with caplog.at_level(logging.WARNING, logger="scraper.archive"):
        assert [p.url for p in iter_responses([writer.path])] == ["https://a.example/1"]
    assert caplog.messages


def test_iter_responses_spans_files_in_order_and_skips_missing(tmp_path: Path) -> None:
    paths = []
    for run, urls in (("one", ["https://a.example/1", "https://a.example/2"]),
                      ("two", ["https://b.example/3"])):
        with ArchiveWriter(tmp_path, run) as writer:
            for url in urls:
                writer.write_exchange(**exchange(url, url.encode()))
        paths.append(writer.path)
    pages = list(iter_responses([paths[0], tmp_path / "missing.warc.gz", paths[1]]))
    assert [page.url for page in pages] == ["https://a.example/1", "https://a.example/2",
                                            "https://b.example/3"]
    assert [page.content for page in pages] == [page.url.encode() for page in pages]
    assert [page.warc_file for page in pages] == ["one.warc.gz"] * 2 + ["two.warc.gz"]


def test_reopening_a_run_appends(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path, "resumed") as writer:
        _, first = writer.write_exchange(**exchange("https://a.example/1", b"one"))
    with ArchiveWriter(tmp_path, "resumed") as writer:
        _, second = writer.write_exchange(**exchange("https://a.example/2", b"two"))
    assert second > first
    assert read_record(writer.path, first).content == b"one"
    assert read_record(writer.path, second).content == b"two"
    assert [kind for kind, _, _ in warc_records(writer.path)].count("warcinfo") == 2


def test_offset_of_a_request_or_of_no_record_is_an_error(tmp_path: Path) -> None:
    with ArchiveWriter(tmp_path, "run") as writer:
        _, offset = writer.write_exchange(**exchange("https://a.example/", HTML.encode()))
    with open(writer.path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        offsets = [(record.rec_type, iterator.get_record_offset()) for record in iterator]
    request_offset = dict(offsets)["request"]
    with pytest.raises(ArchiveError, match="request"):
        read_record(writer.path, request_offset)
    with pytest.raises(ArchiveError):
        read_record(writer.path, offset + 3)
    with pytest.raises(ArchiveError):
        read_record(tmp_path / "absent.warc.gz", 0)


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".."])
def test_run_name_must_be_a_plain_file_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(ArchiveError):
        ArchiveWriter(tmp_path, name)


def test_writing_after_close_is_an_error(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, "run")
    writer.close()
    writer.close()  # closing twice is harmless
    with pytest.raises(ArchiveError):
        writer.write_exchange(**exchange("https://a.example/", b"x"))

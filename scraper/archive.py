"""The WARC archive: every HTTP exchange of a run in one gzip WARC file (warcio lives here only).

One file per run, ``<directory>/<run_name>.warc.gz``: a ``warcinfo`` record first, then for
each exchange a ``response`` record and its ``request`` record (``WARC-Concurrent-To`` points
from the request to the response). Each record is its own gzip member and the file is flushed
after every exchange, so a crash loses at most the exchange in flight and any record can be
read at its offset without reading the file from the start.

Bodies are stored as the fetcher hands them over. The fetcher usually gives the decoded body
(httpx decodes gzip/deflate), so when the response headers name a ``Content-Encoding`` the body
does not actually carry, that header is renamed ``X-Archive-Orig-Content-Encoding``; a body
that still carries its encoding keeps the header and is decoded when read back.
``Transfer-Encoding`` is always renamed (the body is never chunk-framed) and ``Content-Length``
is set to the stored length. The archive thus always describes exactly the bytes it holds, which
is what ``warcio check`` verifies.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import threading
import zlib
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Self
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .errors import ArchiveError
from .models import Page
from .version import __version__

log = logging.getLogger(__name__)

ORIGINAL_PREFIX = "X-Archive-Orig-"
ALWAYS_RENAMED = ("transfer-encoding",)
DECODED_LIMIT = 64 * 1024 * 1024  # largest body decoded when read back
GZIP_MAGIC = b"\x1f\x8b"


class ArchiveWriter:
    """Append HTTP exchanges to the run's gzip WARC file."""

    def __init__(self, directory: Path, run_name: str) -> None:
        if not run_name or Path(run_name).name != run_name or run_name in (".", ".."):
            raise ArchiveError(f"archive run name must be a plain file name: {run_name!r}")
        self.directory = Path(directory)
        self.path = self.directory / f"{run_name}.warc.gz"
        self._lock = threading.Lock()
        self._file: BinaryIO | None = self._open()
        self._writer = WARCWriter(self._file, gzip=True)
        self._write_warcinfo(run_name)

    def _open(self) -> BinaryIO:
        """Open the file for appending; raise ArchiveError with the reason (no traceback)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._created = not self.path.exists()
            stream = open(self.path, "ab")  # noqa: SIM115 - closed in close()
            self._start_size = stream.tell()
        except OSError as error:
            raise ArchiveError(f"cannot open archive: {_os_reason(error)}",
                               str(self.path)) from error
        return stream

    def _write_warcinfo(self, run_name: str) -> None:
        """Write the warcinfo record; on failure (a full disk) leave no file behind."""
        info = {"software": f"scraper/{__version__}", "format": "WARC File Format 1.0",
                "description": f"scraper crawl run {run_name}"}
        try:
            self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
            self._flush()
        except OSError as error:
            self._discard()
            raise ArchiveError(f"cannot write archive: {_os_reason(error)}",
                               str(self.path)) from error

    def _discard(self) -> None:
        """Close the file after a failed start, removing what this run added to it."""
        stream, self._file = self._file, None
        if stream is None:
            return
        try:
            stream.close()
        except OSError:
            pass  # the buffered bytes that could not be written are what is being discarded
        try:
            if self._created:
                self.path.unlink(missing_ok=True)
            elif self.path.is_file():
                os.truncate(self.path, self._start_size)
        except OSError as error:
            log.warning("could not clean up %s: %s", self.path, error)

    def write_exchange(self, *, url: str, method: str, request_headers: list[tuple[str, str]],
                       status: int, reason: str, http_version: str,
                       response_headers: list[tuple[str, str]], body: bytes,
                       error: str | None = None) -> tuple[str, int]:
        """Write a response and its request; return (file name, offset of the response).

        Headers are given one character per byte received and written back byte for byte;
        `error` (the fetcher's verdict) is not part of what was received, so it is not kept.
        """
        protocol = _protocol(http_version)
        headers = archived_headers(response_headers, body)
        http_response = ExactHeaders(f"{status} {reason}".strip(), headers, protocol=protocol)
        http_request = ExactHeaders(f"{_request_target(url)} {protocol}",
                                    list(request_headers), protocol=method.upper())
        with self._lock:
            if self._file is None:
                raise ArchiveError("archive is closed", url)
            response = self._writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=http_response)
            request = self._writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), length=0, http_headers=http_request)
            offset = self._file.tell()
            try:
                self._writer.write_request_response_pair(request, response)
                self._flush()
            except OSError as failure:
                self._cut_back(offset)
                raise ArchiveError(f"cannot write archive: {_os_reason(failure)}", url) from failure
        return self.path.name, offset

    def _cut_back(self, offset: int) -> None:
        """Drop a partly written exchange (and its unwritten buffer) so the file ends with a
        complete record, and reopen it for the next exchange."""
        stream, self._file = self._file, None
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass  # the buffer that could not be written is what is being dropped
        try:
            os.truncate(self.path, offset)
            self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        except OSError as error:
            log.warning("could not cut %s back to offset %d: %s", self.path, offset, error)
            return
        self._writer = WARCWriter(self._file, gzip=True)

    def _flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Flush and close the file; later writes raise ArchiveError."""
        with self._lock:
            stream, self._file = self._file, None
            if stream is not None:
                try:
                    stream.close()
                except OSError as error:
                    raise ArchiveError(f"cannot write archive: {_os_reason(error)}",
                                       str(self.path)) from error

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


class ExactHeaders(StatusAndHeaders):
    """HTTP headers written back byte for byte (warcio would %-encode non-ASCII values).

    Values hold one character per byte received, so ISO-8859-1 gives the bytes back; a value
    with characters beyond that range (never from the fetcher) is written as UTF-8.
    """

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        """Set the bytes warcio writes for this header block."""
        text = self.to_str(header_filter)
        try:
            self.headers_buff = text.encode("latin-1") + b"\r\n"
        except UnicodeEncodeError:
            self.headers_buff = text.encode("utf-8") + b"\r\n"


def _os_reason(error: OSError) -> str:
    """Return 'No space left on device' rather than '[Errno 28] No space left on device: ...'."""
    return error.strerror or str(error)


def archived_headers(headers: list[tuple[str, str]], body: bytes) -> list[tuple[str, str]]:
    """Return response headers that describe the stored body exactly (see module docstring)."""
    encoding = _header(headers, "content-encoding")
    drop_encoding = bool(encoding) and _carries_encoding(body, encoding) is False
    result: list[tuple[str, str]] = []
    for name, value in headers:
        lowered = name.lower()
        if lowered in ALWAYS_RENAMED or (lowered == "content-encoding" and drop_encoding):
            result.append((ORIGINAL_PREFIX + name, value))
        elif lowered == "content-length":
            if value.strip() != str(len(body)):
                result.append((ORIGINAL_PREFIX + name, value))
        else:
            result.append((name, value))
    result.append(("Content-Length", str(len(body))))
    return result


def read_record(path: Path, offset: int) -> Page:
    """Return the response record at `offset` of a WARC file as a Page.

    In a file compressed as one gzip stream (not a member per record), `offset` counts
    uncompressed bytes, as `scraper ingest` records it; reading it means decompressing up to it.
    """
    try:
        with open(path, "rb") as raw:
            raw.seek(offset)
            stream: BinaryIO = raw
            if not _record_starts(raw.read(len(GZIP_MAGIC + b"\x08"))) \
                    and _starts_with_gzip(raw):
                stream = gzip.GzipFile(fileobj=raw, mode="rb")
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream, check_digests=True)), None)
            if record is None or record.rec_type != "response":
                kind = record.rec_type if record is not None else "no record"
                raise ArchiveError(f"no response record at offset {offset} ({kind})", str(path))
            page = page_from_record(record, Path(path).name, offset)
    except ArchiveError:
        raise
    except Exception as error:  # warcio fails in many ways on damaged bytes
        raise ArchiveError(f"cannot read record at offset {offset}: {error!r}", str(path)) from error
    if record.digest_checker.passed is False:
        raise ArchiveError(f"record at offset {offset} is incomplete or damaged", str(path))
    return page


def iter_responses(paths: Iterable[Path]) -> Iterator[Page]:
    """Yield every complete response record of the files, in order; stop cleanly at damage."""
    for path in paths:
        path = Path(path)
        try:
            with open(path, "rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                complete_end = yield from _responses_in(stream, path)
        except OSError as error:
            log.warning("cannot read archive %s: %s", path, error)
            continue
        if complete_end < size:
            log.warning("archive %s: %d bytes after the last complete record were skipped "
                        "(file cut off or damaged)", path, size - complete_end)


def _responses_in(stream: BinaryIO, path: Path) -> Generator[Page, None, int]:
    """Yield the complete responses of one file; return where the last complete record ends."""
    records = ArchiveIterator(stream, check_digests=True)
    complete_end = 0
    while True:
        try:
            record = next(records)
            page = page_from_record(record, path.name, records.offset) if record.rec_type == "response" \
                else None
        except StopIteration:
            return complete_end
        except Exception as error:  # noqa: BLE001 - warcio fails in many ways on damaged bytes
            log.debug("archive %s: unreadable record: %r", path, error)
            return complete_end
        if record.digest_checker.passed is False:
            return complete_end
        complete_end = records.get_record_offset() + records.get_record_length()
        if page is not None:
            yield page


def _record_starts(head: bytes) -> bool:
    """True when bytes begin a WARC record or a gzip member (which may hold one)."""
    return head.startswith((b"WARC/", GZIP_MAGIC + b"\x08"))


def _starts_with_gzip(raw: BinaryIO) -> bool:
    """True when the file begins with a gzip header; leaves it at its start."""
    raw.seek(0)
    magic = raw.read(len(GZIP_MAGIC))
    raw.seek(0)
    return magic == GZIP_MAGIC


def page_from_record(record: ArcWarcRecord, file_name: str, offset: int) -> Page:
    """Return a response record as a Page: the body de-chunked and decoded as it was served."""
    raw = record.raw_stream.read()
    declared = record.rec_headers.get_header("Content-Length")
    if not (declared or "").strip().isdigit() or getattr(record.raw_stream, "limit", 1) > 0:
        raise ArchiveError(f"record at offset {offset} is cut off", file_name)
    http = record.http_headers
    headers = _header_dict(http.headers if http is not None else [])
    body = raw
    if "chunked" in headers.get("transfer-encoding", "").lower():  # archived as sent, framed
        body = ChunkedDataReader(io.BytesIO(raw)).read()
        headers.pop("transfer-encoding")
    encoding = headers.get("content-encoding", "")
    if encoding:
        decoded = _decode(body, encoding)
        if decoded is not None:
            body = decoded
            headers.pop("content-encoding")
            headers["content-length"] = str(len(body))
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    status = int(http.get_statuscode() or 0) if http is not None else 0
    return Page(url=url, final_url=url, status=status, headers=headers, content=body,
                fetched_at=record.rec_headers.get_header("WARC-Date") or "",
                warc_file=file_name, warc_offset=offset)


def _header_dict(headers: list[tuple[str, str]]) -> dict[str, str]:
    result: dict[str, str] = {}
    for name, value in headers:
        key = name.lower()
        result[key] = f"{result[key]}, {value}" if key in result else value
    return result


def _header(headers: list[tuple[str, str]], wanted: str) -> str:
    return next((v.strip().lower() for n, v in headers if n.lower() == wanted), "")


def _carries_encoding(body: bytes, encoding: str) -> bool | None:
    """True/False when we can tell whether body is still encoded; None when we cannot."""
    encoding = encoding.split(",")[-1].strip()
    if encoding in ("gzip", "x-gzip"):
        return body[:2] == GZIP_MAGIC
    if encoding == "deflate" or (encoding == "br" and _brotli() is not None):
        return _decode(body, encoding) is not None
    return None  # unknown to us, hence to the fetcher: the bytes are most likely still encoded


def _decode(body: bytes, encoding: str) -> bytes | None:
    """Decode a content-encoded body; None when it is not validly encoded that way."""
    encoding = encoding.split(",")[-1].strip().lower()
    if encoding == "br":
        brotli = _brotli()
        try:
            return brotli.decompress(body) if brotli is not None else None
        except Exception:  # noqa: BLE001 - brotli raises its own error type
            return None
    wbits_options = _DECODERS.get(encoding)
    if not wbits_options or not body:
        return None
    for wbits in wbits_options:
        decoder = zlib.decompressobj(wbits)
        try:
            data = decoder.decompress(body, DECODED_LIMIT)
        except zlib.error:
            continue
        if decoder.eof:
            return data
    return None


_DECODERS: dict[str, tuple[int, ...]] = {
    "gzip": (16 + zlib.MAX_WBITS,),
    "x-gzip": (16 + zlib.MAX_WBITS,),
    "deflate": (zlib.MAX_WBITS, -zlib.MAX_WBITS),  # zlib-wrapped as specified, raw as often sent
}


def _brotli():  # type: ignore[no-untyped-def]
    try:
        import brotli  # type: ignore[import-not-found]
    except ImportError:
        return None
    return brotli


def _protocol(http_version: str) -> str:
    version = (http_version or "HTTP/1.1").strip().upper()
    return version if version.startswith("HTTP/") else f"HTTP/{version}"


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    target = parts.path or "/"
    return f"{target}?{parts.query}" if parts.query else target

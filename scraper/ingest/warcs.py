"""Reading WARC files that others wrote: compression, records with their offsets, the plan.

A WARC file comes uncompressed ('none'), with each record in its own gzip member ('record',
what Heritrix, wget, Browsertrix, Common Crawl and our own archive write), or as one gzip
stream over the whole file ('stream', a .warc gzipped afterwards). In the first two, offsets
are byte positions in the file and a record can be read by seeking to it; in a 'stream' file
they count uncompressed bytes, and reaching one means decompressing everything before it.

A plan cuts a file into chunks of about CHUNK_PAGES HTML pages at record boundaries: the unit
of work that a worker reads and extracts, and that the writer stores in one transaction.
Reading stops at the first record that is cut off or damaged; what came before it is kept and
the damage is recorded.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 64 * 1024          # hashed to recognise a file again
CHUNK_PAGES = 100               # HTML pages per chunk
CHUNK_BYTES = 64 * 1024 * 1024  # ...or at most this many bytes of records
STREAM_FACTOR = 20              # bigger chunks where each one must decompress from the start
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, IndexError)


class StreamCompressed(Exception):
    """The file is one gzip stream, not a gzip member per record: read it as a stream."""


@dataclass(frozen=True)
class FilePlan:
    """A WARC file cut into chunks, with what reading it found."""

    compression: str
    records: int
    pages: int
    chunks: tuple[tuple[int, int, int], ...]  # (start offset, end offset, pages)
    planned_end: int
    damage: str | None


def head_digest(path: Path) -> str:
    """Return the SHA-1 of the file's first HEAD_BYTES bytes."""
    with open(path, "rb") as stream:
        return hashlib.sha1(stream.read(HEAD_BYTES)).hexdigest()


def compression_by_magic(path: Path) -> str:
    """Return 'record' for a gzip file (a member per record until shown otherwise), or 'none'."""
    with open(path, "rb") as stream:
        return "record" if stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC else "none"


@contextmanager
def opened_at(path: Path, compression: str, offset: int) -> Iterator[BinaryIO]:
    """Open a WARC file positioned at `offset` (uncompressed bytes for a 'stream' file)."""
    with open(path, "rb") as raw:
        if compression != "stream":
            raw.seek(offset)
            yield raw
            return
        with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            stream.seek(offset)
            yield stream  # type: ignore[misc]


def payload_type(record: ArcWarcRecord) -> str:
    """Return the media type the record's HTTP headers (or its WARC headers) give, lowercased."""
    http = record.http_headers
    declared = http.get_header("Content-Type") if http is not None else None
    declared = declared or record.rec_headers.get_header("WARC-Identified-Payload-Type") or ""
    return declared.split(";")[0].strip().lower()


def http_status(record: ArcWarcRecord) -> int:
    """Return the HTTP status of a response record, 0 when it has none."""
    http = record.http_headers
    code = http.get_statuscode() if http is not None else None
    return int(code) if code and str(code).isdigit() else 0


def is_html_page(record: ArcWarcRecord) -> bool:
    """True for an HTTP response with status 200 and an HTML (or undeclared) media type."""
    if record.rec_type != "response" or http_status(record) != 200:
        return False
    media_type = payload_type(record)
    return not media_type or media_type in HTML_TYPES


class RecordWalker:
    """Yields (offset, record) from a positioned stream; each record is read to its end before
    the next one, and `complete_end` follows the end of the last complete record."""

    def __init__(self, stream: BinaryIO, start: int, stop: int | None = None) -> None:
        self.records = ArchiveIterator(stream)
        self.complete_end = start
        self.stop = stop
        self.damage: str | None = None

    def __iter__(self) -> Iterator[tuple[int, ArcWarcRecord]]:
        while self.stop is None or self.complete_end < self.stop:
            offset = self.records.offset
            try:
                record = next(self.records)
            except StopIteration:
                return
            except ArchiveLoadFailed as error:
                if "non-chunked gzip" in str(error):
                    raise StreamCompressed() from error
                self.damage = f"unreadable record at offset {offset}: {_reason(error)}"
                return
            except READ_ERRORS as error:
                self.damage = f"unreadable record at offset {offset}: {_reason(error)}"
                return
            if record.format != "warc":
                self.damage = f"no WARC record at offset {offset}"
                return
            yield offset, record
            if not self._finish(offset, record):
                return

    def _finish(self, offset: int, record: ArcWarcRecord) -> bool:
        """Read the record to its end; False (with the damage noted) when it is cut off."""
        try:
            self.records.read_to_end()
        except READ_ERRORS as error:
            self.damage = f"record at offset {offset} is cut off or damaged: {_reason(error)}"
            return False
        if getattr(record.raw_stream, "limit", 0) > 0:
            self.damage = f"record at offset {offset} is cut off (file truncated?)"
            return False
        self.complete_end = self.records.offset
        return True


def plan_file(path: Path, start: int = 0, compression: str | None = None,
              chunk_pages: int = CHUNK_PAGES) -> FilePlan:
    """Read a WARC file's records from `start` (headers only) and cut it into chunks."""
    compression = compression or compression_by_magic(path)
    try:
        return _plan(path, start, compression, chunk_pages)
    except StreamCompressed:
        return _plan(path, start, "stream", chunk_pages)


def _plan(path: Path, start: int, compression: str, chunk_pages: int) -> FilePlan:
    chunker = _Chunker(start, chunk_pages * (STREAM_FACTOR if compression == "stream" else 1))
    with opened_at(path, compression, start) as stream:
        walker = RecordWalker(stream, start)
        html, last = None, start  # the record before: counted once it is known to be complete
        for offset, record in walker:
            if html is not None:
                chunker.add(html, offset)
            html, last = is_html_page(record), offset
        if html is not None and walker.complete_end > last:
            chunker.add(html, walker.complete_end)
    return FilePlan(compression, chunker.records, chunker.pages, chunker.finish(),
                    walker.complete_end, _damage(path, compression, walker))


class _Chunker:
    """Cuts a run of complete records into chunks of `chunk_pages` HTML pages."""

    def __init__(self, start: int, chunk_pages: int) -> None:
        self.chunk_pages = chunk_pages
        self.records = self.pages = 0
        self.chunks: list[tuple[int, int, int]] = []
        self.start, self.end, self.in_chunk = start, start, 0

    def add(self, html: bool, end: int) -> None:
        """Count one complete record ending at `end`; close the chunk when it is full."""
        self.records += 1
        self.pages += html
        self.in_chunk += html
        self.end = end
        if self.in_chunk >= self.chunk_pages or end - self.start >= CHUNK_BYTES:
            self._close()

    def _close(self) -> None:
        if self.in_chunk:  # a run of records with no page is no work
            self.chunks.append((self.start, self.end, self.in_chunk))
        self.start, self.in_chunk = self.end, 0

    def finish(self) -> tuple[tuple[int, int, int], ...]:
        """Close the last chunk and return them all."""
        self._close()
        return tuple(self.chunks)


def _damage(path: Path, compression: str, walker: RecordWalker) -> str | None:
    """Say what was left unread, if anything: the damage found or bytes after the last record."""
    if walker.damage:
        return walker.damage
    size = path.stat().st_size
    if compression != "stream" and walker.complete_end < size:
        return f"{size - walker.complete_end} bytes after the last record at offset " \
               f"{walker.complete_end} are not a WARC record"
    return None


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}"[:300] if text else type(error).__name__

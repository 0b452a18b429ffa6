"""What the fetcher hands back (FetchResult) and what it needs from an archive (ArchiveWriter)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..errors import FetchError
from ..models import Page


class ArchiveWriter(Protocol):
    """Writes one HTTP exchange to a WARC file and says where the response record starts.

    Header names and values are given as received, one character per byte (ISO-8859-1), so
    they can be written back byte for byte; `header_text` gives a value's readable text.
    `error` is the fetcher's verdict on the response ("HTTP 503"), None when it is a normal
    answer (a page, a redirect, a robots.txt 404); the WARC keeps only what was received.
    """

    def write_exchange(self, *, url: str, method: str, request_headers: list[tuple[str, str]],
                       status: int, reason: str, http_version: str,
                       response_headers: list[tuple[str, str]], body: bytes,
                       error: str | None = None) -> tuple[str, int]:
        """Archive a request and its response; return (warc file name, response record offset)."""
        ...


def header_text(value: str) -> str:
    """Return a header value given one character per byte as text: UTF-8 when it is, else as is."""
    if value.isascii():
        return value
    raw = value.encode("latin-1", "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return value


@dataclass(frozen=True)
class FetchResult:
    """The outcome of fetching one url: the page received and/or the reason it failed."""

    url: str
    page: Page | None
    error: FetchError | None
    not_modified: bool = False
    attempts: int = 1
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the fetch succeeded (a 304 answering our validators counts as success)."""
        return self.error is None and self.page is not None

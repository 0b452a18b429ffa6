"""The exception tree: every error carries the url it belongs to and a one-line reason.

    ScraperError
    ├── ConfigError          bad settings, sites file or selector rules (exit code 2)
    ├── QueryError           a question the database cannot answer as asked: an empty or
    │                        invalid search, an unknown article URL (exit code 2)
    ├── LockHeldError        another crawl holds the lock (exit code 3)
    ├── FetchError           the page could not be fetched
    │   ├── NetworkError         no usable response: timeout, refused or reset, TLS
    │   ├── RobotsDisallowed     robots.txt forbids the url
    │   │   └── RobotsUnreachable    robots.txt could not be read: the site is off limits for now
    │   ├── PrivateAddressError  the host is not on the public internet (or is this machine)
    │   ├── TooLargeError        the body is over the size cap
    │   ├── ContentTypeError     the response is not HTML-like
    │   └── HTTPStatusError      the server answered 4xx/5xx
    ├── ArchiveError         a WARC file could not be written or read (a run that cannot
    │                        open its archive: exit code 2)
    └── StoreError           the database refused a write
        └── DamagedDatabaseError  the database file is corrupt or not a database

Extraction never raises: a page with no article comes back as an empty record whose
provenance warnings give the reason. A failure is stored (``fetches.error``), not just
logged, so each error renders as ``str(error) == reason`` and keeps ``url`` separately.
"""

from __future__ import annotations


class ScraperError(Exception):
    """Root of every error this package raises on purpose."""

    def __init__(self, reason: str, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url

    def __str__(self) -> str:
        return self.reason

    def describe(self) -> str:
        """Return 'url: reason', or the reason alone when no url is known."""
        return f"{self.url}: {self.reason}" if self.url else self.reason


class ConfigError(ScraperError):
    """Settings, a sites file or a selector rule file is invalid."""


class QueryError(ScraperError):
    """A search or lookup is malformed or names nothing the database holds (a usage error)."""


class LockHeldError(ScraperError):
    """Another crawl already holds the database lock."""


class FetchError(ScraperError):
    """A page could not be fetched."""


class NetworkError(FetchError):
    """No usable HTTP response arrived: timeout, refused or reset connection, TLS, protocol."""

    def __init__(self, reason: str, url: str | None = None, retryable: bool = True) -> None:
        super().__init__(reason, url)
        self.retryable = retryable


class RobotsDisallowed(FetchError):
    """robots.txt forbids fetching the url."""


class RobotsUnreachable(RobotsDisallowed):
    """robots.txt could not be fetched (5xx, 429, network): the whole site is off limits for now."""


class PrivateAddressError(FetchError):
    """The url's host resolves to a non-public address (private, reserved) or this machine's."""


class TooLargeError(FetchError):
    """The response body exceeds the configured cap."""


class ContentTypeError(FetchError):
    """The response is not an HTML-like document."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, reason: str, url: str | None = None, status: int | None = None) -> None:
        super().__init__(reason, url)
        self.status = status


class ArchiveError(ScraperError):
    """A WARC file could not be written or read."""


class StoreError(ScraperError):
    """The database refused a write."""


class DamagedDatabaseError(StoreError):
    """The database file is corrupt (bytes changed on disk) or is not a SQLite database."""


EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 1, 2, 3


def exit_status_of(error: BaseException) -> int:
    """The exit status of a command that `error` stops, which its crawl_runs row records too:
    2 for a usage or configuration error or a file or folder that cannot be used (the
    archive included), 3 for the lock, 1 for anything else."""
    if isinstance(error, LockHeldError):
        return EXIT_LOCKED
    if isinstance(error, ConfigError | QueryError | ArchiveError):
        return EXIT_USAGE
    if isinstance(error, OSError) and not isinstance(error, BrokenPipeError):
        return EXIT_USAGE
    return EXIT_FAILED

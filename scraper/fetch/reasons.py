"""One-line reasons for network failures, and whether each is worth a retry."""

from __future__ import annotations

import ssl

import httpx

from ..errors import NetworkError

# (exception type found in the cause chain, reason, retryable), first match wins.
CAUSES: tuple[tuple[type[BaseException], str, bool], ...] = (
    (ConnectionRefusedError, "connection refused", True),
    (ConnectionResetError, "connection reset", True),
    (ConnectionAbortedError, "connection aborted", True),
    (BrokenPipeError, "connection closed by server", True),
    (ssl.SSLCertVerificationError, "TLS certificate not trusted", False),
    (ssl.SSLError, "TLS error", False),
)
# (httpx exception type, reason, retryable) when no cause above explains it.
HTTPX_ERRORS: tuple[tuple[type[BaseException], str, bool], ...] = (
    (httpx.RemoteProtocolError, "connection closed by server", True),
    (httpx.LocalProtocolError, "invalid request", False),
    (httpx.UnsupportedProtocol, "unsupported protocol", False),
    (httpx.ConnectError, "could not connect", True),
    (httpx.ReadError, "connection broken while reading", True),
    (httpx.WriteError, "connection broken while sending", True),
    (httpx.ProxyError, "proxy error", True),
    (httpx.DecodingError, "could not decode the response", False),
    (httpx.InvalidURL, "invalid url", False),
    (httpx.TransportError, "network error", True),
)


def describe_timeout(timeout: float) -> str:
    """Return 'timed out after 20 s'."""
    return f"timed out after {timeout:g} s"


def network_error(exc: BaseException, url: str, timeout: float) -> NetworkError:
    """Turn an httpx (or socket) exception into a NetworkError with a one-line reason."""
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return NetworkError(describe_timeout(timeout), url)
    for link in _cause_chain(exc):
        for kind, reason, retryable in CAUSES:
            if isinstance(link, kind):
                return NetworkError(reason, url, retryable)
    for kind, reason, retryable in HTTPX_ERRORS:
        if isinstance(exc, kind):
            return NetworkError(_with_detail(reason, exc), url, retryable)
    return NetworkError(_with_detail("network error", exc), url)


def _cause_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    return chain


def _with_detail(reason: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())
    if not detail or detail.lower() == reason:
        return reason
    return f"{reason} ({detail[:120]})"

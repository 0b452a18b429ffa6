"""One HTTP GET: send it, check the media type, stream the body under the size cap.

The body is decoded from its Content-Encoding here (see decoding.py). The archive gets the
headers exactly as received, one character per byte (it marks the ones that no longer
describe the stored bytes); the Page gets headers as text that describe its decoded bytes: no
Content-Encoding or Transfer-Encoding, and the decoded Content-Length.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..errors import FetchError, TooLargeError
from .contracts import header_text
from .decoding import IDENTITY_ENCODINGS, CappedDecoder, too_large
from .limits import ACCEPT_HEADERS, media_type, needs_sniffing, refuse_declared, refuse_sniffed

Headers = list[tuple[str, str]]
RequestHeaders = dict[str, str | bytes]
REWRITTEN_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


@dataclass(frozen=True)
class Exchange:
    """A request as sent and the response as received (body decoded), or why it was refused.

    Headers hold one character per byte received (ISO-8859-1); `header` and `page_headers`
    give their text.
    """

    url: str
    request_headers: Headers
    status: int
    reason: str
    http_version: str
    response_headers: Headers
    body: bytes = b""
    refusal: FetchError | None = None

    def page_headers(self) -> dict[str, str]:
        """Return the headers that describe the decoded body, lowercased, repeats joined."""
        merged: dict[str, str] = {}
        for name, value in self.response_headers:
            key = name.lower()
            if key not in REWRITTEN_HEADERS:
                value = header_text(value)
                merged[key] = f"{merged[key]}, {value}" if key in merged else value
        merged["content-length"] = str(len(self.body))
        return merged

    def header(self, name: str) -> str | None:
        """Return the first response header called name (case-insensitive), or None."""
        wanted = name.lower()
        return next((header_text(value) for key, value in self.response_headers
                     if key.lower() == wanted), None)


@dataclass(frozen=True)
class Limits:
    """What one request accepts: the kind of document and the body size."""

    expect: str = "html"
    max_bytes: int = 10 * 1024 * 1024
    truncate: bool = False  # keep the first max_bytes instead of failing (robots.txt)


async def perform(client: httpx.AsyncClient, url: str, headers: RequestHeaders,
                  limits: Limits) -> Exchange:
    """Send one GET (no redirects followed) and return the exchange; network errors propagate."""
    headers = {"Accept": ACCEPT_HEADERS[limits.expect], **headers}
    request = client.build_request("GET", url, headers=headers)
    response = await client.send(request, stream=True, follow_redirects=False)
    try:
        return await _receive(request, response, limits)
    finally:
        await response.aclose()


async def _receive(request: httpx.Request, response: httpx.Response, limits: Limits) -> Exchange:
    url = str(request.url)
    declared = media_type(response.headers.get("content-type"))
    success = 200 <= response.status_code < 300
    refusal = refuse_declared(limits.expect, declared, url) if success else None
    if refusal is None and success and not limits.truncate:
        refusal = _refuse_length(response, limits.max_bytes, url)
    if refusal is not None:
        return _exchange(request, response, b"", refusal)
    try:
        body = await read_body(response, limits.max_bytes, url, limits.truncate)
    except TooLargeError as error:
        if success:
            return _exchange(request, response, b"", error)
        body = b""  # an error page too big to keep changes nothing about the error
    if success and needs_sniffing(limits.expect, declared):
        refusal = refuse_sniffed(limits.expect, declared, body, url)
    return _exchange(request, response, body, refusal)


async def read_body(response: httpx.Response, max_bytes: int, url: str,
                    truncate: bool = False) -> bytes:
    """Stream the body, decoding it, and stop past max_bytes (raise, or cut when truncate)."""
    if response.is_stream_consumed:  # a response built in memory (httpx.MockTransport)
        return _capped(response.content, max_bytes, url, truncate)
    decoder = CappedDecoder(_content_encoding(response, url), max_bytes, url)
    parts: list[bytes] = []
    try:
        async for chunk in response.aiter_raw():
            parts.append(decoder.feed(chunk))
        parts.append(decoder.flush())
    except TooLargeError:
        if not truncate:
            raise
    return b"".join(parts)


def _capped(body: bytes, max_bytes: int, url: str, truncate: bool) -> bytes:
    if len(body) <= max_bytes or truncate:
        return body[:max_bytes]
    raise too_large(max_bytes, url)


def _content_encoding(response: httpx.Response, url: str) -> str:
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c not in IDENTITY_ENCODINGS]
    if len(codings) > 1:
        raise FetchError(f"unsupported content encoding ({', '.join(codings)})", url)
    return codings[0] if codings else ""


def _refuse_length(response: httpx.Response, max_bytes: int, url: str) -> FetchError | None:
    """Refuse early when an uncompressed body announces a length over the cap."""
    if response.headers.get("content-encoding", "").strip().lower() not in IDENTITY_ENCODINGS:
        return None
    try:
        length = int(response.headers.get("content-length", ""))
    except ValueError:
        return None
    return too_large(max_bytes, url) if length > max_bytes else None


def _exchange(request: httpx.Request, response: httpx.Response, body: bytes,
              refusal: FetchError | None) -> Exchange:
    return Exchange(
        url=str(request.url),
        request_headers=_as_sent(request.headers),
        status=response.status_code,
        reason=response.reason_phrase,
        http_version=response.http_version,
        response_headers=_as_sent(response.headers),
        body=body,
        refusal=refusal,
    )


def _as_sent(headers: httpx.Headers) -> Headers:
    """Return the headers with their original spelling and order, one character per byte."""
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers.raw]

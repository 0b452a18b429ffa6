"""Which responses each kind of fetch accepts: media types by name, sniffed bytes otherwise.

A declared media type is trusted when it is on the accepted list and refused when it is on
neither list, without downloading the body. Types that say nothing useful (none at all,
application/octet-stream, and for feeds a text type) are decided by sniffing the first bytes.
The raw bytes are kept: decoding to text happens in extraction.
"""

from __future__ import annotations

import re

from ..errors import ContentTypeError, FetchError

EXPECTATIONS = ("html", "feed", "sitemap", "any")

_XML_TYPES = frozenset({"application/xml", "text/xml"})
ACCEPTED_TYPES: dict[str, frozenset[str]] = {
    "html": frozenset({"text/html", "application/xhtml+xml"}),
    "feed": _XML_TYPES | frozenset({
        "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/feed+json", "application/json",
    }),
    "sitemap": _XML_TYPES | frozenset({
        "text/plain",                                  # the plain-text sitemap format
        "application/gzip", "application/x-gzip",      # sitemap.xml.gz, left compressed
    }),
}
_UNLABELLED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
SNIFFED_TYPES: dict[str, frozenset[str]] = {
    "html": _UNLABELLED,
    "feed": _UNLABELLED | frozenset({"text/plain", "text/html"}),  # misconfigured feed servers
    "sitemap": _UNLABELLED | frozenset({"text/html"}),
}
NOUNS = {"html": "HTML", "feed": "a feed", "sitemap": "a sitemap"}

SNIFF_BYTES = 1024
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|script|div|p)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_XML_START = re.compile(rb"^\s*<(?:\?xml|rss|feed|rdf:RDF|urlset|sitemapindex)[\s>]",
                        re.IGNORECASE)
_JSON_FEED = re.compile(rb'^\s*\{.{0,512}"version"\s*:\s*"https://jsonfeed\.org', re.DOTALL)
_GZIP_MAGIC = b"\x1f\x8b"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def media_type(content_type: str | None) -> str:
    """Return the media type of a Content-Type header, without parameters, lowercased."""
    return (content_type or "").split(";")[0].strip().lower()


def check_expect(expect: str) -> None:
    """Raise FetchError for an expectation this module does not know."""
    if expect not in EXPECTATIONS:
        raise FetchError(f"unknown expectation {expect!r} (use one of {', '.join(EXPECTATIONS)})")


def needs_sniffing(expect: str, declared: str) -> bool:
    """True when the declared media type cannot decide and the body must be sniffed."""
    return expect != "any" and declared in SNIFFED_TYPES[expect]


def refuse_declared(expect: str, declared: str, url: str) -> ContentTypeError | None:
    """Return the error for a declared media type this expectation never accepts, else None."""
    if expect == "any" or declared in ACCEPTED_TYPES[expect] or needs_sniffing(expect, declared):
        return None
    return ContentTypeError(f"not {NOUNS[expect]} ({declared})", url)


def refuse_sniffed(expect: str, declared: str, body: bytes, url: str) -> ContentTypeError | None:
    """Return the error when the sniffed body does not look like what was expected, else None."""
    if looks_like(expect, body):
        return None
    label = declared or "no content type"
    return ContentTypeError(f"not {NOUNS[expect]} ({label}, content does not look like it)", url)


def looks_like(expect: str, body: bytes) -> bool:
    """True when the first bytes look like the expected kind of document."""
    head = _strip_bom(body[:SNIFF_BYTES])
    if expect == "html":
        return bool(_HTML_START.match(head))
    if expect == "feed":
        return bool(_XML_START.match(head) or _JSON_FEED.match(head))
    if expect == "sitemap":
        return bool(_XML_START.match(head)) or head.startswith(_GZIP_MAGIC)
    return True


def _strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom):]
    return head

ACCEPT_HEADERS: dict[str, str] = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/feed+json,"
            "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5",
    "sitemap": "application/xml,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    "any": "*/*",
}

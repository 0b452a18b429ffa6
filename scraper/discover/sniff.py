"""Tell feeds, sitemaps and HTML apart by their bytes first, their headers second."""

from __future__ import annotations

import codecs
import re
import zlib
from urllib.parse import urlsplit

GZIP_MAGIC = b"\x1f\x8b"
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed
SNIFF_BYTES = 64 * 1024

FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
SITEMAP_ROOTS = frozenset({"urlset", "sitemapindex"})
HTML_ROOTS = frozenset({
    "html", "head", "body", "meta", "title", "link", "script", "style", "div", "p", "a", "span",
    "table", "header", "main", "article", "section", "nav", "form", "img", "h1", "h2", "ul",
    "iframe", "noscript", "base", "br",
})
FEED_MEDIA_TYPES = frozenset({"application/rss+xml", "application/atom+xml",
                              "application/rdf+xml", "application/feed+json",
                              "application/x-rss+xml", "application/x-atom+xml"})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_URL_SUFFIXES = (".rss", ".atom", "/feed", "/feed/", "/rss", "/rss/")
JSON_FEED_MARKER = b"jsonfeed.org/version"

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_URL_LINE = re.compile(rb"^https?://\S+$")


def gunzip_bounded(body: bytes, limit: int = MAX_DOCUMENT_BYTES) -> tuple[bytes, str | None]:
    """Decompress gzip bytes up to `limit`; return (bytes, problem or None). Non-gzip passes."""
    if not body.startswith(GZIP_MAGIC):
        return body, None
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decoder.decompress(body, limit)
    except zlib.error as error:
        return b"", f"corrupt gzip data: {error}"
    if decoder.unconsumed_tail:
        return data, f"decompressed document is over {limit} bytes; read the first {limit}"
    if not decoder.eof:
        return data, "gzip data is cut off"
    return data, None


def declares_entities(data: bytes) -> bool:
    """True when an XML document declares entities: the shape of entity-expansion attacks."""
    return ENTITY_DECLARATION.search(data) is not None


def to_utf8_head(body: bytes) -> bytes:
    """Return the first bytes of a document, UTF-16 re-encoded as UTF-8, BOM removed."""
    head = body[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", "ignore").encode("utf-8")
    return head.removeprefix(codecs.BOM_UTF8)


def root_element(head: bytes) -> str | None:
    """Return the lowercased local name of the first element, skipping prolog and comments."""
    match = _FIRST_ELEMENT.search(_COMMENT.sub(b"", head))
    if match is None:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    return name.rpartition(":")[2]


def is_text_sitemap(head: bytes) -> bool:
    """True when every non-empty line is an http(s) url (the sitemap protocol's text form)."""
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    if lines and len(head) == SNIFF_BYTES:
        lines = lines[:-1]  # the last line may be cut by the sniff window
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def classify(content_type: str, body: bytes, url: str) -> str:
    """Return "feed", "sitemap", "html" or "unknown" for a fetched document."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    data, _ = gunzip_bounded(body[: 4 * SNIFF_BYTES], limit=SNIFF_BYTES)
    head = to_utf8_head(data if body.startswith(GZIP_MAGIC) else body)
    if head.lstrip().startswith(b"{"):
        return "feed" if JSON_FEED_MARKER in head or media_type == "application/feed+json" \
            else "unknown"
    root = root_element(head)
    if root in SITEMAP_ROOTS:
        return "sitemap"
    if root in FEED_ROOTS:
        return "feed"
    if root in HTML_ROOTS:
        return "html"
    if root is None and is_text_sitemap(head):
        return "sitemap"
    return _classify_by_labels(media_type, url, has_markup=root is not None)


def _classify_by_labels(media_type: str, url: str, has_markup: bool) -> str:
    if media_type in HTML_MEDIA_TYPES and has_markup:
        return "html"
    if media_type in FEED_MEDIA_TYPES and has_markup:
        return "feed"
    path = urlsplit(url).path.lower() if url else ""
    if has_markup and path.endswith(FEED_URL_SUFFIXES):
        return "feed"
    return "unknown"

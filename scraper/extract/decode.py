"""Turn page bytes into text: charset from the HTTP header, then meta tags, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)


def charset_from_content_type(content_type: str | None) -> str | None:
    """Return the charset parameter of a Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([\w\-:.]+)", content_type, re.IGNORECASE)
    return _known_codec(match.group(1)) if match else None


def charset_from_meta(head: bytes) -> str | None:
    """Return the charset a <meta> tag declares in the first 4 KB, if it names a known codec."""
    match = _META_CHARSET.search(head[:4096])
    return _known_codec(match.group(1).decode("ascii", "ignore")) if match else None


def _is_utf8_text(content: bytes) -> bool:
    """True when the bytes hold non-ASCII characters and decode strictly as UTF-8."""
    if content.isascii():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


# Declared charsets that servers and templates give by default whatever the real encoding:
# when the bytes are valid UTF-8 with non-ASCII text, the declaration is the thing that's wrong.
SINGLE_BYTE_DEFAULTS = frozenset({"iso8859-1", "cp1252", "iso8859-15", "ascii"})


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Decode bytes, trusting BOM, header, meta and UTF-8 in that order, then detection.

    One exception: a single-byte default charset (ISO-8859-1, windows-1252) is overruled by
    bytes that are valid UTF-8 and not plain ASCII, since mislabelled UTF-8 is common and
    valid multi-byte UTF-8 is almost never Latin-1 text by chance.
    """
    if content.startswith(codecs.BOM_UTF8):
        return content[3:].decode("utf-8", "replace")
    for charset in (charset_from_content_type(content_type), charset_from_meta(content)):
        if charset in SINGLE_BYTE_DEFAULTS and _is_utf8_text(content):
            return content.decode("utf-8")
        if charset:
            try:
                return content.decode(charset)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(content[:200_000]).best()
    if best is not None and best.encoding:
        return content.decode(best.encoding, "replace")
    return content.decode("cp1252", "replace")

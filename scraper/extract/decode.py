"""Turn page bytes into text: charset from the HTTP header, then meta tags, then detection.

UTF-8 with a few invalid bytes (a stray Latin-1 byte pasted into a template) is still UTF-8:
each bad sequence becomes U+FFFD and the rest of the page keeps its letters. Counting the
valid multi-byte characters against the invalid sequences tells damaged UTF-8 from legacy
text, in which valid UTF-8 sequences almost never occur by chance.

UTF-7 is honoured when the header or a meta tag declares it (and the bytes are 7-bit, as
UTF-7 always is), never guessed. Browsers refuse UTF-7 because it lets ASCII smuggle markup
past HTML filters; we never render pages, and the archive should hold the text the author
wrote. Undeclared, "+AFw-" in a page is just those five characters.
"""

from __future__ import annotations

import codecs
import re

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


def _utf8_text(content: bytes) -> str | None:
    """The bytes read as UTF-8 when they hold non-ASCII characters and decode strictly so."""
    if content.isascii():
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


# Declared charsets that servers and templates give by default whatever the real encoding:
# when the bytes are valid UTF-8 with non-ASCII text, the declaration is the thing that's wrong.
SINGLE_BYTE_DEFAULTS = frozenset({"iso8859-1", "cp1252", "iso8859-15", "ascii"})
# Valid multi-byte characters needed per invalid sequence to read damaged bytes as UTF-8:
# when the page says UTF-8, more good than bad; when it does not, clearly more.
DECLARED_UTF8_MARGIN = 1
DETECTED_UTF8_MARGIN = 8


def damaged_utf8(content: bytes, margin: int) -> str | None:
    """Return content read as UTF-8 with replacement characters when it is UTF-8 with a few
    invalid sequences (at least `margin` valid multi-byte characters per invalid one)."""
    text = content.decode("utf-8", "replace")
    replaced = text.count("\ufffd")
    invalid = replaced - content.count(b"\xef\xbf\xbd")  # U+FFFD the page itself contains
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text if multibyte > 0 and multibyte >= margin * invalid else None


def _decode_declared(content: bytes, charset: str) -> tuple[str | None, str | None]:
    """Return content in its declared charset, or None when the bytes say it is wrong; and
    the codec that read all of it strictly (None when characters were replaced)."""
    if charset in SINGLE_BYTE_DEFAULTS:
        text = _utf8_text(content)
        if text is not None:
            return text, "utf-8"
        if not content.isascii():
            utf8 = damaged_utf8(content, DETECTED_UTF8_MARGIN)
            if utf8 is not None:
                return utf8, None
    if charset == "utf-7" and not content.isascii():
        return None, None  # UTF-7 is 7-bit: 8-bit bytes mean the label is wrong
    try:
        return content.decode(charset), charset
    except (UnicodeDecodeError, LookupError):
        pass
    if charset == "utf-8":
        return damaged_utf8(content, DECLARED_UTF8_MARGIN), None
    return None, None


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Decode bytes, trusting BOM, header, meta and UTF-8 in that order, then detection.

    One exception: a single-byte default charset (ISO-8859-1, windows-1252) is overruled by
    bytes that are valid UTF-8 and not plain ASCII, since mislabelled UTF-8 is common and
    valid multi-byte UTF-8 is almost never Latin-1 text by chance.
    """
    return decode_page(content, content_type)[0]


# Codecs that read ASCII bytes as the same characters: text they made of ASCII bytes encodes
# back to those bytes in UTF-8.
_ASCII_KEPT = SINGLE_BYTE_DEFAULTS | {"utf-8"}


def decode_page(content: bytes, content_type: str | None = None) -> tuple[str, bool]:
    """decode_html, and whether the text's UTF-8 bytes are `content` itself (strict UTF-8, or
    ASCII read by a codec that keeps it): the parser can take them without encoding again."""
    if content.startswith(codecs.BOM_UTF8):
        return content[3:].decode("utf-8", "replace"), False
    for charset in (charset_from_content_type(content_type), charset_from_meta(content)):
        text, codec = _decode_declared(content, charset) if charset else (None, None)
        if text is not None:
            return text, codec == "utf-8" or (codec in _ASCII_KEPT and content.isascii())
    try:
        return content.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    text = damaged_utf8(content, DETECTED_UTF8_MARGIN)
    if text is not None:
        return text, False
    from charset_normalizer import from_bytes  # only for undeclared legacy bytes: load on use

    best = from_bytes(content[:200_000]).best()
    if best is not None and best.encoding:
        return content.decode(best.encoding, "replace"), False
    return content.decode("cp1252", "replace"), False

"""Repair UTF-8 that was encoded twice: "doesnâ\\x80\\x99t" or "doesnâ€™t" back to "doesn’t".

A page whose UTF-8 bytes were once read as Latin-1 or Windows-1252 and written out again as
UTF-8 shows each non-ASCII character as two to four characters of the Latin-1 range (or
Windows-1252's punctuation). Browsers show the garbage too, but readers and search see broken
words. The sign is the twice-encoded form of a General Punctuation character (the curly quote,
dash, ellipsis of U+2010-U+203F: "â" then "\\x80" or "€", then one more), which real text
never holds; on a page with a few of them, every run that forms valid UTF-8 when written back
as single bytes is decoded. Other pages are left alone.
"""

from __future__ import annotations

import re

from .lazy import compile_on_use

# Each character of a single-byte reading, and the byte it was read from: Latin-1 for every
# byte 0x80-0xFF, and Windows-1252's printable characters for 0x80-0x9F.
_BYTE_OF: dict[str, int] = {chr(byte): byte for byte in range(0x80, 0x100)}
for _byte in range(0x80, 0xA0):
    try:
        _BYTE_OF[bytes([_byte]).decode("cp1252")] = _byte
    except UnicodeDecodeError:
        pass
_CONTINUATION = "[" + "".join(sorted(
    re.escape(char) for char, byte in _BYTE_OF.items() if 0x80 <= byte <= 0xBF)) + "]"
# A twice-encoded General Punctuation character (bytes E2 80 xx): the sign of the damage.
_PUNCTUATION_SIGN = compile_on_use("\u00e2[\u0080\u20ac]" + _CONTINUATION)
# One character's twice-encoded UTF-8 sequence: a lead byte and its continuation bytes.
_SEQUENCE = compile_on_use(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
    f"|[\u00f0-\u00f4]{_CONTINUATION}{{3}}")
MIN_SIGNS = 2  # one such run may be a quoted example of the damage; two make a page


def repair_double_utf8(text: str) -> str:
    """Return text with twice-encoded UTF-8 decoded, when the text shows the damage."""
    if text.isascii() or "\u00e2" not in text:
        return text
    for signs, _ in enumerate(_PUNCTUATION_SIGN.finditer(text), start=1):
        if signs >= MIN_SIGNS:
            return _SEQUENCE.sub(_decoded, text)
    return text


def _decoded(match: re.Match[str]) -> str:
    """The character a twice-encoded sequence stands for (the run itself when invalid)."""
    run = match.group()
    try:
        return bytes(_BYTE_OF[char] for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return run

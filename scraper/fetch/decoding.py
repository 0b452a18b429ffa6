"""Streamed Content-Encoding decoding that never inflates past a byte cap (gzip bombs).

We advertise only the encodings zlib can decode with a bounded output (`max_length`), so a
tiny compressed body that would inflate to gigabytes costs at most the cap in memory.
"""

from __future__ import annotations

import zlib

from ..errors import FetchError, TooLargeError

ACCEPT_ENCODING = "gzip, deflate"
IDENTITY_ENCODINGS = frozenset({"", "identity", "none"})
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_ZLIB_WBITS = zlib.MAX_WBITS
_RAW_DEFLATE_WBITS = -zlib.MAX_WBITS
_GZIP_MAGIC = b"\x1f\x8b"


def describe_size(size: int) -> str:
    """Return a byte count the way people say it: '10 MB', '512 KB', '300 bytes'."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def too_large(max_bytes: int, url: str) -> TooLargeError:
    """Return the error for a body over the cap."""
    return TooLargeError(f"body exceeds {describe_size(max_bytes)}", url)


class CappedDecoder:
    """Decode one Content-Encoding chunk by chunk, raising TooLargeError past max_bytes."""

    def __init__(self, encoding: str, max_bytes: int, url: str) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding not in IDENTITY_ENCODINGS and self.encoding not in {"gzip", "x-gzip",
                                                                            "deflate"}:
            raise FetchError(f"unsupported content encoding ({self.encoding})", url)
        self.max_bytes = max_bytes
        self.url = url
        self.size = 0
        self._zlib: zlib._Decompress | None = self._new_decompressor()
        self._started = False

    def feed(self, chunk: bytes) -> bytes:
        """Return the decoded bytes of chunk; raise once the total passes the cap."""
        if self._zlib is None:
            return self._count(chunk)
        out: list[bytes] = []
        data = chunk
        while data:
            data = self._inflate(data, out)
        return b"".join(out)

    def flush(self) -> bytes:
        """Return whatever the decompressor still holds at the end of the body."""
        if self._zlib is None:
            return b""
        try:
            return self._count(self._zlib.flush())
        except zlib.error as exc:
            raise FetchError(f"corrupt {self.encoding} body ({exc})", self.url) from exc

    def _inflate(self, data: bytes, out: list[bytes]) -> bytes:
        """Inflate some of data into out; return the input still to be inflated."""
        assert self._zlib is not None
        try:
            piece = self._zlib.decompress(data, self.max_bytes - self.size + 1)
        except zlib.error as exc:
            if self.encoding == "deflate" and not self._started:
                self._zlib = zlib.decompressobj(_RAW_DEFLATE_WBITS)  # raw deflate, no header
                self._started = True
                return data
            raise FetchError(f"corrupt {self.encoding} body ({exc})", self.url) from exc
        self._started = True
        out.append(self._count(piece))
        if self._zlib.unconsumed_tail:
            return self._zlib.unconsumed_tail
        if self._zlib.eof and self._zlib.unused_data[:2] == _GZIP_MAGIC:
            rest = self._zlib.unused_data  # a second gzip member follows; other trailers ignored
            self._zlib = self._new_decompressor()
            return rest
        return b""

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.max_bytes:
            raise too_large(self.max_bytes, self.url)
        return piece

    def _new_decompressor(self) -> zlib._Decompress | None:
        if self.encoding in IDENTITY_ENCODINGS:
            return None
        return zlib.decompressobj(_ZLIB_WBITS if self.encoding == "deflate" else _GZIP_WBITS)

"""Capped decoding: bodies come back whole under the cap, and bombs stop at the cap."""

from __future__ import annotations

import gzip
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.errors import FetchError, TooLargeError
from scraper.fetch.decoding import CappedDecoder, describe_size

TEXT = b"<html><body>" + b"Ferries run every hour from the harbour. " * 200 + b"</body></html>"


def raw_deflate(data: bytes) -> bytes:
    """Deflate without the zlib header, as some servers send 'deflate'."""
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(data) + compressor.flush()


def decode_in_chunks(encoding: str, data: bytes, size: int, max_bytes: int = 1 << 20) -> bytes:
    decoder = CappedDecoder(encoding, max_bytes, "http://example.com/")
    out = [decoder.feed(data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(out) + decoder.flush()


@pytest.mark.parametrize("encoding, encoded", [
    ("gzip", gzip.compress(TEXT)),
    ("x-gzip", gzip.compress(TEXT)),
    ("deflate", zlib.compress(TEXT)),                                   # zlib-wrapped, per RFC
    ("deflate", raw_deflate(TEXT)),
    ("identity", TEXT),
    ("", TEXT),
])
def test_each_encoding_decodes_whole(encoding: str, encoded: bytes) -> None:
    assert decode_in_chunks(encoding, encoded, 7) == TEXT


def test_concatenated_gzip_members_are_all_decoded() -> None:
    encoded = gzip.compress(b"first half, ") + gzip.compress(b"second half")
    assert decode_in_chunks("gzip", encoded, 5) == b"first half, second half"


def test_junk_after_the_gzip_stream_is_ignored() -> None:
    assert decode_in_chunks("gzip", gzip.compress(TEXT) + b"\r\n\0\0junk", 1000) == TEXT


@given(body=st.binary(max_size=5000), chunk=st.integers(min_value=1, max_value=700))
@settings(max_examples=60, deadline=None)
def test_any_body_in_any_chunking_round_trips(body: bytes, chunk: int) -> None:
    assert decode_in_chunks("gzip", gzip.compress(body), chunk) == body


def test_a_bomb_stops_at_the_cap_without_inflating_it_all() -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    decoder = CappedDecoder("gzip", 1024 * 1024, "http://example.com/bomb")
    with pytest.raises(TooLargeError) as caught:
        decoder.feed(bomb)  # all at once: the worst case for memory
    assert caught.value.reason == "body exceeds 1 MB"
    assert decoder.size <= 1024 * 1024 + 1  # never held more than the cap (plus one byte)


def test_a_body_exactly_at_the_cap_is_accepted() -> None:
    assert decode_in_chunks("gzip", gzip.compress(b"a" * 1000), 100, max_bytes=1000) == b"a" * 1000
    with pytest.raises(TooLargeError):
        decode_in_chunks("gzip", gzip.compress(b"a" * 1001), 100, max_bytes=1000)
    with pytest.raises(TooLargeError):
        decode_in_chunks("identity", b"a" * 1001, 100, max_bytes=1000)


def test_an_encoding_we_did_not_ask_for_is_refused() -> None:
    with pytest.raises(FetchError) as caught:
        CappedDecoder("br", 100, "http://example.com/")
    assert caught.value.reason == "unsupported content encoding (br)"


def test_a_corrupt_gzip_body_is_a_fetch_error() -> None:
    with pytest.raises(FetchError) as caught:
        decode_in_chunks("gzip", b"\x1f\x8b\x08\x00garbage that is not deflate" * 3, 10)
    assert caught.value.reason.startswith("corrupt gzip body")


@pytest.mark.parametrize("size, said", [
    (10 * 1024 * 1024, "10 MB"), (64 * 1024, "64 KB"), (1536, "1.5 KB"), (300, "300 bytes"),
    (3 * 1024 ** 3, "3 GB"),
])
def test_sizes_read_the_way_people_say_them(size: int, said: str) -> None:
    assert describe_size(size) == said

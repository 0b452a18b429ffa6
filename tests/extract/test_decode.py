"""Decoding page bytes: header, BOM, meta, UTF-8, detection, and mislabelled UTF-8."""

from __future__ import annotations

import pytest

from scraper.extract.decode import charset_from_content_type, charset_from_meta, decode_html

TEXT = "Café Größe – “quotes” and naïve façade"


@pytest.mark.parametrize(("header", "expected"), [
    ("text/html; charset=UTF-8", "utf-8"),
    ('text/html; charset="iso-8859-1"', "iso8859-1"),
    ("text/html; charset=nonsense-encoding", None),
    ("text/html", None),
    (None, None),
])
def test_charset_from_content_type(header: str | None, expected: str | None) -> None:
    assert charset_from_content_type(header) == expected


def test_charset_from_meta_tags() -> None:
    assert charset_from_meta(b'<html><head><meta charset="windows-1251">') == "cp1251"
    assert charset_from_meta(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"


def test_header_charset_wins_over_meta() -> None:
    content = f'<meta charset="utf-8"><p>{TEXT}</p>'.encode("cp1251", "replace")
    assert "Caf" in decode_html(content, "text/html; charset=windows-1251")


def test_utf8_bom_wins() -> None:
    assert decode_html(b"\xef\xbb\xbf" + TEXT.encode(), "text/html; charset=iso-8859-1") == TEXT


@pytest.mark.parametrize("declared", ["text/html; charset=iso-8859-1", "text/html; charset=windows-1252"])
def test_utf8_bytes_labelled_latin1_are_read_as_utf8(declared: str) -> None:
    assert decode_html(TEXT.encode("utf-8"), declared) == TEXT


def test_real_latin1_bytes_stay_latin1() -> None:
    latin = "Café au lait, déjà vu".encode("iso-8859-1")
    assert decode_html(latin, "text/html; charset=iso-8859-1") == "Café au lait, déjà vu"


def test_undeclared_bytes_fall_back_to_utf8_then_detection() -> None:
    assert decode_html(TEXT.encode()) == TEXT
    cyrillic = ("<html><body><p>В четверг городской совет утвердил план строительства новой "
                "трамвайной линии до больницы. Решение приняли после шести часов дебатов, "
                "сообщили журналистам в мэрии. Жители района давно ждали этого.</p></body></html>")
    assert "городской совет" in decode_html(cyrillic.encode("cp1251"))

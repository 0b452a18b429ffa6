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


JAPANESE = ("市議会は火曜日の夜、港湾地区の再開発計画について六時間にわたって議論し、"
            "賛成多数で新しい路面電車の延伸を承認した。市長は記者会見で、工事は来年の春に始まると述べた。") * 3


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "gb18030", "cp1251", "iso8859-7"])
def test_legacy_multibyte_and_cyrillic_text_is_not_taken_for_damaged_utf8(codec: str) -> None:
    text = JAPANESE if codec in ("shift_jis", "euc_jp", "gb18030") else (
        "Городской совет утвердил план строительства новой трамвайной линии до больницы. " * 4
        if codec == "cp1251" else "Το δημοτικό συμβούλιο ενέκρινε την επέκταση του τραμ. " * 4)
    page = f"<html><body><p>{text}</p></body></html>"
    assert decode_html(page.encode(codec)) == page

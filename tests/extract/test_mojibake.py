"""Repairing UTF-8 encoded twice (read once as Latin-1 or Windows-1252, written as UTF-8)."""

from __future__ import annotations

import pytest

from scraper import extract
from scraper.extract.mojibake import repair_double_utf8

TEXT = "She said “it doesn’t matter” — the café’s owner, Zoë, at 5 € a cup…"


def twice(text: str, codec: str) -> str:
    """The text as a page shows it after its UTF-8 bytes were read in `codec`."""
    return text.encode("utf-8").decode(codec, errors="strict" if codec == "latin-1" else "ignore")


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_twice_encoded_text_is_repaired(codec: str) -> None:
    damaged = twice(TEXT, codec)
    assert damaged != TEXT
    if codec == "latin-1":
        assert repair_double_utf8(damaged) == TEXT
    else:  # Windows-1252 has no character for some bytes (0x9D of "”"): those are lost
        repaired = repair_double_utf8(damaged)
        assert "doesn’t" in repaired and "café’s" in repaired and "Zoë" in repaired


def test_clean_text_is_left_alone() -> None:
    assert repair_double_utf8(TEXT) == TEXT
    assert repair_double_utf8("plain ascii") == "plain ascii"


def test_latin_text_without_the_sign_is_left_alone() -> None:
    # "Ã©" may be damage, but without a twice-encoded punctuation mark nothing says so
    text = "Prix: 20 Ã© 30 — voilà, façade"
    assert repair_double_utf8(text) == text


def test_one_sign_is_not_enough() -> None:
    text = "The bug shows ’ as â€™ in old mail clients. Café."
    assert repair_double_utf8(text) == text


def test_extracted_body_and_headline_are_repaired() -> None:
    page = twice(
        "<html><head><meta charset='utf-8'><title>It’s “fixed”</title></head><body><article>"
        "<h1>It’s “fixed”</h1><p>The council’s plan — approved on Monday after a long debate "
        "about the town’s budget — doesn’t raise taxes, the mayor’s office said.</p>"
        "<p>Residents said they’d wait and see what the next year brings for the café.</p>"
        "</article></body></html>", "latin-1").encode("utf-8")
    article = extract(page, url="https://example.com/a")
    assert article.headline == "It’s “fixed”"
    assert "doesn’t raise taxes" in article.body and "café" in article.body

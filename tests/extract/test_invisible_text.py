"""Soft hyphens, zero-width characters and ruby readings never reach any field."""

from __future__ import annotations

import json

import pytest

from scraper import extract
from scraper.extract.document import parse_document

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
FILLER = ("The council leader added that the money was secured and that the tenders would open "
          "in the first week of April, two months later than planned.")


@pytest.mark.parametrize("spelling", [
    "\u00ad", "&shy;", "&#173;", "&#xAD;", "\u200b", "&ZeroWidthSpace;", "&#8203;", "&#x200b;",
    "\u200c", "&zwnj;", "\u200d", "&zwj;", "\u2060", "&NoBreak;", "&#8288;", "\ufeff", "&#xFEFF;",
])
def test_every_spelling_of_an_invisible_character_is_removed(spelling: str) -> None:
    html = (f"<html><head><title>Bed{spelling}ford</title></head><body><article>"
            f"<h1>Bed{spelling}ford</h1><p>The Bed{spelling}ford council approved the plan. {FILLER}</p>"
            f"<figure><img src='https://news.example/a.jpg'><figcaption>Bed{spelling}ford "
            f"quay at dawn</figcaption></figure><p>“We are re{spelling}ady,” said Jane Smith. {FILLER}</p>"
            "</article></body></html>")
    record = extract(html, url="https://news.example/a").to_dict()
    assert record["headline"] == "Bedford"
    assert "The Bedford council" in record["body"]
    assert record["images"][0]["caption"] == "Bedford quay at dawn"
    assert record["quotes"][0]["text"] == "We are ready"
    assert not set(json.dumps(record, ensure_ascii=False)) & set(INVISIBLE)


def test_invisible_characters_leave_json_ld_too() -> None:
    html = '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bed\u00adford"}</script></head></html>'
    assert parse_document(html).jsonld[0]["headline"] == "Bedford"


def test_ruby_readings_are_dropped_and_the_base_text_stays_whole() -> None:
    html = ("<html><body><article><h1>東<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字"
            "<ruby><rb>新</rb><rtc><rt>しん</rt></rtc></ruby>聞</h1>"
            f"<p><ruby>日本<rt>にほん</rt></ruby>の{FILLER}</p></article></body></html>")
    record = extract(html, url="https://news.example/a").to_dict()
    assert record["headline"] == "東漢字新聞"
    assert record["body"].startswith("日本の")
    assert "かん" not in json.dumps(record, ensure_ascii=False)


def test_references_are_removed_from_a_page_of_plain_ascii_too() -> None:
    html = ("<html><head><title>Bed&shy;ford</title></head><body><p>Bed&#x200B;ford and "
            "Bed&zwnj;ford</p></body></html>")
    document = parse_document(html)
    assert document.tree.css_first("title").text() == "Bedford"
    assert document.tree.css_first("p").text() == "Bedford and Bedford"


@pytest.mark.parametrize(("page", "reading"), [
    ("<p>Bed\x00ford\ud800 &sh\x00y;quay<rt>x</rt></p>", "Bedford quay"),  # NULs hid a reference
    ("<p>Bed\ud800ford \u00e2\u0080\u0099s &shy;quay\u00e2\u0080\u0099<rt>x</rt></p>", "Bedford \u2019s quay\u2019"),
])
def test_nul_characters_and_lone_surrogates_leave_the_rest_of_the_page_cleaned(page: str, reading: str) -> None:
    document = parse_document(page)
    assert document.tree.css_first("p").text() == reading  # the parser drops lone surrogates
    assert "\x00" not in document.html and "&shy;" not in document.html

"""Tests for the shared tree helpers."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.nodes import (
    PART_WORDS,
    climb_to_known,
    inside_region,
    names_a_part,
    without_part_words,
)


def _tree() -> LexborHTMLParser:
    return LexborHTMLParser("<html><body><main><section><div><p id='leaf'>Text</p></div>"
                            "</section></main></body></html>")


def test_a_climb_stops_at_the_first_known_element_and_lists_what_it_passed() -> None:
    tree = _tree()
    leaf, div, section = (tree.css_first(s) for s in ("p", "div", "section"))
    walked, known = climb_to_known(leaf, {section.mem_id})
    assert walked == [leaf.mem_id, div.mem_id]
    assert known == section.mem_id


def test_a_climb_that_meets_nothing_known_passes_the_root() -> None:
    tree = _tree()
    leaf = tree.css_first("p")
    walked, known = climb_to_known(leaf, set())
    assert known is None
    assert walked[0] == leaf.mem_id
    assert tree.body.mem_id in walked and tree.root.mem_id in walked


def test_a_climb_from_a_known_element_passes_nothing() -> None:
    leaf = _tree().css_first("p")
    assert climb_to_known(leaf, {leaf.mem_id}) == ([], leaf.mem_id)
    assert climb_to_known(None, {leaf.mem_id}) == ([], None)


def test_the_part_test_agrees_with_the_part_pattern() -> None:
    for names in ("site-footer main", "page-header", "xheaderx", "entry-meta byline", "",
                  "foot head", "sub-footer-nav wrap"):
        assert names_a_part(names) is (PART_WORDS.search(names) is not None)
        assert without_part_words(names) == PART_WORDS.sub(" ", names)


def test_a_page_footer_is_a_region_and_an_article_footer_is_not() -> None:
    tree = LexborHTMLParser("<body><div class='site-footer wrap'><p><a id='page'>x</a></p></div>"
                            "<article><div class='entry-footer'><a id='own'>y</a></div></article>"
                            "</body>")
    hint = re.compile("footer")
    assert inside_region(tree.css_first("#page"), frozenset(), hint)
    assert not inside_region(tree.css_first("#own"), frozenset(), hint)

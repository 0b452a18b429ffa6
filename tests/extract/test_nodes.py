"""Tests for the shared tree helpers."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.authors.bylines import FOREIGN_REGION_HINT, PERSON_ICON
from scraper.extract.metadata.tags import OUTSIDE_HINT
from scraper.extract.nodes import (
    PART_WORDS,
    NameTest,
    climb_to_known,
    inside_region,
    names_a_part,
    without_part_words,
)
from scraper.extract.related.blocks import CONTAINER_HINT, CONTAINER_TOKENS, MENU_HINT


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


# The patterns the name tests stand for, as they were written.
NAME_TESTS = [
    (FOREIGN_REGION_HINT, (r"comment|related|sidebar|(?<!elementor-)widget|recirc|popular|trending|"
                          r"most-read|newsletter|footer|respond|reply|teaser|"
                          r"(?:^|[\s_-])promo(?:$|[\s_-])|author-?bio|about-the-author|"
                          r"author-?box|more-from|testimonial|review-author")),
    (PERSON_ICON, (r"(?:^|[\s_-])(?:fa-user|fa-user-circle|fa-user-o|bi-person|bi-person-circle|"
                  r"icon-user|icon-person|icon-author|dashicons-admin-users|ion-person|ti-user|"
                  r"la-user)(?:$|\s)")),
    (CONTAINER_HINT, "|".join(re.escape(token) for token in CONTAINER_TOKENS)),
    (MENU_HINT, r"(?:^|[\s_-])(?:nav|menu|breadcrumb)"),
    (OUTSIDE_HINT, (r"sidebar|widget|tag-?cloud|menu|navigation|footer|comment|"
                   r"related-(?:post|article|stor)|share|social|trending|popular")),
]
NAME_TEXTS = [
    "", "entry-content", "comments-area", "post-related", "td-related-title", "sidebar-left",
    "elementor-widget-text", "sidebar widget", "recirc-module", "most-popular", "trending-now",
    "most-read", "newsletter-signup", "site-footer", "respond", "reply-link", "teaser-grid",
    "promo", "c-promo box", "promotion", "author-bio", "authorbio", "about-the-author",
    "author-box", "authorbox", "more-from-section", "testimonial", "review-author", "fa fa-user",
    "fa-user-circle x", "bi-person", "icon-author", "dashicons-admin-users", "la-user",
    "fa-users", "x-user", "read-more", "you-may-also-like", "similar-posts", "correlati",
    "relacionadas", "leggi-anche", "lire-aussi", "lesen-sie-auch", "navbar", "main-nav",
    "menu-item", "breadcrumbs", "tag-cloud", "tagcloud", "navigation", "related-posts",
    "related-stories", "share-bar", "social", "canvas", "unavailable", "Author-Bio", "MENU",
    "elementor-widget widget", "xelementor-widget", "elementor-widgets", "promo_x", "x-promo-",
]


@pytest.mark.parametrize(("test", "pattern"), NAME_TESTS)
def test_name_tests_tell_what_their_patterns_find(test: NameTest, pattern: str) -> None:
    """A name test is true exactly where its pattern finds something."""
    compiled = re.compile(pattern)
    for text in NAME_TEXTS + [f"a {text} b" for text in NAME_TEXTS] + [f"{a}{b}" for a in NAME_TEXTS
                                                                          for b in NAME_TEXTS[::7]]:
        assert test.search(text) == (compiled.search(text) is not None), text

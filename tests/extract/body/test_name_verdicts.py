"""Boilerplate names: each attribute value is judged once per page, by its names and their
words, and a node's verdict is the strongest of its attributes' verdicts."""

from __future__ import annotations

import pytest

from scraper.extract.body.boilerplate import (
    _CAPTIONED,
    NON_BODY_WORDS,
    _class_marks,
    _name_verdict,
    _verdict,
    heading_holders,
)
from scraper.extract.document import parse_document


@pytest.mark.parametrize(("names", "verdict"), [
    ("share-bar top", "strong"),               # a word of a hyphenated name
    ("NewsletterInline_root__x1", "strong"),   # camel case split into words
    ("postComments", "strong"),
    ("post_comments", "strong"),
    ("nav:related/list", "strong"),
    ("jp-relatedposts", "strong"),             # a listed hyphenated name
    ("sidebar-left", "weak"),
    ("widget share", "strong"),                # a strong word outweighs a weak one
    ("SIDEBAR", "weak"),
    ("entry-content", None),
    ("shared-header-x", "weak"),               # "shared" is no listed word, "header" is weak
    ("adventure", None),                       # words, not substrings
    ("x" * 400, None),
    ("", None),
])
def test_names_are_judged_by_their_words(names: str, verdict: str | None) -> None:
    assert _name_verdict(names) == verdict


def test_a_node_takes_the_strongest_verdict_of_its_attributes() -> None:
    tree = parse_document(
        '<div class="widget" id="comments">a</div><div class="widget" data-module="box">b</div>'
        '<div class="entry" id="main-text">c</div><div class="x" role="navigation">d</div>'
        '<div class="x" hidden>e</div><div hidden id="S:0">f</div>'
        '<div style="display: none">g</div><main class="sidebar">h</main>', None).tree
    nodes = tree.css("div, main")
    assert [_verdict(node) for node in nodes] == ["strong", "weak", None, "strong", "strong", None,
                                                  "strong", None]


def test_verdicts_kept_for_the_page_are_the_same_verdicts() -> None:
    tree = parse_document('<div class="share-bar">a</div><div class="share-bar">b</div>'
                          '<div class="widget">c</div><div class="entry">d</div>', None).tree
    seen: dict[str, str | None] = {}
    assert [_verdict(node, seen) for node in tree.css("div")] == ["strong", "strong", "weak", None]
    assert seen == {"share-bar": "strong", "widget": "weak", "entry": None}


def test_heading_holders_are_the_h1s_and_their_ancestors() -> None:
    tree = parse_document('<div id="a"><section id="b"><h1 id="c">T</h1></section>'
                          '<p id="d">x</p></div><div id="e"><h1 id="f">U</h1></div>', None).tree
    holders = heading_holders(tree)
    held = {node.id for node in tree.css("[id]") if node.mem_id in holders}
    assert held == {"a", "b", "c", "e", "f"}


def test_a_headings_id_made_from_its_own_words_names_nothing() -> None:
    tree = parse_document(
        '<h2 id="h-what-is-social-shopping">What is social shopping?</h2>'
        '<h3 id="h-navigation-equipment-list">Navigation equipment list</h3>'
        '<h2 id="social-share-bar">Tell your friends</h2>'
        '<div id="why-use-social-shopping">Why use social shopping</div>', None).tree
    verdicts = [_verdict(node) for node in tree.css("h2, h3, div")]
    assert verdicts == [None, None, "strong", "strong"]  # only headings; other ids still name


def test_a_class_names_a_caption_for_each_non_body_word_in_any_case_and_only_for_those() -> None:
    for word in NON_BODY_WORDS:
        for names in (word, f"wp-{word.upper()}-box", f"x{word.title()}y"):
            assert _class_marks(names) & _CAPTIONED
    for names in ("entry-content", "galery", "lightbo x", "slide-show", "captio credi"):
        assert not _class_marks(names) & _CAPTIONED

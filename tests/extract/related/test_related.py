"""Related links: blocks found by class, by heading and by 'Read more:' lines; what is never one."""

from __future__ import annotations

import re
import string

import pytest

from scraper.extract.document import parse_document
from scraper.extract.related import (
    NOT_ARTICLE_URL,
    _not_article_url,
    extract_related,
)
from scraper.extract.related.blocks import (
    CONTAINER_TOKENS,
    QUERY_TOKENS,
    RELATED_LABEL,
    _leading_compound,
    related_label,
)
from scraper.models import Link, SiteRules

URL = "https://news.example.com/2024/05/03/harbour-plan/"
FERRY = "https://news.example.com/2024/04/28/ferry-timetable/"
TRAM = "https://news.example.com/2024/04/30/tram-extension-vote/"


def related(body: str, rules: SiteRules | None = None, head: str = "") -> list[Link]:
    html = f"<html><head>{head}</head><body><article><h1>Harbour plan wins</h1>{body}</article></body></html>"
    return extract_related(parse_document(html, URL), rules)


TWO = [Link(FERRY, "Ferry timetable changes"), Link(TRAM, "Tram extension goes to a vote")]
LIST = ('<ul><li><a href="/2024/04/28/ferry-timetable/">Ferry timetable changes</a></li>'
        '<li><a href="/2024/04/30/tram-extension-vote/">Tram extension goes to a vote</a></li></ul>')


@pytest.mark.parametrize("block", [
    f'<div class="related-posts">{LIST}</div>',
    f'<div id="jp-relatedposts" class="jp-relatedposts">{LIST}</div>',
    f'<section class="yarpp-related"><h3>Related posts:</h3>{LIST}</section>',
    f'<div class="crp_related">{LIST}</div>',
    f'<aside class="c-recommended-stories">{LIST}</aside>',
    f'<div class="read-more-links">{LIST}</div>',
    f'<section aria-label="Related coverage">{LIST}</section>',
    f"<h2>You may also like</h2>{LIST}",
    f"<h3>More from The Herald</h3>{LIST}",
    f"<h2>Further reading</h2>{LIST}",
    f"<div><h3>Related Articles</h3></div>{LIST}",
    f"<h4>Lesen Sie auch</h4>{LIST}",
    f"<h4>À lire aussi</h4>{LIST}",
    f"<h3>Recommended</h3>{LIST}",
    f"<h3>More Rivalry Week coverage</h3>{LIST}",
    f"<h3>Más información</h3>{LIST}",
    f"<section class='correlati'><h3>Correlati</h3>{LIST}</section>",
    f"<aside class='box-leggi-anche'><span>Leggi anche</span>{LIST}</aside>",
])
def test_related_blocks_are_found(block: str) -> None:
    assert related(f"<p>The council voted.</p>{block}") == TWO


def test_the_query_parts_cover_every_container_token() -> None:
    assert all(any(wide in token for wide in QUERY_TOKENS) for token in CONTAINER_TOKENS)


@pytest.mark.parametrize("names", ["relative", "thread-list", "Relativity", "also"])
def test_only_a_container_token_makes_a_class_a_block(names: str) -> None:
    # "also" is a token; the others only match the query's wider parts.
    found = related(f'<p>The council voted.</p><div class="{names}">{LIST}</div>')
    assert found == (TWO if names == "also" else [])


def test_container_tokens_match_in_any_case() -> None:
    assert related(f'<p>The council voted.</p><div class="Post-RELATED">{LIST}</div>') == TWO


def test_teaser_cards_take_the_heading_not_the_excerpt_or_credit() -> None:
    card = ('<div class="related-card"><a href="/2024/04/28/ferry-timetable/">'
            '<img src="f.jpg" alt="A ferry at dusk"><span class="credit">Photo: Jane Doe</span></a>'
            '<h3><a href="/2024/04/28/ferry-timetable/">Ferry timetable changes</a></h3>'
            "<p>The operator will run fewer boats in winter, it said on Monday.</p>"
            '<a href="/2024/04/28/ferry-timetable/">Read more</a></div>')
    assert related(f'<section class="related">{card}</section>') == [TWO[0]]


def test_link_wrapping_a_whole_teaser_takes_its_heading() -> None:
    card = ('<a href="/2024/04/28/ferry-timetable/"><span class="kicker">Transport</span>'
            "<h4>Ferry timetable changes</h4><p>The operator will run fewer boats.</p></a>")
    assert related(f'<div class="related-stories">{card}</div>') == [TWO[0]]


def test_image_only_link_falls_back_to_alt_text() -> None:
    block = '<div class="related"><a href="/2024/04/28/ferry-timetable/"><img src="f.jpg" alt="Ferry timetable changes"></a></div>'
    assert related(block) == [TWO[0]]


def test_inline_read_more_line_is_a_block_of_one() -> None:
    body = ("<p>The council voted on Tuesday.</p>"
            '<p><strong>READ MORE:</strong> <a href="/2024/04/28/ferry-timetable/">Ferry timetable changes</a></p>'
            '<p>It was a <a href="/2024/04/30/tram-extension-vote/">long debate about trams</a>.</p>')
    assert related(body) == [TWO[0]]


@pytest.mark.parametrize("body", [
    # in-body links are not related links
    '<p>The <a href="/2024/04/30/tram-extension-vote/">tram vote</a> was close.</p>',
    # navigation, even when it says "related"
    f'<nav class="main-nav"><div class="related-menu">{LIST}</div></nav>',
    # tag and topic lists
    '<div class="related-tags"><a href="/tag/harbour/">Harbour</a><a href="/tag/council/">Council</a></div>',
    '<h3>Related Topics</h3><ul><li><a href="/topics/harbour/">Harbour</a></li></ul>',
    # site-wide lists
    f"<h3>Most read</h3>{LIST}",
    f"<h3>Trending</h3>{LIST}",
    # sponsored blocks
    f'<div class="related-sponsored">{LIST}</div>',
    f"<h3>You may like</h3><a class=\"ad-label\" href=\"https://ads.example/x\">Ad</a>{LIST}",
    # a "read more" button that continues the same article
    '<a class="read-more" href="/2024/05/03/harbour-plan/#more">Read more</a>',
    # a related-looking wrapper around the whole article text is not a block
    '<div class="entry-content related-enabled">' + "<p>Long paragraph of the article. " * 60
    + '<a href="/2024/04/30/tram-extension-vote/">tram vote</a></p></div>',
])
def test_what_is_never_a_related_link(body: str) -> None:
    assert related(body) == []


def test_share_comment_author_tag_and_self_links_are_dropped() -> None:
    block = ('<div class="related">'
             '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a>'
             '<a href="#comments">12 comments on this story</a>'
             '<a href="/author/jane-doe/">Jane Doe wrote this story</a>'
             '<a href="/tag/harbour/">Harbour stories from the archive</a>'
             '<a href="https://news.example.com/2024/05/03/harbour-plan/">This very story again</a>'
             '<a href="/">Home page of the herald</a>'
             '<a href="/2024/04/28/ferry-timetable/">Ferry timetable changes</a></div>')
    assert related(block) == [TWO[0]]


def test_section_link_in_the_block_label_is_dropped() -> None:
    block = ('<div class="c-related-list"><h2>Next up in <a href="/transport">Transport</a></h2>'
             f"{LIST}</div>")
    assert related(block) == TWO


def test_urls_are_absolute_and_unique_in_page_order() -> None:
    block = (f'<div class="related">{LIST}</div><h3>Read next</h3><ul><li>'
             '<a href="https://news.example.com/2024/04/28/ferry-timetable/#top">Ferry again</a></li>'
             '<li><a href="https://other.example/story/123">A story elsewhere today</a></li></ul>')
    assert related(block) == TWO + [Link("https://other.example/story/123", "A story elsewhere today")]


def test_rules_selectors_win_when_they_match() -> None:
    rules = SiteRules(name="x", related=(".story-links",))
    body = ('<div class="story-links"><a href="/2024/04/30/tram-extension-vote/">Tram extension goes to a vote</a></div>'
            f'<div class="related">{LIST}</div>')
    assert related(body, rules) == [TWO[1]]
    assert related(body, SiteRules(name="x", related=(".none",))) == TWO


def test_a_label_line_is_found_when_no_rule_selector_matches() -> None:
    body = ('<p>Read more: <a href="/2024/01/02/pier/">Pier repairs finished early</a></p>'
            '<p>The council voted on Tuesday.</p>')
    assert related(body, SiteRules(name="x", related=(".story-links a",))) == [
        Link("https://news.example.com/2024/01/02/pier/", "Pier repairs finished early")]


def test_labelled_blocks_are_kept_beside_rule_blocks_in_page_order() -> None:
    rules = SiteRules(name="x", related=(".story-links a",))
    body = ('<p>Read more: <a href="/2024/01/02/pier/">Pier repairs finished early</a></p>'
            '<div class="story-links"><a href="/2024/04/30/tram-extension-vote/">Tram extension goes to a vote</a></div>'
            '<h3>More on this story</h3><ul><li><a href="/2024/04/28/ferry-timetable/">Ferry timetable changes</a></li></ul>'
            '<div class="related-widget"><a href="/2024/03/01/other/">A story only the class names</a></div>')
    assert related(body, rules) == [Link("https://news.example.com/2024/01/02/pier/", "Pier repairs finished early"),
                                    TWO[1], TWO[0]]


def test_downloads_and_kickers_are_not_related_titles_or_links() -> None:
    block = ('<h3>Related</h3><ul><li><a href="/2024/04/28/ferry-timetable/"><span class="kicker">'
             'Transport</span> Ferry timetable changes</a></li><li><a href="/files/timetable.pdf">'
             "Timetable (PDF)</a></li></ul>")
    assert related(f"<p>The council voted.</p>{block}") == [Link(FERRY, "Ferry timetable changes")]


@pytest.mark.parametrize(("selector", "leading"), [
    (".yarpp-related a", ".yarpp-related"),
    ("[class*='read more'] a[href]", "[class*='read more']"),
    (".td-related-title ~ * .entry-title a", ".td-related-title"),
    ("div>a", "div"),
    (".story-links", ".story-links"),
    ("a:not(.x) b", "a:not(.x) b"),   # functions, lists and escapes: the selector itself
    (".a, .b c", ".a, .b c"),
])
def test_a_rule_selector_is_first_asked_by_its_leading_compound(selector: str, leading: str) -> None:
    assert _leading_compound(selector) == leading


def test_a_rule_selector_whose_leading_compound_matches_still_needs_its_own_match() -> None:
    rules = SiteRules(name="x", related=(".story-links a.story",))
    body = ('<div class="story-links"><a href="/2024/04/30/tram-extension-vote/">Tram extension goes to a vote</a></div>'
            f'<div class="related-posts">{LIST}</div>')
    assert related(body, rules) == TWO  # the rule selects nothing: the generic search runs


@pytest.mark.parametrize("text", ["Related Articles", "READ MORE", "More Stories From The Desk",
                                  "Lesen Sie auch", "À LIRE AUSSI", "Läs Också", "ЧИТАЙТЕ ТАКЖЕ",
                                  "Share this article", "ſee also", "Harbour plan wins", ""])
def test_the_label_test_on_lowercased_ascii_text_agrees_with_the_pattern(text: str) -> None:
    assert related_label(text) is bool(RELATED_LABEL.match(text))


@pytest.mark.parametrize("url", ["https://x.example/TAGS/harbour", "https://x.example/a?Share=1",
                                 "https://x.example/a#Comments", "https://Facebook.com/Sharer/x",
                                 "https://x.example/2024/05/harbour-plan/", "https://x.example/ſearch/",
                                 "HTTPS://WWW.PINTEREST.CO.UK/PIN/1", "https://x.example/kontakt/",
                                 "https://x.example/feed", "https://x.example/a&s=1", "MAILTO:a@b.c",
                                 "https://wa.me/1", "https://x.example/help/x", "https://x.example/a.pdf"])
def test_the_url_test_on_lowercased_ascii_urls_agrees_with_the_pattern(url: str) -> None:
    assert _not_article_url(url) is bool(NOT_ARTICLE_URL.search(url))


def test_no_letter_of_the_label_or_url_patterns_folds_to_another_ascii_letter() -> None:
    for pattern in (RELATED_LABEL.pattern, NOT_ARTICLE_URL.pattern):
        for character in {c for c in pattern if not c.isascii()}:
            assert not any(re.fullmatch(re.escape(character), letter, re.IGNORECASE)
                           for letter in string.printable)
        assert not any(c.isascii() and c.isupper() for c in re.sub(r"\\.", "", pattern))

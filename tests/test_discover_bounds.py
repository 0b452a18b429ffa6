"""Every reader of server input is linear and bounded: sitemaps, feeds, listing pages.

Nothing here times anything. The sitemap scan counts the characters its searches pass over;
the listing reader counts the elements it classifies; the feed and sitemap readers are held to
their caps on documents far over them.
"""

from __future__ import annotations

import gzip

import pytest

from scraper.discover import discover, feeds, pages
from scraper.discover.feeds import MAX_FEED_ELEMENTS, parse_feed
from scraper.discover.sitemap_scan import scan_entries
from scraper.discover.sitemaps import MAX_SITEMAP_URLS, parse_sitemap
from scraper.models import Page

HOSTILE_SITEMAPS = {
    "unclosed locs": lambda n: "<urlset><url>" + "<loc>http://x.example/a" * n,
    "no closing brackets": lambda n: "<urlset><url><loc" + " <loc" * n,
    "unclosed cdata": lambda n: "<urlset><url><loc>" + "<![CDATA[x" * n,
    "unclosed comments": lambda n: "<urlset><url>" + "<!-- x" * n,
    "long names": lambda n: "<urlset><url><" + "a" * (20 * n),
    "many entries": lambda n: "<urlset>" + "<url><loc>http://x.example/a&b</loc></url>" * n,
    "unclosed entries": lambda n: "<urlset>" + "<url><loc>http://x.example/a</loc>" * n,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SITEMAPS))
def test_the_tolerant_sitemap_scan_looks_at_each_character_a_bounded_number_of_times(
        name: str) -> None:
    make = HOSTILE_SITEMAPS[name]
    small, large = make(4_000), make(8_000)
    work_small = scan_entries(small, 10**9).scanned
    work_large = scan_entries(large, 10**9).scanned
    assert work_small <= 2 * len(small) and work_large <= 2 * len(large)
    assert work_large <= 2 * work_small + 1_000  # twice the input, twice the work


def test_a_malformed_sitemap_is_still_read_entry_by_entry() -> None:
    scan = scan_entries(HOSTILE_SITEMAPS["many entries"](3), 10)
    assert [entry.fields["loc"] for entry in scan.entries] == ["http://x.example/a&b"] * 3
    assert scan.gave_up is None


def test_the_scan_gives_up_on_an_entry_no_sitemap_has() -> None:
    text = HOSTILE_SITEMAPS["unclosed locs"](2_000_000)  # the 14.6 KB gzip bomb, unpacked
    scan = scan_entries(text, 10**9)
    assert scan.entries == [] and scan.gave_up and "over 10,000 tags" in scan.gave_up
    assert scan.scanned < 1_000_000  # it stopped near the start of 48 MB


def test_a_sitemap_is_read_up_to_its_cap_and_says_so() -> None:
    body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>https://news.example.com/a/{n}</loc></url>"
                      for n in range(6_000)) + "</urlset>")
    result = parse_sitemap(gzip.compress(body.encode(), compresslevel=1), max_urls=5_000)
    assert len(result.pages) == 5_000
    assert result.cut == "sitemap lists over 5,000 urls; read the first 5,000"
    assert MAX_SITEMAP_URLS == 50_000  # the protocol's own limit, by default


def test_a_malformed_sitemap_is_read_up_to_its_cap_too() -> None:
    body = "<urlset>" + "<url><loc>https://news.example.com/a?b&c</loc></url>" * 120
    result = parse_sitemap(body.encode(), max_urls=100)
    assert len(result.pages) == 100 and result.cut and "100" in result.cut


def test_a_feed_is_handed_to_the_parser_up_to_its_element_cap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_ELEMENTS", 2_000)
    items = "".join(f"<item><title>t</title><link>https://news.example.com/{n}?a&b</link>"
                    "</item>" for n in range(2_000))  # malformed (a bare "&"): the slow path
    result = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(),
                        "https://news.example.com/feed")
    assert 0 < len(result.entries) <= 2_000 // 6 + 1
    assert result.cut == "feed has over 2,000 elements; read the first 2,000"


def test_the_feed_cap_leaves_room_for_real_feeds() -> None:
    assert MAX_FEED_ELEMENTS >= 5_000  # a hundred full-text entries of fifty elements each
    body, cut = feeds.bounded_feed(b"<rss><channel><item><link>x</link></item></channel></rss>",
                                   MAX_FEED_ELEMENTS)
    assert cut is None and body.endswith(b"</rss>")


def test_a_listing_page_classifies_each_element_once(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    original = pages._is_boilerplate

    def counting(node: object) -> bool:
        checked.append(1)
        return original(node)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "_is_boilerplate", counting)
    links = "".join(f"<p><a href='/news/2024/05/01/story-{n}/'>Story {n}</a></p>"
                    for n in range(2_000))
    html = "<html><body>" + "<div class='wrap'>" * 300 + links + "</div>" * 300 + "</body></html>"
    page = Page("https://news.example.com/", "https://news.example.com/", 200,
                {"content-type": "text/html"}, html.encode())
    found = discover(page)
    assert len(found.articles) == 2_000
    assert len(checked) <= 300 + 2_000 + 10  # each container once, not once per link


def test_a_listing_page_nested_beyond_any_real_one_is_read_with_its_depth_capped() -> None:
    html = ("<html><body><main>" + "<div>" * 5_000
            + "<a href='/news/2024/05/01/deep-story/'>Deep</a>" + "</div>" * 5_000
            + "<a href='/news/2024/05/02/after/'>After</a></main></body></html>")
    tree = pages.parse_html(html.encode())
    anchor = tree.css_first("a")
    depth = 0
    node = anchor.parent if anchor is not None else None
    while node is not None:
        depth, node = depth + 1, node.parent
    assert depth <= 520
    page = Page("https://news.example.com/", "https://news.example.com/", 200,
                {"content-type": "text/html"}, html.encode())
    assert {c.url.rsplit("/", 2)[1] for c in discover(page).articles} == {"deep-story", "after"}

"""Discovery from HTML section pages: article links of the main area, feeds, next page."""

from __future__ import annotations

import re
from pathlib import Path

from scraper.discover import Candidate, discover, feed_links
from scraper.models import Page

SECTION = Path(__file__).parent / "fixtures" / "feeds" / "section_world.html"
PAGE_URL = "https://news.example.com/world/"
SITE = "https://news.example.com"


def html_page(content: bytes, url: str = PAGE_URL) -> Page:
    return Page(url=url, final_url=url, status=200,
                headers={"Content-Type": "text/html; charset=utf-8"}, content=content)


def test_section_page_article_links() -> None:
    found = discover(html_page(SECTION.read_bytes()))
    assert found.kind == "html" and found.problem is None
    assert found.articles == [
        Candidate(f"{SITE}/2024/05/03/nato-plans-office-in-japan/",
                  "Nato plans an office in Japan", "2024-05-03T09:15:00+01:00"),
        Candidate(f"{SITE}/2024/05/07/relative-teaser-story/",
                  "Relative link resolved against base", None),
        Candidate(f"{SITE}/2024/05/02/asia-pacific-partners-meet/",
                  "Asia-Pacific partners meet", "2024-05-02"),
        Candidate("https://www.news.example.com/world/europe/summit-in-vilnius-next-july",
                  "Summit in Vilnius next July", None),
        Candidate(f"{SITE}/news/world-asia-65811234", "Tokyo office timeline", None),
    ]


def test_section_page_skips_navigation_footer_sidebar_and_other_sites() -> None:
    urls = {candidate.url for candidate in discover(html_page(SECTION.read_bytes())).articles}
    for skipped in ("/2024/05/01/menu-featured-story-about-the-regatta/",
                    "/2024/04/30/most-read-sidebar-story-on-ferries/",
                    "/2024/01/01/footer-link-to-an-old-announcement/", "/author/jane-doe/",
                    "/tag/nato/", "/world/europe/", "/files/defence-white-paper-2024.pdf"):
        assert SITE + skipped not in urls
    assert not any("partner.example.org" in url for url in urls)


def test_section_page_follows_feeds_and_the_next_page() -> None:
    found = discover(html_page(SECTION.read_bytes()))
    assert found.follow == [f"{SITE}/feed/", f"{SITE}/world/atom.xml", f"{SITE}/world/page/2/"]


def test_site_patterns_admit_links_anywhere() -> None:
    found = discover(html_page(SECTION.read_bytes()),
                     article_patterns=[re.compile(r"/live/"), re.compile(r"/2024/01/01/")])
    urls = [candidate.url for candidate in found.articles]
    assert urls[0] == f"{SITE}/live/harbour-vote"
    assert found.articles[0].title == "Live: harbour vote"
    assert f"{SITE}/2024/01/01/footer-link-to-an-old-announcement/" in urls
    assert f"{SITE}/2024/05/03/nato-plans-office-in-japan/" in urls  # heuristics still apply


def test_page_without_main_uses_everything_but_boilerplate() -> None:
    html = b"""<html><body>
      <div id="menu"><a href="/2024/05/01/menu-story-with-long-slug/">Menu story</a></div>
      <div class="stream">
        <h3><a href="/2024/05/01/stream-story-with-long-slug/">Stream story</a></h3>
        <h3><a href="/sport/">Sport</a></h3>
      </div>
      <div class="site-footer"><a href="/2024/05/01/footer-story-with-long-slug/">Old</a></div>
    </body></html>"""
    found = discover(html_page(html))
    assert found.articles == [Candidate(f"{SITE}/2024/05/01/stream-story-with-long-slug/",
                                        "Stream story", None)]


def test_listing_wrapped_in_one_article_gives_no_dates() -> None:
    html = b"""<html><body><main><article>
      <h2><a href="/2024/05/01/first-story-in-the-list/">First</a></h2><time datetime="2024-05-01">1 May</time>
      <h2><a href="/2024/05/02/second-story-in-the-list/">Second</a></h2><time datetime="2024-05-02">2 May</time>
    </article></main></body></html>"""
    found = discover(html_page(html))
    assert [candidate.published_hint for candidate in found.articles] == [None, None]


def test_feed_links() -> None:
    assert feed_links(SECTION.read_bytes(), PAGE_URL) == [f"{SITE}/feed/",
                                                         f"{SITE}/world/atom.xml"]


def test_feed_links_without_base_tag_resolve_against_the_page() -> None:
    html = (b'<link rel="alternate feed" type="Application/RSS+XML" href="rss.xml">'
            b'<link rel="alternate" type="text/html" href="/print">'
            b'<link rel="alternate" type="application/atom+xml" href="/blog/comments/feed/">')
    assert feed_links(html, "https://blog.example.net/notes/") == [
        "https://blog.example.net/notes/rss.xml"]


def test_broken_html_never_raises() -> None:
    data = SECTION.read_bytes()
    for cut in range(0, len(data), 397):
        found = discover(html_page(data[:cut] + b"<a href='/\x00\xff<<"))
        assert all(candidate.url.startswith("https://") for candidate in found.articles)

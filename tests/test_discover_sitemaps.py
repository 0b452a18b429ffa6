"""Discovery from sitemaps and robots.txt: index, urlset, news, gzip, text, hostile input."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree

from scraper.discover import Candidate, discover, sitemaps_from_robots
from scraper.discover.sitemaps import _safe_parser
from scraper.discover.sniff import MAX_DOCUMENT_BYTES
from scraper.models import Page

SITEMAPS = Path(__file__).parent / "fixtures" / "sitemaps"
SITE = "https://news.example.com"


def sitemap_page(name: str, content_type: str = "application/xml", content: bytes | None = None,
                 url: str | None = None) -> Page:
    url = url or f"{SITE}/{name}"
    body = content if content is not None else (SITEMAPS / name).read_bytes()
    return Page(url=url, final_url=url, status=200, headers={"content-type": content_type},
                content=body)


def test_sitemap_index_lists_sitemaps_to_follow_on_the_same_site() -> None:
    found = discover(sitemap_page("sitemap_index.xml"))
    assert found.kind == "sitemap" and found.problem is None
    assert found.articles == []
    assert found.follow == [f"{SITE}/sitemap-posts-2024-05.xml",
                            f"{SITE}/sitemap-posts-2024-04.xml.gz", f"{SITE}/news-sitemap.xml"]


def test_sitemap_index_other_hosts_when_asked() -> None:
    found = discover(sitemap_page("sitemap_index.xml"), same_site_only=False)
    assert found.follow[-1] == "https://cdn.elsewhere.example.org/sitemaps/news-example.xml"


def test_urlset_pages_with_lastmod_hints_and_no_listing_pages() -> None:
    found = discover(sitemap_page("urlset.xml", "text/xml"))
    assert found.articles == [
        Candidate(f"{SITE}/2024/05/03/harbour-plan/", None, "2024-05-04T10:12:00+02:00"),
        Candidate(f"{SITE}/2024/05/02/asia-pacific-partners-meet/", None, "2024-05-02"),
        Candidate(f"{SITE}/culture/gallery", None, None),
        Candidate(f"{SITE}/interview?id=42&lang=en", None, None),
    ]  # not the home page, the tag page, the search page, nor the image or the empty entry


def test_news_sitemap_titles_and_publication_dates() -> None:
    found = discover(sitemap_page("news_sitemap.xml", "text/html"))
    assert found.articles == [
        Candidate(f"{SITE}/2024/05/10/fish-market-reopens/", "Fish market reopens after repairs",
                  "2024-05-10T06:00:00+02:00"),
        Candidate(f"{SITE}/2024/05/09/bridge-works/", "Bridge works & road closures",
                  "2024-05-09"),
    ]


def test_gzip_sitemap() -> None:
    found = discover(sitemap_page("sitemap-posts-2024-04.xml.gz", "application/x-gzip"))
    assert found.problem is None
    assert found.articles == [
        Candidate(f"{SITE}/2024/04/28/ferry-timetable/", None, "2024-04-28T08:05:00+00:00"),
        Candidate(f"{SITE}/2024/04/20/lighthouse-keeper/", None, "2024-04-21T12:00:00+00:00"),
    ]


def test_text_sitemap() -> None:
    found = discover(sitemap_page("sitemap.txt", "text/plain"))
    assert [candidate.url for candidate in found.articles] == [
        f"{SITE}/2024/05/03/harbour-plan/", f"{SITE}/2024/05/10/fish-market-reopens/",
        f"{SITE}/2024/05/09/bridge-works/"]


def test_malformed_sitemap_gives_its_complete_locs_and_the_problem() -> None:
    found = discover(sitemap_page("malformed.xml"))
    assert found.articles == [
        Candidate(f"{SITE}/gallery?id=7&lang=en", None, "2024-05-05"),
        Candidate(f"{SITE}/2024/05/06/council-minutes-published/", None, None),
    ]
    assert found.problem is not None and "malformed" in found.problem


def test_billion_laughs_sitemap_is_refused() -> None:
    found = discover(sitemap_page("billion_laughs.xml"))
    assert found.articles == [] and found.follow == []
    assert found.problem is not None and "entities" in found.problem


def test_the_xml_parser_itself_does_not_expand_entities() -> None:
    """Second line of defence, should the entity check ever be bypassed."""
    data = (SITEMAPS / "billion_laughs.xml").read_bytes()
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError:
        return
    assert len("".join(root.itertext())) < 10_000


def test_gzip_bomb_is_cut_at_the_size_limit() -> None:
    head = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://news.example.com/2024/05/03/harbour-plan/</loc></url>")
    bomb = gzip.compress(head + b" " * (MAX_DOCUMENT_BYTES + 1024 * 1024), compresslevel=1)
    assert len(bomb) < MAX_DOCUMENT_BYTES // 100
    found = discover(sitemap_page("bomb.xml.gz", content=bomb))
    assert [candidate.url for candidate in found.articles] == [
        f"{SITE}/2024/05/03/harbour-plan/"]
    assert found.cut is not None and str(MAX_DOCUMENT_BYTES) in found.cut


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xfe not deflate", "corrupt gzip"),
    (gzip.compress(b"<urlset><url><loc>https://news.example.com/a</loc></url>")[:12],
     "gzip data is cut off"),
    (b"", "empty document"),
    (b"  \n", "empty document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a feed, sitemap or HTML page"),
])
def test_unreadable_documents_give_an_empty_discovery_with_the_reason(content: bytes,
                                                                      problem: str) -> None:
    found = discover(sitemap_page("broken.xml", "application/octet-stream", content=content))
    assert (found.articles, found.follow) == ([], [])
    assert found.problem is not None and problem in found.problem


@pytest.mark.parametrize("name", ["sitemap_index.xml", "urlset.xml", "news_sitemap.xml",
                                  "sitemap-posts-2024-04.xml.gz"])
@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.5, 0.75, 0.95])
def test_truncated_sitemaps_never_raise(name: str, fraction: float) -> None:
    data = (SITEMAPS / name).read_bytes()
    found = discover(sitemap_page(name, content=data[: int(len(data) * fraction)]))
    for candidate in found.articles:
        assert candidate.url.startswith(f"{SITE}/")


def test_sitemaps_from_robots() -> None:
    robots = (SITEMAPS / "robots.txt").read_text()
    assert sitemaps_from_robots(robots, f"{SITE}/robots.txt") == [
        f"{SITE}/sitemap_index.xml", f"{SITE}/news-sitemap.xml",
        f"{SITE}/sitemap-posts-2024-05.xml"]


def test_sitemaps_from_robots_without_sitemaps() -> None:
    assert sitemaps_from_robots("User-agent: *\nDisallow: /private\n", f"{SITE}/") == []

"""Discovery from feeds: RSS 2.0, RSS 1.0, Atom, JSON Feed, malformed and hostile feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.discover import Candidate, discover
from scraper.models import Page

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def feed_page(name: str, url: str, content_type: str = "application/rss+xml") -> Page:
    return Page(url=url, final_url=url, status=200, headers={"content-type": content_type},
                content=(FEEDS / name).read_bytes())


def test_rss2_entries_normalized_deduplicated_and_same_site() -> None:
    found = discover(feed_page("rss2.xml", "https://news.example.com/feed/"))
    assert found.kind == "feed" and found.problem is None
    assert found.articles == [
        Candidate("https://news.example.com/2024/05/03/harbour-plan/",
                  "Harbour plan wins council vote", "2024-05-03T14:20:00+02:00"),
        Candidate("https://www.news.example.com/2024/04/28/ferry-timetable/",
                  "Ferry timetable changes from June", "2024-04-28T08:05:00+00:00"),
        Candidate("https://news.example.com/2024/04/20/lighthouse-keeper/",
                  "Lighthouse keeper retires after 40 years", "2024-04-20T10:00:00+00:00"),
    ]
    assert found.follow == []


def test_rss2_other_sites_kept_when_asked() -> None:
    found = discover(feed_page("rss2.xml", "https://news.example.com/feed/"),
                     same_site_only=False)
    assert "https://partner.example.org/2024/04/19/regatta-results/" in \
        [candidate.url for candidate in found.articles]


def test_feed_served_as_html_is_still_read_as_a_feed() -> None:
    found = discover(feed_page("rss2.xml", "https://news.example.com/feed/", "text/html"))
    assert found.kind == "feed"
    assert len(found.articles) == 3


def test_atom_relative_links_resolved_against_xml_base() -> None:
    found = discover(feed_page("atom.xml", "https://blog.example.net/atom.xml",
                               "application/atom+xml"))
    assert found.problem is None
    assert found.articles == [
        Candidate("https://blog.example.net/posts/counting-terns-on-the-north-spit",
                  "Counting terns on the north spit", "2024-06-01T18:45:00+01:00"),
        Candidate("https://blog.example.net/posts/winter-tide-tables", "Winter tide tables",
                  "2024-01-15T07:30:00-05:00"),
    ]


def test_rss1_rdf_in_latin1() -> None:
    found = discover(feed_page("rss1.rdf", "https://www.zeitung.example.de/rss", "text/xml"))
    assert found.articles == [Candidate(
        "https://www.zeitung.example.de/politik/wahl-in-k%C3%B6ln-123456.html",
        "Wahl in Köln: Ergebnis steht fest", "2024-05-26T21:15:00+02:00")]


def test_json_feed() -> None:
    found = discover(feed_page("feed.json", "https://blog.example.net/feed.json",
                               "application/json"))
    assert found.kind == "feed"
    assert found.articles == [
        Candidate("https://blog.example.net/posts/storm-petrels-return", "Storm petrels return",
                  "2024-06-10T05:00:00+01:00"),
        Candidate("https://blog.example.net/posts/gull-census-2024", None, "2024-06-11"),
    ]


def test_malformed_feed_gives_what_was_read_and_the_problem() -> None:
    found = discover(feed_page("malformed_rss.xml", "https://news.example.com/feed/"))
    assert [candidate.url for candidate in found.articles] == [
        "https://news.example.com/2024/05/10/fish-market-reopens/",
        "https://news.example.com/2024/05/09/bridge-works/",
    ]
    assert found.articles[0].published_hint == "2024-05-10T06:00:00+02:00"
    assert found.problem is not None and "malformed feed" in found.problem


def test_billion_laughs_feed_is_refused() -> None:
    found = discover(feed_page("billion_laughs_rss.xml", "https://news.example.com/feed/"))
    assert found.articles == [] and found.follow == []
    assert found.problem is not None and "entities" in found.problem


@pytest.mark.parametrize("name", ["rss2.xml", "atom.xml", "rss1.rdf", "feed.json"])
@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.35, 0.5, 0.8, 0.97])
def test_truncated_feeds_never_raise(name: str, fraction: float) -> None:
    data = (FEEDS / name).read_bytes()
    url = "https://news.example.com/feed/"
    page = Page(url=url, final_url=url, status=200, headers={"content-type": "text/xml"},
                content=data[: int(len(data) * fraction)])
    found = discover(page)
    assert all(candidate.url.startswith("https://") for candidate in found.articles)
    if not found.articles:
        assert found.problem


def test_feed_bytes_are_never_taken_for_a_path_or_url(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><link>https://news.example.com/'
                      '2024/01/01/leaked-local-file/</link></item></channel></rss>')
    url = "https://news.example.com/feed/"
    page = Page(url=url, final_url=url, status=200, headers={"content-type": "application/rss+xml"},
                content=str(secret).encode())
    assert discover(page).articles == []

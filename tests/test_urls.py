"""URL normalization and URL heuristics."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.urls import (
    amp_to_canonical_hint,
    is_tracking_param,
    looks_like_article,
    looks_like_non_article,
    normalize_url,
    same_site,
    site_key,
)

NORMALIZED = [
    # scheme and host
    ("HTTPS://News.Example.COM/a", "https://news.example.com/a"),
    ("http://example.com", "http://example.com/"),
    ("https://example.com.:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("http://example.com:443/a", "http://example.com:443/a"),
    ("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"),
    ("https://[2001:DB8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
    ("https://user:pw@example.com/a", "https://user:pw@example.com/a"),
    # fragments and whitespace
    ("https://example.com/a#comments", "https://example.com/a"),
    ("  https://example.com/a\n", "https://example.com/a"),
    ("https://exa\tmple.com/a\nb", "https://example.com/ab"),
    # tracking parameters, empty parameters, order kept
    ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
    ("https://example.com/a?id=7&utm_campaign=z&b=2", "https://example.com/a?id=7&b=2"),
    ("https://example.com/a?fbclid=abc&gclid=d&mc_cid=1&mc_eid=2", "https://example.com/a"),
    ("https://example.com/a?ref=twitter&ocid=x&cmpid=y&igshid=z&_ga=1", "https://example.com/a"),
    ("https://example.com/a?UTM_Source=X&z=1&a=2", "https://example.com/a?z=1&a=2"),
    ("https://example.com/a?b=&&c=3&", "https://example.com/a?c=3"),
    ("https://example.com/a?", "https://example.com/a"),
    ("https://example.com/a?print", "https://example.com/a?print"),
    ("https://example.com/search?q=a+b&page=2", "https://example.com/search?q=a+b&page=2"),
    # percent-encoding
    ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
    ("https://example.com/a%2Db%2fc", "https://example.com/a-b%2Fc"),
    ("https://example.com/a b/é", "https://example.com/a%20b/%C3%A9"),
    ("https://example.com/100%", "https://example.com/100%25"),
    ("https://example.com/a?q=caf%c3%a9&r=%41", "https://example.com/a?q=caf%C3%A9&r=A"),
    ("https://example.com/a?q=x y", "https://example.com/a?q=x%20y"),
    # dot segments and index pages
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://example.com/a/b/..", "https://example.com/a/"),
    ("https://example.com/../../a", "https://example.com/a"),
    ("https://example.com/news/index.html", "https://example.com/news/"),
    ("https://example.com/INDEX.HTM", "https://example.com/"),
    ("https://example.com/index.php?p=12", "https://example.com/index.php?p=12"),
    ("https://example.com/news/", "https://example.com/news/"),
    ("https://example.com/news", "https://example.com/news"),
]

NORMALIZED_WITH_BASE = [
    ("/2024/05/03/harbour-plan/", "https://news.example.com/section/",
     "https://news.example.com/2024/05/03/harbour-plan/"),
    ("../ferry", "https://news.example.com/a/b/c", "https://news.example.com/a/ferry"),
    ("//cdn.example.com/x.jpg", "https://news.example.com/", "https://cdn.example.com/x.jpg"),
    ("?page=2", "https://news.example.com/world?page=1", "https://news.example.com/world?page=2"),
    ("#top", "https://news.example.com/a?x=1#b", "https://news.example.com/a?x=1"),
    ("https://other.example/a", "https://news.example.com/", "https://other.example/a"),
]

REJECTED = [
    "mailto:desk@example.com", "javascript:void(0)", "tel:+123", "ftp://example.com/file",
    "data:text/html,hi", "", "   ", "/relative/without/base", "//example.com/no-scheme",
    "https://", "https:///path-only", "http://exa mple.com/", "https://example.com:99999/",
    "https://example.com:port/", "http://[::1/", "news.example.com/a",
]


@pytest.mark.parametrize(("url", "expected"), NORMALIZED)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(("url", "base", "expected"), NORMALIZED_WITH_BASE)
def test_normalize_url_against_base(url: str, base: str, expected: str) -> None:
    assert normalize_url(url, base) == expected


@pytest.mark.parametrize("url", REJECTED)
def test_normalize_url_rejects(url: str) -> None:
    assert normalize_url(url) is None


def test_normalize_url_relative_mailto_with_base_is_rejected() -> None:
    assert normalize_url("mailto:a@b.c", "https://example.com/") is None


@given(st.text(max_size=60))
def test_normalize_url_never_raises_and_is_idempotent(tail: str) -> None:
    first = normalize_url("https://Example.com/" + tail)
    if first is not None:
        assert normalize_url(first) == first
        assert first.startswith("https://example.com/")
        assert "#" not in first and " " not in first


@pytest.mark.parametrize(("name", "tracking"), [
    ("utm_source", True), ("UTM_TERM", True), ("fbclid", True), ("gclid", True),
    ("mc_eid", True), ("_ga", True), ("pk_campaign", True), ("id", False), ("page", False),
    ("q", False), ("p", False), ("reference", False),
])
def test_is_tracking_param(name: str, tracking: bool) -> None:
    assert is_tracking_param(name) is tracking


@pytest.mark.parametrize(("url_a", "url_b", "same"), [
    ("https://www.example.com/a", "http://example.com/b", True),
    ("https://news.example.com/", "https://www.example.com/sport", True),
    ("https://example.com/", "https://example.org/", False),
    ("https://www.bbc.co.uk/news", "https://news.bbc.co.uk/x", True),
    ("https://bbc.co.uk/", "https://itv.co.uk/", False),
    ("https://alice.substack.com/p/x", "https://bob.substack.com/p/y", False),
    ("https://alice.blogspot.com/", "https://www.alice.blogspot.com/2024/", True),
    ("https://notexample.com/", "https://example.com/", False),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b", True),
    ("http://127.0.0.1/a", "http://127.0.0.2/a", False),
    ("not a url", "https://example.com/", False),
])
def test_same_site(url_a: str, url_b: str, same: bool) -> None:
    assert same_site(url_a, url_b) is same
    assert same_site(url_b, url_a) is same


def test_site_key() -> None:
    assert site_key("https://WWW.Example.co.uk./x") == "example.co.uk"
    assert site_key("https://a.b.example.com/") == "example.com"
    assert site_key("localhost") == "localhost"


@pytest.mark.parametrize(("url", "hint"), [
    ("https://example.com/2024/05/03/harbour-plan/amp/",
     "https://example.com/2024/05/03/harbour-plan/"),
    ("https://example.com/amp/news/harbour-plan", "https://example.com/news/harbour-plan"),
    ("https://example.com/news/harbour-plan?amp=1", "https://example.com/news/harbour-plan"),
    ("https://example.com/news/harbour-plan?amp", "https://example.com/news/harbour-plan"),
    ("https://example.com/news/a?id=3&outputType=amp", "https://example.com/news/a?id=3"),
    ("https://example.com/news/harbour-plan.amp", "https://example.com/news/harbour-plan"),
    ("https://example.com/news/harbour-plan.amp.html",
     "https://example.com/news/harbour-plan.html"),
    ("https://amp.example.com/world/2024/story", "https://example.com/world/2024/story"),
    ("https://news-example-com.cdn.ampproject.org/c/s/news.example.com/a/b?x=1",
     "https://news.example.com/a/b?x=1"),
    ("https://news-example-com.cdn.ampproject.org/c/news.example.com/a",
     "http://news.example.com/a"),
])
def test_amp_to_canonical_hint(url: str, hint: str) -> None:
    assert amp_to_canonical_hint(url) == hint


@pytest.mark.parametrize("url", [
    "https://example.com/news/harbour-plan", "https://example.com/ampere-record-set",
    "https://amp.com/a", "https://example.com/news/example.amplifier",
    "https://example.com/a?ampm=pm", "https://x.cdn.ampproject.org/other",
])
def test_amp_hint_is_none_for_non_amp_urls(url: str) -> None:
    assert amp_to_canonical_hint(url) is None


ARTICLES = [
    "https://news.example.com/2024/05/03/harbour-plan-wins-council-vote/",
    "https://news.example.com/2024/05/harbour/",
    "https://news.example.com/news/2024-05-03/ferry",
    "https://news.example.com/20240503/ferry",
    "https://news.example.com/world/nato-plans-office-in-japan",
    "https://news.example.com/news/world-asia-65811234",
    "https://news.example.com/politics/1234567",
    "https://news.example.com/story/harbour",
    "https://news.example.com/p/weekly-notes",
    "https://news.example.com/harbour-plan-wins.html",
    "https://news.example.com/a/b/article123456.ece",
    "https://news.example.com/?p=4521",
    "https://news.example.com/index.php?id=88",
]

NOT_ARTICLES = [
    "https://news.example.com/",
    "https://news.example.com/world/",
    "https://news.example.com/world/asia",
    "https://news.example.com/2024/",
    "https://news.example.com/2024/05/",
    "https://news.example.com/2024/05/03/",
    "https://news.example.com/tag/harbour-plan-wins-council-vote/",
    "https://news.example.com/category/world-news-and-more/",
    "https://news.example.com/author/jane-doe-smith/",
    "https://news.example.com/page/2/",
    "https://news.example.com/world/page/12345",
    "https://news.example.com/feed/",
    "https://news.example.com/2024/05/03/harbour-plan-wins/feed/",
    "https://news.example.com/static/js/app-bundle-main.js",
    "https://news.example.com/wp-content/uploads/2024/05/harbour-plan-aerial-view.jpg",
    "https://news.example.com/files/annual-report-2024-final.pdf",
    "https://news.example.com/search?q=harbour+plan+vote",
    "https://news.example.com/?s=harbour",
    "https://news.example.com/login",
    "https://news.example.com/privacy-policy",
    "https://news.example.com/about-us",
    "https://news.example.com/topics/climate-change-and-energy",
    "https://news.example.com/world?page=2",
]


@pytest.mark.parametrize("url", ARTICLES)
def test_looks_like_article(url: str) -> None:
    assert looks_like_article(url)


@pytest.mark.parametrize("url", NOT_ARTICLES)
def test_does_not_look_like_article(url: str) -> None:
    assert not looks_like_article(url)


@pytest.mark.parametrize(("url", "excluded"), [
    ("https://news.example.com/", True),
    ("https://news.example.com/tag/harbour/", True),
    ("https://news.example.com/img/aerial-view.jpg", True),
    ("https://news.example.com/?s=harbour", True),
    ("https://news.example.com/?p=4521", False),
    ("https://news.example.com/culture/gallery", False),
    ("https://news.example.com/harbour", False),
])
def test_looks_like_non_article(url: str, excluded: bool) -> None:
    assert looks_like_non_article(url) is excluded

"""Redirect chains: relative Locations, fragments, loops, the cap, cookie-wall bounces."""

from __future__ import annotations

import pytest

from scraper.errors import FetchError
from scraper.fetch.redirects import RedirectChain


def test_relative_locations_resolve_against_the_current_url_and_lose_fragments() -> None:
    chain = RedirectChain("http://example.com/news/a?x=1", max_redirects=5)
    assert chain.advance("b#top") == "http://example.com/news/b"
    assert chain.advance("//cdn.example.net/c") == "http://cdn.example.net/c"
    assert chain.advance(" /d ") == "http://cdn.example.net/d"
    assert chain.redirects == 3


def test_a_return_to_a_visited_url_is_a_loop() -> None:
    chain = RedirectChain("http://example.com/a", max_redirects=10)
    chain.advance("/b")
    with pytest.raises(FetchError) as caught:
        chain.advance("/a#again")
    assert caught.value.reason == "redirect loop"


def test_a_url_redirecting_to_itself_is_a_loop() -> None:
    with pytest.raises(FetchError, match="redirect loop"):
        RedirectChain("http://example.com/a", max_redirects=10).advance("http://example.com/a")


def test_a_set_cookie_allows_one_more_visit_but_not_an_endless_bounce() -> None:
    chain = RedirectChain("http://example.com/story", max_redirects=10)
    chain.advance("/consent")
    chain.advance("/story", set_cookie=True)     # consent given: the article may now load
    chain.advance("/consent")                    # ...but it bounces again without a new cookie
    with pytest.raises(FetchError, match="redirect loop"):
        chain.advance("/story")


def test_the_cap_counts_redirects_not_requests() -> None:
    chain = RedirectChain("http://example.com/0", max_redirects=2)
    chain.advance("/1")
    chain.advance("/2")
    with pytest.raises(FetchError) as caught:
        chain.advance("/3")
    assert caught.value.reason == "too many redirects"
    with pytest.raises(FetchError, match="too many redirects"):
        RedirectChain("http://example.com/0", max_redirects=0).advance("/1")

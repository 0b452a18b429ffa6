"""robots.txt answers and what they imply; one fetch per origin; re-asking after a failure."""

from __future__ import annotations

import asyncio

import pytest

from scraper.errors import FetchError, HTTPStatusError, PrivateAddressError, RobotsDisallowed
from scraper.fetch import FetchResult, NetworkError, RobotsUnreachable
from scraper.fetch.politeness import MAX_CRAWL_DELAY
from scraper.fetch.robots import UNREACHABLE_TTL, RobotsCache, robots_url, rules_from_result
from scraper.models import Page

ROBOTS = "http://example.com/robots.txt"
AGENT = "scraper/1.0 (+https://example.org/contact)"


def answer(status: int, body: bytes = b"", error: FetchError | None = None) -> FetchResult:
    page = Page(url=ROBOTS, final_url=ROBOTS, status=status, headers={}, content=body)
    return FetchResult(ROBOTS, page, error)


def allowed(result: FetchResult, url: str = "http://example.com/any/page") -> bool:
    try:
        rules_from_result(result, now=0.0).check(url, "scraper")
    except RobotsDisallowed:
        return False
    return True


def test_rules_apply_to_our_agent() -> None:
    body = b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"
    assert not allowed(answer(200, body), "http://example.com/private/x")
    assert allowed(answer(200, body), "http://example.com/public")


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_a_missing_or_forbidden_robots_txt_allows_everything(status: int) -> None:
    error = HTTPStatusError(f"HTTP {status}", ROBOTS, status)
    assert allowed(answer(status, b"User-agent: *\nDisallow: /\n", error))


@pytest.mark.parametrize("error", [
    HTTPStatusError("HTTP 503 after 4 attempts", ROBOTS, 503),
    HTTPStatusError("HTTP 429", ROBOTS, 429),
    NetworkError("timed out after 20 s", ROBOTS),
    NetworkError("connection refused", ROBOTS),
])
def test_a_struggling_server_disallows_everything_for_a_while(error: FetchError) -> None:
    rules = rules_from_result(FetchResult(ROBOTS, None, error), now=50.0)
    assert rules.expires == 50.0 + UNREACHABLE_TTL
    with pytest.raises(RobotsUnreachable) as caught:
        rules.check("http://example.com/", "scraper")
    assert caught.value.reason == f"robots.txt unreachable ({error.reason})"


@pytest.mark.parametrize("error", [FetchError("too many redirects", ROBOTS),
                                   PrivateAddressError("resolves to a private address", ROBOTS)])
def test_a_robots_txt_we_cannot_follow_allows_everything(error: FetchError) -> None:
    assert allowed(FetchResult(ROBOTS, None, error))


def test_a_byte_order_mark_and_odd_bytes_do_not_hide_the_rules() -> None:
    body = b"\xef\xbb\xbfUser-agent: *\nDisallow: /x\xff\xfe/\nDisallow: /private\n"
    assert not allowed(answer(200, body), "http://example.com/private")


@pytest.mark.parametrize("body, delay", [
    (b"User-agent: *\nCrawl-delay: 4\n", 4.0),
    (b"User-agent: *\nRequest-rate: 1/10s\n", 10.0),
    (b"User-agent: *\nCrawl-delay: 2\nRequest-rate: 1/5s\n", 5.0),  # the slower of the two
    (b"User-agent: *\nCrawl-delay: 86400\n", MAX_CRAWL_DELAY),        # capped
    (b"User-agent: *\nDisallow: /x\n", None),
])
def test_crawl_delay(body: bytes, delay: float | None) -> None:
    assert rules_from_result(answer(200, body), now=0.0).crawl_delay("scraper") == delay


def test_robots_url_is_per_origin() -> None:
    assert robots_url("HTTPS://Example.com:8443/a/b?c") == "https://example.com:8443/robots.txt"


def test_concurrent_checks_fetch_robots_once_and_an_outage_is_asked_again_later() -> None:
    fetched: list[str] = []
    now = {"t": 0.0}
    replies = [FetchResult(ROBOTS, None, NetworkError("connection refused", ROBOTS)),
               answer(200, b"User-agent: *\nDisallow: /no\n")]

    async def fetch(url: str, user_agent: str, allow_private: bool) -> FetchResult:
        fetched.append(url)
        await asyncio.sleep(0)
        return replies[len(fetched) - 1]

    cache = RobotsCache(fetch, clock=lambda: now["t"])

    async def go() -> list[BaseException | None]:
        checks = (cache.check(f"http://example.com/{n}", AGENT) for n in range(5))
        return list(await asyncio.gather(*checks, return_exceptions=True))
    outcomes = asyncio.run(go())
    assert fetched == [ROBOTS] and all(isinstance(o, RobotsDisallowed) for o in outcomes)
    now["t"] = UNREACHABLE_TTL + 1
    asyncio.run(cache.check("http://example.com/yes", AGENT))
    with pytest.raises(RobotsDisallowed):
        asyncio.run(cache.check("http://example.com/no", AGENT))
    assert fetched == [ROBOTS, ROBOTS]

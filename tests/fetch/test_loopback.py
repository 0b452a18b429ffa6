"""The fetcher against a real loopback server: every fault a crawl meets, over real sockets."""

from __future__ import annotations

import asyncio
import gzip
import socket
import threading
from typing import Any

import pytest

from scraper.config import Settings
from scraper.errors import (
    ContentTypeError,
    FetchError,
    HTTPStatusError,
    PrivateAddressError,
    RobotsDisallowed,
    TooLargeError,
)
from scraper.fetch import Fetcher, FetchResult, NetworkError, RobotsUnreachable

from .conftest import RecordingArchive, loopback_settings
from .faulty_server import FaultyServer, Reply, Request, sequence

ARTICLE = (b"<!DOCTYPE html><html><head><title>Harbour</title></head>"
           b"<body><p>Ferries.</p></body></html>")
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def fetch(settings: Settings, url: str, archive: RecordingArchive | None = None,
          **options: Any) -> FetchResult:
    """Fetch one url with a fresh Fetcher."""
    async def go() -> FetchResult:
        async with Fetcher(settings, archive) as fetcher:
            return await fetcher.fetch(url, **options)
    return asyncio.run(go())


def fetch_many(settings: Settings, urls: list[str]) -> list[FetchResult]:
    """Fetch urls concurrently with one Fetcher."""
    async def go() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(url) for url in urls)))
    return asyncio.run(go())


def html(body: bytes = ARTICLE, **headers: str) -> Reply:
    return Reply(headers={"Content-Type": "text/html; charset=utf-8", **headers}, body=body)


# --- the ordinary path ---------------------------------------------------------------------

def test_a_page_is_fetched_with_our_user_agent_and_archived_after_robots(
        server: FaultyServer, archive: RecordingArchive) -> None:
    server.route("/news/harbour", html(ETag='"v1"'))
    settings = loopback_settings()
    result = fetch(settings, server.url("/news/harbour"), archive)

    assert result.ok and result.error is None and not result.not_modified
    page = result.page
    assert page is not None
    assert (page.status, page.content) == (200, ARTICLE)
    assert page.final_url == server.url("/news/harbour")
    assert page.headers["etag"] == '"v1"' and page.content_type == "text/html"
    assert (page.warc_file, page.warc_offset) == ("run.warc.gz", 1000)  # robots.txt came first
    assert archive.urls() == [server.url("/robots.txt"), server.url("/news/harbour")]
    assert archive.exchanges[0]["status"] == 404
    assert archive.exchanges[1]["body"] == ARTICLE and archive.exchanges[1]["reason"] == "OK"
    seen = server.requests("/news/harbour")[0]
    assert seen.headers["user-agent"] == settings.full_user_agent
    assert "example.org/contact" in seen.headers["user-agent"]
    assert "text/html" in seen.headers["accept"]
    assert result.attempts == 1


def test_gzip_body_is_decoded_and_page_headers_describe_the_decoded_bytes(
        server: FaultyServer, archive: RecordingArchive) -> None:
    server.route("/gz", html(gzip.compress(ARTICLE), **{"Content-Encoding": "gzip"}))
    result = fetch(loopback_settings(), server.url("/gz"), archive)
    assert result.ok and result.page is not None
    assert result.page.content == ARTICLE
    assert "content-encoding" not in result.page.headers
    assert result.page.headers["content-length"] == str(len(ARTICLE))
    archived = {k.lower(): v for k, v in archive.exchanges[-1]["response_headers"]}
    assert archived["content-encoding"] == "gzip"  # the archive sees what the server sent
    assert archive.exchanges[-1]["body"] == ARTICLE


# --- faults: slow, reset, refused --------------------------------------------------------------

def test_a_response_slower_than_the_timeout_fails_after_every_attempt(server: FaultyServer) -> None:
    server.route("/slow", Reply(delay=3.0))
    result = fetch(loopback_settings(timeout=0.3, retries=1), server.url("/slow"))
    assert isinstance(result.error, NetworkError)
    assert result.error.reason == "timed out after 0.3 s (2 attempts)"
    assert result.page is None and result.attempts == 2
    assert len(server.requests("/slow")) == 2


def test_a_reset_connection_is_retried_and_the_retry_succeeds(server: FaultyServer) -> None:
    server.route("/flaky", sequence(Reply(reset=True), html()))
    result = fetch(loopback_settings(), server.url("/flaky"))
    assert result.ok and result.page is not None and result.page.content == ARTICLE
    assert result.attempts == 2 and len(server.requests("/flaky")) == 2


def test_a_connection_that_always_resets_gives_up_with_the_reason(server: FaultyServer) -> None:
    server.route("/reset", Reply(reset=True))
    result = fetch(loopback_settings(retries=2), server.url("/reset"))
    assert isinstance(result.error, NetworkError)
    assert result.error.reason in ("connection reset after 3 attempts",
                                   "connection closed by server after 3 attempts")
    assert result.attempts == 3 and len(server.requests("/reset")) == 3


def test_a_refused_connection_is_reported_as_such() -> None:
    with socket.socket() as probe:  # a port nobody listens on once the probe closes
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetch(loopback_settings(retries=1, obey_robots=False), f"http://127.0.0.1:{port}/")
    assert isinstance(result.error, NetworkError)
    assert result.error.reason == "connection refused after 2 attempts"
    assert result.error.url == f"http://127.0.0.1:{port}/"


# --- faults: 429 and 503 ---------------------------------------------------------------------

def test_429_with_retry_after_is_retried_until_the_page_comes(server: FaultyServer) -> None:
    busy = Reply(429, headers={"Retry-After": "0"}, body=b"slow down")
    server.route("/busy", sequence(busy, busy, html()))
    result = fetch(loopback_settings(retries=3), server.url("/busy"))
    assert result.ok and result.attempts == 3
    assert len(server.requests("/busy")) == 3


def test_503_every_time_gives_up_with_the_status_and_attempt_count(
        server: FaultyServer, archive: RecordingArchive) -> None:
    server.route("/down", Reply(503, headers={"Retry-After": "0"}, body=b"maintenance"))
    result = fetch(loopback_settings(retries=3), server.url("/down"), archive)
    assert isinstance(result.error, HTTPStatusError) and result.error.status == 503
    assert result.error.reason == "HTTP 503 after 4 attempts"
    assert result.page is not None and result.page.status == 503
    assert result.page.content == b"maintenance"
    assert archive.urls().count(server.url("/down")) == 4  # every response is archived


def test_a_retry_after_beyond_the_cap_is_not_waited_for(server: FaultyServer) -> None:
    server.route("/later", Reply(503, headers={"Retry-After": "3600"}, body=b""))
    result = fetch(loopback_settings(retries=3, max_retry_after=30), server.url("/later"))
    assert result.error is not None
    assert result.error.reason == "HTTP 503 (asked to wait 3600 s, more than 30 s)"
    assert result.attempts == 1 and len(server.requests("/later")) == 1


def test_a_404_is_not_retried(server: FaultyServer) -> None:
    result = fetch(loopback_settings(retries=3), server.url("/missing"))
    assert isinstance(result.error, HTTPStatusError) and result.error.reason == "HTTP 404"
    assert result.page is not None and result.page.status == 404
    assert result.attempts == 1 and len(server.requests("/missing")) == 1


# --- redirects -------------------------------------------------------------------------------

def test_a_redirect_loop_is_detected(server: FaultyServer) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}, body=b""))
    server.route("/b", Reply(301, headers={"Location": server.url("/a")}, body=b""))
    result = fetch(loopback_settings(), server.url("/a"))
    assert result.error is not None and result.error.reason == "redirect loop"
    assert result.page is not None and result.page.status == 301  # the last response received
    assert len(server.requests("/a")) == 1 and len(server.requests("/b")) == 1


def test_redirects_past_the_cap_fail(server: FaultyServer) -> None:
    for hop in range(6):
        server.route(f"/hop{hop}", Reply(302, headers={"Location": f"/hop{hop + 1}"}, body=b""))
    result = fetch(loopback_settings(max_redirects=3), server.url("/hop0"))
    assert result.error is not None and result.error.reason == "too many redirects"
    assert [r.path for r in server.requests() if r.path != "/robots.txt"] == [
        "/hop0", "/hop1", "/hop2", "/hop3"]


def test_a_redirect_to_another_host_is_followed_and_each_hop_archived(
        server: FaultyServer, archive: RecordingArchive) -> None:
    server.route("/moved", Reply(301, headers={"Location": server.url("/here", host=1)}, body=b""),
                 host=0)
    server.route("/here", html(), host=1)
    result = fetch(loopback_settings(), server.url("/moved"), archive)
    assert result.ok and result.page is not None
    assert result.page.url == server.url("/moved")
    assert result.page.final_url == server.url("/here", host=1)
    assert archive.urls() == [server.url("/robots.txt"), server.url("/moved"),
                              server.url("/robots.txt", host=1), server.url("/here", host=1)]


def test_a_cookie_wall_bounce_back_to_the_article_is_not_a_loop(server: FaultyServer) -> None:
    def article(request: Request) -> Reply:
        if "consent=yes" in request.headers.get("cookie", ""):
            return html()
        return Reply(302, headers={"Location": "/consent"}, body=b"")
    server.route("/story", article)
    server.route("/consent", Reply(302, headers={"Location": "/story",
                                                 "Set-Cookie": "consent=yes; Path=/"}, body=b""))
    result = fetch(loopback_settings(), server.url("/story"))
    assert result.ok and result.page is not None and result.page.content == ARTICLE


def test_validators_go_only_to_the_url_they_belong_to(server: FaultyServer) -> None:
    server.route("/old", Reply(301, headers={"Location": "/new"}, body=b""))
    server.route("/new", html())
    fetch(loopback_settings(), server.url("/old"), etag='"abc"')
    assert server.requests("/old")[0].headers.get("if-none-match") == '"abc"'
    assert "if-none-match" not in server.requests("/new")[0].headers


# --- private addresses and schemes -------------------------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_loopback_hosts_are_refused_unless_allowed(server: FaultyServer, host: str) -> None:
    server.route("/", html())
    url = server.url("/").replace("127.0.0.1", host)
    result = fetch(loopback_settings(allow_private=False), url)
    assert isinstance(result.error, PrivateAddressError)
    assert "private or reserved address" in result.error.reason
    # the refusal says how to allow it, globally and for one site of the sites file
    assert "--allow-private" in result.error.reason
    assert "allow_private = true" in result.error.reason
    assert result.attempts == 0 and server.requests() == []  # nothing was sent
    assert fetch(loopback_settings(allow_private=True), url).ok


def test_other_schemes_are_refused() -> None:
    result = fetch(loopback_settings(), "file:///etc/passwd")
    assert isinstance(result.error, FetchError)
    assert result.error.reason == "unsupported scheme (file)"


# --- size caps -----------------------------------------------------------------------------

@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_oversized_body_is_refused(server: FaultyServer, chunked: bool,
                                      archive: RecordingArchive) -> None:
    big = b"<html><body>" + b"x" * 300_000
    server.route("/big", Reply(headers={"Content-Type": "text/html"}, body=big, chunked=chunked))
    result = fetch(loopback_settings(max_bytes=64 * 1024), server.url("/big"), archive)
    assert isinstance(result.error, TooLargeError)
    assert result.error.reason == "body exceeds 64 KB"
    assert result.page is None and server.url("/big") not in archive.urls()


def test_a_gzip_bomb_is_stopped_at_the_cap(server: FaultyServer) -> None:
    bomb = gzip.compress(b"<html><body>" + b"\0" * (11 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 64 * 1024  # small on the wire
    server.route("/bomb", Reply(headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                body=bomb))
    result = fetch(loopback_settings(), server.url("/bomb"))  # the default 10 MB cap
    assert isinstance(result.error, TooLargeError)
    assert result.error.reason == "body exceeds 10 MB"


# --- content types -------------------------------------------------------------------------

def test_binary_bytes_labelled_html_are_accepted_raw(server: FaultyServer) -> None:
    server.route("/odd", Reply(headers={"Content-Type": "text/html"}, body=PNG_BYTES))
    result = fetch(loopback_settings(), server.url("/odd"))
    assert result.ok and result.page is not None and result.page.content == PNG_BYTES


def test_an_image_is_refused_without_its_body(server: FaultyServer) -> None:
    server.route("/pic", Reply(headers={"Content-Type": "image/png"}, body=PNG_BYTES))
    result = fetch(loopback_settings(), server.url("/pic"))
    assert isinstance(result.error, ContentTypeError)
    assert result.error.reason == "not HTML (image/png)"
    assert result.page is None and result.attempts == 1


@pytest.mark.parametrize("body, accepted", [(ARTICLE, True), (PNG_BYTES, False)])
def test_a_missing_content_type_is_sniffed(server: FaultyServer, body: bytes,
                                           accepted: bool) -> None:
    server.route("/unlabelled", Reply(headers={}, body=body))
    result = fetch(loopback_settings(), server.url("/unlabelled"))
    assert result.ok is accepted
    if not accepted:
        assert isinstance(result.error, ContentTypeError)
        assert result.error.reason.startswith("not HTML (no content type")


def test_a_feed_labelled_html_is_accepted_when_a_feed_is_expected(server: FaultyServer) -> None:
    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    server.route("/feed", Reply(headers={"Content-Type": "text/html"}, body=rss))
    server.route("/page", html())
    settings = loopback_settings()
    assert fetch(settings, server.url("/feed"), expect="feed").ok
    refused = fetch(settings, server.url("/page"), expect="feed")
    assert isinstance(refused.error, ContentTypeError)
    assert refused.error.reason.startswith("not a feed (text/html")
    assert "application/rss+xml" in server.requests("/feed")[0].headers["accept"]


# --- robots.txt ------------------------------------------------------------------------------

ROBOTS = b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.05\n"


def test_robots_disallow_and_crawl_delay_are_obeyed_with_one_robots_fetch(
        server: FaultyServer) -> None:
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=ROBOTS))
    server.route("/private/memo", html())
    server.route("/public", html())

    async def go() -> tuple[list[FetchResult], float, float]:
        async with Fetcher(loopback_settings(delay=0.0)) as fetcher:
            results = await asyncio.gather(fetcher.fetch(server.url("/private/memo")),
                                           fetcher.fetch(server.url("/public")),
                                           fetcher.fetch(server.url("/public")))
            host = server.url("/").split("//")[1].rstrip("/")
            return list(results), fetcher.host_delay(host), fetcher.host_delay("other:80")
    (private, *public), delay, other = asyncio.run(go())

    assert isinstance(private.error, RobotsDisallowed)
    assert private.error.reason == "disallowed by robots.txt"
    assert private.attempts == 0 and server.requests("/private/memo") == []
    assert all(result.ok for result in public)
    assert len(server.requests("/robots.txt")) == 1
    assert (delay, other) == (0.05, 0.0)  # the larger of the setting and Crawl-delay


def test_robots_sitemaps_come_from_the_same_single_robots_fetch(server: FaultyServer) -> None:
    listing = ROBOTS + b"Sitemap: /news-sitemap.xml\n"
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=listing))
    server.route("/public", html())

    async def go() -> tuple[list[str], bool]:
        async with Fetcher(loopback_settings()) as fetcher:
            sitemaps = await fetcher.robots_sitemaps(server.url("/"))
            return sitemaps, (await fetcher.fetch(server.url("/public"))).ok
    sitemaps, fetched = asyncio.run(go())
    assert sitemaps == [server.url("/news-sitemap.xml")]
    assert fetched and len(server.requests("/robots.txt")) == 1


def test_robots_sitemaps_on_other_hosts_are_dropped_unless_the_site_names_them(
        server: FaultyServer) -> None:
    other = server.url("/elsewhere.xml", host=1)  # another host: 127.0.0.1 on another port
    listing = (f"Sitemap: https://tracker.example/sitemap.xml\nSitemap: {other}\n"
               "Sitemap: /own.xml\n").encode()
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=listing))

    async def go(hosts: tuple[str, ...]) -> list[str]:
        async with Fetcher(loopback_settings()) as fetcher:
            return await fetcher.robots_sitemaps(server.url("/"), hosts=hosts)
    # an IP address is its own site: another port of it is the same host name
    assert asyncio.run(go(())) == [other, server.url("/own.xml")]
    assert asyncio.run(go(("tracker.example",))) == [
        "https://tracker.example/sitemap.xml", other, server.url("/own.xml")]


def test_robots_rules_for_our_agent_win_over_the_wildcard(server: FaultyServer) -> None:
    rules = b"User-agent: *\nAllow: /\n\nUser-agent: scraper\nDisallow: /\n"
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=rules))
    server.route("/page", html())
    result = fetch(loopback_settings(), server.url("/page"))
    assert isinstance(result.error, RobotsDisallowed)


def test_an_unreachable_robots_txt_disallows_the_host_for_now(server: FaultyServer) -> None:
    server.route("/robots.txt", Reply(503, body=b""))
    server.route("/page", html())
    result = fetch(loopback_settings(retries=1), server.url("/page"))
    assert isinstance(result.error, RobotsUnreachable)  # a RobotsDisallowed that may pass
    assert result.error.reason == "robots.txt unreachable (HTTP 503 after 2 attempts)"
    assert server.requests("/page") == [] and len(server.requests("/robots.txt")) == 2


def test_robots_is_not_asked_for_when_not_obeyed(server: FaultyServer) -> None:
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"},
                                      body=b"User-agent: *\nDisallow: /\n"))
    server.route("/page", html())
    assert fetch(loopback_settings(obey_robots=False), server.url("/page")).ok
    assert server.requests("/robots.txt") == []


# --- conditional requests --------------------------------------------------------------------

LAST_MODIFIED = "Wed, 10 Jul 2024 08:00:00 GMT"


def conditional(request: Request) -> Reply:
    if (request.headers.get("if-none-match") == '"v7"'
            or request.headers.get("if-modified-since") == LAST_MODIFIED):
        return Reply(304, headers={"ETag": '"v7"'}, body=b"")
    return html(ETag='"v7"', **{"Last-Modified": LAST_MODIFIED})


@pytest.mark.parametrize("validators", [{"etag": '"v7"'}, {"last_modified": LAST_MODIFIED}])
def test_a_304_answers_our_validators(server: FaultyServer, archive: RecordingArchive,
                                      validators: dict[str, str]) -> None:
    server.route("/cond", conditional)
    result = fetch(loopback_settings(), server.url("/cond"), archive, **validators)
    assert result.ok and result.not_modified
    assert result.page is not None and result.page.status == 304 and result.page.content == b""
    assert archive.exchanges[-1]["status"] == 304


def test_without_validators_the_page_comes_in_full(server: FaultyServer) -> None:
    server.route("/cond", conditional)
    result = fetch(loopback_settings(), server.url("/cond"))
    assert result.ok and not result.not_modified
    assert result.page is not None and result.page.headers["last-modified"] == LAST_MODIFIED
    seen = server.requests("/cond")[0].headers
    assert "if-none-match" not in seen and "if-modified-since" not in seen


# --- politeness and parallelism ----------------------------------------------------------------

def test_one_request_at_a_time_per_host(server: FaultyServer) -> None:
    server.route("/slowish", Reply(delay=0.05, headers={"Content-Type": "text/html"}, body=ARTICLE))
    urls = [server.url("/slowish")] * 6 + [server.url("/slowish", host=1)] * 3
    results = fetch_many(loopback_settings(), urls)
    assert all(result.ok for result in results)
    assert server.max_active[0] == 1 and server.max_active[1] == 1
    assert len(server.requests("/slowish", host=0)) == 6


def test_different_hosts_are_fetched_in_parallel(server: FaultyServer) -> None:
    together = threading.Barrier(3, timeout=5)  # breaks (500) unless three hosts overlap

    def meet(_request: Request) -> Reply:
        try:
            together.wait()
        except threading.BrokenBarrierError:
            return Reply(500, body=b"hosts were fetched one after the other")
        return html()
    server.route("/together", meet)
    results = fetch_many(loopback_settings(retries=0),
                         [server.url("/together", host=h) for h in range(3)])
    assert [result.error for result in results] == [None, None, None]
    assert server.max_active_overall == 3

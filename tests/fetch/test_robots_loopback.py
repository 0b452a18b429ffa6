"""robots.txt over real sockets: asked for with the site's own agent, and a 404 is no failure."""

from __future__ import annotations

import asyncio

import pytest

from scraper.errors import RobotsDisallowed
from scraper.fetch import Fetcher, FetchResult
from scraper.fetch.robots import own_sitemaps

from .conftest import RecordingArchive, loopback_settings
from .faulty_server import FaultyServer, Reply

SITE_AGENT = "HarbourResearch/2.0 (+https://uni.example/crawler)"
PAGE = Reply(body=b"<!doctype html><html><body><p>story</p></body></html>")


def test_robots_txt_is_asked_for_with_the_sites_agent_and_read_for_its_token(
        server: FaultyServer) -> None:
    rules = b"User-agent: HarbourResearch\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=rules))
    server.route("/story", PAGE)

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(loopback_settings()) as fetcher:
            own = await fetcher.fetch(server.url("/story"), user_agent=SITE_AGENT)
            default = await fetcher.fetch(server.url("/story"))
            return own, default
    own, default = asyncio.run(go())
    assert isinstance(own.error, RobotsDisallowed)  # the group for the site's own agent
    assert default.ok  # the settings' agent ("scraper") falls under the wildcard group
    agents = [r.headers["user-agent"] for r in server.requests("/robots.txt")]
    assert agents == [SITE_AGENT, loopback_settings().full_user_agent]
    assert [r.headers["user-agent"] for r in server.requests("/story")] == [
        loopback_settings().full_user_agent]


@pytest.mark.parametrize("status", [404, 410, 403])
def test_a_missing_robots_txt_is_archived_as_an_answer_not_a_failure(
        server: FaultyServer, archive: RecordingArchive, status: int) -> None:
    server.route("/robots.txt", Reply(status, body=b"<html>not here</html>"))
    server.route("/story", PAGE)

    async def go() -> FetchResult:
        async with Fetcher(loopback_settings(), archive) as fetcher:
            return await fetcher.fetch(server.url("/story"))
    assert asyncio.run(go()).ok
    robots, story = archive.exchanges
    assert (robots["url"], robots["status"], robots["error"]) == (
        server.url("/robots.txt"), status, None)
    assert story["error"] is None


@pytest.mark.parametrize("status", [429, 503])
def test_a_struggling_robots_txt_is_still_a_failed_fetch(
        server: FaultyServer, archive: RecordingArchive, status: int) -> None:
    server.route("/robots.txt", Reply(status, body=b"busy"))

    async def go() -> FetchResult:
        async with Fetcher(loopback_settings(retries=0), archive) as fetcher:
            return await fetcher.fetch(server.url("/story"))
    assert not asyncio.run(go()).ok
    assert [e["error"] for e in archive.exchanges] == [f"HTTP {status}"]


@pytest.mark.parametrize("sitemap, kept", [
    ("https://www.herald.example/sitemap.xml", True),        # the same host
    ("https://sitemaps.herald.example/news.xml.gz", True),   # another host of the same domain
    ("https://herald.example.evil.example/s.xml", False),
    ("https://tracker.example/sitemap.xml", False),
    ("https://cdn.herald-media.example/s.xml", True),        # named by the sites file
    ("http://127.0.0.1:8080/sitemap.xml", False),
])
def test_only_the_sites_own_sitemaps_are_kept(sitemap: str, kept: bool) -> None:
    found = own_sitemaps("https://www.herald.example/news/", [sitemap],
                         hosts={"cdn.herald-media.example"})
    assert found == ([sitemap] if kept else [])

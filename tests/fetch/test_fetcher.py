"""Fetcher logic on httpx.MockTransport: redirects to private hosts, failures that must not
escape, archive failures, cancellation."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from scraper.config import Settings
from scraper.errors import FetchError, PrivateAddressError
from scraper.fetch import Fetcher, FetchResult
from scraper.fetch.client import conditional_headers
from scraper.fetch.robots import agent_token

from .conftest import RecordingArchive

PUBLIC = {"news.example": "93.184.216.34", "cdn.example": "93.184.216.35",
          "intranet.example": "10.0.0.5", "rebind.example": "127.0.0.1"}
HTML = {"content-type": "text/html"}


async def fake_dns(host: str, port: int) -> list[str]:
    if host not in PUBLIC:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return [PUBLIC[host]]


def run(handler: Callable[[httpx.Request], Any], url: str, archive: Any = None,
        **settings: Any) -> tuple[FetchResult, list[str]]:
    """Fetch url through a MockTransport; return the result and the urls the handler saw."""
    seen: list[str] = []

    def record(request: httpx.Request) -> Any:
        seen.append(str(request.url))
        return handler(request)

    options: dict[str, Any] = {"delay": 0.0, "backoff": 0.0, "obey_robots": False}
    options.update(settings)

    async def go() -> FetchResult:
        async with Fetcher(Settings(**options), archive, httpx.MockTransport(record),
                           resolver=fake_dns) as fetcher:
            return await fetcher.fetch(url)
    return asyncio.run(go()), seen


def redirect_to(target: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/go":
            return httpx.Response(302, headers={"location": target})
        return httpx.Response(200, headers=HTML, content=b"<html>secret</html>")
    return handler


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/",
    "http://intranet.example/admin",
    "http://rebind.example/",
    "http://[::ffff:10.0.0.1]/",
    "http://0.0.0.0:8080/",
])
def test_a_redirect_into_a_private_network_is_refused_before_it_is_requested(target: str) -> None:
    result, seen = run(redirect_to(target), "http://news.example/go")
    assert isinstance(result.error, PrivateAddressError)
    assert seen == ["http://news.example/go"]
    assert result.page is not None and result.page.status == 302


def test_a_redirect_to_another_public_host_is_followed() -> None:
    result, seen = run(redirect_to("http://cdn.example/page"), "http://news.example/go")
    assert result.ok and seen == ["http://news.example/go", "http://cdn.example/page"]


def test_a_redirect_to_another_scheme_is_refused() -> None:
    result, seen = run(redirect_to("ftp://news.example/file"), "http://news.example/go")
    assert result.error is not None and result.error.reason == "unsupported scheme (ftp)"
    assert len(seen) == 1


def test_an_unresolvable_host_is_reported_and_not_requested() -> None:
    result, seen = run(redirect_to("/"), "http://nowhere.invalid/")
    assert result.error is not None
    assert result.error.reason == "could not resolve nowhere.invalid (name or service not known)"
    assert seen == [] and result.attempts == 0


def test_a_redirect_without_location_is_an_error() -> None:
    result, _ = run(lambda request: httpx.Response(302), "http://news.example/")
    assert result.error is not None and result.error.reason == "HTTP 302 without Location"


def test_a_failing_archive_fails_the_fetch_without_raising() -> None:
    class BrokenArchive:
        def write_exchange(self, **exchange: Any) -> tuple[str, int]:
            raise OSError(28, "No space left on device")
    result, _ = run(redirect_to("/"), "http://news.example/page", archive=BrokenArchive())
    assert result.error is not None and result.page is None
    assert result.error.reason.startswith("archive write failed")


def test_the_archive_gets_the_exchange_as_sent_and_received() -> None:
    archive = RecordingArchive()
    result, _ = run(redirect_to("/"), "http://news.example/page", archive=archive)
    exchange = archive.exchanges[0]
    assert exchange["url"] == "http://news.example/page" and exchange["method"] == "GET"
    assert (exchange["status"], exchange["reason"], exchange["http_version"]) == (
        200, "OK", "HTTP/1.1")
    sent = {name.lower(): value for name, value in exchange["request_headers"]}
    assert sent["user-agent"].startswith("scraper/") and sent["accept-encoding"] == "gzip, deflate"
    assert result.page is not None and result.page.warc_offset == 0


def test_a_bug_in_the_transport_becomes_an_error_not_an_exception() -> None:
    def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("transport bug")
    result, _ = run(explode, "http://news.example/")
    assert isinstance(result.error, FetchError)
    assert result.error.reason.startswith("unexpected error (RuntimeError('transport bug')")


def test_an_unknown_expectation_is_an_error_result() -> None:
    async def go() -> FetchResult:
        async with Fetcher(Settings(obey_robots=False)) as fetcher:
            return await fetcher.fetch("http://news.example/", expect="pdf")
    result = asyncio.run(go())
    assert result.error is not None and "unknown expectation" in result.error.reason
    assert result.error.url == "http://news.example/"


def test_cancellation_is_not_swallowed() -> None:
    async def never(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def go() -> None:
        settings = Settings(obey_robots=False, delay=0.0)
        async with Fetcher(settings, None, httpx.MockTransport(never), resolver=fake_dns) as f:
            task = asyncio.create_task(f.fetch("http://news.example/"))
            await asyncio.sleep(0.05)
            task.cancel()
            await task
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(go())


def test_robots_txt_is_asked_for_at_each_new_origin_of_a_redirect_chain() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            strict = request.url.host == "cdn.example"
            body = b"User-agent: *\nDisallow: /private\n" if strict else b""
            return httpx.Response(200, content=body)
        return httpx.Response(302, headers={"location": "http://cdn.example/private/page"})
    result, seen = run(handler, "http://news.example/go", obey_robots=True)
    assert result.error is not None and result.error.reason == "disallowed by robots.txt"
    assert seen == ["http://news.example/robots.txt", "http://news.example/go",
                    "http://cdn.example/robots.txt"]


@pytest.mark.parametrize("user_agent, token", [
    ("scraper/0.1 (+https://example.org/bot)", "scraper"),
    ("NewsBot/2.0", "NewsBot"),
    ("plainname", "plainname"),
    ("", "*"),
])
def test_robots_token_is_the_product_name(user_agent: str, token: str) -> None:
    assert agent_token(user_agent) == token


def test_conditional_headers() -> None:
    assert conditional_headers(None, None) == {}
    assert conditional_headers('"x"', "Wed, 10 Jul 2024 08:00:00 GMT") == {
        "If-None-Match": '"x"', "If-Modified-Since": "Wed, 10 Jul 2024 08:00:00 GMT"}

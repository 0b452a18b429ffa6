"""The polite fetcher: robots.txt, per-host pacing, retries, redirects checked hop by hop.

``Fetcher.fetch`` never raises (cancellation aside): every failure comes back as
``FetchResult.error`` with a one-line reason. Each response received is archived first.
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

import httpx

from ..config import Settings
from ..errors import FetchError, HTTPStatusError, NetworkError
from ..models import Page
from .contracts import ArchiveWriter, FetchResult
from .decoding import ACCEPT_ENCODING
from .exchange import Exchange, Limits, RequestHeaders, perform
from .limits import check_expect
from .pinning import PinnedBackend, PinnedTransport
from .politeness import HostScheduler, host_key
from .reasons import network_error
from .redirects import RedirectChain
from .retry import RetryPolicy, is_retryable_status, parse_retry_after
from .robots import ROBOTS_MAX_BYTES, RobotsCache, is_missing_robots, own_sitemaps, robots_url
from .safety import Resolver, check_public, check_scheme, resolve_host

ROBOTS_MAX_REDIRECTS = 5
KEEPALIVE_PER_SLOT = 2


@dataclass
class _Tally:
    attempts: int = 0


@dataclass(frozen=True)
class _Plan:
    """How to fetch one url: what to accept and which checks apply to every hop."""

    limits: Limits
    use_robots: bool
    max_redirects: int
    user_agent: str
    allow_private: bool = False
    for_robots: bool = False  # the fetch of a robots.txt: a 4xx answer is not a failure


@dataclass(frozen=True)
class _Outcome:
    page: Page | None
    error: FetchError | None = None
    location: str | None = None
    set_cookie: bool = False


class Fetcher:
    """Fetches pages politely: one request at a time per host, many hosts in parallel."""

    def __init__(self, settings: Settings, archive: ArchiveWriter | None = None,
                 transport: httpx.AsyncBaseTransport | None = None, *,
                 resolver: Resolver | None = None, rng: random.Random | None = None,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self._archive = archive
        self._resolver = resolver or resolve_host
        self._transport = transport
        self._ssl_context = ssl_context
        self._clients: dict[bool, httpx.AsyncClient] = {}  # by "private addresses allowed"
        self._policy = RetryPolicy(settings.retries, settings.backoff, settings.max_retry_after,
                                   rng or random.Random())
        self._scheduler = HostScheduler(self.host_delay)
        self._robots = RobotsCache(self._fetch_robots)
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        self._crawl_delays: dict[str, float] = {}
        self._site_delays: dict[str, float] = {}

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    expect: str = "html", user_agent: str | None = None,
                    allow_private: bool = False) -> FetchResult:
        """Fetch one url; failures come back in FetchResult.error, never as exceptions.

        `user_agent` replaces the settings' User-Agent for this fetch and its robots.txt (a
        site's own setting); `allow_private` lets this fetch reach non-public addresses.
        """
        started, tally = time.monotonic(), _Tally()
        plan = _Plan(Limits(expect, self.settings.max_bytes), self.settings.obey_robots,
                     self.settings.max_redirects, user_agent or self.settings.full_user_agent,
                     allow_private or self.settings.allow_private)
        try:
            check_expect(expect)
            result = await self._follow(url, conditional_headers(etag, last_modified), plan, tally)
        except FetchError as error:
            result = FetchResult(url, None, _with_url(error, url))
        except Exception as exc:  # noqa: BLE001 - a bug is recorded as this url's failure
            result = FetchResult(url, None, FetchError(f"unexpected error ({exc!r:.200})", url))
        return replace(result, attempts=tally.attempts, elapsed=time.monotonic() - started)

    async def robots_sitemaps(self, url: str, *, user_agent: str | None = None,
                              allow_private: bool = False,
                              hosts: Iterable[str] = ()) -> list[str]:
        """Return the Sitemap: urls of the robots.txt of url's origin (fetched once per run)
        that belong to the site: url's registrable domain, or one of `hosts`."""
        agent = user_agent or self.settings.full_user_agent
        allow_private = allow_private or self.settings.allow_private
        try:
            check_scheme(url)
            if not allow_private:
                await check_public(url, self._resolver)
            rules = await self._robots.rules_for(url, agent, allow_private)
        except FetchError:
            return []
        return own_sitemaps(url, rules.sitemaps(robots_url(url)), hosts)

    def host_delay(self, host: str) -> float:
        """Return the pause between two requests to host ('name:port'): setting or Crawl-delay."""
        base = self._site_delays.get(host, self.settings.delay)
        return max(base, self._crawl_delays.get(host, 0.0))

    def set_host_delay(self, url: str, seconds: float) -> None:
        """Use `seconds` instead of the delay setting for url's host (a site's own override)."""
        self._site_delays[host_key(url)] = seconds

    async def aclose(self) -> None:
        """Close the connection pools."""
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()

    async def _follow(self, url: str, headers: RequestHeaders, plan: _Plan,
                      tally: _Tally) -> FetchResult:
        """Fetch url and the redirects it leads to, checking every hop."""
        chain = RedirectChain(url, plan.max_redirects)
        outcome = _Outcome(None)
        try:
            while True:
                await self._admit(chain.current, plan)
                outcome = await self._with_retries(chain.current, headers, url, plan, tally)
                if outcome.location is None:
                    return _result(url, outcome)
                chain.advance(outcome.location, outcome.set_cookie)
                headers = {}  # validators belong to the url we were given, not to its target
        except FetchError as error:
            return FetchResult(url, outcome.page, _with_url(error, url))

    async def _admit(self, url: str, plan: _Plan) -> None:
        """Raise unless url may be requested: scheme, public address, robots.txt.

        The address is checked again when a connection opens (pinning.py); this early check
        refuses before robots.txt is asked for or a politeness slot is taken.
        """
        check_scheme(url)
        if not plan.allow_private:
            await check_public(url, self._resolver)
        if plan.use_robots:
            await self._robots.check(url, plan.user_agent, plan.allow_private)
            self._learn_crawl_delay(url, plan.user_agent)

    def _learn_crawl_delay(self, url: str, user_agent: str) -> None:
        """Remember the origin's Crawl-delay; the first time, space the next request by it."""
        host, delay = host_key(url), self._robots.crawl_delay(url, user_agent)
        if delay is not None and host not in self._crawl_delays:
            self._scheduler.defer(host, delay)  # the robots.txt request itself just ended
        if delay is not None:
            self._crawl_delays[host] = delay

    async def _with_retries(self, url: str, headers: RequestHeaders, requested: str,
                            plan: _Plan, tally: _Tally) -> _Outcome:
        """Request url until it succeeds, fails for good, or the retries run out."""
        host = host_key(url)
        for attempt in range(1, self._policy.max_attempts + 1):
            tally.attempts += 1
            outcome, retry_after = await self._attempt(url, headers, requested, plan, host)
            if retry_after is not None:
                self._scheduler.defer(host, min(retry_after, self._policy.max_retry_after))
            if not _retryable(outcome.error):
                return outcome
            if self._policy.retry_after_too_long(retry_after):
                return _give_up(outcome, f"asked to wait {retry_after:g} s, more than "
                                         f"{self._policy.max_retry_after:g} s")
            if attempt == self._policy.max_attempts:
                break
            self._scheduler.defer(host, self._policy.wait_before(attempt + 1, retry_after))
        suffix = f"after {attempt} attempts" if attempt > 1 else ""
        return _give_up(outcome, suffix)

    async def _attempt(self, url: str, headers: RequestHeaders, requested: str, plan: _Plan,
                       host: str) -> tuple[_Outcome, float | None]:
        """Make one request in the host's slot; return its outcome and any Retry-After."""
        async with self._scheduler.slot(host), self._in_flight:
            try:
                async with asyncio.timeout(self.settings.timeout or None):
                    sent = {**headers, "User-Agent": plan.user_agent}
                    exchange = await perform(self._client_for(plan.allow_private), url, sent,
                                             plan.limits)
            except FetchError as error:
                return _Outcome(None, error), None
            except (httpx.HTTPError, httpx.InvalidURL, OSError, TimeoutError) as exc:
                return _Outcome(None, network_error(exc, url, self.settings.timeout)), None
        retry_after = None
        if is_retryable_status(exchange.status):
            retry_after = parse_retry_after(exchange.header("retry-after"))
        return self._conclude(exchange, requested, plan), retry_after

    def _client_for(self, allow_private: bool) -> httpx.AsyncClient:
        """Return the client whose connections are checked (or not) for public addresses."""
        key = allow_private or self._transport is not None  # an injected transport is shared
        if key not in self._clients:
            self._clients[key] = _make_client(self.settings, self._transport or PinnedTransport(
                PinnedBackend(self._resolver, guard=not allow_private),
                limits=_pool_limits(self.settings), ssl_context=self._ssl_context))
        return self._clients[key]

    def _conclude(self, exchange: Exchange, requested: str, plan: _Plan) -> _Outcome:
        """Archive the exchange and say what it means: a page, an error, or a redirect."""
        if exchange.refusal is not None:
            return _Outcome(None, exchange.refusal)
        status, url = exchange.status, exchange.url
        location = exchange.header("location") if 300 <= status < 400 and status != 304 else None
        error: HTTPStatusError | None = None
        if 300 <= status < 400 and status != 304 and not location:
            error = HTTPStatusError(f"HTTP {status} without Location", url, status)
        elif status >= 400 and not (plan.for_robots and is_missing_robots(status)):
            error = HTTPStatusError(f"HTTP {status}", url, status)
        page = self._archived_page(exchange, requested, error)
        if location:
            return _Outcome(page, location=location,
                            set_cookie=exchange.header("set-cookie") is not None)
        return _Outcome(page, error)

    def _archived_page(self, exchange: Exchange, requested: str,
                       error: FetchError | None) -> Page:
        """Write the exchange to the archive (when there is one) and return its Page."""
        warc_file: str | None = None
        warc_offset: int | None = None
        if self._archive is not None:
            try:
                warc_file, warc_offset = self._archive.write_exchange(
                    url=exchange.url, method="GET", request_headers=exchange.request_headers,
                    status=exchange.status, reason=exchange.reason,
                    http_version=exchange.http_version,
                    response_headers=exchange.response_headers, body=exchange.body,
                    error=error.reason if error is not None else None)
            except Exception as exc:
                raise FetchError(f"archive write failed ({exc!r:.200})", exchange.url) from exc
        return Page(url=requested, final_url=exchange.url, status=exchange.status,
                    headers=exchange.page_headers(), content=exchange.body,
                    fetched_at=_now_iso(), warc_file=warc_file, warc_offset=warc_offset)

    async def _fetch_robots(self, robots_url: str, user_agent: str,
                            allow_private: bool) -> FetchResult:
        """Fetch a robots.txt (no robots check for it, at most 5 redirects, first 500 KiB)
        with the agent of the fetch that needs it; a 4xx answer is "no rules", not a failure."""
        plan = _Plan(Limits("any", ROBOTS_MAX_BYTES, truncate=True), use_robots=False,
                     max_redirects=min(ROBOTS_MAX_REDIRECTS, self.settings.max_redirects),
                     user_agent=user_agent, allow_private=allow_private, for_robots=True)
        try:
            return await self._follow(robots_url, {}, plan, _Tally())
        except FetchError as error:
            return FetchResult(robots_url, None, error)


def _pool_limits(settings: Settings) -> httpx.Limits:
    return httpx.Limits(max_connections=None,
                        max_keepalive_connections=settings.concurrency * KEEPALIVE_PER_SLOT)


def _make_client(settings: Settings, transport: httpx.AsyncBaseTransport) -> httpx.AsyncClient:
    """Build an httpx client: HTTP/2 when offered, no redirects, no environment proxies."""
    headers = {"User-Agent": settings.full_user_agent, "Accept-Encoding": ACCEPT_ENCODING}
    return httpx.AsyncClient(transport=transport, headers=headers, follow_redirects=False,
                             timeout=settings.timeout or None, trust_env=False)


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str | bytes]:
    """Return If-None-Match / If-Modified-Since for the validators we hold (a non-ASCII one,
    which a server may send, goes back as the UTF-8 bytes it was read from)."""
    headers: dict[str, str | bytes] = {}
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
        if value:
            headers[name] = value if value.isascii() else value.encode("utf-8")
    return headers


def _retryable(error: FetchError | None) -> bool:
    if isinstance(error, NetworkError):
        return error.retryable
    return isinstance(error, HTTPStatusError) and is_retryable_status(error.status or 0)


def _give_up(outcome: _Outcome, detail: str) -> _Outcome:
    error = outcome.error
    if error is None or not detail:
        return outcome
    if detail.startswith("after") and " after " not in error.reason:
        reason = f"{error.reason} {detail}"  # "HTTP 503 after 4 attempts"
    else:
        # "timed out after 20 s (3 attempts)", "HTTP 503 (asked to wait 3600 s, ...)"
        reason = f"{error.reason} ({detail.removeprefix('after ')})"
    return replace(outcome, error=_copy_error(error, reason))


def _copy_error(error: FetchError, reason: str) -> FetchError:
    if isinstance(error, HTTPStatusError):
        return HTTPStatusError(reason, error.url, error.status)
    if isinstance(error, NetworkError):
        return NetworkError(reason, error.url, error.retryable)
    return type(error)(reason, error.url)


def _with_url(error: FetchError, url: str) -> FetchError:
    if error.url is None:
        error.url = url
    return error


def _result(url: str, outcome: _Outcome) -> FetchResult:
    not_modified = outcome.page is not None and outcome.page.status == 304
    return FetchResult(url, outcome.page, outcome.error, not_modified=not_modified)


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

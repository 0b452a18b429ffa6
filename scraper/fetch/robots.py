"""robots.txt: fetched once per origin (and agent) per run, parsed with protego, consulted
before each url. It is asked for with the User-Agent of the fetch that needs it (a site's own
agent when it has one), and its groups are matched against that agent's product token.

What a robots.txt answer means (RFC 9309, as Google applies it):

- 2xx: the rules apply (only the first 500 KiB are read).
- 4xx other than 429, a redirect we cannot follow, or a refused address: no usable file,
  everything is allowed. A 404 is the normal answer of a site without a robots.txt: the
  fetcher records it as a response like any other, not as a failed fetch.
- 429, 5xx or a network failure: the site is struggling, so everything is disallowed for now;
  unlike the other answers this one is remembered only for ``UNREACHABLE_TTL`` seconds and the
  file is asked for again afterwards, so one bad minute does not lose a site for a long run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from protego import Protego

from ..errors import HTTPStatusError, NetworkError, RobotsDisallowed, RobotsUnreachable
from ..urls import same_site
from .contracts import FetchResult
from .politeness import MAX_CRAWL_DELAY
from .retry import is_retryable_status

ROBOTS_MAX_BYTES = 500 * 1024
UNREACHABLE_TTL = 600.0
DISALLOWED_REASON = "disallowed by robots.txt"

RobotsFetch = Callable[[str, str, bool], Awaitable[FetchResult]]  # (url, user agent, private ok)


def is_missing_robots(status: int) -> bool:
    """True for the answers that mean "no robots.txt here": 4xx other than 429."""
    return 400 <= status < 500 and status != 429


def agent_token(user_agent: str) -> str:
    """Return the product token robots.txt groups are matched against ('scraper')."""
    token = user_agent.split("/")[0].split()
    return token[0] if token else "*"


@dataclass(frozen=True)
class RobotsRules:
    """One origin's robots.txt verdict: parsed rules, allow-all, or disallow-all until expiry."""

    parser: Protego | None = None
    unreachable: str | None = None
    expires: float | None = None

    def check(self, url: str, agent: str) -> None:
        """Raise RobotsDisallowed when these rules forbid the url."""
        if self.unreachable:
            raise RobotsUnreachable(f"robots.txt unreachable ({self.unreachable})", url)
        if self.parser is not None and not self.parser.can_fetch(url, agent):
            raise RobotsDisallowed(DISALLOWED_REASON, url)

    def sitemaps(self, base: str) -> list[str]:
        """Return the Sitemap: urls the file lists, made absolute against base."""
        found = self.parser.sitemaps if self.parser is not None else ()
        return [urljoin(base, sitemap.strip()) for sitemap in found]

    def crawl_delay(self, agent: str) -> float | None:
        """Return the Crawl-delay (or Request-rate interval) for agent, capped, or None."""
        if self.parser is None:
            return None
        delays = [self.parser.crawl_delay(agent)]
        rate = self.parser.request_rate(agent)
        if rate is not None and rate.requests > 0:
            delays.append(rate.seconds / rate.requests)
        found = [float(delay) for delay in delays if delay is not None and delay >= 0]
        return min(max(found), MAX_CRAWL_DELAY) if found else None


def own_sitemaps(url: str, sitemaps: list[str], hosts: Iterable[str] = ()) -> list[str]:
    """Keep the sitemaps on url's registrable domain or on one of `hosts` (a site's own).

    The sitemaps protocol lets a robots.txt name sitemaps anywhere; we do not follow a
    stranger's file to a third host (a tracker, an intranet name): a site whose sitemaps
    live elsewhere lists that host in the sites file.
    """
    allowed = {host.lower() for host in hosts}
    return [sitemap for sitemap in sitemaps
            if same_site(url, sitemap) or (urlsplit(sitemap).hostname or "") in allowed]


def robots_url(url: str) -> str:
    """Return the robots.txt url of the url's origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}/robots.txt"


def rules_from_result(result: FetchResult, now: float) -> RobotsRules:
    """Turn the fetch of a robots.txt into the rules it implies (see the module docstring)."""
    error = result.error
    if error is None and result.page is not None and 200 <= result.page.status < 300:
        text = result.page.content[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").lstrip("\ufeff")
        return RobotsRules(parser=Protego.parse(text))
    struggling = isinstance(error, NetworkError) or (
        isinstance(error, HTTPStatusError) and is_retryable_status(error.status or 0))
    if struggling and error is not None:
        return RobotsRules(unreachable=error.reason, expires=now + UNREACHABLE_TTL)
    return RobotsRules()


class RobotsCache:
    """Fetches each origin's robots.txt once per agent (concurrent callers share the fetch)."""

    def __init__(self, fetch: RobotsFetch, clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._clock = clock
        self._rules: dict[tuple[str, str], RobotsRules] = {}
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def check(self, url: str, user_agent: str, allow_private: bool = False) -> None:
        """Raise RobotsDisallowed unless the url's robots.txt lets this agent fetch it."""
        rules = await self.rules_for(url, user_agent, allow_private)
        rules.check(url, agent_token(user_agent))

    async def rules_for(self, url: str, user_agent: str, allow_private: bool = False
                        ) -> RobotsRules:
        """Return the rules of the url's origin, fetching robots.txt the first time."""
        key = (robots_url(url), user_agent)
        async with self._locks.setdefault(key, asyncio.Lock()):
            rules = self._rules.get(key)
            if rules is None or (rules.expires is not None and rules.expires <= self._clock()):
                result = await self._fetch(key[0], user_agent, allow_private)
                rules = rules_from_result(result, self._clock())
                self._rules[key] = rules
            return rules

    def crawl_delay(self, url: str, user_agent: str) -> float | None:
        """Return the Crawl-delay already known for the url's origin and agent, or None."""
        rules = self._rules.get((robots_url(url), user_agent))
        return rules.crawl_delay(agent_token(user_agent)) if rules else None

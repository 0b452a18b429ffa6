"""Per-host politeness: one request at a time per host, and a pause between two requests.

Every host has a FIFO lock and the earliest time its next request may start. The pause is
measured from the end of the previous request, so a slow server also gets a slower crawler.
A retry wait or a Retry-After pushes that time further for everyone fetching from the host.
Different hosts never wait for each other.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .safety import DEFAULT_PORTS

MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay above this would stall a crawl for hours


@dataclass
class _HostState:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0


def host_key(url: str) -> str:
    """Return 'host:port' for a url: the unit of politeness."""
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)
    return f"{(parts.hostname or '').lower()}:{port}"


class HostScheduler:
    """Hands out one request slot per host at a time, spaced by the host's delay."""

    def __init__(self, delay_for: Callable[[str], float],
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._delay_for = delay_for
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _HostState] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for the host's turn, hold it during the request, then start its pause."""
        state = self._hosts.setdefault(host, _HostState())
        async with state.lock:
            wait = state.next_start - self._clock()
            if wait > 0:
                await self._sleep(wait)
            try:
                yield
            finally:
                self.defer(host, self._delay_for(host))

    def defer(self, host: str, seconds: float) -> None:
        """Let no request start on host for the next `seconds` (keeps any later start)."""
        state = self._hosts.setdefault(host, _HostState())
        state.next_start = max(state.next_start, self._clock() + seconds)

    def next_start(self, host: str) -> float:
        """Return the clock time before which no request to host starts."""
        state = self._hosts.get(host)
        return state.next_start if state else 0.0

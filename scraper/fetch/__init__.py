"""The polite fetcher: httpx with robots.txt, per-host pacing, retries and safety checks.

    Fetcher.fetch(url)
      -> redirects.RedirectChain   follow redirects by hand, loops and a cap
      -> safety                    http(s) only, public addresses only (not this machine's)
      -> robots.RobotsCache        robots.txt once per origin, Crawl-delay
      -> politeness.HostScheduler  one request per host at a time, a pause between two
      -> retry.RetryPolicy         backoff with jitter, Retry-After
      -> exchange.perform          one GET, media type check (limits), capped decoding (decoding)
      -> pinning.PinnedBackend     each connection dials the addresses it checked (no rebinding)
      -> ArchiveWriter             every response archived before it is returned
"""

from __future__ import annotations

from ..errors import NetworkError, RobotsUnreachable
from .client import Fetcher
from .contracts import ArchiveWriter, FetchResult

__all__ = ["ArchiveWriter", "FetchResult", "Fetcher", "NetworkError", "RobotsUnreachable"]

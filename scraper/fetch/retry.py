"""The retry policy: what is worth retrying, and how long to wait before the next attempt.

Waits grow exponentially with jitter (``backoff * 2**(n-1)``, scaled by a random factor in
[0.5, 1]) so many fetchers do not retry in step. A server's Retry-After (seconds or an HTTP
date) replaces the backoff when it asks for longer. A Retry-After longer than
``max_retry_after`` is not worth waiting for in a crawl: the fetch gives up at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523,
                            524})
MAX_BACKOFF = 60.0
JITTER_RANGE = (0.5, 1.0)


def is_retryable_status(status: int) -> bool:
    """True for statuses that say 'try again later': 429, 408 and most 5xx."""
    return status in RETRY_STATUSES


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Return the seconds a Retry-After header asks for (delta or HTTP date), None if unusable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


@dataclass
class RetryPolicy:
    """How many times to retry and how long to wait between attempts."""

    retries: int
    backoff: float
    max_retry_after: float
    rng: random.Random = field(default_factory=random.Random)

    @property
    def max_attempts(self) -> int:
        """Return the first attempt plus the retries."""
        return 1 + max(0, self.retries)

    def wait_before(self, attempt: int, retry_after: float | None = None) -> float:
        """Return the seconds to wait before attempt number `attempt` (2 for the first retry)."""
        base = min(MAX_BACKOFF, self.backoff * 2 ** max(0, attempt - 2))
        wait = base * self.rng.uniform(*JITTER_RANGE)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return wait

    def retry_after_too_long(self, retry_after: float | None) -> bool:
        """True when the server asks us to wait longer than we are willing to."""
        return retry_after is not None and retry_after > self.max_retry_after

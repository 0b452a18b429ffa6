"""The store's clock and date-filter helpers."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from ..errors import StoreError

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def utc_now() -> str:
    """Return the current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_date(value: str, name: str) -> date:
    """Parse a YYYY-MM-DD filter value, or raise StoreError naming the option."""
    if not DATE_PATTERN.match(value):
        raise StoreError(f"{name} must be a date like 2024-07-12, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise StoreError(f"{name} is not a valid date: {value!r} ({error})") from None


def date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Return (lower, upper) text bounds: published_at >= lower and published_at < upper.

    Both bounds are whole days; comparing text keeps the (site_id, published_at) index usable,
    and "2024-07-12T10:00:00+02:00" sorts inside the day 2024-07-12.
    """
    lower = check_date(since, "since").isoformat() if since else None
    upper = (check_date(until, "until") + timedelta(days=1)).isoformat() if until else None
    return lower, upper

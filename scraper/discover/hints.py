"""Normalize the dates feeds and sitemaps give into the record's ISO 8601 forms."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

EARLIEST_YEAR = 1990
LATEST_YEAR = 2100
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


def iso_date_hint(value: str | None, parsed: time.struct_time | None = None) -> str | None:
    """Return "YYYY-MM-DDTHH:MM:SS+HH:MM" when the zone is known, "YYYY-MM-DD" otherwise."""
    text = (value or "").strip()
    when = _parse_iso(text) or _parse_rfc822(text) if text else None
    if when is None and parsed is not None:  # feedparser's own parse, always in UTC
        try:
            when = datetime(*parsed[:6], tzinfo=UTC)
        except (TypeError, ValueError):
            return None
    if when is None or not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        return None
    if isinstance(when, datetime) and when.tzinfo is not None:
        return when.replace(microsecond=0).isoformat()
    return when.strftime("%Y-%m-%d")


def _parse_iso(text: str) -> date | datetime | None:
    if _DATE_ONLY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    candidate = text.replace("Z", "+00:00").replace("z", "+00:00")
    candidate = _COMPACT_OFFSET.sub(r"\1:\2", candidate) if "T" in candidate else candidate
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is not None and when.tzinfo is not None and when.utcoffset() is None:
        return None
    return when

"""Parsed dates and the fast structured parsers: ISO 8601, RFC 2822, epoch seconds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import NamedTuple

from .patterns import MAX_YEAR, MIN_YEAR, ZONE_NAMES, ZONE_OFFSETS


class ParsedDate(NamedTuple):
    """A calendar date with an optional time of day and an optional UTC offset."""

    value: datetime
    has_time: bool = False

    @property
    def day(self) -> date:
        """The calendar date as written on the page."""
        return self.value.date()

    @property
    def has_zone(self) -> bool:
        """True when the page gave the UTC offset."""
        return self.value.tzinfo is not None

    def iso(self) -> str:
        """Return 'YYYY-MM-DDTHH:MM:SS+HH:MM', 'YYYY-MM-DDTHH:MM:SS' or 'YYYY-MM-DD'."""
        if not self.has_time:
            return self.day.isoformat()
        return self.value.replace(microsecond=0).isoformat()


def make_date(year: int, month: int, day: int, clock: tuple[int, int, int] | None = None,
              zone: tzinfo | None = None) -> ParsedDate | None:
    """Build a ParsedDate from parts; None when impossible or outside the plausible years."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        if clock is None:
            return ParsedDate(datetime(year, month, day))
        hour, minute, second = clock
        return ParsedDate(datetime(year, month, day, hour, minute, second, tzinfo=zone), True)
    except ValueError:
        return None


def plausible(parsed: datetime, has_time: bool) -> ParsedDate | None:
    """Wrap a datetime when its year is plausible; drop the zone of a date without time."""
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    if not has_time:
        return ParsedDate(datetime(parsed.year, parsed.month, parsed.day))
    return ParsedDate(parsed, True)


@lru_cache(maxsize=64)
def fixed_zone(minutes: int) -> timezone:
    """Return the fixed-offset zone of the given number of minutes east of UTC."""
    return timezone(timedelta(minutes=minutes))


def zone_for(name: str, year: int, month: int, day: int, clock: tuple[int, int, int]) -> tzinfo | None:
    """Resolve a zone abbreviation ('EST', 'ET', 'GMT+2', '+0530') for the given local time."""
    key = name.strip().lower().replace(".", "")
    if key in ZONE_OFFSETS:
        return fixed_zone(ZONE_OFFSETS[key])
    if key in ZONE_NAMES:
        return _daylight_zone(ZONE_NAMES[key], year, month, day, clock)
    offset = re.fullmatch(r"(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", key)
    if offset:
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        if minutes <= 14 * 60:
            return fixed_zone(minutes if offset.group(1) == "+" else -minutes)
    return None


def _daylight_zone(name: str, year: int, month: int, day: int,
                   clock: tuple[int, int, int]) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # few pages name a zone (~3 ms import)

    try:
        local = datetime(year, month, day, *clock, tzinfo=ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = local.utcoffset()
    return fixed_zone(int(offset.total_seconds() // 60)) if offset is not None else None


_ISO_SHAPE = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ]\d{2}(?::?\d{2}(?::?\d{2})?)?)?"
                        r"(?:[.,]\d+)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?", re.IGNORECASE)
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")


def parse_structured(value: object) -> ParsedDate | None:
    """Parse a machine-written date (ISO 8601, RFC 2822 or epoch); None when not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _ISO_SHAPE.fullmatch(text):
        return _parse_iso(text)
    if _EPOCH.fullmatch(text):
        seconds = int(text[:10])
        return plausible(datetime.fromtimestamp(seconds, UTC), True)
    if "," in text[:5] or re.match(r"\d{1,2} [A-Za-z]{3} \d{4} \d", text):
        return _parse_rfc2822(text)
    return None


def _parse_iso(text: str) -> ParsedDate | None:
    compact = text.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", text) else text
    compact = re.sub(r"\s+(?=[Zz+-]\d*)", "", compact).replace(",", ".")
    compact = re.sub(r"(\.\d{6})\d+", r"\1", compact)
    has_time = "T" in compact.upper()
    try:
        parsed = datetime.fromisoformat(compact)
    except ValueError:
        return None
    return plausible(parsed, has_time)


def _parse_rfc2822(text: str) -> ParsedDate | None:
    from email.utils import parsedate_to_datetime  # rare on pages; email loads socket, random

    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    if re.search(r"-0000\s*$", text):  # RFC 2822: "-0000" means the zone is unknown
        parsed = parsed.replace(tzinfo=None)
    return plausible(parsed, True)

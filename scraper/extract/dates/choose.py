"""Choosing among the sources: which published and modified dates hold up (see the package
docstring for the judgement calls)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from ...models import SiteRules
from ..document import Document
from .fallback import outside_dates, script_dates
from .labelled import labelled_dates
from .page import microdata_dates, text_dates, time_dates
from .parse import ParsedDate
from .patterns import AGREEMENT_DAYS, SAME_INSTANT_SECONDS
from .sources import DateContext, SourceDates, jsonld_dates, meta_dates, rules_dates, url_dates

SOURCE_ORDER = ("rules", "json-ld", "meta", "microdata", "time", "url", "text", "script")
LABELLED_SOURCE = "text-labelled"  # read after a modification date standing in
OUTSIDE_SOURCE = "text-outside"  # read last
STRUCTURED_SOURCES = frozenset({"json-ld", "meta"})
STRUCTURED_ORDER = tuple(name for name in SOURCE_ORDER if name in STRUCTURED_SOURCES)  # trust
PAGE_SOURCES = ("microdata", "time", "text")
LOCAL_OFFSET_SOURCES = frozenset({"meta", "microdata", "time"})
# Hidden publication dates a republished page's shown update displaces (see below).
REPUBLISHED_SOURCES = ("json-ld", "microdata", "script")
MODIFIED_STAND_IN = "(modified)"  # provenance suffix of a modification date standing in
_READERS: dict[str, Callable[[DateContext], SourceDates]] = {
    "json-ld": jsonld_dates, "meta": meta_dates, "microdata": microdata_dates,
    "time": time_dates, "url": url_dates, "text": text_dates, "script": script_dates,
    LABELLED_SOURCE: labelled_dates, OUTSIDE_SOURCE: outside_dates,
}


class Sources:
    """Reads each source at most once, and only when a decision needs it."""

    def __init__(self, document: Document, rules: SiteRules | None) -> None:
        self._context = DateContext(document)
        self._rules = rules
        self._read: dict[str, SourceDates] = {}

    def get(self, name: str) -> SourceDates:
        """The dates one source gives."""
        if name not in self._read:
            if name == "rules":
                self._read[name] = rules_dates(self._context, self._rules)
            else:
                self._read[name] = _READERS[name](self._context)
        return self._read[name]

    def published(self, name: str) -> ParsedDate | None:
        """The published date one source gives."""
        return self.get(name).published


def choose_published(sources: Sources) -> tuple[str | None, ParsedDate | None]:
    republished = _shown_republication(sources)
    if republished is not None:
        return republished
    for index, name in enumerate(SOURCE_ORDER):
        value = sources.published(name)
        if value is None:
            continue
        if name in STRUCTURED_SOURCES and (_site_constant(value, sources)
                                           or _shown_earlier(value, sources)
                                           or _outvoted(name, value, sources)):
            continue
        if name != "rules" and not value.has_zone:
            return _more_precise(name, value, sources, SOURCE_ORDER[index + 1:])
        if name != "rules" and value.value.utcoffset() == timedelta(0):
            return _local_reading(name, value, sources, SOURCE_ORDER[index + 1:])
        return name, value
    return None, None


def _site_constant(value: ParsedDate, sources: Sources) -> bool:
    """True when a structured date looks like a site-wide constant the page contradicts: the
    1st of January without a time of day, or at a whole hour (a midnight in another zone)."""
    if value.day.month == 1 and value.day.day == 1 and (
            not value.has_time or value.value.minute == value.value.second == 0):
        others = [sources.published(name) for name in ("url",) + PAGE_SOURCES]
        return any(other is not None and other.day != value.day for other in others)
    url_date = sources.published("url")
    if url_date is None or _agree(url_date, value):
        return False
    return any(_agree(url_date, sources.published(name)) for name in PAGE_SOURCES)


def _shown_earlier(value: ParsedDate, sources: Sources) -> bool:
    """True when the page shows its readers an earlier publication date than the structured
    one (by more than AGREEMENT_DAYS): a stamp of a later build or republication."""
    for page_name in PAGE_SOURCES:
        shown = sources.published(page_name)
        if shown is not None:
            return (value.day - shown.day).days > AGREEMENT_DAYS
    return False


def _outvoted(name: str, value: ParsedDate, sources: Sources) -> bool:
    """True when the other structured source gives another publication date and the date
    the page shows (its publication date, else its update) agrees with that one."""
    for other_name in STRUCTURED_SOURCES - {name}:
        other = sources.published(other_name)
        if other is None or _agree(other, value):
            continue
        shown = next((sources.published(page_name) for page_name in PAGE_SOURCES
                      if sources.published(page_name) is not None), None)
        return _agree(shown or sources.get("text").modified, other)
    return False


def _shown_republication(sources: Sources) -> tuple[str, ParsedDate] | None:
    """The update date a page shows as its only date, when its hidden publication date is
    long before (or after) it and no meta tag declares a publication date: the page presents
    itself as of that update (an evergreen article refreshed and republished)."""
    if any(sources.published(name) is not None for name in ("rules", "meta", "url")):
        return None
    hidden = next((value for value in (sources.published(name) for name in REPUBLISHED_SOURCES)
                   if value is not None), None)
    if hidden is None or any(sources.published(name) is not None for name in ("time", "text")):
        return None
    shown = sources.get("text").modified
    if shown is None or 0 <= (shown.day - hidden.day).days <= AGREEMENT_DAYS:
        return None
    for name in STRUCTURED_ORDER:
        stamp = sources.get(name).modified
        if stamp is not None and stamp.day == shown.day and stamp.has_time:
            return f"{name} {MODIFIED_STAND_IN}", stamp
    return f"text {MODIFIED_STAND_IN}", shown


def _agree(first: ParsedDate | None, second: ParsedDate | None) -> bool:
    if first is None or second is None:
        return False
    return abs((first.day - second.day).days) <= AGREEMENT_DAYS


def _more_precise(name: str, value: ParsedDate, sources: Sources,
                  lower: tuple[str, ...]) -> tuple[str, ParsedDate]:
    """A less trusted source saying the same thing more precisely: the time of a bare date,
    or the UTC offset of a time without one."""
    for other in lower:
        candidate = sources.published(other)
        if candidate is None or not candidate.has_time:
            continue
        if not value.has_time and candidate.day == value.day:
            return other, candidate
        if value.has_time and candidate.has_zone and (
                candidate.value.replace(tzinfo=None) == value.value):
            return other, candidate
    return name, value


def _local_reading(name: str, value: ParsedDate, sources: Sources,
                   lower: tuple[str, ...]) -> tuple[str, ParsedDate]:
    """A UTC instant written with the publisher's local offset by a less trusted source: the
    same moment, on the calendar day the page shows its readers. Only the sources that cost
    nothing to read more (visible text is not read for this)."""
    for other in (name for name in lower if name in LOCAL_OFFSET_SOURCES):
        candidate = sources.published(other)
        if (candidate is not None and candidate.has_zone and candidate.value.utcoffset()
                and abs((candidate.value - value.value).total_seconds()) < SAME_INSTANT_SECONDS):
            return other, candidate
    return name, value


def choose_modified(sources: Sources,
                     published: ParsedDate | None) -> tuple[str | None, ParsedDate | None]:
    for name in SOURCE_ORDER:
        value = sources.get(name).modified
        if value is None:
            continue
        if published is not None and not is_later(value, published):
            return None, None
        return name, value
    return None, None


def is_later(modified: ParsedDate, published: ParsedDate) -> bool:
    """True when the modification is after the publication, at the precision both give."""
    if not (modified.has_time and published.has_time):
        return modified.day > published.day
    if modified.has_zone and published.has_zone:
        return modified.value > published.value
    return modified.value.replace(tzinfo=None) > published.value.replace(tzinfo=None)

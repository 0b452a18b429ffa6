"""Publication and modification dates: the most trusted source that holds up.

Sources, in order of trust (the name is what provenance records):

    rules      the site rule's `published` / `modified` selectors; they win when they match
    json-ld    datePublished / dateModified of the page's main article object
    meta       article:published_time, og:updated_time, parsely-pub-date, dc.date ... (data)
    microdata  itemprop=datePublished / dateModified in the body, outside comments and teasers
    time       <time datetime> near the headline or inside the article
    url        /2024/05/03/ or /20240503/ in the url path (a date, never a time)
    text       visible dates near the headline or byline ("Posted on 3rd May 2023")

Judgement calls:

- A JSON-LD or meta published date is set aside as a site-wide constant when it is the
  1st of January with no time of day and the page shows another day, or when it disagrees
  with the url's date (by more than AGREEMENT_DAYS) while a date on the page agrees with the url.
- It is set aside as a stamp of the page's last build when the page shows an earlier date
  (by more than AGREEMENT_DAYS) and the source's own modification date is no later than its
  publication date: an article is not published after the date it shows its readers.
  Otherwise structured data wins over what the page shows (a page showing a later date shows
  its last update: the original publication date stays).
- A published date without a time takes the time of a less trusted source giving the same day;
  a time without a UTC offset takes the offset of a less trusted source giving the same time.
- modified_at is kept only when it is later than published_at (a modification date equal to,
  or before, the publication date is no modification); it never falls back to published_at.
- A page that gives only a modification date ("Updated 3 May 2023", dateModified alone) has it
  stand for the publication date too, the source saying so: "<source> (modified)". It is the
  date of the version the page shows, and the article is no younger than it.

Extraction is a pure function of the page: no clock, so relative dates ("2 hours ago") are
never resolved, and a "today" widget is recognised by where it sits, not by its value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...models import SiteRules
from ..document import Document
from .page import microdata_dates, text_dates, time_dates
from .parse import ParsedDate
from .patterns import AGREEMENT_DAYS
from .sources import DateContext, SourceDates, jsonld_dates, meta_dates, rules_dates, url_dates

SOURCE_ORDER = ("rules", "json-ld", "meta", "microdata", "time", "url", "text")
STRUCTURED_SOURCES = frozenset({"json-ld", "meta"})
PAGE_SOURCES = ("microdata", "time", "text")
MODIFIED_STAND_IN = "(modified)"  # provenance suffix of a modification date standing in
_READERS: dict[str, Callable[[DateContext], SourceDates]] = {
    "json-ld": jsonld_dates, "meta": meta_dates, "microdata": microdata_dates,
    "time": time_dates, "url": url_dates, "text": text_dates,
}


@dataclass(frozen=True)
class DateResult:
    """The article's own dates as ISO 8601 strings, with where each was found."""

    published_at: str | None = None
    published_source: str | None = None
    modified_at: str | None = None
    modified_source: str | None = None


class _Sources:
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


def extract_dates(document: Document, rules: SiteRules | None) -> DateResult:
    """Return the publication and modification dates of the article."""
    sources = _Sources(document, rules)
    published_source, published = _choose_published(sources)
    modified_source, modified = _choose_modified(sources, published)
    if published is None and modified is not None:
        published_source, published = f"{modified_source} {MODIFIED_STAND_IN}", modified
    return DateResult(
        published_at=published.iso() if published else None,
        published_source=published_source,
        modified_at=modified.iso() if modified else None,
        modified_source=modified_source,
    )


def _choose_published(sources: _Sources) -> tuple[str | None, ParsedDate | None]:
    for index, name in enumerate(SOURCE_ORDER):
        value = sources.published(name)
        if value is None:
            continue
        if name in STRUCTURED_SOURCES and (_site_constant(value, sources)
                                           or _restamped(name, value, sources)):
            continue
        if name != "rules" and not value.has_zone:
            return _more_precise(name, value, sources, SOURCE_ORDER[index + 1:])
        return name, value
    return None, None


def _site_constant(value: ParsedDate, sources: _Sources) -> bool:
    """True when a structured date looks like a site-wide constant the page contradicts."""
    if value.day.month == 1 and value.day.day == 1 and (
            not value.has_time or value.value.time().isoformat() == "00:00:00"):
        others = [sources.published(name) for name in ("url",) + PAGE_SOURCES]
        return any(other is not None and other.day != value.day for other in others)
    url_date = sources.published("url")
    if url_date is None or _agree(url_date, value):
        return False
    return any(_agree(url_date, sources.published(name)) for name in PAGE_SOURCES)


def _restamped(name: str, value: ParsedDate, sources: _Sources) -> bool:
    """True when a structured date is a stamp of the page's last build, not of the article:
    the page shows an earlier date, and the source's modification date is no later than its
    publication date (a CMS writing the same stamp into both, or nonsense)."""
    modified = sources.get(name).modified
    if modified is not None and modified.day > value.day:
        return False
    for page_name in PAGE_SOURCES:
        shown = sources.published(page_name)
        if shown is not None:
            return (value.day - shown.day).days > AGREEMENT_DAYS
    return False


def _agree(first: ParsedDate | None, second: ParsedDate | None) -> bool:
    if first is None or second is None:
        return False
    return abs((first.day - second.day).days) <= AGREEMENT_DAYS


def _more_precise(name: str, value: ParsedDate, sources: _Sources,
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


def _choose_modified(sources: _Sources,
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

"""Publication and modification dates: the most trusted source that holds up.

Sources, in order of trust (the name is what provenance records):

    rules      the site rule's `published` / `modified` selectors; they win when they match
    json-ld    datePublished / dateModified of the page's main article object
    meta       article:published_time, og:updated_time, parsely-pub-date, dc.date ... (data),
               and other names of a publication date; never analytics tags (DCSext.*)
    microdata  itemprop=datePublished / dateModified in the body, outside comments and teasers
    time       <time datetime> near the headline or inside the article
    url        /2024/05/03/, /2024/may/03/ or /20240503/ in the url path (a date, never a time)
    text       visible dates in the byline zone around the headline ("Posted on 3rd May 2023",
               a "Published" label in its own element), else in the article's date-ish blocks
    script     a publication date key in the page's raw data (a framework's JSON state)

then, when none of these gives a publication date:

    <source> (modified)  the modification date standing in (see below)
    text-labelled        a date on a line of the article's own that says which date it is
                         ("Last updated: ..." under the text, "Written by ..." over it in a
                         closing author box); an update stands in as "text-labelled (modified)"
    text-outside         a date labelled "Published" in a block outside the article's own
                         (a sidebar), unless that block surely holds another item

Judgement calls:

- A JSON-LD or meta published date is set aside as a site-wide constant when it is the
  1st of January with no time of day (or at a whole hour: midnight written in another zone)
  and the page shows another day, or when it disagrees with the url's date (by more than
  AGREEMENT_DAYS) while a date on the page agrees with the url.
- It is set aside when the other structured source (meta against JSON-LD) gives another
  publication date and the date the page shows agrees with that one.
- It is set aside as the stamp of a later build or republication when the page shows an
  earlier publication date (by more than AGREEMENT_DAYS): an article is not published after
  the date it shows its readers.
  Otherwise structured data wins over what the page shows (a page showing a later date shows
  its last update: the original publication date stays).
- A page whose only visible date is an update ("Updated 9 March 2025"), more than
  AGREEMENT_DAYS from its hidden publication date (JSON-LD, microdata, script data), with no
  meta tag, url or visible date declaring a publication, presents itself as of that update
  (an evergreen article refreshed and republished): the update stands for the publication
  date, "<source> (modified)", with the structured modification time of the same day if any.
- A published date without a time takes the time of a less trusted source giving the same day;
  a time without a UTC offset takes the offset of a less trusted source giving the same time;
  a UTC instant takes the local offset of a less trusted source giving the same moment (the
  publisher's own calendar day: 19:05 on the 18th in San Francisco, not 03:05 on the 19th).
- modified_at is kept only when it is later than published_at (a modification date equal to,
  or before, the publication date is no modification); it never falls back to published_at.
- A page that gives only a modification date ("Updated 3 May 2023", dateModified alone) has it
  stand for the publication date too, the source saying so: "<source> (modified)". It is the
  date of the version the page shows, and the article is no younger than it.

Extraction is a pure function of the page: no clock, so relative dates ("2 hours ago") are
never resolved, and a "today" widget is recognised by where it sits, not by its value.
"""

from __future__ import annotations

from typing import NamedTuple

from ...models import SiteRules
from ..document import Document
from .choose import (
    LABELLED_SOURCE,
    MODIFIED_STAND_IN,
    OUTSIDE_SOURCE,
    Sources,
    choose_modified,
    choose_published,
    is_later,
)

__all__ = ["DateResult", "extract_dates", "is_later"]


class DateResult(NamedTuple):
    """The article's own dates as ISO 8601 strings, with where each was found."""

    published_at: str | None = None
    published_source: str | None = None
    modified_at: str | None = None
    modified_source: str | None = None


def extract_dates(document: Document, rules: SiteRules | None) -> DateResult:
    """Return the publication and modification dates of the article."""
    sources = Sources(document, rules)
    published_source, published = choose_published(sources)
    modified_source, modified = choose_modified(sources, published)
    if published is None and modified is not None:
        published_source, published = f"{modified_source} {MODIFIED_STAND_IN}", modified
    if published is None:
        labelled = sources.get(LABELLED_SOURCE)
        if labelled.published is not None:
            published_source, published = LABELLED_SOURCE, labelled.published
        elif labelled.modified is not None:
            published_source, published = f"{LABELLED_SOURCE} {MODIFIED_STAND_IN}", labelled.modified
            modified_source, modified = LABELLED_SOURCE, labelled.modified
    if published is None:
        published_source, published = OUTSIDE_SOURCE, sources.published(OUTSIDE_SOURCE)
    if published is None:
        published_source = None
    return DateResult(
        published_at=published.iso() if published else None,
        published_source=published_source,
        modified_at=modified.iso() if modified else None,
        modified_source=modified_source,
    )

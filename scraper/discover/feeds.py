"""Read RSS (0.9x, 1.0, 2.0), Atom and JSON Feed documents into article candidates.

feedparser reads the XML formats and lives here only. It is always handed a stream, never a
string: given a string it would fetch urls and open local files. A malformed feed sets
feedparser's "bozo" flag: what it parsed is still taken, and the problem is reported.

feedparser costs about a tenth of a millisecond per element when a feed is malformed (its
tolerant parser is written in Python), so it is handed at most MAX_FEED_ELEMENTS elements: a
feed cut there is read up to that point, and `cut` says so. Real feeds hold a few hundred.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Any

import feedparser

from ..extract.decode import charset_from_content_type
from .hints import iso_date_hint
from .model import Candidate
from .sniff import declares_entities

MAX_FEED_ELEMENTS = 10_000
DATE_KEYS = ("published", "updated", "created", "issued", "modified")
JSON_DATE_KEYS = ("date_published", "date_modified")
_TAG = re.compile(r"<[^>]{0,500}>")
_SPACES = re.compile(r"\s+")


@dataclass
class FeedResult:
    """The entries of one feed as candidates, and any reading problem."""

    entries: list[Candidate]
    problem: str | None = None
    cut: str | None = None  # why the feed was read only in part


def bounded_feed(body: bytes, max_elements: int) -> tuple[bytes, str | None]:
    """The feed up to its max_elements-th tag, and the cut when there are more."""
    position = -1
    for _ in range(max_elements + 1):
        position = body.find(b"<", position + 1)
        if position < 0:
            return body, None
    return body[:position], (f"feed has over {max_elements:,} elements; "
                             f"read the first {max_elements:,}")


def parse_feed(body: bytes, url: str, content_type: str = "") -> FeedResult:
    """Read any supported feed format; never raises."""
    if body.lstrip()[:1] == b"{":
        return _parse_json_feed(body)
    if declares_entities(body):
        return FeedResult([], "feed declares XML entities; refused (entity expansion)")
    body, cut = bounded_feed(body, MAX_FEED_ELEMENTS)
    # The document was sniffed as a feed: tell feedparser it is XML whatever the server said,
    # keeping the charset the server named.
    charset = charset_from_content_type(content_type)
    headers = {"content-location": url,
               "content-type": f"application/xml; charset={charset}" if charset
               else "application/xml"}
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False)
    except Exception as error:  # noqa: BLE001 - feedparser's own guard has holes
        return FeedResult([], f"unreadable feed: {type(error).__name__}: {error}")
    entries = [c for c in (_entry_candidate(entry) for entry in parsed.entries) if c is not None]
    problem = None
    if parsed.get("bozo") and not cut:  # a cut feed is malformed where it was cut
        problem = f"malformed feed: {_describe(parsed.get('bozo_exception'))}"
    elif not parsed.get("version") and not entries:
        problem = "not a feed"
    return FeedResult(entries, problem, cut)


def _entry_candidate(entry: Any) -> Candidate | None:
    link = entry.get("link") or _alternate_link(entry) or _permalink_id(entry)
    if not link:
        return None
    published = None
    for key in DATE_KEYS:
        published = iso_date_hint(entry.get(key), entry.get(f"{key}_parsed"))
        if published:
            break
    return Candidate(url=link.strip(), title=plain_title(entry.get("title")),
                     published_hint=published)


def _alternate_link(entry: Any) -> str | None:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _permalink_id(entry: Any) -> str | None:
    identifier = str(entry.get("id") or "")
    return identifier if identifier.startswith(("http://", "https://")) else None


def plain_title(title: Any) -> str | None:
    """Return a feed title as plain text: tags removed, whitespace collapsed."""
    if not isinstance(title, str):
        return None
    text = _SPACES.sub(" ", _TAG.sub(" ", title)).strip()
    return text or None


def _describe(error: Any) -> str:
    if error is None:
        return "unknown problem"
    message = str(error).strip() or type(error).__name__
    return message.splitlines()[0][:200]


def _parse_json_feed(body: bytes) -> FeedResult:
    try:
        data = json.loads(body.decode("utf-8-sig", "replace"))
    except ValueError as error:
        return FeedResult([], f"malformed JSON feed: {error}")
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return FeedResult([], "not a JSON feed: no items list")
    entries = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        published = next((iso_date_hint(item[key]) for key in JSON_DATE_KEYS
                          if isinstance(item.get(key), str) and iso_date_hint(item[key])), None)
        entries.append(Candidate(url=item["url"].strip(), title=plain_title(item.get("title")),
                                 published_hint=published))
    return FeedResult(entries)

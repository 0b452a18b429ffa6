"""The publication's name, and cutting it out of titles ("Headline | Site", "Site: Headline").

Titles are split into segments at separators (`|`, spaced dashes, `:`, `·`, `»` ...). A segment
is the site's name when it equals a name the page declares (og:site_name, JSON-LD publisher or
WebSite, application-name), the segment that ends both `<title>` and og:title, or the page's
host ("TheHill" on thehill.com, "CBSSports.com"); a title of one segment loses the page's
domain written at either end ("example.com Headline").
"""

from __future__ import annotations

import re
import threading
import weakref
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..document import ARTICLE_TYPES, Document, node_text, squash, unescape

# A separator between a headline and a site or section name; the group keeps it for rejoining.
SEGMENT_SEPARATOR = re.compile(r"(\s+[|\-–—·•»~/]\s+|\s*\|\s*|\s+::\s+|:\s+)")
# Separators after which a trailing short segment may be a section name ("— Politics | Site").
SECTION_SEPARATORS = ("|", "—", "–", "-", "·", "•", "»")
SECTION_MAX_WORDS = 3
PIPE_TAIL_MAX_WORDS = 4       # "Headline | Rust Blog": a short tail after a pipe names no headline
# Generic platform names that are not a publication's name.
NOT_SITE_NAMES = frozenset({"wordpress", "blogger", "drupal", "joomla", "ghost", "home", "homepage",
                            "news", "blog", "article", "articles", "website"})
SITE_NAME_MAX_WORDS = 8
# The parts of a host that never name the site.
HOST_NOISE = re.compile(r"^(www\d?|m|amp|mobile|edition|beta)\.")
SECOND_LEVEL_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "or", "ne"})
DOMAIN_LIKE = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
HOST_MATCH_RATIO = 0.7
# Articles a site's name may start with while its host does not ("Le Carnet du Port").
LEADING_ARTICLES = ("the", "le", "la", "les", "der", "die", "das", "el", "il", "lo", "de", "het")
_LEADING_ARTICLE_SET = frozenset(LEADING_ARTICLES)
_LAST = threading.local()
ARTICLE_ONLY_TYPES = tuple(t for t in ARTICLE_TYPES if t != "WebPage")


def split_segments(text: str) -> list[str]:
    """Split a title into [segment, separator, segment, ...] (separators kept for rejoining)."""
    return list(_segments(text))


@lru_cache(maxsize=1024)
def _segments(text: str) -> tuple[str, ...]:
    """split_segments, remembered: a page's few titles are split again for every source."""
    return tuple(SEGMENT_SEPARATOR.split(text))


def title_text(document: Document) -> str:
    """Return the page's `<title>` text."""
    head = document.tree.head
    node = head.css_first("title") if head is not None else None
    return unescape(node_text(node or document.tree.css_first("title")))


def host_key(document: Document) -> str:
    """Return the page's host as a name key: 'www.thehill.com' -> 'thehill'."""
    url = document.url or document.base_url or ""
    return _domain_key((urlsplit(url).hostname or "").lower())


def _domain_key(host: str) -> str:
    labels = HOST_NOISE.sub("", host).split(".")
    if len(labels) > 1:
        labels = labels[:-1]
        if len(labels) > 1 and labels[-1] in SECOND_LEVEL_LABELS:
            labels = labels[:-1]
    return squash("".join(labels))


class SiteInfo(NamedTuple):
    """What a page says about its publication: names, the title suffix, the title."""

    declared: tuple[str, ...]
    suffix: str | None
    title: str


def site_info(document: Document) -> SiteInfo:
    """Return the page's SiteInfo, computed once per document (headline, authors and the
    site name all need it; a one-entry cache per thread keeps it to one computation)."""
    cached = getattr(_LAST, "entry", None)
    if cached is not None and cached[0]() is document:
        return cached[1]
    title = title_text(document)
    info = SiteInfo(tuple(declared_site_names(document)), title_suffix(document, title), title)
    _LAST.entry = (weakref.ref(document), info)
    return info


def site_name(document: Document) -> str | None:
    """Return the publication's name: declared names first, then the title suffix."""
    info = site_info(document)
    names, suffix = info.declared, info.suffix
    if names and suffix and _prefer_suffix(names[0], suffix, document, info.title):
        return suffix
    return names[0] if names else suffix


def _prefer_suffix(declared: str, suffix: str, document: Document, title: str) -> bool:
    """True when the declared name is an edition label ('U.S.') and the title names the host."""
    host = host_key(document)
    return (looks_like_host(suffix, host) and not looks_like_host(declared, host)
            and squash(declared) not in squash(title))


def site_names(document: Document) -> list[str]:
    """Return every name the page gives itself, most trusted first, without duplicates."""
    info = site_info(document)
    return _unique(info.declared + ((info.suffix,) if info.suffix else ()))


def declared_site_names(document: Document) -> list[str]:
    """Return og:site_name, JSON-LD publisher / WebSite name and application-name, in that order."""
    found = [document.meta_first("og:site_name") or ""]
    found.extend(_jsonld_publisher_names(document))
    found.append(document.meta_first("application-name") or "")
    return _unique(name for name in (unescape(v) for v in found) if _plausible_site_name(name))


def _jsonld_publisher_names(document: Document) -> list[str]:
    by_id = {obj.get("@id"): obj for obj in document.jsonld if isinstance(obj.get("@id"), str)}
    names: list[str] = []
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        publisher = article.get("publisher")
        for item in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(item, dict):
                item = by_id.get(item.get("@id"), item) if "name" not in item else item
                names.append(_string(item.get("name")))
            elif isinstance(item, str):
                names.append(item)
    names.extend(_string(obj.get("name")) for obj in document.jsonld_of_type("WebSite"))
    return names


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _plausible_site_name(name: str) -> bool:
    if not name or "://" in name or name.startswith("@") or name.startswith("www.") and " " not in name:
        return False
    return squash(name) not in NOT_SITE_NAMES and len(name.split()) <= SITE_NAME_MAX_WORDS


def title_suffix(document: Document, title: str | None = None) -> str | None:
    """Return the site name learned from the title: the segment it shares with og:title or the host.

    A title that is another source's headline with a kicker before it ("Bei Protesten: Bericht -
    Justiz dementiert" over "Bericht - Justiz dementiert"), or whose last segment follows a colon,
    shares its end with that source as the headline's own words."""
    title = title_text(document) if title is None else title
    pieces = split_segments(title)
    parts = pieces[::2]
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    # after a colon comes the headline, not the site's name ("Kicker: Headline")
    shared_is_name = pieces[-2].strip() != ":"
    for other in (document.meta_first("og:title"), document.meta_first("twitter:title"),
                  _jsonld_headline(document)):
        other = unescape(other)
        if not other or other == title or not shared_is_name or title.endswith(other):
            continue                      # a title ending with the whole other is a kicker more
        other_parts = split_segments(other)[::2]
        if len(other_parts) > 1 and squash(other_parts[-1]) == squash(last):
            return _accept(last)
        if title.startswith(other) and squash(title[len(other):]) == squash(last):
            return _accept(last)
    return _accept(last) if looks_like_host(last, host_key(document)) else None


def _accept(name: str) -> str | None:
    return name if _plausible_site_name(name) else None


def _jsonld_headline(document: Document) -> str | None:
    for article in document.jsonld_of_type(*ARTICLE_ONLY_TYPES):
        value = article.get("headline")
        if isinstance(value, str):
            return value
    return None


@lru_cache(maxsize=1024)
def looks_like_host(segment: str, host: str) -> bool:
    """True when a title segment names the page's host ('Twin Cities' on twincities.com).
    Remembered: a page asks it of its few title segments once per source and per name."""
    segment = segment.strip()
    key = _domain_key(segment.lower()) if DOMAIN_LIKE.match(segment) else squash(segment)
    if len(key) < 3 or not host:
        return False
    # the host itself, or a leading article and the host ("thecarnet" on carnet.example)
    if key == host or key.endswith(host) and key[:-len(host)] in _LEADING_ARTICLE_SET:
        return True
    shorter, longer = sorted((key, host), key=len)
    return longer.startswith(shorter) and len(shorter) >= HOST_MATCH_RATIO * len(longer)


def strip_site_affixes(text: str, names: list[str], host: str = "",
                       sections: bool = False) -> str:
    """Remove leading and trailing segments that are the site's name (and, if asked, a section
    or a short tail after a pipe).

    A name may span segments ("Remember 80/90 - Memorabilia anni 80/90").
    """
    pieces = split_segments(text)
    if len(pieces) < 3:
        return _without_host_word(text, host).strip()
    keys = {squash(name) for name in names if name}

    def is_site(segment: str) -> bool:
        return squash(segment) in keys or looks_like_host(segment, host)

    stripped_tail = False
    while len(pieces) >= 3:
        size = next((k for k in range(len(pieces) // 2, 0, -1)
                     if is_site("".join(pieces[-(2 * k - 1):]))), 0)
        if not size:
            break
        pieces, stripped_tail = pieces[:-2 * size], True
    while len(pieces) >= 3:
        size = next((k for k in range(len(pieces) // 2, 0, -1)
                     if is_site("".join(pieces[:2 * k - 1]))), 0)
        if not size:
            break
        pieces = pieces[2 * size:]
    if sections and len(pieces) >= 3 and (stripped_tail and _is_section(pieces[-1], pieces[-2])
                                          or _is_pipe_tail(pieces)):
        pieces = pieces[:-2]
    return "".join(pieces).strip()


def _without_host_word(text: str, host: str) -> str:
    """A title of one segment without a first or last word that is the page's domain written
    out ("example.com Harbour walks")."""
    words = text.split()
    if len(words) < 2:
        return text
    if DOMAIN_LIKE.match(words[0]) and looks_like_host(words[0], host):
        return text.split(None, 1)[1]
    if DOMAIN_LIKE.match(words[-1]) and looks_like_host(words[-1], host):
        return text.rsplit(None, 1)[0]
    return text


def _is_pipe_tail(pieces: list[str]) -> bool:
    """True for a short last segment after a bare pipe, shorter than the rest: a brand, blog or
    keyword tail the page does not declare ("… about Rust? | Rust Blog", "… | Newegg.com")."""
    words = len(pieces[-1].split())
    return pieces[-2].strip() == "|" and words <= PIPE_TAIL_MAX_WORDS \
        and words < len("".join(pieces[:-2]).split())


def _is_section(segment: str, separator: str) -> bool:
    words = segment.split()
    if not words or len(words) > SECTION_MAX_WORDS or separator.strip() not in SECTION_SEPARATORS:
        return False
    return all(word[0].isupper() or word == "&" or not word[0].isalpha() for word in words)


def _unique(values: Any) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        key = squash(value)
        if key and key not in seen:
            seen.add(key)
            result.append(value)
    return result

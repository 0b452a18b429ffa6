"""The page's date context, and the sources outside its body text: site rules, JSON-LD,
meta tags and the url. Each reads into (published, modified) for one source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ...models import SiteRules
from ..document import ARTICLE_TYPES, Document, clean_text, node_text
from .parse import ParsedDate, make_date, parse_structured
from .patterns import (
    FUZZY_META_MODIFIED,
    FUZZY_META_PUBLISHED,
    FUZZY_META_REJECTED,
    HEAD_MODIFIED_SELECTORS,
    HEAD_PUBLISHED_SELECTORS,
    ITEMPROP_NAMES,
    JSONLD_MODIFIED_KEYS,
    JSONLD_PAGE_TYPES,
    JSONLD_PUBLISHED_KEYS,
    LANGUAGE_META_KEYS,
    MAX_TEXT_CANDIDATE_CHARS,
    META_MODIFIED_KEYS,
    META_PUBLISHED_KEYS,
    MICRODATA_SELECTOR,
    MONTHS,
    TEXT_DATE_NODES_SELECTOR,
    URL_DATE_PATTERNS,
    VALUE_ATTRIBUTES,
)
from .scope import Scope, build_scope
from .text import TextDate, find_dates, month_first

_URL_DATES = tuple(re.compile(pattern) for pattern in URL_DATE_PATTERNS)
_DIGIT = re.compile(r"\d")
_NOT_LETTER = re.compile(r"[^a-z]")
_REGION_MARK = re.compile(r"[-_]")
_KNOWN_META = frozenset(META_PUBLISHED_KEYS + META_MODIFIED_KEYS)
_NON_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
# <time datetime> elements and hAtom <abbr title> dates (Blogger, SPIP).
TIME_SELECTOR = "time[datetime], abbr[title]"
_DATED_SELECTOR = f"{MICRODATA_SELECTOR}, {TIME_SELECTOR}"


def _is_time_element(node: LexborNode) -> bool:
    """True for what TIME_SELECTOR matches: a <time datetime> or an <abbr title>."""
    tag = node.tag
    return (tag == "time" and "datetime" in node.attributes) or (
        tag == "abbr" and "title" in node.attributes)


class SourceDates(NamedTuple):
    """The published and modified dates one source gives (either may be missing)."""

    published: ParsedDate | None = None
    modified: ParsedDate | None = None


@dataclass
class DateContext:
    """One page being read for dates: its language and, computed once, its headline scope."""

    document: Document
    dateparser_calls: int = 0
    _date_blocks: dict[int, list[LexborNode]] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def language(self) -> str | None:
        """The page language as written (e.g. 'en-GB'), or None."""
        html = self.document.tree.root  # the <html> element, without a query
        lang = html.attributes.get("lang") if html is not None else None
        return clean_text(lang or self.document.meta_first(*LANGUAGE_META_KEYS)) or None

    @cached_property
    def month_first(self) -> bool | None:
        """Whether ambiguous numeric dates on this page put the month first, by its language
        and region; a language without one takes the region of the page's og:locale (or
        Content-Language) in the same language: lang="en" with og:locale en_GB is day first."""
        language = self.language
        if language and not _REGION_MARK.search(language):
            for key in ("og:locale", "content-language"):
                tag = clean_text(self.document.meta_first(key)).lower().replace("_", "-")
                if tag.startswith(f"{language.lower()}-"):
                    return month_first(tag)
        return month_first(language)

    def writes_in_full(self, year: int, month: int, day: int) -> bool:
        """True when the page writes the day as YYYY-MM-DD somewhere: machine-written, so
        unambiguous (a <time datetime>, a data attribute, its JSON)."""
        return f"{year:04d}-{month:02d}-{day:02d}" in self.document.html

    def find_dates(self, text: str) -> list[TextDate]:
        """The full dates of a text; an ambiguous numeric one ("02-12-2025") reads in the
        language's order unless the page writes only the other reading in full elsewhere."""
        return find_dates(text, self.month_first, self.writes_in_full)

    @cached_property
    def scope(self) -> Scope:
        """The headline and the ranks of nodes around it."""
        return build_scope(self.document)

    @cached_property
    def dated_elements(self) -> tuple[list[LexborNode], list[LexborNode]]:
        """The microdata date properties and the <time datetime> / <abbr title> elements of
        the scope's container, each in page order.

        One query finds both (each query walks the container): it lists an element once per
        part of the selector it matches, so a time element with a date property comes once
        as a time (first) and once per property right after.
        """
        container = self.scope.container(self.document.tree.body)
        properties: list[LexborNode] = []
        times: list[LexborNode] = []
        previous = -1
        for node in container.css(_DATED_SELECTOR) if container is not None else ():
            if node.mem_id != previous and _is_time_element(node):
                times.append(node)
            else:
                properties.append(node)
            previous = node.mem_id
        return properties, times

    def date_blocks(self, root: LexborNode) -> list[LexborNode]:
        """The date-ish blocks under root in page order (TEXT_DATE_NODES_SELECTOR: a node once
        per part it matches), queried once per root: the article's search and the search
        outside it read the same listing when the article's container is the body."""
        key = root.mem_id
        if key not in self._date_blocks:
            self._date_blocks[key] = root.css(TEXT_DATE_NODES_SELECTOR)
        return self._date_blocks[key]

    def parse_value(self, value: str | None) -> ParsedDate | None:
        """Parse an attribute or meta value: structured formats, then our text patterns."""
        if not value:
            return None
        parsed = parse_structured(value)
        if parsed is None:
            found = self.find_dates(value[:MAX_TEXT_CANDIDATE_CHARS])
            parsed = found[0].value if found else None
        return parsed


def rules_dates(context: DateContext, rules: SiteRules | None) -> SourceDates:
    """Dates at the site rule's `published` / `modified` selectors."""
    if rules is None:
        return SourceDates()
    generic = rules.kind == "template"
    return SourceDates(_selected_date(context, rules.published, generic),
                       _selected_date(context, rules.modified, generic))


def _selected_date(context: DateContext, selectors: Iterable[str], generic: bool) -> ParsedDate | None:
    """The first date a selector reaches; a template's generic selectors skip comments & co."""
    for selector in selectors:
        try:
            nodes = context.document.tree.css(selector)
        except Exception:  # noqa: BLE001, S112 - a bad selector never fails the page
            continue
        for node in nodes[:3]:
            if generic and context.scope.rank(node) is None:
                continue
            for attribute in VALUE_ATTRIBUTES:
                parsed = context.parse_value(node.attributes.get(attribute))
                if parsed is not None:
                    return parsed
            parsed = context.parse_value(node_text(node))
            if parsed is not None:
                return parsed
    return None


def jsonld_dates(context: DateContext) -> SourceDates:
    """datePublished / dateModified of the JSON-LD object that is the page's main article."""
    candidates = [obj for obj in context.document.jsonld_of_type(*ARTICLE_TYPES)
                  if any(key in obj for key in JSONLD_PUBLISHED_KEYS + JSONLD_MODIFIED_KEYS)]
    if not candidates:
        return SourceDates()
    main = max(candidates, key=lambda obj: _main_article_score(context.document, obj))
    return SourceDates(_first_value(context, main, JSONLD_PUBLISHED_KEYS),
                       _first_value(context, main, JSONLD_MODIFIED_KEYS))


def _main_article_score(document: Document, obj: dict[str, Any]) -> int:
    score = 0
    page_urls = {_url_key(document.url), _url_key(document.meta_first("og:url"))} - {""}
    if page_urls & {_url_key(_id_of(obj.get(key))) for key in ("url", "@id", "mainEntityOfPage")}:
        score += 4
    kinds = obj.get("@type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    if not kinds <= JSONLD_PAGE_TYPES:
        score += 2
    if obj.get("headline") or obj.get("articleBody"):
        score += 1
    return score


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list) and value:
        return _id_of(value[0])
    return value if isinstance(value, str) else None


def _url_key(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url.strip())
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


def _first_value(context: DateContext, obj: dict[str, Any], keys: tuple[str, ...]) -> ParsedDate | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        parsed = context.parse_value(value) if isinstance(value, str) else None
        if parsed is not None:
            return parsed
    return None


def meta_dates(context: DateContext) -> SourceDates:
    """Dates in the page's meta tags, most specific name first."""
    return SourceDates(_meta_value(context, META_PUBLISHED_KEYS, HEAD_PUBLISHED_SELECTORS),
                       _meta_value(context, META_MODIFIED_KEYS, HEAD_MODIFIED_SELECTORS))


def _meta_value(context: DateContext, keys: tuple[str, ...],
                head_selectors: tuple[str, ...]) -> ParsedDate | None:
    meta = context.document.meta
    for key in (*keys, *_fuzzy_names(meta, keys is META_PUBLISHED_KEYS)):
        for value in meta.get(key, ()):
            parsed = context.parse_value(value)
            if parsed is not None:
                return parsed
    head = context.document.tree.head
    for selector in head_selectors if head is not None else ():
        for node in head.css(selector):
            parsed = context.parse_value(node.attributes.get("content") or node_text(node))
            if parsed is not None:
                return parsed
    return None


def _fuzzy_names(meta: dict[str, list[str]], published: bool) -> list[str]:
    """Other meta names that name a publication (or a modification) date, in page order."""
    return [name for name in meta if _fuzzy_kind(name)[0 if published else 1]]


@lru_cache(maxsize=4096)
def _fuzzy_kind(name: str) -> tuple[bool, bool]:
    """(names a publication date, names a modification date) for a meta name outside the
    known ones; cached: most pages share their meta names (viewport, og:title ...)."""
    if name in _KNOWN_META or name in ITEMPROP_NAMES:
        return False, False
    if any(mark in name for mark in FUZZY_META_REJECTED):
        return False, False
    letters = _NOT_LETTER.sub("", name)
    is_modified = any(mark in letters for mark in FUZZY_META_MODIFIED)
    is_published = any(mark in letters for mark in FUZZY_META_PUBLISHED)
    return is_published and not is_modified, is_modified


def url_dates(context: DateContext) -> SourceDates:
    """A full date in the url path (/2024/05/03/ or /20240503/)."""
    url = context.document.url or context.document.meta_first("og:url")
    path = urlsplit(url).path if url else ""
    for pattern in _URL_DATES:
        for match in pattern.finditer(path.lower()):
            month = MONTHS.get(match["mon"]) if "mon" in pattern.groupindex else int(match["m"])
            parsed = make_date(int(match["y"]), month, int(match["d"])) if month else None
            if parsed is not None:
                return SourceDates(parsed)
    return SourceDates()

"""What the page's data says about its authors: JSON-LD `author` of the article, author meta tags.

JSON-LD authors may be strings, Person objects, lists of either, `@id` references into the
@graph, or Organization objects. A source gives `people` (persons' names) and `others` (the
organisations, desks, accounts and the site's own name it gives where it names no person):
the others stand only when nobody on the page is named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..document import ARTICLE_TYPES, Document, unescape
from .names import named_entities, names_from_byline

AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
               "parsely-author", "byl", "cxenseparse:author", "twitter:creator:name")
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation",
                                "organisation", "newsorganization", "localbusiness",
                                "educationalorganization", "governmentorganization",
                                "website", "onlinebusiness", "ngo"})


@dataclass
class Credits:
    """The people one source names, and what it names instead of people."""

    people: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)


def jsonld_credits(document: Document, site_names: list[str]) -> Credits:
    """The authors of the first article object in JSON-LD that names any."""
    by_id = {obj.get("@id"): obj for obj in document.jsonld if isinstance(obj.get("@id"), str)}
    others: list[str] = []
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        found = Credits()
        for item in as_list(article.get("author")):
            if isinstance(item, dict) and "name" not in item:
                item = by_id.get(item.get("@id"), item)
            _read_item(item, site_names, found)
        if found.people:
            return Credits(unique(found.people), unique(others or found.others))
        others = others or found.others
    return Credits([], unique(others))


def _read_item(item: Any, site_names: list[str], found: Credits) -> None:
    name = _item_name(item)
    if not name:
        return
    if isinstance(item, dict) and _is_organization(item):
        found.others.extend(named_entities(name, site_names, split=False))
        return
    people = names_from_byline(name, site_names, single_ok=True)
    found.people.extend(people)
    if not people:
        found.others.extend(named_entities(name, site_names))


def _item_name(item: Any) -> str:
    if isinstance(item, str):
        return unescape(item)
    if not isinstance(item, dict):
        return ""
    name = item.get("name")
    if isinstance(name, list):
        name = next((value for value in name if isinstance(value, str)), None)
    if isinstance(name, str) and name.strip():
        return unescape(name)
    given, family = item.get("givenName"), item.get("familyName")
    if isinstance(given, str) and isinstance(family, str):
        return unescape(f"{given} {family}")
    return ""


def _is_organization(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.lower() in ORGANIZATION_TYPES for kind in kinds)


def meta_credits(document: Document, site_names: list[str]) -> Credits:
    """The authors of the first author meta tag that names a person (else what the first tag
    naming anything names)."""
    first_others: list[str] = []
    for key in AUTHOR_META:
        found = Credits()
        for value in document.meta.get(key, ()):
            value = unescape(value)
            if not value or is_url(value):
                continue
            people = names_from_byline(value, site_names, single_ok=True)
            found.people.extend(people)
            if not people:
                found.others.extend(named_entities(value, site_names))
        if found.people:
            return Credits(unique(found.people), first_others or unique(found.others))
        first_others = first_others or unique(found.others)
    return Credits([], first_others)


def is_url(value: str) -> bool:
    """True for a profile URL or a bare id in an author field."""
    return value.startswith(("http:", "https:", "//", "www.")) or (
        "/" in value and " " not in value) or value.isdigit()


def as_list(value: Any) -> list[Any]:
    """The value as a list (None -> [])."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def unique(names: Iterable[str]) -> list[str]:
    """The names in order without case-insensitive duplicates."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            result.append(name)
    return result

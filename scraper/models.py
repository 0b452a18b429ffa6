"""Frozen records that flow through the pipeline: Page in, Article out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """One HTTP response, as fetched (or read back from the archive)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    fetched_at: str = ""
    warc_file: str | None = None
    warc_offset: int | None = None

    @property
    def content_type(self) -> str:
        """Return the media type without parameters, lowercased."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(frozen=True)
class Image:
    """An article image with its caption and photo credit split into parts."""

    url: str | None
    caption: str | None = None
    credit: str | None = None
    photographer: str | None = None
    credit_source: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation from the body and who said it (None when unknown)."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Link:
    """A related-article link: absolute url and its visible title."""

    url: str
    title: str | None = None


@dataclass(frozen=True)
class Provenance:
    """Where the extractor found things: kept in the database for audits, not in the record."""

    published_at_source: str | None = None
    modified_at_source: str | None = None
    rules: str | None = None
    body_strategy: str | None = None
    warnings: tuple[str, ...] = ()
    extractor_version: str | None = None  # of the code and rules that made the record


def _fields_of(item: Any) -> dict[str, Any]:
    """A flat dataclass's fields as a dict (no deep copy: they hold only strings)."""
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


RECORD_KEYS = (
    "url", "canonical_url", "site_name", "headline", "authors", "published_at",
    "modified_at", "language", "body", "images", "quotes", "related", "tags", "source",
)


@dataclass(frozen=True)
class Article:
    """The extraction record of one page (see DESIGN.md, 'The extraction record')."""

    url: str
    canonical_url: str | None = None
    site_name: str | None = None
    headline: str | None = None
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    modified_at: str | None = None
    language: str | None = None
    body: str = ""
    images: tuple[Image, ...] = ()
    quotes: tuple[Quote, ...] = ()
    related: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()
    source: str | None = None
    provenance: Provenance = field(default_factory=Provenance)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON record: exactly the contract keys, lists for sequences."""
        record: dict[str, Any] = {key: getattr(self, key) for key in RECORD_KEYS}
        for key in ("authors", "tags"):
            record[key] = list(record[key])
        for key in ("images", "quotes", "related"):
            record[key] = [_fields_of(item) for item in record[key]]
        return record

    @property
    def is_empty(self) -> bool:
        """True when nothing article-like was found."""
        return not self.body.strip()


@dataclass(frozen=True)
class SiteRules:
    """Selectors for one site or template, loaded from selectors/*.toml."""

    name: str
    kind: str = "template"  # "site" or "template"
    domains: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    headline: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    credit: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    source_file: str | None = None

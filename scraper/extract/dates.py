"""Publication and modification dates. (Stub: replaced by the full date extractor.)"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import SiteRules
from .document import Document


@dataclass(frozen=True)
class DateResult:
    """The article's own dates as ISO 8601 strings, with where each was found."""

    published_at: str | None = None
    published_source: str | None = None
    modified_at: str | None = None
    modified_source: str | None = None


def extract_dates(document: Document, rules: SiteRules | None) -> DateResult:
    """Return the publication and modification dates of the article."""
    published = document.meta_first("article:published_time")
    return DateResult(published_at=published, published_source="meta" if published else None)

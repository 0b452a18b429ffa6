"""Related-article links. (Stub: replaced by the full related-links extractor.)"""

from __future__ import annotations

from ..models import Link, SiteRules
from .document import Document


def extract_related(document: Document, rules: SiteRules | None) -> list[Link]:
    """Return the links of related / read-more blocks, absolutized, in page order."""
    return []

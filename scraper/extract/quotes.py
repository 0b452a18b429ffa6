"""Direct quotations and their speakers. (Stub: replaced by the full quote extractor.)"""

from __future__ import annotations

from ..models import Quote


def extract_quotes(paragraphs: list[str]) -> list[Quote]:
    """Return every direct quotation in the body with its resolved speaker."""
    return []

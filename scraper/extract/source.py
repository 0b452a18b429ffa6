"""The original outlet of a syndicated or report-based story. (Stub.)"""

from __future__ import annotations

from .document import Document


def extract_source(paragraphs: list[str], document: Document) -> str | None:
    """Return the outlet the story is based on ('according to a report from X'), if any."""
    return None

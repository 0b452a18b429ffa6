"""Images, captions and photo credits. (Stub: replaced by the full credit extractor.)"""

from __future__ import annotations

from ..models import Image, SiteRules
from .document import Document


def extract_images(document: Document, rules: SiteRules | None) -> list[Image]:
    """Return the lead and in-body images with caption and credit."""
    return []


def split_credit_lines(paragraphs: list[str], images: list[Image],
                       document: Document) -> tuple[list[str], list[Image]]:
    """Move photo-credit lines out of the body and onto the images they credit."""
    return paragraphs, images

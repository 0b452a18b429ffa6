"""Images, captions and photo credits. (Stub: replaced by the full credit extractor.)"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from ..models import Image, SiteRules
from .document import Document


def extract_images(document: Document, rules: SiteRules | None,
                   main_node: LexborNode | None) -> list[Image]:
    """Return the lead image and the images inside the main content node, with credits."""
    return []


def split_credit_lines(paragraphs: list[str], images: list[Image],
                       document: Document) -> tuple[list[str], list[Image]]:
    """Move photo-credit lines out of the body and onto the images they credit."""
    return paragraphs, images

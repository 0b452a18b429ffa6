"""The main text. (Stub: trafilatura over the page.)"""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura
from selectolax.lexbor import LexborNode

from ..models import SiteRules
from .document import Document


@dataclass(frozen=True)
class BodyResult:
    """The article's paragraphs, its main content node (in the cleaned tree) and the strategy."""

    paragraphs: list[str] = field(default_factory=list)
    node: LexborNode | None = None
    strategy: str | None = None


def extract_body(document: Document, rules: SiteRules | None, headline: str | None) -> BodyResult:
    """Return the article's paragraphs, boilerplate removed."""
    text = trafilatura.extract(document.html, url=document.url, include_comments=False, fast=True)
    paragraphs = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return BodyResult(paragraphs=paragraphs, strategy="trafilatura")

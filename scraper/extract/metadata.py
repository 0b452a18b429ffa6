"""Headline, authors, site name, canonical url, language and tags. (Stub.)"""

from __future__ import annotations

from ..models import SiteRules
from .document import Document, node_text


def extract_headline(document: Document, rules: SiteRules | None) -> str | None:
    """Return the article's title without site-name suffixes."""
    h1 = document.tree.css_first("h1")
    return node_text(h1) or document.meta_first("og:title")


def extract_authors(document: Document, rules: SiteRules | None) -> list[str]:
    """Return the article's authors, one name per entry."""
    return []


def extract_site_name(document: Document) -> str | None:
    """Return the publication's name."""
    return document.meta_first("og:site_name")


def extract_canonical(document: Document) -> str | None:
    """Return rel=canonical or og:url, absolutized."""
    node = document.tree.css_first('link[rel="canonical"]')
    href = node.attributes.get("href") if node is not None else None
    return document.absolutize(href or document.meta_first("og:url"))


def extract_language(document: Document, body_text: str) -> str | None:
    """Return the ISO 639-1 language of the article."""
    html = document.tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    return lang.split("-")[0].lower() if lang else None


def extract_tags(document: Document, rules: SiteRules | None) -> list[str]:
    """Return the article's tags or keywords."""
    return []

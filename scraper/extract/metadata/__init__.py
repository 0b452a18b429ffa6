"""Site name, canonical url, language and tags: what the page declares about itself.

Language and tags have their own modules; the site name is read by `headline.site`
(which also cuts it out of titles); the canonical url is small enough to live here.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..document import Document
from ..headline.site import site_name
from .language import extract_language
from .tags import extract_tags

__all__ = ["extract_canonical", "extract_language", "extract_site_name", "extract_tags"]

# Placeholders some templates leave unrendered in canonical links.
TEMPLATE_MARKERS = ("{{", "{%", "<%", "${", "[[")


def extract_site_name(document: Document) -> str | None:
    """Return the publication's name: og:site_name, JSON-LD publisher, application-name, title suffix."""
    return site_name(document)


def extract_canonical(document: Document) -> str | None:
    """Return rel=canonical, else og:url, absolutized; None when neither is usable.

    A canonical url that points to the site's home page while the page itself is deeper is a
    template mistake, not the article's address: it is ignored (and og:url tried next), so that
    every article does not collapse into one row keyed by the home page.
    """
    scope = document.tree.head or document.tree.root
    links = scope.css('link[rel~="canonical" i]') if scope is not None else []
    hrefs = [node.attributes.get("href") for node in links]
    hrefs.extend(document.meta.get("og:url", ()))
    for href in hrefs:
        url = _usable(document, href)
        if url:
            return url
    return None


def _usable(document: Document, href: str | None) -> str | None:
    if not href or not href.strip() or any(marker in href for marker in TEMPLATE_MARKERS):
        return None
    url = document.absolutize(href.strip())
    if not url or " " in url.strip():
        return None
    parts = urlsplit(url)
    if not parts.netloc and document.base_url:
        return None
    if _is_root(url) and document.url and not _is_root(document.url):
        return None
    return url


def _is_root(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path.strip("/") in ("", "index.html", "index.php") and not parts.query

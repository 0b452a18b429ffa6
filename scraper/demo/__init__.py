"""The bundled demo news site and the loopback server that serves it."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from .server import SITE_DIR, DemoServer, Handler, Request, Response

__all__ = ["SITE_DIR", "DemoServer", "Handler", "Request", "Response", "article_paths"]

SITEMAP_FILE = SITE_DIR / "sitemap.xml"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE_URL_PLACEHOLDER = "{{BASE_URL}}"


def article_paths() -> list[str]:
    """Return the URL paths of the demo articles, in sitemap order (e.g. '/news/2024/05/...')."""
    root = ElementTree.parse(SITEMAP_FILE).getroot()
    paths = []
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        url = (loc.text or "").strip()
        paths.append(url.removeprefix(BASE_URL_PLACEHOLDER) or "/")
    return paths

"""The bundled demo news site and the loopback server that serves it.

The server module is imported on first use, so ``python -m scraper.demo.server`` runs it
without a second copy in ``sys.modules``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

if TYPE_CHECKING:
    from .server import DemoServer, Handler, Request, Response

__all__ = ["DEMO_PORT", "SITE_DIR", "DemoServer", "Handler", "Request", "Response", "article_paths"]

SITE_DIR = Path(__file__).resolve().parent / "site"
DEMO_PORT = 8765  # `scraper demo` and `python -m scraper.demo` serve here: stable demo URLs
SITEMAP_FILE = SITE_DIR / "sitemap.xml"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE_URL_PLACEHOLDER = "{{BASE_URL}}"
_SERVER_NAMES = frozenset({"DemoServer", "Handler", "Request", "Response"})


def article_paths() -> list[str]:
    """Return the URL paths of the demo articles, in sitemap order (e.g. '/news/2024/05/...')."""
    root = ElementTree.parse(SITEMAP_FILE).getroot()
    paths = []
    for loc in root.iter(f"{SITEMAP_NS}loc"):
        url = (loc.text or "").strip()
        paths.append(url.removeprefix(BASE_URL_PLACEHOLDER) or "/")
    return paths


def __getattr__(name: str) -> Any:
    """Load the server's names on first access."""
    if name in _SERVER_NAMES:
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

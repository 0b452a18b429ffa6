"""scraper: polite article crawling, rich extraction records, SQLite with full-text search."""

from __future__ import annotations

from .errors import ScraperError
from .version import EXTRACTOR_VERSION, __version__
from .extract import extract
from .models import Article, Image, Link, Page, Quote

__all__ = ["Article", "Image", "Link", "Page", "Quote", "EXTRACTOR_VERSION", "ScraperError", "__version__", "extract"]

"""scraper: polite article crawling, rich extraction records, SQLite with full-text search."""

from __future__ import annotations

from .errors import ScraperError
from .extract import extract
from .models import Article, Image, Link, Page, Quote
from .version import EXTRACTOR_VERSION, __version__

__all__ = ["EXTRACTOR_VERSION", "Article", "Image", "Link", "Page", "Quote", "ScraperError", "__version__", "extract"]

"""The work an extraction worker (process or thread) does: extract a page, read a listing.

Both run wherever the pool sends them, never on the crawl's event loop: each parses server
input, and a hostile page must not stall fetching.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .extract import extract
from .models import Article, Page
from .rules import RuleSet

if TYPE_CHECKING:
    from .discover import Discovery

WARM_UP_PAGE = "<html><body><p>warm up</p></body></html>"


def extract_page(rules: RuleSet, content: bytes, url: str, content_type: str | None) -> Article:
    """extract() with the run's rules."""
    return extract(content, url, rules, content_type)


def discover_document(rules: RuleSet, page: Page, article_patterns: Sequence[re.Pattern[str]],
                      max_urls: int | None) -> Discovery:
    """discover() of one fetched feed, sitemap or listing page (rules are not needed)."""
    from .discover import discover  # feeds and sitemaps: not loaded where only pages are read

    if max_urls is None:
        return discover(page, article_patterns=article_patterns)
    return discover(page, article_patterns=article_patterns, max_urls=max_urls)


def warm_up(rules: RuleSet) -> None:
    """Import and initialise the extractors once, before the first real page."""
    extract(WARM_UP_PAGE, "https://example.org/", rules)


TASKS: dict[str, Callable[..., Any]] = {"extract": extract_page, "discover": discover_document}

"""`scraper ingest`: WARC files that others wrote, extracted and stored like a crawl's pages.

    files -> plan (chunks of ~100 HTML pages) -> workers extract chunks -> one writer stores
    them in order, each chunk in one transaction with its ledger row (exactly once)
"""

from __future__ import annotations

from .filters import IngestFilters, build_filters
from .inputs import resolve_inputs
from .run import Ingest, IngestReport

__all__ = ["Ingest", "IngestFilters", "IngestReport", "build_filters", "resolve_inputs"]

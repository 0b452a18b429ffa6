"""The SQLite store: schema and migrations, saving articles, frontier, search, export, stats."""

from __future__ import annotations

from .articles import NEW, UNCHANGED, UPDATED, SaveResult
from .core import Store
from .frontier import STATES, FrontierEntry
from .runs import RUN_COUNT_COLUMNS
from .search import SearchHit
from .versions import Version

__all__ = ["NEW", "RUN_COUNT_COLUMNS", "STATES", "UNCHANGED", "UPDATED", "FrontierEntry",
           "SaveResult", "SearchHit", "Store", "Version"]

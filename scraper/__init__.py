"""scraper: polite article crawling, rich extraction records, SQLite with full-text search.

The public names load on first use, so `scraper --help` (which imports this package) does not
pay for the extraction modules.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import ScraperError
from .version import __version__

if TYPE_CHECKING:
    from .extract import extract
    from .models import Article, Image, Link, Page, Quote
    from .version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "Article", "Image", "Link", "Page", "Quote", "ScraperError", "__version__", "extract"]

_LAZY = {"extract": ".extract", "Article": ".models", "Image": ".models", "Link": ".models",
         "Page": ".models", "Quote": ".models", "EXTRACTOR_VERSION": ".version"}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    if name != "EXTRACTOR_VERSION":  # derived when asked, like scraper.version's own
        globals()[name] = value
    return value


class _Package(ModuleType):
    """This package's module: `scraper.extract` names the function, as `from scraper import
    extract` promises, even after the `scraper.extract` subpackage has loaded (the import
    system would otherwise bind the subpackage to that name)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

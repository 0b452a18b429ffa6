"""The package version and the extractor version recorded on every article row."""

__version__ = "0.1.0"

# Bump when extraction output changes, so `scraper reextract` can tell stale rows.
EXTRACTOR_VERSION = "1"

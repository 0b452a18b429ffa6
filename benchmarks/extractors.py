"""The extractors compared by the benchmark; each imports its library only when first called."""

from __future__ import annotations


def scraper(html: bytes, url: str) -> str:
    """Our extractor's body text."""
    from scraper import extract

    return extract(html, url=url).body


def trafilatura(html: bytes, url: str) -> str:
    """trafilatura's text with comments excluded (the benchmark's reference setting)."""
    import trafilatura as library

    return library.extract(html, url=url, include_comments=False) or ""

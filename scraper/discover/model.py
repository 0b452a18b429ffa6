"""What discovery hands to the pipeline: article candidates and more documents to fetch."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """A url that probably holds an article, with what the listing said about it."""

    url: str
    title: str | None = None
    published_hint: str | None = None  # ISO 8601 date or datetime, from a feed or sitemap


@dataclass(frozen=True)
class Discovery:
    """Article candidates, documents to fetch next, and why reading was incomplete (if so)."""

    articles: list[Candidate] = field(default_factory=list)
    follow: list[str] = field(default_factory=list)  # more sitemaps, feeds or listing pages
    problem: str | None = None  # set when the document was unreadable or read only in part
    kind: str = "unknown"  # what the document was classified as: feed, sitemap, html, unknown
    cut: str | None = None  # why reading stopped before the end: a size or count cap
    follow_dates: dict[str, str] = field(default_factory=dict)  # lastmod of listed sitemaps
    declares_article: bool = False  # an HTML page that says it is an article (og:type, JSON-LD)

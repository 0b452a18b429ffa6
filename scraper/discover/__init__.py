"""Discovery: turn a fetched feed, sitemap or section page into article candidates.

    discover(page) -> Discovery(articles=[Candidate(url, title, published_hint)],
                                follow=[more sitemaps, feeds, listing pages], problem, kind)

Every url that comes out is absolute, normalized (`urls.normalize_url`), mapped from its AMP
form to the likely canonical one, on the page's own site when `same_site_only` (the default;
it applies to `follow` too), deduplicated (first position wins, later duplicates fill in a
missing title or date) and never the page itself.

Which links count as articles depends on the document:
- feeds: every entry, except urls that are surely no article (tag, author, search pages ...);
- sitemaps: every <url> the same way; a sitemap index's sitemaps go to `follow`;
- HTML: links matching the site's article patterns anywhere, or links in the main area that
  look like articles; the page's feeds and its rel=next page go to `follow`.
A pattern match always admits a url. Malformed input gives what could be read and a `problem`;
an unreadable document gives an empty Discovery with the `problem`; a document read only in
part because of a cap (its size, `max_urls` candidates) says so in `cut`. Every reader is
linear in the size of the document. Nothing here raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..models import Page
from ..urls import amp_to_canonical_hint, looks_like_non_article, normalize_url, site_key
from .feeds import parse_feed
from .model import Candidate, Discovery
from .pages import base_of, declares_article, feed_links, parse_html, section_links
from .sitemaps import MAX_SITEMAP_URLS, parse_sitemap, sitemaps_from_robots
from .sniff import classify, gunzip_bounded

__all__ = ["Candidate", "Discovery", "classify", "discover", "feed_links", "sitemaps_from_robots"]

Patterns = Sequence[re.Pattern[str]]


def discover(page: Page, *, article_patterns: Patterns = (), same_site_only: bool = True,
             max_urls: int = MAX_SITEMAP_URLS) -> Discovery:
    """Read one fetched document into article candidates and urls to follow; never raises."""
    page_url = page.final_url or page.url
    content_type = _header(page, "content-type")
    kind = classify(content_type, page.content, page_url)
    reader = _READERS.get(kind)
    if reader is None:
        return Discovery(problem=_unreadable_reason(page.content, content_type), kind=kind)
    try:
        found = reader(page.content, page_url, content_type, article_patterns, max_urls)
    except Exception as error:  # noqa: BLE001 - one bad document must not stop a crawl
        return Discovery(problem=f"cannot read {kind}: {type(error).__name__}: {error}", kind=kind)
    return _admit(found, page_url, article_patterns, same_site_only, max_urls)


def _read_feed(body: bytes, url: str, content_type: str, patterns: Patterns,
               max_urls: int) -> Discovery:
    result = parse_feed(body, url, content_type)
    return Discovery(result.entries, [], result.problem, kind="feed", cut=result.cut)


def _read_sitemap(body: bytes, url: str, content_type: str, patterns: Patterns,
                  max_urls: int) -> Discovery:
    result = parse_sitemap(body, max_urls)
    return Discovery(result.pages, result.sitemaps, result.problem, kind="sitemap",
                     cut=result.cut, follow_dates=result.sitemap_dates)


def _read_html(body: bytes, url: str, content_type: str, patterns: Patterns,
               max_urls: int) -> Discovery:
    tree = parse_html(body, content_type)
    links = section_links(tree, base_of(tree, url), patterns)
    return Discovery(links.articles, links.follow, None, kind="html",
                     declares_article=declares_article(tree))


_READERS: dict[str, Callable[[bytes, str, str, Patterns, int], Discovery]] = {
    "feed": _read_feed, "sitemap": _read_sitemap, "html": _read_html,
}


def _admit(found: Discovery, page_url: str, patterns: Patterns, same_site_only: bool,
           max_urls: int) -> Discovery:
    """Normalize, filter and deduplicate what a reader found (see module docstring)."""
    page_key = normalize_url(page_url)
    site = (site_key(page_url) or "") if same_site_only else None
    admitted: dict[str, Candidate] = {}
    cut = found.cut
    for candidate in found.articles:
        url = _admitted_url(candidate.url, page_url, site)
        if url is None or url == page_key:
            continue
        matches = any(pattern.search(url) for pattern in patterns)
        if found.kind != "html" and not matches and looks_like_non_article(url):
            continue
        if url not in admitted and len(admitted) >= max_urls:
            cut = cut or f"{found.kind} lists over {max_urls:,} urls; read the first {max_urls:,}"
            break
        admitted[url] = _merge(admitted.get(url), candidate, url)
    follow: dict[str, None] = {}
    dates: dict[str, str] = {}
    for link in found.follow[:max_urls]:
        url = _admitted_url(link, page_url, site)
        if url and url != page_key and url not in admitted:
            follow[url] = None
            if link in found.follow_dates:
                dates[url] = found.follow_dates[link]
    return Discovery(list(admitted.values()), list(follow), found.problem, kind=found.kind,
                     cut=cut, follow_dates=dates, declares_article=found.declares_article)


def _admitted_url(url: str, page_url: str, site: str | None) -> str | None:
    """Normalize a found url; None when unusable or, with `site` given, on another site."""
    normalized = normalize_url(url, page_url)
    if normalized is None:
        return None
    normalized = amp_to_canonical_hint(normalized) or normalized
    if site is not None and site_key(normalized) != site:
        return None
    return normalized


def _merge(previous: Candidate | None, candidate: Candidate, url: str) -> Candidate:
    if previous is None:
        return Candidate(url=url, title=candidate.title, published_hint=candidate.published_hint)
    return Candidate(url=url, title=previous.title or candidate.title,
                     published_hint=previous.published_hint or candidate.published_hint)


def _unreadable_reason(body: bytes, content_type: str) -> str:
    if not body.strip():
        return "empty document"
    _, gzip_problem = gunzip_bounded(body)
    if gzip_problem:
        return gzip_problem
    return f"not a feed, sitemap or HTML page ({content_type or 'no content type'})"


def _header(page: Page, name: str) -> str:
    return next((value for key, value in page.headers.items() if key.lower() == name), "")

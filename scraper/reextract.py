"""Re-run extraction over the WARC archive: no network, every article row gets the new version."""

from __future__ import annotations

from pathlib import Path

from .archive import iter_responses
from .config import Settings
from .extract import extract
from .pipeline import CrawlReport, Listener, PageOutcome, _ignore, utc_now
from .store import NEW, UPDATED, Store

HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def archive_files(archive_dir: Path) -> list[Path]:
    """Return the run archives, oldest first (their names start with the run number)."""
    return sorted(archive_dir.glob("*.warc.gz"))


def reextract(settings: Settings, store: Store, *, site: str | None = None,
              since: str | None = None, listener: Listener = _ignore) -> CrawlReport:
    """Extract every archived article response again and save the results."""
    run_id = store.start_run(utc_now(), f'["reextract", {site!r}, {since!r}]')
    report = CrawlReport(run_id)
    wanted = _urls_of_site(store, site) if site else None
    latest: dict[str, object] = {}
    for page in iter_responses(archive_files(settings.archive_dir)):
        if page.status != 200 or page.content_type not in HTML_TYPES:
            continue
        if wanted is not None and page.url not in wanted:
            continue
        if since and page.fetched_at and page.fetched_at[:10] < since:
            continue
        latest[page.url] = page  # a later fetch of the same URL supersedes an earlier one
    for url, page in latest.items():
        article = extract(page.content, page.final_url, None,  # type: ignore[attr-defined]
                          page.headers.get("content-type"))  # type: ignore[attr-defined]
        report.counts["fetched"] += 1
        if article.is_empty:
            reason = article.provenance.warnings[0] if article.provenance.warnings else "no article text found"
            report.counts["failed"] += 1
            report.failures.append((url, reason))
            listener("page", {"outcome": PageOutcome(url, "failed", reason=reason)})
            continue
        saved = store.save_article(article, site=site, fetch_id=None, seen_at=utc_now())
        key = saved.outcome if saved.outcome in (NEW, UPDATED) else "unchanged"
        report.counts[key] += 1
        listener("page", {"outcome": PageOutcome(url, saved.outcome, article=article, site=site)})
    store.finish_run(run_id, utc_now(), report.counts, report.exit_status)
    return report


def _urls_of_site(store: Store, site: str) -> set[str]:
    """Return the frontier URLs of one site."""
    rows = store.db.execute(
        "SELECT frontier.url FROM frontier JOIN sites ON sites.id = frontier.site_id"
        " WHERE sites.name = ?", [site]).fetchall()
    return {row[0] for row in rows}

"""Re-run extraction over the WARC archive: no network, every article row gets the new version.

The database says which archived response each article came from (articles.fetch_id ->
fetches.warc_file, warc_offset), so each is read back at its offset and extracted again; the
frontier's failed URLs whose page was archived get another chance too (a better extractor may
find the article a worse one missed). Rows are read a page at a time, so memory stays flat.

With `stale=True` only the articles an older extractor wrote are redone: those whose
`extractor_version` differs from the version of the running code and rules. Failed URLs are
not retried then: nothing records which extractor failed them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from .archive import ArchiveError, read_record
from .bounded_extraction import BoundedExtractor, extractor_for
from .cluster.executors import Executor, TaskFailed
from .cluster.ordered import in_order
from .config import Settings
from .errors import exit_status_of
from .models import Article
from .pipeline import FAILURES_KEPT, CrawlReport, Listener, PageOutcome, _ignore, utc_now
from .rules import RuleSet, rules_for
from .store import NEW, UNCHANGED, UPDATED, Store

ROWS_PER_QUERY = 200
SOURCES_PER_TASK = 50   # archived pages a cluster worker reads and extracts in one task
TASKS_PER_WORKER = 3    # tasks in flight per worker

# The archived response of every stored article.
ARTICLE_SOURCES = """
SELECT articles.id, fetches.id, articles.url, fetches.warc_file, fetches.warc_offset, sites.name
FROM articles JOIN fetches ON fetches.id = articles.fetch_id
LEFT JOIN sites ON sites.id = articles.site_id
WHERE articles.id > ? AND fetches.warc_file IS NOT NULL AND fetches.warc_offset IS NOT NULL
  AND (? IS NULL OR sites.name = ?) AND (? IS NULL OR fetches.fetched_at >= ?)
  AND (? IS NULL OR articles.extractor_version IS NOT ?)
ORDER BY articles.id LIMIT ?"""

# The last archived 200 response of every frontier URL that failed (extraction found nothing).
FAILED_SOURCES = """
SELECT frontier.id, fetches.id, frontier.url, fetches.warc_file, fetches.warc_offset, sites.name
FROM frontier JOIN fetches ON fetches.id = (
    SELECT max(id) FROM fetches AS f WHERE f.url = frontier.url AND f.status = 200
      AND f.warc_file IS NOT NULL AND f.warc_offset IS NOT NULL)
LEFT JOIN sites ON sites.id = frontier.site_id
WHERE frontier.id > ? AND frontier.state = 'failed'
  AND (? IS NULL OR sites.name = ?) AND (? IS NULL OR fetches.fetched_at >= ?)
  AND ? IS NULL AND ? IS NULL
ORDER BY frontier.id LIMIT ?"""


@dataclass(frozen=True)
class Source:
    """Where an article (or a failed URL) was archived, and the site it belongs to."""

    fetch_id: int
    url: str
    warc_file: str
    warc_offset: int
    site: str | None
    frontier: bool  # a failed frontier URL rather than a stored article


def reextract(settings: Settings, store: Store, *, site: str | None = None,
              since: datetime | None = None, stale: bool = False,
              arguments: Sequence[str] = ("reextract",), listener: Listener = _ignore,
              executor: Executor | None = None) -> CrawlReport:
    """Extract the archived articles (of `site`, fetched since `since`, of an older extractor
    when `stale`) again and save them, recording `arguments` with the run; with an executor
    (a Dask cluster), workers read and extract, and this process saves."""
    report = CrawlReport(store.start_run(utc_now(), json.dumps(list(arguments))))
    status = 2
    try:
        rules = rules_for(settings.selectors_dir)
        selection = Selection(site, since.isoformat(timespec="seconds") if since else None,
                              rules.extractor_version if stale else None)
        timeout = settings.extraction_timeout or None
        if executor is None:
            with BoundedExtractor(rules, timeout) as extractor:
                for source in sources(store, selection):
                    _reextract_one(settings.archive_dir, extractor, store, source, report,
                                   listener)
        else:
            _reextract_on(executor, settings.archive_dir.resolve(), (rules, timeout), store,
                          sources(store, selection), report, listener)
        status = report.exit_status
    except Exception as error:  # the status the command will exit with, recorded alike
        status = exit_status_of(error)
        raise
    finally:
        store.finish_run(report.run_id, utc_now(), report.counts, status)
    return report


@dataclass(frozen=True)
class Selection:
    """Which archived pages to extract again; None means any."""

    site: str | None = None
    fetched_since: str | None = None
    not_of_version: str | None = None  # only articles another extractor version wrote


def sources(store: Store, selection: Selection) -> Iterator[Source]:
    """Yield the archived sources of the selected articles, then of the failed URLs."""
    filters = [selection.site, selection.site, selection.fetched_since,
               selection.fetched_since, selection.not_of_version, selection.not_of_version]
    for query, frontier in ((ARTICLE_SOURCES, False), (FAILED_SOURCES, True)):
        last_id = 0
        while rows := store.db.execute(query, [last_id, *filters, ROWS_PER_QUERY]).fetchall():
            for row_id, fetch_id, url, warc_file, warc_offset, site_name in rows:
                last_id = row_id
                yield Source(fetch_id, url, warc_file, warc_offset, site_name, frontier)


def _reextract_one(archive_dir: Path, extractor: BoundedExtractor, store: Store, source: Source,
                   report: CrawlReport, listener: Listener) -> None:
    """Read one archived response, extract it and save the article; record any failure."""
    _save(store, source, extract_source(archive_dir, extractor, source), report, listener)


def extract_source(archive_dir: Path, extractor: BoundedExtractor,
                   source: Source) -> Article | str:
    """Read one archived response and extract it; a string says why it could not be read."""
    try:
        page = read_record(archive_dir / source.warc_file, source.warc_offset)
    except ArchiveError as error:
        return f"archive: {error}"
    return extractor.extract(page.content, page.final_url, page.headers.get("content-type"))


def extract_sources(archive_dir: Path, rules: RuleSet, timeout: float | None,
                    batch: list[Source]) -> list[Article | str]:
    """extract_source() over a batch, each page within `timeout` seconds (in a helper process
    of the worker): one task of a cluster worker."""
    extractor = extractor_for(rules, timeout)
    return [extract_source(archive_dir, extractor, source) for source in batch]


def _reextract_on(executor: Executor, archive_dir: Path, bounds: tuple[RuleSet, float | None],
                  store: Store, found: Iterator[Source], report: CrawlReport,
                  listener: Listener) -> None:
    """Send batches of sources to the executor's workers; save their articles in order."""
    batches: list[list[Source]] = []

    def calls() -> Iterator[tuple[Any, tuple[Any, ...]]]:
        while batch := list(islice(found, SOURCES_PER_TASK)):
            batches.append(batch)
            yield extract_sources, (archive_dir, *bounds, batch)

    window = max(2, executor.workers * TASKS_PER_WORKER)
    for outcome in in_order(executor, calls(), window):
        batch = batches.pop(0)
        if isinstance(outcome, TaskFailed):
            outcome = [f"worker: {outcome}"] * len(batch)
        for source, extracted in zip(batch, outcome):
            _save(store, source, extracted, report, listener)


def _save(store: Store, source: Source, extracted: Article | str, report: CrawlReport,
          listener: Listener) -> None:
    """Save a re-extracted article; record why there is none."""
    if isinstance(extracted, str):
        _fail(report, listener, source, extracted)
        return
    article = extracted
    report.counts["fetched"] += 1
    if article.is_empty:
        if source.frontier:  # failed before, fails again: not news, and not this run's failure
            report.skipped += 1
            return
        warnings = article.provenance.warnings
        _fail(report, listener, source, warnings[0] if warnings else "no article text found")
        return
    saved = store.save_article(article, site=source.site, fetch_id=source.fetch_id,
                               seen_at=utc_now())
    if source.frontier:
        store.mark(source.url, "done")
    report.counts[saved.outcome if saved.outcome in (NEW, UPDATED) else UNCHANGED] += 1
    listener("page", {"outcome": PageOutcome(source.url, saved.outcome, article=article,
                                             site=source.site)})


def _fail(report: CrawlReport, listener: Listener, source: Source, reason: str) -> None:
    report.counts["failed"] += 1
    if len(report.failures) < FAILURES_KEPT:
        report.failures.append((source.url, reason))
    listener("page", {"outcome": PageOutcome(source.url, "failed", reason=reason,
                                             site=source.site)})

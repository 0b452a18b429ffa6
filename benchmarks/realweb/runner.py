"""Running both sides over a corpus: measured (timed, alternating, one process) or fast."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Self

from benchmarks.realweb import extractors, rows
from benchmarks.realweb.corpora import Page
from benchmarks.realweb.extractors import TrafilaturaCache
from benchmarks.realweb.scorers import select
from benchmarks.realweb.scoring import Scorer


@dataclass
class CorpusRun:
    """Both sides' records for every page of one corpus, and their CPU seconds."""

    pages: list[Page]
    ours: dict[str, dict[str, Any]] = field(default_factory=dict)
    theirs: dict[str, dict[str, Any]] = field(default_factory=dict)
    ours_cpu: float | None = None
    theirs_cpu: float | None = None


def _timed(function: Callable[[bytes, str], Any], html: bytes, url: str) -> tuple[Any, float]:
    start = time.process_time()
    result = function(html, url)
    return result, time.process_time() - start


def measured(pages: list[Page], cache: TrafilaturaCache, rounds: int = 1) -> CorpusRun:
    """Ours and trafilatura's text-only extraction timed page by page, alternating who goes first.

    trafilatura's metadata reading (title, date, author) runs after both, untimed; every record
    of trafilatura refreshes the cache. With rounds > 1 every page is timed again that many times
    in all (who goes first alternating between rounds too) and each side's least CPU per page is
    kept: a steadier ratio, for rounds times the timing work.
    """
    run = CorpusRun(pages, ours_cpu=0.0, theirs_cpu=0.0)
    if pages:  # warm-up: imports and lazily loaded data, outside the timing
        html = pages[0].html()
        extractors.ours(html, pages[0].url)
        extractors.trafilatura_text(html, pages[0].url)
        extractors.trafilatura_metadata(html, pages[0].url)
    ours_times: list[float] = []
    theirs_times: list[float] = []
    for index, page in enumerate(pages):
        html = page.html()
        (article, ours_cpu), (text, theirs_cpu) = _timed_pair(html, page.url, ours_first=index % 2 == 0)
        ours_times.append(ours_cpu)
        theirs_times.append(theirs_cpu)
        record = extractors.trafilatura_record(
            text, extractors.trafilatura_metadata(html, page.url))
        cache.put(page, record)
        run.ours[page.page_id] = extractors.record_of(article)
        run.theirs[page.page_id] = record
    for again in range(1, rounds):
        for index, page in enumerate(pages):
            (_, ours_cpu), (_, theirs_cpu) = _timed_pair(page.html(), page.url,
                                                         ours_first=(index + again) % 2 == 0)
            ours_times[index] = min(ours_times[index], ours_cpu)
            theirs_times[index] = min(theirs_times[index], theirs_cpu)
    run.ours_cpu, run.theirs_cpu = sum(ours_times), sum(theirs_times)
    return run


def _timed_pair(html: bytes, url: str, ours_first: bool) -> tuple[tuple[Any, float], tuple[Any, float]]:
    """Both sides timed on one page, ours first or second: (ours, its CPU), (theirs, its CPU)."""
    if ours_first:
        ours = _timed(extractors.ours_article, html, url)
        return ours, _timed(extractors.trafilatura_text, html, url)
    theirs = _timed(extractors.trafilatura_text, html, url)
    return _timed(extractors.ours_article, html, url), theirs


def score_run(run: CorpusRun, scorers: Sequence[Scorer]) -> list[rows.Row]:
    """One row per page of a measured run, in page-id order."""
    return [rows.score_page(page, run.ours[page.page_id], run.theirs.get(page.page_id),
                            scorers) for page in run.pages]


def _theirs_of(page: Page) -> dict[str, Any]:
    html = page.html()
    return extractors.trafilatura_record(extractors.trafilatura_text(html, page.url),
                                         extractors.trafilatura_metadata(html, page.url))


def _ours_scored(task: tuple[Page, dict[str, Any] | None], fields: tuple[str, ...]) -> rows.Row:
    page, theirs = task
    return rows.score_page(page, extractors.ours(page.html(), page.url), theirs,
                           select(list(fields)))


def fast(pages: list[Page], cache: TrafilaturaCache, jobs: int, scorers: Sequence[Scorer]
         ) -> list[rows.Row]:
    """Rows of ours extracted and scored on `jobs` processes, trafilatura from the cache
    (missing pages computed and cached first); nothing is timed."""
    fields = tuple(scorer.field for scorer in scorers)
    with ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else _InProcess() as pool:
        missing = [page for page in pages if cache.get(page) is None]
        for page, record in zip(missing, pool.map(_theirs_of, missing, chunksize=4), strict=True):
            cache.put(page, record)
        tasks = [(page, cache.get(page)) for page in pages]
        return list(pool.map(partial(_ours_scored, fields=fields), tasks, chunksize=4))


class _InProcess:
    """A stand-in for a process pool that maps in this process (for --jobs 1)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, function: Callable[[Any], Any], items: list[Any], chunksize: int = 1) -> Any:
        """Apply the function to each item, lazily."""
        return map(function, items)

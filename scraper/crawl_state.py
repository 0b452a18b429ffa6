"""The state of a crawl in progress: its collaborators, budgets, and how signals stop it."""

from __future__ import annotations

import asyncio
import signal
import time
from dataclasses import dataclass, field
from typing import Any

from .crawl_report import INTERRUPTED, STOP_STATUS, TERMINATED, CrawlReport
from .extraction_pool import ExtractionPool
from .fetch import Fetcher, FetchResult
from .recording import RecordingArchive
from .saver import BatchedSaver


@dataclass
class RunState:
    """The run in progress: what it works with, what it may still spend, what is in flight."""

    run_id: int
    report: CrawlReport
    fetcher: Fetcher
    archive: RecordingArchive
    pool: ExtractionPool
    saver: BatchedSaver
    deadline: float | None          # time.monotonic() when --max-duration ends the run
    pages_left: int | None          # articles --max-pages still allows
    in_flight: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(4))
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    claimed: set[str] = field(default_factory=set)  # fetched URLs still being extracted
    listed: set[str] = field(default_factory=set)   # URLs a site listed in this run

    def remaining(self) -> float | None:
        """Seconds left in the run's time budget (None: no budget)."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    def out_of_time(self) -> bool:
        """True once the run's time budget is spent."""
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    async def fetch_within(self, url: str, **options: Any) -> FetchResult | None:
        """Fetch url unless the run's time is up; None when it is (or runs out meanwhile)."""
        if self.out_of_time():
            return None
        try:
            async with asyncio.timeout(self.remaining()):
                return await self.fetcher.fetch(url, **options)
        except TimeoutError:
            return None

    async def robots_sitemaps(self, url: str, **options: Any) -> list[str]:
        """The Sitemap lines of url's robots.txt, unless the run's time is up."""
        if self.out_of_time():
            return []
        try:
            async with asyncio.timeout(self.remaining()):
                return await self.fetcher.robots_sitemaps(url, **options)
        except TimeoutError:
            return []


class StopSignals:
    """Ctrl+C (SIGINT) and SIGTERM stop the run: the first cancels it, the report says why."""

    def __init__(self, report: CrawlReport) -> None:
        self.report = report
        self.installed: list[signal.Signals] = []

    def install(self) -> None:
        """Handle the signals in the running event loop (in the main thread only)."""
        loop, task = asyncio.get_running_loop(), asyncio.current_task()
        for number, reason in ((signal.SIGINT, INTERRUPTED), (signal.SIGTERM, TERMINATED)):
            try:
                loop.add_signal_handler(number, self._stop, task, reason)
            except (ValueError, RuntimeError, NotImplementedError):
                continue  # not the main thread: the caller handles signals
            self.installed.append(number)

    def _stop(self, task: asyncio.Task[Any], reason: str) -> None:
        if self.report.stopped_early in STOP_STATUS:
            return  # stopping already: a second Ctrl+C must not break the clean-up
        self.report.stopped_early = reason
        task.cancel()

    def remove(self) -> None:
        """Give the signals back to their default handlers."""
        loop = asyncio.get_running_loop()
        for number in self.installed:
            loop.remove_signal_handler(number)

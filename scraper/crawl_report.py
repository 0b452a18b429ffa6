"""What a crawl reports: counts, first failures, why it stopped, and the exit status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .models import Article

COUNT_NAMES = ("discovered", "fetched", "unchanged", "failed", "new", "updated")
FAILURES_KEPT = 100          # failures listed in the report; every one is in the database
CUTS_KEPT = 20               # discovery cuts listed in the report; every one is in the database
INTERRUPTED, TERMINATED = "interrupted", "terminated"
STOP_STATUS = {INTERRUPTED: 130, TERMINATED: 143}  # 128 + SIGINT, 128 + SIGTERM

Listener = Callable[[str, dict[str, object]], None]


def published_before(hint: str, since: datetime) -> bool:
    """True when a listing's date falls before `since`; a bare date counts as its whole day."""
    text = hint.strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return False  # an unreadable date never hides an article
    if len(text) <= 10:
        return when.date() < since.astimezone(UTC).date()
    return (when if when.tzinfo else when.replace(tzinfo=UTC)) < since


@dataclass(frozen=True)
class PageOutcome:
    """What happened to one article URL."""

    url: str
    outcome: str                      # "new" | "updated" | "unchanged" | "failed" | "skipped"
    reason: str | None = None
    article: Article | None = None
    site: str | None = None


@dataclass
class CrawlReport:
    """The counts, first failures and cuts, and (for the demo) outcomes of one run."""

    run_id: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))
    failures: list[tuple[str, str]] = field(default_factory=list)  # the first FAILURES_KEPT
    outcomes: list[PageOutcome] = field(default_factory=list)  # only with keep_outcomes
    skipped: int = 0                  # robots.txt Disallow, or dated before --since
    stopped_early: str | None = None  # max duration/pages reached, interrupted, terminated
    cuts: int = 0                     # places where discovery read less than was offered
    first_cuts: list[str] = field(default_factory=list)  # the first CUTS_KEPT, as lines

    @property
    def exit_status(self) -> int:
        """0 when every page went well, 1 when some failed; 130/143 when stopped by a signal."""
        if self.stopped_early in STOP_STATUS:
            return STOP_STATUS[self.stopped_early]
        return 1 if self.counts["failed"] else 0

    def add_cut(self, site: str | None, url: str | None, reason: str) -> None:
        """Count one discovery cut, keeping the first few as lines."""
        self.cuts += 1
        if len(self.first_cuts) < CUTS_KEPT:
            self.first_cuts.append(f"{site}: {reason}" + (f" ({url})" if url else ""))

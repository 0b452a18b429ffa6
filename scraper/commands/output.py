"""How a run talks: a progress bar on a terminal, plain log lines under cron, JSON on request."""

from __future__ import annotations

import io
import json
import sys
from typing import Any, TextIO

import click

from ..models import Article
from ..pipeline import CrawlReport, PageOutcome
from ..printable import printable, printable_line
from .streams import silence_stdout


class _Discard(io.StringIO):
    """A text stream that keeps nothing."""

    def write(self, text: str) -> int:
        """Drop the text."""
        return len(text)


class RunOutput:
    """Turns crawl events into a progress bar (terminal), warnings only (cron) or JSON lines.

    The run is the work and its output a side channel: when the reader of the output goes
    away (`scraper crawl --log-json | head`), the run goes on to its end, silently.
    """

    def __init__(self, *, log_json: bool = False, stream: TextIO | None = None,
                 interactive: bool | None = None) -> None:
        self.stream = stream or sys.stdout
        self.log_json = log_json
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self._bar: Any = None

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        """Receive one crawl event."""
        if event == "page":
            self._page(data["outcome"])
        elif event == "warning" and not self.log_json:
            self.warn(str(data["message"]))
        elif self.log_json:
            self._json({"event": event, **data})
        elif event == "fetching" and self.interactive and data["total"]:
            self._grow_bar(int(data["total"]))  # one "fetching" event per site

    def _grow_bar(self, pages: int) -> None:
        if self._bar is not None:
            self._bar.length += pages
            return
        self._bar = click.progressbar(length=pages, label="fetching", file=self.stream,
                                      show_pos=True)
        self._bar.__enter__()

    def _page(self, outcome: PageOutcome) -> None:
        if self._bar is not None:
            self._bar.update(1)
        if self.log_json:
            self._json({"event": "page", "url": outcome.url, "outcome": outcome.outcome,
                        "reason": outcome.reason, "site": outcome.site})
        elif outcome.outcome == "failed":
            self.warn(f"failed: {outcome.url}: {outcome.reason}")

    def warn(self, message: str) -> None:
        """Print a warning line (to stderr, so cron mails it)."""
        if self._bar is not None:
            click.echo("", file=self.stream)
        click.echo(f"warning: {printable(message)}", err=True)

    def error(self, message: str, exit_status: int) -> None:
        """Report why the run could not start or go on: a JSON object, or a line on stderr."""
        self._close_bar()
        if self.log_json:
            self._json({"event": "error", "message": message, "exit_status": exit_status})
        else:
            click.echo(f"error: {printable(message)}", err=True)

    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def finish(self, report: CrawlReport) -> None:
        """Close the progress bar and print the one summary line."""
        self._close_bar()
        counts = report.counts
        if self.log_json:
            self._json({"event": "summary", "run_id": report.run_id, **counts,
                        "skipped": report.skipped, "exit_status": report.exit_status,
                        "stopped_early": report.stopped_early,
                        "discovery_cuts": report.cuts})
            return
        line = (f"run {report.run_id}: {counts['discovered']} discovered, {counts['fetched']} fetched, "
                f"{counts['unchanged']} unchanged, {counts['failed']} failed, "
                f"{counts['new']} new, {counts['updated']} updated")
        if report.skipped:
            line += f", {report.skipped} skipped"
        notes = [report.stopped_early] if report.stopped_early else []
        if report.cuts:
            notes.append(f"discovery cut short {report.cuts} time{'s' if report.cuts > 1 else ''}"
                         f": {report.first_cuts[0]}" + ("; see scraper stats" if report.cuts > 1
                                                        else ""))
        if notes:
            line += f" ({'; '.join(notes)})"
        self._write(line + "\n")

    def _json(self, record: dict[str, Any]) -> None:
        self._write(json.dumps(record, ensure_ascii=False) + "\n")

    def _write(self, text: str) -> None:
        """Write and flush a line; a closed pipe silences the output, the run goes on."""
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            if self.stream is sys.stdout:
                silence_stdout()
            self.stream = _Discard()


def photo_credit(article: Article) -> str:
    """Return the first image's credit as 'photographer / source', or the raw credit."""
    for image in article.images:
        parts = [p for p in (image.photographer, image.credit_source) if p]
        if parts:
            return " / ".join(parts)
        if image.credit:
            return image.credit
    return ""


def article_table(outcomes: list[PageOutcome], width: int = 40) -> str:
    """Render extracted articles as a plain-text table."""
    header = ("headline", "published", "authors", "photo credit", "quotes", "related")
    rows = []
    for outcome in outcomes:
        article = outcome.article
        if article is None:
            continue
        rows.append((_clip(article.headline or "(no headline)", width),
                     article.published_at or "", _clip(", ".join(article.authors), 28),
                     _clip(photo_credit(article), 28), str(len(article.quotes)),
                     str(len(article.related))))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def _clip(text: str, width: int) -> str:
    text = printable_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"

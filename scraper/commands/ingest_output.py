"""How an ingest talks: a progress line on a terminal, one summary line under cron, JSON lines.

The progress line counts files and HTML pages, the rate in pages per second over this run, and
an ETA from the share of the input bytes done. Failed files and chunks are warnings on stderr;
failed pages are not (an archive of millions has thousands of pages that are no article):
they are in the database, `fetches.error`, and counted in the summary.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

import click

from ..ingest import IngestReport

REFRESH_SECONDS = 0.25


class IngestOutput:
    """Receives ingest events and renders them for a terminal, cron or a JSON reader."""

    def __init__(self, *, log_json: bool = False, stream: TextIO | None = None,
                 interactive: bool | None = None, clock: Any = time.monotonic) -> None:
        self.stream = stream or sys.stdout
        self.log_json = log_json
        self.interactive = (self.stream.isatty() if interactive is None else interactive) \
            and not log_json
        self.clock = clock
        self.started = clock()
        self.files = self.files_done = self.pages = 0
        self.bytes = self.bytes_done = self.bytes_before = 0.0
        self._shown = 0.0
        self._line_open = False

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        """Receive one event of the run."""
        if event == "start":
            self.files, self.bytes = int(data["files"]), float(data["bytes"])
            self.bytes_done = self.bytes_before = float(data["bytes_done"])
            self.started = self.clock()
        elif event == "chunk":
            self.pages += int(data["pages"])
            self.bytes_done += float(data["share"])
        elif event == "file":
            self.files_done += 1
            if data["state"] in ("failed", "partly"):
                self.warn(f"{data['path']}: {data['reason']}")
        elif event == "chunk_failed":
            self.warn(f"{data['path']} chunk {data['position']} failed: {data['reason']}")
        if self.log_json and event != "tick":
            self._json({"event": event, **data})
        elif self.interactive:
            self._progress(force=event == "file")

    def cluster(self, description: str, workers: int, dashboard: str | None) -> None:
        """Say where the work runs, with the Dask dashboard's address."""
        if self.log_json:
            self._json({"event": "cluster", "cluster": description, "workers": workers,
                        "dashboard": dashboard})
            return
        where = f"dask dashboard: {dashboard}" if dashboard else "no dashboard (pip install bokeh)"
        click.echo(f"{description}, {workers} worker(s); {where}", file=self.stream)

    def rate(self) -> float:
        """Pages per second over this run."""
        elapsed = self.clock() - self.started
        return self.pages / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left, from the share of input bytes done in this run so far."""
        elapsed = self.clock() - self.started
        done_now = self.bytes_done - self.bytes_before
        left = self.bytes - self.bytes_done
        if done_now <= 0 or elapsed <= 0:
            return None
        return max(left, 0.0) * elapsed / done_now

    def progress_line(self) -> str:
        """Return the progress line: files, pages, rate, share done and ETA."""
        share = self.bytes_done / self.bytes if self.bytes else 1.0
        eta = self.eta()
        return (f"ingest: files {self.files_done}/{self.files}  pages {self.pages:,}  "
                f"{self.rate():,.0f} pages/s  {share:4.0%}  ETA {_duration(eta)}")

    def _progress(self, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self._shown < REFRESH_SECONDS:
            return
        self._shown = now
        self.stream.write("\r\x1b[2K" + self.progress_line())
        self.stream.flush()
        self._line_open = True

    def _end_line(self) -> None:
        if self._line_open:
            self.stream.write("\n")
            self._line_open = False

    def warn(self, message: str) -> None:
        """Print a warning on stderr (cron mails it)."""
        self._end_line()
        click.echo(f"warning: {message}", err=True)

    def error(self, message: str, exit_status: int) -> None:
        """Report why the run could not start or go on."""
        self._end_line()
        if self.log_json:
            self._json({"event": "error", "message": message, "exit_status": exit_status})
        else:
            click.echo(f"error: {message}", err=True)

    def finish(self, report: IngestReport) -> None:
        """Print the one summary line (or the JSON summary)."""
        self._end_line()
        if self.log_json:
            self._json({"event": "summary", "run_id": report.run_id, **report.counts,
                        "records": report.records, "files": dict(report.files),
                        "filtered": dict(report.filtered), "chunks_failed": report.chunks_failed,
                        "pages_per_second": round(self.rate(), 1),
                        "exit_status": report.exit_status})
            return
        click.echo(summary_line(report, self.rate()), file=self.stream)

    def _json(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()


def summary_line(report: IngestReport, rate: float) -> str:
    """Return the run in one line: files, pages, what was stored, what failed or was filtered."""
    files = report.files
    states = ", ".join(f"{files[name]} {name}" for name in ("done", "partly", "skipped", "failed")
                       if files[name])
    counts = report.counts
    line = (f"ingest run {report.run_id}: {sum(files.values())} file(s) ({states or 'none'}), "
            f"{counts['discovered']:,} HTML pages, {counts['new']:,} new, "
            f"{counts['updated']:,} updated, {counts['unchanged']:,} unchanged, "
            f"{counts['failed']:,} failed")
    filtered = sum(report.filtered.values())
    if filtered:
        line += f", {filtered:,} filtered ({', '.join(f'{n:,} {k}' for k, n in sorted(report.filtered.items()))})"
    if report.chunks_failed:
        line += f", {report.chunks_failed} chunk(s) failed"
    return line + f"; {rate:,.0f} pages/s"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "--"
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"

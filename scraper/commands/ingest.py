"""`scraper ingest WARC_OR_GLOB...`: web archives others wrote, extracted into the database."""

from __future__ import annotations

import re
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import ConfigError
from ..ingest import Ingest, build_filters, resolve_inputs
from ..ingest.warcs import CHUNK_PAGES
from ..lock import RunLock
from ..rules import rules_for
from ..store import Store
from .cluster_options import cluster_option, executor_for
from .crawl import run_guarded
from .ingest_output import IngestOutput
from .options import WHEN_HELP, RecordedCommand, WhenType, given_arguments, selectors_option

EXIT_INTERRUPTED = 130
DEFAULT_SETTINGS = Settings()
_DAY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


class UntilType(WhenType):
    """--until: like --since, and a bare date (YYYY-MM-DD) counts as its whole day."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[datetime, bool]:
        """Return (the time, whether it was a bare date)."""
        if isinstance(value, tuple):
            return value
        return super().convert(value, param, ctx), bool(_DAY.match(str(value)))


@click.command("ingest", cls=RecordedCommand)
@click.argument("inputs", nargs=-1, required=True, metavar="WARC_OR_GLOB...")
@click.option("--host", "hosts", multiple=True,
              help="Keep pages of this host and its subdomains (www. ignored); repeatable.")
@click.option("--sites", "sites_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Keep pages of the sites of this sites file (TOML; stored under each site's "
                   "name) or of the hosts of a text file (one a line).")
@click.option("--site", "site_names", multiple=True,
              help="Only this site of the sites file (default sites.toml); repeatable.")
@click.option("--since", type=WhenType(),
              help="Keep articles published at or after this: " + WHEN_HELP)
@click.option("--until", type=UntilType(),
              help="Keep articles published at or before this (a date counts as its whole day).")
@click.option("--language", "languages", multiple=True,
              help="Keep articles in this language (ISO 639-1: en, de); repeatable or 'en,de'.")
@click.option("--db", "db_path", type=click.Path(path_type=Path), default=Path("data/articles.db"),
              show_default=True, help="SQLite database.")
@selectors_option
@click.option("--workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Local extraction processes (0: in this process). Not with --cluster.")
@cluster_option
@click.option("--extraction-timeout", type=click.FloatRange(min=0),
              default=DEFAULT_SETTINGS.extraction_timeout, show_default=True,
              help="Seconds one page may take to extract (in a helper process of the worker, "
                   "stopped then) before it is recorded as failed; 0 for none.")
@click.option("--chunk-pages", type=click.IntRange(min=1), default=CHUNK_PAGES, show_default=True,
              help="HTML pages per unit of work, when a file is planned the first time.")
@click.option("--log-json", is_flag=True, help="Log one JSON object per event and a summary.")
def ingest_command(inputs: tuple[str, ...], hosts: tuple[str, ...], sites_file: Path | None,
                   site_names: tuple[str, ...], since: datetime | None,
                   until: tuple[datetime, bool] | None, languages: tuple[str, ...],
                   db_path: Path, selectors_dir: Path | None, workers: int, cluster: str | None,
                   extraction_timeout: float, chunk_pages: int, log_json: bool) -> None:
    """Extract the HTML pages of WARC files (CC-NEWS, Heritrix, Browsertrix, wget, ours) into
    the database, as a crawl stores them; run again, it resumes where it stopped.

    Keeps responses with status 200 and an HTML type (no revisits); each article's fetch row
    names the WARC file and offset. Exit status: 0 all went well, 1 some pages, chunks or files
    failed, 2 usage error, 3 another run holds the lock, 130 interrupted.
    """
    output = IngestOutput(log_json=log_json)

    def body() -> int:
        if cluster and workers:
            raise ConfigError("give --workers (local processes) or --cluster, not both")
        filters = build_filters(
            hosts=hosts, sites_file=sites_file, site_names=site_names, since=since,
            until=until[0] if until else None, until_is_day=bool(until and until[1]),
            languages=tuple(code for item in languages for code in item.split(",")))
        paths = resolve_inputs(inputs)
        rules = rules_for(selectors_dir)
        with RunLock(db_path), Store.open(db_path) as store, \
                executor_for(cluster, workers, output.cluster) as executor:
            ingest = Ingest(store, executor, rules, filters, output, chunk_pages=chunk_pages,
                            extraction_timeout=extraction_timeout)
            report = ingest.run(paths, given_arguments())
        output.finish(report)
        return report.exit_status

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        run_guarded(body, output)  # type: ignore[arg-type]
    except KeyboardInterrupt:
        output.error("interrupted; what was stored is kept: run the same command to resume",
                     EXIT_INTERRUPTED)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM (a supervisor, `kill PID`) stops an ingest as Ctrl+C does: cleanly."""
    raise KeyboardInterrupt


COMMANDS = [ingest_command]

"""Database commands: search, stats, export, schema, history (serve is in serve.py).

Each command opens the database and calls one library function; library errors become
click.ClickException here and nowhere else.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ConfigError, QueryError, ScraperError
from ..printable import printable, printable_line
from ..store import Store
from ..store.connection import connect
from ..store.core import refused
from ..store.docs import datasette_metadata, render_markdown, render_sql, render_text
from ..store.export import FORMATS, write_export
from ..store.migrations import migration_status
from ..store.parquet_export import write_parquet
from ..store.query import hints
from ..store.search import ORDERS, SearchHit
from ..store.wordiff import CONTEXT_WORDS, count_changes, diff_words, render_word_diff
from .options import WHEN, WHEN_HELP, check_site_names, day_of
from .streams import output_file

DEFAULT_DB = Path("data/articles.db")
BOLD = ("\x1b[1m", "\x1b[0m")
BRACKETS = ("[", "]")

F = TypeVar("F", bound=Callable[..., Any])


class UsageProblem(click.ClickException):
    """A one-line error with the usage/configuration exit code (2)."""

    exit_code = 2


def db_option(function: F) -> F:
    """Add the shared --db option."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                        default=DEFAULT_DB, show_default=True, metavar="PATH",
                        help="SQLite database file.")(function)


def json_option(function: F) -> F:
    """Add the shared --json flag."""
    return click.option("--json", "as_json", is_flag=True,
                        help="Print JSON instead of text.")(function)


@contextmanager
def open_store(db_path: Path) -> Iterator[Store]:
    """Open an existing database; a missing file or library error becomes a one-line error."""
    if not db_path.is_file():
        raise UsageProblem(f"no database at {db_path}: run a crawl first, or pass --db PATH")
    with library_errors():
        store = Store.open(db_path, create=False)
    try:
        with library_errors(), refused(None, db_path):
            yield store
    finally:
        store.close()


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn ScraperError into click.ClickException (the CLI boundary): exit 2 for a usage or
    configuration error, 1 for the rest."""
    try:
        yield
    except (ConfigError, QueryError) as error:
        raise UsageProblem(error.describe()) from error
    except ScraperError as error:
        raise click.ClickException(error.describe()) from error


def require_site(store: Store, site: str | None) -> None:
    """Refuse (exit 2) a --site the database does not hold, naming the sites it does."""
    if site is not None:
        check_site_names([site], store.site_names(), f"the database {store.path}")


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _markers(as_json: bool) -> tuple[str, str]:
    if as_json:
        return BRACKETS
    return BOLD if sys.stdout.isatty() else BRACKETS


def _print_hit(hit: SearchHit) -> None:
    date = printable_line((hit.published_at or "no date")[:10])
    site = f"  ({printable_line(hit.site)})" if hit.site else ""
    click.echo(f"{date:<10}  {printable_line(hit.headline or '(no headline)')}{site}")
    click.echo(f"            {' '.join(hit.snippet.split())}")  # the store made it printable
    click.echo(f"            {printable_line(hit.url)}")


@click.command()
@click.argument("query")
@click.option("--site", help="Only articles of this site key.")
@click.option("--since", type=WHEN, help="Only articles published on or after this day: "
              + WHEN_HELP)
@click.option("--until", type=WHEN, help="Only articles published on or before this day: "
              + WHEN_HELP)
@click.option("--author", help="Only articles by an author whose name contains this.")
@click.option("--speaker", help="Only articles quoting a speaker whose name contains this.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Most articles shown.")
@click.option("--sort", "order", type=click.Choice(list(ORDERS)), default="rank",
              show_default=True, help="Best match first, or newest first.")
@click.option("--raw", is_flag=True,
              help="QUERY is FTS5 syntax, passed through (NEAR, column filters such as "
                   "headline:), on the word index only.")
@json_option
@db_option
def search(query: str, site: str | None, since: Any, until: Any, author: str | None,
           speaker: str | None, limit: int, order: str, raw: bool, as_json: bool,
           db_path: Path) -> None:
    """Full-text search over headlines, bodies, quotes and speakers.

    Words and "quoted phrases" must all match; word* matches a prefix; harbour OR tram
    matches either; tram NOT hospital (or tram -hospital) leaves out articles holding
    hospital; parentheses group. Operators are in capitals. Case and accents are ignored; in
    Chinese, Japanese, Korean or Thai text any run of characters is found. Matched words are
    shown [like this] (bold on a terminal).
    """
    with open_store(db_path) as store:
        require_site(store, site)
        hits = store.search(query, limit=limit, site=site, since=day_of(since), until=day_of(until),
                            author=author, speaker=speaker, raw=raw, order=order,
                            markers=_markers(as_json))
    if as_json:
        _echo_json([dataclasses.asdict(hit) for hit in hits])
        return
    if not hits:
        click.echo("No articles match.")
        for advice in hints(query, raw):
            click.echo(f"hint: {advice}", err=True)
    for hit in hits:
        _print_hit(hit)


def _rows_table(rows: list[dict[str, Any]], columns: list[str]) -> list[str]:
    cells = [[("" if row.get(c) is None else str(row.get(c))) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  " + "  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  " + "  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return lines


def _run_line(run: dict[str, Any] | None) -> str:
    if not run:
        return "Last crawl: none recorded"
    end = run["finished_at"] or "did not finish"
    return (f"Last crawl: #{run['id']} {run['started_at']} -> {end}, exit {run['exit_status']}: "
            f"{run['pages_discovered']} discovered, {run['pages_fetched']} fetched, "
            f"{run['pages_unchanged']} unchanged, {run['pages_failed']} failed, "
            f"{run['articles_new']} new, {run['articles_updated']} updated"
            + (f" ({run['stopped_early']})" if run.get("stopped_early") else ""))


def render_stats(summary: dict[str, Any]) -> str:
    """Return the stats summary as plain text."""
    totals, dates = summary["totals"], summary["dates"]
    lines = [
        (f"Articles: {totals['articles']} on {len(summary['sites'])} site(s); "
         f"{totals['earlier_versions']} earlier version(s); {totals['quotes']} quotes, "
         f"{totals['images']} images, {totals['authors']} authors"),
        (f"Published: {dates['first_published'] or '-'} .. {dates['last_published'] or '-'} "
         f"({dates['articles_dated']} dated); seen {dates['first_seen'] or '-'} .. "
         f"{dates['last_seen'] or '-'}"),
        _run_line(summary["last_run"]),
        f"Fetches: {totals['fetches']}, failed {totals['failed_fetches']}",
    ]
    if summary["frontier"]:
        lines.append("Frontier: " + ", ".join(f"{k} {v}" for k, v in summary["frontier"].items()))
    if summary["sites"]:
        lines += ["", "Articles per site:"]
        lines += _rows_table(summary["sites"], ["site", "articles", "first_published",
                                                "last_published", "last_seen"])
    if summary.get("last_run_cuts"):
        lines += ["", "Discovery cut short in the last crawl:"]
        lines += _rows_table(summary["last_run_cuts"], ["site", "reason", "url"])
    if summary["failures"]:
        lines += ["", "Failures by reason:"]
        lines += _rows_table(summary["failures"], ["fetches", "reason", "last_seen"])
    return "\n".join(lines)


@click.command()
@json_option
@db_option
def stats(as_json: bool, db_path: Path) -> None:
    """Summarize: articles per site, dates covered, the last crawl, failures by reason."""
    with open_store(db_path) as store:
        summary = store.stats()
    if as_json:
        _echo_json(summary)
    else:
        click.echo(printable(render_stats(summary)))


@click.command()
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "parquet"]), default="jsonl",
              show_default=True, help="One JSON record per line, CSV, or Parquet files "
                                      "(articles, quotes, images, links) in the -o folder.")
@click.option("--since", type=WHEN, help="Only articles published on or after this day: "
              + WHEN_HELP)
@click.option("--until", type=WHEN, help="Only articles published on or before this day: "
              + WHEN_HELP)
@click.option("--site", help="Only articles of this site key.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default="-",
              help="Write to this file instead of standard output (parquet: this folder).")
@db_option
def export(fmt: str, since: Any, until: Any, site: str | None, output: str,
           db_path: Path) -> None:
    """Stream articles with their authors, images, quotes, links and tags, one at a time."""
    if fmt == "parquet":
        _export_parquet(output, db_path, day_of(since), day_of(until), site)
        return
    if output != "-" and Path(output).is_dir():
        raise UsageProblem(f"{output} is a folder; -o names a file for --format {fmt}")
    with open_store(db_path) as store:
        require_site(store, site)
        with output_file(output) as out:
            count = write_export(store.db, out, fmt, since=day_of(since), until=day_of(until),
                                 site=site)
    click.echo(f"exported {count} article(s)", err=True)


def _export_parquet(output: str, db_path: Path, since: str | None, until: str | None,
                    site: str | None) -> None:
    """Write the Parquet files into the -o folder."""
    if output == "-":
        raise UsageProblem("--format parquet writes four files: give a folder with -o FOLDER")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{output} is a file; --format parquet needs a folder")
    with open_store(db_path) as store:
        require_site(store, site)
        counts = write_parquet(store.db, folder, since=since, until=until, site=site)
    click.echo(f"exported {counts['articles']} article(s), {counts['quotes']} quote(s), "
               f"{counts['images']} image(s), {counts['links']} link(s) to {folder}/", err=True)


def _migrations_line(db_path: Path) -> str:
    if not db_path.is_file():
        return f"Database {db_path}: not created yet."
    with refused(None, db_path):
        db = connect(db_path, create=False, upgrade=False)
        try:
            status = migration_status(db)
        finally:
            db.close()
    pending = [name for name, applied in status if applied is None]
    applied = len(status) - len(pending)
    more = f"; pending: {', '.join(pending)}" if pending else ""
    return f"Database {db_path}: {applied} of {len(status)} migrations applied{more}."


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "sql", "datasette"]),
              default="text", show_default=True,
              help="Plain text, Markdown, the SQL DDL, or Datasette metadata JSON.")
@db_option
def schema(fmt: str, db_path: Path) -> None:
    """Describe every table, view and column of the database."""
    if fmt == "datasette":
        _echo_json(datasette_metadata(db_path.stem))
    elif fmt == "markdown":
        click.echo(render_markdown(), nl=False)
    elif fmt == "sql":
        click.echo(render_sql(), nl=False)
    else:
        with library_errors():
            click.echo(render_text() + "\n" + _migrations_line(db_path))


def _version_label(version: Any) -> str:
    state = "current" if version.current else f"until {version.seen_until}"
    return f"v{version.version}  seen {version.seen_from} .. {state}"


@click.command()
@click.argument("url")
@click.option("--context", type=click.IntRange(min=0), default=CONTEXT_WORDS,
              show_default=True, help="Unchanged words shown around each change.")
@json_option
@db_option
def history(url: str, context: int, as_json: bool, db_path: Path) -> None:
    """List the versions of an article with a word-level diff between each."""
    with open_store(db_path) as store:
        versions = store.history(url)
    if not versions:
        raise UsageProblem(f"no article with url {url} in {db_path}")
    if as_json:
        _echo_json(_history_json(versions))
        return
    click.echo(f"{len(versions)} version(s) of {printable_line(url)}")
    for before, after in zip([None, *versions], versions):
        click.echo("")
        click.echo(_version_label(after) + f"  {printable_line(after.headline or '(no headline)')}")
        if before is None:
            continue
        if before.headline != after.headline:
            headline = diff_words(before.headline or "", after.headline or "")
            click.echo(f"  headline: {printable_line(render_word_diff(headline, context))}")
        changes = diff_words(before.body, after.body)
        added, removed = count_changes(changes)
        click.echo(f"  body: +{added} -{removed} words")
        if added or removed:
            click.echo("  " + printable_line(render_word_diff(changes, context)))


def _history_json(versions: list[Any]) -> list[dict[str, Any]]:
    entries = []
    for before, after in zip([None, *versions], versions):
        entry = dataclasses.asdict(after)
        if before is not None:
            changes = diff_words(before.body, after.body)
            entry["words_added"], entry["words_removed"] = count_changes(changes)
            entry["diff"] = render_word_diff(changes)
        entries.append(entry)
    return entries


COMMANDS: list[click.Command] = [search, stats, export, schema, history]

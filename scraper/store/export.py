"""Streaming exports: one article at a time from a database cursor, never all in memory."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sqlite_utils import Database

from ..errors import StoreError
from .children import CHILD_JSON_SQL
from .timeutil import date_bounds

ARTICLE_FIELDS = ("id", "site", "url", "canonical_url", "site_name", "headline",
                  "published_at", "published_at_source", "modified_at", "modified_at_source",
                  "language", "source", "word_count", "version", "first_seen_at", "last_seen_at",
                  "body")
CHILD_FIELDS = tuple(CHILD_JSON_SQL)
# CSV columns: scalar fields, lists of names joined with LIST_SEPARATOR, nested lists as JSON.
CSV_FIELDS = ARTICLE_FIELDS[:-1] + CHILD_FIELDS + ("body",)
NAME_LISTS = ("authors", "tags")
LIST_SEPARATOR = "; "
FORMATS = ("jsonl", "csv")
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"):
# such a cell gets a leading apostrophe, which spreadsheets show as text and do not display.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def article_filter(since: str | None, until: str | None,
                   site: str | None) -> tuple[str, dict[str, str]]:
    """Return the WHERE clause (over `articles a`, `sites s`) and parameters of the filters."""
    lower, upper = date_bounds(since, until)
    clauses, params = [], {}
    for clause, name, value in (("a.published_at >= :lower", "lower", lower),
                                ("a.published_at < :upper", "upper", upper),
                                ("s.name = :site", "site", site)):
        if value:
            clauses.append(clause)
            params[name] = value
    return " AND ".join(clauses) or "1", params


def iter_articles(db: Database, *, since: str | None = None, until: str | None = None,
                  site: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield stored articles as records (children included), in id order, lazily."""
    where, params = article_filter(since, until, site)
    columns = ", ".join("s.name AS site" if field == "site" else f"a.{field}"
                        for field in ARTICLE_FIELDS)
    children = ", ".join(f"{sql} AS {key}" for key, sql in CHILD_JSON_SQL.items())
    cursor = db.conn.execute(
        f"SELECT {columns}, {children} FROM articles a"
        f" LEFT JOIN sites s ON s.id = a.site_id WHERE {where} ORDER BY a.id", params)
    names = [description[0] for description in cursor.description]
    for row in cursor:
        record = dict(zip(names, row))
        for key in CHILD_FIELDS:
            record[key] = json.loads(record[key])
        yield record


def jsonl_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """Yield one JSON object per line."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


def spreadsheet_safe(value: Any) -> Any:
    """Return a text cell a spreadsheet cannot run as a formula (numbers pass unchanged)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """Yield CSV text: a header, then one row per record, every text cell spreadsheet-safe."""
    buffer = io.StringIO()
    # RFC 4180 line ends: with "\n" alone, the csv module leaves a cell holding "\r" unquoted,
    # and a reader splits the row there.
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = dict(record)
        for key in CHILD_FIELDS:
            row[key] = (LIST_SEPARATOR.join(row[key]) if key in NAME_LISTS
                        else json.dumps(row[key], ensure_ascii=False))
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def write_export(db: Database, out: TextIO, fmt: str, *, since: str | None = None,
                 until: str | None = None, site: str | None = None) -> int:
    """Stream the selected articles to `out` as jsonl or csv; return how many were written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for record in iter_articles(db, since=since, until=until, site=site):
            count += 1
            yield record

    lines = jsonl_lines(counted()) if fmt == "jsonl" else csv_lines(counted())
    out.writelines(lines)
    return count

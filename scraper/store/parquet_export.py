"""Parquet export: articles, quotes, images and links as four files, streamed (pyarrow lives here).

Each file is written a batch of rows at a time (one Parquet row group per batch) from a
database cursor, so memory stays bounded by the batch, not the archive. A file is written
under a temporary name and renamed when complete: an interrupted export leaves no half file
under the final name. DuckDB, pandas, Polars and Spark read the files directly; the quotes,
images and links files carry `article_id`, which joins them to `articles.id`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import StoreError
from .children import CHILD_JSON_SQL
from .export import article_filter

BATCH_ROWS = 5_000
COMPRESSION = "zstd"
TEXT, INTEGER, NAMES = "text", "integer", "names"


@dataclass(frozen=True)
class ParquetTable:
    """One exported file: its columns (name, SQL expression, kind) over the selected articles."""

    name: str
    columns: tuple[tuple[str, str, str], ...]
    source: str   # FROM ... (joined to `articles a` and `sites s`)
    order: str


ARTICLES = ParquetTable("articles", (
    ("id", "a.id", INTEGER), ("site", "s.name", TEXT), ("url", "a.url", TEXT),
    ("canonical_url", "a.canonical_url", TEXT), ("site_name", "a.site_name", TEXT),
    ("headline", "a.headline", TEXT), ("published_at", "a.published_at", TEXT),
    ("published_at_source", "a.published_at_source", TEXT),
    ("modified_at", "a.modified_at", TEXT), ("modified_at_source", "a.modified_at_source", TEXT),
    ("language", "a.language", TEXT), ("source", "a.source", TEXT),
    ("authors", CHILD_JSON_SQL["authors"], NAMES), ("tags", CHILD_JSON_SQL["tags"], NAMES),
    ("word_count", "a.word_count", INTEGER), ("version", "a.version", INTEGER),
    ("content_hash", "a.content_hash", TEXT), ("extractor_version", "a.extractor_version", TEXT),
    ("first_seen_at", "a.first_seen_at", TEXT), ("last_seen_at", "a.last_seen_at", TEXT),
    ("fetch_id", "a.fetch_id", INTEGER), ("body", "a.body", TEXT),
), "articles a LEFT JOIN sites s ON s.id = a.site_id", "a.id")

QUOTES = ParquetTable("quotes", (
    ("article_id", "c.article_id", INTEGER), ("position", "c.position", INTEGER),
    ("text", "c.text", TEXT), ("speaker", "c.speaker", TEXT),
), "quotes c JOIN articles a ON a.id = c.article_id LEFT JOIN sites s ON s.id = a.site_id",
    "c.article_id, c.position")

IMAGES = ParquetTable("images", (
    ("article_id", "c.article_id", INTEGER), ("position", "c.position", INTEGER),
    ("url", "c.url", TEXT), ("caption", "c.caption", TEXT), ("credit", "c.credit", TEXT),
    ("photographer", "c.photographer", TEXT), ("credit_source", "c.credit_source", TEXT),
), "images c JOIN articles a ON a.id = c.article_id LEFT JOIN sites s ON s.id = a.site_id",
    "c.article_id, c.position")

LINKS = ParquetTable("links", (
    ("article_id", "c.article_id", INTEGER), ("position", "c.position", INTEGER),
    ("url", "c.url", TEXT), ("title", "c.title", TEXT), ("kind", "c.kind", TEXT),
), "links c JOIN articles a ON a.id = c.article_id LEFT JOIN sites s ON s.id = a.site_id",
    "c.article_id, c.kind, c.position")

TABLES = (ARTICLES, QUOTES, IMAGES, LINKS)


def write_parquet(db: Database, folder: Path, *, since: str | None = None,
                  until: str | None = None, site: str | None = None,
                  batch_rows: int = BATCH_ROWS) -> dict[str, int]:
    """Write FOLDER/{articles,quotes,images,links}.parquet; return the rows written per file."""
    try:
        import pyarrow  # noqa: F401 - only to say what is missing
    except ImportError as error:
        raise StoreError("Parquet export needs pyarrow: pip install 'scraper[parquet]'") from error
    where, params = article_filter(since, until, site)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create {folder}: {error}") from error
    return {table.name: _write_table(db, folder, table, where, params, batch_rows)
            for table in TABLES}


def _write_table(db: Database, folder: Path, table: ParquetTable, where: str,
                 params: dict[str, Any], batch_rows: int) -> int:
    """Stream one table's selected rows into its file, a batch (row group) at a time."""
    from pyarrow import parquet

    schema = _schema(table)
    final = folder / f"{table.name}.parquet"
    partial = folder / f".{table.name}.parquet.part"
    columns = ", ".join(f"{sql} AS {name}" for name, sql, _ in table.columns)
    cursor = db.conn.execute(f"SELECT {columns} FROM {table.source} WHERE {where}"
                             f" ORDER BY {table.order}", params)
    rows = 0
    try:
        with parquet.ParquetWriter(partial, schema, compression=COMPRESSION) as writer:
            for batch in _batches(cursor, batch_rows):
                writer.write_batch(_record_batch(table, schema, batch))
                rows += len(batch)
        os.replace(partial, final)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write {final}: {error}") from error
    return rows


def _batches(cursor: Any, size: int) -> Iterator[list[tuple[Any, ...]]]:
    while batch := cursor.fetchmany(size):
        yield batch


def _schema(table: ParquetTable) -> Any:
    import pyarrow

    kinds = {TEXT: pyarrow.string(), INTEGER: pyarrow.int64(),
             NAMES: pyarrow.list_(pyarrow.string())}
    return pyarrow.schema([(name, kinds[kind]) for name, _, kind in table.columns])


def _record_batch(table: ParquetTable, schema: Any, batch: list[tuple[Any, ...]]) -> Any:
    """Turn rows into one Arrow record batch, column by column."""
    import pyarrow

    arrays = []
    for index, (_, _, kind) in enumerate(table.columns):
        values = [row[index] for row in batch]
        if kind == NAMES:
            values = [json.loads(value) if value else [] for value in values]
        arrays.append(pyarrow.array(values, type=schema.field(index).type))
    return pyarrow.RecordBatch.from_arrays(arrays, schema=schema)

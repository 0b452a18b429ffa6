"""Documentation rendered from schema.py: plain text, Markdown, SQL and Datasette metadata."""

from __future__ import annotations

import re
from typing import Any

from .migrations import STEP_NAMES
from .schema import (
    ARTICLE_INDEXES,
    INDEXES,
    TABLES,
    TRIGRAM_TERMS,
    TRIGRAM_TERMS_SQL,
    VIEW_DEFINITIONS,
    documented_tables,
)
from .schema_model import Column, Table
from .search_text import INDEXED_BODY_CHARS, INDEXED_QUOTES

TITLE = "scraper: articles database"
INTRO = ("One row per article (canonical URL) with its authors, images, quotes, links and tags; "
         "every fetch and crawl run; the crawl frontier; earlier versions of changed articles. "
         "Times are ISO 8601 UTC text; article dates are as the page published them.")
FULL_TEXT_NOTE = (
    "Full-text search (FTS5) has one document per article, so AND, OR and NOT apply to the "
    "whole article: its headline, the first "
    f"{INDEXED_BODY_CHARS:,} characters of its body, its first {INDEXED_QUOTES} quotes and "
    "their speakers (the search_text view shows exactly that). articles_fts indexes words "
    "(case and accents ignored); articles_trigram indexes the articles that have text in a "
    "script written without spaces (Chinese, Japanese, Korean, Thai ...) by trigrams. "
    "Triggers on articles and quotes keep both in sync. Search with MATCH, e.g. "
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'nato NOT japan'.")
# Datasette: tables and views searchable through a full-text index (-> (fts table, key column)).
DATASETTE_SEARCH = {"articles": ("articles_fts", "id")}
DATASETTE_SEARCH_QUERY = """
SELECT a.id, a.headline, a.published_at, a.canonical_url,
       snippet(articles_fts, -1, '[', ']', '…', 16) AS snippet
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts, 10.0, 1.0, 1.0, 1.0) LIMIT 100
""".strip()

_REFERENCE = re.compile(r"REFERENCES\s+(\w+)\((\w+)\)", re.IGNORECASE)


def column_note(column: Column) -> str:
    """Return the column's description with its foreign key, if any."""
    match = _REFERENCE.search(column.sql)
    return f"{column.description} (-> {match[1]}.{match[2]})" if match else column.description


def column_type(column: Column) -> str:
    """Return the column's storage type (the first word of its SQL), or '' for views."""
    return column.sql.split()[0] if column.sql else ""


def _kind(table: Table) -> str:
    if any(view.name == table.name for view in VIEW_DEFINITIONS):
        return "view"
    if any(index.name == table.name for index in ARTICLE_INDEXES) or table.name == TRIGRAM_TERMS:
        return "full-text index"
    return "table"


def render_text() -> str:
    """Return every table, view and column, described, as plain text."""
    lines = [TITLE, "", INTRO, ""]
    for table in documented_tables():
        lines.append(f"{table.name} ({_kind(table)}): {table.description}")
        width = max(len(column.name) for column in table.columns)
        for column in table.columns:
            lines.append(f"  {column.name:<{width}}  {column_type(column):<7}  "
                         f"{column_note(column)}".rstrip())
        lines.append("")
    lines += [FULL_TEXT_NOTE, "", "Indexes:"]
    lines += [f"  {index.name}: {index.table}({', '.join(index.columns)}) for {index.purpose}"
              for index in INDEXES]
    return "\n".join(lines) + "\n"


def render_markdown() -> str:
    """Return the same documentation as Markdown tables."""
    lines = [f"# {TITLE}", "", INTRO, ""]
    for table in documented_tables():
        lines += [f"## `{table.name}` ({_kind(table)})", "", table.description, "",
                  "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{column.name}` | {column_type(column)} | {column_note(column)} |"
                  for column in table.columns]
        lines.append("")
    lines += ["## Full-text search", "", FULL_TEXT_NOTE, "", "## Indexes", ""]
    lines += [f"- `{index.name}` on `{index.table}({', '.join(index.columns)})`: {index.purpose}"
              for index in INDEXES]
    return "\n".join(lines) + "\n"


def render_sql() -> str:
    """Return the DDL of the latest schema, with a comment on every column."""
    latest = max(STEP_NAMES)
    statements = [table.create_sql(latest) for table in TABLES]
    statements += [index.create_sql() for index in INDEXES]
    statements += [view.create_sql() for view in VIEW_DEFINITIONS]
    for index in ARTICLE_INDEXES:
        statements += [index.create_sql(), *index.trigger_sql()]
    statements.append(TRIGRAM_TERMS_SQL)
    return ";\n\n".join(statements) + ";\n"


def _datasette_table(table: Table) -> dict[str, Any]:
    entry: dict[str, Any] = {"description": table.description,
                             "columns": {c.name: column_note(c) for c in table.columns}}
    if table.name in DATASETTE_SEARCH:
        entry["fts_table"], entry["fts_pk"] = DATASETTE_SEARCH[table.name]
    return entry


def datasette_metadata(database: str) -> dict[str, Any]:
    """Return Datasette metadata describing every table and column of `database`."""
    tables = {table.name: _datasette_table(table) for table in documented_tables()}
    return {
        "title": TITLE,
        "description": INTRO,
        "databases": {database: {
            "description": INTRO,
            "tables": tables,
            "queries": {"search_articles": {
                "title": "Search headlines, bodies and quotes",
                "description": "Full-text search (FTS5 syntax) ranked by relevance.",
                "sql": DATASETTE_SEARCH_QUERY,
            }},
        }},
    }


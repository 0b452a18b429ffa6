"""The vocabulary the schema is written in, and the SQL each piece renders to.

A piece of schema says which migration step introduced it (``since``), so the migrations are
derived from the one documented source instead of repeating it in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One documented column: name, SQL type with constraints, meaning, and the step adding it."""

    name: str
    sql: str
    description: str
    since: int | None = None  # None: created with its table

    def definition(self) -> str:
        """Return the column definition as it appears in CREATE TABLE / ADD COLUMN."""
        return f"{self.name} {self.sql}".strip()


@dataclass(frozen=True)
class Table:
    """One documented table with its columns and table-level constraints."""

    name: str
    description: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()
    since: int = 1

    def column_since(self, column: Column) -> int:
        """Return the migration step that added the column."""
        return column.since if column.since is not None else self.since

    def create_sql(self, step: int) -> str:
        """Return CREATE TABLE for the columns that exist at `step`, each with its comment."""
        lines = [col for col in self.columns if self.column_since(col) <= step]
        parts = [f"  {col.definition()}" for col in lines] + [f"  {c}" for c in self.constraints]
        comments = [f" -- {col.description}" for col in lines] + [""] * len(self.constraints)
        body = [
            part + ("," if index < len(parts) - 1 else "") + comments[index]
            for index, part in enumerate(parts)
        ]
        return f"CREATE TABLE {self.name} ( -- {self.description}\n" + "\n".join(body) + "\n)"


@dataclass(frozen=True)
class Index:
    """An index for one of the common queries."""

    name: str
    table: str
    columns: tuple[str, ...]
    purpose: str
    unique: bool = False
    since: int = 1

    def create_sql(self) -> str:
        """Return the CREATE INDEX statement."""
        unique = "UNIQUE " if self.unique else ""
        return f"CREATE {unique}INDEX {self.name} ON {self.table} ({', '.join(self.columns)})"


@dataclass(frozen=True)
class FullText:
    """An FTS5 index over columns of a table, kept in sync by triggers (external content)."""

    name: str
    table: str
    columns: tuple[Column, ...]
    description: str
    tokenizer: str = "unicode61 remove_diacritics 2"
    since: int = 1
    until: int | None = None  # the step that dropped it, if any

    def drop_sql(self) -> list[str]:
        """Return the statements that drop the index and its triggers."""
        triggers = [f"DROP TRIGGER IF EXISTS {self.name}_after_{event}"
                    for event in ("insert", "delete", "update")]
        return [*triggers, f"DROP TABLE IF EXISTS {self.name}"]

    def create_sql(self) -> str:
        """Return CREATE VIRTUAL TABLE; content="table" is the form Datasette detects."""
        names = ", ".join(col.name for col in self.columns)
        return (f'CREATE VIRTUAL TABLE {self.name} USING fts5({names}, content="{self.table}", '
                f'content_rowid="id", tokenize="{self.tokenizer}")')

    def trigger_sql(self) -> list[str]:
        """Return the insert/delete/update triggers that keep the index in sync."""
        names = [col.name for col in self.columns]
        cols = ", ".join(names)
        new_values = ", ".join(f"new.{name}" for name in names)
        old_values = ", ".join(f"old.{name}" for name in names)
        insert = f"INSERT INTO {self.name}(rowid, {cols}) VALUES (new.id, {new_values});"
        delete = (f"INSERT INTO {self.name}({self.name}, rowid, {cols}) "
                  f"VALUES ('delete', old.id, {old_values});")
        prefix = f"CREATE TRIGGER {self.name}_after"
        return [
            f"{prefix}_insert AFTER INSERT ON {self.table} BEGIN {insert} END",
            f"{prefix}_delete AFTER DELETE ON {self.table} BEGIN {delete} END",
            f"{prefix}_update AFTER UPDATE OF {cols} ON {self.table} BEGIN {delete} {insert} END",
        ]

    def rebuild_sql(self) -> str:
        """Return the statement that re-indexes every existing row."""
        return f"INSERT INTO {self.name}({self.name}) VALUES ('rebuild')"

    def as_table(self) -> Table:
        """Return the index as a documented table (its columns mirror the content table)."""
        return Table(self.name, self.description, self.columns, since=self.since)


@dataclass(frozen=True)
class View:
    """A saved query answering a common question, with its output columns documented."""

    name: str
    description: str
    select: str
    columns: tuple[Column, ...]
    since: int = 1

    def create_sql(self) -> str:
        """Return the CREATE VIEW statement."""
        return f"CREATE VIEW {self.name} AS -- {self.description}\n{self.select.strip()}"


@dataclass(frozen=True)
class ArticleIndex:
    """An FTS5 index with one row per article (rowid = articles.id), its text read from a view.

    The view builds each article's search document from the article and its quotes. Triggers
    on both tables keep the index in step: before a change they remove the document as the view
    shows it then, after the change they add it as the view shows it now. That is how an
    external-content index must be updated, and it is all plain SQL.
    """

    name: str
    source: str  # a view: id plus the indexed columns
    columns: tuple[Column, ...]
    description: str
    tokenizer: str
    quote_positions: int  # quotes at or past this position are not in the document
    pause_table: str  # while it has a row, the triggers do nothing (a save indexes by itself)
    since: int = 1

    def create_sql(self) -> str:
        """Return CREATE VIRTUAL TABLE reading its text from the source view."""
        names = ", ".join(col.name for col in self.columns)
        return (f'CREATE VIRTUAL TABLE {self.name} USING fts5({names}, content="{self.source}", '
                f'content_rowid="id", tokenize="{self.tokenizer}")')

    def remove_sql(self, ids: str) -> str:
        """Return the statement removing the documents of the article ids (SQL expressions)."""
        names = ", ".join(col.name for col in self.columns)
        return (f"INSERT INTO {self.name}({self.name}, rowid, {names}) SELECT 'delete', id, "
                f"{names} FROM {self.source} WHERE id IN ({ids});")

    def add_sql(self, ids: str) -> str:
        """Return the statement adding the documents of the article ids (SQL expressions)."""
        names = ", ".join(col.name for col in self.columns)
        return (f"INSERT INTO {self.name}(rowid, {names}) SELECT id, {names} "
                f"FROM {self.source} WHERE id IN ({ids});")

    def trigger_sql(self) -> list[str]:
        """Return the triggers on articles and quotes that keep the index in step."""
        limit = self.quote_positions
        # (event, condition, ids of the documents concerned, remove before?, add after?)
        events = (
            ("INSERT ON articles", "", "new.id", False, True),
            ("UPDATE OF headline, body ON articles", "", "old.id, new.id", True, True),
            ("DELETE ON articles", "", "old.id", True, False),
            ("INSERT ON quotes", f"new.position < {limit}", "new.article_id", True, True),
            ("UPDATE ON quotes", f"(old.position < {limit} OR new.position < {limit})",
             "old.article_id, new.article_id", True, True),
            ("DELETE ON quotes", f"old.position < {limit}", "old.article_id", True, True),
        )
        unpaused = f"NOT EXISTS (SELECT 1 FROM {self.pause_table})"
        statements = []
        for event, condition, ids, remove_before, add_after in events:
            verb, table = event.split()[0].lower(), event.split()[-1]
            when = " WHEN " + " AND ".join(part for part in (unpaused, condition) if part)
            name = f"{self.name}_{table[:-1]}_{verb}"
            if remove_before:
                statements.append(f"CREATE TRIGGER {name}_before BEFORE {event}{when} "
                                  f"BEGIN {self.remove_sql(ids)} END")
            if add_after:
                statements.append(f"CREATE TRIGGER {name}_after AFTER {event}{when} "
                                  f"BEGIN {self.add_sql(ids)} END")
        return statements

    def rebuild_sql(self) -> str:
        """Return the statement that indexes every document of the view afresh."""
        return f"INSERT INTO {self.name}({self.name}) VALUES ('rebuild')"

    def as_table(self) -> Table:
        """Return the index as a documented table."""
        return Table(self.name, self.description, self.columns, since=self.since)

"""Migrations: each step builds the schema pieces that name it, in one transaction.

The steps are derived from schema.py (every table, column, index, full-text index and view
says which step introduced it), so upgrading an existing database adds exactly what is new.
A change that cannot be expressed that way (a rename, a backfill) gets its own function here.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from .schema import (
    ARTICLE_INDEXES,
    CORE,
    FULL_TEXT,
    FULL_TEXT_INDEXES,
    INDEXES,
    INGEST,
    RUN_LIMITS,
    SEARCH,
    TABLES,
    TRIGRAM_TERMS_SQL,
    TRIGRAM_TERMS_TABLE,
    VERSIONS,
    VIEW_DEFINITIONS,
    VIEWS,
)

MIGRATION_SET = "scraper"

STEP_NAMES: dict[int, str] = {
    CORE: "001_core_tables",
    FULL_TEXT: "002_full_text_search",
    VERSIONS: "003_article_versions",
    VIEWS: "004_views",
    SEARCH: "005_article_search",
    RUN_LIMITS: "006_run_limits",
    INGEST: "007_ingest_progress",
}


def apply_step(db: Database, step: int) -> None:
    """Create the tables, columns, indexes, views and full-text indexes introduced at `step`."""
    for table in TABLES:
        if table.since == step:
            db.execute(table.create_sql(step))
        elif table.since < step:
            for column in table.columns:
                if table.column_since(column) == step:
                    db.execute(f"ALTER TABLE {table.name} ADD COLUMN {column.definition()}")
    for index in INDEXES:
        if index.since == step:
            db.execute(index.create_sql())
    for fts in FULL_TEXT_INDEXES:
        if fts.until == step:
            for statement in fts.drop_sql():
                db.execute(statement)
    for view in VIEW_DEFINITIONS:
        if view.since == step:
            db.execute(view.create_sql())
    _create_full_text(db, step)


def _create_full_text(db: Database, step: int) -> None:
    """Create and fill the full-text indexes introduced at `step`, with their triggers."""
    for fts in FULL_TEXT_INDEXES:
        if fts.since == step:
            db.execute(fts.create_sql())
            for trigger in fts.trigger_sql():
                db.execute(trigger)
            db.execute(fts.rebuild_sql())
    for index in ARTICLE_INDEXES:
        if index.since == step:
            db.execute(index.create_sql())
            for trigger in index.trigger_sql():
                db.execute(trigger)
            db.execute(index.rebuild_sql())
    if TRIGRAM_TERMS_TABLE.since == step:
        db.execute(TRIGRAM_TERMS_SQL)


def _register(migrations: Migrations, step: int, name: str) -> None:
    def migrate(db: Database) -> None:
        apply_step(db, step)

    migrate.__name__ = f"migrate_{name}"
    migrations(name=name)(migrate)


def build_migrations() -> Migrations:
    """Return the migration set, one migration per schema step, in order."""
    migrations = Migrations(MIGRATION_SET)
    for step, name in sorted(STEP_NAMES.items()):
        _register(migrations, step, name)
    return migrations


MIGRATIONS = build_migrations()


def migrate(db: Database, stop_before: str | None = None) -> None:
    """Apply every pending migration (or those before `stop_before`), each in a transaction."""
    MIGRATIONS.apply(db, stop_before=stop_before)


def migration_status(db: Database) -> list[tuple[str, str | None]]:
    """Return (name, applied_at or None) for every migration step."""
    applied = {m.name: m.applied_at for m in MIGRATIONS.applied(db)}
    return [(name, applied.get(name)) for _, name in sorted(STEP_NAMES.items())]

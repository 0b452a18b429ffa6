"""Indexing one article at once: what a save does instead of the per-row triggers.

The triggers (schema_model.ArticleIndex) re-index an article for every quote row written,
which for an article with many quotes is many times its whole text. A save instead removes
the article's documents, pauses the triggers while it writes the article and its quotes, and
adds the documents once. All of it happens inside the save's transaction, so a crash leaves
neither a pause nor a half-indexed article behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from .schema import ARTICLE_INDEXES, SEARCH_PAUSE


def remove_article(db: Database, article_id: int) -> None:
    """Remove the article's documents from the indexes, as the indexes hold them now."""
    for index in ARTICLE_INDEXES:
        db.execute(index.remove_sql("?"), [article_id])


def add_article(db: Database, article_id: int) -> None:
    """Add the article's documents to the indexes, as its rows read now."""
    for index in ARTICLE_INDEXES:
        db.execute(index.add_sql("?"), [article_id])


@contextmanager
def triggers_paused(db: Database) -> Iterator[None]:
    """Pause the full-text triggers (the caller holds the transaction and indexes after)."""
    db.execute(f"INSERT INTO {SEARCH_PAUSE.name} (id) VALUES (1)")
    try:
        yield
    finally:
        db.execute(f"DELETE FROM {SEARCH_PAUSE.name}")

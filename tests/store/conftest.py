"""Fixtures for the store tests: a real SQLite file per test and a sample article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scraper.models import Article, Image, Link, Provenance, Quote
from scraper.store import Store

BODY = (
    "Nato is reportedly planning to open a liaison office in Japan to coordinate with close "
    "partners across the Indo-Pacific region.\n\n"
    "A spokesperson for Nato, Oana Lungescu, declined to give details of the ongoing "
    "deliberations when contacted on Wednesday.\n\n"
    "We share the same values, she said."
)


def make_article(**changes: Any) -> Article:
    """Return a complete sample article; keyword arguments replace fields."""
    fields: dict[str, Any] = dict(  # noqa: C408 - reads like the Article's own fields
        url="https://news.example.com/2024/07/12/nato-japan/?utm_source=feed",
        canonical_url="https://news.example.com/2024/07/12/nato-japan/",
        site_name="Example News",
        headline="Nato plans liaison office in Japan",
        authors=("Jane Doe", "Ali Khan"),
        published_at="2024-07-12T09:30:00+02:00",
        modified_at="2024-07-12",
        language="en",
        body=BODY,
        images=(Image("https://news.example.com/img/tokyo.jpg", "Tokyo at night",
                      "Photo by Tianshu Liu on Unsplash", "Tianshu Liu", "Unsplash"),),
        quotes=(Quote("We share the same values", "Oana Lungescu"),
                Quote("ongoing deliberations", None)),
        related=(Link("https://news.example.com/2024/07/10/summit/", "Summit in Washington"),),
        tags=("NATO", "Japan"),
        source="The Guardian",
        provenance=Provenance(published_at_source="json-ld", modified_at_source="meta",
                              rules="wordpress", body_strategy="rules"),
    )
    fields.update(changes)
    return Article(**fields)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a database file that does not exist yet."""
    return tmp_path / "data" / "articles.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A migrated store in a real SQLite file."""
    with Store.open(db_path) as opened:
        yield opened


def count(store: Store, sql: str, params: list[Any] | None = None) -> int:
    """Return the single integer a counting query gives."""
    return int(store.db.execute(sql, params or []).fetchone()[0])


def fts_ok(store: Store) -> None:
    """Assert both full-text indexes agree with their content tables."""
    for index in ("articles_fts", "articles_trigram"):
        store.db.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

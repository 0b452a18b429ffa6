"""An article's child rows (authors, images, quotes, links, tags): written, replaced, read back."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..models import Article

RELATED = "related"

# The child arrays of a stored article as JSON, by correlated subqueries over `articles AS a`.
CHILD_JSON_SQL: dict[str, str] = {
    "authors": """(SELECT json_group_array(name) FROM (SELECT authors.name FROM article_authors
        JOIN authors ON authors.id = article_authors.author_id
        WHERE article_authors.article_id = a.id ORDER BY article_authors.position))""",
    "images": """(SELECT json_group_array(json_object('url', url, 'caption', caption,
        'credit', credit, 'photographer', photographer, 'credit_source', credit_source))
        FROM (SELECT * FROM images WHERE images.article_id = a.id ORDER BY position))""",
    "quotes": """(SELECT json_group_array(json_object('text', text, 'speaker', speaker))
        FROM (SELECT * FROM quotes WHERE quotes.article_id = a.id ORDER BY position))""",
    "related": """(SELECT json_group_array(json_object('url', url, 'title', title))
        FROM (SELECT * FROM links WHERE links.article_id = a.id AND kind = 'related'
        ORDER BY position))""",
    "tags": """(SELECT json_group_array(name) FROM (SELECT tags.name FROM article_tags
        JOIN tags ON tags.id = article_tags.tag_id
        WHERE article_tags.article_id = a.id ORDER BY article_tags.position))""",
}

CHILD_TABLES = ("article_authors", "images", "quotes", "links", "article_tags")


def _named_id(db: Database, table: str, name: str) -> int:
    db.execute(f"INSERT OR IGNORE INTO {table} (name) VALUES (?)", [name])
    return int(db.execute(f"SELECT id FROM {table} WHERE name = ?", [name]).fetchone()[0])


def _clean_names(names: tuple[str, ...]) -> list[str]:
    return [name.strip() for name in names if name and name.strip()]


def write_children(db: Database, article_id: int, article: Article) -> None:
    """Insert the child rows of `article` (the caller holds the transaction)."""
    for position, name in enumerate(_clean_names(article.authors)):
        db.execute("INSERT INTO article_authors (article_id, position, author_id) VALUES (?, ?, ?)",
                   [article_id, position, _named_id(db, "authors", name)])
    for position, image in enumerate(article.images):
        db.execute("INSERT INTO images (article_id, position, url, caption, credit, photographer,"
                   " credit_source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [article_id, position, image.url, image.caption, image.credit,
                    image.photographer, image.credit_source])
    for position, quote in enumerate(article.quotes):
        db.execute("INSERT INTO quotes (article_id, position, text, speaker) VALUES (?, ?, ?, ?)",
                   [article_id, position, quote.text, quote.speaker])
    for position, link in enumerate(article.related):
        db.execute("INSERT INTO links (article_id, position, url, title, kind)"
                   " VALUES (?, ?, ?, ?, ?)", [article_id, position, link.url, link.title, RELATED])
    for position, name in enumerate(_clean_names(article.tags)):
        db.execute("INSERT INTO article_tags (article_id, position, tag_id) VALUES (?, ?, ?)",
                   [article_id, position, _named_id(db, "tags", name)])


def delete_children(db: Database, article_id: int) -> None:
    """Delete every child row of an article (the full-text triggers follow)."""
    for table in CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])


def read_children(db: Database, article_id: int) -> dict[str, Any]:
    """Return the child arrays of a stored article, in record form."""
    columns = ", ".join(f"{sql} AS {key}" for key, sql in CHILD_JSON_SQL.items())
    row = db.execute(f"SELECT {columns} FROM articles AS a WHERE a.id = ?", [article_id]).fetchone()
    return {key: json.loads(value) for key, value in zip(CHILD_JSON_SQL, row)}

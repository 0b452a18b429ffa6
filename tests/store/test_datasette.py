"""Datasette opens the database with our metadata: views, full-text search, descriptions."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from scraper.store import Store
from scraper.store.docs import datasette_metadata

from .conftest import make_article

pytest.importorskip("datasette", reason="datasette is not installed: pip install '.[datasette]'")

SEEN = "2024-07-12T10:00:00+00:00"


def _fill(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_article(make_article(), site="example", fetch_id=None, seen_at=SEEN)


async def _get_all(db_path: Path, paths: list[str]) -> list[httpx.Response]:
    from datasette.app import Datasette

    datasette = Datasette([str(db_path)], metadata=datasette_metadata(db_path.stem))
    return [await datasette.client.get(path) for path in paths]


def test_views_full_text_and_descriptions_in_datasette(db_path: Path) -> None:
    _fill(db_path)
    name = db_path.stem
    view, search, canned, page = asyncio.run(_get_all(db_path, [
        f"/{name}/quotes_with_speaker.json?_shape=array",
        f"/{name}/articles.json?_search=liaison&_shape=array",
        f"/{name}/search_articles.json?q=deliberations&_shape=array",
        f"/{name}/articles",
    ]))
    assert [(row["speaker"], row["site"]) for row in view.json()] == [
        ("Oana Lungescu", "example"), (None, "example")]
    assert [row["headline"] for row in search.json()] == ["Nato plans liaison office in Japan"]
    assert "[deliberations]" in canned.json()[0]["snippet"]
    assert "SHA-256 of the normalized headline and body" in page.text

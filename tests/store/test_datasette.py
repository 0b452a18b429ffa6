"""Datasette opens the database with our metadata: views, full-text search, descriptions."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, deadline: float) -> Any:
    while time.monotonic() < deadline:
        try:
            response = httpx.get(url, timeout=2)
            if response.status_code == 200:
                return response.json()
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError(f"datasette did not answer at {url}")


def test_serve_command_starts_datasette_on_loopback(db_path: Path) -> None:
    _fill(db_path)
    port = _free_port()
    code = "import sys; from scraper.commands.database import serve; serve(sys.argv[1:])"
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--db", str(db_path), "--port", str(port)], cwd=root,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        rows = _wait_for(f"http://127.0.0.1:{port}/{db_path.stem}/articles_per_site_per_day.json"
                         "?_shape=array", time.monotonic() + 60)
        assert rows == [{"site": "example", "day": "2024-07-12", "articles": 1}]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)

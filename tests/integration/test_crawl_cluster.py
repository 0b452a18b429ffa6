"""`scraper crawl --cluster`: fetched here, extracted on a real Dask LocalCluster, stored the same."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scraper.cli import cli

from .loopback_sites import LoopbackSites, Reply, article_reply, rss

pytestmark = pytest.mark.integration
PATHS = [f"/news/2024/05/0{day}/story-{day}/" for day in range(1, 5)]


def crawl(folder: Path, feeds: list[str], *options: str) -> tuple[int, str]:
    folder.mkdir()
    result = CliRunner().invoke(cli, ["crawl", *feeds, "--allow-private", "--delay", "0",
                                      "--db", str(folder / "a.db"),
                                      "--archive-dir", str(folder / "archive"), *options])
    return result.exit_code, result.output


def articles(folder: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / "a.db") as db:
        return db.execute("SELECT canonical_url, headline, body, content_hash, record_hash"
                          " FROM articles ORDER BY canonical_url").fetchall()


def test_crawl_extracts_on_the_cluster_and_stores_the_same(tmp_path: Path,
                                                           dask_cluster: Any) -> None:
    with LoopbackSites(2) as sites:
        for host in (0, 1):
            for path in PATHS:
                sites.route(host, path, article_reply(f"Story {path} on host {host}"))
            sites.route(host, "/news/links/", Reply(body=b"<html><body><nav><a href='/'>Home"
                                                          b"</a></nav></body></html>"))
            sites.route(host, "/feed.xml", rss([(sites.url(host, p), None)
                                                for p in [*PATHS, "/news/links/"]]))
        feeds = [sites.url(host, "/feed.xml") for host in (0, 1)]
        here = crawl(tmp_path / "here", feeds)
        there = crawl(tmp_path / "cluster", feeds, "--cluster", dask_cluster.scheduler_address)
    assert here[0] == there[0] == 1, there[1]  # the two pages of links have no article
    assert "dask dashboard: http" in there[1]
    assert len(articles(tmp_path / "here")) == 8
    assert articles(tmp_path / "cluster") == articles(tmp_path / "here")


def test_a_page_that_extracts_too_long_is_stopped_on_its_worker(tmp_path: Path,
                                                                 dask_cluster: Any) -> None:
    giant = "/news/2024/05/09/giant/"
    with LoopbackSites(1) as sites:
        sites.route(0, giant, article_reply("Giant", paragraphs=36_000))
        sites.route(0, PATHS[0], article_reply("Calm after the giant"))
        sites.route(0, "/feed.xml", rss([(sites.url(0, giant), None),
                                         (sites.url(0, PATHS[0]), None)]))
        status, output = crawl(tmp_path / "cluster", [sites.url(0, "/feed.xml")],
                               "--cluster", dask_cluster.scheduler_address,
                               "--extraction-timeout", "1")
    assert status == 1, output
    assert [headline for _, headline, *_ in articles(tmp_path / "cluster")] == \
        ["Calm after the giant"]
    with sqlite3.connect(tmp_path / "cluster" / "a.db") as db:
        failed = db.execute("SELECT last_error FROM frontier WHERE url LIKE '%giant%'").fetchall()
    assert failed == [("extraction timed out after 1 s",)]

"""Extraction in worker processes: same records as in-process, a dead worker fails one page only."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from scraper import extraction_pool
from scraper.extract import extract
from scraper.extraction_pool import ExtractionPool
from scraper.models import Article, Page

from .loopback_sites import article_html

pytestmark = pytest.mark.integration

URL = "https://news.example/2024/05/01/harbour-story/"
PAGE = Page(URL, URL, 200, {"content-type": "text/html; charset=utf-8"},
            article_html("Harbour story").encode())


def _run(workers: int, steps: int, between=None) -> list[Article]:
    async def scenario() -> list[Article]:
        articles = []
        with ExtractionPool(workers) as pool:
            for step in range(steps):
                if between is not None:
                    between(step, pool)
                articles.append(await pool.extract(PAGE))
        return articles

    return asyncio.run(scenario())


@pytest.mark.parametrize("workers", [0, 1])
def test_the_pool_gives_the_same_record_as_extract(workers: int) -> None:
    expected = extract(PAGE.content, URL, None, PAGE.headers["content-type"])
    assert not expected.is_empty
    assert _run(workers, 2) == [expected, expected]


def test_a_killed_worker_fails_its_page_and_is_replaced() -> None:
    def kill_before_second(step: int, pool: ExtractionPool) -> None:
        if step == 1:
            worker = pool._all[0]
            os.kill(worker.process.pid, signal.SIGKILL)
            worker.process.join()

    first, second, third = _run(1, 3, kill_before_second)
    assert not first.is_empty and not third.is_empty
    assert second.is_empty and "extraction process failed" in second.provenance.warnings[0]


def test_workers_are_replaced_after_their_share_of_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extraction_pool, "WORKER_TASKS", 2)
    pids: list[int] = []
    _run(1, 5, lambda step, pool: pids.append(pool._all[0].process.pid) if pool._all else None)
    assert len(set(pids)) == 3  # two pages per worker: five pages need three


@pytest.mark.parametrize("workers", [0, 1])
def test_the_pool_extracts_with_the_rules_it_was_given(workers: int, tmp_path) -> None:
    from scraper.rules import load_rules

    (tmp_path / "herald.toml").write_text(
        'name = "herald"\nkind = "site"\ndomains = ["herald.example"]\n[selectors]\nstrip = [".byline"]\n')
    page = Page("https://herald.example/a/", "https://herald.example/a/", 200,
                {"content-type": "text/html; charset=utf-8"}, article_html("Story").encode())

    async def run() -> Article:
        with ExtractionPool(workers, load_rules(tmp_path)) as pool:
            return await pool.extract(page)

    article = asyncio.run(run())
    assert article.provenance.rules == "herald"

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
    started: list[int] = []
    original = extraction_pool._Worker.__init__

    def counting(self, rules) -> None:
        original(self, rules)
        started.append(self.process.pid)  # type: ignore[attr-defined]

    monkeypatch.setattr(extraction_pool._Worker, "__init__", counting)
    _run(1, 5)
    assert len(set(started)) == 3  # two pages per worker: five pages need three


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


def test_a_page_over_the_time_limit_fails_with_its_reason_and_the_next_is_extracted() -> None:
    giant = Page(URL, URL, 200, {"content-type": "text/html; charset=utf-8"},
                 article_html("Giant", paragraphs=36_000).encode())

    async def run() -> list[Article]:
        with ExtractionPool(1, timeout=0.5) as pool:
            return [await pool.extract(giant), await pool.extract(PAGE)]

    timed_out, next_one = asyncio.run(run())
    assert timed_out.is_empty
    assert timed_out.provenance.warnings == ("extraction timed out after 0.5 s",)
    assert not next_one.is_empty


def test_threads_cannot_be_stopped_so_no_time_limit_applies_to_them() -> None:
    assert ExtractionPool(0, timeout=0.5).timeout is None
    assert ExtractionPool(1, timeout=0.5).timeout == 0.5


def test_discovery_documents_are_read_in_the_workers_too() -> None:
    feed = Page("https://news.example/feed", "https://news.example/feed", 200,
                {"content-type": "application/rss+xml"},
                b'<rss version="2.0"><channel><item><link>https://news.example/2024/05/01/a/'
                b"</link></item></channel></rss>")

    async def run() -> list[str]:
        with ExtractionPool(1) as pool:
            return [c.url for c in (await pool.discover(feed)).articles]

    assert asyncio.run(run()) == ["https://news.example/2024/05/01/a/"]

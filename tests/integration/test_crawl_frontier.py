"""The frontier is read a page at a time: every URL once, limits, resuming, other sites untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper import pipeline
from scraper.config import Settings
from scraper.pipeline import Crawler, CrawlReport
from scraper.sites import Site
from scraper.store import FrontierEntry, Store

from .loopback_sites import LoopbackSites, Reply, article_reply, rss

pytestmark = pytest.mark.integration

ARTICLES = [f"/news/2024/05/{day:02d}/story-{day}/" for day in range(1, 8)]
BROKEN = ["/news/2024/05/20/broken-a/", "/news/2024/05/21/broken-b/"]


@pytest.fixture
def site() -> Iterator[LoopbackSites]:
    with LoopbackSites(1) as sites:
        for path in ARTICLES:
            sites.route(0, path, article_reply(f"Story {path}"))
        for path in BROKEN:
            sites.route(0, path, Reply(500, body=b"oops"))
        sites.route(0, "/feed.xml", rss([(sites.url(0, p), None) for p in [*ARTICLES, *BROKEN]]))
        yield sites


def _crawl(root: Path, sites: LoopbackSites, **settings: object) -> CrawlReport:
    config = Settings(db_path=root / "a.db", archive_dir=root / "archive", allow_private=True,
                      delay=0.0, retries=0).with_overrides(**settings)
    site = Site("one", feeds=(sites.url(0, "/feed.xml"),))
    with Store.open(config.db_path) as store:
        return Crawler(config, store, sites=[site]).run(site.seeds(), ["crawl"])


def _states(root: Path) -> dict[str, str]:
    with sqlite3.connect(root / "a.db") as db:
        return {url.split("/", 3)[3]: state for url, state in db.execute(
            "SELECT url, state FROM frontier")}


def _article_requests(sites: LoopbackSites) -> list[str]:
    return [r.path for r in sites.requests(0) if r.path.startswith("/news/")]


def test_small_pages_of_the_frontier_still_reach_every_url_once(
        site: LoopbackSites, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "FRONTIER_PAGE", 2)
    monkeypatch.setattr(pipeline, "FAILURES_KEPT", 1)
    report = _crawl(tmp_path, site)
    assert sorted(_article_requests(site)) == sorted([*ARTICLES, *BROKEN])
    assert report.counts["new"] == len(ARTICLES) and report.counts["failed"] == len(BROKEN)
    assert len(report.failures) == 1 and report.outcomes == []  # nothing per page piles up
    assert set(_states(tmp_path).values()) == {"done", "failed"}


def test_max_pages_stops_and_the_next_run_resumes(site: LoopbackSites, tmp_path: Path) -> None:
    report = _crawl(tmp_path, site, max_pages=3)
    assert report.stopped_early == "max pages reached" and len(_article_requests(site)) == 3
    assert list(_states(tmp_path).values()).count("pending") == len(ARTICLES) + len(BROKEN) - 3
    _crawl(tmp_path, site)
    assert "pending" not in _states(tmp_path).values()


def test_max_duration_stops_starting_fetches(site: LoopbackSites, tmp_path: Path) -> None:
    for path in ARTICLES:
        site.route(0, path, Reply(body=article_reply("Slow").body, delay=0.3))
    report = _crawl(tmp_path, site, max_duration=0.2)
    assert report.stopped_early == "max duration reached"
    assert len(_article_requests(site)) < len(ARTICLES)


def test_pending_urls_of_a_killed_run_are_fetched_even_if_discovery_fails(
        site: LoopbackSites, tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        store.enqueue([FrontierEntry(site.url(0, ARTICLES[0]), "one"),
                       FrontierEntry("http://127.0.0.1:9/news/2024/05/01/elsewhere/", "other")])
    site.route(0, "/feed.xml", Reply(503, body=b"down"))
    report = _crawl(tmp_path, site)
    assert report.counts["new"] == 1 and _article_requests(site) == [ARTICLES[0]]
    assert _states(tmp_path)["news/2024/05/01/elsewhere/"] == "pending"  # another site's

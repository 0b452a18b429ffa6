"""One article, one row: tracking, fragment and AMP spellings, seeds and canonical links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from scraper.config import Settings
from scraper.pipeline import Crawler, CrawlReport
from scraper.sites import Seed, Site
from scraper.store import Store

from .loopback_sites import LoopbackSites, Reply, article_reply, rss, section_html

pytestmark = pytest.mark.integration

HARBOUR = "/news/2024/05/01/harbour-story/"
BRIDGE = "/news/2024/05/02/bridge-story/"
BRIDGE_PRINT = "/print/2024/05/02/bridge-story-print/"
SPELLINGS = [f"{HARBOUR}?utm_source=feed&utm_medium=rss", f"{HARBOUR}#comments",
             f"{HARBOUR}amp/", f"{HARBOUR}?outputType=amp"]


def _crawl(root: Path, seeds: list[Seed], sites: list[Site] = ()) -> CrawlReport:
    settings = Settings(db_path=root / "articles.db", archive_dir=root / "archive",
                        allow_private=True, delay=0.0, retries=0)
    with Store.open(settings.db_path) as store:
        return Crawler(settings, store, sites=sites).run(seeds, ["crawl"])


def _rows(root: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(root / "articles.db") as db:
        return db.execute(sql).fetchall()


@pytest.fixture
def site() -> LoopbackSites:
    with LoopbackSites(1) as sites:
        sites.route(0, HARBOUR, article_reply("The harbour story"))
        sites.route(0, BRIDGE, article_reply("The bridge story", canonical=sites.url(0, BRIDGE)))
        sites.route(0, BRIDGE_PRINT, article_reply("The bridge story",
                                                   canonical=sites.url(0, BRIDGE)))
        sites.route(0, "/latest/", Reply(body=section_html([*SPELLINGS, BRIDGE, BRIDGE_PRINT])))
        sites.route(0, "/feed.xml", rss([(sites.url(0, f"{HARBOUR}?fbclid=abc"), None)]))
        yield sites


def test_spellings_of_one_url_are_one_frontier_row_fetched_once(site: LoopbackSites,
                                                                 tmp_path: Path) -> None:
    seeds = Site("one", start=(site.url(0, "/latest/"),), feeds=(site.url(0, "/feed.xml"),)).seeds()
    report = _crawl(tmp_path, seeds)
    assert report.exit_status == 0
    harbour = [url for (url,) in _rows(tmp_path, "SELECT url FROM frontier") if "harbour" in url]
    assert harbour == [site.url(0, HARBOUR)]
    assert [r.path for r in site.requests(0) if "harbour" in r.path] == [HARBOUR]


def test_pages_with_one_canonical_url_are_one_article(site: LoopbackSites, tmp_path: Path) -> None:
    _crawl(tmp_path, [Seed(site.url(0, "/latest/"), "one")])
    bridge = _rows(tmp_path, "SELECT canonical_url FROM articles WHERE headline = 'The bridge story'")
    assert bridge == [(site.url(0, BRIDGE),)]
    total, distinct = _rows(tmp_path, "SELECT count(*), count(DISTINCT canonical_url) FROM articles")[0]
    assert total == distinct == 2


def test_an_article_seed_is_fetched_once_even_when_also_listed(site: LoopbackSites,
                                                                tmp_path: Path) -> None:
    seeds = [Seed(site.url(0, f"{HARBOUR}?utm_campaign=x")), Seed(site.url(0, "/latest/"))]
    report = _crawl(tmp_path, seeds)
    assert report.counts["new"] == 2
    assert [r.path for r in site.requests(0) if r.path.startswith(HARBOUR)] == \
        [f"{HARBOUR}?utm_campaign=x"]
    frontier = _rows(tmp_path, f"SELECT url, state FROM frontier WHERE url LIKE '%{HARBOUR}%'")
    assert frontier == [(site.url(0, HARBOUR), "done")]


def test_an_article_seed_is_stored_without_a_second_conditional_fetch(tmp_path: Path) -> None:
    # A server with validators would answer a second fetch in the same run with 304:
    # the article must come from the first fetch, not be lost as "unchanged".
    with LoopbackSites(1) as sites:
        from .loopback_sites import article_html, conditional
        sites.route(0, HARBOUR, conditional(article_html("Harbour").encode(), etag='"v1"'))
        report = _crawl(tmp_path, [Seed(sites.url(0, HARBOUR))])
        assert len(sites.requests(0, HARBOUR)) == 1
    assert report.counts["new"] == 1
    assert _rows(tmp_path, "SELECT headline FROM articles") == [("Harbour",)]

"""A nightly rerun fetches only what may have changed: new URLs, undated ones, newer listings."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.config import Settings
from scraper.pipeline import Crawler, CrawlReport
from scraper.sites import Site
from scraper.store import Store

from .loopback_sites import LoopbackSites, article_reply, rss

pytestmark = pytest.mark.integration

OLD = "/news/2024/05/01/old-story/"
UNDATED = "/news/2024/05/02/undated-story/"
FRESH = "/news/2024/05/03/fresh-story/"
LONG_AGO = "Wed, 01 May 2024 08:00:00 +0000"
FUTURE = "Fri, 01 Jan 2100 08:00:00 +0000"  # a listing date after any fetch of ours


def _crawl(root: Path, sites: LoopbackSites) -> CrawlReport:
    config = Settings(db_path=root / "a.db", archive_dir=root / "archive", allow_private=True,
                      delay=0.0, retries=0)
    site = Site("one", feeds=(sites.url(0, "/feed.xml"),))
    with Store.open(config.db_path) as store:
        return Crawler(config, store, sites=[site]).run(site.seeds(), ["crawl"])


def _fetched(sites: LoopbackSites, path: str) -> int:
    return len(sites.requests(0, path))


def test_a_rerun_skips_articles_listed_as_older_than_their_last_fetch(tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        for path in (OLD, UNDATED, FRESH):
            sites.route(0, path, article_reply(f"Story {path}"))
        sites.route(0, "/feed.xml", rss([(sites.url(0, OLD), LONG_AGO), (sites.url(0, UNDATED), None),
                                         (sites.url(0, FRESH), LONG_AGO)]))
        first = _crawl(tmp_path, sites)
        assert first.counts["new"] == 3
        # the next night the feed says FRESH changed (a later date); OLD still has its old date
        sites.route(0, "/feed.xml", rss([(sites.url(0, OLD), LONG_AGO), (sites.url(0, UNDATED), None),
                                         (sites.url(0, FRESH), FUTURE)]))
        second = _crawl(tmp_path, sites)
        assert _fetched(sites, OLD) == 1        # listed as older than our fetch: not asked again
        assert _fetched(sites, UNDATED) == 2    # no date: asked again (conditionally)
        assert _fetched(sites, FRESH) == 2      # listed as newer: asked again
        assert second.counts["failed"] == 0 and second.counts["discovered"] == 3


def test_a_failed_article_is_retried_whatever_its_listing_date(tmp_path: Path) -> None:
    from .loopback_sites import Reply

    with LoopbackSites(1) as sites:
        sites.route(0, OLD, Reply(500, body=b"oops"))
        sites.route(0, "/feed.xml", rss([(sites.url(0, OLD), LONG_AGO)]))
        _crawl(tmp_path, sites)
        sites.route(0, OLD, article_reply("Story"))
        second = _crawl(tmp_path, sites)
        assert second.counts["new"] == 1

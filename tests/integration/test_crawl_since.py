"""`scraper crawl --since`: candidates a feed or sitemap dates earlier are skipped, not fetched."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from scraper.pipeline import published_before

from .loopback_sites import LoopbackSites, article_reply, rss, sitemap

OLD_FEED, NEW_FEED, UNDATED = ("/news/2024/05/01/old-feed-story/", "/news/2024/05/10/new-feed-story/",
                               "/news/2024/05/05/undated-story/")
OLD_MAP, NEW_MAP = "/news/2024/05/02/old-map-story/", "/news/2024/05/11/new-map-story/"


@pytest.mark.parametrize(("hint", "before"), [
    ("2024-05-08", True),
    ("2024-05-09", False),                   # a bare date is the whole day: not before
    ("2024-05-09T07:59:00+00:00", True),
    ("2024-05-09T09:30:00+02:00", True),     # 07:30 UTC
    ("2024-05-09T11:00:00+02:00", False),
    ("2024-05-09T08:00:00", False),          # no offset: read as UTC
    ("not a date", False),                   # unreadable dates never hide an article
])
def test_published_before(hint: str, before: bool) -> None:
    assert published_before(hint, datetime(2024, 5, 9, 8, tzinfo=UTC)) is before


@pytest.mark.integration
def test_crawl_since_skips_older_candidates_and_fetches_the_rest(tmp_path: Path) -> None:
    with LoopbackSites(1) as site:
        for path in (OLD_FEED, NEW_FEED, UNDATED, OLD_MAP, NEW_MAP):
            site.route(0, path, article_reply(f"Story at {path}"))
        site.route(0, "/feed.xml", rss([(site.url(0, OLD_FEED), "Wed, 01 May 2024 08:00:00 +0000"),
                                        (site.url(0, NEW_FEED), "Fri, 10 May 2024 08:00:00 +0000"),
                                        (site.url(0, UNDATED), None)]))
        site.route(0, "/sitemap.xml", sitemap([(site.url(0, OLD_MAP), "2024-05-02"),
                                               (site.url(0, NEW_MAP), "2024-05-11T09:00:00+02:00")]))
        result = CliRunner().invoke(cli, [
            "crawl", site.url(0, "/feed.xml"), site.url(0, "/sitemap.xml"), "--since", "2024-05-09",
            "--allow-private", "--delay", "0", "--db", str(tmp_path / "a.db"),
            "--archive-dir", str(tmp_path / "archive")])
        requested = {r.path for r in site.requests(0)}
    assert result.exit_code == 0, result.output
    assert "2 skipped" in result.output
    assert {NEW_FEED, UNDATED, NEW_MAP} <= requested and not {OLD_FEED, OLD_MAP} & requested
    db = sqlite3.connect(tmp_path / "a.db")
    states = {url.split(":", 2)[2].split("/", 1)[1]: (state, error)
              for url, state, error in db.execute("SELECT url, state, last_error FROM frontier")}
    assert states[OLD_FEED[1:]][0] == states[OLD_MAP[1:]][0] == "skipped"
    assert "--since" in states[OLD_FEED[1:]][1]
    assert {states[p[1:]][0] for p in (NEW_FEED, UNDATED, NEW_MAP)} == {"done"}


def test_crawl_since_refuses_a_bad_date_with_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["crawl", "http://127.0.0.1:9/", "--since", "last week",
                                      "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2
    assert "--since" in result.output and "36h" in result.output

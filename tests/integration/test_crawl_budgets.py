"""Hostile sites against the run's budgets: discovery and extraction end when they should.

Each crawl that a hostile server could make run forever runs the command line in a thread
watched for RUN_LIMIT seconds, so a regression shows as "the run never ended", not as a test
suite that hangs. Nothing here asserts how fast anything is: only that the run ended, that the
other site's articles were stored, that the cut is recorded.
"""

from __future__ import annotations

import gzip
import io
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli

from .loopback_sites import LoopbackSites, Reply, article_html, article_reply, rss

pytestmark = pytest.mark.integration

RUN_LIMIT = 90.0  # seconds: far beyond a bounded run, far below an unbounded one
CALM = ["/news/2024/05/01/calm-one/", "/news/2024/05/02/calm-two/"]
XML = {"Content-Type": "application/xml"}


@pytest.fixture(scope="module", autouse=True)
def warm_fork_server() -> None:
    """Start the extraction workers' fork server before the clocks start: its one-time
    import of the extractors is not what these budgets are about."""
    import asyncio

    from scraper.extraction_pool import ExtractionPool
    from scraper.models import Page

    async def one_page() -> None:
        with ExtractionPool(1) as pool:
            await pool.extract(Page("https://a.example/", "https://a.example/", 200, {},
                                    b"<p>warm</p>"))

    asyncio.run(one_page())


@dataclass
class Ended:
    """How a watched crawl ended: its exit status and everything it printed."""

    returncode: int
    output: str


def _crawl(root: Path, *arguments: str) -> Ended:
    command = ["crawl", *arguments, "--allow-private", "--delay", "0",
               "--contact-url", "https://example.org/tests",
               "--db", str(root / "a.db"), "--archive-dir", str(root / "archive")]
    results: list[Result] = []
    watched = threading.Thread(target=lambda: results.append(CliRunner().invoke(cli, command)),
                               daemon=True)
    watched.start()
    watched.join(RUN_LIMIT)
    if watched.is_alive() or not results:
        pytest.fail(f"the crawl did not end within {RUN_LIMIT:g} s")
    return Ended(results[0].exit_code, results[0].output)


def _rows(root: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(root / "a.db") as db:
        return db.execute(sql).fetchall()


def _stored(root: Path) -> set[str]:
    return {url.split("/", 3)[3] for (url,) in _rows(root, "SELECT url FROM articles")}


@pytest.fixture
def sites() -> Iterator[LoopbackSites]:
    """Host 0 is hostile (routes added by each test); host 1 is a calm site with a feed."""
    with LoopbackSites(2) as both:
        for path in CALM:
            both.route(1, path, article_reply(f"Calm {path}"))
        both.route(1, "/feed.xml", rss([(both.url(1, path), None) for path in CALM]))
        yield both


def _index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{entries}</sitemapindex>').encode()


def test_a_malformed_gzip_sitemap_does_not_hang_the_crawl(sites: LoopbackSites,
                                                          tmp_path: Path) -> None:
    hostile = gzip.compress(b"<urlset><url>" + b"<loc>http://x.example/a" * 200_000)
    sites.route(0, "/sitemap.xml.gz", Reply(headers={"Content-Type": "application/x-gzip"},
                                            body=hostile))
    result = _crawl(tmp_path, sites.url(0, "/sitemap.xml.gz"), sites.url(1, "/feed.xml"),
                    "--max-duration", "30")
    assert result.returncode == 1, result.output  # the sitemap failed, with its reason
    assert _stored(tmp_path) == {path[1:] for path in CALM}
    errors = _rows(tmp_path, "SELECT error FROM fetches WHERE url LIKE '%sitemap.xml.gz'")
    assert "malformed sitemap" in errors[0][0]


def test_discovery_stops_at_max_duration_and_says_so(sites: LoopbackSites,
                                                     tmp_path: Path) -> None:
    """A sitemap index of 20,000 sitemaps, the first 200 each an index of 200 more."""
    children = [sites.url(0, f"/sitemaps/{number}.xml") for number in range(20_000)]
    sites.route(0, "/sitemap.xml", Reply(headers=XML, body=_index(children)))
    for number in range(200):
        grandchildren = [f"{children[number][:-4]}/{n}.xml" for n in range(200)]
        sites.route(0, f"/sitemaps/{number}.xml",
                    Reply(headers=XML, body=_index(grandchildren), delay=0.02))
    result = _crawl(tmp_path, sites.url(0, "/sitemap.xml"), sites.url(1, "/feed.xml"),
                    "--max-duration", "4", "--workers", "2")  # a worker free for the calm site
    assert result.returncode in (0, 1), result.output  # 1 when unlisted sitemaps were reached
    assert _stored(tmp_path) == {path[1:] for path in CALM}
    assert _rows(tmp_path, "SELECT stopped_early FROM crawl_runs") == [("max duration reached",)]
    reasons = [reason for (reason,) in _rows(tmp_path, "SELECT reason FROM discovery_cuts")]
    # cut between documents ('... during discovery') or inside one ('... while reading it')
    assert any("max duration reached" in reason for reason in reasons) or \
        any("left out" in reason for reason in reasons), reasons
    assert "discovery cut short" in result.output and "max duration reached" in result.output


def test_a_slow_feed_does_not_hold_up_another_site(sites: LoopbackSites, tmp_path: Path) -> None:
    slow = rss([(sites.url(0, "/news/2024/05/03/late/"), None)])
    slow.delay = 30.0  # answers long after the run's time is up
    sites.route(0, "/feed.xml", slow)
    result = _crawl(tmp_path, sites.url(0, "/feed.xml"), sites.url(1, "/feed.xml"),
                    "--max-duration", "4")
    assert _stored(tmp_path) == {path[1:] for path in CALM}, result.output
    assert result.returncode == 0
    reasons = [row for row in _rows(tmp_path, "SELECT site, reason FROM discovery_cuts")]
    assert reasons == [("127.0.0.20", "max duration reached during discovery")], reasons


def test_a_page_that_extracts_too_long_fails_and_the_crawl_goes_on(sites: LoopbackSites,
                                                                   tmp_path: Path) -> None:
    giant = "/news/2024/05/09/giant/"  # the newest: fetched and extracted first
    sites.route(0, giant, Reply(body=article_html("Giant", paragraphs=36_000).encode()))
    sites.route(0, CALM[0], article_reply("Calm after the giant"))
    sites.route(0, "/feed.xml", rss([(sites.url(0, giant), "Thu, 09 May 2024 08:00:00 +0000"),
                                     (sites.url(0, CALM[0]), "Wed, 01 May 2024 08:00:00 +0000")]))
    result = _crawl(tmp_path, sites.url(0, "/feed.xml"), "--extraction-timeout", "1",
                    "--workers", "1")
    assert result.returncode == 1, result.output
    assert "extraction timed out after 1 s" in result.output
    assert _stored(tmp_path) == {CALM[0][1:]}
    failed = _rows(tmp_path, "SELECT state, last_error FROM frontier WHERE url LIKE '%giant%'")
    assert failed == [("failed", "extraction timed out after 1 s")]


def _urlset(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>").encode()


def test_url_caps_cut_discovery_and_the_cuts_are_recorded_and_shown(sites: LoopbackSites,
                                                                     tmp_path: Path) -> None:
    from scraper.commands.output import RunOutput
    from scraper.config import Settings
    from scraper.pipeline import Crawler
    from scraper.sites import Site
    from scraper.store import Store

    for name in ("a", "b"):
        urls = [sites.url(0, f"/news/2024/05/01/{name}-{n}/") for n in range(100)]
        sites.route(0, f"/{name}.xml", Reply(headers=XML, body=_urlset(urls)))
    settings = Settings(db_path=tmp_path / "a.db", archive_dir=tmp_path / "archive",
                        allow_private=True, delay=0.0, retries=0, max_pages=1,
                        max_sitemap_urls=60, max_site_urls=90)
    site = Site("capped", sitemaps=(sites.url(0, "/a.xml"), sites.url(0, "/b.xml")))
    with Store.open(settings.db_path) as store:
        report = Crawler(settings, store, sites=[site]).run(site.seeds(), ["crawl"])
    assert report.counts["discovered"] == 90
    cuts = _rows(tmp_path, "SELECT site, url, reason FROM discovery_cuts ORDER BY id")
    assert cuts == [
        ("capped", sites.url(0, "/a.xml"), "sitemap lists over 60 urls; read the first 60"),
        ("capped", sites.url(0, "/b.xml"), "sitemap lists over 60 urls; read the first 60"),
        ("capped", None, "site has over 90 candidate urls; kept the first 90")]
    summary = io.StringIO()
    RunOutput(stream=summary, interactive=False).finish(report)
    assert "discovery cut short 3 times: capped: sitemap lists over 60 urls" in summary.getvalue()
    stats = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "a.db")]).output
    assert "Discovery cut short in the last crawl:" in stats
    assert "site has over 90 candidate urls; kept the first 90" in stats

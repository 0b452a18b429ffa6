"""Faults on one site, the others untouched: the crawl goes on, each failure keeps its reason.

Three loopback hosts, each its own site. "calm" serves a feed of good articles (two with
validators, for the 304 run), "faulty" a section page whose articles misbehave one way each,
"strict" a robots.txt with Disallow and Crawl-delay, a news sitemap and malformed feeds and
sitemaps. One crawl over all three, then a second crawl of "calm" alone.
"""

from __future__ import annotations

import gzip
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from scraper.config import Settings
from scraper.pipeline import Crawler, CrawlReport
from scraper.sites import Site
from scraper.store import Store

from .loopback_sites import (
    HTML,
    LoopbackSites,
    Reply,
    article_html,
    article_reply,
    conditional,
    rss,
    section_html,
    sequence,
    sitemap,
)

pytestmark = pytest.mark.integration

CALM, FAULTY, STRICT = 0, 1, 2
CALM_PATHS = [f"/calm/2024/05/0{n}/story-{n}/" for n in range(1, 5)]
CRAWL_DELAY = 0.4
CAFE = "Café crème in Zürich"

# path on the faulty host -> (reply, words the recorded reason must contain)
FAILING = {
    "timeout": (Reply(body=b"<html></html>", delay=4.0), "timed out"),
    "reset": (Reply(reset=True), "reset"),
    "unavailable": (Reply(503, {"Retry-After": "1", **HTML}, b"busy"), "http 503"),
    "loop": (Reply(302, {"Location": "/faulty/loop-b/"}), "redirect"),
    "oversized": (Reply(body=b"<html><body>" + b"<p>word</p>" * 200_000), "exceeds"),
    "bomb": (Reply(headers={**HTML, "Content-Encoding": "gzip"},
                   body=gzip.compress(b" " * 20_000_000)), "exceeds"),
    "binary": (Reply(body=os.urandom(8192).replace(b"<", b"") + b"\0" * 256), "binary"),
    "pdf": (Reply(headers={"Content-Type": "application/pdf"}, body=b"%PDF-1.4 ..."),
            "not html (application/pdf)"),
    "cut-off-body": (Reply(body=article_html("Cut short").encode()[:400],
                           declared_length=5000), "connection"),
}
TRUNCATED_HTML = article_html("Truncated but readable", paragraphs=8).encode()
STORED = {
    "slow": Reply(body=article_html("A slow but fine story").encode(), delay=0.4),
    "throttled": sequence(Reply(429, {"Retry-After": "1", **HTML}, b"slow down"),
                          article_reply("Throttled once, then fine")),
    "no-charset": Reply(headers={"Content-Type": "text/html"},
                        body=article_html(CAFE, charset_meta=False).encode()),
    "wrong-charset": Reply(headers={"Content-Type": "text/html; charset=iso-8859-1"},
                           body=article_html(CAFE, charset_meta=False).encode()),
    "truncated-html": Reply(body=TRUNCATED_HTML[: TRUNCATED_HTML.index(b"Paragraph 5")]),
}


def faulty_path(name: str) -> str:
    return f"/faulty/2024/05/01/{name}/"


@dataclass
class Crawls:
    sites: LoopbackSites
    first: CrawlReport
    second: CrawlReport
    db: sqlite3.Connection

    def article(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM articles WHERE url = ?", [url]).fetchone()

    def frontier(self, url: str) -> sqlite3.Row:
        return self.db.execute("SELECT * FROM frontier WHERE url = ?", [url]).fetchone()

    def errors(self, url: str) -> list[str | None]:
        return [row["error"] for row in self.db.execute(
            "SELECT error FROM fetches WHERE url = ? ORDER BY id", [url])]


def _serve_calm(sites: LoopbackSites) -> Site:
    for number, path in enumerate(CALM_PATHS, 1):
        page = article_html(f"Calm story number {number}").encode()
        reply = (conditional(page, etag=f'"calm-{number}"') if number == 1 else
                 conditional(page, last_modified=1714550400.0) if number == 2 else Reply(body=page))
        sites.route(CALM, path, reply)
    sites.route(CALM, "/feed.xml", rss((sites.url(CALM, p), None) for p in CALM_PATHS))
    return Site("calm", feeds=(sites.url(CALM, "/feed.xml"),))


def _serve_faulty(sites: LoopbackSites) -> Site:
    for name, (reply, _) in FAILING.items():
        sites.route(FAULTY, faulty_path(name), reply)
    sites.route(FAULTY, "/faulty/loop-b/", Reply(302, {"Location": faulty_path("loop")}))
    for name, route in STORED.items():
        sites.route(FAULTY, faulty_path(name), route)
    links = [faulty_path(name) for name in [*FAILING, *STORED]]
    sites.route(FAULTY, "/latest/", Reply(body=section_html(links)))
    return Site("faulty", start=(sites.url(FAULTY, "/latest/"),))


def _serve_strict(sites: LoopbackSites) -> Site:
    robots = f"User-agent: *\nDisallow: /private/\nCrawl-delay: {CRAWL_DELAY}\n"
    sites.route(STRICT, "/robots.txt", Reply(headers={"Content-Type": "text/plain"},
                                              body=robots.encode()))
    listed = ["/strict/2024/05/01/open-one/", "/strict/2024/05/02/open-two/",
              "/private/2024/05/03/secret/"]
    for path in listed:
        sites.route(STRICT, path, article_reply(f"Strict story {path.split('/')[-2]}"))
    sites.route(STRICT, "/news-sitemap.xml",
                sitemap((sites.url(STRICT, p), "2024-05-01") for p in listed))
    sites.route(STRICT, "/broken-sitemap.xml", Reply(
        headers={"Content-Type": "application/xml"}, body=b"<?xml version='1.0'?><urlset><url><lo"))
    sites.route(STRICT, "/broken-feed.xml", Reply(
        headers={"Content-Type": "application/rss+xml"},
        body=b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</ti"))
    half = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item><link>"
            f"{sites.url(STRICT, '/strict/2024/05/04/from-half-feed/')}</link></item><item><li")
    sites.route(STRICT, "/half-feed.xml", Reply(headers={"Content-Type": "application/rss+xml"},
                                                 body=half.encode()))
    sites.route(STRICT, "/strict/2024/05/04/from-half-feed/", article_reply("From a half feed"))
    return Site("strict", sitemaps=(sites.url(STRICT, "/news-sitemap.xml"),
                                    sites.url(STRICT, "/broken-sitemap.xml")),
                feeds=(sites.url(STRICT, "/broken-feed.xml"), sites.url(STRICT, "/half-feed.xml")))


def _crawl(root: Path, sites: list[Site]) -> CrawlReport:
    settings = Settings(db_path=root / "articles.db", archive_dir=root / "archive",
                        allow_private=True, delay=0.0, timeout=1.0, retries=1, backoff=0.1,
                        max_retry_after=5.0, max_bytes=1_000_000)
    seeds = [seed for site in sites for seed in site.seeds()]
    with Store.open(settings.db_path) as store:
        return Crawler(settings, store, sites=sites).run(seeds, ["crawl"])


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawls]:
    root = tmp_path_factory.mktemp("faults")
    with LoopbackSites(3) as sites:
        calm = _serve_calm(sites)
        everything = [calm, _serve_faulty(sites), _serve_strict(sites)]
        first = _crawl(root, everything)
        second = _crawl(root, [calm])
        db = sqlite3.connect(root / "articles.db")
        db.row_factory = sqlite3.Row
        yield Crawls(sites, first, second, db)
        db.close()


def test_the_other_sites_lose_nothing(crawls: Crawls) -> None:
    for path in CALM_PATHS:
        assert crawls.article(crawls.sites.url(CALM, path)) is not None, path
    for path in ["/strict/2024/05/01/open-one/", "/strict/2024/05/02/open-two/",
                 "/strict/2024/05/04/from-half-feed/"]:
        assert crawls.article(crawls.sites.url(STRICT, path)) is not None, path


def test_the_run_counts_every_failure_and_exits_1(crawls: Crawls) -> None:
    seeds_failed = 2  # the broken feed and the broken sitemap
    assert crawls.first.counts["failed"] == len(FAILING) + seeds_failed
    assert crawls.first.exit_status == 1
    run = crawls.db.execute("SELECT * FROM crawl_runs ORDER BY id LIMIT 1").fetchone()
    assert run["exit_status"] == 1 and run["finished_at"]
    assert run["pages_failed"] == len(FAILING) + seeds_failed
    assert run["articles_new"] == len(CALM_PATHS) + 3 + len(STORED)


@pytest.mark.parametrize("name", list(FAILING))
def test_each_failing_page_is_recorded_with_its_reason(crawls: Crawls, name: str) -> None:
    url = crawls.sites.url(FAULTY, faulty_path(name))
    words = FAILING[name][1]
    entry = crawls.frontier(url)
    assert entry["state"] == "failed" and words in entry["last_error"].lower()
    errors = crawls.errors(url)
    assert errors and errors[-1] is not None and words in errors[-1].lower()
    assert crawls.article(url) is None


@pytest.mark.parametrize("name", list(STORED))
def test_pages_that_misbehave_harmlessly_are_stored(crawls: Crawls, name: str) -> None:
    url = crawls.sites.url(FAULTY, faulty_path(name))
    assert crawls.frontier(url)["state"] == "done"
    assert crawls.article(url) is not None


def test_429_is_retried_after_the_wait_it_asked_for(crawls: Crawls) -> None:
    hits = crawls.sites.requests(FAULTY, faulty_path("throttled"))
    assert len(hits) == 2 and hits[1].at - hits[0].at >= 0.9


def test_missing_charset_is_detected(crawls: Crawls) -> None:
    assert crawls.article(crawls.sites.url(FAULTY, faulty_path("no-charset")))["headline"] == CAFE


def test_wrong_charset_is_overridden_by_the_bytes(crawls: Crawls) -> None:
    assert crawls.article(crawls.sites.url(FAULTY, faulty_path("wrong-charset")))["headline"] == CAFE


def test_truncated_html_keeps_what_arrived(crawls: Crawls) -> None:
    body = crawls.article(crawls.sites.url(FAULTY, faulty_path("truncated-html")))["body"]
    assert "Paragraph 4 of Truncated but readable" in body and "Paragraph 5" not in body


def test_robots_disallow_is_skipped_with_its_reason_and_never_requested(crawls: Crawls) -> None:
    url = crawls.sites.url(STRICT, "/private/2024/05/03/secret/")
    entry = crawls.frontier(url)
    assert entry["state"] == "skipped" and "robots" in entry["last_error"].lower()
    assert "robots" in crawls.errors(url)[-1].lower()
    assert crawls.sites.requests(STRICT, "/private/2024/05/03/secret/") == []
    assert crawls.first.skipped == 1


def test_crawl_delay_spaces_the_requests_to_its_host(crawls: Crawls) -> None:
    times = [r.at for r in crawls.sites.requests(STRICT)]
    assert len(times) >= 6
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert min(gaps) >= CRAWL_DELAY * 0.9  # a lower bound only: a slow machine cannot break it


@pytest.mark.parametrize(("path", "words"), [("/broken-feed.xml", "malformed feed"),
                                             ("/broken-sitemap.xml", "malformed sitemap")])
def test_malformed_feeds_and_sitemaps_are_recorded(crawls: Crawls, path: str, words: str) -> None:
    errors = crawls.errors(crawls.sites.url(STRICT, path))
    assert errors and words in (errors[-1] or "")
    assert any(url.endswith(path) for url, _ in crawls.first.failures)


def test_second_run_asks_with_validators_and_gets_304s(crawls: Crawls) -> None:
    first, second = (crawls.sites.requests(CALM, CALM_PATHS[n])[-1] for n in (0, 1))
    assert first.headers.get("if-none-match") == '"calm-1"'
    assert "if-modified-since" in second.headers
    statuses = [row[0] for row in crawls.db.execute(
        "SELECT status FROM fetches WHERE url = ? ORDER BY id", [crawls.sites.url(CALM, CALM_PATHS[0])])]
    assert statuses == [200, 304]
    assert crawls.second.counts["unchanged"] == len(CALM_PATHS)
    assert crawls.second.counts["new"] == crawls.second.counts["updated"] == 0
    assert crawls.second.exit_status == 0


def test_no_article_is_stored_twice(crawls: Crawls) -> None:
    total, distinct = crawls.db.execute(
        "SELECT count(*), count(DISTINCT canonical_url) FROM articles").fetchone()
    assert total == distinct == len(CALM_PATHS) + 3 + len(STORED)
    assert crawls.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

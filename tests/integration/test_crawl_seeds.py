"""What the user names is what the crawl reads: dates from every listing of a URL, a URL given
on the command line taken for what it is, one frontier row per URL whatever site reaches it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli

from .loopback_sites import HTML, LoopbackSites, Reply, article_html, article_reply, rss

pytestmark = pytest.mark.integration

OLD = ["/news/2024/05/01/old-one/", "/news/2024/05/02/old-two/"]
NEW = "/news/2024/05/20/new-one/"
DATES = {OLD[0]: "Wed, 01 May 2024 08:00:00 +0000", OLD[1]: "Thu, 02 May 2024 08:00:00 +0000",
         NEW: "Mon, 20 May 2024 08:00:00 +0000"}


def _crawl(root: Path, *arguments: str) -> Result:
    return CliRunner().invoke(cli, [
        "crawl", *arguments, "--allow-private", "--delay", "0", "--db", str(root / "a.db"),
        "--archive-dir", str(root / "archive")], catch_exceptions=False)


def _rows(root: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(root / "a.db") as db:
        return db.execute(sql).fetchall()


def _start_page(links: list[str], feed: str | None = None) -> Reply:
    """A section page linking the articles without any date, advertising its feed."""
    head = f'<link rel="alternate" type="application/rss+xml" href="{feed}">' if feed else ""
    items = "".join(f"<li><a href='{link}'>Story {link}</a></li>" for link in links)
    return Reply(body=(f"<html><head>{head}</head><body><main><h1>Latest</h1><ul>{items}</ul>"
                       "</main></body></html>").encode())


@pytest.fixture
def site() -> Iterator[LoopbackSites]:
    with LoopbackSites(1) as sites:
        for path in [*OLD, NEW]:
            sites.route(0, path, article_reply(f"Story {path}"))
        sites.route(0, "/news/", _start_page([*OLD, NEW], "/feed.xml"))
        sites.route(0, "/feed.xml", rss([(sites.url(0, path), DATES[path]) for path in DATES]))
        yield sites


def _article_requests(site: LoopbackSites) -> list[str]:
    return [r.path for r in site.requests(0) if r.path.startswith("/news/20")]


def test_start_page_links_take_the_dates_their_feed_gives(site: LoopbackSites,
                                                          tmp_path: Path) -> None:
    result = _crawl(tmp_path, site.url(0, "/news/"), "--since", "2024-05-10")
    assert result.exit_code == 0, result.output
    assert _article_requests(site) == [NEW]  # the two older ones are not asked for
    hints = dict(_rows(tmp_path, "SELECT url, published_hint FROM frontier"))
    assert hints[site.url(0, OLD[0])] == "2024-05-01T08:00:00+00:00"
    assert "2 skipped" in result.output


def test_a_second_run_does_not_ask_again_for_articles_listed_as_older(
        site: LoopbackSites, tmp_path: Path) -> None:
    assert _crawl(tmp_path, site.url(0, "/news/")).exit_code == 0
    first = len(_article_requests(site))
    result = _crawl(tmp_path, site.url(0, "/news/"))
    assert result.exit_code == 0, result.output
    assert first == 3 and len(_article_requests(site)) == first
    assert {state for (state,) in _rows(tmp_path, "SELECT state FROM frontier")} == {"done"}


def test_an_article_url_given_on_the_command_line_is_stored(tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        sites.route(0, "/nhk.html", article_reply("Typhoon closes the harbour"))
        result = _crawl(tmp_path, sites.url(0, "/nhk.html"))
    assert result.exit_code == 0, result.output
    assert "1 fetched" in result.output and "1 new" in result.output
    assert _rows(tmp_path, "SELECT url FROM articles") == [(sites.url(0, "/nhk.html"),)]


def test_an_article_that_says_so_is_stored_even_with_links_on_it(tmp_path: Path) -> None:
    page = article_html("Typhoon closes the harbour").replace(
        "<title>", '<meta property="og:type" content="article"><title>').replace(
        "</article>", "<ul><li><a href='/news/2024/05/01/more/'>More</a></li></ul></article>")
    with LoopbackSites(1) as sites:
        sites.route(0, "/story?id=7", Reply(body=page.encode()))
        result = _crawl(tmp_path, sites.url(0, "/story?id=7"))
        asked = [r.path for r in sites.requests(0)]
    assert result.exit_code == 0, result.output
    assert _rows(tmp_path, "SELECT url FROM articles") == [(sites.url(0, "/story?id=7"),)]
    assert "/news/2024/05/01/more/" not in asked


def test_a_section_page_given_on_the_command_line_is_read_for_links(site: LoopbackSites,
                                                                    tmp_path: Path) -> None:
    result = _crawl(tmp_path, site.url(0, "/news/"))
    assert result.exit_code == 0, result.output
    assert sorted(_article_requests(site)) == sorted([*OLD, NEW])
    assert _rows(tmp_path, "SELECT count(*) FROM articles") == [(3,)]


def test_a_url_that_is_neither_article_nor_listing_fails_and_says_so(tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        sites.route(0, "/hello", Reply(headers=dict(HTML), body=(
            b"<html><body><nav><a href='/about/'>About us</a></nav><form><input name=q>"
            b"</form></body></html>")))
        result = _crawl(tmp_path, sites.url(0, "/hello"))
    assert result.exit_code == 1, result.output
    assert "not an article" in result.output and "no links to articles" in result.output
    errors = _rows(tmp_path, "SELECT error FROM fetches WHERE url LIKE '%/hello'")
    assert errors and "not an article" in errors[0][0]


SITES_FILE = """
[[site]]
name = "{name}"
feeds = ["{feed}"]
"""


def _sites_file(root: Path, name: str, feed: str) -> Path:
    path = root / "sites.toml"
    path.write_text(SITES_FILE.format(name=name, feed=feed), encoding="utf-8")
    return path


def _undated_site(sites: LoopbackSites) -> None:
    for path in [*OLD, NEW]:
        sites.route(0, path, article_reply(f"Story {path}"))
    sites.route(0, "/feed.xml", rss([(sites.url(0, path), None) for path in [*OLD, NEW]]))


def test_a_renamed_site_takes_its_urls_along(tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        _undated_site(sites)
        feed = sites.url(0, "/feed.xml")
        assert _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, "herald", feed))).exit_code == 0
        result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, "the-herald", feed)))
        again = _article_requests(sites)
    assert result.exit_code == 0, result.output
    assert len(again) == 6  # each article asked for once per run (conditionally the second time)
    assert "3 fetched" in result.output
    rows = _rows(tmp_path, "SELECT frontier.state, sites.name FROM frontier"
                           " JOIN sites ON sites.id = frontier.site_id")
    assert rows == [("done", "the-herald")] * 3
    assert _rows(tmp_path, "SELECT count(*) FROM articles") == [(3,)]


def test_an_ad_hoc_crawl_of_a_listed_site_uses_its_name_and_stores_nothing_twice(
        tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        _undated_site(sites)
        feed = sites.url(0, "/feed.xml")
        sites_file = _sites_file(tmp_path, "herald", feed)
        assert _crawl(tmp_path, "--sites", str(sites_file)).exit_code == 0
        ad_hoc = _crawl(tmp_path, feed, "--sites", str(sites_file))
        elsewhere = _crawl(tmp_path, feed, "--sites", str(tmp_path / "none.toml"))
        nightly = _crawl(tmp_path, "--sites", str(sites_file))
    for result in (ad_hoc, elsewhere, nightly):
        assert result.exit_code == 0, result.output
        assert "3 fetched" in result.output  # every run reaches the rows: none left pending
    assert _rows(tmp_path, "SELECT DISTINCT state FROM frontier") == [("done",)]
    assert _rows(tmp_path, "SELECT count(*) FROM articles") == [(3,)]
    assert _rows(tmp_path, "SELECT DISTINCT sites.name FROM frontier"
                           " JOIN sites ON sites.id = frontier.site_id") == [("herald",)]


def test_max_pages_stops_discovery_once_enough_candidates_are_found(tmp_path: Path) -> None:
    with LoopbackSites(1) as sites:
        children = [sites.url(0, f"/sitemaps/{n}.xml") for n in range(50)]
        index = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in children)
        sites.route(0, "/sitemap.xml", Reply(headers={"Content-Type": "application/xml"}, body=(
            f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{index}"
            "</sitemapindex>").encode()))
        for n in range(50):
            urls = "".join(f"<url><loc>{sites.url(0, f'/news/2024/05/01/s{n}-{k}/')}</loc></url>"
                           for k in range(5))
            sites.route(0, f"/sitemaps/{n}.xml", Reply(
                headers={"Content-Type": "application/xml"},
                body=f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}"
                     "</urlset>".encode()))
        result = _crawl(tmp_path, sites.url(0, "/sitemap.xml"), "--max-pages", "3")
        read = [r.path for r in sites.requests(0) if r.path.startswith("/sitemaps/")]
    assert result.exit_code == 1, result.output  # the articles themselves are not served
    assert read == ["/sitemaps/0.xml"]  # five candidates are enough for three pages
    assert "enough candidates for --max-pages (3)" in result.output
    assert _rows(tmp_path, "SELECT reason FROM discovery_cuts") == [
        ("enough candidates for --max-pages (3)",)]

"""What a crawl asks of each site, through the CLI against loopback sites.

A missing robots.txt is no failure; the placeholder contact is warned about once; a site's
own User-Agent is used for its robots.txt too; a site may be allowed private addresses in
the sites file; a robots.txt cannot send us to another host's sitemap.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli

from .loopback_sites import LoopbackSites, Reply, article_reply, rss, section_html, sitemap

pytestmark = pytest.mark.integration

STORIES = ["/news/2024/05/01/first-story/", "/news/2024/05/02/second-story/"]
OWN_AGENT = "HarbourResearch/2.0 (+https://uni.example/crawler)"
CONTACT = "https://uni.example/crawler"


@pytest.fixture
def sites() -> Iterator[LoopbackSites]:
    """Two loopback sites with a feed of two stories each and no robots.txt (404)."""
    with LoopbackSites(2) as running:
        for host in (0, 1):
            for path in STORIES:
                running.route(host, path, article_reply(f"Story {path} on site {host}"))
            running.route(host, "/feed.xml", rss([(running.url(host, p), None) for p in STORIES]))
        yield running


def _sites_file(tmp_path: Path, sites: LoopbackSites, extra: tuple[str, str] = ("", "")) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text("".join(
        f'[[site]]\nname = "{name}"\nfeeds = ["{sites.url(host, "/feed.xml")}"]\n{lines}\n'
        for host, name, lines in ((0, "alpha", extra[0]), (1, "beta", extra[1]))),
        encoding="utf-8")
    return path


def _invoke(tmp_path: Path, *arguments: str) -> Result:
    return CliRunner().invoke(cli, [*arguments, "--db", str(tmp_path / "a.db")])


def _crawl(tmp_path: Path, *arguments: str) -> Result:
    return _invoke(tmp_path, "crawl", *arguments, "--delay", "0",
                   "--archive-dir", str(tmp_path / "archive"))


def test_a_missing_robots_txt_is_not_a_failure(sites: LoopbackSites, tmp_path: Path) -> None:
    result = _crawl(tmp_path, sites.url(0, "/feed.xml"), "--allow-private",
                    "--contact-url", CONTACT)
    assert result.exit_code == 0, result.output + result.stderr
    assert sites.requests(0, "/robots.txt")  # it was asked for, and answered 404
    stats = json.loads(_invoke(tmp_path, "stats", "--json").stdout)
    assert stats["failures"] == [] and stats["totals"]["failed_fetches"] == 0
    assert "Failures by reason" not in _invoke(tmp_path, "stats").stdout
    with sqlite3.connect(tmp_path / "a.db") as db:
        why_failed = db.execute(  # the README's "why pages failed" query
            "SELECT url, status, error FROM fetches WHERE run_id = (SELECT max(id) FROM "
            "crawl_runs) AND error IS NOT NULL").fetchall()
        robots = db.execute("SELECT status, error, warc_file FROM fetches "
                            "WHERE url LIKE '%/robots.txt'").fetchall()
    assert why_failed == []
    assert [(status, error) for status, error, _ in robots] == [(404, None)]
    assert robots[0][2]  # archived like any response


def test_the_placeholder_contact_is_warned_about_once_per_run(
        sites: LoopbackSites, tmp_path: Path) -> None:
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites)), "--allow-private")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "placeholder contact" in line]
    assert len(warnings) == 1
    assert "--contact-url" in warnings[0] and "alpha, beta" in warnings[0]
    again = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites)), "--allow-private",
                   "--contact-url", CONTACT)
    assert "placeholder" not in again.stderr


def test_each_site_uses_its_own_agent_for_robots_txt_too(
        sites: LoopbackSites, tmp_path: Path) -> None:
    own = (f'user_agent = "{OWN_AGENT}"', f'user_agent = "{OWN_AGENT}"')
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites, own)),
                    "--allow-private")
    assert result.exit_code == 0
    assert "placeholder" not in result.stderr  # every site signs its requests itself
    for host in (0, 1):
        agents = {request.headers["user-agent"] for request in sites.requests(host)}
        assert agents == {OWN_AGENT}  # robots.txt, feed and articles alike
        assert sites.requests(host, "/robots.txt")


def test_private_addresses_can_be_allowed_for_one_site(
        sites: LoopbackSites, tmp_path: Path) -> None:
    result = _crawl(tmp_path, "--sites", str(_sites_file(tmp_path, sites,
                                                         ("allow_private = true", ""))),
                    "--contact-url", CONTACT)
    assert result.exit_code == 1  # beta's feed was refused
    assert len(sites.requests(0)) == 1 + 1 + len(STORIES)  # robots.txt, feed, stories
    assert sites.requests(1) == []
    refusal = [line for line in result.stderr.splitlines() if sites.url(1, "/feed.xml") in line]
    assert refusal and "allow_private = true" in refusal[0] and "--allow-private" in refusal[0]
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (len(STORIES),)


def test_robots_txt_cannot_send_the_crawl_to_another_hosts_sitemap(tmp_path: Path) -> None:
    with LoopbackSites(2) as hosts:
        listing = (f"Sitemap: {hosts.url(1, '/their-sitemap.xml')}\n"
                   f"Sitemap: {hosts.url(0, '/sitemap.xml')}\n").encode()
        hosts.route(0, "/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=listing))
        hosts.route(0, "/", Reply(body=section_html([STORIES[0]])))
        hosts.route(0, "/sitemap.xml", sitemap([(hosts.url(0, STORIES[1]), None)]))
        for path in STORIES:
            hosts.route(0, path, article_reply(f"Story {path}"))
        hosts.route(1, "/their-sitemap.xml", sitemap([(hosts.url(1, "/x/"), None)]))
        result = _crawl(tmp_path, hosts.url(0, "/"), "--allow-private", "--contact-url", CONTACT)
        assert result.exit_code == 0, result.output + result.stderr
        assert hosts.requests(1) == []  # the other host was never asked for anything
        assert hosts.requests(0, "/sitemap.xml")
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (len(STORIES),)

"""`scraper reextract`: extraction again from the WARC archive, with the server gone.

A crawl of two loopback sites fills the database and the archive; then the server stops. Rows
are made to look like an older extractor's (a stale headline and version), and reextract must
bring back what the archived pages say, for the sites and dates asked for, and nothing else.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli
from scraper.version import EXTRACTOR_VERSION

from .loopback_sites import LoopbackSites, Reply, article_reply, rss

pytestmark = pytest.mark.integration

PATHS = ["/news/2024/05/01/first-story/", "/news/2024/05/02/second-story/"]
NOT_AN_ARTICLE = "/news/2024/05/03/just-links/"
OLD = "0.0-old"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("reextract")
    with LoopbackSites(2) as sites:
        for host in (0, 1):
            for path in PATHS:
                sites.route(host, path, article_reply(f"Story {path[17:-1]} on {host}"))
            sites.route(host, NOT_AN_ARTICLE, Reply(body=b"<html><body><nav><a href='/'>Home"
                                                         b"</a></nav></body></html>"))
            sites.route(host, "/feed.xml", rss(
                [(sites.url(host, p), None) for p in [*PATHS, NOT_AN_ARTICLE]]))
        (root / "sites.toml").write_text("".join(
            f'[[site]]\nname = "{name}"\nfeeds = ["{sites.url(host, "/feed.xml")}"]\n'
            for host, name in ((0, "alpha"), (1, "beta"))), encoding="utf-8")
        result = CliRunner().invoke(cli, ["crawl", "--sites", str(root / "sites.toml"),
                                          "--allow-private", "--delay", "0", *_storage(root)])
        assert result.exit_code == 1, result.output  # the two link-only pages
    yield root  # the server is gone from here on


def _storage(root: Path) -> list[str]:
    return ["--db", str(root / "articles.db"), "--archive-dir", str(root / "archive")]


@pytest.fixture
def copy(crawled: Path, tmp_path: Path) -> Path:
    """A fresh copy of the crawled database and archive, with every row made stale."""
    shutil.copy(crawled / "articles.db", tmp_path / "articles.db")
    shutil.copytree(crawled / "archive", tmp_path / "archive")
    with sqlite3.connect(tmp_path / "articles.db") as db:
        db.execute("UPDATE articles SET headline = 'stale', extractor_version = ?,"
                   " content_hash = 'stale', record_hash = 'stale'", [OLD])
    return tmp_path


def _rows(root: Path) -> dict[str, tuple[str, str, str]]:
    with sqlite3.connect(root / "articles.db") as db:
        return {url: (site, headline, version) for url, site, headline, version in db.execute(
            "SELECT canonical_url, sites.name, headline, extractor_version FROM articles"
            " JOIN sites ON sites.id = articles.site_id")}


def _reextract(root: Path, *arguments: str) -> Result:
    return CliRunner().invoke(cli, ["reextract", *arguments, *_storage(root)])


def test_reextract_restores_every_article_from_the_archive(crawled: Path, copy: Path) -> None:
    result = _reextract(copy)
    assert result.exit_code == 0, result.output
    assert _rows(copy) == _rows(crawled)
    assert {version for _, _, version in _rows(copy).values()} == {EXTRACTOR_VERSION}
    assert len(_rows(copy)) == 4 and {site for site, _, _ in _rows(copy).values()} == {"alpha", "beta"}
    assert result.stdout.splitlines()[-1].endswith("0 failed, 0 new, 4 updated, 2 skipped")


def test_reextract_is_recorded_as_a_run_with_its_arguments(copy: Path) -> None:
    result = _reextract(copy, "--site", "beta", "--log-json")
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[-1])["event"] == "summary"
    with sqlite3.connect(copy / "articles.db") as db:
        arguments, updated, status = db.execute(
            "SELECT arguments, articles_updated, exit_status FROM crawl_runs ORDER BY id DESC"
            " LIMIT 1").fetchone()
    assert json.loads(arguments) == ["reextract", "--site", "beta", "--log-json", *_storage(copy)]
    assert (updated, status) == (2, 0)


def test_stale_redoes_exactly_the_rows_an_older_extractor_wrote(copy: Path) -> None:
    with sqlite3.connect(copy / "articles.db") as db:  # two rows claim the current version
        db.execute("UPDATE articles SET extractor_version = ? WHERE id IN"
                   " (SELECT min(id) FROM articles GROUP BY site_id)", [EXTRACTOR_VERSION])
    before = _rows(copy)
    result = _reextract(copy, "--stale")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith("0 failed, 0 new, 2 updated")  # none skipped
    after = _rows(copy)
    redone = {url for url in after if after[url] != before[url]}
    assert redone == {url for url, (_, _, version) in before.items() if version == OLD}
    assert {version for _, _, version in after.values()} == {EXTRACTOR_VERSION}
    assert all(headline != "stale" for url, (_, headline, _) in after.items() if url in redone)
    assert _reextract(copy, "--stale").stdout.splitlines()[-1].endswith("0 updated")


def test_rows_record_the_version_of_the_rules_in_use(copy: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "blog.toml").write_text('name = "blog"\nkind = "template"\nfingerprints = ["nav"]\n')
    assert _reextract(copy, "--selectors", str(rules)).exit_code == 0
    versions = {version for _, _, version in _rows(copy).values()}
    assert len(versions) == 1 and versions != {EXTRACTOR_VERSION}
    assert ": 0 discovered, 4 fetched," in _reextract(copy, "--stale").stdout  # bundled again
    assert {version for _, _, version in _rows(copy).values()} == {EXTRACTOR_VERSION}


def test_site_filter_touches_only_that_site(copy: Path) -> None:
    assert _reextract(copy, "--site", "alpha").exit_code == 0
    by_site = {(site, headline, version) for site, headline, version in _rows(copy).values()}
    assert ("beta", "stale", OLD) in by_site
    assert not any(site == "alpha" and version == OLD for site, _, version in by_site)


@pytest.mark.parametrize(("since", "updated"), [("2000-01-01", 4), ("2999-01-01", 0), ("1d", 4)])
def test_since_filter_uses_the_fetch_time(copy: Path, since: str, updated: int) -> None:
    result = _reextract(copy, "--since", since)
    assert result.exit_code == 0
    assert sum(version == EXTRACTOR_VERSION for _, _, version in _rows(copy).values()) == updated


def test_a_missing_archive_file_is_a_failure_with_its_reason(copy: Path) -> None:
    for path in (copy / "archive").glob("*.warc.gz"):
        path.unlink()
    result = _reextract(copy)
    assert result.exit_code == 1
    assert "archive:" in result.stderr and "cannot read" in result.stderr


def test_reextract_without_a_database_is_a_usage_error(tmp_path: Path) -> None:
    result = _reextract(tmp_path)
    assert result.exit_code == 2 and "no database" in result.output
    assert not (tmp_path / "articles.db").exists()

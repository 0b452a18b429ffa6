"""The whole pipeline through the CLI against the demo site on loopback: real HTTP, SQLite, WARC."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from scraper.cli import cli
from scraper.demo import DemoServer, article_paths

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED_LIKE = REPO_ROOT / "tests/fixtures/pages/demo_coral_sea_compact_suva_office.expected.toml"

pytestmark = pytest.mark.integration


class Crawl:
    """One finished crawl: its exit code, output and database."""

    def __init__(self, root: Path, server: DemoServer, result: object) -> None:
        self.root = root
        self.server = server
        self.exit_code: int = result.exit_code  # type: ignore[attr-defined]
        self.output: str = result.output  # type: ignore[attr-defined]
        self.db = sqlite3.connect(root / "articles.db")
        self.db.row_factory = sqlite3.Row

    def rows(self, sql: str, *params: object) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()


def run_crawl(root: Path, *urls: str) -> object:
    args = ["crawl", *urls, "--allow-private", "--delay", "0",
            "--db", str(root / "articles.db"), "--archive-dir", str(root / "archive")]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    root = tmp_path_factory.mktemp("demo-crawl")
    with DemoServer() as server:
        result = run_crawl(root, server.url("/"))
        yield Crawl(root, server, result)


def test_crawl_exits_cleanly_and_stores_every_demo_article(crawl: Crawl) -> None:
    assert crawl.exit_code == 0, crawl.output
    stored = {row["url"] for row in crawl.rows("SELECT url FROM articles")}
    expected = {crawl.server.url(path) for path in article_paths()}
    assert stored == expected


def test_non_article_pages_are_not_stored(crawl: Crawl) -> None:
    urls = {row["url"] for row in crawl.rows("SELECT url FROM articles")}
    assert not any(url.endswith(("/about/", "/contact/", "/privacy-policy/")) for url in urls)


def _seed_like_spec() -> dict:
    return tomllib.loads(SEED_LIKE.read_text(encoding="utf-8"))


def _seed_like_article(crawl: Crawl) -> sqlite3.Row:
    path = _seed_like_spec()["url"].split("demo.example", 1)[1]
    rows = crawl.rows("SELECT * FROM articles WHERE url = ?", crawl.server.url(path))
    assert len(rows) == 1
    return rows[0]


def test_seed_like_article_fields(crawl: Crawl) -> None:
    expect = _seed_like_spec()["expect"]
    article = _seed_like_article(crawl)
    assert article["headline"] == expect["headline"]
    assert article["published_at"] == expect["published_at"]
    assert article["body"].count(expect["headline"]) == 0  # the headline once, not in the body
    for snippet in _seed_like_spec()["body"]["excludes"]:
        assert snippet not in article["body"]
    authors = [row["name"] for row in crawl.rows(
        "SELECT authors.name FROM article_authors JOIN authors ON authors.id = article_authors.author_id"
        " WHERE article_id = ? ORDER BY position", article["id"])]
    assert authors == expect["authors"]


def test_seed_like_article_credit_quotes_and_related(crawl: Crawl) -> None:
    expect = _seed_like_spec()["expect"]
    article = _seed_like_article(crawl)
    images = crawl.rows("SELECT photographer, credit_source FROM images WHERE article_id = ?", article["id"])
    wanted_image = expect["images"][0]
    assert (wanted_image["photographer"], wanted_image["credit_source"]) in [tuple(r) for r in images]
    quotes = crawl.rows("SELECT text, speaker FROM quotes WHERE article_id = ? ORDER BY position", article["id"])
    assert [q["speaker"] for q in quotes] == [q["speaker"] for q in expect["quotes"]]
    for stored, wanted in zip(quotes, expect["quotes"]):
        assert stored["text"].startswith(wanted["text"])
    links = crawl.rows("SELECT url, title FROM links WHERE article_id = ? AND kind = 'related'"
                       " ORDER BY id", article["id"])
    origin = crawl.server.base_url
    assert [(r["url"], r["title"]) for r in links] == [
        (w["url"].replace("http://demo.example", origin), w["title"]) for w in expect["related"]]


def test_full_text_search_finds_the_seed_like_article(crawl: Crawl) -> None:
    result = CliRunner().invoke(cli, ["search", "fishing patrols", "--db", str(crawl.root / "articles.db")])
    assert result.exit_code == 0, result.output
    assert "Coral Sea Compact" in result.output


def test_every_fetch_is_recorded_with_its_archive_position(crawl: Crawl) -> None:
    fetched = {row["url"]: row for row in crawl.rows("SELECT * FROM fetches")}
    for path in ["/robots.txt", "/", "/rss.xml", "/sitemap.xml", *article_paths()]:
        row = fetched.get(crawl.server.url(path))
        assert row is not None, f"no fetch recorded for {path}"
        assert row["status"] == 200
        assert row["warc_file"] and row["warc_offset"] is not None


def test_warc_files_hold_every_recorded_response(crawl: Crawl) -> None:
    archives = sorted((crawl.root / "archive").glob("*.warc.gz"))
    assert len(archives) == 1
    responses: dict[tuple[str, int], str] = {}
    with archives[0].open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            if record.rec_type == "response":
                responses[(archives[0].name, iterator.get_record_offset())] = \
                    record.rec_headers.get_header("WARC-Target-URI")
    recorded = crawl.rows("SELECT final_url, warc_file, warc_offset FROM fetches WHERE warc_file IS NOT NULL")
    assert recorded
    for row in recorded:
        assert responses.get((row["warc_file"], row["warc_offset"])) == row["final_url"]


def test_crawl_run_is_recorded(crawl: Crawl) -> None:
    runs = crawl.rows("SELECT * FROM crawl_runs")
    assert len(runs) == 1
    assert runs[0]["exit_status"] == 0 and runs[0]["finished_at"]
    assert runs[0]["articles_new"] == len(article_paths())


def test_second_crawl_from_the_start_page_asks_for_no_listed_article_again(
        crawl: Crawl, tmp_path: Path) -> None:
    """The start page links the articles without dates, the feed and sitemap date them: the
    dates count, so articles listed as older than our last fetch are not requested again."""
    before = crawl.rows("SELECT COUNT(*) AS n FROM articles")[0]["n"]
    hints = crawl.rows("SELECT url, published_hint FROM frontier")
    assert {row["url"] for row in hints if row["published_hint"]} == {
        crawl.server.url(path) for path in article_paths()}
    result = run_crawl(crawl.root, crawl.server.url("/"))
    assert result.exit_code == 0, result.output
    assert crawl.rows("SELECT COUNT(*) AS n FROM articles")[0]["n"] == before
    last_run = crawl.rows("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]
    assert (last_run["articles_new"], last_run["pages_fetched"]) == (0, 0)
    requested = {row["url"] for row in crawl.rows(
        "SELECT url FROM fetches WHERE run_id = ?", last_run["id"])}
    assert not requested & {crawl.server.url(path) for path in article_paths()}


def test_the_demo_on_a_busy_port_keeps_its_urls_and_stores_nothing_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import scraper.demo

    with socket.socket() as probe:  # a port of our own for "the demo's port"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(scraper.demo, "DEMO_PORT", port)
    arguments = ["demo", "--db", str(tmp_path / "a.db"), "--archive-dir", str(tmp_path / "ar")]
    first = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    with socket.socket() as squatter:  # now something else holds the demo's port
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        second = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    assert first.exit_code == second.exit_code == 0, second.output
    assert f"port {port} is busy" in second.output
    db = sqlite3.connect(tmp_path / "a.db")
    urls = [url for (url,) in db.execute("SELECT url FROM articles")]
    assert len(urls) == len(article_paths())
    assert all(url.startswith(f"http://127.0.0.1:{port}/") for url in urls)
    assert db.execute("SELECT count(*) FROM frontier").fetchone()[0] == len(article_paths())


def test_python_m_scraper_demo_serves_on_the_port_the_readme_names() -> None:
    from scraper.demo.server import arguments

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    port = arguments([]).port
    assert f"demo site serving at http://127.0.0.1:{port}" in readme
    assert f'"url": "http://127.0.0.1:{port}/news/' in readme  # the record shown while served

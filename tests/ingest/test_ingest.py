"""`scraper ingest` on WARC files written by warcio, in this process and in local processes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper import extract
from scraper.archive import read_record
from scraper.cli import cli

from .conftest import ingest
from .snapshot import integrity, snapshot
from .warc_samples import LINKS_ONLY, archive_set, changed, fixture_samples

pytestmark = pytest.mark.integration


def rows(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def test_keeps_html_responses_with_status_200_only(ingested: Path) -> None:
    samples = fixture_samples()[:24]
    urls = {url for (url,) in rows(ingested, "SELECT url FROM fetches")}
    assert urls == {sample.url for sample in samples} | {LINKS_ONLY}
    assert not urls & {"https://www.tidewater-post.example/missing/",
                       "https://www.tidewater-post.example/photo.jpg",
                       "https://api.example.org/items.json"}
    assert rows(ingested, "SELECT count(*) FROM articles") == [(24,)]
    assert len({site for (site,) in rows(ingested, "SELECT site_id FROM articles")}) > 10


def test_each_fetch_points_at_its_record(ingested: Path, warcs: Path) -> None:
    fetches = rows(ingested, "SELECT url, warc_file, warc_offset, fetched_at FROM fetches")
    assert {Path(warc).parent for _, warc, _, _ in fetches} == {warcs.resolve()}
    assert {Path(warc).name for _, warc, _, _ in fetches} == {"a.warc.gz", "b.warc", "c.warc.gz"}
    for url, warc_file, offset, fetched_at in fetches:
        page = read_record(Path(warc_file), offset)  # the whole-stream file as well
        assert page.url == url
        assert fetched_at.startswith("2024-05-") and fetched_at.endswith("+00:00")


def test_a_chunked_gzip_encoded_page_reads_as_served(ingested: Path) -> None:
    sample = fixture_samples()[17]
    stored = rows(ingested, "SELECT body FROM articles WHERE url = ?", sample.url)
    assert stored == [(extract(sample.html, sample.url).body,)]


def test_a_later_copy_of_a_page_updates_its_article(ingested: Path) -> None:
    sample = fixture_samples()[1]
    (body, version), = rows(ingested, "SELECT body, version FROM articles WHERE url = ?",
                            sample.url)
    assert body == extract(changed(sample).html, sample.url).body
    assert version == 2
    assert rows(ingested, "SELECT count(*) FROM article_versions") == [(1,)]


def test_a_page_with_no_article_is_recorded_with_its_reason(ingested: Path) -> None:
    (error,), = rows(ingested, "SELECT error FROM fetches WHERE url = ?", LINKS_ONLY)
    assert error.startswith("extraction: ")
    assert rows(ingested, "SELECT count(*) FROM articles WHERE url = ?", LINKS_ONLY) == [(0,)]


def test_files_chunks_and_the_cut_off_record_are_recorded(ingested: Path) -> None:
    files = {Path(path).name: (compression, damage, json.loads(chunks)) for path, compression,
             damage, chunks in rows(ingested, "SELECT path, compression, damage, chunks"
                                              " FROM ingest_files")}
    assert {name: compression for name, (compression, _, _) in files.items()} == \
        {"a.warc.gz": "record", "b.warc": "none", "c.warc.gz": "stream"}
    assert "cut off" in files["b.warc"][1]
    assert files["a.warc.gz"][1] is None and files["c.warc.gz"][1] is None
    assert len(files["a.warc.gz"][2]) == 4  # 11 HTML pages, 3 a chunk
    chunks = rows(ingested, "SELECT state, count(*), sum(pages) FROM ingest_chunks GROUP BY 1")
    assert chunks == [("done", 4 + 3 + 1, 11 + 9 + 6)]


def test_the_run_is_a_row_of_crawl_runs(ingested: Path, warcs: Path) -> None:
    (arguments, exit_status, discovered, new, updated, failed), = rows(
        ingested, "SELECT arguments, exit_status, pages_discovered, articles_new,"
                  " articles_updated, pages_failed FROM crawl_runs")
    assert json.loads(arguments) == ["ingest", "--chunk-pages", "3", str(warcs), "--db",
                                     str(ingested)]  # as typed
    assert (exit_status, discovered, new, updated, failed) == (1, 26, 24, 1, 1)


def test_the_run_records_its_arguments_as_typed_like_every_command(warcs: Path,
                                                                    tmp_path: Path) -> None:
    typed = ["ingest", str(warcs / "a.warc.gz"), "--since", "3d", "--language", "en,de",
             "--db", str(tmp_path / "articles.db")]
    result = CliRunner().invoke(cli, typed)
    assert result.exit_code == 1, result.output  # its page of links has no article
    (arguments,), = rows(tmp_path / "articles.db", "SELECT arguments FROM crawl_runs")
    assert json.loads(arguments) == typed  # the age as given, not the time it stood for


def test_a_rerun_stores_nothing_twice(ingested: Path, warcs: Path, tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    shutil.copy(ingested, db)
    result = ingest(str(warcs / "*.warc*"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "3 skipped" in result.output
    assert snapshot(db) == snapshot(ingested)


def test_local_processes_store_what_this_process_stores(ingested: Path, warcs: Path,
                                                        tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(warcs), "--db", str(db), "--workers", "2")
    assert result.exit_code == 1, result.output
    assert snapshot(db) == snapshot(ingested)
    assert integrity(db) == "ok"


@pytest.mark.parametrize(("options", "where"), [
    (["--host", "journal-saone.example"], "sites.name = 'journal-saone.example'"),
    (["--host", "tidewater-post.example"], "sites.name = 'tidewater-post.example'"),
    (["--language", "de"], "language = 'de'"),
    (["--language", "fr,it", "--language", "es"], "language IN ('fr', 'it', 'es')"),
])
def test_host_and_language_filters(warcs: Path, ingested: Path, tmp_path: Path,
                                   options: list[str], where: str) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(warcs), "--db", str(db), *options)
    assert result.exit_code in (0, 1), result.output
    query = ("SELECT canonical_url FROM articles JOIN sites ON sites.id = articles.site_id"
             " WHERE {} ORDER BY 1")
    kept = rows(db, query.format("1"))
    assert kept == rows(ingested, query.format(where))
    assert len(kept) < 24
    assert "filtered" in result.output


def test_date_filter_keeps_articles_published_in_the_window(warcs: Path, ingested: Path,
                                                            tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(warcs), "--db", str(db), "--since", "2024-03-01", "--until", "2024-05-31")
    assert result.exit_code in (0, 1), result.output
    dates = {date for (date,) in rows(ingested, "SELECT published_at FROM articles")}
    wanted = {date for date in dates if date and "2024-03-01" <= date[:10] <= "2024-05-31"}
    assert 0 < len(wanted) < len(dates)
    assert {date for (date,) in rows(db, "SELECT published_at FROM articles")} == wanted


def test_reextract_reads_ingested_articles_from_their_warc_files(ingested: Path,
                                                                 tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    shutil.copy(ingested, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET headline = 'stale', record_hash = 'stale'")
    result = CliRunner().invoke(cli, ["reextract", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "24 updated" in result.output
    assert rows(db, "SELECT headline FROM articles ORDER BY id") == \
        rows(ingested, "SELECT headline FROM articles ORDER BY id")


def test_a_file_completed_later_is_ingested_from_where_it_was_cut(
        warcs: Path, ingested: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    whole.mkdir()
    archive_set(whole)
    grown = tmp_path / "grown.warc"
    shutil.copy(whole / "b.warc", grown)  # cut off, as in the reference set
    db = tmp_path / "articles.db"
    assert ingest(str(grown), "--db", str(db)).exit_code == 0
    with open(grown, "ab") as stream:  # the rest of the download arrives
        stream.write(b"<p>more of the page</p></body></html>\r\n\r\n")
    result = ingest(str(grown), "--db", str(db))
    assert result.exit_code in (0, 1), result.output
    assert rows(db, "SELECT count(*) FROM ingest_files") == [(1,)]


def test_an_unreadable_file_is_recorded_and_the_run_goes_on(warcs: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_text("this is not a web archive\n")
    db = tmp_path / "articles.db"
    result = ingest(str(junk), str(warcs / "c.warc.gz"), "--db", str(db))
    assert result.exit_code == 1
    assert "junk.warc: not a WARC file" in result.output
    assert rows(db, "SELECT error FROM ingest_files WHERE path LIKE '%junk.warc'") == \
        [("not a WARC file: no WARC record at offset 0",)]
    assert rows(db, "SELECT count(*) FROM articles") == [(6,)]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert ingest(str(tmp_path / "none*.warc.gz"), "--db", str(tmp_path / "a.db")).exit_code == 2
    assert ingest(str(tmp_path), "--db", str(tmp_path / "a.db"),
                  "--cluster", "somewhere").exit_code == 2

"""A page that takes too long to extract is recorded as failed with its reason, and the run goes
on: in `ingest` and `reextract`, in this process, in local processes and on a Dask cluster
(whose workers cannot be interrupted: the page runs in a helper process the worker stops)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scraper.cli import cli

from .conftest import ingest
from .warc_samples import WarcFile, fixture_samples

pytestmark = pytest.mark.integration
GIANT_URL = "https://www.tidewater-post.example/news/2024/05/09/giant/"
TIMED_OUT = "extraction timed out after 0.5 s"


def giant_page(paragraphs: int) -> bytes:
    """An article whose extraction takes seconds: far longer than the limit the tests set."""
    text = "The council met on Tuesday evening to discuss the harbour plan, once again."
    return ("<html><body><article><h1>Giant</h1>"
            + "".join(f"<p>Paragraph {number}. {text}</p>" for number in range(paragraphs))
            + "</article></body></html>").encode()


@pytest.fixture(scope="module")
def giant_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ordinary page, the giant one, another ordinary page."""
    path = tmp_path_factory.mktemp("giant") / "giant.warc.gz"
    first, second = fixture_samples()[:2]
    warc = WarcFile(path, gzip_records=True)
    warc.response(first.url, first.html)
    warc.response(GIANT_URL, giant_page(20_000))
    warc.response(second.url, second.html)
    warc.close()
    return path


@pytest.fixture(scope="module")
def ingested_whole(giant_warc: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three pages ingested with no time limit: the giant one is an article too."""
    db = tmp_path_factory.mktemp("whole") / "articles.db"
    result = ingest(str(giant_warc), "--db", str(db), "--extraction-timeout", "0")
    assert result.exit_code == 0, result.output
    assert stored(db) == sorted([GIANT_URL, *(sample.url for sample in fixture_samples()[:2])])
    return db


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return sorted(url for url, in connection.execute("SELECT url FROM articles"))


def fetch_error(db: Path, url: str) -> str | None:
    with sqlite3.connect(db) as connection:
        (error,), = connection.execute("SELECT error FROM fetches WHERE url = ?", (url,))
    return str(error) if error is not None else None


def _check_ingest(giant_warc: Path, tmp_path: Path, *where: str) -> None:
    db = tmp_path / "articles.db"
    result = ingest(str(giant_warc), "--db", str(db), "--extraction-timeout", "0.5", *where)
    assert result.exit_code == 1, result.output
    assert stored(db) == sorted(sample.url for sample in fixture_samples()[:2])
    assert fetch_error(db, GIANT_URL) == f"extraction: {TIMED_OUT}"


@pytest.mark.parametrize("where", [[], ["--workers", "1"]], ids=["this-process", "processes"])
def test_ingest_records_a_page_that_extracts_too_long_and_goes_on(
        giant_warc: Path, tmp_path: Path, where: list[str]) -> None:
    _check_ingest(giant_warc, tmp_path, *where)


def test_ingest_on_a_cluster_bounds_each_page_on_the_worker(
        giant_warc: Path, tmp_path: Path, dask_cluster: Any) -> None:
    _check_ingest(giant_warc, tmp_path, "--cluster", dask_cluster.scheduler_address)


def _check_reextract(ingested_whole: Path, tmp_path: Path, *where: str) -> None:
    db = tmp_path / "articles.db"
    db.write_bytes(ingested_whole.read_bytes())
    result = CliRunner().invoke(cli, ["reextract", "--db", str(db), "--extraction-timeout",
                                      "0.5", *where])
    assert result.exit_code == 1, result.output
    assert f"{GIANT_URL}: {TIMED_OUT}" in result.output + result.stderr
    assert "2 unchanged" in result.output  # the other pages were extracted after it


def test_reextract_records_a_page_that_extracts_too_long_and_goes_on(
        ingested_whole: Path, tmp_path: Path) -> None:
    _check_reextract(ingested_whole, tmp_path)


def test_reextract_on_a_cluster_bounds_each_page_on_the_worker(
        ingested_whole: Path, tmp_path: Path, dask_cluster: Any) -> None:
    _check_reextract(ingested_whole, tmp_path, "--cluster", dask_cluster.scheduler_address)

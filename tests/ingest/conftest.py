"""WARC files for the ingest tests, and their ingest in this process: the reference results."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli

from .warc_samples import archive_set, larger_set

LARGE_CHUNK_PAGES = "8"


def ingest(*arguments: str) -> Result:
    """Run `scraper ingest` with small chunks, so that each file has several."""
    return CliRunner().invoke(cli, ["ingest", "--chunk-pages", "3", *arguments])


@pytest.fixture(scope="session")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive set: three files over several sites (see warc_samples)."""
    folder = tmp_path_factory.mktemp("warcs")
    archive_set(folder)
    return folder


@pytest.fixture(scope="session")
def ingested(warcs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive set ingested once, in this process: the reference result."""
    db = tmp_path_factory.mktemp("reference") / "articles.db"
    result = ingest(str(warcs), "--db", str(db))
    assert result.exit_code == 1, result.output  # the page of links has no article
    return db


@pytest.fixture(scope="session")
def large_warcs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three copies of every fixture page on hosts of their own: a run long enough to stop."""
    folder = tmp_path_factory.mktemp("large")
    larger_set(folder)
    return folder


@pytest.fixture(scope="session")
def large_ingested(large_warcs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The large set ingested in one uninterrupted run in this process."""
    db = tmp_path_factory.mktemp("large-reference") / "articles.db"
    result = CliRunner().invoke(cli, ["ingest", str(large_warcs), "--db", str(db),
                                      "--chunk-pages", LARGE_CHUNK_PAGES])
    assert result.exit_code == 0, result.output
    return db

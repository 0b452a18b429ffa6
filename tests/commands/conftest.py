"""Fixtures for the command tests: a real database of a few articles on two sites."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli
from scraper.models import Article, Quote
from scraper.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.now(UTC).replace(microsecond=0)
RECENT = (NOW - timedelta(days=1)).isoformat()
OLD = (NOW - timedelta(days=10)).isoformat()
HARBOUR_URL = "https://herald.example/news/2024/05/03/harbour-clean-up/"
TRAM_URL = "https://gazette.example/news/2024/05/01/tram-vote"


def article(url: str, headline: str, published_at: str, body: str) -> Article:
    """Return a small article record."""
    return Article(url=url, canonical_url=url, headline=headline, published_at=published_at,
                   authors=("Sam Ferris",), body=body,
                   quotes=(Quote("The harbour has never looked cleaner", "Lucy Adeyemi"),))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two articles on two sites: a recent harbour story (herald), an old tram one (gazette)."""
    path = tmp_path / "articles.db"
    with Store.open(path) as store:
        store.save_article(article(HARBOUR_URL, "Harbour clean-up draws a record turnout",
                                   RECENT, "Volunteers cleared the harbour of rubbish."),
                           site="herald", fetch_id=None, seen_at=RECENT)
        store.save_article(article(TRAM_URL, "Council approves tram extension", OLD,
                                   "The tram will reach the harbour by 2027."),
                           site="gazette", fetch_id=None, seen_at=OLD)
    return path


def run(*args: str) -> Result:
    """Run the scraper command line in-process and return its result."""
    return CliRunner().invoke(cli, list(args))

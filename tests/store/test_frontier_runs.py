"""The frontier, crawl runs and fetches."""

from __future__ import annotations

import pytest

from scraper.errors import StoreError
from scraper.store import FrontierEntry, Store

from .conftest import count

AT = "2024-07-12T10:00:00+00:00"


def test_enqueue_counts_only_new_urls(store: Store) -> None:
    first = [FrontierEntry("https://a.example/1", "a", "https://a.example/feed"),
             FrontierEntry("https://a.example/2", "a")]
    assert store.enqueue(first, discovered_at=AT) == 2
    again = [FrontierEntry("https://a.example/2", "a"), FrontierEntry("https://b.example/1")]
    assert store.enqueue(again, discovered_at=AT) == 1
    assert count(store, "SELECT count(*) FROM frontier") == 3
    assert store.db.execute("SELECT name FROM sites ORDER BY name").fetchall() == [
        ("a",), ("b.example",)]


def test_pending_is_newest_first_then_discovery_order_and_filters_site(store: Store) -> None:
    store.enqueue([
        FrontierEntry("https://a.example/undated", "a"),
        FrontierEntry("https://a.example/old", "a", published_hint="2024-01-01"),
        FrontierEntry("https://b.example/new", "b", published_hint="2024-07-01T08:00:00Z"),
        FrontierEntry("https://a.example/undated-2", "a"),
    ], discovered_at=AT)
    assert [e.url for e in store.pending(10)] == [
        "https://b.example/new", "https://a.example/old", "https://a.example/undated",
        "https://a.example/undated-2"]
    assert [e.url for e in store.pending(2, site="a")] == [
        "https://a.example/old", "https://a.example/undated"]
    assert store.pending(1)[0] == FrontierEntry("https://b.example/new", "b", None,
                                                "2024-07-01T08:00:00Z")


def test_mark_moves_state_and_counts_attempts(store: Store) -> None:
    store.enqueue([FrontierEntry("https://a.example/1", "a")], discovered_at=AT)
    store.mark("https://a.example/1", "failed", "HTTP 503")
    store.mark("https://a.example/1", "pending")
    store.mark("https://a.example/1", "done")
    assert store.db.execute("SELECT state, attempts, last_error FROM frontier").fetchone() == (
        "done", 2, None)
    assert store.pending(10) == []


def test_mark_adds_an_unknown_url_and_rejects_unknown_states(store: Store) -> None:
    store.mark("https://c.example/x", "skipped", "robots.txt forbids it")
    assert store.db.execute("SELECT url, state, attempts, last_error FROM frontier").fetchone() == (
        "https://c.example/x", "skipped", 0, "robots.txt forbids it")
    with pytest.raises(StoreError, match="unknown frontier state"):
        store.mark("https://c.example/x", "finished")


def test_run_lifecycle(store: Store) -> None:
    run_id = store.start_run(AT, "crawl --max-pages 5")
    assert store.db.execute("SELECT finished_at, pages_fetched FROM crawl_runs").fetchone() == (
        None, 0)
    store.finish_run(run_id, "2024-07-12T10:05:00+00:00",
                     {"discovered": 9, "fetched": 5, "unchanged": 1, "failed": 1, "new": 2,
                      "updated": 1}, 1)
    row = store.db.execute(
        "SELECT finished_at, pages_discovered, pages_fetched, pages_unchanged, pages_failed,"
        " articles_new, articles_updated, exit_status FROM crawl_runs").fetchone()
    assert row == ("2024-07-12T10:05:00+00:00", 9, 5, 1, 1, 2, 1, 1)
    with pytest.raises(StoreError, match="unknown run count"):
        store.finish_run(run_id, AT, {"fetchd": 1}, 0)
    with pytest.raises(StoreError, match="no crawl run"):
        store.finish_run(run_id + 1, AT, {}, 0)


def test_validators_come_from_the_last_200(store: Store) -> None:
    url = "https://a.example/1"
    assert store.validators(url) == (None, None)
    store.record_fetch(None, url, final_url=url, status=200, error=None, etag='"a"',
                       last_modified="Mon, 01 Jul 2024 10:00:00 GMT", fetched_at="2024-07-01")
    store.record_fetch(None, url, final_url=url, status=200, error=None, etag='"b"',
                       fetched_at="2024-07-02")
    store.record_fetch(None, url, final_url=None, status=503, error="HTTP 503", etag='"c"',
                       fetched_at="2024-07-03")
    assert store.validators(url) == ('"b"', None)


def test_fetch_rows_keep_every_field(store: Store) -> None:
    run_id = store.start_run(AT, "crawl")
    fetch_id = store.record_fetch(
        run_id, "http://a.example/1", final_url="https://a.example/1", status=200, error=None,
        content_type="text/html", size=1234, etag='"e"', last_modified=None,
        warc_file="data/archive/run-1.warc.gz", warc_offset=5678, fetched_at=AT, elapsed=0.25)
    row = store.db.execute("SELECT run_id, final_url, size, warc_file, warc_offset, elapsed"
                           " FROM fetches WHERE id = ?", [fetch_id]).fetchone()
    assert row == (run_id, "https://a.example/1", 1234, "data/archive/run-1.warc.gz", 5678, 0.25)

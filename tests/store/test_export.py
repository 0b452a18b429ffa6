"""Exports stream records that parse back to what was stored."""

from __future__ import annotations

import csv
import io
import json
import types

from scraper.store import Store
from scraper.store.export import iter_articles, write_export

from .conftest import make_article

SEEN = "2024-07-12T10:00:00+00:00"


def _fill(store: Store) -> None:
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=SEEN)
    store.save_article(make_article(url="https://harbour.example/ferry", canonical_url=None,
                                    headline="Ferry, \"timetable\"", published_at="2024-05-03",
                                    authors=(), images=(), quotes=(), tags=("Ferries",)),
                       site="harbour", fetch_id=None, seen_at=SEEN)


def test_jsonl_lines_are_full_records(store: Store) -> None:
    _fill(store)
    out = io.StringIO()
    assert write_export(store.db, out, "jsonl") == 2
    first, second = [json.loads(line) for line in out.getvalue().splitlines()]
    assert first["headline"] == "Nato plans liaison office in Japan"
    assert first["authors"] == ["Jane Doe", "Ali Khan"]
    assert first["images"] == [{"url": "https://news.example.com/img/tokyo.jpg",
                                "caption": "Tokyo at night",
                                "credit": "Photo by Tianshu Liu on Unsplash",
                                "photographer": "Tianshu Liu", "credit_source": "Unsplash"}]
    assert first["quotes"][1] == {"text": "ongoing deliberations", "speaker": None}
    assert first["related"] == [{"url": "https://news.example.com/2024/07/10/summit/",
                                 "title": "Summit in Washington"}]
    assert (second["site"], second["authors"], second["tags"]) == ("harbour", [], ["Ferries"])


def test_csv_parses_back_with_commas_quotes_and_newlines(store: Store) -> None:
    _fill(store)
    out = io.StringIO()
    write_export(store.db, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [row["headline"] for row in rows] == ["Nato plans liaison office in Japan",
                                                 'Ferry, "timetable"']
    assert rows[0]["authors"] == "Jane Doe; Ali Khan"
    assert rows[0]["body"].count("\n\n") == 2
    assert json.loads(rows[0]["quotes"])[0]["speaker"] == "Oana Lungescu"


def test_filters_by_date_and_site(store: Store) -> None:
    _fill(store)
    assert [r["site"] for r in iter_articles(store.db, since="2024-06-01")] == ["example"]
    assert [r["site"] for r in iter_articles(store.db, until="2024-05-03")] == ["harbour"]
    assert [r["site"] for r in iter_articles(store.db, site="harbour")] == ["harbour"]


def test_rows_are_produced_lazily(store: Store) -> None:
    _fill(store)
    records = iter_articles(store.db)
    assert isinstance(records, types.GeneratorType)
    assert next(records)["site"] == "example"  # one row read, the rest still in the cursor


def test_empty_csv_still_has_a_header(store: Store) -> None:
    out = io.StringIO()
    assert write_export(store.db, out, "csv") == 0
    assert out.getvalue().startswith("id,site,url,canonical_url")

"""The extraction record's shape: every contract key, plain lists and dicts, JSON-ready."""

from __future__ import annotations

import json

from scraper.models import RECORD_KEYS, Article, Image, Link, Provenance, Quote


def test_record_has_exactly_the_contract_keys_in_order() -> None:
    record = Article(url="https://x.example/a").to_dict()
    assert tuple(record) == RECORD_KEYS
    assert record["authors"] == [] and record["images"] == [] and record["body"] == ""


def test_record_nests_plain_dicts_and_leaves_provenance_out() -> None:
    article = Article(
        url="https://x.example/a", authors=("Jane Doe",), tags=("Harbour",),
        images=(Image("https://x.example/i.jpg", None, "Photo by Ann Lee on Unsplash", "Ann Lee", "Unsplash"),),
        quotes=(Quote("We will.", "Jane Doe"),), related=(Link("https://x.example/b", "B"),),
        provenance=Provenance(published_at_source="json-ld"))
    record = article.to_dict()
    assert record["images"] == [{"url": "https://x.example/i.jpg", "caption": None,
                                 "credit": "Photo by Ann Lee on Unsplash", "photographer": "Ann Lee",
                                 "credit_source": "Unsplash"}]
    assert record["quotes"] == [{"text": "We will.", "speaker": "Jane Doe"}]
    assert record["related"] == [{"url": "https://x.example/b", "title": "B"}]
    assert "provenance" not in record
    assert json.loads(json.dumps(record)) == record

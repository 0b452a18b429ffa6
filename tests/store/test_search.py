"""Full-text search: safe queries, filters, ranking, snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.errors import StoreError
from scraper.models import Quote
from scraper.store import Store
from scraper.store.search import fts_query

from .conftest import make_article

SEEN = "2024-07-12T10:00:00+00:00"


@pytest.fixture
def filled(store: Store) -> Store:
    """Three articles on two sites, different dates, authors and speakers."""
    store.save_article(make_article(), site="example", fetch_id=None, seen_at=SEEN)
    store.save_article(make_article(
        url="https://harbour.example/ferry", canonical_url=None, headline="Ferry timetable",
        published_at="2024-05-03", authors=("Lena Berg",),
        body="The ferry timetable changes in May. Nato ships will visit the harbour.",
        quotes=(Quote("The harbour is ready", "Mayor Tom Lund"),)),
        site="harbour", fetch_id=None, seen_at=SEEN)
    store.save_article(make_article(
        url="https://harbour.example/nato-visit", canonical_url=None,
        headline="Nato fleet visits the harbour", published_at="2024-07-13T08:00:00+00:00",
        authors=("Ali Khan",), body="Ships arrived on Saturday.", quotes=()),
        site="harbour", fetch_id=None, seen_at=SEEN)
    return store


def _headlines(hits: list) -> list[str]:
    return [hit.headline for hit in hits]


def test_words_must_all_match(filled: Store) -> None:
    assert _headlines(filled.search("ferry harbour")) == ["Ferry timetable"]


def test_headline_matches_rank_first(filled: Store) -> None:
    assert _headlines(filled.search("nato"))[0] == "Nato fleet visits the harbour"


def test_site_and_date_filters(filled: Store) -> None:
    assert _headlines(filled.search("nato", site="harbour", order="date")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]
    july = filled.search("nato", since="2024-07-01", until="2024-07-12")
    assert _headlines(july) == [
        "Nato plans liaison office in Japan"]
    assert _headlines(filled.search("nato", until="2024-05-03")) == ["Ferry timetable"]


def test_author_and_speaker_filters(filled: Store) -> None:
    assert _headlines(filled.search("nato", author="khan", order="date")) == [
        "Nato fleet visits the harbour", "Nato plans liaison office in Japan"]
    assert _headlines(filled.search("nato", speaker="Lund")) == ["Ferry timetable"]
    assert filled.search("nato", author="100%_") == []


def test_quote_match_shows_the_quote_and_speaker(filled: Store) -> None:
    (hit,) = filled.search("ready")
    assert (hit.matched, hit.snippet) == ("quote", "“The harbour is [ready]” — Mayor Tom Lund")


def test_body_match_is_preferred_over_a_quote_match(filled: Store) -> None:
    (hit,) = filled.search("same values")
    assert (hit.headline, hit.matched) == ("Nato plans liaison office in Japan", "article")
    assert "[same] [values]" in hit.snippet


def test_snippet_marks_the_matched_words(filled: Store) -> None:
    (hit,) = filled.search("deliberations", markers=("<b>", "</b>"))
    assert "ongoing <b>deliberations</b>" in hit.snippet


def test_phrases_prefixes_and_diacritics(filled: Store) -> None:
    assert _headlines(filled.search('"timetable changes"')) == ["Ferry timetable"]
    assert filled.search('"changes timetable"') == []
    assert _headlines(filled.search("timet*")) == ["Ferry timetable"]
    assert _headlines(filled.search("Fërry")) == ["Ferry timetable"]


def test_user_syntax_never_breaks_the_query(filled: Store) -> None:
    assert filled.search('Nato\'s "office') == []
    assert _headlines(filled.search('liaison (office) Japan:')) == [
        "Nato plans liaison office in Japan"]
    assert filled.search("liaison OR ferry") == []  # operators need raw=True
    with pytest.raises(StoreError):
        filled.search('"" * ( ) -')


def test_raw_mode_passes_fts_syntax(filled: Store) -> None:
    assert _headlines(filled.search("headline: ferry OR headline: fleet", raw=True,
                                    order="date")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]
    assert _headlines(filled.search("speaker: lund", raw=True)) == ["Ferry timetable"]
    with pytest.raises(StoreError):
        filled.search("nato AND", raw=True)


def test_bad_dates_are_store_errors(filled: Store) -> None:
    with pytest.raises(StoreError, match="since"):
        filled.search("nato", since="12/07/2024")


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('Nato\'s "office') == '"Nato\'s" "office"'
    assert fts_query('"liaison office" tok*') == '"liaison office" "tok"*'


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_any_text_is_a_result_or_a_store_error(tmp_path: Path, query: str) -> None:
    path = tmp_path / "fuzz.db"
    with Store.open(path) as store:
        if not store.db.execute("SELECT count(*) FROM articles").fetchone()[0]:
            store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
        try:
            store.search(query)
        except StoreError:
            pass

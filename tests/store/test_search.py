"""Full-text search: the query language, one document per article, filters, ranking, snippets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.errors import QueryError, StoreError
from scraper.models import Quote
from scraper.store import Store
from scraper.store.query import parse, word_expression

from .conftest import make_article

SEEN = "2024-07-12T10:00:00+00:00"


@pytest.fixture
def filled(store: Store) -> Store:
    """Four articles on two sites, different dates, authors and speakers."""
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
    store.save_article(make_article(
        url="https://harbour.example/tram", canonical_url=None,
        headline="Council approves tram extension to the hospital", published_at="2024-05-02",
        authors=("Priya Raman",), body="The line will reach the new wards by 2027.",
        quotes=(Quote("The tram will change how people travel", "Mayor Tom Lund"),)),
        site="harbour", fetch_id=None, seen_at=SEEN)
    return store


def _headlines(hits: list) -> list[str]:
    return [hit.headline for hit in hits]


def test_words_must_all_match(filled: Store) -> None:
    assert _headlines(filled.search("ferry harbour")) == ["Ferry timetable"]


def test_headline_matches_rank_first(filled: Store) -> None:
    assert _headlines(filled.search("nato"))[0] == "Nato fleet visits the harbour"


def test_or_accepts_either_term(filled: Store) -> None:
    assert sorted(_headlines(filled.search("ferry OR tram"))) == [
        "Council approves tram extension to the hospital", "Ferry timetable"]
    assert sorted(_headlines(filled.search("(ferry OR fleet) harbour"))) == [
        "Ferry timetable", "Nato fleet visits the harbour"]


def test_not_leaves_out_articles_holding_the_term_anywhere(filled: Store) -> None:
    """"tram" is in a quote and "hospital" in the headline: NOT applies to the article."""
    for query in ("tram NOT hospital", "tram -hospital"):
        assert filled.search(query) == [], query
    assert filled.search("tram NOT hospital", raw=True) == []
    assert _headlines(filled.search("harbour NOT tram")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]
    assert _headlines(filled.search('nato -"liaison office"', order="date")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]


def test_terms_may_match_in_different_parts_of_the_article(filled: Store) -> None:
    """Headline, body, quote and speaker of one article answer one AND together."""
    assert _headlines(filled.search("hospital wards travel lund")) == [
        "Council approves tram extension to the hospital"]


def test_lower_case_operators_are_words(filled: Store) -> None:
    assert filled.search("ferry or tram") == []


@pytest.mark.parametrize("query, message", [
    ("", "nothing to search for"), ("AND", "nothing to search for"),
    ("OR", "OR needs"), ("harbour OR", "OR needs"), ("OR harbour", "OR needs"),
    ("NOT tram", "NOT needs a term to keep"), ("-tram", "NOT needs a term to keep"),
    ("tram NOT", "NOT needs a term after it"), ('"" * ( ) -', "nothing to search for"),
])
def test_queries_with_nothing_to_find_are_usage_errors(filled: Store, query: str,
                                                       message: str) -> None:
    with pytest.raises(QueryError, match=message):
        filled.search(query)


def test_site_and_date_filters(filled: Store) -> None:
    assert _headlines(filled.search("nato", site="harbour", order="date")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]
    july = filled.search("nato", since="2024-07-01", until="2024-07-12")
    assert _headlines(july) == ["Nato plans liaison office in Japan"]
    assert _headlines(filled.search("nato", until="2024-05-03")) == ["Ferry timetable"]


def test_author_and_speaker_filters(filled: Store) -> None:
    assert _headlines(filled.search("nato", author="khan", order="date")) == [
        "Nato fleet visits the harbour", "Nato plans liaison office in Japan"]
    assert _headlines(filled.search("nato", speaker="Lund")) == ["Ferry timetable"]
    assert filled.search("nato", author="100%_") == []


def test_author_and_speaker_filters_ignore_case_and_accents_both_ways(store: Store) -> None:
    store.save_article(make_article(authors=("Jürgen Müller",), quotes=(
        Quote("We share the same values", "Zoë Ångström"),)), site="x", fetch_id=None,
        seen_at=SEEN)
    for author in ("muller", "MÜLLER", "Jurgen"):
        assert len(store.search("nato", author=author)) == 1, author
    for speaker in ("zoe", "ANGSTRÖM", "ångstrom"):
        assert len(store.search("nato", speaker=speaker)) == 1, speaker


def test_quote_match_shows_the_quote_and_speaker(filled: Store) -> None:
    (hit,) = filled.search("ready")
    assert (hit.matched, hit.snippet) == ("quote", "“The harbour is [ready]” — Mayor Tom Lund")
    (hit,) = filled.search("lund harbour")
    assert (hit.matched, hit.headline) == ("article", "Ferry timetable")


def test_speaker_match_marks_the_speaker(filled: Store) -> None:
    hits = filled.search("lund", order="date")
    assert [hit.snippet for hit in hits] == [
        "“The harbour is ready” — Mayor Tom [Lund]",
        "“The tram will change how people travel” — Mayor Tom [Lund]"]


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


def test_accents_fold_both_ways(store: Store) -> None:
    store.save_article(make_article(headline="Sanierung der Lindenbrücke",
                                    body="Die Brücke über die Saône bleibt gesperrt."),
                       site="x", fetch_id=None, seen_at=SEEN)
    for query in ("lindenbrucke", "Lindenbrücke", "saone", "SAÔNE", "brucke", "bruecke*"):
        expected = [] if query == "bruecke*" else ["Sanierung der Lindenbrücke"]
        assert _headlines(store.search(query)) == expected, query


def test_soft_hyphens_and_zero_width_characters_do_not_split_words(store: Store) -> None:
    store.save_article(make_article(headline="News from Bed\u00adford",
                                    body="The Ked\u200bleston road and the Grant\u00adchester "
                                         "meadows reopen."),
                       site="x", fetch_id=None, seen_at=SEEN)
    for query in ("Bedford", "Kedleston", "Grantchester", "Grant\u00adchester", "grantch*"):
        (hit,) = store.search(query)
        assert hit.headline == "News from Bed\u00adford", query
    (hit,) = store.search("Grantchester")
    assert "[Grantchester]" in hit.snippet


def test_user_syntax_never_breaks_the_query(filled: Store) -> None:
    assert filled.search('Nato\'s "office') == []
    assert _headlines(filled.search('liaison (office) Japan:')) == [
        "Nato plans liaison office in Japan"]
    assert _headlines(filled.search('liaison ) office ((')) == [
        "Nato plans liaison office in Japan"]
    assert _headlines(filled.search("NEAR(liaison office) headline:nato")) == []


def test_raw_mode_passes_fts_syntax(filled: Store) -> None:
    assert _headlines(filled.search("headline: ferry OR headline: fleet", raw=True,
                                    order="date")) == [
        "Nato fleet visits the harbour", "Ferry timetable"]
    assert _headlines(filled.search("speakers: lund AND quotes: ready", raw=True)) == [
        "Ferry timetable"]
    assert _headlines(filled.search("NEAR(liaison japan, 3)", raw=True)) == [
        "Nato plans liaison office in Japan"]
    for invalid in ("nato AND", "nosuch: nato", '"unclosed'):
        with pytest.raises(QueryError, match="invalid full-text query"):
            filled.search(invalid, raw=True)


def test_bad_dates_are_store_errors(filled: Store) -> None:
    with pytest.raises(StoreError, match="since"):
        filled.search("nato", since="12/07/2024")


def test_every_term_is_a_quoted_fts5_string() -> None:
    assert word_expression(parse('Nato\'s "office')) == '("Nato\'s" AND "office")'
    assert word_expression(parse('"liaison office" tok*')) == '("liaison office" AND "tok"*)'
    assert word_expression(parse('a OR "b" NOT c')) == '("a" OR (("b") NOT "c"))'
    assert word_expression(parse('x -"y z" (p OR q)')) == '(("x" AND ("p" OR "q")) NOT "y z")'


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from('ab体罰 "()*-:^+{}ORNTAD\u00ad'), max_size=40)
       | st.text(max_size=40))
def test_any_text_is_a_result_or_a_query_error(tmp_path: Path, query: str) -> None:
    path = tmp_path / "fuzz.db"
    with Store.open(path) as store:
        if not store.db.execute("SELECT count(*) FROM articles").fetchone()[0]:
            store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
            store.save_article(make_article(url="https://j.example/1", canonical_url=None,
                                            body="体罰の問題 ab"), site="x", fetch_id=None,
                               seen_at=SEEN)
        try:
            store.search(query)
        except QueryError:
            pass

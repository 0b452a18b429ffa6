"""`scraper search` as a user meets it: a real database file, the whole command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scraper.cli import cli
from scraper.models import Article, Quote
from scraper.store import Store
from scraper.store.query import MAX_TERMS
from scraper.store.search_text import INDEXED_BODY_CHARS

SEEN = "2024-07-12T10:00:00+00:00"
HARBOUR = "https://tidewater.example/local/harbour-clean-up/"
TRAM = "https://tidewater.example/news/tram-extension-vote/"
ARTICLES = (
    Article(url=HARBOUR, canonical_url=HARBOUR, published_at="2024-05-03",
            headline="Harbour clean-up draws record turnout",
            body="Volunteers cleared the harbour of 2 tonnes of rubbish near Bed\u00adford "
                 "quay, said Zoë Ångström.",
            quotes=(Quote("We never expected so many people", "Sam Ferris"),)),
    Article(url=TRAM, canonical_url=TRAM, published_at="2024-05-03",
            headline="Council approves extension to the hospital after six-hour debate",
            body="The new line will reach the wards by 2027.",
            quotes=(Quote("The tram changes how people reach care", "Priya Raman"),)),
    Article(url="https://nhk.example/news/1", canonical_url=None, published_at="2019-06-24",
            headline="部活動での体罰、全国で調査", body="文部科学省は体罰の実態を調べた。",
            quotes=()),
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database file with an English harbour story, a tram story and a Japanese one."""
    path = tmp_path / "articles.db"
    with Store.open(path) as store:
        for article in ARTICLES:
            store.save_article(article, site="tidewater", fetch_id=None, seen_at=SEEN)
    return path


def search(db: Path, *args: str) -> Result:
    """Run `scraper search ARGS --db DB` and return the result (stdout and stderr apart)."""
    return CliRunner().invoke(cli, ["search", *args, "--db", str(db)])


def urls(result: Result) -> list[str]:
    """The URLs a --json search printed, sorted."""
    assert result.exit_code == 0, result.output
    return sorted(hit["url"] for hit in json.loads(result.stdout))


def test_or_finds_articles_with_either_word(db: Path) -> None:
    assert urls(search(db, "harbour OR tram", "--json")) == [HARBOUR, TRAM]
    assert urls(search(db, "(harbour OR tram) -rubbish", "--json")) == [TRAM]


@pytest.mark.parametrize("args", [["tram NOT hospital"], ["tram -hospital"],
                                  ["tram NOT hospital", "--raw"]])
def test_not_leaves_out_an_article_holding_the_word_anywhere(db: Path, args: list[str]) -> None:
    """"tram" is only in a quote, "hospital" only in the headline: one article, excluded."""
    assert urls(search(db, *args, "--json")) == []
    assert urls(search(db, args[0].split()[0], "--json")) == [TRAM]


def test_lower_case_operators_get_a_hint(db: Path) -> None:
    result = search(db, "harbour or tram")
    assert result.exit_code == 0 and result.stdout.strip() == "No articles match."
    assert "OR and NOT are operators only in capitals" in result.stderr


@pytest.mark.parametrize("query, url", [
    ("Bedford", HARBOUR), ("Bed\u00adford", HARBOUR),            # soft hyphen in the body
    ("zoe angstrom", HARBOUR), ("ZOË", HARBOUR), ("Ångstrom", HARBOUR),  # accents both ways
    ("体罰", "https://nhk.example/news/1"), ("調査", "https://nhk.example/news/1"),
])
def test_text_is_found_as_users_type_it(db: Path, query: str, url: str) -> None:
    assert urls(search(db, query, "--json")) == [url]


def test_a_huge_body_keeps_search_bounded(db: Path) -> None:
    body = ("the harbour and the ferry " * 90_000) + " lateword"
    with Store.open(db) as store:
        store.save_article(Article(url="https://big.example/", canonical_url=None,
                                   headline="Big", body=body), site="big", fetch_id=None,
                           seen_at=SEEN)
        (indexed,) = store.db.execute(
            "SELECT length(body) FROM search_text WHERE id = (SELECT max(id) FROM articles)"
        ).fetchone()
    assert len(body) > 2_000_000 and indexed == INDEXED_BODY_CHARS
    result = search(db, "harbour", "--json")
    hits = json.loads(result.stdout)
    assert sorted(hit["url"] for hit in hits) == ["https://big.example/", HARBOUR]
    assert all(len(hit["snippet"]) < 200 for hit in hits)
    assert urls(search(db, "lateword", "--json")) == []  # past the indexed part


@pytest.mark.parametrize("args, message", [
    (["a* " * 3_400], "characters long; the most is 500"),
    (["a* " * 3_400, "--raw"], "characters long; the most is 500"),
    ([" ".join(f"word{i}" for i in range(MAX_TERMS + 1))], f"terms; the most is {MAX_TERMS}"),
    (["ha* OR tr* OR fe* OR wa* OR co*"], "prefix terms"),
    (["h*"], "too short"),
    (["AND"], "nothing to search for"),
    (["harbour OR"], "OR needs a search term on each side"),
])
def test_queries_beyond_the_caps_are_usage_errors(db: Path, args: list[str],
                                                  message: str) -> None:
    result = search(db, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


HOSTILE = Article(
    url="https://evil.example/a", canonical_url=None, published_at="2024-05-04",
    headline="\x1b]0;owned\x07Harbour \x1b[31mred\x1b[0m alert\r\x1b[2K",
    body="The harbour \x1b[2J\x1b[Hwas cleared\x08\x08\x08 \u202eevil\u202c today \x9b31m.",
    quotes=(Quote("harbour \x1b[5mblink", "Eve \x1b[1mBold"),))


def _no_control_characters(text: str) -> None:
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text), repr(text)


def test_search_prints_no_control_characters_from_pages(db: Path) -> None:
    with Store.open(db) as store:
        store.save_article(HOSTILE, site="evil\x1b[8m", fetch_id=None, seen_at=SEEN)
    result = search(db, "alert OR blink")
    assert result.exit_code == 0 and "Harbour red alert" in result.stdout
    _no_control_characters(result.stdout)
    assert "The [harbour] was [cleared] evil today ." in search(db, "harbour cleared").stdout


def test_bold_markers_are_the_only_escapes_in_a_snippet(db: Path) -> None:
    bold = ("\x1b[1m", "\x1b[0m")
    with Store.open(db) as store:
        store.save_article(HOSTILE, site="evil", fetch_id=None, seen_at=SEEN)
        hits = store.search("today", markers=bold)
    (hit,) = hits
    assert f"{bold[0]}today{bold[1]}" in hit.snippet
    _no_control_characters(hit.snippet.replace(bold[0], "").replace(bold[1], ""))


def test_stats_and_history_print_no_control_characters(db: Path) -> None:
    with Store.open(db) as store:
        store.save_article(HOSTILE, site="evil\x1b[8m", fetch_id=None, seen_at=SEEN)
        changed = Article(url=HOSTILE.url, canonical_url=None, headline=HOSTILE.headline,
                          body=HOSTILE.body + " \x1b[31mmore\x1b[0m")
        store.save_article(changed, site="evil\x1b[8m", fetch_id=None,
                           seen_at="2024-07-13T10:00:00+00:00")
    for args in (["stats"], ["history", HOSTILE.url]):
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        _no_control_characters(result.stdout)
    assert "{+more+}" in CliRunner().invoke(cli, ["history", HOSTILE.url, "--db", str(db)]).stdout

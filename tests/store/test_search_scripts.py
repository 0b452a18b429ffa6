"""Search in scripts written without spaces: any run of characters is found (trigram index)."""

from __future__ import annotations

import pytest

from scraper.errors import QueryError
from scraper.models import Quote
from scraper.store import Store
from scraper.store.query import MAX_SHORT_TERM_TRIGRAMS
from scraper.store.search_text import has_spaceless_script

from .conftest import count, fts_ok, make_article

SEEN = "2024-07-12T10:00:00+00:00"
JAPANESE = "文部科学省は部活動での体罰について全国調査を行った。NHKの報道による。"


@pytest.fixture
def mixed(store: Store) -> Store:
    """Japanese, Chinese, Korean and Thai articles beside an English one."""
    articles = [
        ("https://ja.example/1", "学校の体罰", JAPANESE, (Quote("体罰は許されない", "山田花子"),)),
        ("https://zh.example/1", "北京市公布新的交通规划", "地铁线路将延长到机场。", ()),
        ("https://ko.example/1", "서울시 대중교통 개편", "서울에서 버스 노선이 바뀐다.", ()),
        ("https://th.example/1", "ข่าวเศรษฐกิจ", "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ย", ()),
        ("https://en.example/1", "Tram extension approved", "The tram reaches the airport.", ()),
    ]
    for url, headline, body, quotes in articles:
        store.save_article(make_article(url=url, canonical_url=None, headline=headline,
                                        body=body, quotes=quotes), site="x", fetch_id=None,
                           seen_at=SEEN)
    return store


def _urls(hits: list) -> list[str]:
    return sorted(hit.url for hit in hits)


@pytest.mark.parametrize("query, url", [
    ("体罰", "https://ja.example/1"),            # two characters inside a run
    ("体", "https://ja.example/1"),              # one character
    ("全国調査", "https://ja.example/1"),         # four characters
    ("学校の体罰", "https://ja.example/1"),        # the whole headline
    ("山田", "https://ja.example/1"),            # part of a speaker's name
    ("交通", "https://zh.example/1"),
    ("机场", "https://zh.example/1"),            # at the end of a sentence
    ("서울", "https://ko.example/1"),            # Korean: a word with a particle attached
    ("버스", "https://ko.example/1"),
    ("ดอกเบี้ย", "https://th.example/1"),
    ("NHK", "https://ja.example/1"),             # a Latin word inside Japanese text
])
def test_a_run_of_characters_is_found_inside_longer_runs(mixed: Store, query: str,
                                                          url: str) -> None:
    assert _urls(mixed.search(query)) == [url]


def test_the_match_is_marked_exactly(mixed: Store) -> None:
    (hit,) = mixed.search("体罰")
    assert "部活動での[体罰]について" in hit.snippet
    (hit,) = mixed.search("調査 NHK")
    assert hit.snippet == "文部科学省は部活動での体罰について全国[調査]を行った。[NHK]の報道による。"
    (hit,) = mixed.search("花子")
    assert (hit.matched, hit.snippet) == ("quote", "“体罰は許されない” — 山田[花子]")


def test_operators_mix_scripts(mixed: Store) -> None:
    assert _urls(mixed.search("体罰 OR tram")) == ["https://en.example/1", "https://ja.example/1"]
    assert _urls(mixed.search("体罰 NHK")) == ["https://ja.example/1"]
    assert mixed.search("体罰 NOT NHK") == []
    assert _urls(mixed.search("tram NOT 体罰")) == ["https://en.example/1"]
    assert mixed.search("体罰 tram") == []
    assert mixed.search("存在しない") == [] and mixed.search("罰金") == []


def test_only_articles_with_such_scripts_are_in_the_trigram_index(mixed: Store) -> None:
    assert count(mixed, "SELECT count(*) FROM articles_fts_docsize") == 5
    assert count(mixed, "SELECT count(*) FROM articles_trigram_docsize") == 4
    fts_ok(mixed)


def test_an_article_joins_and_leaves_the_trigram_index_as_its_text_changes(store: Store) -> None:
    saved = store.save_article(make_article(), site="x", fetch_id=None, seen_at=SEEN)
    assert count(store, "SELECT count(*) FROM articles_trigram_docsize") == 0
    store.save_article(make_article(quotes=(Quote("体罰は許されない", None),)), site="x",
                       fetch_id=None, seen_at="2024-07-13T10:00:00+00:00")
    assert [hit.article_id for hit in store.search("体罰")] == [saved.article_id]
    store.db.execute("DELETE FROM quotes")
    assert store.search("体罰") == []
    assert count(store, "SELECT count(*) FROM articles_trigram_docsize") == 0
    fts_ok(store)


def test_a_short_term_standing_for_too_many_trigrams_is_a_usage_error(store: Store) -> None:
    followers = [chr(0x4E00 + i) for i in range(MAX_SHORT_TERM_TRIGRAMS + 1)]
    body = "".join("の" + follower for follower in followers)
    store.save_article(make_article(body=body), site="x", fetch_id=None, seen_at=SEEN)
    with pytest.raises(QueryError, match="too short to search for on its own"):
        store.search("の")
    assert len(store.search("の" + followers[7])) == 1


def test_a_short_latin_word_in_too_many_trigrams_is_left_out_not_refused(store: Store) -> None:
    """"a" starts thousands of trigrams in the Japanese article: it matches nearly anything."""
    followers = [chr(0x4E00 + i) for i in range(MAX_SHORT_TERM_TRIGRAMS + 1)]
    body = "".join("a" + follower for follower in followers) + " 体罰"
    saved = store.save_article(make_article(body=body), site="x", fetch_id=None, seen_at=SEEN)
    assert [hit.article_id for hit in store.search("a 体罰")] == [saved.article_id]
    assert store.search("体罰 NOT a") == []


@pytest.mark.parametrize("text, spaceless", [
    ("東京", True), ("ひらがな", True), ("カタカナ", True), ("ｶﾀｶﾅ", True), ("서울", True),
    ("ภาษาไทย", True), ("ພາສາລາວ", True), ("ភាសាខ្មែរ", True), ("မြန်မာ", True),
    ("“Curly” quotes — dashes… €5 ™", False), ("Ελληνικά Русский", False),
    ("العربية עברית", False), ("हिन्दी বাংলা", False), ("Łódź Straße", False),
])
def test_which_articles_join_the_trigram_index(store: Store, text: str, spaceless: bool) -> None:
    assert has_spaceless_script(text) is spaceless
    store.save_article(make_article(body=f"Plain words and {text} here."), site="x",
                       fetch_id=None, seen_at=SEEN)
    assert count(store, "SELECT count(*) FROM search_text_trigram") == int(spaceless)

"""`scraper history` of a long article: the exact word diff, in time linear in its length."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scraper.cli import cli
from scraper.models import Article
from scraper.store import Store

URL = "https://news.example/2024/long-read/"
COMMON = ("the", "of", "and", "a", "to", "in", "was", "said", "for", "harbour")


def _long_read(edited: bool) -> str:
    """40,000 words in sentences and paragraphs; edited: every 2,000th word replaced."""
    words = []
    for index in range(40_000):
        word = COMMON[index % len(COMMON)] if index % 3 else f"w{index * 7919 % 5003}"
        if edited and index % 2_000 == 500:
            word = f"edited{index}"
        words.append(word + ("." if index % 17 == 16 else ""))
    return "\n\n".join(" ".join(words[i:i + 120]) for i in range(0, len(words), 120))


def test_history_of_a_40000_word_article_shows_each_edit(tmp_path: Path) -> None:
    db = tmp_path / "articles.db"
    with Store.open(db) as store:
        for day, edited in (("01", False), ("02", True)):
            store.save_article(Article(url=URL, canonical_url=URL, headline="A long read",
                                       body=_long_read(edited)), site="news", fetch_id=None,
                               seen_at=f"2024-07-{day}T10:00:00+00:00")
    result = CliRunner().invoke(cli, ["history", URL, "--db", str(db), "--context", "1"])
    assert result.exit_code == 0, result.output
    assert "body: +20 -20 words" in result.stdout
    assert result.stdout.count("{+edited") == 20 and result.stdout.count("[-") == 20
    data = json.loads(CliRunner().invoke(cli, ["history", URL, "--json", "--db", str(db)]).stdout)
    assert (data[1]["words_added"], data[1]["words_removed"]) == (20, 20)

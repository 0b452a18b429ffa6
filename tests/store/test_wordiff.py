"""Word-level diffs."""

from __future__ import annotations

from scraper.store.wordiff import count_changes, diff_words, render_word_diff


def test_replaced_word_is_marked() -> None:
    changes = diff_words("the minister declined to comment", "the minister refused to comment")
    assert render_word_diff(changes) == "the minister [-declined-] {+refused+} to comment"
    assert count_changes(changes) == (1, 1)


def test_long_unchanged_runs_are_shortened_around_changes() -> None:
    old = " ".join(f"w{i}" for i in range(40))
    new = old.replace("w20", "CHANGED")
    rendered = render_word_diff(diff_words(old, new), context=2)
    assert rendered == "… w18 w19 [-w20-] {+CHANGED+} w21 w22 …"


def test_identical_texts_render_nothing() -> None:
    assert render_word_diff(diff_words("same words\n\nhere", "same words here")) == ""

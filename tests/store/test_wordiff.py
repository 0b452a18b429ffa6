"""Word-level diffs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.store.wordiff import (
    MAX_STEP_CELLS,
    DiffCost,
    count_changes,
    diff_words,
    render_word_diff,
)


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


def _words(changes: list, side: str) -> list[str]:
    return [word for change in changes if change.op in ("equal", side) for word in change.words]


@settings(max_examples=200, deadline=None)
@given(old=st.lists(st.sampled_from(["a", "b.", "c", "d!", "\n\n", "e"]), max_size=60),
       new=st.lists(st.sampled_from(["a", "b.", "c", "d!", "\n\n", "f"]), max_size=60))
def test_the_changes_rebuild_both_texts(old: list[str], new: list[str]) -> None:
    old_text, new_text = " ".join(old), " ".join(new)
    changes = diff_words(old_text, new_text)
    assert _words(changes, "delete") == old_text.split()
    assert _words(changes, "insert") == new_text.split()


def _article(words: int, edited: bool) -> str:
    """Paragraphs of sentences (each different); when edited, every 1,000th word changes."""
    vocabulary = ["the", "harbour", "council", "said", "ferry", "and", "of", "a", "tram"]
    out = []
    for index in range(words):
        word = vocabulary[(index * 7) % len(vocabulary)]
        word = f"{word}{index // 12}" if index % 12 == 5 else word
        if edited and index % 1_000 == 500:
            word = f"edited{index}"
        out.append(word + ("." if index % 12 == 11 else ""))
        if index % 60 == 59:
            out.append("\n\n")
    return " ".join(out)


def test_the_work_grows_linearly_with_the_article() -> None:
    work = {}
    for size in (10_000, 20_000, 40_000):
        cost = DiffCost()
        changes = diff_words(_article(size, False), _article(size, True), cost)
        assert count_changes(changes) == (size // 1_000, size // 1_000)
        work[size] = cost.work
    assert 0 < work[40_000] <= 4.5 * work[10_000]  # quadratic would be 16 times
    assert work[40_000] < 2 * 40_000  # about one look at each sentence and changed word


def test_a_huge_run_without_sentence_ends_is_shown_whole_within_the_caps() -> None:
    old = [f"w{index % 50}" for index in range(40_000)]
    new = list(old)
    for position in (100, 20_000, 39_900):
        new[position] = "CHANGED"
    cost = DiffCost()
    changes = diff_words(" ".join(old), " ".join(new), cost)
    assert 39_801 * 39_801 > MAX_STEP_CELLS and cost.runs == 0  # over the cap: no difflib
    assert [change.op for change in changes] == ["equal", "delete", "insert", "equal"]
    assert _words(changes, "delete") == old and _words(changes, "insert") == new
    assert len(changes[1].words) == 39_801


def test_the_budget_caps_every_diff() -> None:
    """Every other sentence changed: many difflib runs, stopped by the budget, still exact."""
    old = " ".join(f"keep{i} a b. w{i} x{i % 7} y{i % 5} q." for i in range(4_000))
    new = " ".join(f"keep{i} a b. w{i} y{i % 5} z{i % 3} q." for i in range(4_000))
    cost = DiffCost(budget=2_000)
    changes = diff_words(old, new, cost)
    assert cost.cells == 2_000 and cost.runs == 500  # 4 cells each, then none
    assert _words(changes, "delete") == old.split() and _words(changes, "insert") == new.split()

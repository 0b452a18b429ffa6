"""Person mentions: where a name stands in its clause, read from a window before it."""

from __future__ import annotations

from scraper.extract.quotes.names import mentions

FILLER = "The council met on Tuesday and talked about the harbour for a long time. " * 400


def _subjects(text: str) -> dict[str, bool]:
    return {mention.name: mention.subject for mention in mentions(text)}


def test_a_name_after_a_comma_is_a_subject_deep_in_a_long_paragraph() -> None:
    found = _subjects(FILLER + "When the vote came, Ellen Marsh left the room.")
    assert found["Ellen Marsh"] is True


def test_a_name_after_a_preposition_is_no_subject_deep_in_a_long_paragraph() -> None:
    found = _subjects(FILLER + "The plan was drawn up with Ellen Marsh last year.")
    assert found.get("Ellen Marsh") is not True


def test_a_name_joined_to_a_clause_opening_name_shares_its_place() -> None:
    found = _subjects(FILLER + "Later, Jan Wolff und Christiane Neu diskutierten lange.")
    assert found["Christiane Neu"] is True

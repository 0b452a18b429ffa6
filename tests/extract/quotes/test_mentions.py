"""Person mentions: where a name stands in its clause, read from a window before it."""

from __future__ import annotations

from scraper.extract.quotes.names import NAME_RUN, mentions

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


def test_a_capital_inside_a_word_opens_no_name() -> None:
    runs = [match.group(0) for match in NAME_RUN.finditer("the e-Mail of McKay and x-Ray Vance")]
    assert runs == ["McKay", "Vance"]


def test_an_initial_with_its_full_stop_stays_in_the_name() -> None:
    runs = [match.group(0) for match in NAME_RUN.finditer("Then J. Alfred Prufrock spoke.")]
    assert runs == ["Then J. Alfred Prufrock"]


def test_known_surnames_keep_single_words_and_others_are_skipped() -> None:
    text = "Weber arrived late. Later Ana Lima and Weber's aide left with Kurz."
    found = [mention.name for mention in mentions(text, {"weber"})]
    assert found == ["Weber", "Ana Lima", "Weber"]


def test_a_paragraph_naming_no_known_person_gives_no_mention() -> None:
    assert mentions("Gestern regnete es in Strömen, sagte Kurz.", {"weber"}) == []

"""The authors' closing bio leaves the text."""

from __future__ import annotations

from scraper.extract.body.bio import without_bio

TEXT = [f"Paragraph {i} of the article about the tram line to the hospital." for i in range(5)]


def test_a_closing_bio_of_the_author_goes_with_what_follows_it() -> None:
    bio = ["Jane Doe is a transport reporter who has covered the city council since 2015.",
           "When she is not writing, Jane walks her dog."]
    assert without_bio([*TEXT, *bio], ["Jane Doe"]) == TEXT


def test_a_bio_opening_with_the_first_name_goes_with_its_title_line() -> None:
    tail = ["About the author", "Jane holds a degree in urban planning from Leeds."]
    assert without_bio([*TEXT, *tail], ["Jane Doe"]) == TEXT


def test_the_author_named_inside_the_text_stays() -> None:
    paragraphs = [*TEXT, "Jane Doe is the reporter the mayor refused to answer.", *TEXT]
    assert without_bio(paragraphs, ["Jane Doe"]) == paragraphs


def test_an_organisation_or_a_longer_first_word_is_no_bio() -> None:
    closing = [*TEXT, "Budlong Official is dedicated to plumbing engineering services."]
    assert without_bio(closing, ["Budlong Official"]) == closing
    longer = [*TEXT, "Janet Ruiz is the council's spokesperson and confirmed the plan."]
    assert without_bio(longer, ["Jane Doe"]) == longer


def test_a_short_text_keeps_its_paragraphs() -> None:
    paragraphs = [TEXT[0], "Jane Doe is a transport reporter."]
    assert without_bio(paragraphs, ["Jane Doe"]) == paragraphs

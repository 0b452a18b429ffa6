"""A document quoted as a speaker speaks for its author."""

from __future__ import annotations

import pytest

from scraper.extract.quotes import extract_quotes
from scraper.extract.quotes.documents import document_author, is_bare_document

# (paragraphs, expected speaker of the one quote); written from reading the input.
CASES = {
    "a bare report after the party reported speaking": (
        ["Glide shared that rowing bookings rose by half since last year, and climbing doubled.",
         ("“This rise may be fuelled by the summer games and by videos of the sport,” the report "
         "stated.")],
        "Glide"),
    "the report an earlier description names the authors of": (
        [("The results were “far worse than anyone had hoped for,” according to a June report by "
         "the Harbour Policy Lab and Tidewater, a research group."),
         ("Schools struggled. “The problem is getting the hours delivered to every pupil,” the "
         "report concludes.")],
        "Harbour Policy Lab and Tidewater"),
    "a possessive owner of the report": (
        ["“Bookings rose in every city we serve this year,” Glide’s annual report said."],
        "Glide"),
    "a named report": (
        ["“People shifted to more moderate training they can sustain,” the Strava report explained."],
        "Strava"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_document_speaks_for_its_author(name: str) -> None:
    paragraphs, speaker = CASES[name]
    assert [quote.speaker for quote in extract_quotes(paragraphs, language="en")][-1:] == [speaker]


def test_a_bare_report_with_nobody_reported_before_stays_the_report() -> None:
    paragraphs = ["The weather turned in March.",
                  "“Rainfall was the highest on record for the month,” the report stated."]
    assert [quote.speaker for quote in extract_quotes(paragraphs)] == ["the report"]


def test_which_descriptions_are_documents() -> None:
    assert is_bare_document("the trends report")
    assert not is_bare_document("the research")  # a body of work, not a written document
    assert not is_bare_document("the Strava report")
    assert document_author("a study by researchers at the university", []) is None
    assert document_author("the research", []) is None


def test_it_after_a_document_or_an_organisation_means_it() -> None:
    paragraphs = ["Working in pairs “has changed how teams write their plans,” says the research.",
                  "It adds: “Teams that swap drafts every day finish their plans sooner.”"]
    assert [q.speaker for q in extract_quotes(paragraphs, language="en")] == ["the research"] * 2


def test_the_agency_is_the_organisation_its_paragraph_named_before() -> None:
    paragraphs = [("Reporters asked the Department of Harbours for comment. In a reply, the agency "
                   "said, “The ferry operator is under review and may lose its licence.”")]
    assert [q.speaker for q in extract_quotes(paragraphs, language="en")] == ["Department of Harbours"]


def test_reported_is_a_speech_verb() -> None:
    paragraphs = [("Glide also reported that rowing has become popular, emerging as “a key part of a "
                   "balanced weekly routine.”")]
    assert [q.speaker for q in extract_quotes(paragraphs, language="en")] == ["Glide"]

"""extract_quotes: more evidence for speakers — bare plural groups, given names telling gender,
full names from the standfirst, roles after a clause, and a full name before an inverted-looking
verb."""

from __future__ import annotations

import pytest

from scraper.extract.quotes import extract_quotes
from scraper.extract.quotes.first_names import gender_of_name
from scraper.models import Quote

# (paragraphs, expected quotes as (text, speaker)); texts written from reading the input.
CASES = {
    "a bare plural group after the quote is a descriptive speaker": (
        ['"The gate had been left open for several hours," prison officials wrote on Friday.'],
        [("The gate had been left open for several hours", "prison officials")]),
    "a collective noun without article is a group too": (
        [('The road was closed overnight. "Nobody was hurt in the crash at the junction," '
          'police said.')],
        [("Nobody was hurt in the crash at the junction", "police")]),
    "according to reports names nobody": (
        ['According to reports, the mayor had “kept the plans in a drawer for two years”.'],
        [("kept the plans in a drawer for two years", None)]),
    "a woman's given name keeps 'she' from a man named later": (
        ["Maria Olsen sued the builder after the flood.",
         "Her lawyer at the time was Peter Brandt, who had represented the council.",
         "She said she “was never told about the risk at all” by anyone."],
        [("was never told about the risk at all", "Maria Olsen")]),
    "a man's given name keeps 'he' from a woman named later": (
        ["Peter Brandt founded the club in 1998.", "Laura Kim runs it today.",
         "“We started small and grew slowly over the years,” he said."],
        [("We started small and grew slowly over the years", "Peter Brandt")]),
    "a definite role after a clause means the one person named with it": (
        ["Prime Minister Ada Lind spoke at the club on Monday.",
         ("When opposition leader Tom Berg pressed Lind to commit, the prime minister said "
          "only: “The plan is working and we will keep it.”")],
        [("The plan is working and we will keep it.", "Ada Lind")]),
    "a full name just before 'told' is the subject, not the outlet after it": (
        ["Next door neighbour Ruth Amsel told Harbour Weekly: “We called the city every week.”"],
        [("We called the city every week.", "Ruth Amsel")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution(name: str) -> None:
    paragraphs, expected = CASES[name]
    assert extract_quotes(paragraphs) == [Quote(text, speaker) for text, speaker in expected]


def test_the_standfirst_gives_the_full_name_of_a_surname_speaker() -> None:
    body = ["“We found no record of a fire check for five years,” Amsel admitted."]
    standfirst = "Council head Ruth Amsel apologised on Tuesday."
    assert extract_quotes(body, standfirst)[0].speaker == "Ruth Amsel"
    assert extract_quotes(body)[0].speaker == "Amsel"


def test_the_standfirst_never_replaces_a_full_name_the_body_gives() -> None:
    body = ["Jonas Amsel runs the bakery.",
            "“We bake every night and sell every morning,” Amsel said."]
    assert extract_quotes(body, "Ruth Amsel, his sister, disagrees.")[0].speaker == "Jonas Amsel"


def test_given_names_tell_gender_only_when_unambiguous() -> None:
    assert gender_of_name("Virginia Hale") == "f"
    assert gender_of_name("Jürgen Roth") == "m"
    assert gender_of_name("Andrea Conti") is None  # a man in Italy, a woman elsewhere
    assert gender_of_name("Kim Lee") is None

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
    "a quote after a short opening phrase goes on with the paragraph's speaker": (
        [("“We cannot pay for both,” Ruth Amsel said. As a mother, “We are left with nothing "
          "at the end of every month.”")],
        [("We cannot pay for both", "Ruth Amsel"),
         ("We are left with nothing at the end of every month.", "Ruth Amsel")]),
    "in someone's words": (
        [("Ada Lind grew up by the sea. Music was her refuge — in Lind’s words, a “place where "
         "nobody could follow me”.")],
        [("place where nobody could follow me", "Ada Lind")]),
    "the bank is the name introduced with that noun before": (
        ["Analysts at the investment banking firm Harbour Rowe expect prices to rise.",
         '"We see the strongest demand in a decade," the bank said in a note.'],
        [("We see the strongest demand in a decade", "Harbour Rowe")]),
    "a subject-first tag closing the sentence, and an organisation with its 'of'": (
        ["The Coast Bureau of Fisheries and Marine Resources filed a protest.",
         ("The ship also “tried to block the path of our boat” on patrol, which was near "
          "the reef, the bureau said.")],
        [("tried to block the path of our boat", "Coast Bureau of Fisheries and Marine Resources")]),
    "French verb with an adjunct before the speaker": (
        [("« Les écoles resteront fermées lundi », a rapporté sur Facebook le porte-parole de "
         "la mairie, Paul Garnier.")],
        [("Les écoles resteront fermées lundi", "Paul Garnier")]),
    "Italian adverb after the verb and a role with an adjective after it": (
        ["La sindaca romana Chiara Vitti ha visitato il cantiere.",
         "«Una bella giornata per tutta la città», ha twittato poi la sindaca."],
        [("Una bella giornata per tutta la città", "Chiara Vitti")]),
    "the subject of a verb in a subordinate clause follows its conjunction": (
        ["Tom Berg said he was there when doctors told the family: “We did all we could.”"],
        [("We did all we could.", "doctors")]),
    "the author of a message before the quote": (
        [("The mood can be read from a reply by harbour spokesman Jonas Feld to questions "
          "from reporters: „Wir sehen darin keine Gefahr.“")],
        [("Wir sehen darin keine Gefahr.", "Jonas Feld")]),
    "a quote opening a sentence after an organisation's speech verb": (
        [("Die Fähre lag zwei Tage fest. Das Hafenamt forderte eine rasche Prüfung. „Wir "
          "verlangen Klarheit über die Ursache“, hieß es.")],
        [("Wir verlangen Klarheit über die Ursache", "Hafenamt")]),
    "German subjunctive reported speech goes on with its pronoun": (
        ["Der Sprecher Jonas Feld trat am Freitag zurück.",
         ("Als Sprecher übernehme er die politische Verantwortung, „um Schaden von meinem "
          "Verein und von meiner Familie abzuwenden“.")],
        [("um Schaden von meinem Verein und von meiner Familie abzuwenden", "Jonas Feld")]),
    "'asked of' is no speech verb": (
        [("Lindland said that the question asked of the court was wrong and that the court "
          "should “decline to give the requested opinion”.")],
        [("decline to give the requested opinion", "Lindland")]),
    "a question's opening auxiliary is no given name": (
        ["Will Norway lead the talks?",
         ("Norway will gain influence in the talks, says Wei Lan, a researcher in Oslo. “They "
          "cannot expect us to do exactly what others do.”")],
        [("They cannot expect us to do exactly what others do.", "Wei Lan")]),
    "a subject named by the first word of a full name given before (family name first)": (
        ["Wei Lan, a researcher in Oslo, follows the talks.",
         ("Norway will gain influence, but others should expect a different style, says Wei. "
          "“They cannot expect us to do exactly what others do.”")],
        [("They cannot expect us to do exactly what others do.", "Wei Lan")]),
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

"""extract_quotes: quotation marks, joins, the scare-quote rule, dedupe and speakers."""

from __future__ import annotations

import pytest

from scraper.extract.quotes import extract_quotes
from scraper.extract.quotes.rules import may_be_direct_quote
from scraper.models import Quote

INTRO = "Harbour master Maria Keller met the council on Monday."

# (paragraphs, expected quotes as (text, speaker)); texts written from reading the input.
CASES = {
    "curly, speaker after": (
        ["“The bridge is safe for now,” said Tom Baker, the city engineer."],
        [("The bridge is safe for now", "Tom Baker")]),
    "straight quotes, lead-in with colon": (
        ['Mayor Jane Roe said on Tuesday: "We are ready for the storm and the flood."'],
        [("We are ready for the storm and the flood.", "Jane Roe")]),
    "split around the attribution: two quotes, one speaker": (
        [INTRO, "“We will rebuild,” she said, “and we will start in May.”"],
        [("We will rebuild", "Maria Keller"), ("and we will start in May.", "Maria Keller")]),
    "split around attribution, two sentences": (
        [INTRO, "“The cranes are old,” Keller said. “We need new ones now.”"],
        [("The cranes are old", "Maria Keller"), ("We need new ones now.", "Maria Keller")]),
    "German split quote, comma outside the marks": (
        ["„Wir haben lange verhandelt“, sagte Katrin Wübbenhorst. „Jetzt steht das Geld.“"],
        [("Wir haben lange verhandelt", "Katrin Wübbenhorst"),
         ("Jetzt steht das Geld.", "Katrin Wübbenhorst")]),
    "comma after a scare quote does not join it to the next quote": (
        [("In its “harbour vision”, published last year, the council argued that the port faced "
         "“a decade of decline without new ferries”.")],
        [("a decade of decline without new ferries", "the council")]),
    "German role nouns are not part of the name": (
        ["Geschäftsführerin Katrin Wübbenhorst sprach von einem „wichtigen Schritt für beide Ufer“."],
        [("wichtigen Schritt für beide Ufer", "Katrin Wübbenhorst")]),
    "colon lead-in without a reporting verb": (
        ["Energy economist Ruth Okonjo put it bluntly: “Tidal schemes lose every time.”"],
        [("Tidal schemes lose every time.", "Ruth Okonjo")]),
    "long clause before the verb: its opening name": (
        [("Local councillor Mairi Sutherland welcomed the plan but said it had been promised "
         "“at least three times in twenty years”.")],
        [("at least three times in twenty years", "Mairi Sutherland")]),
    "a speaker phrase must not be a preposition or a clause": (
        ["“It was a joke,” in October the comedian told a crowd that laughed when he spoke."],
        [("It was a joke", None)]),
    "descriptive speaker at sentence start is lowercased": (
        ["A spokesperson for the operator said the company would “work closely with the port”."],
        [("work closely with the port", "a spokesperson for the operator")]),
    "pronoun after a relative clause opener": (
        ["Tom Baker called the office twice.",
         "He left a message, in which he said he wanted “a new ferry before the winter”."],
        [("a new ferry before the winter", "Tom Baker")]),
    "a standalone quote sentence goes to the person the paragraph names": (
        [("Le maire, Gilles Perrot, a demandé l’état de catastrophe naturelle. « C’est la "
         "troisième fois en dix ans. »")],
        [("C’est la troisième fois en dix ans.", "Gilles Perrot")]),
    "German opinion verb and a preposition after the name": (
        [("Analystin Claudia Neumann von der Privatbank Hoffmann & Co. hält den Plan für „zu "
         "zaghaft, um die Margen zu verbessern“.")],
        [("zu zaghaft, um die Margen zu verbessern", "Claudia Neumann")]),
    "German heißt es: attributed, nobody named": (
        ["„Die Beschäftigten haben genug geopfert“, heißt es in einer Mitteilung des Betriebsrats."],
        [("Die Beschäftigten haben genug geopfert", None)]),
    "title with a complement before the name": (
        ["“The talks were useful,” said Secretary of State Mike Pomper."],
        [("The talks were useful", "Mike Pomper")]),
    "law-enforcement title before the name": (
        ["“Stay indoors and keep your windows shut,” said Hall County Sheriff Ron Pettit."],
        [("Stay indoors and keep your windows shut", "Ron Pettit")]),
    "appositive name before a long role clause": (
        [("Jonah Feld, an environmental engineer who was not involved in the research, called the "
         "findings “solid, if not entirely surprising”.")],
        [("solid, if not entirely surprising", "Jonah Feld")]),
    "acronym and title before the name": (
        ["NASA Administrator Jim Okafor said: “We go to the Moon to stay.”"],
        [("We go to the Moon to stay.", "Jim Okafor")]),
    "pronoun with an adverb, title-only name": (
        ["Mayor Hollis opened the session.", "She instead told the crowd: “The ferry stays.”"],
        [("The ferry stays.", "Hollis")]),
    "a quote running over two paragraphs is one quote per paragraph": (
        ["Tom Baker said: “We will build it before winter.",
         "“It will take two years and cost a great deal of money,” he added later."],
        [("We will build it before winter.", "Tom Baker"),
         ("It will take two years and cost a great deal of money", "Tom Baker")]),
    "the continued paragraph keeps the speaker without a tag of its own": (
        ["Ana Pereira spoke first.",
         "“The market opens at six,” said Tom Baker, the harbour master. “It always has.",
         "“And it closes when the fish run out, not a minute later.”"],
        [("The market opens at six", "Tom Baker"), ("It always has.", "Tom Baker"),
         ("And it closes when the fish run out, not a minute later.", "Tom Baker")]),
    "open quote not continued ends at the paragraph": (
        ["Tom Baker added: “We share the same goals and the same worries about the harbour.",
         "In its “harbour vision”, the council promised more ferries."],
        [("We share the same goals and the same worries about the harbour.", "Tom Baker")]),
    "single curly quotes with apostrophes inside": (
        ["‘The council’s plan doesn’t work for the students’ union,’ said Ana Pereira."],
        [("The council’s plan doesn’t work for the students’ union", "Ana Pereira")]),
    "apostrophes alone are not quotes": (
        ["Nato’s chief said the alliance’s plans don’t change until the ’90s treaty ends."], []),
    "German low-high quotes and sagte": (
        ["Anna Schmidt leitet den Hafen.", "„Wir beginnen im Mai“, sagte Schmidt."],
        [("Wir beginnen im Mai", "Anna Schmidt")]),
    "German so-tail": (
        ["Anna Schmidt leitet den Hafen.", "„Das wird teuer“, so Schmidt."],
        [("Das wird teuer", "Anna Schmidt")]),
    "German reversed guillemets": (
        ["»Das ist gut für die Stadt«, sagte Max Mustermann."],
        [("Das ist gut für die Stadt", "Max Mustermann")]),
    "French guillemets and a déclaré": (
        ["« Nous allons reconstruire le pont », a déclaré Jean Dupont."],
        [("Nous allons reconstruire le pont", "Jean Dupont")]),
    "French inversion pronoun": (
        ["Le maire Jean Dupont a parlé lundi.", "« C’est une priorité », explique-t-il."],
        [("C’est une priorité", "Jean Dupont")]),
    "French incise inside the guillemets": (
        ["Le directeur, Patrick Gonnet, a parlé.",
         "« Nous avons perdu six semaines, explique-t-il. Il faut repenser le modèle. »",
         "« Le port, dit-elle, doit changer », a déclaré Anne Riou."],
        [("Nous avons perdu six semaines. Il faut repenser le modèle.", "Patrick Gonnet"),
         ("Le port doit changer", "Anne Riou")]),
    "French reflexive verb and an appositive name": (
        [("« Ce mur, on l’attendait depuis dix ans », se réjouit la présidente du club, "
         "Anne-Sophie Morel, qui signe ce billet.")],
        [("Ce mur, on l’attendait depuis dix ans", "Anne-Sophie Morel")]),
    "French named incise inside the guillemets": (
        [("« Nous avons tout tenté, a expliqué le directeur du site, Laurent Schmidt. Le marché ne "
         "nous laisse pas le choix. »")],
        [("Nous avons tout tenté. Le marché ne nous laisse pas le choix.", "Laurent Schmidt")]),
    "comma clauses inside an English quote are not incises": (
        ["“He came in, said nothing, and left before the vote,” said Ana Pereira."],
        [("He came in, said nothing, and left before the vote", "Ana Pereira")]),
    "French lâche with an appositive role after the name": (
        ["« On n’a jamais vu ça », lâche Ronan Guéguen, patron du chalutier."],
        [("On n’a jamais vu ça", "Ronan Guéguen")]),
    "French role then appositive name after the verb": (
        [("« Il faut repenser le modèle », a résumé le directeur de la station, Patrick Gonnet, "
         "lors d’une réunion.")],
        [("Il faut repenser le modèle", "Patrick Gonnet")]),
    "Pour X opening a sentence": (
        ["Pour la députée Anne Riou, « l’État doit débloquer une aide d’urgence »."],
        [("l’État doit débloquer une aide d’urgence", "Anne Riou")]),
    "German laut with a surname known before": (
        [("„Wir haben hart gearbeitet“, sagte Trainer Florian Haas. Laut Haas „war die Abwehr der "
         "Schlüssel“.")],
        [("Wir haben hart gearbeitet", "Florian Haas"), ("war die Abwehr der Schlüssel", "Florian Haas")]),
    "German inverted attribution after a verb phrase": (
        [("Die Händler seien „viel zu spät und nur über die Presse“ informiert worden, sagte "
         "Verbandssprecher Matthias Krüger.")],
        [("viel zu spät und nur über die Presse", "Matthias Krüger")]),
    "German descriptive speaker with a genitive": (
        ["„Der Rat entscheidet im Dezember“, sagte ein Sprecher der Stadtverwaltung."],
        [("Der Rat entscheidet im Dezember", "ein Sprecher der Stadtverwaltung")]),
    "German nouns before a pronoun are no person": (
        ["Petra Vogelsang leitet das Bauamt.", ("Die Gesamtkosten der Sanierung steigen auf 7,3 "
         "Millionen Euro."), "„Die Träger sind alt“, erklärte sie."],
        [("Die Träger sind alt", "Petra Vogelsang")]),
    "French selon": (
        ["« Le port doit changer », selon Claire Fontaine."],
        [("Le port doit changer", "Claire Fontaine")]),
    "single guillemets": (
        ["‹Wir sind bereit›, sagte Lea Brunner."],
        [("Wir sind bereit", "Lea Brunner")]),
    "scare quotes are not quotes": (
        ["The council voted on its “green harbour” plan.", "Critics called it “a folly”."], []),
    "titles are not quotes": (
        ["She watched “Gone with the Wind” twice.",
         "The report, titled “What the Harbour Needs Next”, was published."], []),
    "title with a comma before a verb is not a quote": (
        ["A 2023 audit, titled “Oversight Delayed,” warned that the backlog would grow."], []),
    "single word is not a quote": (["The word “resilience” appears 40 times."], []),
    "attributed partial quote counts": (
        ["Tom Baker warned against letting “the old cranes rust away in the rain”."],
        [("the old cranes rust away in the rain", "Tom Baker")]),
    "short attributed fragment does not count": (
        ["Tom Baker said the plan was “too costly”."], []),
    "pull quote counted once": (
        ["“The harbour is the heart of this town,” Maria Keller said.",
         "The council agreed.",
         "“The harbour is the heart of this town”"],
        [("The harbour is the heart of this town", "Maria Keller")]),
    "pull quote before the body quote keeps the speaker": (
        ["“We start in May”", "Tom Baker said: “We start in May, weather permitting.”"],
        [("We start in May, weather permitting.", "Tom Baker")]),
    "same words by two speakers are two quotes": (
        ["Tom Baker said the ferries must “run every hour of the day”.",
         "Maria Keller later said the ferries must “run every hour of the day”."],
        [("run every hour of the day", "Tom Baker"), ("run every hour of the day", "Maria Keller")]),
    "pronoun resolved to last named person": (
        ["Ana Pereira, who runs the fish market, spoke first.", "“The prices are falling,” she said."],
        [("The prices are falling", "Ana Pereira")]),
    "surname expanded to the full name": (
        ["Tom Baker runs the port.", "“The cranes are old,” Baker told reporters."],
        [("The cranes are old", "Tom Baker")]),
    "role then appositive name": (
        ["A spokesperson for the port, Ana Pereira, said the ferries “will run every hour from June”."],
        [("will run every hour from June", "Ana Pereira")]),
    "title before name": (
        ["Port spokesperson Ana Pereira said: “The ferries will run every hour.”"],
        [("The ferries will run every hour.", "Ana Pereira")]),
    "descriptive speaker kept": (
        ["“We are ready for the season,” a spokesperson for the ferry company said."],
        [("We are ready for the season", "a spokesperson for the ferry company")]),
    "ambassador with appositive, told": (
        [("The Dutch consul in Hamburg, Joost de Vries, told local radio the port was “important for "
         "trade across the whole region”.")],
        [("important for trade across the whole region", "Joost de Vries")]),
    "age appositive": (
        ["Tom Baker runs the port.", "“The harbour will be rebuilt,” Baker, 52, told reporters."],
        [("The harbour will be rebuilt", "Tom Baker")]),
    "according to before": (
        ["According to Jane Roe, “the harbour will be rebuilt within two years”."],
        [("the harbour will be rebuilt within two years", "Jane Roe")]),
    "standalone quote paragraph inherits the previous speaker": (
        ["Tom Baker said the work was “going better than anyone expected”.",
         "“We will finish before the summer season starts.”"],
        [("going better than anyone expected", "Tom Baker"),
         ("We will finish before the summer season starts.", "Tom Baker")]),
    "descriptive speaker after a long tail": (
        ["“Nobody told us anything about the closure,” one fisherman complained in the square."],
        [("Nobody told us anything about the closure", "one fisherman")]),
    "unknown speaker is None": (
        [("The notice on the door, “closed until further notice by order of the council”, was gone "
         "by Friday.")],
        [("closed until further notice by order of the council", None)]),
    "pronoun with nobody named is None": (
        ["“We will rebuild,” she said."], [("We will rebuild", None)]),
    "verbs inside a quote are not attributions": (
        ["“As the minister said in May, the port comes first.”"],
        [("As the minister said in May, the port comes first.", None)]),
    "unattributed long sentence counts": (
        ["Banners reading “We want our ferry back before the winter!” hung outside the hall."],
        [("We want our ferry back before the winter!", None)]),
    "shouting crowd is a descriptive speaker": (
        ["Locals shouted “We want our ferry back!” outside the hall."],
        [("We want our ferry back!", "Locals")]),
    "a straight opening mark closed by a curly one": (
        ['Valerie Moss said "people with heart trouble should ask a doctor first,” she said.'],
        [("people with heart trouble should ask a doctor first", "Valerie Moss")]),
    "a curly opening mark closed by a straight one, after a curly split": (
        ['"The port lost money for years,” Ed Harlow said. “I fear it will lose more."'],
        [("The port lost money for years", "Ed Harlow"), ("I fear it will lose more.", "Ed Harlow")]),
    "a curly quote nested in a straight one stays inside": (
        ['"They called it “a folly” and left," said Ana Pereira.'],
        [("They called it “a folly” and left", "Ana Pereira")]),
    "nested single quotes stay inside": (
        ["“They told me ‘wait’, and I waited for a year,” said Ana Pereira."],
        [("They told me ‘wait’, and I waited for a year", "Ana Pereira")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_quotes(name: str) -> None:
    paragraphs, expected = CASES[name]
    assert extract_quotes(paragraphs) == [Quote(text, speaker) for text, speaker in expected]


def test_no_paragraphs_no_quotes() -> None:
    assert extract_quotes([]) == []


def test_short_lowercase_terms_are_no_quotation_whatever_their_attribution() -> None:
    assert not may_be_direct_quote("strategic concept")
    assert not may_be_direct_quote("")
    assert may_be_direct_quote("No,")  # '“No,” she said'
    assert may_be_direct_quote("its tentacles to Asia")  # a fragment, once attributed
    assert extract_quotes([INTRO, "She called it a “strategic concept” and a “plan”."]) == []

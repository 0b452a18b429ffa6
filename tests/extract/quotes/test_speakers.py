"""extract_quotes: attribution rules beyond English — Spanish and Italian verbs, dropped
subjects, phrases pointing back (age epithets), recipients, asides and roles inside names."""

from __future__ import annotations

import pytest

from scraper.extract.quotes import extract_quotes
from scraper.extract.quotes.verbs import find_attributions
from scraper.models import Quote

# (paragraphs, expected quotes as (text, speaker)); texts written from reading the input.
CASES = {
    "two roles joined by 'und' before the name, the second lowercase": (
        ["„Beide Teams sind bereit“, sagte TV-Kommentator und dreifacher Meister Jonas Feld am Samstag."],
        [("Beide Teams sind bereit", "Jonas Feld")]),
    "a role and 'und' then a verb ends the phrase at the role": (
        ["„Wir fahren morgen“, sagte der Trainer und lachte."],
        [("Wir fahren morgen", "der Trainer")]),
    "Spanish verb, role then appositive name": (
        [("«Vamos a pelear la liga hasta el final», declaró la entrenadora del Club Atlético "
          "Sur, Marta Quiroga, tras el partido.")],
        [("Vamos a pelear la liga hasta el final", "Marta Quiroga")]),
    "Italian compound verb, role then appositive name": (
        [("«La vendemmia è stata scarsa ma di qualità», ha detto il presidente della cantina "
          "sociale, Paolo Ferri, che guida la cooperativa da dieci anni.")],
        [("La vendemmia è stata scarsa ma di qualità", "Paolo Ferri")]),
    "Italian dropped subject: a bare verb means the speaker quoted last": (
        [("«Il molo va rifatto entro l’estate», spiega il direttore del porto, Luca Bassi. "
          "«I fondi ci sono già», aggiunge.")],
        [("Il molo va rifatto entro l’estate", "Luca Bassi"), ("I fondi ci sono già", "Luca Bassi")]),
    "Spanish dropped subject after a quote": (
        ["La alcaldesa Nuria Ferrer visitó la obra.",
         "«Estará lista en otoño», añadió."],
        [("Estará lista en otoño", "Nuria Ferrer")]),
    "Italian descriptive speaker with fa sapere": (
        ["«Le corse riprenderanno lunedì», fa sapere un portavoce dell’azienda."],
        [("Le corse riprenderanno lunedì", "un portavoce dell’azienda")]),
    "Spanish según before the quote": (
        ["Según Elena Vidal, «el embalse no se llenará este año»."],
        [("el embalse no se llenará este año", "Elena Vidal")]),
    "French recipient between the verb and the speaker": (
        [("« Le feu a été fixé vers minuit », a indiqué au Progrès le lieutenant Paul Garnier, "
          "du service départemental d’incendie.")],
        [("Le feu a été fixé vers minuit", "Paul Garnier")]),
    "Spanish recipient between the verb and the speaker": (
        ["«No habrá cortes de agua», dijo a EFE el consejero de Medio Ambiente, Jorge Lamas."],
        [("No habrá cortes de agua", "Jorge Lamas")]),
    "German age epithet points back to the sentence's subject": (
        [("Stürmer Lukas Brenner traf dreimal gegen den Tabellenführer. „So ein Spiel hatte ich "
          "noch nie“, sagte der 24-Jährige.")],
        [("So ein Spiel hatte ich noch nie", "Lukas Brenner")]),
    "English age epithet before the verb": (
        ["Goalkeeper Sam Idowu saved two penalties in the shoot-out.",
         "“I just guessed the right way twice,” the 19-year-old said."],
        [("I just guessed the right way twice", "Sam Idowu")]),
    "definite role with an age is the subject named before, not the last name": (
        [("Un gol de Pablo Ruiz decidió el partido. Ruiz remató un pase de Iker Sola en el "
          "minuto 88. «Llevaba meses esperando esto», dijo el extremo, de 19 años.")],
        [("Llevaba meses esperando esto", "Pablo Ruiz")]),
    "indefinite role with an age stays descriptive": (
        ["“The water came up to the windows,” said a neighbour, 71, who has lived there since 1960."],
        [("The water came up to the windows", "a neighbour")]),
    "party aside between the role and the appositive name": (
        [("« Nous rouvrirons la piscine en juin », estime le maire (divers gauche) de Montval, "
          "Jacques Perrin.")],
        [("Nous rouvrirons la piscine en juin", "Jacques Perrin")]),
    "German place possessive and role inside the name run": (
        ["„Die Umleitung bleibt bis Oktober“, sagt Neustadts Bürgermeisterin Eva Kranz (SPD)."],
        [("Die Umleitung bleibt bis Oktober", "Eva Kranz")]),
    "hyphenated club role before the name": (
        ["„Wir waren heute einfach zu langsam“, räumte SVW-Coach Jonas Beck ein."],
        [("Wir waren heute einfach zu langsam", "Jonas Beck")]),
    "German article before a role and a name, dative outlet after it": (
        ["„Der Haushalt ist auf Kante genäht“, sagte die Stadträtin Eva Kranz dem Kurier."],
        [("Der Haushalt ist auf Kante genäht", "Eva Kranz")]),
    "titled name before a lowercase role apposition": (
        [("Councillor Ruth Ellery, cabinet member for transport, said: “The buses will run "
          "every ten minutes from May.”")],
        [("The buses will run every ten minutes from May.", "Ruth Ellery")]),
    "abbreviated title before a name and a role apposition": (
        [("Dr. Amir Khan, the hospital’s chief of surgery, said the ward was “running at full "
          "capacity every single night”.")],
        [("running at full capacity every single night", "Amir Khan")]),
    "colon lead-in ending in an appositive name": (
        [("Contento anche l’assessore allo sport del comune, Davide Rota: «Finalmente la "
          "palestra torna ai ragazzi».")],
        [("Finalmente la palestra torna ai ragazzi", "Davide Rota")]),
    "a first name alone means the one person of that first name": (
        ["Ellen Marsh has kept bees on the hill for forty years.",
         "“The lime trees flowered late this year,” Ellen told me."],
        [("The lime trees flowered late this year", "Ellen Marsh")]),
    "a first name two people share is not expanded": (
        ["Ellen Marsh and Ellen Kray keep bees on the hill.",
         "“The lime trees flowered late this year,” Ellen told me."],
        [("The lime trees flowered late this year", "Ellen")]),
    "a name after 'de' teaches its surname": (
        ["Un gol de Pablo Ruiz dio la victoria al equipo local.",
         "«Era el partido del año», dijo Ruiz."],
        [("Era el partido del año", "Pablo Ruiz")]),
    "long attribution clause between the pieces of a split quote": (
        [("“The river rose in an hour,” said Tom Ashby, whose farm by the old mill lost two barns "
          "and most of its fencing in the flood. “We had no warning at all.”")],
        [("The river rose in an hour", "Tom Ashby"), ("We had no warning at all.", "Tom Ashby")]),
    "a second piece with its own attribution is a second quote": (
        [("« On a attendu deux ans », explique Marc Vidal, président du club. « Cette fois, "
          "c’est la bonne », ajoute-t-il.")],
        [("On a attendu deux ans", "Marc Vidal"), ("Cette fois, c’est la bonne", "Marc Vidal")]),
    "a definite role means the one person named with it before": (
        ["Mayor Jane Roe toured the flooded streets.", "“We will rebuild,” the mayor said."],
        [("We will rebuild", "Jane Roe")]),
    "a lowercase role between an article and the name is remembered": (
        ["La consejera Rosa Vidal visitó la zona del incendio.",
         "«Hemos pedido ayuda al Estado», subrayó la consejera."],
        [("Hemos pedido ayuda al Estado", "Rosa Vidal")]),
    "a German role named before the name": (
        ["Bürgermeister Hans Roth war am Morgen vor Ort.",
         "„Wir tun, was wir können“, sagte der Bürgermeister."],
        [("Wir tun, was wir können", "Hans Roth")]),
    "a known role before a name needs no article; the role phrase may have two words": (
        ["Council leader Morag Fettes confirmed the freeze.",
         "“Islanders should not pay more,” the council leader said."],
        [("Islanders should not pay more", "Morag Fettes")]),
    "an acronym alone is no name": (
        [("Dr. Euan Sinclair, the island's only GP, said patients were “choosing between a "
          "prescription and a ticket”.")],
        [("choosing between a prescription and a ticket", "Euan Sinclair")]),
    "French elided role before the name, then the role alone": (
        ["L’élu Jean Roux a visité le chantier.", "« Tout sera prêt en mai », poursuit l’élu."],
        [("Tout sera prêt en mai", "Jean Roux")]),
    "Italian article 'il' before a role is no French pronoun": (
        ["Il cantiere è aperto.", "«Tutto sarà pronto a maggio» dice il sindaco."],
        [("Tutto sarà pronto a maggio", "il sindaco")]),
    "French 'il' alone is still the pronoun": (
        ["Jean Roux dirige le port.", "Il a expliqué : « Le quai sera prêt en mai. »"],
        [("Le quai sera prêt en mai.", "Jean Roux")]),
    "the newspaper as the addressee": (
        ["«Todo estará listo en mayo», explica a este periódico Juan Gil, jefe de obra."],
        [("Todo estará listo en mayo", "Juan Gil")]),
    "a role two people hold stays descriptive": (
        ["Minister Ana Lima met Minister Paul Ortiz in Lisbon.",
         "“The deal is close,” the minister said."],
        [("The deal is close", "the minister")]),
    "a single compound role noun is no name": (
        ["„Die Lage ist unter Kontrolle“, erklärte ein Polizeisprecher auf Anfrage."],
        [("Die Lage ist unter Kontrolle", "ein Polizeisprecher")]),
    "an employer after a full name ends the phrase": (
        ["“Prices will rise again,” warned economist Lena Park of Harbour Bank."],
        [("Prices will rise again", "Lena Park")]),
    "Italian addressee after the name": (
        ["«Il ponte riaprirà a maggio», ha detto Rossi ai giornalisti."],
        [("Il ponte riaprirà a maggio", "Rossi")]),
    "Spanish dashed incise inside the quote": (
        ["«Es así —dijo Pedro Sanz—, no hay más remedio que esperar»."],
        [("Es así, no hay más remedio que esperar", "Pedro Sanz")]),
    "Spanish dashed incise with a dropped subject": (
        ["El alcalde Luis Mora habló con los vecinos.",
         "«Las obras empiezan en junio —añadió—, si llega el dinero»."],
        [("Las obras empiezan en junio, si llega el dinero", "Luis Mora")]),
    "Italian tail sentence after the quote": (
        ["«Il ponte riaprirà a maggio». Così il sindaco Mario Rossi."],
        [("Il ponte riaprirà a maggio", "Mario Rossi")]),
    "German tail sentence with a dative outlet": (
        ["„Wir bleiben hier, egal was kommt.“ Das sagte Anna Roth der Lokalzeitung."],
        [("Wir bleiben hier, egal was kommt.", "Anna Roth")]),
    "French tail sentence after a French-spaced closing mark": (
        ["« Rien n’est décidé à ce stade. » C’est ce qu’a déclaré le préfet."],
        [("Rien n’est décidé à ce stade.", "le préfet")]),
    "an unknown verb after the subject ends the speech tag": (
        ["Ada Okonkwo runs the marina.", "“The tide waits for nobody,” Okonkwo points out."],
        [("The tide waits for nobody", "Ada Okonkwo")]),
    "an unknown verb after a pronoun, with an adverb": (
        ["Ada Okonkwo runs the marina.", "“Nobody asked us, not once,” she snaps, annoyed."],
        [("Nobody asked us, not once", "Ada Okonkwo")]),
    "German unknown verb before the name and its role": (
        ["„Das ist die kleinste Bühne der Stadt“, lacht Marta Hollweg, Leiterin des Theaters."],
        [("Das ist die kleinste Bühne der Stadt", "Marta Hollweg")]),
    "German unknown verb before a pronoun": (
        ["Jonas Berger las das Papier zweimal.", "„Die Partei hat soeben aufgegeben“, spöttelt er."],
        [("Die Partei hat soeben aufgegeben", "Jonas Berger")]),
    "German reflexive verb before the name": (
        ["„Wir sprachen lange darüber“, erinnert sich Ute Kramer."],
        [("Wir sprachen lange darüber", "Ute Kramer")]),
    "a conjunction after the quote is no speech tag": (
        ["“Keep the doors closed at all times,” and then the lights went out in the hall."],
        [("Keep the doors closed at all times", None)]),
    "a pull quote signed with a dash and a name": (
        ["“We have never seen the river this high.” — Jane Doe, resident"],
        [("We have never seen the river this high.", "Jane Doe")]),
    "a dash before a lowercase clause is no signature": (
        ["“We rebuilt it once” — and we will again, the council said."],
        [("We rebuilt it once", "the council")]),
    "a long sentence after the quote is no tail": (
        [("«Il ponte riaprirà a maggio». Così il comune ha deciso di rinviare i lavori a "
          "giugno e luglio per tutti quanti i cittadini della valle.")],
        []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution(name: str) -> None:
    paragraphs, expected = CASES[name]
    assert extract_quotes(paragraphs) == [Quote(text, speaker) for text, speaker in expected]


def test_a_phrase_first_word_alone_is_no_attribution() -> None:
    assert find_attributions("She bought a house and went home.") == []


def test_a_phrase_is_found_when_its_words_follow_each_other() -> None:
    found = find_attributions("Le maire a déclaré qu’il partira.")
    assert [(match.verb, match.kind) for match in found] == [("a déclaré", "verb")]


def test_a_noun_like_verb_is_read_by_what_follows_it() -> None:
    assert find_attributions("EU states will meet.") == []
    assert [m.verb for m in find_attributions("The minister states that it works.")] == ["states"]


def test_an_inner_word_of_a_long_name_means_the_name_it_ends_where_nouns_are_capital() -> None:
    german = ["Auf die Studie nimmt der Ökonom Guido Steinberg Bezug: Sie sei solide.",
              "„Die Zahlen sind eindeutig“, sagt Steinberg."]
    english = ["Yeun Joon Kim of the business school led the study.",
               "“The numbers are very clear to us,” says Joon."]
    assert [q.speaker for q in extract_quotes(german, language="de")] == ["Guido Steinberg"]
    assert [q.speaker for q in extract_quotes(english, language="en")] == ["Yeun Joon Kim"]


def test_an_indefinite_subject_with_a_relative_clause_speaks_as_its_head() -> None:
    paragraphs = [("A mother who’d lost her house in the flood of that spring once asked me with "
                   "tears in her eyes, “Will the river ever come back for the rest of the street?”")]
    assert [q.speaker for q in extract_quotes(paragraphs, language="en")] == ["a mother"]

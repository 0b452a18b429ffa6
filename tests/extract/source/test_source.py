"""extract_source: explicit report phrases, credit lines, datelines, metadata, own outlet."""

from __future__ import annotations

import pytest

from scraper.extract.document import Document, parse_document
from scraper.extract.source import clean_outlet, extract_source

PAGE_URL = "https://herald.example.com/2024/05/harbour/"


def _document(head: str = "") -> Document:
    head = '<meta property="og:site_name" content="Harbour Herald">' + head
    return parse_document(f"<html><head>{head}</head><body></body></html>", PAGE_URL)


@pytest.mark.parametrize(("paragraphs", "outlet"), [
    (["The port will close, according to a report from The Guardian."], "The Guardian"),
    (["According to a new report by the Financial Times, the deal is done."], "The Financial Times"),
    (["According to a report in The New York Times on Tuesday, the deal is done."],
     "The New York Times"),
    (["According to a report from the BBC, the port will close."], "BBC"),
    (["According to a Guardian report, the port will close."], "Guardian"),
    (["The council, as first reported by Politico, will vote on Friday."], "Politico"),
    (["Text.", "This article was originally published on The Conversation."], "The Conversation"),
    (["Text.", ("This article is republished from The Conversation under a Creative Commons "
               "license.")], "The Conversation"),
    (["Text.", "This story originally appeared in Grist."], "Grist"),
    (["Text.", "Reprinted with permission from ProPublica."], "ProPublica"),
    (["WASHINGTON (AP) — The Senate voted on Monday to fund the port."], "AP"),
    (["ST. JOSEPH, Mich. (AP) — Health officials reported a sixth case."], "AP"),
    (["BERLIN (dpa) - Die Regierung plant neue Regeln für Häfen."], "dpa"),
    (["The port will close.", "(With AFP)"], "AFP"),
    (["The port will close.", "via Reuters"], "Reuters"),
    (["The port will close.", "Mit Material von dpa"], "dpa"),
    (["Wie der Spiegel berichtet, plant die Regierung neue Regeln."], "Spiegel"),
    (["Laut einem Bericht der Süddeutschen Zeitung plant die Regierung neue Regeln."],
     "Süddeutschen Zeitung"),
    (["Selon une information du Monde, le gouvernement prépare une loi."], "Le Monde"),
    (["Nikkei Asia reported on Wednesday that the port plans an office in Tokyo."], "Nikkei Asia"),
    (["Selon les informations du quotidien Ouest Littoral, les apports ont chuté."],
     "Ouest Littoral"),
    (["Die Preise steigen, wie die „Remstal-Rundschau“ zuerst berichtet hatte."],
     "Remstal-Rundschau"),
    (["The port will close, according to a report from the news agency Reuters."], "Reuters"),
    (["Das Unternehmen bestätigte einen entsprechenden Bericht des „Wirtschaftskurier“."],
     "Wirtschaftskurier"),
    (["The company confirmed a Monday report by Harbour Business Daily."],
     "Harbour Business Daily"),
    (["The yard will close, as reported by the Coastal Times."], "The Coastal Times"),
    ([("The yard will close, according to a report published on Tuesday by Harbour Business "
       "Daily.")], "Harbour Business Daily"),
    (["The Coastal Times was the first to report the closure."], "The Coastal Times"),
    ([("Die Werft steht vor dem Verkauf. Das berichtet die »Nordsee-Post« unter Berufung auf "
       "Unternehmenskreise.")], "Nordsee-Post"),
    (["Nach Recherchen von Radio Weser will die Reederei verkaufen."], "Radio Weser"),
    (["Selon des informations publiées mardi par La Gazette du Port, la criée fermera."],
     "La Gazette du Port"),
    (["La criée fermera en juin, rapporte le Courrier de l’Estuaire."], "Le Courrier de l’Estuaire"),
    (["Según informa el diario La Voz del Puerto, la lonja cerrará en mayo."], "La Voz del Puerto"),
    (["Según una información del Correo Marítimo, la lonja cerrará."], "El Correo Marítimo"),
    (["Tal y como adelantó ayer El Faro de Vigo, la lonja cerrará."], "El Faro de Vigo"),
    (["Secondo quanto riportato dalla Gazzetta del Lago, il traghetto sarà sospeso."],
     "Gazzetta del Lago"),
    (["Secondo quanto riporta oggi il Corriere di Sondrio, il traghetto sarà sospeso."],
     "Corriere di Sondrio"),
    (["Il traghetto sarà sospeso da giugno. Lo scrive oggi la Voce del Lago."], "La Voce del Lago"),
    (["Text.", "This piece was first published on The Conversation."], "The Conversation"),
    (["Die Stadt plant eine Seilbahn, berichtet die „Rheinpost“ am Montag."], "Rheinpost"),
    (["Die Stadt plant eine Seilbahn, schreibt das Nachrichtenportal Weserkurier."], "Weserkurier"),
    (["Le Canard du Port révèle que le maire a menti."], "Le Canard du Port"),
    (["El Diario del Puerto publica hoy que la lonja cerrará."], "El Diario del Puerto"),
    (["Il Corriere di Sondrio scrive che il ponte chiuderà."], "Il Corriere di Sondrio"),
    (["According to the Coastal Times, the plan would cost £2m."], "The Coastal Times"),
    (["The plan, first revealed by the Coastal Times, would cost £2m."], "The Coastal Times"),
    (["The story was first broken by the Coastal Times."], "The Coastal Times"),
    (["Zuerst hatte der NDR darüber berichtet."], "NDR"),
    (["Laut „Weserkurier“ soll die Fähre eingestellt werden."], "Weserkurier"),
    (["Selon Le Télégramme, le ferry sera supprimé."], "Le Télégramme"),
    (["Comme l’a révélé Le Courrier du Port, le ferry sera supprimé."], "Le Courrier du Port"),
    (["Une information révélée par Le Télégramme et confirmée par la préfecture."],
     "Le Télégramme"),
    (["Según El Faro de Vigo, el ferry dejará de operar."], "El Faro de Vigo"),
    (["Secondo il Corriere di Como, il traghetto sarà soppresso."], "Corriere di Como"),
    (["La notizia è stata anticipata dal Giornale di Lecco."], "Giornale di Lecco"),
])
def test_source_phrases(paragraphs: list[str], outlet: str) -> None:
    assert extract_source(paragraphs, _document()) == outlet


@pytest.mark.parametrize("paragraphs", [
    ["The minister told the Guardian on Monday that the plan would go ahead."],
    ["A spokesperson declined to comment when contacted by the Guardian."],
    ["The port, which first appeared in 2014 on the map, is busy."],
    ["First published on November 19."],
    ["Reuters analysts expect growth in the port next year."],
    ["This story first appeared in the Harbour Herald."],
    ["Den Bericht der Zeitung wollte der Sprecher nicht kommentieren."],
    ["Das berichtet die Zeitung unter Berufung auf Kreise der Stadt."],
    ["« Il faut agir », écrit Jean Dupont, ancien maire."],
    ["Según informó Juan Pérez, la lonja cerrará."],
    ["Secondo quanto riferisce Mario Rossi, il traghetto sarà sospeso."],
    ["The theft was reported by Jane Smith, a neighbour."],
    ["Zwei Männer wurden festgenommen, berichtet die Polizei."],
    ["Wie die Polizei berichtet, wurden zwei Männer festgenommen."],
    ["Wie das Innenministerium meldete, ist die Lage ruhig."],
    ["The Pentagon reported on Monday that two ships collided."],
    ["La Commission rapporte que les quotas seront relevés."],
    ["La mairie rapporte que les travaux ont commencé."],
    ["According to Jane Roe, the plan is dead."],
    ["According to the National Weather Service, the storm will pass."],
    ["Selon Marine Le Pen, le ferry restera."],
    ["Selon La Poste, les lettres arriveront lundi."],
    ["Según Juan Pérez, el ferry seguirá."],
    ["Secondo la Coldiretti, il raccolto è perso."],
    ["Laut Anna Schmidt war der Fahrer betrunken."],
    ["La notizia è stata anticipata da Mario Rossi."],
    [],
])
def test_no_source(paragraphs: list[str]) -> None:
    assert extract_source(paragraphs, _document()) is None


def test_explicit_phrase_in_the_headline_beats_a_weak_mention_in_the_body() -> None:
    head = ('<meta property="og:title" content="The alliance plans an office in Fiji, according '
            'to a report from The Meridian Times">')
    paragraphs = ["Pacific Wire reported on Tuesday that members will pool tracking data."]
    assert extract_source(paragraphs, _document(head)) == "The Meridian Times"


def test_explicit_phrase_beats_a_weak_mention() -> None:
    paragraphs = ["The alliance will open an office, according to a report from The Guardian.",
                  "Nikkei Asia reported on Wednesday that the office would open next year."]
    assert extract_source(paragraphs, _document()) == "The Guardian"


def test_weak_mention_only_near_the_top() -> None:
    paragraphs = ["Text."] * 6 + ["Nikkei Asia reported on Wednesday that the office opens soon."]
    assert extract_source(paragraphs, _document()) is None


def test_syndication_meta_url_mapped_to_outlet_name() -> None:
    head = '<meta name="syndication-source" content="https://www.theguardian.com/world/2024/x">'
    assert extract_source(["Text."], _document(head)) == "The Guardian"


def test_jsonld_is_based_on_other_publisher() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle",
      "publisher": {"@type": "Organization", "name": "Harbour Herald"},
      "isBasedOn": {"@type": "NewsArticle", "url": "https://example.net/a",
                    "publisher": {"@type": "Organization", "name": "Coastal Courier"}}}</script>"""
    assert extract_source(["Text."], _document(head)) == "Coastal Courier"


def test_jsonld_url_of_an_unknown_outlet_is_named_as_the_body_names_it() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle",
      "isBasedOn": "https://journal-du-littoral.example/2024/04/29/bassines"}</script>"""
    paragraphs = ["Les réserves étaient pleines, révélait lundi Le Journal du Littoral."]
    assert extract_source(paragraphs, _document(head)) == "Le Journal du Littoral"


def test_source_organization_equal_to_publisher_is_ignored() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle",
      "publisher": {"@type": "Organization", "name": "Harbour Herald"},
      "sourceOrganization": {"@type": "Organization", "name": "Harbour Herald"}}</script>"""
    assert extract_source(["Text."], _document(head)) is None


def test_wire_story_on_the_wire_agency_own_site_has_no_source() -> None:
    document = parse_document("<html><head></head><body></body></html>",
                              "https://www.reuters.com/world/harbour")
    assert extract_source(["LONDON (Reuters) - The port will close."], document) is None


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Guardian", "The Guardian"), ("the BBC", "BBC"), ("Reuters’", "Reuters"),
    ("Nikkei Asia Wednesday", "Nikkei Asia"), ("theguardian.com", "The Guardian"), ("November", None),
])
def test_clean_outlet(raw: str, clean: str | None) -> None:
    assert clean_outlet(raw) == clean


@pytest.mark.parametrize(("lang", "paragraph", "outlet"), [
    ("en-GB", "The port will close, according to a report from The Guardian.", "The Guardian"),
    ("de", "Wie der Spiegel berichtet, plant die Regierung neue Regeln.", "Spiegel"),
    ("en", "Café owners were angry. Das berichtet die »Husumer Rundschau«.", "Husumer Rundschau"),
])
def test_declared_language_and_diacritics_choose_the_phrases_looked_for(
        lang: str, paragraph: str, outlet: str) -> None:
    document = parse_document(f'<html lang="{lang}"><head></head><body></body></html>', PAGE_URL)
    assert extract_source([paragraph], document) == outlet

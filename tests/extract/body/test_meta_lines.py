"""Meta lines (calls to action, closing notices) are found through a cheap keyword check
before their patterns run: every kind of line each pattern knows must still be found."""

from __future__ import annotations

import pytest

from scraper.extract.body.lines import finish_paragraphs

# One line for each alternative of CALL_TO_ACTION and NOTICE_LINE, in their languages and
# in capitals, written for this test.
META_LINES = [
    "Subscribe to our weekly letter for the harbour news.", "Please SUBSCRIBE NOW.",
    "Sign up for free to keep reading.", "Support our journalism this winter.",
    "Donate today and keep the lights on.", "Become a member of the club.",
    "Start your free trial.", "Already a subscriber? Log in.", "Get unlimited access.",
    "Jetzt zwei Monate gratis testen", "Unterstützen Sie uns mit einem Beitrag.",
    "Abonnez-vous à notre lettre.", "Soutenez-nous dès aujourd'hui.",
    "Faites un don pour la rédaction.", "Déjà abonné ? Connectez-vous.",
    "Suscríbete al boletín.", "Hazte socio del diario.", "Abbonati al giornale.",
    "Assine já o jornal.",
    "© 2031 The Harbour Post. All Rights Reserved.", "Copyright 2031 Harbour Media Group",
    "This material may not be published, broadcast or redistributed.",
    "Tous droits réservés.", "Alle Rechte vorbehalten.", "Todos los derechos reservados.",
    "Riproduzione riservata", "Quelle: dpa-infocom, dpa:310203-99-1234/5",
    "All photographs © Harbour Pictures", "ALL PHOTOS (C) THE AGENCY",
    "A version of this article appears in print on page 4.",
    "Follow us on Twitter", "Like The Harbour Post on Facebook",
    "Send us your story ideas at the desk.", "Email your tips to the newsroom.",
    "For the latest news, follow the live page.",
    "To view this video please enable JavaScript and use a newer browser.",
    "(Reporting by Ann Tide; Editing by Ben Quay)", "Additional reporting by Carl Dock",
    "– with reporting by Dana Pier in Lisbon", "Eve Wharf contributed reporting from Oslo.",
    "Harbour Post writers Fay Mast and Gil Sail contributed to this report.",
    "Write to Hal Buoy at hal.buoy@harbourpost.example", "Email Ivy Keel at ivy@post.example or follow her.",
    "Have a tip? Jo Reef may be reached at jo@post.example.",
    ("Allow Bluesky content? This article includes content provided by Bluesky. We ask for your "
     "permission before anything is loaded, as they may be using cookies."),
    "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
    "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
    "Personenbezogene Daten können an Drittplattformen übermittelt werden.",
    "Do you have a story to tell? Email: desk@post.example",
    "Create a FREE account to continue reading", "Thank you for registering",
    "Please refresh the page or navigate to another page on the site to be automatically logged in",
]


@pytest.mark.parametrize("line", META_LINES)
def test_every_kind_of_meta_line_is_still_dropped(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line], None) == [prose]


def test_a_plain_paragraph_with_no_hint_word_stays() -> None:
    lines = ["The council approved the budget by seven votes to two.", "Short line."]
    assert finish_paragraphs(lines, None) == lines


@pytest.mark.parametrize("line", [
    "March 16, 2031", "16 March 2031", "Tuesday, June 3, 2031, 10:45 AM ET", "12.03.2031",
    "Updated June 2031", "Photo from the March 2031 regatta.",
    "Uppdaterad 15.59 | Publicerad 14.14", "Publicado: 3 de junio", "Aggiornato alle 10:45",
    "Zaktualizowano: 3 czerwca, 10:45", "Oppdatert i går",
])
def test_a_bare_date_or_a_short_dated_remark_is_dropped(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line], None) == [prose]


@pytest.mark.parametrize("line", [
    "The ten best harbour walks for 2031", "Year founded: 2011", "2031 tide tables",
])
def test_a_heading_or_label_that_only_names_a_year_stays(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([line, prose], None) == [line, prose]


@pytest.mark.parametrize("line", ["Loading specifications…", "Loading prices for your region...",
                                  "Loading…", "Wird geladen …", "Chargement des commentaires..."])
def test_a_loader_placeholder_is_dropped(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line], None) == [prose]


@pytest.mark.parametrize("line", ["Loading docks", "Loading the ferry took an hour longer than planned…",
                                  "Loading the ferry took an hour, then the storm came."])
def test_a_line_about_loading_stays(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line], None) == [prose, line]


@pytest.mark.parametrize("line", ["Article content", "Table of Contents", "Contents:", "In this article",
                                  "ADVERT", "REKLAM", "Reklama", "Czytaj więcej", "Czytaj też",
                                  "Article continues below", "Read Next", "Show Caption", "Comments",
                                  "Related Content:", "Related posts", "Sign In or Create an Account",
                                  "Topics", "Tell us what YOU think...", "Annonsørinnhold", "3 MIN. READ",
                                  "5 min read", "Reading Time: 11 minutes", "3 Minuten Lesezeit",
                                  "Lesezeit: 4 Min.", "Tempo de leitura: 2 minutos",
                                  "Tiempo de lectura: 3 minutos", "Czas czytania: 4 minuty",
                                  "By", "Edited by", "Reviewed by,", "Von", "or", "- oder -",
                                  "Latest posts by Kim Mast (see all)",
                                  "Don't have an account? Create Account", "Already have an account? Log in",
                                  "Tags: ferries, tides", "Filed under: Harbour |", "Schlagwörter zu diesem Artikel",
                                  "Related post: Ten harbour walks", "See also: Tide tables",
                                  "More Great Harbour Stories", "You may also like...", "Popular on Harbour Post",
                                  "Today's Headlines", "Next article", "Previous post", "On this page",
                                  "Summarize this article with:", "1,693 views", "00:00 / 03:15",
                                  "Fehler gefunden? Jetzt melden.", "Spotted an error?", "Was this article helpful?",
                                  "Like this story? Share it with a friend!", "Wie hat Ihnen dieser Artikel gefallen?",
                                  "War dieser Artikel hilfreich?", "Empfohlener redaktioneller Inhalt",
                                  "YouTube-Inhalte erlauben", "Allow Instagram content?", "Allow and continue",
                                  "EMBED:", "Player wird geladen", "MORE ABOUT", "(NTB)", "SDA/sep",
                                  "(Quelle: APA/sda/dpa)", "REUTERS"])
def test_a_label_or_ad_mark_between_paragraphs_is_dropped(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line, prose + " Again."], None) == [prose, prose + " Again."]


@pytest.mark.parametrize("line", ["Contents of the harbour master's report", "Advertising rules for ferries",
                                  "In this article we look at the tides.", "Topics in harbour law",
                                  "30 minutes of reading a day helps.", "(or)",
                                  "Or take the ferry.", "Tags and labels on the crates", "Category Last Month",
                                  "Popular on weekends, the ferry fills up.", "Reporting on the harbour is hard.",
                                  "The council contributed to the report's costs in March.",
                                  "Write to the council about the ferry timetable.",
                                  "Embed the video in your page.", "More about the ferry below.",
                                  "Reuters reported the sale.", "Publicado en 1999, el libro narra el viaje del ferry.",
                                  "Published in 1999, the book tells the story of the ferry."])
def test_a_line_that_only_opens_with_a_label_word_stays(line: str) -> None:
    prose = "The ferry resumed service on Monday after the storm, the operator said today."
    assert finish_paragraphs([prose, line], None) == [prose, line]

"""Word lists of bylines, as data: markers, labels, job titles, agencies, organisation words.

Each list is written as text (words separated by whitespace, names by semicolons) so adding a
language is adding words, not code.
"""

from __future__ import annotations

from ..document import squash


def words(text: str) -> frozenset[str]:
    """A word list written as text, one or more per line."""
    return frozenset(text.split())


def names(text: str) -> list[str]:
    """A list of names written as text, separated by semicolons."""
    return [" ".join(name.split()) for name in text.split(";")]


# Words that introduce the names in a byline, in the languages users crawl.
BY_MARKERS = ("words and pictures by", "words by", "written by", "story by", "reported by",
              "posted by", "text by", "compiled by", "article by", "insights from", "by")
# Markers other languages put first; only trusted at the start ("di" and "von" are in names).
LEADING_MARKERS = ("von", "par", "por", "door", "di", "da", "av", "af", "przez", "od", "yazan",
                   "escrito por", "écrit par", "geschrieben von", "a cura di", "redactado por")
# Words that may stand right before "by" in a byline ("Posted by", "Monday ... PST by").
AUTHOR_VERBS = words("""posted written reported compiled published submitted authored created
    story words text article pictures and""")
# Credits that name someone other than the author: the name after them is not an author.
NOT_AUTHOR_ROLES = words("""reviewed review checked fact-checked edited editing photos photo
    photographs photography pictured illustrated illustration illustrations graphics video
    videos produced production translated translation designed design animation narrated
    moderated hosted curated sponsored researched""")
# Labels that head a line of non-author credits ("Editor: X", "Foto: X", "Redigert av X").
NOT_AUTHOR_LABELS = ("reviewed by", "medically reviewed by", "fact checked by", "fact-checked by",
                     "edited by", "editor", "editors", "editing by", "photos by", "photo by",
                     "photography by", "photo", "photos", "foto", "fotos", "bild", "bilder",
                     "illustration", "illustrations by", "illustration by", "video by",
                     "graphics by", "produced by", "translated by", "translation by",
                     "bearbeitet von", "redigiert von", "redigert av", "redaktør", "édité par",
                     "traduit par", "editado por", "a cura della redazione", "sponsored by",
                     "reviewer", "fact checker", "editing", "contributions from",
                     "with contributions from", "contributions by", "additional reporting by",
                     "additional reporting", "researched by")
# Labels that head a byline: "Author: Jane Doe", "Текст: ...".
AUTHOR_LABELS = ("about the author", "authors of the article", "author of the article",
                 "authors of this article", "about", "sobre", "über", "author", "authors", "autor",
                 "autoren", "autorin", "autorin/autor", "autor/autorin", "auteur", "auteurs",
                 "autore", "autori", "autores", "reporter", "text", "texte", "texto", "tekst",
                 "текст", "автор", "written", "words", "reporting", "writer", "article written by",
                 "posted by", "written by", "contributor", "contributors",
                 "by", "von", "par", "por", "door", "af", "av")
MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
          "july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|"
          "dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
          "décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
          "noviembre|diciembre|ene|abr|ago|dic")
# Words of job titles; a trailing run of them ending in a head word is a role, not a name.
ROLE_HEADS = words("""editor editors editorial writer writers reporter reporters correspondent
    correspondents contributor contributors columnist columnists staff producer photographer
    analyst critic intern journalist journalists redakteur redakteurin korrespondent
    korrespondentin journaliste rédacteur rédactrice redactor redactora periodista giornalista
    redattore redattrice fellow anchor host blogger author director directors manager managers
    officer president vice-president founder co-founder cofounder ceo cto cfo coo cmo chairman
    chairwoman chair attorney lawyer counsel architect engineer developer designer strategist
    scientist researcher professor lecturer dietitian dietician nutritionist physician
    therapist clinician consultant specialist expert advisor adviser coach trainer
    representative secretary spokesperson spokesman spokeswoman marketer owner principal
    coordinator administrator geschäftsführer geschäftsführerin leiter leiterin directeur directrice responsable
    directora gerente jurnalis wartawan 기자 특파원 논설위원 記者 记者 特派員 编辑""")
ROLE_WORDS = ROLE_HEADS | words("""senior junior chief deputy managing associate assistant
    executive contributing special staff political politics news sports sport business
    science health technology tech economics economy foreign international national local
    digital investigative data video photo visual graphics audio features feature opinion
    culture arts entertainment markets finance legal washington bureau europe asia africa
    us u.s. uk global regional metro breaking freelance guest and of the auto
    motoring travel food style fashion lifestyle education climate environment energy
    diplomatic defence defense security crime courts justice royal medical property
    social media content commercial wire marketing sales operations product growth research
    trial registered certified general creative art communications community development
    engineering design strategy head lead shipping""")
# News agencies and outlets that sign articles: not persons, but kept when nobody else is named.
AGENCIES = {squash(name): name for name in names("""Reuters;Associated Press;AP;AFP;Agence
    France-Presse;dpa;Deutsche Presse-Agentur;Bloomberg;Bloomberg News;PA;PA Media;Press
    Association;ANI;IANS;PTI;Xinhua;Kyodo;Kyodo News;EFE;ANSA;APA;KNA;epd;Reuters Staff;AP Staff;
    CNN;CNN Wire;BBC;BBC News;NPR;Yonhap;TASS;RIA Novosti;Anadolu;Anadolu Agency;UPI;
    Canadian Press;The Canadian Press;AAP;Australian Associated Press;NTB;TT;Ritzau;STT;
    ATS;SDA;Belga;ANP;Agencia EFE;Europa Press;Lusa;AGI;Adnkronos;The Associated Press;
    Anadolu Ajansı;AA;DHA;IHA""")}
# Bylines that name nobody: desks, teams, CMS accounts.
GENERIC_BYLINES = frozenset(squash(name) for name in names("""Agencies;Agency;Wire;Wires;Wire
    Services;News Desk;Newsdesk;News Service;News Services;Staff;Web Desk;Desk;Editorial;
    Editorial Board;Editorial Staff;Editorial Team;Redaktion;La Rédaction;Rédaction;Redacción;
    Redazione;Team;Admin;Administrator;Editor;Editors;Guest;Guest Author;Guest Post;Anonymous;
    Unknown;Contributor;Contributors;Staff Writer;Staff Writers;Staff Reporter;Gast;Гость;
    Редакция;Webmaster;Author;Site Admin;Staff Reports;Staff Report;Wire Reports;Wire Report;
    From Staff Reports;Reports;Report;By;Von;Par;Por;Door"""))
# Accounts and words that never name the author, even when nothing else is named.
NO_AUTHOR = frozenset(squash(name) for name in names("""Admin;Administrator;Webmaster;Site Admin;
    Root;User;Guest;Anonymous;Unknown;Author;Authors;Editor;Editors;By;Von;Par;Por;Door;
    Staff;Team;Posted;Written;Null;None;Undefined;Default;Autor;Auteur;Redaktion;The Author;
    About the Author;Written By;Posted By;Author Name;Your Name"""))
# Last words of organizations' names; a "person" whose name ends in one is an outlet, a desk
# or a company ("Inland Water Report", "Harbour News Service", "Coastline Media Ltd").
ORGANIZATION_WORDS = words("""report reports news times journal herald gazette tribune daily
    weekly magazine media press network radio tv television blog desk wire service services
    agency group inc inc. ltd ltd. llc gmbh ag sa foundation institute council association
    society team online review monitor observer chronicle courier dispatch ledger bulletin
    digest newsroom redaktion rédaction redazione redacción editorial staff company
    zeitung nachrichten rundschau anzeiger kurier presse
    corp corp. corporation co co. plc holdings industries technologies technology systems
    solutions labs laboratories robotics energy motors airlines airways bank partners
    university college hospital ministry department office""")
# Lowercase words allowed inside a name ("Ursula von der Leyen", "Luiz Inácio da Silva").
NAME_PARTICLES = words("""van von der den de del della di da das dos du la le ten ter bin
    ibn al el y e zu af av""")
# Words of a short lead-in before a "von"/"par"/"por"/"door" marker ("Ein Kommentar von",
# "Une analyse par"): the names follow the marker.
LEAD_IN_WORDS = words("""ein eine einen un une el la una een der die das le kommentar analyse
    gastbeitrag gastkommentar interview essay kolumne reportage bericht glosse leitartikel
    recherche meinung porträt rezension kritik protokoll text video podcast éditorial
    chronique tribune entretien enquête article texte billet análisis columna opinión crónica
    entrevista reportaje artículo texto commentaar column verslag artikel tekst""")

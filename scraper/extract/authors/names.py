"""Turn a byline string into person names: "By JANE DOE and Ali Khan, Staff Writers | Reuters".

The steps, in order: keep what follows a "By"/"Von"/"Par" marker; cut at the first date,
"Updated" stamp, e-mail, handle or link-label ("View all posts"); keep the part before a pipe
or spaced dash (after it come outlets and roles); split into names at commas, "and", "&",
"und", "et", "y", "e", "og", "och"; drop "for ProPublica" / "in Berlin" tails and trailing
roles ("Senior Correspondent"); drop parts that are roles, outlets or the site itself; title
case names written in capitals. A string that yields nothing person-like yields [].
"""

from __future__ import annotations

import re

from ..document import squash
from ..headline.site import looks_like_host


def _words(text: str) -> frozenset[str]:
    """A word list written as text, one or more per line."""
    return frozenset(text.split())


def _names(text: str) -> list[str]:
    """A list of names written as text, separated by semicolons."""
    return [" ".join(name.split()) for name in text.split(";")]


# Words that introduce the names in a byline, in the languages users crawl.
BY_MARKERS = ("words and pictures by", "words by", "written by", "story by", "reported by",
              "posted by", "text by", "compiled by", "by")
# Markers other languages put first; only trusted at the start ("di" and "von" are in names).
LEADING_MARKERS = ("von", "par", "por", "door", "di", "da", "av", "af", "przez", "od", "yazan")
BY_PATTERN = re.compile(r"(?:^|(?<=\s)|(?<=\|))(?:" + "|".join(re.escape(m) for m in BY_MARKERS)
                        + r")\s*:?\s+(?=\S)", re.IGNORECASE)
LEADING_PATTERN = re.compile(r"^(?:" + "|".join(LEADING_MARKERS) + r")\s*:?\s+(?=\S)",
                             re.IGNORECASE)
# Labels that head a byline: "Author: Jane Doe", "Текст: ...".
LABEL_PATTERN = re.compile(r"^(?:about the author|about|sobre|über|author|authors|autor|autorin|"
                           r"auteur|autore|autores|reporter|text|texte|texto|tekst|текст|автор|"
                           r"written|words|reporting)\s*[:\-–]?\s+", re.IGNORECASE)
MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
          "july|august|september|october|november|december|januar|februar|märz|juni|juli|oktober|"
          "dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
          "décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
          "noviembre|diciembre")
# Where the names stop: dates, time stamps, contact details, link labels.
CUT_PATTERN = re.compile(
    r"(\b(?:" + MONTHS + r")\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:" + MONTHS + r")\b|"
    r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\b\d{4}-\d{2}|\b\d{1,2}:\d{2}|\b\d+\s+(?:hours?|minutes?|"
    r"days?|mins?)\b|\b(?:updated|published|posted|last updated|modified|aktualisiert|"
    r"veröffentlicht|publié|mis à jour|view|follow|share|email|e-mail|contact|biography|bio|"
    r"read more|more by|more from|all posts|see all|min read|comments?)\b|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w+|https?://\S+|\b(?:mon|tue|wed|thu|fri|sat|sun)"
    r"(?:day|sday|nesday|rsday|urday)?\b,?\s+(?:" + MONTHS + r"|\d))", re.IGNORECASE)
# After these, a byline names outlets and roles, not more people.
AFFILIATION_SPLIT = re.compile(r"\s+[|/–—-]\s+|\s*\|\s*|\s*•\s*|(?<=[a-z]{3})\.\s+(?=[A-Z])")
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\+)\s*|\s+(?:and|And|AND|und|UND|et|ET|y|e|og|och|en|i|sowie|"
                        r"with|With|WITH|mit)\s+")
# "Jane Doe for ProPublica", "Jane Doe in Berlin", "Jane Doe at the BBC".
TAIL_PATTERN = re.compile(r"\s+(?:for|in|at|from|reporting from|aus|für|pour|à|en|para|voor)\s+"
                          r"(?:the\s+)?[A-Z].*$")
# Words of job titles; a trailing run of them ending in a head word is a role, not a name.
ROLE_HEADS = _words("""editor editors editorial writer writers reporter reporters correspondent
    correspondents contributor contributors columnist columnists staff producer photographer
    analyst critic intern journalist journalists redakteur redakteurin korrespondent
    korrespondentin journaliste rédacteur rédactrice redactor redactora periodista giornalista
    redattore redattrice fellow anchor host blogger author""")
ROLE_WORDS = ROLE_HEADS | _words("""senior junior chief deputy managing associate assistant
    executive contributing special staff political politics news sports sport business
    science health technology tech economics economy foreign international national local
    digital investigative data video photo visual graphics audio features feature opinion
    culture arts entertainment markets finance legal washington bureau europe asia africa
    us u.s. uk global regional metro breaking freelance guest and of the auto
    motoring travel food style fashion lifestyle education climate environment energy
    diplomatic defence defense security crime courts justice royal medical property
    social media content commercial wire""")
# Multi-word parts of job titles whose words alone are common surnames.
ROLE_PHRASES = re.compile(r"\s(?:white house|city hall|at large|in chief|state house|capitol hill|"
                          r"wall street|world news|general assignment)\s", re.IGNORECASE)
# News agencies and outlets that sign articles: not persons, but kept when nobody else is named.
AGENCIES = {squash(name): name for name in _names("""Reuters;Associated Press;AP;AFP;Agence
    France-Presse;dpa;Deutsche Presse-Agentur;Bloomberg;Bloomberg News;PA;PA Media;Press
    Association;ANI;IANS;PTI;Xinhua;Kyodo;Kyodo News;EFE;ANSA;APA;KNA;epd;Reuters Staff;AP Staff;
    CNN;CNN Wire;BBC;BBC News;NPR;Yonhap;TASS;RIA Novosti;Anadolu;Anadolu Agency;UPI;
    Canadian Press;The Canadian Press;AAP;Australian Associated Press;NTB;TT;Ritzau;STT;
    ATS;SDA;Belga;ANP;Agencia EFE;Europa Press;Lusa;AGI;Adnkronos""")}
# Bylines that name nobody: desks, teams, CMS accounts.
GENERIC_BYLINES = frozenset(squash(name) for name in _names("""Agencies;Agency;Wire;Wires;Wire
    Services;News Desk;Newsdesk;News Service;News Services;Staff;Web Desk;Desk;Editorial;
    Editorial Board;Editorial Staff;Editorial Team;Redaktion;La Rédaction;Rédaction;Redacción;
    Redazione;Team;Admin;Administrator;Editor;Editors;Guest;Guest Author;Guest Post;Anonymous;
    Unknown;Contributor;Contributors;Staff Writer;Staff Writers;Staff Reporter;Gast;Гость;
    Редакция;Webmaster;Author;Site Admin;Staff Reports;Staff Report;Wire Reports;Wire Report;
    From Staff Reports;Reports;Report;By;Von;Par;Por;Door"""))
# Last words of organizations' names; a "person" whose name ends in one is an outlet, a desk
# or a company ("Inland Water Report", "Harbour News Service", "Coastline Media Ltd").
ORGANIZATION_WORDS = _words("""report reports news times journal herald gazette tribune daily
    weekly magazine media press network radio tv television blog desk wire service services
    agency group inc inc. ltd ltd. llc gmbh ag sa foundation institute council association
    society team online review monitor observer chronicle courier dispatch ledger bulletin
    digest newsroom redaktion rédaction redazione redacción editorial staff company
    zeitung nachrichten rundschau anzeiger kurier presse
    corp corp. corporation co co. plc holdings industries technologies technology systems
    solutions labs laboratories robotics energy motors airlines airways bank partners
    university college hospital ministry department office""")
# Lowercase words allowed inside a name ("Ursula von der Leyen", "Luiz Inácio da Silva").
NAME_PARTICLES = _words("""van von der den de del della di da das dos du la le ten ter bin
    ibn al el y e zu af av""")
MAX_NAME_WORDS = 6
OUTLET_TAIL_WORDS = 3
MAX_NAME_CHARS = 60
NAME_CHARACTERS = re.compile(r"^[^\W\d_][\w'’.\-]*$")
TRAILING_JUNK = " ,;:|/-–—·•()[]\"'“”"


def names_from_byline(text: str, site_names: list[str] | tuple[str, ...] = (),
                      single_ok: bool = False) -> list[str]:
    """Return the person names in one byline string, in order, without roles or outlets.

    A one-word name ("Regan") is kept only after a "By" marker or when the caller knows the
    string is an author field (`single_ok`): elsewhere one word is usually a place or an outlet.
    """
    text = " ".join(text.split())
    after = _after_marker(text)
    single_ok = single_ok or after != text
    text = LABEL_PATTERN.sub("", after)
    text = _before_cut(text)
    text = AFFILIATION_SPLIT.split(text, maxsplit=1)[0]
    parts = [part for part in NAME_SPLIT.split(text) if part and part.strip(TRAILING_JUNK)]
    names: list[str] = []
    for index, part in enumerate(parts):
        if index and _has_role_word(part):
            continue
        name = clean_name(part, site_names)
        if name and name not in names and (" " in name or single_ok and len(parts) == 1):
            names.append(name)
    return names


def clean_name(text: str, site_names: list[str] | tuple[str, ...] = ()) -> str | None:
    """Return one person's name from a name-sized string, or None if it is not a person's."""
    text = TAIL_PATTERN.sub("", " ".join(text.split())).strip(TRAILING_JUNK)
    text = _strip_outlet_tail(_strip_role_tail(text), site_names).strip(TRAILING_JUNK)
    if not _looks_like_name(text):
        return None
    if not_a_person(text, site_names):
        return None
    if text.isupper() and len(text) > 2 or text.islower():
        return _title_case(text)
    return text


def not_a_person(text: str, site_names: list[str] | tuple[str, ...] = ()) -> bool:
    """True when a name is an agency, a desk, a CMS account, the site, or starts with one, or
    ends like an organization's name ("Inland Water Report", "Redaktion Stadtkurier")."""
    words = text.split()
    key, first = squash(text), squash(words[0]) if words else ""
    keys = {squash(name) for name in site_names if name}
    if len(words) > 1 and (words[-1].lower().strip(".,") in ORGANIZATION_WORDS
                           or first in GENERIC_BYLINES):
        return True
    return key in AGENCIES or key in GENERIC_BYLINES or first in AGENCIES or first in keys \
        or any(looks_like_host(text, site_key) for site_key in keys)


def agency_name(text: str) -> str | None:
    """Return the agency a byline names ('By REUTERS' -> 'Reuters'), or None."""
    text = LABEL_PATTERN.sub("", _after_marker(text))
    text = AFFILIATION_SPLIT.split(_before_cut(text), maxsplit=1)[0]
    for part in NAME_SPLIT.split(text):
        agency = AGENCIES.get(squash(part))
        if agency:
            return agency
    return None


def _after_marker(text: str) -> str:
    text = " ".join(text.split())
    match = LEADING_PATTERN.match(text) or BY_PATTERN.search(text)
    if match and (match.start() == 0 or len(text[:match.start()]) < 80):
        return text[match.end():]
    return text


def _before_cut(text: str) -> str:
    match = CUT_PATTERN.search(text)
    return text[:match.start()] if match else text


def _has_role_word(part: str) -> bool:
    return any(_is_role_head(word) for word in part.split())


def _strip_role_tail(text: str) -> str:
    """'Jane Doe Senior White House Correspondent' -> 'Jane Doe'; a bare role -> ''."""
    text = ROLE_PHRASES.sub(" ", f"{text} ").strip()
    words = text.split()
    if not words or not _is_role_head(words[-1]):
        return text
    while words and (words[-1].lower().strip(".,") in ROLE_WORDS or _is_role_head(words[-1])):
        words.pop()
    return " ".join(words)


def _is_role_head(word: str) -> bool:
    return any(part in ROLE_HEADS for part in word.lower().strip(".,").split("-"))


def _strip_outlet_tail(text: str, site_names: list[str] | tuple[str, ...]) -> str:
    """'Tom Davies Associated Press' -> 'Tom Davies'; 'Jo Li FOXBusiness' on foxbusiness.com too."""
    words = text.split()
    keys = {squash(name) for name in site_names if name}
    for size in range(min(OUTLET_TAIL_WORDS, len(words) - 2), 0, -1):
        tail = squash(" ".join(words[-size:]))
        if tail in keys or tail in AGENCIES:
            return " ".join(words[:-size])
    return text


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return False
    if words[0].lower() in ("the", "a", "an", "our", "your", "all", "more", "see", "view"):
        return False
    if len(words) == 1 and (text.islower() or text.isupper() or len(text) < 2):
        return False
    if not all(NAME_CHARACTERS.match(word) for word in words):
        return False
    return text.islower() or all(not word[0].islower() or word in NAME_PARTICLES
                                 or word.startswith("d'") for word in words)


def _title_case(text: str) -> str:
    """'JEAN-PAUL O'NEIL' -> 'Jean-Paul O'Neil'; particles stay lowercase."""
    def word_case(word: str) -> str:
        if word.lower() in NAME_PARTICLES and word.lower() not in ("e", "y"):
            return word.lower()
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)
    return " ".join(word_case(word) for word in text.split())

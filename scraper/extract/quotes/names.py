"""Heuristic person names: capitalised token runs, and a memory of who was named so far.

A run of capitalised tokens (particles like von/de/bin and hyphens kept) is a person's
name when, after stripping titles and stop words from its edges ("Nato spokesperson Oana
Lungescu" -> "Oana Lungescu"), something is left and the run does not follow a
preposition or article ("in Tokyo", "the Guardian"). A single token counts as a person
only once it is known as the surname of a full name seen before, or as a speaker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from typing import NamedTuple

from .gender import gender_near
from .refs import role_after, role_before
from .words import (
    ARTICLE_PARTICLES,
    FOR_OPENINGS,
    NAME_PARTICLES,
    NAME_STOPWORDS,
    NON_PERSON_PRECEDERS,
    ROLE_SUFFIXES,
    SPEAKER_AFTER_PHRASES,
    SPEECH_VERB_WORDS,
    TITLES,
)

# A capitalised word ('Lungescu', 'O’Neil', 'U.S') or an initial ('A.'); the rest of a
# word after its capital, so a run opens with a character class: the regex engine then
# skips to the next capital instead of trying every position.
_CAP_REST = r"(?:[\w'’.\-]*\w|(?<=[A-Z])\.)?"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP = rf"[{_UPPER}]{_CAP_REST}"
_PARTICLE = r"(?:{})".format("|".join(NAME_PARTICLES))
# The capital must not continue a word ('McKay', 'x-Ray', 'O’Neil'); an apostrophe opening a
# word may stand before it ('’Manteboheng Molatjeng'): (?<!…) look at the characters before.
NAME_RUN = re.compile(rf"[{_UPPER}](?<![\w-].)(?<!\w['’].){_CAP_REST}"
                      rf"(?:\s+(?:{_PARTICLE}\s+)*{_CAP})*")
# Words that open a sentence capitalised but are no names: 'Laut Haas', 'Selon Dupont'.
_OPENING_WORDS = frozenset(phrase.split()[0] for phrase in FOR_OPENINGS + SPEAKER_AFTER_PHRASES)
_LEADING_ARTICLES = frozenset({"der", "die", "das", "the", "le", "la", "les", "el", "il"})
_POSSESSIVE = re.compile(r"[’']s?$")
# A French elided article with a lowercase noun opening a run: 'L’élu', 'L’adjointe'.
_ELIDED_NOUN = re.compile(r"^[Ll][’'](?=[a-zà-ÿ])")
# Articles that may open a role in front of a name ('der Bürgermeister Hans Roth').
ROLE_ARTICLES = frozenset({"the", "der", "die", "das", "den", "dem", "le", "la", "el", "il", "lo"})
# Prepositions introducing an agent ('un gol de Marcos Abad', 'a goal by Tom Reed'): the
# name after them is a person's, though not the sentence's subject.
AGENT_PREPOSITIONS = frozenset({"de", "di", "da", "por", "von", "by"})
_AGENT_INSIDE = re.compile(" (?:{}) ".format("|".join(sorted(AGENT_PREPOSITIONS))))
# Endings of German (and French, English) abstract nouns, which no name has: 'Richtung
# Grenze', 'Kreative Erleuchtungen', 'Readings Interpretation'.
NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
                "tion", "tionen", "tät", "täten", "nis", "nisse", "ismus")
MIN_NOUN_LENGTH = 7
# Words joining two names into one subject: 'Jan Wolff und Christiane Neu'.
COORDINATORS = frozenset({"and", "und", "et", "y", "e", "sowie"})
# How far back the role before a name is read.
ROLE_LOOKBACK = 40
# How far back a clause's comma or a coordinated name is read.
CLAUSE_LOOKBACK = 200
# Longest name after a preposition that teaches its surname ('according to Ana Lima').
MAX_GOVERNED_NAME_WORDS = 3
# Shortest role ending that makes one word a role ('sprecher' yes, 'entin' no).
MIN_COMPOUND_SUFFIX = 6
_LONG_ROLE_SUFFIXES = tuple(suffix for suffix in ROLE_SUFFIXES if len(suffix) >= MIN_COMPOUND_SUFFIX)
# The particles as a set: a tuple is compared item by item on every token of a run.
_PARTICLE_WORDS = frozenset(NAME_PARTICLES)
# Role endings that are also common surnames ('Neumann', 'Rat'): no role inside a name run.
SURNAME_LIKE_ROLES = ("mann", "rat", "chef")
# Name runs whose stripped form is kept: an article names the same people again and again.
STRIP_CACHE_SIZE = 4096
# Words whose role or edge test is kept: the same few thousand words recur on every page.
WORD_CACHE_SIZE = 8192
# English auxiliaries opening a question, never a given name there ('Will China lead?').
QUESTION_AUXILIARIES = frozenset({"Will", "Can", "May", "Should", "Would", "Could", "Must",
                                  "Did", "Does", "Is", "Are", "Was", "Were", "Has", "Have"})
_SENTENCE_STOP = re.compile(r"[.!?]")
# A reflexive pronoun between a German verb and its inverted subject: 'sprach sich X aus'.
REFLEXIVE_BEFORE_SUBJECT = frozenset({"sich"})
# How far back the word before a name is read, and the marks after which there is none.
WORD_BEFORE_WINDOW = 30
_NO_WORD_BEFORE = ".!?:;“\"„«»()\x01"


class Mention(NamedTuple):
    """A person named at a position of a paragraph."""

    position: int
    name: str
    titled: bool = False
    governed: bool = False  # after a preposition: teaches a surname, is no subject
    agent: bool = False  # after 'de'/'by' ('un gol de Marcos Abad'): a person all the same
    role: str | None = None  # 'mayor' for 'Mayor Jane Roe' and 'the mayor, Jane Roe'
    subject: bool = False  # opens its sentence or follows a speech verb: 'Cairo grew up'
    gender: str | None = None  # told by a title or a gendered role: 'Frau X', 'la consejera X'


@functools.lru_cache(maxsize=STRIP_CACHE_SIZE)
def strip_name(run: str) -> str:
    """Drop titles, roles and stop words from both edges of a capitalised run.

    'Water Minister Danielle Okoro' loses everything up to its last title; a leading role
    noun ('Fährmann Urs Baumgartner', 'Organiser Bernadette Quayle') goes when at least
    two words stay, so 'Hermann Müller' keeps its first name.
    """
    stripped = run.strip()
    tokens = stripped.split()
    if len(tokens) > 1 and not stripped.endswith(("’", "'", "’s", "'s")) \
            and all(map(_plain_token, tokens)):
        return " ".join(tokens)  # no word any rule below drops or cuts at (most runs)
    tokens = _no_possessive(stripped).split()  # as `_POSSESSIVE` would cut it, without a regex
    while len(tokens) > 1 and tokens[0].endswith(("’s", "'s")):
        tokens.pop(0)  # 'Vermont's Bongard', 'Google's Sundar Pichai': the owner is no name
    if len(tokens) > 2 and _ELIDED_NOUN.match(tokens[0]):
        tokens.pop(0)  # 'L’élu Jean Roux', 'D’Artagnan' keeps its two words
    after_article = False
    while tokens and tokens[0][:1].isupper() and (
            _edge_word(tokens[0]) or (len(tokens) > 1 and _acronym(tokens[0]))):
        after_article = tokens.pop(0).lower() in _LEADING_ARTICLES
    if after_article and len(tokens) > 2:
        tokens.pop(0)  # 'Die Hebamme Jana Roth': a noun after an article is a role
    while len(tokens) > 1 and tokens[0].endswith(("’s", "'s")):
        tokens.pop(0)  # 'For Adelaide's Lyon': the owner after an opening word
    titles = [i for i, token in enumerate(tokens[:-1]) if token.lower().strip(".,") in TITLES]
    roles = [i for i, token in enumerate(tokens[:-2])
             if i and _role_noun(token) and not token.lower().endswith(SURNAME_LIKE_ROLES)]
    if titles or roles:
        tokens = tokens[max(titles + roles) + 1:]
    while len(tokens) > 2 and _role_noun(tokens[0]):
        tokens.pop(0)
    while tokens and _edge_word(tokens[-1]):
        tokens.pop()
    tokens = _cut_before_preposition(tokens)
    if tokens and tokens[0].lower() in ARTICLE_PARTICLES or _article_inside(tokens):
        return ""  # 'Sprecher der Stadtverwaltung', 'Gesamtkosten der Sanierung'
    while tokens and tokens[0].lower() in _PARTICLE_WORDS and tokens[0] not in ("von", "van"):
        tokens.pop(0)
    if len(tokens) == 1 and (_compound_role(tokens[0]) or _acronym(tokens[0])):
        return ""  # 'ein Polizeisprecher', 'the island's only GP': a role, nobody's name
    return " ".join(tokens)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _plain_token(token: str) -> bool:
    """A word of a run that no rule of `strip_name` drops or cuts at, wherever it stands: no
    stop word, title, role, particle, article, acronym, possessive or elided article."""
    lowered = token.lower()
    return not (_edge_word(token) or _acronym(token) or lowered.strip(".,") in TITLES
                or _role_noun(token) or lowered in _PARTICLE_WORDS
                or lowered in ARTICLE_PARTICLES or token.endswith(("’s", "'s"))
                or _ELIDED_NOUN.match(token))


def _compound_role(token: str) -> bool:
    """A single word made of something and a role: 'Polizeisprecher', 'Schulleiterin'.

    Only long endings count ('Valentin' ends like 'Assistentin'), and not the ones that are
    surnames on their own ('Meister', 'Neumann')."""
    lowered = token.lower()
    if not lowered.endswith(_LONG_ROLE_SUFFIXES) or lowered.endswith(SURNAME_LIKE_ROLES):
        return False
    return any(len(lowered) > len(suffix) + 2 and lowered.endswith(suffix)
               for suffix in _LONG_ROLE_SUFFIXES)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _role_noun(token: str) -> bool:
    """A role inside a name run: 'Lübbenhofs Bürgermeister X', 'HSG-Coach X', 'Grünen-Abgeordnete X'."""
    lowered = token.lower()
    return lowered.endswith(ROLE_SUFFIXES) or ("-" in lowered
                                               and lowered.rsplit("-", 1)[1] in TITLES)


def titled_name(segment: str) -> str | None:
    """The person of a segment that is only a name with titles: 'Councillor Jane Pascoe'.

    Two words at least, and no preposition or article in front ('In New York' is no one).
    """
    text = segment.strip()
    first = text.split()[0].lower() if text else ""
    if not NAME_RUN.fullmatch(text) or (first in NAME_STOPWORDS and first not in TITLES):
        return None
    name = strip_name(text)
    return name if len(name.split()) >= 2 else None


def _cut_before_preposition(tokens: list[str]) -> list[str]:
    """'Claudia Neumaier von der Privatbank Hoffmann': particles followed by two or more
    capitalised words are a preposition, not 'von der Leyen'."""
    for index, token in enumerate(tokens):
        if index and token.lower() in _PARTICLE_WORDS:
            tail = [t for t in tokens[index:] if t.lower() not in _PARTICLE_WORDS]
            return tokens[:index] if len(tail) >= 2 else tokens
    return tokens


def _article_inside(tokens: list[str]) -> bool:
    """An article between capitalised words that no 'von'/'de' introduces: not a name."""
    for index in range(1, len(tokens) - 1):
        if tokens[index].lower() in ARTICLE_PARTICLES \
                and tokens[index - 1].lower() not in _PARTICLE_WORDS:
            return True
    return False


def head_name(phrase: str) -> str | None:
    """The person a noun phrase names: its final capitalised run, unless a preposition rules."""
    runs = list(NAME_RUN.finditer(phrase))
    if not runs:
        return None
    last = runs[-1]
    if phrase[last.end():].strip(" ,.;:’'s"):
        return None
    if " " not in last.group(0) and phrase.split(None, 1)[0].lower() in ROLE_ARTICLES \
            and last.start() > 0:
        return None  # 'der junge Mann', 'die neue Chefin': a noun after an article
    if _governed(phrase, last.start(), last.group(0)):
        return None
    name = strip_name(last.group(0))
    return name if name and any(ch.isupper() for ch in name[:1]) else None


def mentions(text: str, known: Container[str] | None = None,
             also: Container[str] = ()) -> list[Mention]:
    """Person-name candidates in a text with their positions (multi-word or single).

    Single capitalised words are returned as found (possessive removed): they matter only
    when they are a known surname, which `NameMemory.note` checks cheaply. Given `known`
    surnames, single words that are none of them nor of a full name in the text are skipped
    (German capitalises every noun: most single words are nobody); `also` holds more known
    words (inner words of long names).
    """
    if known is None:
        runs = [(match.start(), match.group(0)) for match in NAME_RUN.finditer(text)]
    else:
        runs = _known_runs(text, known, also)
    found: list[Mention] = []
    for position, run in runs:
        if " " in run and run.split(" ", 1)[0] in QUESTION_AUXILIARIES \
                and _asks(text, position + len(run)):
            head, _, run = run.partition(" ")  # 'Will China take the lead?' names no Will
            position += len(head) + 1
        # `_word_before` and the cheap tests of `_subject_position`, inlined: this runs
        # for every capitalised word of the article
        window = text[max(0, position - WORD_BEFORE_WINDOW):position].rstrip()
        if not window or window[-1] in _NO_WORD_BEFORE:
            before = ""
        else:
            before = window.rsplit(None, 1)[-1].strip(",").lower()
        if run.endswith(("’s", "'s")):
            subject = False
        elif not before or before in SPEECH_VERB_WORDS or before in REFLEXIVE_BEFORE_SUBJECT \
                or window[-1] == ",":  # the comma `_after_comma` finds, the window being no blank
            subject = True
        else:
            subject = _subject_position(text, position, before)
        if " " not in run:
            found.append(Mention(position, _no_possessive(run), False, False, False, None, subject))
        elif not before[:1].isdigit():
            mention = _run_mention(text, position, run, before, subject)
            if mention is not None:
                found.append(mention)
            found.extend(_agent_after_particle(run, position))
    return found


def _asks(text: str, end: int) -> bool:
    """True when the sentence going on at `end` closes with a question mark."""
    stop = _SENTENCE_STOP.search(text, end)
    return stop is not None and stop.group(0) == "?"


def _agent_after_particle(run: str, position: int) -> list[Mention]:
    """'Angeführt von Ana Lis Roth': the name after a preposition inside a run, whose
    head `strip_name` keeps, is a person named as an agent."""
    if not _AGENT_INSIDE.search(run):
        return []  # most runs hold no preposition: one search decides
    tokens = run.split()
    for index, token in enumerate(tokens[1:-2], 1):
        if token in AGENT_PREPOSITIONS and tokens[index + 1][:1].isupper():
            name = strip_name(" ".join(tokens[index + 1:]))
            offset = run.find(f" {token} ") + len(token) + 2
            return [Mention(position + offset, name, governed=True, agent=True)] \
                if _plain_full_name(name) else []
    return []


def _known_runs(text: str, known: Container[str], also: Container[str]) -> list[tuple[int, str]]:
    """The runs of several words, and the single words that are a known surname or the
    surname of a full name in the same text, with their positions: most paragraphs name
    nobody, and give none."""
    runs = [(match.start(), match.group(0)) for match in NAME_RUN.finditer(text)]
    here: set[str] | None = None  # the text's own surnames, cut only when a word needs them
    kept = []
    for position, run in runs:
        if " " not in run:
            word = (_no_possessive(run) if run[-1] in "s’'" else run).lower()
            if word not in known and word not in also:
                if here is None:
                    here = {_no_possessive(other.rsplit(None, 1)[-1]).lower()
                            for _, other in runs if " " in other}
                if word not in here:
                    continue
        kept.append((position, run))
    return kept


def _run_mention(text: str, position: int, run: str, before: str, subject: bool
                 ) -> Mention | None:
    """The mention a run of several words makes: a name after a preposition teaches its
    surname, any other name is a person with what its context tells (role, gender)."""
    governed = (before in NON_PERSON_PRECEDERS and _governed(text, position, run, before)) \
        or _noun_of(run)  # the first test of `_governed`, made here: most runs follow none
    name = strip_name(run)
    if governed:
        if not _plain_full_name(name):
            return None
        return Mention(position, name, False, True, before in AGENT_PREPOSITIONS)
    if not name:
        return None
    titled = " " not in name and any(t.lower().strip(".,") in TITLES for t in run.split())
    role = _run_role(run, name) or role_before(text, position, is_role_word) \
        or role_after(text, position + len(run), is_role_word)
    gender = gender_near(text, position, run, name, is_role_word)
    return Mention(position, name, titled, False, False, role, subject, gender)


def _noun_of(run: str) -> bool:
    """'Nach Angaben von Féraud': a preposition, a noun and 'von X' are no name."""
    tokens = run.split()
    return len(tokens) > 3 and tokens[0].lower() in NON_PERSON_PRECEDERS \
        and tokens[2] in _PARTICLE_WORDS


def _subject_position(text: str, position: int, before: str) -> bool:
    """A name after a word (`before`) that is no speech verb nor reflexive, and no comma:
    a subject when joined to one ('Jan Wolff und Christiane Neu') or after its role
    ('Township supervisor Ellen Marsh', not 'mit Direktor Paul Kern').

    `mentions` tells the rest itself: a name opening its sentence or clause, right after a
    speech verb ('says Keri Gans') or after a German verb's reflexive ('sprach sich Hannes
    Gnauck aus') is a subject; a possessive ('Sandra Lindsay’s sister') is not."""
    if before in COORDINATORS:
        return _coordinated_subject(text, position)
    if not is_role_word(before):
        return False
    start = max(0, position - ROLE_LOOKBACK)
    head = text[start:position].rstrip()
    return _word_before(text, start + len(head) - len(head.split()[-1])) not in NON_PERSON_PRECEDERS


def _coordinated_subject(text: str, position: int) -> bool:
    """'Jan Wolff und Christiane Neu diskutierten': a name joined by 'and' to a name that
    opens its sentence or clause shares its place."""
    offset = max(0, position - CLAUSE_LOOKBACK)
    head = text[offset:position].rstrip()
    head = head[:len(head) - len(head.split()[-1])].rstrip()
    runs = list(NAME_RUN.finditer(head))
    if not runs or runs[-1].end() != len(head):
        return False
    start = offset + runs[-1].start()
    return _word_before(text, start) == "" or _after_comma(text, start)


def _after_comma(text: str, position: int) -> bool:
    """True when the last character before a position, spaces aside, is a comma (a window
    before it is read, not the whole text: this runs for every name in a paragraph)."""
    return text[max(0, position - CLAUSE_LOOKBACK):position].rstrip().endswith(",")


def _plain_full_name(name: str) -> bool:
    """'Ines Halvorsen' after 'according to' teaches a surname; 'Kurznachrichtendienst X'
    and 'Readings Interpretation von Nostradamus' do not: two or three capitalised words
    of two letters or more, no particle."""
    tokens = name.split()
    return 2 <= len(tokens) <= MAX_GOVERNED_NAME_WORDS and all(
        len(token) > 1 and token[:1].isupper() for token in tokens)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def is_role_word(word: str) -> bool:
    """A title or a role noun: 'mayor', 'bürgermeister', 'consejera'."""
    lowered = word.lower().strip(".,")
    return lowered in TITLES or _role_noun(lowered)


def _run_role(run: str, name: str) -> str | None:
    """The role stripped from the front of a name run: 'Mayor Jane Roe' -> 'mayor',
    'L’élu Jean Roux' -> 'élu'."""
    cut = run.find(name)
    prefix = run[:cut].split() if cut > 0 else []
    if not prefix:
        return None
    elided = _ELIDED_NOUN.match(prefix[-1])
    if elided:
        return prefix[-1][elided.end():].lower()
    if not is_role_word(prefix[-1]):
        return None
    return prefix[-1].lower().strip(".,").rsplit("-", 1)[-1]


def is_person_name(text: str) -> bool:
    """True when the whole text is a capitalised name run with no stop word left over."""
    match = NAME_RUN.fullmatch(text.strip())
    return bool(match) and strip_name(text) == _POSSESSIVE.sub("", text.strip())


def _no_possessive(word: str) -> str:
    """'Nato’s' -> 'Nato' without a regex: this runs on every capitalised word."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


def _governed(text: str, position: int, run: str, before: str | None = None) -> bool:
    """A run after a preposition or article is a place or an outlet ('in Tokyo', 'a
    spokesperson for Albanese'), unless it continues a title and then names someone:
    'Secretary of State Mike Pompeo', 'Minister for Health Ana Lima'."""
    before = _word_before(text, position) if before is None else before
    if before not in NON_PERSON_PRECEDERS:
        return False
    tokens = run.split()
    if before in ROLE_ARTICLES and len(tokens) > 2 and (
            tokens[0].lower() in TITLES or _role_noun(tokens[0])):
        return False  # 'die Grünen-Abgeordnete Anke Lorenz', 'le ministre Jean Roux'
    if before in ("of", "for", "de", "du", "des") and len(tokens) > 2 and _edge_word(tokens[0]):
        start = text.rfind(before, max(0, position - 40), position)
        return _word_before(text, start).strip(".") not in TITLES
    return True


def _word_before(text: str, position: int) -> str:
    """The lowercased word just before a position ('' at the start or after punctuation)."""
    window = text[max(0, position - WORD_BEFORE_WINDOW):position].rstrip()
    if not window or window[-1] in _NO_WORD_BEFORE:
        return ""
    return window.rsplit(None, 1)[-1].strip(",").lower()


def _acronym(token: str) -> bool:
    """'NASA', 'BBC': an organisation in front of a name ('NASA Administrator Jim Bridenstine')."""
    return len(token) >= 2 and token.isupper() and token.isalpha()


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _edge_word(token: str) -> bool:
    word = token.lower().strip(".,")
    return word in NAME_STOPWORDS or word in TITLES or word in _OPENING_WORDS \
        or (len(word) >= MIN_NOUN_LENGTH and word.endswith(NOUN_ENDINGS))

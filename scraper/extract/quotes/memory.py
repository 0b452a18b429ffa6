"""Who the article has named so far, and whom a pronoun means.

Each person mention is logged with its paragraph, whether it stands as a subject (opening
its sentence, or right after a speech verb: 'Cairo grew up …', 'says Keri Gans') and what
it tells of the person's gender. A pronoun speaker ('she said', 'erklärte er', 'a-t-il
ajouté') means, in order:

1. the last person of its own paragraph before the quote, one known to have the pronoun's
   gender first, then a subject ('Levin sees …, as Charles Darwin put it … “…,” he says'
   -> Levin);
2. a person the previous paragraph introduces as its subject ('Ada Lind, 34, runs the
   shop.' -> '“…,” she said');
3. the speaker quoted or reported last ('“…,” he said' after a paragraph about someone
   else, in a run of quotes from one person);
4. the first person of the last paragraph naming anyone, its topic ('As I sit opposite X,
   I ask if Y …' -> '“…,” he snaps' is X's);
5. the last person named, or else the last speaker named by one unknown word.

A surname alone means the full name given with it; when two people share it ('Donna Kelce',
'Travis Kelce') and the article tells them apart by first name ('Travis', 'Donna'), the one
of them named last.

Gender filters every step where the language marks it (he/she, er/sie, il/elle, él/ella,
lui/lei): a person known as a woman is never 'he'. What the article tells of gender is
learnt from titles and gendered roles next to a name ('Mrs', 'Frau', 'Kriminologin',
'la consejera'), from a common given name ('Anna Roth', `first_names`) and from the
pronouns already resolved to them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import NamedTuple

from ..lazy import compile_on_use
from .first_names import gender_of_name
from .gender import FEMALE, MALE
from .names import NAME_RUN, ROLE_ARTICLES, Mention, strip_name
from .words import NAME_PARTICLES, ROLE_SUFFIXES, THING_NOUNS

PRONOUN_GENDER = {"he": MALE, "him": MALE, "er": MALE, "ihm": MALE, "il": MALE, "lui": MALE,
                  "él": MALE, "she": FEMALE, "her": FEMALE, "sie": FEMALE, "ihr": FEMALE,
                  "elle": FEMALE, "ella": FEMALE, "lei": FEMALE}


INDEFINITE_ARTICLES = frozenset({"a", "an", "ein", "eine", "einer", "un", "une", "una", "uno"})
# Openers of a phrase that takes up someone introduced before.
DEFINITE_OPENERS = frozenset({"the", "this", "that", "der", "die", "das", "diese", "dieser",
                              "le", "la", "l’", "l'", "ce", "cet", "cette", "el", "esta", "este",
                              "esa", "ese", "il", "lo", "questa", "questo", "quella", "quel"})
NAME_PARTICLE_WORDS = frozenset(NAME_PARTICLES)
# A word of a person's name: a capital, then small letters ('Steinberg', 'Lis-Roth').
_NAME_WORD = compile_on_use(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'.]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ’']+)*")
ROLE_ENDINGS = tuple(ROLE_SUFFIXES)
# Languages that capitalise every noun: a capital word glued to a name may be one
# ('auf ihn nimmt Guido Steinberg Bezug').
CAPITAL_NOUN_LANGUAGES = frozenset({"de", "lb"})
# Shortest noun of a description that is remembered ('vecina', not 'de' or 'y').
MIN_DESCRIPTION_NOUN = 4
# Most people sharing one surname that are told apart (a page listing thousands stays linear).
MAX_NAMESAKES = 8
# Words whose role test is kept: the first words of names recur (the test reads ~120 endings).
ROLE_LIKE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=ROLE_LIKE_CACHE_SIZE)
def _role_like(word: str) -> bool:
    """A word of a role before a name: an article ('das', 'der'), a compound ('FDP-Chef',
    'EPI-Chefin') or a role noun ('Verteidigungsminister'); no preposition ('for')."""
    if word[:1].islower():
        return word.lower() in ROLE_ARTICLES
    return "-" in word or word.lower().endswith(ROLE_ENDINGS) or word.isupper()


def _complement(after: str) -> bool:
    """What may follow a name in a speaker phrase: nothing, an aside, or a lowercase
    preposition other than 'of' ('vom Vermögensverwalter X', '(SPD)')."""
    words = after.split()
    return not words or words[0].startswith("(") \
        or (words[0][:1].islower() and words[0] not in ("of", "de", "di", "del", "of"))


def is_thing(speaker: str | None) -> bool:
    """'the report', 'the Strava report', 'die Behörde': a speaker no pronoun means."""
    return bool(speaker) and speaker[:1].islower() and speaker.lower().split()[-1] in THING_NOUNS


class Logged(NamedTuple):
    """One mention of a person: where, and whether it stood as a subject."""

    name: str
    paragraph: int
    subject: bool
    first: bool  # the article names this person here for the first time


@dataclass
class NameMemory:
    """Who has been named so far: full names by surname, the people in order, genders."""

    full_names: dict[str, str] = field(default_factory=dict)
    # surnames of names after a preposition: they expand a speaker's name but make no
    # bare word a person ('in Millbrook Township' must not make 'Township' someone)
    taught: dict[str, str] = field(default_factory=dict)
    first_names: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, str | None] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    last_person: str | None = None
    paragraph: int = 0
    reporter: str | None = None  # the speaker quoted or reported last
    lone_speaker: str | None = None  # the last speaker named by one unknown word
    # unnamed speakers by the nouns of their description: 'vecina' -> 'una vecina de X'
    descriptions: dict[str, str | None] = field(default_factory=dict)
    # inner words of names of three words or more: 'steinberg' -> 'Guido Steinberg Bezug'
    inner: dict[str, str | None] = field(default_factory=dict)
    quoted: set[str] = field(default_factory=set)  # speakers an attribution named
    with_role: set[str] = field(default_factory=set)  # people named with a role
    # full names sharing a surname ('Donna Kelce', 'Travis Kelce'): the surname alone means
    # the one named last among those the article also calls by first name
    namesakes: dict[str, list[str]] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)  # person -> latest log index
    by_first_name: set[str] = field(default_factory=set)  # people called by first name
    # single words besides surnames that may name someone: inner words and first names
    other_words: set[str] = field(default_factory=set)
    # whether the article's language capitalises nouns: else a long name's inner word
    # ('says Joon' after 'Yeun Joon Kim') means the whole name, not the name it ends
    capital_nouns: bool = True
    # full names whose surname, first name and inner words were noted: noting them again
    # changes nothing (each step keeps what it found), so a name repeated is not read again
    taught_by: set[str] = field(default_factory=set)

    def note(self, mention: Mention) -> bool:
        """Record a name mention; True when it names a person, who is now the last one.

        A multi-word name teaches its surname. A single name after a title ('Prince
        Andrew', 'Mr Baker') is a person too; a name after a preposition ('according to Ana
        Lima') teaches its surname only; a name after an agent's preposition ('un gol de
        Marcos Abad', 'die Aufgabe von Ana Roth') is a person named last, though no subject.
        """
        name, role = mention.name, mention.role
        if mention.governed:
            known = self.full_names if mention.agent else self.taught
            known.setdefault(name.rsplit(" ", 1)[-1].lower(), name)
            if mention.agent:
                self._log(name, False)  # 'die Aufgabe von Co-Chefin Ana Roth. „…“'
            return mention.agent
        if role and " " in name:
            self.with_role.add(name)
            held = self.roles.setdefault(role, name)
            self.roles[role] = name if held == name else None  # two mayors: no one
        if mention.titled and name.lower() not in self.full_names:
            self.full_names[name.lower()] = name
        if " " in name:
            # the first full name given wins: 'Laut Haas' must not replace 'Florian Haas';
            # a surname known only from a title ('Präsident Trump') takes the full name
            key = name.rsplit(" ", 1)[-1].lower()
            if " " not in self.full_names.get(key, " "):
                self.full_names[key] = name
            self.full_names.setdefault(key, name)
            if name not in self.taught_by:  # what a name teaches, it teaches once
                self.taught_by.add(name)
                self._note_namesake(key, name)
                self._note_first_name(name)
                self._note_inner_words(name)
            person = name
        elif name.lower() in self.full_names:
            person = self.by_surname(name.lower())
        elif self.inner.get(name.lower()):
            person = self._inner_name(name)
        elif mention.subject and self.first_names.get(name.lower()):
            person = self.first_names[name.lower()]  # 'says Yao' after 'Yao Zhe'
            self.by_first_name.add(person)
        else:
            return False
        self._log(person, mention.subject)
        self.learn_gender(person, mention.gender or gender_of_name(person))
        return True

    def learn_full_names(self, text: str) -> None:
        """Learn only the full names a text gives (cheap: no subjects, roles or genders)."""
        for run in NAME_RUN.findall(text):
            if " " in run:
                name = strip_name(run)
                if " " in name:
                    self.full_names.setdefault(name.rsplit(" ", 1)[-1].lower(), name)

    def note_speaker(self, name: str) -> None:
        """Record a resolved speaker: the most recent person, as a subject.

        A lone unknown word ('Nato', 'China', 'Féraud') may be an organisation: it is not
        logged as a person, only kept for a pronoun that finds nobody else.
        """
        if " " in name or name.lower() in self.full_names:
            self._log(name, True)
        else:
            self.lone_speaker = name

    def note_description(self, speaker: str) -> None:
        """Remember an unnamed speaker introduced by an indefinite description ('a resident
        of Elm Street', 'una vecina de La Pradera') by its lowercase nouns."""
        words = speaker.split()
        if len(words) < 2 or words[0].lower() not in INDEFINITE_ARTICLES:
            return
        for word in words[1:]:
            noun = word.strip(",.;:").lower()
            if word[:1].islower() and len(noun) >= MIN_DESCRIPTION_NOUN:
                known = self.descriptions.get(noun, speaker)
                self.descriptions[noun] = speaker if known == speaker else None

    def described(self, phrase: str) -> str | None:
        """The description a definite or demonstrative phrase takes up ('the resident',
        'esta vecina', 'la miembro de la Plataforma'), or None."""
        words = phrase.split()
        if len(words) < 2 or words[0].lower() not in DEFINITE_OPENERS:
            return None
        return next((self.descriptions[noun] for noun in
                     (word.strip(",.;:").lower() for word in words[1:3])
                     if self.descriptions.get(noun)), None)

    def learn_gender(self, person: str, gender: str | None) -> None:
        """Remember a person's gender; the first evidence stands."""
        if gender:
            self.genders.setdefault(person, gender)

    def person_for(self, pronoun: str | None) -> str | None:
        """The person a pronoun speaker means (see the module rules); learns its gender."""
        gender = PRONOUN_GENDER.get((pronoun or "").lower())
        reporter = self.reporter if self._fits(self.reporter, gender) \
            and not is_thing(self.reporter) else None
        person = self._in_paragraph(self.paragraph, gender) or self._introduced(gender) \
            or reporter or self._first_of_last_paragraph(gender) \
            or next((e.name for e in reversed(self.log) if self._fits(e.name, gender)),
                    self.last_person) or self.lone_speaker
        if person:
            self.learn_gender(person, gender)
        return person

    def introduced_here(self) -> str | None:
        """The first person the current paragraph names for the first time as its subject,
        with a role or a known gender ('Political analyst Ann Lee questions …'): a run of
        capitals ('London Standard') is nobody's introduction."""
        if not self.log or self.log[-1].paragraph < self.paragraph:
            return None  # the paragraph logged nobody (most): no log is read
        return next((e.name for e in self._paragraph_log(self.paragraph)
                     if e.first and e.subject and (e.name in self.genders
                                                   or e.name in self.with_role)), None)

    def person_like(self, gender: str | None) -> str | None:
        """The person a definite role with no holder means: the paragraph's, the one
        introduced before, or the speaker quoted last; None when nobody is near."""
        person = self._in_paragraph(self.paragraph, gender) \
            or self._introduced(gender) \
            or (self.reporter if self._fits(self.reporter, gender) else None)
        if person:
            self.learn_gender(person, gender)
        return person

    def _in_paragraph(self, paragraph: int, gender: str | None) -> str | None:
        """The last person of the paragraph who fits: one known to have the pronoun's
        gender first, then a subject."""
        here = [e for e in self._paragraph_log(paragraph) if self._fits(e.name, gender)]
        known = [e for e in here if gender and self.genders.get(e.name) == gender]
        here = known or here
        subjects = [e for e in here if e.subject]
        return (subjects or here)[-1].name if here else None

    def _introduced(self, gender: str | None) -> str | None:
        """A person the previous paragraph naming anyone names for the first time, as its
        subject (a paragraph naming nobody, such as an 'Article content' line, is skipped)."""
        earlier = self._earlier_paragraph()
        if earlier is None:
            return None
        previous = [e for e in self._paragraph_log(earlier)
                    if e.first and e.subject and self._fits(e.name, gender)]
        return previous[-1].name if previous else None

    def _first_of_last_paragraph(self, gender: str | None) -> str | None:
        """The first person who fits in the last paragraph naming anyone: a sentence's
        first person is its topic ('As I sit opposite X, I ask if Y …' -> X)."""
        earlier = self._earlier_paragraph()
        if earlier is None:
            return None
        return next((e.name for e in self._paragraph_log(earlier)
                     if self._fits(e.name, gender)), None)

    def _earlier_paragraph(self) -> int | None:
        """The paragraph of the last entry logged before the current paragraph, read from
        the log's end (not the whole log for every pronoun)."""
        return next((e.paragraph for e in reversed(self.log) if e.paragraph < self.paragraph),
                    None)

    def _paragraph_log(self, paragraph: int) -> list[Logged]:
        found: list[Logged] = []
        for entry in reversed(self.log):
            if entry.paragraph < paragraph:
                break
            if entry.paragraph == paragraph:
                found.append(entry)
        return found[::-1]

    def _fits(self, person: str | None, gender: str | None) -> bool:
        return bool(person) and (gender is None or self.genders.get(person, gender) == gender)

    def _log(self, person: str, subject: bool) -> None:
        first = person not in self.last_seen
        self.last_seen[person] = len(self.log)
        self.log.append(Logged(person, self.paragraph, subject, first))
        self.last_person = person

    def _note_namesake(self, key: str, name: str) -> None:
        """Keep every full name given for a surname ('Donna Kelce', 'Travis Kelce'); a name
        ending another ('Harden Bradford', 'Advocate Dali Mpofu') or opening with a role
        ('US-Präsident Trump') is the same person."""
        known = self.namesakes.setdefault(key, [])
        if len(known) >= MAX_NAMESAKES or _role_like(name.split(" ", 1)[0]):
            return
        if not any(f" {name}".endswith(f" {other}") or f" {other}".endswith(f" {name}")
                   for other in known):
            known.append(name)

    def by_surname(self, key: str) -> str | None:
        """The full name a lowercase surname means: the first given, or of several people
        sharing it whom the article calls by first name ('Travis', 'Donna'), the one named
        last."""
        first = self.full_names.get(key)
        known = self.namesakes.get(key)
        if not known or len(known) < 2:
            return first
        told = [name for name in known if name == first or name in self.by_first_name]
        return max(told, key=lambda name: self.last_seen.get(name, -1)) if told else first

    def _note_inner_words(self, name: str) -> None:
        """'Guido Steinberg Bezug' (a German noun glued to a name) teaches 'steinberg': a
        later 'Steinberg' alone shows where the name ends; 'Yeun Joon Kim' teaches 'joon'."""
        tokens = name.split()
        if len(tokens) < 3 or not all(_NAME_WORD.fullmatch(token) for token in tokens):
            return  # two words have no inside; 'C DEF True' is no name
        for index in range(1, len(tokens) - 1):
            word = tokens[index].lower()
            if word not in NAME_PARTICLE_WORDS:
                known = self.inner.get(word, name)
                self.inner[word] = name if known == name else None
                self.other_words.add(word)

    def _inner_name(self, word: str) -> str:
        """The name a word inside a longer run ends: 'Steinberg' -> 'Guido Steinberg' (from
        'Guido Steinberg Bezug'), or in a language of lowercase nouns the whole run: 'Joon'
        -> 'Yeun Joon Kim'."""
        tokens = (self.inner.get(word.lower()) or word).split()
        lowered = [token.lower() for token in tokens]
        if word.lower() not in lowered:
            return word
        return " ".join(tokens[:lowered.index(word.lower()) + 1] if self.capital_nouns else tokens)

    def knows(self, word: str) -> bool:
        """True when a single word is the surname of a person named before."""
        return word in self.full_names or bool(self.inner.get(word))

    def _note_first_name(self, name: str) -> None:
        """'Margaret Hoyle' teaches 'Margaret'; a first name two people share teaches nothing."""
        first = name.split(" ", 1)[0].lower()
        known = self.first_names.get(first, name)
        self.first_names[first] = name if known == name else None
        self.other_words.add(first)

    def fullest(self, name: str) -> str:
        """The fullest form of a speaker's name the article gives, by its last word:
        'Lamba' -> 'Poonam Lamba', 'Harden Bradford' -> 'Joy Harden Bradford'; a phrase
        around a name given in full before is that name ('Zahlungsverkehr-Spezialistin
        Neumüller', 'Lena Veit vom Vermögensverwalter X')."""
        key = name.rsplit(" ", 1)[-1].lower()
        known = self.by_surname(key) or self.taught.get(key)
        if known and len(known) > len(name) and known.endswith(f" {name}"):
            return known
        if " " in name and not (known and known == name):
            inside = self.name_inside(name)
            if inside:
                return inside
        if " " not in name and not known and self.inner.get(key):
            return self._inner_name(name)
        return name

    def name_inside(self, phrase: str, ending: bool = False) -> str | None:
        """The longest full name known that the phrase holds as whole words, with a role or
        a complement around it; or the full name of its last word when the words before
        that are one role ('Zahlungsverkehr-Spezialistin Neumüller'); with `ending`, any
        phrase the name ends ('das Handelsblatt EPI-Chefin Ana Roth')."""
        padded = f" {phrase} "
        names = set(self.full_names.values()) | (set(self.taught.values()) if ending else set())
        inside = [name for name in names if name and " " in name
                  and name != phrase and f" {name} " in padded]
        if inside:
            # the longest; of equally long ones the first in the phrase (not the set's order,
            # which changes with the hash seed)
            name = max(inside, key=lambda known: (len(known), -padded.index(f" {known} ")))
            before, _, after = padded.partition(f" {name} ")
            words = before.split()
            if words and (words[-1][:1].islower() or not _role_like(words[-1])):
                return None  # 'a spokesperson for the Harbour Alliance': an employer
            if (all(_role_like(word) for word in words) or ending and not after.strip()) \
                    and _complement(after):
                return name
            return None
        tokens = phrase.split()
        known = self.full_names.get(tokens[-1].lower())
        if len(tokens) == 2 and known and " " in known and tokens[0][:1].isupper() \
                and tokens[0].lower().endswith(ROLE_ENDINGS):
            return known
        return None

    def expand(self, name: str) -> str:
        """The full name for a surname seen before ('Lungescu' -> 'Oana Lungescu'), else for
        the first name of exactly one person seen before ('Margaret' -> 'Margaret Hoyle')."""
        tokens = name.split()
        if len(tokens) == 1:
            key = tokens[0].lower()
            return self.by_surname(key) or self.taught.get(key) or self.first_names.get(key) \
                or (self._inner_name(name) if self.inner.get(key) else name)
        return name

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
4. the last person named.

Gender filters every step where the language marks it (he/she, er/sie, il/elle, él/ella,
lui/lei): a person known as a woman is never 'he'. What the article tells of gender is
learnt from titles and gendered roles next to a name ('Mrs', 'Frau', 'Kriminologin',
'la consejera') and from the pronouns already resolved to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gender import FEMALE, MALE
from .names import NAME_RUN, Mention, strip_name
from .words import THING_NOUNS

PRONOUN_GENDER = {"he": MALE, "him": MALE, "er": MALE, "ihm": MALE, "il": MALE, "lui": MALE,
                  "él": MALE, "she": FEMALE, "her": FEMALE, "sie": FEMALE, "ihr": FEMALE,
                  "elle": FEMALE, "ella": FEMALE, "lei": FEMALE}


def is_thing(speaker: str | None) -> bool:
    """'the report', 'the Strava report', 'die Behörde': a speaker no pronoun means."""
    return bool(speaker) and speaker[:1].islower() and speaker.lower().split()[-1] in THING_NOUNS


@dataclass(frozen=True)
class Logged:
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

    def note(self, mention: Mention) -> bool:
        """Record a name mention; True when it names a person, who is now the last one.

        A multi-word name teaches its surname. A single name after a title ('Prince
        Andrew', 'Mr Baker') is a person too; a name after a preposition ('un gol de Marcos
        Abad', 'according to Ana Lima') teaches its surname only, and only a name after an
        agent's preposition ('de', 'by') makes its surname alone a person.
        """
        name, role = mention.name, mention.role
        if mention.governed:
            known = self.full_names if mention.agent else self.taught
            known.setdefault(name.rsplit(" ", 1)[-1].lower(), name)
            return False
        if role and " " in name:
            held = self.roles.setdefault(role, name)
            self.roles[role] = name if held == name else None  # two mayors: no one
        if mention.titled and name.lower() not in self.full_names:
            self.full_names[name.lower()] = name
        if " " in name:
            # the first full name given wins: 'Laut Haas' must not replace 'Florian Haas'
            self.full_names.setdefault(name.rsplit(" ", 1)[-1].lower(), name)
            self._note_first_name(name)
            person = name
        elif name.lower() in self.full_names:
            person = self.full_names[name.lower()]
        else:
            return False
        self._log(person, mention.subject)
        self.learn_gender(person, mention.gender)
        return True

    def learn_full_names(self, text: str) -> None:
        """Learn only the full names a text gives (cheap: no subjects, roles or genders)."""
        for match in NAME_RUN.finditer(text):
            if " " in match.group(0):
                name = strip_name(match.group(0))
                if " " in name:
                    self.full_names.setdefault(name.rsplit(" ", 1)[-1].lower(), name)

    def note_speaker(self, name: str) -> None:
        """Record a resolved speaker: the most recent person, as a subject.

        A lone unknown word ('Nato', 'China') may be an organisation: it is not recorded.
        """
        if " " in name or name.lower() in self.full_names:
            self._log(name, True)

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
            or reporter \
            or next((e.name for e in reversed(self.log) if self._fits(e.name, gender)),
                    self.last_person)
        if person:
            self.learn_gender(person, gender)
        return person

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
        earlier = [e.paragraph for e in self.log if e.paragraph < self.paragraph]
        if not earlier:
            return None
        previous = [e for e in self._paragraph_log(earlier[-1])
                    if e.first and e.subject and self._fits(e.name, gender)]
        return previous[-1].name if previous else None

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
        first = all(entry.name != person for entry in self.log)
        self.log.append(Logged(person, self.paragraph, subject, first))
        self.last_person = person

    def _note_first_name(self, name: str) -> None:
        """'Margaret Hoyle' teaches 'Margaret'; a first name two people share teaches nothing."""
        first = name.split(" ", 1)[0].lower()
        known = self.first_names.get(first, name)
        self.first_names[first] = name if known == name else None

    def fullest(self, name: str) -> str:
        """The fullest form of a speaker's name the article gives, by its last word:
        'Lamba' -> 'Poonam Lamba', 'Harden Bradford' -> 'Joy Harden Bradford'."""
        key = name.rsplit(" ", 1)[-1].lower()
        known = self.full_names.get(key) or self.taught.get(key)
        if known and len(known) > len(name) and known.endswith(f" {name}"):
            return known
        return name

    def expand(self, name: str) -> str:
        """The full name for a surname seen before ('Lungescu' -> 'Oana Lungescu'), else for
        the first name of exactly one person seen before ('Margaret' -> 'Margaret Hoyle')."""
        tokens = name.split()
        if len(tokens) == 1:
            key = tokens[0].lower()
            return self.full_names.get(key) or self.taught.get(key) or self.first_names.get(key) \
                or name
        return name

"""Who said a quote: the attribution around it, resolved to a name or a descriptive phrase.

The attribution is looked for right after the quote (", she said", " said Oana Lungescu",
"”, so Scholz", "”, a déclaré X", "”, according to X"), else in the sentence before it
("Lungescu said:", "X told Y that “...”", "According to X, “...”"). The phrase found is
resolved by `resolve_speaker`: a pronoun becomes the last named person, a name is
expanded to the full name given earlier, a role with an appositive name gives the name
("A spokesperson for Nato, Oana Lungescu,"), and a role alone stays a descriptive phrase
("a spokesperson for Albanese").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lazy import compile_on_use
from .memory import NameMemory
from .names import (
    head_name,
    is_person_name,
    is_role_word,
    mentions,
    strip_name,
    titled_name,
)
from .order import inverted_subject, pronoun_in_clause, subordinate_subject
from .phrases import ABBREVIATION_DOT, ADJUNCT_PREPOSITIONS, phrase_after, subject_after_adjunct
from .refs import AGE, DROPPED_SUBJECT, NOBODY, definite_role, refers_back, role_reference
from .subjects import participle_subject, sentence_subject
from .verbs import AFTER, VERB, VerbMatch, find_attributions
from .wording import message_author, named_in_words
from .words import (
    ATTRIBUTION_VERBS_FR,
    AUXILIARIES,
    CLAUSE_WORDS,
    DESCRIPTIVE_OPENERS,
    FINITE_VERBS,
    FOR_OPENINGS,
    FRENCH_INVERSION,
    LEADING_CONNECTORS,
    NON_DESCRIPTIVE_OPENERS,
    NON_PERSON_PRECEDERS,
    PRONOUNS,
    QUOTE_TAIL_SO,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    THING_NOUNS,
)

_FRENCH_INVERSION = re.compile(rf"^{FRENCH_INVERSION}", re.IGNORECASE)
_INCISE = re.compile(rf",\s*({FRENCH_INVERSION})\s*([.,]|$)\s*", re.IGNORECASE)
# ', a expliqué le directeur du site, Laurent Schmitt. ' inside guillemets.
_NAMED_INCISE = re.compile(r",\s+((?:a\s+)?[a-zà-ÿ’']+)\s+((?:[^.,;!?]+,){0,2}[^.,;!?]+)"
                           r"([.,]|$)\s*")
_FRENCH_VERBS = frozenset(verb.lower() for verb in ATTRIBUTION_VERBS_FR)
# Their last words: a named incise's verb ends with one, standing between blanks.
_FRENCH_VERB_ENDS = frozenset(verb.split()[-1] for verb in _FRENCH_VERBS)
# A dashed incise inside a quote: '«Es así —dijo Pedro Sanz—, no hay más»'.
_DASH_INCISE = compile_on_use(r"\s*[—–]\s*([^—–]{1,80}?)\s*(?:[—–]\s*|$)")
# A pull quote or epigraph signed with a dash and a capitalised name: '“…” — Jane Doe'.
_DASH_SIGNATURE = re.compile(r"^[\s.,]*[—–]\s*(?=[A-ZÀ-Ý])")
_SO_TAIL = re.compile(rf"^\s*,\s*{QUOTE_TAIL_SO}\s+", re.IGNORECASE)
_FOR_OPENING = re.compile(r"^\s*(?:{})\s+".format("|".join(FOR_OPENINGS)), re.IGNORECASE)
_LEAD_PUNCT = re.compile(r"^[\s,;:–—-]+")
_AGE = AGE
_SENTENCE_STOPS = (".", "!", "?", ";", "\x01", "“", "«", "„", "»")
COMPLEMENTIZERS = frozenset({"that", "dass", "que", "qu’", "qu'", "if", "whether", "ob"})
# A French pronoun that is also an Italian article: 'il' alone is 'he', 'il sindaco' is not.
ARTICLE_TOO = frozenset({"il"})
# The person named last: 'ce dernier', 'the latter', 'Letzterer', 'este último'.
THE_LATTER = frozenset({"ce dernier", "cette dernière", "the latter", "letzterer", "letztere",
                        "der letztere", "die letztere", "este último", "esta última",
                        "quest’ultimo", "quest'ultimo", "quest’ultima", "quest'ultima"})
# Subjects that name no speaker: a thing, or the writer ('I ask', 'wir fragten').
_NON_SPEAKERS = frozenset({"it", "this", "that", "es", "cela", "ça", "there", "which", "who",
                           "i", "we", "ich", "wir", "je", "nous", "yo", "nosotros", "io", "noi"})
_NOT_GROUP_WORDS = PRONOUNS | CLAUSE_WORDS | FINITE_VERBS | AUXILIARIES | LEADING_CONNECTORS \
    | NON_DESCRIPTIVE_OPENERS | NON_PERSON_PRECEDERS | RELATIVE_PRONOUNS | _NON_SPEAKERS \
    | frozenset({"others", "thus", "perhaps", "always", "sometimes", "nevertheless"})
_DETERMINERS = frozenset({"the", "a", "an", "der", "die", "das", "le", "la", "les", "l’", "un",
                          "une"})
MAX_PHRASE_WORDS = 8
# An indefinite subject with a relative clause ('A mother who’d lost …'): its article, the
# most words of its head, and the pronouns opening the clause.
INDEFINITE_HEADS = frozenset({"a", "an"})
MAX_HEAD_WORDS = 3
HEAD_RELATIVES = frozenset({"who", "whose", "whom"})
# Conjunctions opening a clause whose subject follows them ('when doctors told').
SUBORDINATORS = frozenset({"when", "wenn", "als", "weil", "because", "quand", "lorsque",
                           "cuando", "quando", "while", "während", "after", "nachdem"})
MAX_SUBORDINATE_SUBJECT_WORDS = 6
# A bare plural group speaker ('prison officials') has at most this many words.
MAX_BARE_GROUP_WORDS = 3
MIN_PLURAL_LETTERS = 5
# Groups named without a plural ending.
COLLECTIVE_NOUNS = frozenset({"police", "staff", "people", "personnel", "management"})
MAX_DESCRIPTION_WORDS = 14
# A name opening a long clause ('Local councillor X welcomed ... but said') starts this early.
SUBJECT_OPENING_WORDS = 4
MAX_AFTER_WORDS_TO_VERB = 10
# The part of a long sentence before a quote that is searched for its attribution.
MAX_BEFORE_CHARS = 300
# The person asked, not the asker: 'Ishiba was asked, “…?”', 'When asked: “…?”', 'X wurde
# gefragt: „…?“'. The question is the asker's, named after 'by' or not at all.
_ASKED = compile_on_use(
    r"\b(?:(?:was|were|is|are|been|being|be|gets?|got)\s+(?:\w+ly\s+|also\s+|then\s+)?asked"
    r"|(?:when|if|once)\s+asked(?!\s+(?:me|us|him|her|them|you)\b)|(?:wurden?|worden|werden?)\s+(?:[^.!?:]{0,60}\s)?gefragt"
    r"|(?:a\s+été|fut|été)\s+interrogée?s?|(?:fue|ha\s+sido)\s+preguntad[oa]s?"
    r"|(?:è\s+stat[oa]|fu)\s+(?:interrogat[oa]|chiest[oa]))\b(?:\s+by\s+)?", re.IGNORECASE)
# The participle every alternative of `_ASKED` holds, searched for first: the engine skips
# to the letters opening one, where `_ASKED` tries each alternative at every word.
_ASKED_WORD = re.compile(r"asked|gefragt|interrog|preguntad|chiest", re.IGNORECASE)
# The same words in a lowercased text: a case-insensitive pattern has no first letters for the
# engine to skip to, this one has. Letters that match one of them case-insensitively but lower
# to something else ('ſ', 'ı', 'İ') send a text to `_ASKED_WORD` itself.
_ASKED_LOWER = re.compile(r"asked|gefragt|interrog|preguntad|chiest")
_ODD_CASE_LETTERS = ("ſ", "ı", "İ")


def speaker_after(context: str) -> str | None:
    """The speaker phrase in the text right after a quote, or None."""
    so_tail = _SO_TAIL.match(context)
    if so_tail:
        return phrase_after(context[so_tail.end():])
    signed = _DASH_SIGNATURE.match(context)
    if signed:
        return phrase_after(context[signed.end():])  # '“…” — Jane Doe, resident'
    text = _LEAD_PUNCT.sub("", context)[:200]
    inversion = _FRENCH_INVERSION.match(text)
    if inversion and _inverted_verb(inversion.group(0)):
        return _inversion_pronoun(inversion.group(0))
    found = find_attributions(text)
    if found and found[0].first_word:
        following = text[found[0].end:].split(None, 1)
        if following and following[0].lower() in COMPLEMENTIZERS:
            return None  # '“Oversight Delayed,” warned that …': a title, not a speaker
        if not following or following[0][:1] in _SENTENCE_STOPS:
            return DROPPED_SUBJECT  # '«…», aggiunge.': the subject is the one quoted last
        if following[0].lower() in ADJUNCT_PREPOSITIONS:
            return subject_after_adjunct(text[found[0].end:]) or DROPPED_SUBJECT
        return phrase_after(text[found[0].end:])
    for verb in (match for match in found if match.kind == VERB):
        subject = text[:verb.start]
        if re.search(r"[.!?\x01]", ABBREVIATION_DOT.sub(r"\1", subject) if "." in subject
                     else subject):
            return None  # a sentence ended before the verb ('St. Lawrence' does not)
        if len(subject.split()) > MAX_AFTER_WORDS_TO_VERB:
            return _named_before_apposition(subject)
        if subject.rstrip().endswith(",") and not any(w[:1].isupper() for w in subject.split()):
            return phrase_after(text[verb.end:])  # '“…” informiert worden, sagte X'
        trimmed = _trim(subject)
        if not trimmed or trimmed.split()[0].lower() in RELATIVE_PRONOUNS:
            return None  # '“…,” and said he would', '“Title,” which argued that'
        return subject
    return None


def _named_before_apposition(subject: str) -> str | None:
    """'Ann Lee, the head of the centre for X and Y, told …': a long subject is a name
    with a description in apposition."""
    head, comma, _ = subject.partition(",")
    head = head.strip()
    if not comma or not head:
        return None
    return strip_name(head) if is_person_name(head) else titled_name(head)


def speaker_before(context: str, quoted: bool = True) -> str | None:
    """The speaker phrase in the sentence before a quote ('Lungescu said:'), or None; with
    `quoted` False, of a reporting clause ('X reacted angrily when asked')."""
    context = context[-MAX_BEFORE_CHARS:]
    named = (named_in_words(context) or message_author(context)) if quoted else None
    if named:
        return named
    found = find_attributions(context)
    asked = _asked(context, found) if quoted else None
    if asked:
        return asked
    if not found:
        if context.rstrip(" “\"„«»").endswith(":"):
            return sentence_subject(context)
        opening = _FOR_OPENING.match(context)
        return phrase_after(context[opening.end():]) if opening else None
    last = found[-1]
    if last.kind == AFTER:
        return phrase_after(context[last.end:])
    if last.verb.lower().endswith("ing"):
        return sentence_subject(context[:last.start]) \
            or participle_subject(context[:last.start])
    subject = context[:last.start].rsplit(":", 1)[-1]  # 'Chat Threads: as X put it'
    if not subject.strip(" ,"):
        return phrase_after(context[last.end:])
    inverted = inverted_subject(subject, context[last.end:])
    return (phrase_after(inverted) if inverted else None) or _after_subordinator(subject)


def _after_subordinator(subject: str) -> str:
    """'he was there when doctors' -> 'doctors', 'Auch wenn der Coach der Franzosen' -> 'der
    Coach der Franzosen': a verb closing a subordinate clause has its subject right after
    the conjunction."""
    words = subject.split()
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i].lower() in SUBORDINATORS),
              None)
    if at is None or not 1 <= len(words) - at - 1 <= MAX_SUBORDINATE_SUBJECT_WORDS:
        return subject
    return " ".join(words[at + 1:])


def _asked(context: str, found: list[VerbMatch]) -> str | None:
    """NOBODY (or the agent after 'by') when the last attribution before a quote says
    someone was asked: the question is not theirs."""
    if not _asked_word(context):
        return None  # no 'asked' nor its translations: the passive pattern cannot match
    passive = None
    for passive in _ASKED.finditer(context):
        pass
    if passive is None or any(verb.start >= passive.end() for verb in found):
        return None
    if passive.group(0).rstrip().lower().endswith("by"):
        return phrase_after(context[passive.end():]) or NOBODY
    return NOBODY


def _asked_word(context: str) -> bool:
    """True when `_ASKED_WORD` finds a word in the text, read in lowercase first."""
    if not _ASKED_LOWER.search(context.lower()) \
            and not any(letter in context for letter in _ODD_CASE_LETTERS):
        return False
    return _ASKED_WORD.search(context) is not None


def resolve_speaker(phrase: str | None, memory: NameMemory,
                    topic: Callable[[], str | None] | None = None) -> str | None:
    """Turn a speaker phrase into a full name, a resolved pronoun or a descriptive phrase.

    `topic` gives the subject of the sentence before the quote, for phrases that point back
    ('the 22-year-old'); without it they mean the last person named.
    """
    if not phrase:
        return None
    if phrase == DROPPED_SUBJECT:
        return memory.person_for(None)
    if phrase == NOBODY:
        return None
    if "." in phrase:
        phrase = ABBREVIATION_DOT.sub(r"\1", phrase)  # 'Dr. Amir Khan, the chief of surgery,'
    segments = [_trim(segment) for segment in phrase.strip(" ,;:–—-").split(",")]
    while len(segments) > 1 and not segments[0]:
        segments.pop(0)  # 'However, the prime minister also'
    earlier = memory.described(segments[0]) or _person_pointed_at(segments, memory, topic)
    if earlier:
        return earlier
    index = len(segments) - 1
    skipped_clause = False
    while index >= 0 and _skippable(segments[index], index > 0):
        skipped_clause = skipped_clause or bool(segments[index])
        index -= 1
    if index < 0:
        return None
    if not phrase.rstrip().endswith(","):  # not '…, habe nur gedient, sagt der Mann'
        index = _before_relative_clause(segments, index)
    segment = segments[index]
    if index and segment != segments[0]:  # 'when X pressed him, the prime minister said'
        role = definite_role(segment)
        earlier = memory.described(segment) or (memory.roles.get(role) if role else None)
        if earlier:
            return earlier
    if skipped_clause and len(segment.split()) > MAX_PHRASE_WORDS:
        segment = _last_noun_phrase(segment)
    if not segment or segment.lower() in _NON_SPEAKERS:
        return None
    if segment.lower() in THE_LATTER:
        return memory.last_person  # 'ce dernier', 'the latter': the person named last
    words = segment.split()
    if _pronoun_subject(segment, words):
        return memory.person_for(_pronoun_word(words))
    lowered = {word.lower() for word in words}
    clause = len(words) > MAX_PHRASE_WORDS \
        or bool(lowered & FINITE_VERBS and not lowered & CLAUSE_WORDS)
    name = _clause_subject(segment, memory) if clause else head_name(segment)
    name = name or subordinate_subject(segment) \
        or (_name_before_apposition(segments[index - 1], segment) if index else None)
    if name:
        return memory.expand(name)
    if clause and not _long_description(words):
        # 'Trump and his administration have championed fossil fuels'; but 'A mother who’d
        # lost her son once' is 'a mother'
        return _head_before_relative(words)
    if (_descriptive(words) or _bare_group(words)) and not re.search(r"[\x01“”\"«»„]", segment):
        return _lower_determiner(words)
    return None


def _before_relative_clause(segments: list[str], index: int) -> int:
    """'Der Städtetag NRW, der zur Anhörung geladen ist, befürwortet … und': a predicate
    after a relative clause belongs to the subject before that clause."""
    words = segments[index].split()
    if index < 2 or not words or not words[0][:1].islower() or words[0].lower() in _DETERMINERS \
            or not _skippable(segments[index - 1], True) or not segments[index - 1]:
        return index
    before = index - 1
    while before > 0 and _skippable(segments[before], True):
        before -= 1
    return before if segments[before] else index


def _bare_group(words: list[str]) -> bool:
    """'police', 'officials', 'prison officials', 'doctors': a group named by a bare plural
    (English drops the article), lowercase words only, none a function word; documents
    ('according to reports') are no group."""
    if not 1 <= len(words) <= MAX_BARE_GROUP_WORDS:
        return False
    plain = [word.lower() for word in words]
    if not all(word.isalpha() and word.islower() for word in words) \
            or any(word in _NOT_GROUP_WORDS for word in plain):
        return False
    last = plain[-1]
    return last in COLLECTIVE_NOUNS or (last.endswith("s") and not last.endswith("ss")
                                        and len(last) >= MIN_PLURAL_LETTERS
                                        and last[:-1] not in THING_NOUNS)  # not 'reports'


def _pronoun_subject(segment: str, words: list[str]) -> bool:
    """'she', 'He instead', 'in which he', 'konnte er nicht' (but 'il sindaco' is no
    French 'il')."""
    return segment.lower() in PRONOUNS or (len(words) <= 3 and words[0].lower() not in ARTICLE_TOO
                                           and (words[0].lower() in SUBJECT_PRONOUNS
                                                or words[-1].lower() in SUBJECT_PRONOUNS)) \
        or pronoun_in_clause(segment) is not None


def _pronoun_word(words: list[str]) -> str | None:
    """The personal pronoun among a short subject's words ('He instead' -> 'He')."""
    return next((word.strip(",.") for word in words
                 if word.lower().strip(",.") in PRONOUNS), None)


def _person_pointed_at(segments: list[str], memory: NameMemory,
                       topic: Callable[[], str | None] | None) -> str | None:
    """The person a phrase points back at: an age epithet or an aged definite role ('der
    22-Jährige', 'el delantero, de 21 años') means the sentence's subject; a definite role
    ('the mayor') the one person named with it before."""
    aged = any(_AGE.match(segment) for segment in segments[1:])
    if refers_back(segments[0], aged):
        person = (topic() if topic else None) or memory.last_person
        if person:
            return person
    role = definite_role(segments[0]) if len(segments) == 1 or aged else None
    if role and memory.roles.get(role):
        return memory.roles[role]
    alone = all(not segment or _AGE.match(segment) for segment in segments[1:])
    reference = role_reference(segments[0], is_role_word) if alone else None
    if reference is not None and memory.roles.get(reference[0]):
        return memory.roles[reference[0]]  # 'el portavoz de la Asociación'
    if reference is None or reference[0] in memory.roles:
        return None  # a role two people held stays descriptive
    return memory.person_like(reference[1])


def _name_before_apposition(before: str, segment: str) -> str | None:
    """'X, an engineer who …,' and 'Councillor X, cabinet member for Y,': the name before a
    role in apposition."""
    if is_person_name(before):
        return strip_name(before)
    return titled_name(before) if segment[:1].islower() else None


def _descriptive(words: list[str]) -> bool:
    """A role phrase opens with a determiner or a capital ('a spokesperson', 'Tottenham'),
    not with a preposition ('in October'), and holds no clause ('Members laughed when he')."""
    first = words[0].lower()
    opens = first in DESCRIPTIVE_OPENERS or words[0][:1].isupper() or words[0][:1].isdigit()
    pronoun = first in PRONOUNS and not (first in ARTICLE_TOO and len(words) > 1)
    return opens and not pronoun and first not in NON_DESCRIPTIVE_OPENERS \
        and not any(word.lower() in CLAUSE_WORDS for word in words)


def _head_before_relative(words: list[str]) -> str | None:
    """'A mother who’d authorized … once' -> 'a mother': an indefinite subject whose relative
    clause makes the phrase long speaks as its head noun phrase; else None."""
    if words[0].lower() not in INDEFINITE_HEADS:
        return None
    for index, word in enumerate(words[1:MAX_HEAD_WORDS + 2], 1):
        if re.split(r"[’']", word.lower(), maxsplit=1)[0] in HEAD_RELATIVES:
            return " ".join([words[0].lower(), *words[1:index]]) if index > 1 else None
        if not word.isalpha() or not word.islower():
            return None
    return None


def _long_description(words: list[str]) -> bool:
    """'una vecina de La Pradera y miembro de dicha Plataforma vecinal': a long role phrase
    opening with an article, holding no verb or clause."""
    return len(words) <= MAX_DESCRIPTION_WORDS and words[0].lower() in DESCRIPTIVE_OPENERS \
        and not any(word.lower() in FINITE_VERBS or word.lower() in CLAUSE_WORDS for word in words)


def _clause_subject(clause: str, memory: NameMemory) -> str | None:
    """'Councillor Mairi Sutherland welcomed it but' -> the name opening the clause."""
    first = clause.split(None, 1)[0]
    if first.lower() in PRONOUNS:
        return memory.person_for(first)
    opening = [m.name for m in mentions(clause)
               if not m.governed and len(clause[:m.position].split()) < SUBJECT_OPENING_WORDS
               and (" " in m.name or memory.knows(m.name.lower()))]
    return memory.expand(opening[0]) if opening else None


def _lower_determiner(words: list[str]) -> str:
    """'A spokesperson for the port' -> 'a spokesperson for the port' (not 'The Hague')."""
    if len(words) > 1 and words[0].lower() in DESCRIPTIVE_OPENERS and words[1][:1].islower():
        words = [words[0].lower()] + words[1:]  # 'Una vecina del barrio' too
    return " ".join(words)


def _inverted_verb(inversion: str) -> bool:
    """'explique-t-il', 'dit-elle', 'a-t-il ajouté': is the verb an attribution verb?"""
    words = inversion.split()
    verb = f"a {words[-1]}" if inversion.lower().startswith("a-t-") else inversion.split("-")[0]
    found = find_attributions(verb)
    return bool(found) and found[0].first_word


def _inversion_pronoun(inversion: str) -> str:
    return inversion.split()[0].rsplit("-", 1)[-1]


def split_incise(text: str) -> tuple[str, str | None]:
    """Take an incise out of a quote and return its speaker phrase.

    French: '…, explique-t-il. Il faut…' -> ('…. Il faut…', 'il'); '…, a expliqué le
    directeur, Laurent Schmitt. Le marché…' -> ('…. Le marché…', 'Laurent Schmitt').
    Spanish dashes: 'Es así —dijo Pedro Sanz—, no hay más' -> ('Es así, no hay más', 'Pedro Sanz').
    """
    dashed = _dash_incise(text) if "—" in text or "–" in text else None
    if dashed is not None:
        return dashed
    incise = _INCISE.search(text)
    if incise is not None and _inverted_verb(incise.group(1)):
        return _without(text, incise.start(), incise.end(), incise.group(2) == "."), \
            _inversion_pronoun(incise.group(1))
    if _FRENCH_VERB_ENDS.isdisjoint(text.split()):
        return text, None  # no French verb for a named incise (most quotes)
    for named in _NAMED_INCISE.finditer(text):
        verb = find_attributions(named.group(1))
        if verb and verb[0].first_word and verb[0].verb.lower() in _FRENCH_VERBS \
                and verb[0].end == len(named.group(1)):
            phrase = phrase_after(named.group(2))
            if phrase and (head_name(phrase) or phrase.split()[0].lower() in _DETERMINERS):
                return _without(text, named.start(), named.end(), named.group(3) == "."), phrase
    return text, None


def _dash_incise(text: str) -> tuple[str, str] | None:
    """'—dijo Pedro Sanz—' or '—añadió—' inside a quote: the verb opens the dashed part."""
    for incise in _DASH_INCISE.finditer(text):
        inner = incise.group(1)
        found = find_attributions(inner)
        if not found or not found[0].first_word or found[0].kind != VERB:
            continue
        phrase = phrase_after(inner[found[0].end:]) or DROPPED_SUBJECT
        rest = text[incise.end():]
        joiner = "" if rest[:1] in ",.;:!?" or not rest else " "
        return f"{text[:incise.start()]}{joiner}{rest}".strip(), phrase
    return None


def _without(text: str, start: int, end: int, sentence_ended: bool) -> str:
    rest = text[end:]
    return f"{text[:start]}{'.' if sentence_ended else ''} {rest}".strip() if rest else text[:start]


def is_descriptive(speaker: str) -> bool:
    """True for a role phrase ('a spokesperson for Albanese') rather than a name."""
    return speaker[:1].islower()


def _last_noun_phrase(segment: str) -> str:
    """'The plans drew criticism from the Chinese government' -> 'the Chinese government'."""
    words = segment.split()
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in _DETERMINERS:
            return " ".join(words[index:])
    return segment


def _skippable(segment: str, after_comma: bool) -> bool:
    """Empty pieces, ages ('52') and relative clauses ('who will host ...') inside a subject.

    Only a piece after a comma can be a relative clause: a phrase opening with 'die' is
    German 'die Abgeordnete X', not 'die' as a relative pronoun.
    """
    words = segment.split()
    return not words or bool(_AGE.match(segment)) or (after_comma
                                                      and words[0] in RELATIVE_PRONOUNS)


def _trim(segment: str) -> str:
    """Drop leading connectors ('But') and trailing auxiliaries/adverbs ('has repeatedly')."""
    words = segment.split()
    while words and words[0].lower().strip(",") in LEADING_CONNECTORS:
        words.pop(0)
    while words and words[-1].lower() in AUXILIARIES:
        words.pop()
    return " ".join(words).strip(" ,;:–—-")

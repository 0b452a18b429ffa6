"""Direct quotations and their speakers.

Rules (thresholds in `rules`):

- Every quotation-mark convention of `marks` is read. Each contiguous quoted span is one
  quote: a quote split around its attribution ("“We will,” she said, “and soon.”") gives
  two quotes with the same speaker, and a quote running over several paragraphs gives one
  quote per paragraph, the continued ones keeping the speaker of the first.
- A paragraph-long quote, or a sentence-shaped one (capital start, end punctuation), is a
  quote. Partial quotes embedded in reported speech ("X warned against extending “its
  tentacles to the Asia-Pacific”") are a judgement call; the rule here: a fragment counts
  when it has at least `MIN_FRAGMENT_WORDS` words and an attribution (a reporting verb in
  its sentence, or "according to"), or when it is at least `LONG_FRAGMENT_WORDS` words
  long. Shorter fragments are scare quotes or terms ("its “strategic concept”") and
  Title-Case spans without attribution are titles: neither counts.
- A quote repeated later (a pull quote) is counted once, at its first position, with the
  longer text and the first known speaker.
- Speakers come from `speakers`; a paragraph-long quote with no attribution of its own
  inherits the speaker attributed in the previous paragraph; one still unclaimed goes to
  the article's voice, a person given at least `DOMINANT_MIN_QUOTES` quotes and
  `DOMINANT_SHARE` of the named ones (an interview, a profile).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from ...models import Quote
from .documents import document_author, is_bare_document
from .marks import QuoteSpan, find_spans, opens_paragraph
from .memory import CAPITAL_NOUN_LANGUAGES, NameMemory, is_thing
from .names import Mention, mentions
from .nearby import (
    closing_tag,
    colon_lead,
    described_opening,
    first_person_subject,
    named_opening,
    next_subject,
    same_sentence,
)
from .organisations import LOOKBACK_PARAGRAPHS, named_organisation, speaks_as_it
from .refs import DROPPED_SUBJECT
from .reported import adjunct_before, said_before, subjunctive_speaker, subjunctive_subject
from .rules import LATE, dedupe, is_direct_quote, may_be_direct_quote, tidy
from .sentences import sentence_starts
from .speakers import (
    is_descriptive,
    resolve_speaker,
    speaker_after,
    speaker_before,
    split_incise,
)
from .tags import unknown_tag
from .tails import speaker_in_tail
from .verbs import VERB, find_attributions
from .words import PRONOUNS, WORK_NOUNS

_GAP_LIMIT_WORDS = 16
# A person given this many quotes and this share of the named ones is the article's voice.
DOMINANT_MIN_QUOTES = 3
DOMINANT_SHARE = 0.7
# A line this short without a closing full stop is a subheading, not a paragraph.
HEADING_MAX_WORDS = 16
HEADING_OUTSIDE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", ",")
# A gap opening with its attribution ('", said X, whose …. "') may run this long.
_LONG_GAP_WORDS = 32
_OPENING_VERB_WORDS = 3
# A quote piece ending so continues after its attribution ('“We will,” she said, “and soon.”').
_GO_ON = (",", "—", "–", "…", "-")
# Impersonal subjects of a speech tag ('hieß es', 'it said'): they name nobody themselves.
_IMPERSONAL = frozenset({"es", "it"})
# A quote ending so is followed by its speech tag, whatever its verb ('“…,” he snaps').
_TAG_OPENERS = (",", "?", "!")


@dataclass
class _Candidate:
    """A quote being assembled: its text, speaker phrase and where it stood."""

    text: str
    speaker: str | None
    attribution: str | None
    whole_paragraph: bool
    closed: bool
    paragraph: int = 0


def extract_quotes(paragraphs: list[str], standfirst: str | None = None,
                   language: str | None = None) -> list[Quote]:
    """Return every direct quotation in the body with its resolved speaker.

    `standfirst` (the page's summary, which the body may not hold) lends the full names it
    gives to speakers the body names by surname only; `language` (ISO 639-1, None when
    unknown) says whether a capital word after a name may be a noun (German).
    """
    memory = NameMemory(capital_nouns=language is None or language in CAPITAL_NOUN_LANGUAGES)
    candidates: list[_Candidate] = []
    previous_speaker: str | None = None
    all_spans = [find_spans(paragraph) for paragraph in paragraphs]
    all_spans = [[] if spans and _heading_like(paragraph, spans) else spans
                 for paragraph, spans in zip(paragraphs, all_spans)]
    quoted = [index for index, spans in enumerate(all_spans) if spans]
    # each quote's text and incise (split_incise), read once for the test below and the plan
    incised = {index: [split_incise(span.text) for span in all_spans[index]] for index in quoted}
    plans: dict[int, _Plan] = {}
    # a paragraph of scare quotes and terms only is not planned: no reading keeps them
    if not any(any(may_be_direct_quote(text) for text, _ in incised[index])
               and _may_keep(_plan_of(plans, index, paragraphs, all_spans, incised))
               for index in quoted):
        return []  # no quote's attribution keeps it: the names read would serve nobody
    last_quoted = quoted[-1]
    for index, (paragraph, spans) in enumerate(zip(paragraphs, all_spans)):
        if index > last_quoted:
            memory.learn_full_names(paragraph)  # full names given after the last quote
            continue
        memory.paragraph, memory.reporter = index, previous_speaker
        continued = bool(candidates) and not candidates[-1].closed and bool(spans) \
            and opens_paragraph(paragraph) and paragraph.lstrip().startswith(paragraph[spans[0].start])
        if candidates:
            candidates[-1].closed = True
        carried = candidates[-1].speaker if continued else previous_speaker
        if spans:
            found, previous_speaker = _paragraph_quotes(
                paragraph, _plan_of(plans, index, paragraphs, all_spans, incised), memory,
                carried, continued)
            candidates.extend(found)
        else:
            lead_in = paragraph if paragraph.rstrip().endswith(":") else None
            # a line introducing what follows ('These rules apply:') says whose it is
            previous_speaker = _reported_speaker(paragraph, memory) \
                or memory.introduced_here() or (None if lead_in else previous_speaker)
    if standfirst:
        memory.learn_full_names(standfirst)
    kept = [c for c in candidates if is_direct_quote(c.text, c.attribution, c.whole_paragraph)]
    _give_unclaimed(kept, memory)
    for candidate in kept:
        if candidate.speaker:
            candidate.speaker = document_author(
                candidate.speaker, paragraphs[max(0, candidate.paragraph - LOOKBACK_PARAGRAPHS):
                                              candidate.paragraph + 1]) or candidate.speaker
        if candidate.speaker and is_descriptive(candidate.speaker):
            candidate.speaker = named_organisation(
                candidate.speaker, paragraphs[:candidate.paragraph + 1]) or candidate.speaker
    return dedupe([Quote(text=tidy(c.text), speaker=_fullest(c.speaker, memory)) for c in kept],
                  [c.attribution is not None for c in kept])


def _give_unclaimed(kept: list[_Candidate], memory: NameMemory) -> None:
    """An article quoting mostly one person (an interview, a profile) gives them its
    paragraph quotes nobody is credited with."""
    named = [memory.fullest(c.speaker) for c in kept if c.speaker and not is_descriptive(c.speaker)]
    if not named:
        return
    person, count = Counter(named).most_common(1)[0]
    if count < DOMINANT_MIN_QUOTES or count < DOMINANT_SHARE * len(named):
        return
    for candidate in kept:
        if candidate.speaker is None and (candidate.whole_paragraph or candidate.attribution is None):
            candidate.speaker = person


@dataclass
class _Plan:
    """What a quote paragraph's reading takes from its text alone, before any name is
    resolved: its quotes masked, sentences, quote groups, and per group its attribution
    phrase (an impersonal one dropped) and where it stood, whether the phrase was 'it', the
    pieces of its spans with their incises, and whether it fills the paragraph."""

    masked: str
    starts: list[int]
    groups: list[list[QuoteSpan]]
    phrases: list[tuple[str | None, str | None, bool]]
    pieces: list[list[tuple[str, str | None]]]
    wholes: list[bool]


def _plan(paragraph: str, spans: list[QuoteSpan], lead_in: str | None,
          incised: list[tuple[str, str | None]]) -> _Plan:
    """Read what no name memory changes of a quote paragraph (see `_Plan`), given its
    spans' texts and incises."""
    masked = _mask(paragraph, spans)
    starts = sentence_starts(masked)
    groups = _join_split(masked, spans, starts)
    ahead: dict[int, tuple[str | None, str | None]] = {}
    phrases = []
    for index, group in enumerate(groups):
        first, last = group[0], group[-1]
        phrase, where = ahead.get(index) or _phrase_for(
            masked, group, starts, lead_in if first.start < 3 else None)
        if phrase is None and index + 1 < len(groups) and last.text.endswith(",") \
                and same_sentence(last, groups[index + 1][0], starts):
            ahead[index + 1] = _phrase_for(masked, groups[index + 1], starts, None)
            if ahead[index + 1][1] == "after":  # '“A,” which …, “b,” she explains.'
                phrase, where = ahead[index + 1][0], LATE
        impersonal = bool(phrase) and phrase.strip().lower() in _IMPERSONAL
        it = impersonal and phrase.strip().lower() == "it"
        phrases.append((None if impersonal else phrase, where, it))
    pieces = iter(incised)  # one per span, shared out to the groups in order
    return _Plan(masked, starts, groups, phrases, [[next(pieces) for _ in group] for group in groups],
                 [_is_whole(paragraph, group[0], group[-1]) for group in groups])


def _plan_of(plans: dict[int, _Plan], index: int, paragraphs: list[str],
             all_spans: list[list[QuoteSpan]],
             incised: dict[int, list[tuple[str, str | None]]]) -> _Plan:
    """The plan of a quote paragraph, read once: a line before it ending with a colon
    introduces its quotes ('These rules apply:')."""
    if index not in plans:
        before = paragraphs[index - 1] if index else ""
        plans[index] = _plan(paragraphs[index], all_spans[index],
                             before if before.rstrip().endswith(":") else None, incised[index])
    return plans[index]


def _may_keep(plan: _Plan) -> bool:
    """True when a quote of the paragraph may be kept: its attribution is the one its plan
    says, or late when no phrase is found and reported speech comes before it (a speaker
    found there makes it so)."""
    for group, (phrase, where, _), pieces, whole in zip(plan.groups, plan.phrases, plan.pieces,
                                                       plan.wholes):
        incise = next((piece[1] for piece in pieces if piece[1]), None)
        if incise and phrase in (None, DROPPED_SUBJECT):
            phrase, where = incise, "after"
        reported = phrase is None \
            and subjunctive_subject(plan.masked, group[0], plan.starts) is not None \
            and not _names_a_work(plan.masked, group[0])
        attributions = (where, LATE) if reported else (where,)
        if any(is_direct_quote(text, attribution, whole)
               for text, _ in pieces for attribution in attributions):
            return True
    return False


def _paragraph_quotes(paragraph: str, plan: _Plan, memory: NameMemory,
                      previous_speaker: str | None, continued: bool = False
                      ) -> tuple[list[_Candidate], str | None]:
    """The quotes of one paragraph, and the last speaker attributed in it.

    Each quoted span is its own quote; the spans of a quote split around its attribution
    ('“We will,” she said, “and soon.”') share that attribution's speaker.
    """
    masked, starts = plan.masked, plan.starts
    names = mentions(masked)
    all_names = names
    found: list[_Candidate] = []
    here: str | None = None  # the person this paragraph named or quoted last
    about: str | None = None  # the person it named as a subject or quoted last
    for index, (group, (phrase, where, it), pieces, whole) in enumerate(zip(
            plan.groups, plan.phrases, plan.pieces, plan.wholes)):
        first, last = group[0], group[-1]
        # '… says the research. It adds: “…”'; '“…”, hieß es' names nobody (phrase None)
        it_speaker = previous_speaker if it and speaks_as_it(previous_speaker) else None
        cutoff = _pronoun_at(masked, phrase, where, starts, first.start)
        here, about = _note_subjects(memory, [m for m in names if m.position < cutoff],
                                     starts, here, about)
        names = [m for m in names if m.position >= cutoff]
        incise = next((piece[1] for piece in pieces if piece[1]), None)
        if incise and phrase in (None, DROPPED_SUBJECT):
            phrase, where = incise, "after"
        speaker = resolve_speaker(phrase, memory,
                                  lambda at=first.start: _topic(all_names, starts, at, memory))
        colon_speaker = None
        if it_speaker:
            speaker = it_speaker
        elif phrase is None and previous_speaker and (whole or (continued and index == 0)):
            speaker = previous_speaker
        elif phrase is None and (first.start in starts or adjunct_before(masked, first, starts)):
            # a new sentence quoting whom the paragraph is about, or who spoke in the one before
            speaker = here or said_before(masked, first, starts, memory)
        elif phrase is None and colon_lead(masked, first, starts):
            # 'Sätze wie diese: „…“': someone quoted before, not a name run seen in passing
            speaker = described_opening(masked, first, starts, memory) \
                or named_opening(masked, first, starts) \
                or (about if about in memory.quoted else None)
            colon_speaker = speaker
        elif phrase is None and not paragraph[:first.start].strip() and last.closed:
            speaker = next_subject(masked, last, starts, memory)
        elif phrase is None:
            speaker = subjunctive_speaker(masked, first, starts, memory, here or previous_speaker)
            if speaker and not _names_a_work(masked, first):
                where = LATE  # reported speech attributes a fragment: 'Es habe eine „…“ geherrscht'
            speaker = speaker or first_person_subject(masked, first.text, first, starts, memory)
        if is_bare_document(speaker) and previous_speaker and not is_descriptive(previous_speaker):
            speaker = previous_speaker  # 'ClassPass shared that …. “…,” the report stated.'
        if speaker:
            _remember(memory, speaker)
            here = about = speaker
            if speaker != colon_speaker:
                memory.quoted.add(speaker)
        found.extend(_Candidate(text, speaker, where, whole, span.closed, memory.paragraph)
                     for (text, _), span in zip(pieces, group))
    _note(memory, names)
    return found, here if found and found[-1].speaker else None


def _names_a_work(masked: str, first: QuoteSpan) -> bool:
    """'das Buch „Die sieben Gesetze des Erfolgs“': the quote is a title the noun before it
    names."""
    before = masked[max(0, first.start - 20):first.start].split()
    return bool(before) and before[-1].lower().strip(",") in WORK_NOUNS


def _pronoun_at(masked: str, phrase: str | None, where: str | None, starts: list[int],
                quote_start: int) -> int:
    """Where a pronoun speaker before a quote stands, else the quote's start: people named
    after it in its sentence ('zitierte sie den Abgeordneten X:') are not what it means."""
    if where != "before" or not phrase or phrase.lower() not in PRONOUNS:
        return quote_start
    sentence = max((s for s in starts if s <= quote_start), default=0)
    found = re.search(rf"\b{re.escape(phrase)}\b", masked[sentence:quote_start])
    return sentence + found.start() if found else quote_start


def _heading_like(paragraph: str, spans: list[QuoteSpan]) -> bool:
    """A short line without a closing full stop or an attribution: a subheading ('“Land
    hat Gutachten versäumt”', '‘Rates to stay put’: TD Economics'), whose quotes repeat
    the body's."""
    text = paragraph.rstrip().rstrip("”“\"»«’‘›‹").rstrip()
    # split no further than the limit: a long paragraph's words are not all cut
    if len(text.split(None, HEADING_MAX_WORDS)) > HEADING_MAX_WORDS \
            or text.endswith(_SENTENCE_ENDS) \
            or spans[-1].text.endswith(_SENTENCE_ENDS):
        return False
    outside = _mask(paragraph, spans).replace("\x01", "")
    return len(outside.split()) <= HEADING_OUTSIDE_WORDS and not find_attributions(outside)


def _reported_speaker(paragraph: str, memory: NameMemory) -> str | None:
    """Note a paragraph without quotes; return the person it reports as speaking, if any.

    'Mr Moeketsi further accused the chiefs …', 'She added that the jobs never came': a
    quote paragraph after it with no attribution of its own is theirs.
    """
    names = mentions(paragraph, memory.full_names, memory.other_words)
    asks = paragraph.rstrip().endswith("?")  # 'Welche Regeln gibt es?' asks: no verb read
    verbs = [] if asks else [found for found in find_attributions(paragraph) if found.kind == VERB]
    if not verbs:
        _note(memory, names)
        return None
    verb = verbs[-1]
    _note(memory, [m for m in names if m.position < verb.start])
    starts = [0, *sentence_starts(paragraph)]
    sentence = max(s for s in starts if s <= verb.start)
    phrase = speaker_before(paragraph[sentence:verb.end], quoted=False)
    speaker = resolve_speaker(phrase, memory) if phrase else None
    _note(memory, [m for m in names if m.position >= verb.start])
    return speaker if speaker and not is_descriptive(speaker) else None


def _fullest(speaker: str | None, memory: NameMemory) -> str | None:
    """A speaker named by surname gets the full name given anywhere in the article."""
    if not speaker:
        return speaker
    if is_descriptive(speaker):  # 'das Handelsblatt EPI-Chefin Ana Roth'
        return memory.name_inside(speaker, ending=True) or speaker
    return memory.fullest(speaker)


def _note(memory: NameMemory, found: list[Mention]) -> bool:
    """Record name mentions; True when one of them is a person."""
    noted = False
    for mention in found:
        noted = memory.note(mention) or noted
    return noted


def _note_subjects(memory: NameMemory, found: list[Mention], starts: list[int],
                   here: str | None, about: str | None) -> tuple[str | None, str | None]:
    """Record name mentions; return whom the paragraph is now about: the last person named
    as the first subject of its sentence ('Ana Roth runs …'), or else the one it was about before (a place or a
    noun run named in passing, 'moved to New York', is nobody's quote), or else the last
    person named; and the same without that last resort."""
    subject = None
    anyone = None
    sentence = -1  # the sentence of the subject kept: its first subject is its topic
    for mention in found:
        if memory.note(mention):
            anyone = memory.last_person
            at = bisect.bisect_right(starts, mention.position)
            if mention.subject and at != sentence:  # not 'X kritisierte Y'
                subject, sentence = memory.last_person, at
    return subject or here or anyone, subject or about


def _topic(names: list[Mention], starts: list[int], before: int,
           memory: NameMemory) -> str | None:
    """The first person named in the last sentence before a quote that names one.

    'Abad remató un centro de Arrieta. «…», dijo el delantero' -> Abad: a role or an age
    epithet pointing back means the sentence's subject, not the last name in it.
    """
    people = [m for m in names if m.position < before and not m.governed
              and (" " in m.name or memory.knows(m.name.lower()))]
    if not people:
        return None
    sentence = max((s for s in starts if s <= people[-1].position), default=0)
    return memory.expand(next(m.name for m in people if m.position >= sentence))


def _phrase_for(masked: str, group: list[QuoteSpan], starts: list[int],
                lead_in: str | None) -> tuple[str | None, str | None]:
    """The attribution phrase of a quote group and where it stood: "after" or "before"."""
    for left, right in itertools.pairwise(group):
        phrase = _tag_after(left, masked[left.end:right.start])
        if phrase:
            return phrase, "after"
    last, first = group[-1], group[0]
    after_end = next((s for s in starts if s > last.end), len(masked))
    after = masked[last.end:after_end]
    phrase = _tag_after(last, after.split("\x01", 1)[0]) if last.closed else None
    if phrase is None and last.closed:
        phrase = speaker_in_tail(_tail_sentence(masked, after, after_end, starts))
    if phrase:
        return phrase, "after"
    sentence_start = max((s for s in starts if s <= first.start), default=0)
    before = masked[sentence_start:first.start]
    if not before.strip(" “\"„«»") and lead_in:
        before = lead_in[max(sentence_starts(lead_in), default=0):]
    phrase = speaker_before(before) if before.strip() else None
    if phrase:
        return phrase, "before"
    phrase = closing_tag(after.split("\x01", 1)[0]) if last.closed else None
    return phrase, LATE if phrase else None


def _tag_after(span: QuoteSpan, after: str) -> str | None:
    """The speaker phrase of the speech tag right after a quote ('”, she said'), its verb
    known or, after a quote ending with a comma, unknown ('”, lacht Anna Roth')."""
    phrase = speaker_after(after)
    if phrase is None and (span.text.rstrip().endswith(_TAG_OPENERS)
                           or after.lstrip().startswith(",")):
        phrase = unknown_tag(after)
    return phrase


def _tail_sentence(masked: str, after: str, after_end: int, starts: list[int]) -> str:
    """What follows a quote's closing mark in its sentence, or else the next sentence."""
    rest = after.lstrip(" .!?”\"»«“")
    if rest or after_end >= len(masked):
        return rest
    return masked[after_end:next((s for s in starts if s > after_end), len(masked))]


def _join_split(masked: str, spans: list[QuoteSpan], starts: list[int]) -> list[list[QuoteSpan]]:
    """Group spans separated only by an attribution ('“We will,” she said, “and soon.”').

    A piece with an attribution of its own after it ('« … », ajoute-t-il.') is a new quote.
    """
    groups: list[list[QuoteSpan]] = []
    for span in spans:
        gap = masked[groups[-1][-1].end:span.start] if groups else ""
        if groups and _attribution_gap(groups[-1][-1], gap) and (gap.lstrip().startswith(",")
                                                 or groups[-1][-1].text.rstrip().endswith(_GO_ON)) \
                and not _own_attribution(masked, span, starts):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _attribution_gap(piece: QuoteSpan, gap: str) -> bool:
    """An attribution clause closed by a comma, period or colon: ', she said, '.

    Short, or longer when the attribution opens it and a clause about the speaker follows
    (', said Ann Lee, whose house on the hill lost its roof. ').
    """
    words = gap.split()
    stripped = gap.strip()
    if not words or not stripped.endswith((",", ".", ":")) or re.search(r"[.!?]\s", stripped):
        return False
    if len(words) > _GAP_LIMIT_WORDS and not (len(words) <= _LONG_GAP_WORDS
                                              and _opens_with_attribution(gap)):
        return False
    return _tag_after(piece, gap) is not None


def _opens_with_attribution(gap: str) -> bool:
    found = find_attributions(gap)
    return bool(found) and len(gap[:found[0].start].split()) <= _OPENING_VERB_WORDS


def _own_attribution(masked: str, span: QuoteSpan, starts: list[int]) -> bool:
    """True when the text after a closed quote attributes it ('», ajoute-t-il.')."""
    if not span.closed:
        return False
    end = next((s for s in starts if s > span.end), len(masked))
    return _tag_after(span, masked[span.end:end].split("\x01", 1)[0]) is not None


def _remember(memory: NameMemory, speaker: str) -> None:
    """Log a speaker for pronouns: a name, or 'a spokesperson', not 'the report'."""
    if not is_descriptive(speaker) or (speaker.lower().split()[0] in ("a", "an", "the")
                                       and not is_thing(speaker)):
        memory.note_speaker(speaker)
    if is_descriptive(speaker):
        memory.note_description(speaker)


def _is_whole(paragraph: str, first: QuoteSpan, last: QuoteSpan) -> bool:
    """True when the quote opens the paragraph and fills most of it."""
    stripped = paragraph.strip()
    inside = sum(len(s) for s in (first.text, last.text)) if first is not last else len(first.text)
    return paragraph[:first.start].strip() == "" and inside >= 0.6 * len(stripped)


def _mask(paragraph: str, spans: list[QuoteSpan]) -> str:
    """Replace quote contents with \\x01 (keeping a final . ! ?) so verbs inside are not read."""
    chars = list(paragraph)
    for span in spans:
        inner_end = span.end - 1 if span.closed else span.end
        if inner_end > span.start + 1:  # one slice, not a loop over the quote's characters
            chars[span.start + 1:inner_end] = "\x01" * (inner_end - span.start - 1)
        tail = paragraph[span.start + 1:inner_end].rstrip()
        if tail and tail[-1] in ".!?":
            chars[span.start + len(tail)] = tail[-1]
    return "".join(chars)

"""What counts as a direct quotation and how repeats are merged.

The thresholds are data; `quotes` documents the rule they implement.
"""

from __future__ import annotations

import re

from ...models import Quote
from .repeats import RepeatIndex

# An attribution read further off: a tag closing the sentence after other words, or the tag
# of the next quote of the sentence. It attributes a fragment, but makes no short span a quote.
LATE = "late"
# Fewest words of a quote that fills its paragraph (a standalone or pull quote).
MIN_WHOLE_PARAGRAPH_WORDS = 3
# Fewest words of an unattributed sentence-shaped quote ('“The plan is dead.”').
MIN_UNATTRIBUTED_SENTENCE_WORDS = 5
# Fewest words of an attributed fragment ('warned against extending “its tentacles to Asia”').
MIN_FRAGMENT_WORDS = 4
# A fragment this long counts even without an attribution verb.
LONG_FRAGMENT_WORDS = 8
# Share of long words in Title Case that marks a title ('“What Is to Be Done”').
TITLE_CASE_SHARE = 0.6

_WORD = re.compile(r"[\w’'-]+")
_SENTENCE_END = (".", "!", "?", "…", ",", "—", "–", ":", ";")
_NORMAL = re.compile(r"[^\w]+")


def is_direct_quote(text: str, attribution: str | None, whole_paragraph: bool) -> bool:
    """Decide whether a quoted span is a quotation (True) or a term, title or scare quote.

    `attribution` says where its attribution stood: "after" the quote ('“No,” she said'),
    "before" it in the same sentence ('Lungescu said “...”'), LATE, or None.
    """
    return _judged(text, _WORD.findall(text), attribution, whole_paragraph)


def _judged(text: str, words: list[str], attribution: str | None, whole_paragraph: bool) -> bool:
    """`is_direct_quote` of a text cut into its words."""
    if not words:
        return False
    if whole_paragraph and len(words) >= MIN_WHOLE_PARAGRAPH_WORDS:
        return True
    if attribution == LATE:
        return len(words) >= MIN_FRAGMENT_WORDS and not _title_case(words)
    attributed = attribution is not None
    if attribution == "after" and text.lstrip("…. ")[:1].isupper() and not _title_case(words):
        return True
    if _title_case(words) and not attributed:
        return False
    sentence = _sentence_shaped(text)
    if sentence and (attributed or len(words) >= MIN_UNATTRIBUTED_SENTENCE_WORDS):
        return True
    if attributed and len(words) >= MIN_FRAGMENT_WORDS:
        return True
    return len(words) >= LONG_FRAGMENT_WORDS and not _title_case(words)


# Every attribution a candidate can carry (`is_direct_quote`'s second argument).
ATTRIBUTIONS = (None, "before", "after", LATE)


def may_be_direct_quote(text: str) -> bool:
    """True when some attribution, or filling its paragraph, makes the text a quotation: a
    page whose quoted spans are all short lowercase terms ('its “strategic concept”') has none."""
    words = _WORD.findall(text)  # cut once for the eight readings
    return any(_judged(text, words, attribution, whole)
               for attribution in ATTRIBUTIONS for whole in (False, True))


def dedupe(quotes: list[Quote], attributed: list[bool] | None = None) -> list[Quote]:
    """Merge quotes that repeat another (same normalized text, or contained in it).

    Two quotes given to different known speakers are both kept: they are two people
    using the same words, not a pull quote repeating the body. A quote contained in
    another is a repeat only when one of the two has no attribution of its own (a pull
    quote, a subheading): two attributed quotes are two quotations, one citing part of
    the other ('it promised “equal protection”' … '“… equal protection …,” it reads').
    """
    flags = attributed or [False] * len(quotes)
    kept: list[Quote] = []
    normals = RepeatIndex()
    kept_flags: list[bool] = []
    for quote, flag in zip(quotes, flags):
        normal = _NORMAL.sub(" ", quote.text.lower()).strip()
        index = normals.find(normal)
        if index is not None and (None not in (quote.speaker, kept[index].speaker)
                                  and quote.speaker != kept[index].speaker
                                  or flag and kept_flags[index]
                                  and normal != normals.normals[index]):
            index = None
        if index is None:
            kept.append(quote)
            normals.add(normal)
            kept_flags.append(flag)
            continue
        earlier, earlier_normal = kept[index], normals.normals[index]
        longer = quote.text if len(normal) > len(earlier_normal) else earlier.text
        kept[index] = Quote(text=longer, speaker=earlier.speaker or quote.speaker)
        if len(normal) > len(earlier_normal):
            normals.replace(index, normal)
    return kept


def _sentence_shaped(text: str) -> bool:
    first = text.lstrip("…. ")[:1]
    return (first.isupper() or first.isdigit()) and text.rstrip().endswith(_SENTENCE_END)


def _title_case(words: list[str]) -> bool:
    long_words = [word for word in words if len(word) > 3]
    if not long_words or len(words) > 12:
        return False
    capitalised = sum(1 for word in long_words if word[:1].isupper())
    return capitalised / len(long_words) >= TITLE_CASE_SHARE and len(long_words) >= 2


def tidy(text: str) -> str:
    """Trim the trailing comma or colon a quote keeps before its attribution."""
    return text.rstrip(" ,;:–—-")

"""Hand-annotation matching: quotes by their first and last words, speakers, credits (pure).

The rules are the ones `benchmarks/annotations/README.md` states for annotators; they are
restated where each function applies them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from benchmarks.realweb.field_metrics import name_key
from benchmarks.realweb.text_metrics import words

MIN_QUOTE_WORDS = 4     # shorter quoted spans are never quotes, on either side
EDGE_SLACK = 2          # words a quote's text may carry before its start or after its end
EXTRA_NAME_WORDS = 2    # a predicted name may add this many words (a title, a middle name)
LONGER_DESCRIPTION = 3  # a predicted description may add this many content words
MAX_RUN = 4             # most annotated quotes one of ours may cover ("A," she said, "B")



def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


ARTICLES = _set(
    "the a an der die das den dem des ein eine einer einem einen eines le la les l un une "
    "el los las lo il gli i uno una")
FUNCTION_WORDS = ARTICLES | _set(
    "of for to at in on from by with and or its his her their our this that these those "
    "von vom zu zum zur im am bei mit und oder aus für auf dieser diese dieses "
    "de du des d à au aux et en pour par sur ce cette "
    "del al y o por para con en este esta "
    "di da dal della dello delle dei degli e per con su questo questa")


def word_count(text: str | None) -> int:
    """Whitespace-separated words holding a letter or digit (the annotators' count)."""
    return sum(1 for word in (text or "").split() if re.search(r"\w", word))


def _run_at(tokens: Sequence[str], run: Sequence[str]) -> list[int]:
    """Every index where `run` occurs in `tokens`."""
    size = len(run)
    return [i for i in range(len(tokens) - size + 1) if list(tokens[i:i + size]) == list(run)]


def quote_matches(text: str | None, start: str, end: str) -> bool:
    """True when a predicted quote's text opens with `start` and closes with `end`.

    Words are lower-cased `\\w+` tokens, so quotation marks, punctuation and case do not count;
    the start may sit at most EDGE_SLACK words in and the end at most EDGE_SLACK words before
    the text's end (an ellipsis, a bracket, a dangling "he said" word), and the end must not
    begin before the start. Both sides are compared in NFC: a page writing 'ö' as 'o' and a
    combining mark holds the same words as the annotation typing 'ö'.
    """
    tokens, head, tail = (words(unicodedata.normalize("NFC", part or ""))
                          for part in (text, start, end))
    if not tokens or not head or not tail:
        return False
    starts = [i for i in _run_at(tokens, head) if i <= EDGE_SLACK]
    ends = [i for i in _run_at(tokens, tail) if i + len(tail) >= len(tokens) - EDGE_SLACK]
    return any(e >= s for s in starts for e in ends)


def _name_words(name: str | None) -> list[str]:
    """A name's comparison words: name_key words without a leading article."""
    tokens = name_key(name or "").split()
    while tokens and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    return tokens


def _content(text: str | None) -> list[str]:
    return [token for token in name_key(text or "").split() if token not in FUNCTION_WORDS]


def name_right(predicted: str | None, expected: str, aliases: Iterable[str] = ()) -> bool:
    """A predicted speaker names the expected person or organisation.

    Right when, without leading articles and after name_key, it equals the expected name (or
    one of its aliases), or holds it as a run with at most EXTRA_NAME_WORDS more words (a
    title or middle name: "Sir Tony Blair" for "Tony Blair"). A bare surname is not the name.
    """
    got = _name_words(predicted)
    if not got:
        return False
    for candidate in (expected, *aliases):
        want = _name_words(candidate)
        if want and (got == want or (_run_at(got, want)
                                     and len(got) - len(want) <= EXTRA_NAME_WORDS)):
            return True
    return False


def description_right(predicted: str | None, expected: str) -> bool:
    """A predicted speaker fits a descriptive speaker ("a spokesperson for the ministry").

    Right when its content words (function words and articles dropped) are all in the
    description's, or it holds all of the description's content words with at most
    LONGER_DESCRIPTION more; equal names count too.
    """
    got, want = set(_content(predicted)), set(_content(expected))
    if not got:
        return False
    if got <= want:
        return True
    return bool(want) and want <= got and len(got) <= len(want) + LONGER_DESCRIPTION


def speaker_right(predicted: str | None, expected: str | None, attribution: str,
                  aliases: Iterable[str] = ()) -> bool:
    """The speaker rule for one matched quote: null wants null, a description fits, a name names."""
    if expected is None:
        return not (predicted or "").strip()
    if attribution == "description":
        return description_right(predicted, expected) or name_right(predicted, expected)
    return name_right(predicted, expected, aliases)


@dataclass(frozen=True)
class QuoteTally:
    """One page's quote counts, and its speaker results by attribution kind."""

    expected: int = 0              # annotated body quotes
    predicted: int = 0             # our quotes that count (long enough, not standfirst ones)
    matched: int = 0               # annotated quotes found
    predicted_matched: int = 0     # our quotes that found one or more annotated quotes
    speaker_ok: int = 0
    by_kind: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # kind: (matched, right)
    mistakes: tuple[str, ...] = ()                 # "predicted≠expected" for wrong speakers


def score_quotes(predicted: Sequence[Mapping[str, Any]], expected: Sequence[Mapping[str, Any]],
                 aliases: Mapping[str, Sequence[str]] | None = None) -> QuoteTally:
    """Match our quotes to annotated ones, in order, and judge the speakers.

    First one to one, each of our quotes against one annotated span; then one of our quotes
    left over may cover a run of consecutive annotated quotes left over (a split quote "A," she
    said, "B" given as one text "A … B"): it opens with the first's start and closes with the
    last's end, and every quote of the run is found. Our quotes under MIN_QUOTE_WORDS words are
    ignored; standfirst quotes are neutral (not expected, and ours matching one not counted).
    """
    ours, body, found, neutral = match_quotes(predicted, expected)
    tally = _judge(ours, body, found, aliases or {})
    return QuoteTally(len(body), len(ours) - neutral, len(found), len(set(found.values())),
                      *tally)


def match_quotes(predicted: Sequence[Mapping[str, Any]], expected: Sequence[Mapping[str, Any]]
                 ) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]], dict[int, int], int]:
    """Our counted quotes, the annotated body quotes, which of ours each found one is (by
    index into both lists) and how many of ours matched a neutral standfirst quote."""
    ours = [quote for quote in predicted if word_count(quote.get("text")) >= MIN_QUOTE_WORDS]
    body = [quote for quote in expected if not quote.get("standfirst")]
    used: set[int] = set()
    found = {i: index for i, truth in enumerate(body)
             if (index := _claim(ours, used, truth["start"], truth["end"])) is not None}
    found |= _merged_runs(ours, used, body, found)
    neutral = sum(_claim(ours, used, truth["start"], truth["end"]) is not None
                  for truth in expected if truth.get("standfirst"))
    return ours, body, found, neutral


def _merged_runs(ours: Sequence[Mapping[str, Any]], used: set[int],
                 body: Sequence[Mapping[str, Any]], found: Mapping[int, int]) -> dict[int, int]:
    """Runs of 2 to MAX_RUN consecutive unfound annotated quotes that one unused quote of ours
    covers, shortest run first."""
    runs: dict[int, int] = {}
    first = 0
    while first < len(body):
        end = first
        if first not in found:
            for last in range(first + 1, min(first + MAX_RUN, len(body))):
                if last in found:
                    break
                index = _claim(ours, used, body[first]["start"], body[last]["end"])
                if index is not None:
                    runs |= dict.fromkeys(range(first, last + 1), index)
                    end = last
                    break
        first = end + 1
    return runs


def _judge(ours: Sequence[Mapping[str, Any]], body: Sequence[Mapping[str, Any]],
           found: Mapping[int, int], aliases: Mapping[str, Sequence[str]]
           ) -> tuple[int, dict[str, tuple[int, int]], tuple[str, ...]]:
    """Speakers right, (found, right) by attribution kind, and the wrong speakers."""
    by_kind: dict[str, tuple[int, int]] = {}
    right_total, mistakes = 0, []
    for i, truth in enumerate(body):
        kind = truth.get("attribution") or "name"
        matched, right = by_kind.get(kind, (0, 0))
        if i in found:
            got, want = ours[found[i]].get("speaker"), truth.get("speaker")
            ok = speaker_right(got, want, kind, aliases.get(want or "", ()))
            matched, right, right_total = matched + 1, right + ok, right_total + ok
            if not ok:
                mistakes.append(f"{got or '∅'}≠{want or '∅'}")
        by_kind[kind] = (matched, right)
    return right_total, by_kind, tuple(mistakes)


def _claim(ours: Sequence[Mapping[str, Any]], used: set[int], start: str, end: str
           ) -> int | None:
    for index, quote in enumerate(ours):
        if index not in used and quote_matches(quote.get("text"), start, end):
            used.add(index)
            return index
    return None


def image_matches(url: str | None, file: str) -> bool:
    """Our image URL, percent-decoded twice and case-folded, contains the annotated file part."""
    return bool(url and file) and file.casefold() in unquote(unquote(url)).casefold()


_SPLIT = re.compile(r"\s*[/|;,]\s*")
_LABEL = re.compile(r"^\W*(?:foto|fotos|bild|bilder|bildquelle|photo|photos|image|credit|"
                    r"quelle|source|symbolfoto|crédit|crédits)\b\W*", re.IGNORECASE)


def credit_names(image: Mapping[str, Any]) -> list[str]:
    """The names an annotated credit needs found: its photographer and each source part.

    A credit naming neither keeps its own words, without a label such as "Foto:" or "©".
    """
    names = [image.get("photographer") or ""]
    names += _SPLIT.split(image.get("credit_source") or "")
    keys = [name_key(name) for name in names if name_key(name)]
    if not keys and image.get("credit"):
        keys = [name_key(_LABEL.sub("", image["credit"]))]
    return [key for key in keys if key]


def credit_found(ours: Mapping[str, Any], truth: Mapping[str, Any]) -> bool:
    """Every needed name of the annotated credit occurs, as whole words, in our credit fields."""
    text = " ".join(name_key(ours.get(key) or "")
                    for key in ("credit", "photographer", "credit_source"))
    needed = credit_names(truth)
    return bool(needed) and all(f" {name} " in f" {text} " for name in needed)


def photographer_right(ours: Mapping[str, Any], truth: Mapping[str, Any]) -> bool:
    """Our photographer equals the annotated one after name_key (both absent is right)."""
    return name_key(ours.get("photographer") or "") == name_key(truth.get("photographer") or "")


def source_right(ours: Mapping[str, Any], truth: Mapping[str, Any]) -> bool:
    """Our credit source names what the annotation does, and not the photographer.

    Both absent is right; otherwise one side's words must all be in the other's ("REUTERS" and
    "Pool via REUTERS", "dpa" and "GPO/dpa"), and our source must not hold the photographer.
    """
    got, want = set(words(ours.get("credit_source"))), set(words(truth.get("credit_source")))
    if not got and not want:
        return True
    person = set(words(truth.get("photographer")))
    if not got or not want or (person and person <= got):
        return False
    return got <= want or want <= got

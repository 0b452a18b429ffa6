"""The article's language (ISO 639-1): what the page declares, checked against its text.

Declared codes come from `<html lang>`, og:locale, the content-language meta and JSON-LD
inLanguage. The text is read with a small model of our own: letters of a script that names
one language (Hangul, Greek, Hebrew ...), else the share of each language's most frequent
words. A declaration the text clearly contradicts (a template's `lang="en"` over German
text) loses to the text; close languages (Danish and Norwegian) never override a declaration
that scores nearly as well.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..document import ARTICLE_TYPES, Document
from ..lazy import compile_on_use
from .language_data import (
    CODE_ALIASES,
    HAN_RANGE,
    SCRIPT_RANGES,
    STOP_SETS,
    WORD_LANGUAGES,
    WORD_WEIGHTS,
)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SAMPLE_CHARS = 1200
MIN_TOKENS = 20               # fewer words than this never contradict a declaration
MIN_SCORE = 0.1               # weighted share of frequent words needed to name a language
MIN_MARGIN = 1.25             # the best language must beat the runner-up by this factor
OVERRIDE_RATIO = 0.35         # a declared language scoring under this share of the best is wrong
SCRIPT_SHARE = 0.4            # share of letters in one script that names the language
CYRILLIC = (0x0400, 0x04FF)
KANA_SHARE = 0.05             # this much kana among Chinese characters makes the text Japanese
NON_LATIN = compile_on_use(r"[^\W\d_\u0000-\u036f]")
LANG_CODE = re.compile(r"^[a-z]{2,3}$")


class Detection(NamedTuple):
    """A language read from text, with every modelled language's score."""

    code: str | None
    confident: bool
    scores: dict[str, float]


def extract_language(document: Document, body_text: str) -> str | None:
    """Return the article's ISO 639-1 language: declared, unless the text clearly says otherwise."""
    declared = declared_languages(document)
    text = body_text or " ".join(filter(None, (document.meta_first("og:description"),
                                               document.meta_first("description"))))
    detection = detect_language(text)
    if not declared:
        return detection.code
    if not detection.confident or detection.code == declared[0]:
        return declared[0]
    if detection.code in declared:
        return detection.code
    own = detection.scores.get(declared[0], 0.0)
    best = detection.scores.get(detection.code or "", 1.0)
    return detection.code if own < OVERRIDE_RATIO * best else declared[0]


def declared_languages(document: Document) -> list[str]:
    """Return the codes the page declares, in trust order, normalized, without duplicates."""
    raw: list[str] = []
    html = document.tree.root
    if html is not None:
        raw.append(html.attributes.get("lang") or html.attributes.get("xml:lang") or "")
    raw.extend(document.meta.get("og:locale", ())[:1])
    raw.extend(document.meta.get("content-language", ())[:1])
    raw.extend(document.meta.get("language", ())[:1])
    for article in document.jsonld_of_type(*ARTICLE_TYPES):
        value = article.get("inLanguage")
        if isinstance(value, str):
            raw.append(value)
        elif isinstance(value, dict) and isinstance(value.get("alternateName"), str):
            raw.append(value["alternateName"])
    codes = (normalize_code(value) for value in raw)
    return list(dict.fromkeys(code for code in codes if code))


def normalize_code(value: str | None) -> str | None:
    """'en-US', 'en_GB', 'EN', 'eng' -> 'en'; None for values that are not language codes."""
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    code = CODE_ALIASES.get(code, code)
    if not LANG_CODE.match(code) or len(code) != 2 or code in ("xx", "zz"):
        return None
    return code


def detect_language(text: str) -> Detection:
    """Guess the language of a text from its script, else from its most frequent words."""
    sample = text[:SAMPLE_CHARS]
    tokens = WORD.findall(sample.lower())
    if not tokens:
        return Detection(None, False, {})
    counts = dict.fromkeys(STOP_SETS, 0.0)
    for token, seen in Counter(tokens).items():
        for code in WORD_LANGUAGES.get(token, ()):
            counts[code] += WORD_WEIGHTS[token] * seen
    scores = {code: count / len(tokens) for code, count in counts.items()}
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if scores[best] < MIN_SCORE and not sample.isascii():
        script = _script_language(sample, sum(map(len, tokens)))
        if script:                        # few Latin-script words: maybe Korean, Greek ...
            return Detection(script, True, {script: 1.0})
    if scores[best] < MIN_SCORE / 2:
        return Detection(None, False, scores)
    confident = (len(tokens) >= MIN_TOKENS and scores[best] >= MIN_SCORE
                 and scores[best] >= MIN_MARGIN * scores[runner_up])
    return Detection(best, confident, scores)


def _script_language(sample: str, letters: int) -> str | None:
    """The language a non-Latin script names, when most letters are in it."""
    others = NON_LATIN.findall(sample)
    if len(others) < SCRIPT_SHARE * letters:
        return None
    counts: dict[str, int] = {}
    for char in others:
        script = _script_of(ord(char))
        counts[script] = counts.get(script, 0) + 1
    script, count = max(counts.items(), key=lambda item: item[1])
    if count < SCRIPT_SHARE * letters or script in ("other", "cyrillic"):
        return None
    if script == "zh" and counts.get("ja", 0) > KANA_SHARE * letters:
        return "ja"
    return script


def _script_of(point: int) -> str:
    if CYRILLIC[0] <= point <= CYRILLIC[1]:
        return "cyrillic"
    if HAN_RANGE[0] <= point <= HAN_RANGE[1]:
        return "zh"
    for low, high, code in SCRIPT_RANGES:
        if low <= point <= high:
            return code
    return "other"

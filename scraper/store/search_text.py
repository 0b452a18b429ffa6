"""What the full-text indexes hold for an article: the text, its caps, and its clean-up.

One search document per article: its headline, the first INDEXED_BODY_CHARS characters of its
body, its first INDEXED_QUOTES quotes (one per line) and their speakers (one per line, in the
same order). The caps keep indexing, ranking and snippets of one article bounded whatever the
size of its body, so one huge page cannot make every search slow.

Soft hyphens and zero-width characters are removed from the indexed text (and from queries),
so "Bed\u00adford" is found as Bedford. The clean-up is written in plain SQL, so the triggers
that keep the indexes in sync work in any SQLite client, not only in this program.

Text in scripts written without spaces between words (Chinese, Japanese, Korean, Thai, Lao,
Khmer, Myanmar) is also indexed by trigrams, so any run of characters in it can be found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

INDEXED_HEADLINE_CHARS = 1_000
INDEXED_BODY_CHARS = 65_536
INDEXED_QUOTES = 100
INDEXED_QUOTE_CHARS = 1_000
INDEXED_SPEAKER_CHARS = 200

# Characters that sit inside words without being part of them: soft hyphen, zero-width
# space, non-joiner and joiner, word joiner, zero-width no-break space (BOM).
INVISIBLE_CHARS = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

# Scripts written without spaces between words (code point ranges, inclusive).
SPACELESS_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),    # Thai, Lao
    (0x1000, 0x109F),    # Myanmar
    (0x1100, 0x11FF),    # Hangul Jamo
    (0x1780, 0x17FF),    # Khmer
    (0x2E80, 0x2FDF),    # CJK radicals, Kangxi radicals
    (0x3040, 0x30FF),    # Hiragana, Katakana
    (0x3100, 0x312F),    # Bopomofo
    (0x3130, 0x318F),    # Hangul compatibility Jamo
    (0x31F0, 0x31FF),    # Katakana extensions
    (0x3400, 0x4DBF),    # CJK extension A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xA960, 0xA97F),    # Hangul Jamo extended A
    (0xAC00, 0xD7AF),    # Hangul syllables
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFF66, 0xFFDC),    # half-width Katakana and Hangul
    (0x20000, 0x3134F),  # CJK extensions B to G
)

_INVISIBLE = re.compile("[" + "".join(INVISIBLE_CHARS) + "]")
_SPACELESS = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in SPACELESS_RANGES) + "]")


def remove_invisible(text: str) -> str:
    """Return the text without soft hyphens and zero-width characters (as indexed)."""
    return _INVISIBLE.sub("", text)


def has_spaceless_script(text: str) -> bool:
    """Tell whether the text has characters of a script written without spaces."""
    return _SPACELESS.search(text) is not None


def clean_sql(expression: str) -> str:
    """Return SQL removing the invisible characters from a text expression."""
    for char in INVISIBLE_CHARS:
        expression = f"replace({expression}, char({ord(char)}), '')"
    return expression


def _one_line_sql(expression: str) -> str:
    return f"replace(replace({expression}, char(13), ' '), char(10), ' ')"


def _per_quote_sql(value: str, limit: int) -> str:
    """SQL for one line per indexed quote of article `a`, in order, joined by newlines."""
    line = clean_sql(_one_line_sql(f"substr(coalesce({value}, ''), 1, {limit})"))
    return (f"coalesce((SELECT group_concat(line, char(10)) FROM (SELECT {line} AS line"
            f" FROM quotes WHERE quotes.article_id = a.id AND quotes.position < {INDEXED_QUOTES}"
            " ORDER BY quotes.position)), '')")


def search_text_select() -> str:
    """Return the SELECT of the search_text view: one search document per article."""
    headline = clean_sql(f"substr(coalesce(a.headline, ''), 1, {INDEXED_HEADLINE_CHARS})")
    body = clean_sql(f"substr(a.body, 1, {INDEXED_BODY_CHARS})")
    return (f"SELECT a.id AS id, {headline} AS headline, {body} AS body,\n"
            f"  {_per_quote_sql('text', INDEXED_QUOTE_CHARS)} AS quotes,\n"
            f"  {_per_quote_sql('speaker', INDEXED_SPEAKER_CHARS)} AS speakers\n"
            "FROM articles AS a")


def _glob_class(ranges: Iterable[tuple[int, int]]) -> str:
    return "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


# Each column of the trigram documents ends in two spaces, so a one- or two-character term at
# the very end of a column still starts a trigram (see query.py: short terms).
TRIGRAM_PADDING = "  "


def trigram_text_select(source: str) -> str:
    """Return the SELECT of the search_text_trigram view: documents in spaceless scripts."""
    columns = ", ".join(f"{name} || '{TRIGRAM_PADDING}' AS {name}"
                        for name in ("headline", "body", "quotes", "speakers"))
    return (f"SELECT id, {columns}\nFROM {source}\n"
            f"WHERE (headline || body || quotes || speakers) GLOB "
            f"'*{_glob_class(SPACELESS_RANGES)}*'")

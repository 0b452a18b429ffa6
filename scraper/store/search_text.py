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

INDEXED_HEADLINE_CHARS = 1_000
INDEXED_BODY_CHARS = 65_536
INDEXED_QUOTES = 100
INDEXED_QUOTE_CHARS = 1_000
INDEXED_SPEAKER_CHARS = 200

# Characters that sit inside words without being part of them: soft hyphen, zero-width
# space, non-joiner and joiner, word joiner, zero-width no-break space (BOM).
INVISIBLE_CHARS = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

# Scripts written without spaces between words, told by the first bytes of their UTF-8 form
# (a test SQLite runs fast, where a GLOB over a class of code point ranges took 4 ms a body).
SPACELESS_UTF8_PREFIXES: tuple[tuple[str, str], ...] = (
    ("E3", "U+3000-3FFF: CJK punctuation, Hiragana, Katakana, Bopomofo, CJK extension A"),
    ("E4", "U+4000-4FFF: CJK extension A, CJK unified ideographs"),
    ("E5", "U+5000-5FFF: CJK unified ideographs"),
    ("E6", "U+6000-6FFF: CJK unified ideographs"),
    ("E7", "U+7000-7FFF: CJK unified ideographs"),
    ("E8", "U+8000-8FFF: CJK unified ideographs"),
    ("E9", "U+9000-9FFF: CJK unified ideographs"),
    ("EA", "U+A000-AFFF: Yi, Hangul syllables"),
    ("EB", "U+B000-BFFF: Hangul syllables"),
    ("EC", "U+C000-CFFF: Hangul syllables"),
    ("ED", "U+D000-D7FF: Hangul syllables"),
    ("E0B8", "U+0E00-0E3F: Thai"), ("E0B9", "U+0E40-0E7F: Thai"),
    ("E0BA", "U+0E80-0EBF: Lao"), ("E0BB", "U+0EC0-0EFF: Lao"),
    ("E180", "U+1000-103F: Myanmar"), ("E181", "U+1040-107F: Myanmar"),
    ("E19E", "U+1780-17BF: Khmer"), ("E19F", "U+17C0-17FF: Khmer"),
    ("EFBD", "U+FF40-FF7F: half-width Katakana"), ("EFBE", "U+FF80-FFBF: half-width Katakana"),
)

_INVISIBLE = re.compile("[" + "".join(INVISIBLE_CHARS) + "]")


def remove_invisible(text: str) -> str:
    """Return the text without soft hyphens and zero-width characters (as indexed)."""
    return _INVISIBLE.sub("", text)


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


# Each column of the trigram documents ends in two spaces, so a one- or two-character term at
# the very end of a column still starts a trigram (see query.py: short terms).
TRIGRAM_PADDING = "  "


def has_spaceless_script(text: str) -> bool:
    """Tell whether the text has characters of a script written without spaces (as SQL does)."""
    utf8 = text.encode("utf-8")
    return any(bytes.fromhex(prefix) in utf8 for prefix, _ in SPACELESS_UTF8_PREFIXES)


def _spaceless_test_sql(article_id: str) -> str:
    """SQL true when the article's indexed text has a script written without spaces.

    It reads the raw columns (the clean-up removes none of these characters) in a subquery
    that LIMIT keeps SQLite from inlining, so the text is put together once, not once a test.
    """
    quotes = (f"coalesce((SELECT group_concat(substr(coalesce(q.text, ''), 1, "
              f"{INDEXED_QUOTE_CHARS}) || coalesce(q.speaker, ''), ' ') FROM quotes AS q "
              f"WHERE q.article_id = a.id AND q.position < {INDEXED_QUOTES}), '')")
    text = (f"coalesce(a.headline, '') || substr(a.body, 1, {INDEXED_BODY_CHARS}) || {quotes}")
    tests = " OR ".join(f"instr(utf8, X'{prefix}')" for prefix, _ in SPACELESS_UTF8_PREFIXES)
    return (f"(SELECT {tests} FROM (SELECT CAST({text} AS BLOB) AS utf8 FROM articles AS a "
            f"WHERE a.id = {article_id} LIMIT 1))")


def trigram_text_select(source: str) -> str:
    """Return the SELECT of the search_text_trigram view: documents in spaceless scripts."""
    columns = ", ".join(f"s.{name} || '{TRIGRAM_PADDING}' AS {name}"
                        for name in ("headline", "body", "quotes", "speakers"))
    return f"SELECT s.id, {columns}\nFROM {source} AS s\nWHERE {_spaceless_test_sql('s.id')}"

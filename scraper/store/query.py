"""Search queries: what people type, parsed, bounded, and written as FTS5 expressions.

A query is words and "quoted phrases", all required; `word*` matches a prefix; `OR` between
terms accepts either; `NOT term` or `-term` excludes articles holding it; parentheses group.
Operators are written in capitals, as in FTS5; in lower case they are words. Everything a user
types becomes quoted FTS5 strings joined by operators we write, so no query is an FTS5 syntax
error. Raw queries (FTS5 syntax, passed through) get the same size checks.

Each query is bounded: at most MAX_QUERY_CHARS characters, MAX_TERMS terms and
MAX_PREFIX_TERMS prefix terms of at least MIN_PREFIX_CHARS characters, because the cost of a
full-text query grows with each term, and most with each short prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import QueryError
from .search_text import has_spaceless_script, remove_invisible

MAX_QUERY_CHARS = 500
MAX_TERMS = 32
MAX_PREFIX_TERMS = 4
MIN_PREFIX_CHARS = 2
MAX_SHORT_TERM_TRIGRAMS = 2_000  # trigrams a term shorter than three characters may stand for
TRIGRAM = 3
OPERATORS = ("AND", "OR", "NOT")

_TOKEN = re.compile(r'(-?)"([^"]*)"?|([()])|([^\s"()]+)')
_WORD_CHAR = re.compile(r"[^\W_]")
_RAW_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)|([^\s"(){}*:^+]+)(\*?)(:?)')


@dataclass(frozen=True)
class Term:
    """A word or phrase to find; `prefix` when its last word may continue."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class All:
    """Every node of `include` and none of `exclude`."""

    include: tuple[Node, ...]
    exclude: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Either:
    """At least one of the options."""

    options: tuple[Node, ...]


Node = Term | All | Either


def parse(query: str) -> Node:
    """Parse a user query into terms and operators, within the caps; raise QueryError."""
    check_size(query)
    tokens = list(_tokens(remove_invisible(query).replace("\x00", " ")))
    parser = _Parser(tokens)
    node = parser.either()
    if node is None:
        raise QueryError(f"nothing to search for in {query!r}: give at least one word "
                         "(AND, OR and NOT in capitals are operators)")
    check_terms(list(terms_of(node)))
    return node


def _tokens(query: str) -> Iterator[tuple[str, str]]:
    """Yield (kind, text): phrase, -phrase, paren, operator, word or -word."""
    for match in _TOKEN.finditer(query):
        negated, phrase, paren, word = match.groups()
        if phrase is not None:
            yield ("-phrase" if negated else "phrase"), phrase
        elif paren:
            yield "paren", paren
        elif word in OPERATORS:
            yield "operator", word
        elif word.startswith("-") and _WORD_CHAR.search(word):
            yield "-word", word[1:]
        else:
            yield "word", word


class _Parser:
    """Recursive descent: either := all (OR all)*; all := ([AND] [NOT|-] primary)+."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.position = 0
        self.depth = 0  # open parentheses; a ")" with none open is ignored

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _at_end_of_group(self) -> bool:
        token = self._peek()
        return token is None or token == ("operator", "OR") or (
            token == ("paren", ")") and self.depth > 0)

    def either(self) -> Node | None:
        options = [self.all()]
        while self._peek() == ("operator", "OR"):
            self.position += 1
            options.append(self.all())
        if len(options) > 1 and None in options:
            raise QueryError("OR needs a search term on each side, e.g. harbour OR tram")
        return options[0] if len(options) == 1 else Either(tuple(options))  # type: ignore[arg-type]

    def all(self) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while not self._at_end_of_group():
            token = self.tokens[self.position]
            self.position += 1
            if token == ("operator", "AND"):
                continue
            if token == ("operator", "NOT"):
                node = None if self._at_end_of_group() else self._node(self._next())
                if node is None:
                    raise QueryError("NOT needs a term after it, e.g. tram NOT hospital")
                exclude.append(node)
            elif (node := self._node(token)) is not None:
                (exclude if token[0].startswith("-") else include).append(node)
        if exclude and not include:
            raise QueryError("NOT needs a term to keep as well, e.g. tram NOT hospital")
        if not include:
            return None
        if len(include) == 1 and not exclude:
            return include[0]
        return All(tuple(include), tuple(exclude))

    def _next(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _node(self, token: tuple[str, str]) -> Node | None:
        kind, text = token
        if token == ("paren", "("):
            self.depth += 1
            node = self.either()
            self.depth -= 1
            if self._peek() == ("paren", ")"):
                self.position += 1
            return node
        if kind in ("paren", "operator"):
            return None  # a ")" with nothing open, or an operator where a term should be
        prefix = kind.endswith("word") and text.endswith("*")
        text = text.rstrip("*").strip() if prefix else text.strip()
        return Term(text, prefix) if _WORD_CHAR.search(text) else None


def terms_of(node: Node) -> Iterator[Term]:
    """Yield every term of the query, excluded ones included."""
    if isinstance(node, Term):
        yield node
    elif isinstance(node, All):
        for child in (*node.include, *node.exclude):
            yield from terms_of(child)
    else:
        for child in node.options:
            yield from terms_of(child)


def positive_terms(node: Node) -> Iterator[Term]:
    """Yield the terms a matching article holds (not the excluded ones)."""
    if isinstance(node, Term):
        yield node
    elif isinstance(node, All):
        for child in node.include:
            yield from positive_terms(child)
    else:
        for child in node.options:
            yield from positive_terms(child)


def check_size(query: str) -> None:
    """Refuse a query longer than MAX_QUERY_CHARS."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters long; the most is "
                         f"{MAX_QUERY_CHARS}")


def check_terms(terms: list[Term]) -> None:
    """Refuse too many terms, too many prefix terms, or too short a prefix."""
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the query has {len(terms)} terms; the most is {MAX_TERMS}")
    prefixes = [term for term in terms if term.prefix]
    if len(prefixes) > MAX_PREFIX_TERMS:
        raise QueryError(f"the query has {len(prefixes)} prefix terms (word*); the most is "
                         f"{MAX_PREFIX_TERMS}")
    for term in prefixes:
        if len(term.text) < MIN_PREFIX_CHARS:
            raise QueryError(f"the prefix {term.text}* is too short: give at least "
                             f"{MIN_PREFIX_CHARS} characters before *")


def raw_terms(query: str) -> list[Term]:
    """Check a raw FTS5 query against the caps; return its strings and words, for snippets."""
    check_size(query)
    terms = []
    for match in _RAW_TERM.finditer(remove_invisible(query)):
        quoted, quoted_star, word, word_star, column = match.groups()
        if quoted is not None:
            terms.append(Term(quoted.replace('""', '"'), bool(quoted_star)))
        elif word not in (*OPERATORS, "NEAR") and not column and _WORD_CHAR.search(word):
            terms.append(Term(word, bool(word_star)))
    check_terms(terms)
    return terms


def _string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def word_expression(node: Node) -> str:
    """Write the query for the word index (unicode61): every term an FTS5 string."""
    if isinstance(node, Term):
        return _string(node.text) + ("*" if node.prefix else "")
    if isinstance(node, Either):
        return "(" + " OR ".join(word_expression(option) for option in node.options) + ")"
    expression = "(" + " AND ".join(word_expression(child) for child in node.include) + ")"
    for child in node.exclude:
        expression = f"({expression} NOT {word_expression(child)})"
    return expression


TrigramLookup = Callable[[str, int], list[str]]
EVERY = "*every*"  # what a short word in a space-separated script stands for: nearly anything


def trigram_expression(node: Node, lookup: TrigramLookup) -> str | None:
    """Write the query for the trigram index, or None when no article can match it.

    A term of three characters or more is a substring; a shorter one stands for every indexed
    trigram that starts with it (`lookup(prefix, limit)`), none meaning it occurs nowhere. A
    short word such as "a" in a script written with spaces, found in too many trigrams to
    list, is left out of the query: it would match nearly every article anyway.
    """
    expression = _trigram_node(node, lookup)
    return None if expression == EVERY else expression


def _trigram_node(node: Node, lookup: TrigramLookup) -> str | None:
    if isinstance(node, Term):
        return _trigram_term(" ".join(node.text.lower().split()), lookup)
    if isinstance(node, Either):
        options = [_trigram_node(option, lookup) for option in node.options]
        present = [option for option in options if option not in (None, EVERY)]
        if present:
            return "(" + " OR ".join(str(option) for option in present) + ")"
        return EVERY if EVERY in options else None
    include = [_trigram_node(child, lookup) for child in node.include]
    if None in include:
        return None
    kept = [str(part) for part in include if part != EVERY]
    excluded = [_trigram_node(child, lookup) for child in node.exclude]
    if EVERY in excluded:
        return None
    if not kept:
        return EVERY
    expression = "(" + " AND ".join(kept) + ")"
    for part in excluded:
        if part is not None:
            expression = f"({expression} NOT {part})"
    return expression


def _trigram_term(text: str, lookup: TrigramLookup) -> str | None:
    if len(text) >= TRIGRAM:
        return _string(text)
    trigrams = lookup(text, MAX_SHORT_TERM_TRIGRAMS + 1)
    if len(trigrams) > MAX_SHORT_TERM_TRIGRAMS:
        if not has_spaceless_script(text):
            return EVERY
        raise QueryError(f"{text!r} is too short to search for on its own in text without "
                         "spaces between words: add a character")
    return "(" + " OR ".join(_string(trigram) for trigram in trigrams) + ")" if trigrams else None


def hints(query: str, raw: bool) -> list[str]:
    """Return advice for a query that found nothing: lower-case operators, FTS5 syntax."""
    advice = []
    if re.search(r"(?<!\S)(or|and|not)(?!\S)", query):
        advice.append("AND, OR and NOT are operators only in capitals: harbour OR tram")
    if not raw and re.search(r"\bNEAR\s*\(|\b(headline|body|quotes|speakers)\s*:", query):
        advice.append("NEAR(...) and column filters (headline:) are FTS5 syntax: add --raw")
    return advice

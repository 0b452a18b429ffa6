"""A pattern compiled on use behaves as the compiled pattern, and costs nothing until used."""

from __future__ import annotations

import re

import pytest

from scraper.extract.lazy import compile_on_use

TEXT = "Posted by Jane Doe, 3 May 2024; updated by JOHN ROE"


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"\bby\s+(\w+)", 0),
    (r"\bBY\s+(?P<name>\w+)", re.IGNORECASE),
    (r"\d+", 0),
])
def test_it_answers_as_re_compile(pattern: str, flags: int) -> None:
    lazy, compiled = compile_on_use(pattern, flags), re.compile(pattern, flags)
    assert lazy.search(TEXT).group(0) == compiled.search(TEXT).group(0)
    assert lazy.match(TEXT) == compiled.match(TEXT) is None
    assert lazy.findall(TEXT) == compiled.findall(TEXT)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("_", TEXT) == compiled.sub("_", TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert (lazy.pattern, lazy.flags, lazy.groups) == (compiled.pattern, compiled.flags,
                                                       compiled.groups)


def test_it_compiles_only_when_first_used() -> None:
    broken = compile_on_use("(unclosed")
    with pytest.raises(re.error):
        broken.search("text")


def test_the_first_attribute_read_may_be_any() -> None:
    assert compile_on_use(r"a+").fullmatch("aaa") is not None
    assert compile_on_use(r"(a)(b)").groups == 2

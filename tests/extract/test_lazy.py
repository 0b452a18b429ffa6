"""A pattern compiled on use behaves as the compiled pattern, and costs nothing until used."""

from __future__ import annotations

import json
import re
import subprocess
import sys

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


def test_a_plain_english_page_leaves_the_rare_patterns_uncompiled() -> None:
    # Patterns for other scripts (Japanese and Korean credits), mojibake and deep nesting are
    # declared compile_on_use: a plain page in a fresh interpreter must not pay for them.
    probe = """
import json
from scraper import extract
from scraper.extract import credits, mojibake, nesting
from scraper.extract.credits import lines
prose = "The council met on Tuesday evening to weigh the plan for a new tram line. " * 6
extract(f"<html><body><article><h1>Tram vote</h1><p>{prose}</p></article></body></html>")
rare = {"lines._REPORTER": lines._REPORTER, "lines._SHOT_BY": lines._SHOT_BY,
        "lines._EQUALS_AGENCY": lines._EQUALS_AGENCY, "mojibake._SEQUENCE": mojibake._SEQUENCE,
        "nesting._MARKUP": nesting._MARKUP}
compiled = [name for name, pattern in rare.items()
            if not hasattr(pattern, "__dict__") or "search" in vars(pattern)]
print(json.dumps(sorted(compiled)))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, timeout=120)
    assert json.loads(result.stdout.splitlines()[-1]) == []

"""Regular expressions compiled on first use, for patterns most pages never need.

Compiling a pattern costs up to a few milliseconds; the command line pays for every pattern
compiled at import before its one page is read. A pattern that only some pages reach is
declared with compile_on_use instead: it compiles the first time it is used.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a pattern is used through; after the first use each is a plain attribute (no look-up cost).
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
               "scanner", "pattern", "flags", "groups", "groupindex")


class _PatternOnUse:
    """Stands in for re.compile(pattern, flags) and compiles it when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_on_use({self._source[0]!r}, {self._source[1]!r})"


def compile_on_use(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), done the first time the pattern is used."""
    return cast(re.Pattern[str], _PatternOnUse(pattern, flags))

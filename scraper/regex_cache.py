"""Compiled regular expressions kept between runs of `scraper extract`, as Python keeps bytecode.

Python's regex compiler is written in Python: the ~200 patterns one page needs cost ~45 ms of
the command's ~165 ms. A run saves each compiled pattern's program (what `re` hands its C
engine: flags, opcodes, groups) beside this module's bytecode; the next run gives `re` those
programs back, so each `re.compile` of them finds its pattern in `re`'s own cache. A program is
saved only when the pattern built from it equals the one `re` compiled, and the file names the
Python and engine that made it: anything else, or any error, leaves `re` to compile as usual.
Like bytecode, nothing is written under PYTHONDONTWRITEBYTECODE. The command line reads the
file before it imports the command it runs (whose imports compile patterns too).
"""

from __future__ import annotations

import _sre
import marshal
import os
import re
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _parser

# Beside this module's bytecode; None where Python keeps no bytecode.
CACHE_FILE = (Path(__file__).parent / "__pycache__" / f"regex_cache.{sys.implementation.cache_tag}"
              ".patterns" if sys.implementation.cache_tag else None)
LIMIT = 1000  # patterns kept; past it only the last run's (a page may make patterns of its own)
# The Python and regex engine the saved programs are valid for.
_VERSION = (sys.version, _sre.MAGIC, _sre.CODESIZE)

# flags, opcodes (array "I" bytes), groups, group index, group names: _sre.compile's arguments
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
# The programs in the file, by (pattern, flags); None for a pattern this module cannot rebuild.
_saved: dict[tuple[str | bytes, int], Program | None] = {}
_read = False  # whether this process has read the file


@contextmanager
def reused() -> Iterator[None]:
    """Within: the patterns an earlier run saved are not compiled again; after: new ones are
    saved."""
    load()
    yield
    save()


def load() -> None:
    """Put the saved patterns in `re`'s cache, once (none when another Python saved them)."""
    global _read
    if CACHE_FILE is None or _read:
        return
    _read = True
    try:
        version, programs = marshal.loads(CACHE_FILE.read_bytes())
        if version != _VERSION:
            return
        for (pattern, flags), program in programs.items():
            if program is not None:
                re._cache[type(pattern), pattern, flags] = _pattern(pattern, program)
            _saved[pattern, flags] = program
    except Exception:  # noqa: BLE001 - a broken or foreign file: `re` compiles as usual
        return


def save() -> None:
    """Save the programs of the patterns in `re`'s cache, when some are not saved yet."""
    if sys.dont_write_bytecode or CACHE_FILE is None or not os.access(CACHE_FILE.parent, os.W_OK):
        return  # nothing to write, or nowhere: no pattern is rebuilt for nothing
    compiled = [(pattern, flags) for kind, pattern, flags in list(re._cache)
                if kind in (str, bytes)]
    programs = dict(_saved)
    for key in compiled:
        if key not in programs:
            programs[key] = _program(*key)
    if len(programs) == len(_saved):
        return
    if len(programs) > LIMIT:
        programs = {key: programs[key] for key in compiled}
    temporary = CACHE_FILE.with_name(f"{CACHE_FILE.name}.{os.getpid()}")
    try:
        temporary.write_bytes(marshal.dumps((_VERSION, programs)))
        os.replace(temporary, CACHE_FILE)
    except OSError:  # a full disk: every run compiles
        temporary.unlink(missing_ok=True)
        return
    _saved.update(programs)


def _program(pattern: str | bytes, flags: int) -> Program | None:
    """The program `re` compiles `pattern` to (as re._compiler.compile builds it), or None
    when the pattern built from it would differ from `re`'s own."""
    try:
        parsed = _parser.parse(pattern, flags)
        names: list[str | None] = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            names[index] = name
        program = (flags | parsed.state.flags,
                   array("I", _compiler._code(parsed, flags)).tobytes(),
                   parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names))
        ours, own = _pattern(pattern, program), re.compile(pattern, flags)
    except Exception:  # noqa: BLE001 - a pattern this module cannot rebuild: not saved
        return None
    same = ours == own and ours.groupindex == own.groupindex and ours.groups == own.groups
    return program if same else None


def _pattern(pattern: str | bytes, program: Program) -> re.Pattern[str]:
    """The compiled pattern built from a saved program."""
    flags, code, groups, groupindex, names = program
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, array("I", code).tolist(), groups,
                                             groupindex, names)
    return compiled

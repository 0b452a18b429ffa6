"""Compiled patterns kept between runs: one restored from the file is the pattern `re` would
compile, and a file of another Python, a broken one or PYTHONDONTWRITEBYTECODE change nothing."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from scraper import regex_cache

PATTERN = r"(?P<day>\d{1,2})\.\s*(?P<month>januar|février|März)(?i:\s+(\d{4}))?"
TEXT = "Am 3. März 2024 und am 14. février"


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "regex_cache.patterns"
    monkeypatch.setattr(regex_cache, "CACHE_FILE", path)
    monkeypatch.setattr(regex_cache, "_saved", {})
    monkeypatch.setattr(regex_cache, "_read", False)
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return path


def _compiled_by_re(pattern: str, flags: int) -> re.Pattern[str]:
    re.purge()
    return re.compile(pattern, flags)


def test_a_pattern_saved_by_one_run_is_not_compiled_again_and_matches_the_same(
        cache_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = _compiled_by_re(PATTERN, re.MULTILINE)
    regex_cache.save()
    assert cache_file.exists()
    re.purge()
    monkeypatch.setattr(regex_cache, "_saved", {})  # the next run
    monkeypatch.setattr(regex_cache, "_read", False)
    regex_cache.load()
    assert (str, PATTERN, re.MULTILINE) in re._cache  # type: ignore[attr-defined]
    restored = re.compile(PATTERN, re.MULTILINE)
    assert restored is not own and restored == own
    assert restored.groupindex == own.groupindex and restored.groups == own.groups
    assert [m.groups() for m in restored.finditer(TEXT)] == [m.groups() for m in own.finditer(TEXT)]
    assert restored.sub(r"\g<month>", TEXT) == own.sub(r"\g<month>", TEXT)


def test_a_run_that_compiled_nothing_new_leaves_the_file_alone(cache_file: Path) -> None:
    _compiled_by_re(PATTERN, 0)
    regex_cache.save()
    cache_file.write_bytes(b"as it was")
    _compiled_by_re(PATTERN, 0)
    regex_cache.save()
    assert cache_file.read_bytes() == b"as it was"


@pytest.mark.parametrize("content", [
    b"not marshal data",
    marshal.dumps((("3.9.0", 0, 4), {(PATTERN, 0): (0, b"\x00\x00\x00\x00", 0, {}, ())})),
    marshal.dumps(None),
])
def test_a_broken_file_or_one_of_another_python_is_ignored(cache_file: Path,
                                                             content: bytes) -> None:
    cache_file.write_bytes(content)
    re.purge()
    regex_cache.load()
    assert (str, PATTERN, 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(PATTERN).search(TEXT)


def test_nothing_is_written_under_pythondontwritebytecode(cache_file: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    _compiled_by_re(PATTERN, 0)
    regex_cache.save()
    assert not cache_file.exists()


def test_where_nothing_can_be_written_no_pattern_is_rebuilt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only installation (no writable __pycache__) pays nothing after each run."""
    monkeypatch.setattr(regex_cache, "CACHE_FILE", tmp_path / "absent" / "regex.patterns")
    monkeypatch.setattr(regex_cache, "_saved", {})
    monkeypatch.setattr("sys.dont_write_bytecode", False)

    def rebuilt(pattern: str, flags: int) -> None:
        raise AssertionError(f"{pattern!r} rebuilt")

    monkeypatch.setattr(regex_cache, "_program", rebuilt)
    _compiled_by_re(PATTERN, 0)
    regex_cache.save()
    assert not (tmp_path / "absent").exists()

"""Records and the extractor's tables do not depend on PYTHONHASHSEED (str hashes, and with
them a set's order, change from one process to the next: a cluster's workers, a re-extraction)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from scraper.extract.metadata.language_data import STOP_WORDS, WORD_LANGUAGES
from scraper.extract.quotes.memory import NameMemory
from scraper.extract.quotes.verbs import _TABLE
from scraper.extract.quotes.words import ATTRIBUTION_VERBS, SPEAKER_AFTER_PHRASES
from scraper.extract.source import _ALL_HINTS
from scraper.extract.source.patterns import EXPLICIT_PATTERNS, WEAK_PATTERNS

REPO_ROOT = Path(__file__).resolve().parents[2]
PAGES = REPO_ROOT / "tests" / "fixtures" / "pages"
SEEDS = ("0", "1", "2")

# Every module-level value of the package that has an order (tuples, lists, dicts, patterns),
# as JSON; a set is written sorted (its own order is the hash seed's).
_TABLES_PROBE = r"""
import importlib, json, pkgutil, re, sys
import scraper

def canon(value, depth=0):
    if depth > 6:
        return "..."
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (set, frozenset)):
        return ["set", sorted((canon(item, depth + 1) for item in value), key=repr)]
    if isinstance(value, dict):
        return ["dict", [[canon(k, depth + 1), canon(v, depth + 1)] for k, v in value.items()]]
    if isinstance(value, (list, tuple)):
        return [canon(item, depth + 1) for item in value]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    source = getattr(value, "_source", None)  # a pattern compiled on first use
    return ["lazy", list(source)] if isinstance(source, tuple) else None

found = {}
for info in pkgutil.walk_packages(scraper.__path__, "scraper."):
    if info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for name, value in vars(module).items():
        if not name.startswith("__") and (table := canon(value)) is not None:
            found[f"{info.name}.{name}"] = table
print(json.dumps(found, default=repr))  # ASCII: one line whatever the text
"""

_RECORDS_PROBE = r"""
import json, sys, tomllib
from pathlib import Path
from scraper import extract

records = {}
for path in map(Path, sys.argv[1:]):
    spec = tomllib.loads(path.with_name(path.name.replace(".html", ".expected.toml")).read_text())
    record = extract(path.read_bytes(), url=spec.get("url")).to_dict()
    record.pop("extracted_at", None)
    records[path.name] = record
print(json.dumps(records, sort_keys=True, default=str))
"""


def _run(probe: str, seed: str, *args: str) -> dict[str, object]:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                            check=True, timeout=300, env=environment, cwd=REPO_ROOT)
    loaded: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def _differing(runs: list[dict[str, object]]) -> list[str]:
    return sorted(key for key in set().union(*runs)
                  if any(run.get(key) != runs[0].get(key) for run in runs))


def test_module_tables_are_the_same_whatever_the_hash_seed() -> None:
    runs = [_run(_TABLES_PROBE, seed) for seed in SEEDS]
    assert len(runs[0]) > 500  # the probe reached the extractor's modules
    assert _differing(runs) == []


def test_fixture_page_records_are_the_same_whatever_the_hash_seed() -> None:
    pages = [str(page) for page in sorted(PAGES.glob("*.html"))
             if page.with_name(page.name.replace(".html", ".expected.toml")).exists()]
    assert len(pages) > 20
    runs = [_run(_RECORDS_PROBE, seed, *pages) for seed in SEEDS[:2]]
    assert len(runs[0]) == len(pages)
    assert _differing(runs) == []


def test_verb_table_lists_longest_phrases_first_then_in_source_order() -> None:
    written: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrases, kind in ((ATTRIBUTION_VERBS, "verb"), (SPEAKER_AFTER_PHRASES, "after")):
        for phrase in dict.fromkeys(phrases):
            words = tuple(phrase.lower().split())
            written.setdefault(words[0], []).append((words, kind))
    assert set(_TABLE) == set(written)
    for first, entries in _TABLE.items():
        assert entries == sorted(written[first], key=lambda entry: -len(entry[0]))


def test_source_hints_are_listed_once_in_the_patterns_order() -> None:
    listed = [hint for hints, _ in EXPLICIT_PATTERNS + WEAK_PATTERNS for hint in hints]
    assert list(_ALL_HINTS) == list(dict.fromkeys(listed))


def test_language_words_name_their_languages_in_the_lists_order() -> None:
    codes = list(STOP_WORDS)
    words = [word for text in STOP_WORDS.values() for word in text.split()]
    assert list(WORD_LANGUAGES) == list(dict.fromkeys(words))
    for word, languages in WORD_LANGUAGES.items():
        assert list(languages) == [code for code in codes if word in STOP_WORDS[code].split()]


def test_name_inside_prefers_the_first_of_two_equally_long_names_in_either_learning_order() -> None:
    found = set()
    for learned in (("Ana Roth", "Ola Lind"), ("Ola Lind", "Ana Roth")):
        memory = NameMemory()
        for name in learned:
            memory.full_names[name.split()[-1].lower()] = name
        found.add(memory.name_inside("Ola Lind und Ana Roth"))
    assert found == {"Ola Lind"}


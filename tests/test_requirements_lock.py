"""requirements.lock pins every dependency with hashes, within pyproject.toml's ranges, and the
environment the tests run in was installed from it (`make setup`)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK_TEXT = (REPO_ROOT / "requirements.lock").read_text(encoding="utf-8")
# One entry: "name==version ; marker \" then its --hash lines.
ENTRY = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?:\s*;\s*([^\\\n]+?))?\s*\\\n((?:\s+--hash=\S+(?:\s*\\)?\n?)+)",
                   re.MULTILINE)
# A universal lock may pin one package twice, under markers that exclude each other.
ENTRIES = [(canonicalize_name(name), version, marker, hashes)
           for name, version, marker, hashes in ENTRY.findall(LOCK_TEXT)]
LOCKED: dict[str, list[tuple[str, str, str]]] = {}
for _name, _version, _marker, _hashes in ENTRIES:
    LOCKED.setdefault(_name, []).append((_version, _marker, _hashes))
PROJECT = PYPROJECT["project"]
DECLARED = [Requirement(text) for text in [
    *PROJECT["dependencies"], *(requirement for extra in PROJECT["optional-dependencies"].values()
                                for requirement in extra)]]
# Libraries whose next major release could change extraction output without a code change.
OUTPUT_LIBRARIES = ["trafilatura", "selectolax", "lxml", "dateparser", "charset-normalizer"]


def test_the_lock_was_parsed() -> None:
    assert len(LOCKED) >= len(DECLARED)
    assert len(re.findall(r"^[A-Za-z0-9._-]+==", LOCK_TEXT, re.MULTILINE)) == len(ENTRIES)


@pytest.mark.parametrize("requirement", DECLARED, ids=str)
def test_every_declared_dependency_is_locked_within_its_range(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    assert name in LOCKED, f"{requirement.name} is not in requirements.lock: run `make lock`"
    for version, _, _ in LOCKED[name]:
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version} outside {requirement}: run `make lock`")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: f"{entry[0]}=={entry[1]}")
def test_every_pin_carries_sha256_hashes(entry: tuple[str, str, str, str]) -> None:
    assert re.findall(r"--hash=sha256:([0-9a-f]{64})", entry[3]), f"{entry[0]} has no hash"


@pytest.mark.parametrize("name", OUTPUT_LIBRARIES)
def test_libraries_that_read_pages_are_capped_below_their_next_major(name: str) -> None:
    requirement = next(r for r in DECLARED if canonicalize_name(r.name) == name)
    assert any(spec.operator == "<" for spec in requirement.specifier), str(requirement)


@pytest.mark.parametrize("name", sorted(LOCKED))
def test_this_environment_has_the_locked_versions(name: str) -> None:
    versions = [version for version, marker, _ in LOCKED[name]
                if not marker or Marker(marker).evaluate()]
    if not versions:
        pytest.skip(f"{name} is not for this platform")
    assert versions == [metadata.version(name)], "the environment was not installed from the lock"

"""The extractor version is derived from everything extraction output depends on."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from importlib import metadata
from importlib.machinery import PathFinder
from pathlib import Path

import pytest

from scraper import EXTRACTOR_VERSION, __version__, extract
from scraper.extractor_version import (
    CODE_PATHS,
    PACKAGE_DIR,
    _installed_version,
    code_digest,
    derive_version,
    library_versions,
    version_on_path,
)
from scraper.rules import BUNDLED_DIR, bundled_rules, load_rules
from scraper.store import Store

LIBRARIES = {"trafilatura": "2.3.1", "selectolax": "1.0.2", "lxml": "6.2.1", "python": "3.11"}
INPUTS = {"package_version": "0.1.0", "code": "c" * 64, "rules": "r" * 64, "libraries": LIBRARIES}
PAGE = ("<html><body><article><h1>Tram vote</h1>"
        + "<p>The council approved the tram extension after a long debate on Tuesday.</p>" * 5
        + "</article></body></html>")


@pytest.mark.parametrize(("name", "changed"), [
    ("package_version", "0.2.0"),
    ("code", "d" * 64),
    ("rules", "s" * 64),
    ("libraries", {**LIBRARIES, "trafilatura": "3.0.0"}),
    ("libraries", {**LIBRARIES, "selectolax": "1.1.0"}),
    ("libraries", {**LIBRARIES, "lxml": "7.0.0"}),
    ("libraries", {**LIBRARIES, "python": "3.13"}),
])
def test_every_input_changes_the_version(name: str, changed: object) -> None:
    assert derive_version(**{**INPUTS, name: changed}) != derive_version(**INPUTS)


def test_the_version_reads_package_version_plus_digest() -> None:
    assert derive_version(**INPUTS) == derive_version(**INPUTS)
    assert derive_version(**INPUTS).startswith("0.1.0+")
    assert EXTRACTOR_VERSION.startswith(__version__ + "+")


def test_the_libraries_that_read_pages_are_inputs() -> None:
    assert {"trafilatura", "selectolax", "lxml", "python"} <= set(library_versions())


@pytest.mark.usefixtures("path_finder")
def test_each_folder_of_the_path_is_listed_once_for_all_libraries(
        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = library_versions()
    listed: list[str] = []
    listdir = os.listdir

    def counting_listdir(path: str) -> list[str]:
        listed.append(path)
        return listdir(path)

    monkeypatch.setattr(os, "listdir", counting_listdir)
    assert library_versions() == expected
    assert listed and len(listed) == len(set(listed))


class _Distribution(metadata.Distribution):
    """A distribution whose metadata files are given as text (a unit-test stand-in)."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files_text = files

    def read_text(self, filename: str) -> str | None:
        return self.files_text.get(filename)

    def locate_file(self, path: str) -> Path:
        return Path(path)


@pytest.mark.parametrize("files", [
    {"METADATA": "Metadata-Version: 2.1\nName: lib\nVersion: 1.2.3\n\nVersion: 9\n"},
    {"METADATA": "Name: lib\nversion:   4.5.post1  \nSummary: x\n"},
    {"PKG-INFO": "Metadata-Version: 1.0\nName: lib\nVersion: 0.9\n"},
    {"METADATA": "Name: lib\nVersion: 1.0\n  .dev1\n"},  # folded: the email parser decides
    {"METADATA": "Name: lib\nSummary: no version\n\nVersion: 2.0\n"},
    {"METADATA": "Name: lib\nVersion:\n"},
])
def test_a_library_version_is_what_the_metadata_parser_reads(files: dict[str, str]) -> None:
    distribution = _Distribution(files)
    assert _installed_version(distribution) == distribution.version


@pytest.fixture
def path_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard library's path finder finds distributions (the importlib_metadata backport,
    once a test imports it, takes that away from it and answers instead)."""
    if not hasattr(PathFinder, "find_distributions"):
        monkeypatch.setattr(PathFinder, "find_distributions",
                            staticmethod(metadata.MetadataPathFinder.find_distributions),
                            raising=False)


@pytest.mark.usefixtures("path_finder")
def test_the_path_scan_agrees_with_importlib_metadata() -> None:
    names = {distribution.metadata["Name"] for distribution in metadata.distributions()}
    answered = 0
    for name in sorted(names):
        found = version_on_path(name)
        if found is not None:
            answered += 1
            assert found == _installed_version(metadata.distribution(name)), name
    assert answered > 0


def _dist_info(root: Path, folder: str, text: str) -> None:
    (root / folder).mkdir(parents=True)
    (root / folder / "METADATA").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("entries", "expected"), [
    ({"first/Foo_Bar-1.0.dist-info": "Name: Foo_Bar\nVersion: 1.0\n",
      "second/foo.bar-2.0.dist-info": "Name: foo.bar\nVersion: 2.0\n"}, "1.0"),
    ({"second/FOO_BAR-2.0.dist-info": "Name: FOO-BAR\nVersion: 2.0\n"}, "2.0"),
    ({"second/foo-bar-2.0.dist-info": "Name: foo-bar\nVersion: 2.0\n"}, None),
    ({"first/foo_bar-3.0.egg-info": "Name: foo_bar\nVersion: 3.0\n"}, "3.0"),
    ({"first/foobar-1.0.dist-info": "Name: foobar\nVersion: 1.0\n"}, None),
    ({"first/foo_bar-1.0.dist-info": "Name: foo_bar\nVersion: 1.0\n  .dev1\n"}, None),
])
@pytest.mark.usefixtures("path_finder")
def test_the_path_scan_finds_what_importlib_metadata_finds(
        tmp_path: Path, entries: dict[str, str], expected: str | None) -> None:
    for folder, text in entries.items():
        _dist_info(tmp_path, folder, text)
    paths = [str(tmp_path / "first"), str(tmp_path / "missing"), str(tmp_path / "second")]
    assert version_on_path("foo-bar", paths) == expected
    if expected is not None:
        found = next(metadata.distributions(name="foo-bar", path=paths))
        assert found.version == expected


class _Finder:
    """A meta path finder that finds distributions (as the importlib_metadata backport adds)."""

    def find_spec(self, *_args: object) -> None:
        return None

    def find_distributions(self, *_args: object) -> list[metadata.Distribution]:
        return []


@pytest.mark.parametrize(("before", "answers"), [(False, True), (True, False)])
@pytest.mark.usefixtures("path_finder")
def test_the_path_scan_gives_way_to_a_finder_asked_before_the_path_finder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: bool, answers: bool) -> None:
    _dist_info(tmp_path, "foo_bar-1.0.dist-info", "Name: foo_bar\nVersion: 1.0\n")
    finders = [*sys.meta_path, _Finder()] if not before else [_Finder(), *sys.meta_path]
    monkeypatch.setattr(sys, "meta_path", finders)
    assert version_on_path("foo-bar", [str(tmp_path)]) == ("1.0" if answers else None)


def _copy_code(destination: Path) -> Path:
    for relative in CODE_PATHS:
        source = PACKAGE_DIR / relative
        if source.is_dir():
            shutil.copytree(source, destination / relative,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / relative)
    return destination


def test_a_change_to_the_extraction_code_changes_the_code_digest(tmp_path: Path) -> None:
    package = _copy_code(tmp_path)
    assert code_digest(package) == code_digest(PACKAGE_DIR)
    deepest = max((package / "extract").rglob("*.py"), key=lambda p: len(p.parts))
    deepest.write_text(deepest.read_text() + "\n# one more line\n")
    assert code_digest(package) != code_digest(PACKAGE_DIR)


def test_a_change_to_a_rule_file_changes_the_extractor_version(tmp_path: Path) -> None:
    rules = tmp_path / "selectors"
    shutil.copytree(BUNDLED_DIR, rules)
    assert load_rules(rules).extractor_version == bundled_rules().extractor_version
    first = min(rules.glob("*.toml"))
    first.write_text(first.read_text() + "\n# a comment is enough: the bytes changed\n")
    assert load_rules(rules).extractor_version != bundled_rules().extractor_version


def test_records_and_rows_carry_the_version_of_the_rules_used(tmp_path: Path) -> None:
    url = "https://gazette.example/news/2024/05/01/tram-vote/"
    custom = tmp_path / "rules"
    custom.mkdir()
    (custom / "blog.toml").write_text('name = "blog"\nfingerprints = ["article"]\n')
    bundled, own = extract(PAGE, url), extract(PAGE, url, load_rules(custom))
    assert bundled.provenance.extractor_version == EXTRACTOR_VERSION
    assert own.provenance.extractor_version == load_rules(custom).extractor_version
    assert own.provenance.extractor_version != EXTRACTOR_VERSION
    with Store.open(tmp_path / "a.db") as store:
        store.save_article(own, site="gazette", fetch_id=None, seen_at="2024-05-01T10:00:00+00:00")
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT extractor_version FROM articles").fetchall() == [
            (own.provenance.extractor_version,)]

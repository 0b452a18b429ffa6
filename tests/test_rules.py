"""Site and template rules: validation, matching by domain and fingerprint, precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.errors import ConfigError
from scraper.extract.document import parse_document
from scraper.rules import BUNDLED_DIR, load_rule_file, load_rules

REPO_ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_selectors_folder_holds_data_only() -> None:
    """A package named `selectors` would shadow the standard library module asyncio needs."""
    folder = REPO_ROOT / "selectors"
    assert folder.is_dir()
    assert not list(folder.rglob("*.py")), "selectors/ must never contain Python files"
    assert not (folder / "__init__.py").exists()
    assert {p.suffix for p in folder.iterdir() if p.is_file()} <= {".toml", ".md"}


def test_stdlib_selectors_module_is_not_shadowed() -> None:
    import selectors

    assert hasattr(selectors, "DefaultSelector")


def test_bundled_rules_load_and_cover_the_common_templates() -> None:
    names = {entry.rules.name for entry in load_rules(BUNDLED_DIR).entries}
    assert {"wordpress", "ghost", "drupal", "arc-xp"} <= names


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = 'x'\nkind = 'blog'\nfingerprints = ['p']", "kind must be"),
        ("name = 'x'\nkind = 'site'", "needs at least one domain"),
        ("name = 'x'\nkind = 'template'", "needs at least one fingerprint"),
        ("name = 'x'\nfingerprints = ['p']\n[selectors]\nbody = ['div[']", "invalid CSS selector"),
        ("name = 'x'\nfingerprints = ['p']\n[selectors]\nbdy = ['div']", "unknown selector field"),
        ("name = 'x'\nfingerprints = ['p']\ncolour = 'red'", "unknown key"),
        ("name = 'x'\nfingerprints = 'p'\n[selectors]\nbody = 3", "must be a list of strings"),
        ("name = = 'x'", "cannot read rule file"),
    ],
)
def test_invalid_rule_files_are_refused_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_rule_file(write(tmp_path, "bad.toml", text))


def test_site_rule_wins_over_template_rule_field_by_field(tmp_path: Path) -> None:
    write(tmp_path, "cms.toml", """
name = "cms"
fingerprints = ["meta[name='generator'][content^='CMS']"]
[selectors]
headline = ["h1.cms-title"]
body = [".cms-body"]
strip = [".cms-share"]
""")
    write(tmp_path, "paper.toml", """
name = "paper"
kind = "site"
domains = ["paper.example"]
[selectors]
body = [".story"]
strip = [".promo"]
""")
    rules = load_rules(tmp_path)
    page = "<meta name='generator' content='CMS 5'><h1 class='cms-title'>T</h1>"
    on_site = rules.match(parse_document(page, "https://www.paper.example/a"))
    assert on_site is not None
    assert on_site.body == (".story",)              # the site's own selector
    assert on_site.headline == ("h1.cms-title",)    # inherited from the template
    assert set(on_site.strip) == {".promo", ".cms-share"}
    elsewhere = rules.match(parse_document(page, "https://other.example/a"))
    assert elsewhere is not None and elsewhere.name == "cms"
    assert rules.match(parse_document("<p>plain</p>", "https://other.example/a")) is None


def test_subdomains_match_but_lookalike_domains_do_not(tmp_path: Path) -> None:
    write(tmp_path, "paper.toml", "name='paper'\nkind='site'\ndomains=['paper.example']")
    rules = load_rules(tmp_path)
    assert rules.match(parse_document("<p>x</p>", "https://news.paper.example/a")) is not None
    assert rules.match(parse_document("<p>x</p>", "https://notpaper.example/a")) is None


def test_higher_priority_template_wins(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", "name='generic'\nfingerprints=['div']\npriority=1")
    write(tmp_path, "b.toml", "name='specific'\nfingerprints=['div.special']\npriority=5")
    rules = load_rules(tmp_path)
    match = rules.match(parse_document("<div class='special'>x</div>", None))
    assert match is not None and match.name == "specific"


@pytest.mark.parametrize(("page", "winner"), [
    ("<p class='low'>x</p>", "low"),
    ("<p class='low'>x</p><p class='mid'>y</p>", "mid"),  # the winner's mark comes later
    ("<p class='high'>x</p><p class='low'>y</p><p class='mid'>z</p>", "high"),
    ("<p class='mid'>x</p><p class='mid2'>y</p>", "mid"),  # equal priority: the first loaded
    ("<p class='mid2'>x</p><p class='low'>y</p>", "mid2"),
    ("<p class='none'>x</p>", None),
])
def test_the_highest_ranked_matching_template_wins_wherever_its_mark_lies(
        tmp_path: Path, page: str, winner: str | None) -> None:
    for name, priority in (("high", 9), ("mid", 5), ("mid2", 5), ("low", 1)):
        write(tmp_path, f"{name}.toml", f"name='{name}'\nfingerprints=['p.{name}', '#{name}-app']"
              f"\npriority={priority}")
    match = load_rules(tmp_path).match(parse_document(page, None))
    assert (match.name if match is not None else None) == winner


def test_a_template_matches_when_any_one_of_its_fingerprints_does(tmp_path: Path) -> None:
    write(tmp_path, "cms.toml", "name='cms'\nfingerprints=['#cms-app', 'aside.cms-rail, "
          "footer.cms', \"meta[name='generator'][content^='CMS' i]\"]")
    rules = load_rules(tmp_path)
    for page in ("<div id='cms-app'>x</div>", "<footer class='cms'>x</footer>",
                 "<meta name='generator' content='cms 5'><p>x</p>"):
        match = rules.match(parse_document(page, None))
        assert match is not None and match.name == "cms", page
    assert rules.match(parse_document("<div id='cms'><footer>x</footer></div>", None)) is None


EXAMPLES = [(entry.rules.name, example) for entry in load_rules(BUNDLED_DIR).entries
            for example in entry.examples]


def test_every_template_rule_has_examples() -> None:
    named = {name for name, _ in EXAMPLES}
    templates = {e.rules.name for e in load_rules(BUNDLED_DIR).entries if e.rules.kind == "template"}
    assert templates <= named


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{Path(e).stem}" for r, e in EXAMPLES])
def test_rule_examples_match_their_rule(rule: str, example: str) -> None:
    """Each example page is matched by its rule (its fields are checked by test_fixture_pages)."""
    import tomllib

    from scraper import extract

    expectation = REPO_ROOT / "tests" / "fixtures" / example
    spec = tomllib.loads(expectation.read_text(encoding="utf-8"))
    page = REPO_ROOT / spec["page"] if spec.get("page", "").startswith("scraper/") else \
        expectation.with_name(expectation.name.replace(".expected.toml", ".html"))
    article = extract(page.read_bytes(), url=spec.get("url"))
    assert article.provenance.rules is not None
    assert rule in article.provenance.rules.split("+")


def test_missing_folder_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_rules(tmp_path / "nope")

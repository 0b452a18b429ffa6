"""Site and template rules: load selectors/*.toml, validate them, match them to a page.

A rule file is data only::

    name = "wordpress"
    kind = "template"                       # or "site"
    domains = []                            # site rules: hosts they apply to (subdomains too)
    fingerprints = ["link[href*='/wp-content/']"]   # template rules: CSS, any one matching
    priority = 10                           # higher wins between matching templates

    [selectors]                             # every key optional, each a list of CSS selectors
    headline = ["h1.entry-title"]
    body = [".entry-content"]
    strip = [".sharedaddy"]

    # fixture expectations (under tests/fixtures/) of pages this rule must match; the test
    # suite checks that each matches this rule and gives its expected fields
    examples = ["pages/demo_tram_extension_vote.expected.toml"]

A site rule takes precedence over a template rule, field by field. A rule's reading is
evidence, not a verdict: for the body, the generic reading always runs too and the rule's
container stands only when it agrees with the page's prose (extract/body/rule_reading.py).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from .errors import ConfigError
from .extractor_version import digest_files, extractor_version
from .models import SiteRules

_PACKAGE_DIR = Path(__file__).resolve().parent
# Installed wheels carry the rules inside the package; a source checkout keeps them at the top.
BUNDLED_DIR = next((p for p in (_PACKAGE_DIR / "bundled_selectors", _PACKAGE_DIR.parent / "selectors")
                    if p.is_dir()), _PACKAGE_DIR.parent / "selectors")
SELECTOR_FIELDS = ("headline", "published", "modified", "authors", "body", "credit",
                   "related", "tags", "strip")
_TOP_KEYS = {"name", "kind", "domains", "fingerprints", "priority", "selectors", "examples",
             "description"}


@dataclass(frozen=True)
class LoadedRule:
    """A rule with its priority and the examples its file ships."""

    rules: SiteRules
    priority: int = 0
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """Every loaded rule; `match` picks the rules that apply to one page."""

    entries: tuple[LoadedRule, ...] = field(default_factory=tuple)
    digest: str = ""  # of the rule files' names and bytes: part of the extractor version

    @property
    def extractor_version(self) -> str:
        """The version of the extractor running with these rules (see extractor_version.py)."""
        return extractor_version(self.digest)

    def match(self, document: Any) -> SiteRules | None:
        """Return the site rule merged over the best matching template rule, or None."""
        site = self._site_rule(document.url)
        template = self._template_rule(document.tree)
        if site and template:
            return merge_rules(site, template)
        return site or template

    def _site_rule(self, url: str | None) -> SiteRules | None:
        host = (urlsplit(url).hostname or "").lower() if url else ""
        if not host:
            return None
        for entry in self.entries:
            rule = entry.rules
            if rule.kind == "site" and any(host == d or host.endswith("." + d) for d in rule.domains):
                return rule
        return None

    def _template_rule(self, tree: LexborHTMLParser) -> SiteRules | None:
        """The first template, by priority, that one of whose fingerprints matches."""
        ranked = sorted((e for e in self.entries if e.rules.kind == "template"),
                        key=lambda e: -e.priority)
        # A query that finds nothing walks the whole tree, one that finds something stops
        # there: the templates are asked together, then the ones ranked above a match, until
        # those find nothing (most pages match none: one walk instead of one per template).
        if not ranked or not matches_any(tree, _fingerprints(ranked)):
            return None
        while len(ranked) > 1 and matches_any(tree, _fingerprints(ranked[:-1])):
            ranked = ranked[:-1]  # one of those above the last matches: the first is among them
        return ranked[-1].rules


def _fingerprints(entries: list[LoadedRule]) -> tuple[str, ...]:
    """The fingerprints of all the rules."""
    return tuple(selector for entry in entries for selector in entry.rules.fingerprints)


def matches_any(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> bool:
    """True when any selector matches: one walk of the tree for the list, not one for each."""
    try:
        return tree.css_first(", ".join(selectors)) is not None
    except Exception:  # noqa: BLE001 - an empty list, or a selector lexbor refuses: one by one
        return any(_matches(tree, selector) for selector in selectors)


def _matches(tree: LexborHTMLParser, selector: str) -> bool:
    try:
        return tree.css_first(selector) is not None
    except Exception:  # noqa: BLE001 - validated at load time; never fail a page on it
        return False


def merge_rules(primary: SiteRules, fallback: SiteRules) -> SiteRules:
    """Take each selector list from primary when it has one, else from fallback."""
    merged = {name: getattr(primary, name) or getattr(fallback, name) for name in SELECTOR_FIELDS}
    merged["strip"] = tuple(dict.fromkeys(primary.strip + fallback.strip))
    return replace(primary, name=f"{primary.name}+{fallback.name}", **merged)


def load_rule_file(path: Path) -> LoadedRule:
    """Load and validate one rule file; raise ConfigError naming the file and the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path.name}: cannot read rule file: {error}") from error
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{path.name}: unknown key(s) {', '.join(sorted(unknown))}")
    name = data.get("name") or path.stem
    kind = data.get("kind", "template")
    if kind not in ("site", "template"):
        raise ConfigError(f"{path.name}: kind must be 'site' or 'template', not {kind!r}")
    selectors = data.get("selectors", {})
    bad = set(selectors) - set(SELECTOR_FIELDS)
    if bad:
        raise ConfigError(f"{path.name}: unknown selector field(s) {', '.join(sorted(bad))}")
    values = {key: _selector_list(path, key, selectors.get(key, [])) for key in SELECTOR_FIELDS}
    rules = SiteRules(
        name=name, kind=kind,
        domains=tuple(d.lower().lstrip(".") for d in _string_list(path, "domains", data.get("domains", []))),
        fingerprints=_selector_list(path, "fingerprints", data.get("fingerprints", [])),
        source_file=str(path), **values,
    )
    if kind == "site" and not rules.domains:
        raise ConfigError(f"{path.name}: a site rule needs at least one domain")
    if kind == "template" and not rules.fingerprints:
        raise ConfigError(f"{path.name}: a template rule needs at least one fingerprint")
    return LoadedRule(rules=rules, priority=int(data.get("priority", 0)),
                      examples=_string_list(path, "examples", data.get("examples", [])))


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path.name}: {key} must be a list of strings")
    return tuple(value)


def _selector_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    selectors = _string_list(path, key, value)
    for selector in selectors:
        try:
            _probe().css_first(selector)
        except Exception as error:
            raise ConfigError(f"{path.name}: {key}: invalid CSS selector {selector!r}") from error
    return selectors


@lru_cache(maxsize=1)
def _probe() -> LexborHTMLParser:
    """An empty document that selectors are tried on (one for every file and field)."""
    return LexborHTMLParser("<html><body></body></html>")


def load_rules(directory: Path) -> RuleSet:
    """Load every *.toml rule file in a folder, in name order."""
    if not directory.is_dir():
        raise ConfigError(f"selectors folder not found: {directory}")
    paths = sorted(directory.glob("*.toml"))
    entries = tuple(load_rule_file(path) for path in paths)
    return RuleSet(entries, digest_files((path.name, path.read_bytes()) for path in paths))


def rules_for(directory: Path | None) -> RuleSet:
    """The rules of a folder given by the user, or the bundled ones."""
    return load_rules(directory) if directory is not None else bundled_rules()


@lru_cache(maxsize=1)
def bundled_rules() -> RuleSet:
    """Return the rules shipped in selectors/ (empty when the folder is absent)."""
    return load_rules(BUNDLED_DIR) if BUNDLED_DIR.is_dir() else RuleSet()



"""The article's authors, one person per entry, in byline order, decided by evidence.

Witnesses: a site rule (a site's own selectors win outright), the page's data (JSON-LD
`author` of the article, else author meta tags: `structured`) and the visible byline (the one
under the headline, else the first marked byline on the page: `bylines`).

- Data and visible byline agreeing on a name is the strong case: their names are merged (the
  byline often lists a co-author the data leaves out, and the data one the byline splits oddly).
- When they disagree, the byline under the headline wins if it signs persons ("By Jane Doe",
  "Autor: ...": the CMS account that filed the story is often someone else) or if the data
  names only single words ("KatieS"); else the data wins. A byline found away from the
  headline never outvotes the data.
- A name the page credits for something else ("Reviewed by", "Editor:", "Photos by") is not an
  author, whatever the data says.
- Organisations, desks, accounts and the site's own name are not persons: they stand only when
  nobody at all is named (then the byline's outlet, an agency like "AP" or "dpa", or the site
  is the author, as the page says).
"""

from __future__ import annotations

from ...models import SiteRules
from ..document import Document, squash
from ..headline.site import host_key, site_names
from .bylines import visible_byline
from .names import is_handle, names_from_byline
from .reading import Byline
from .structured import Credits, jsonld_credits, meta_credits, unique


def extract_authors(document: Document, rules: SiteRules | None,
                    headline: str | None = None) -> list[str]:
    """Return the article's authors, one name per entry, in page order, without duplicates."""
    names = site_names(document) + [host_key(document)]
    rule_selectors = rules.authors if rules is not None else ()
    if rules is not None and rules.kind == "site" and rule_selectors:
        found = _site_rule_people(document, rule_selectors, names)
        if found:
            return found
        rule_selectors = ()
    data = jsonld_credits(document, names)
    if not data.people:
        meta = meta_credits(document, names)
        data = Credits(meta.people, data.others or meta.others)
    byline = visible_byline(document, names, headline, rule_selectors,
                            signatures=not data.people)   # a far byline never outvotes data
    people = _decide(data, byline)
    if people:
        return people
    return _organisations(data, byline)


def _site_rule_people(document: Document, selectors: tuple[str, ...],
                      names: list[str]) -> list[str]:
    found: list[str] = []
    for selector in selectors:
        for node in document.tree.css(selector):
            text = node.attributes.get("content") if node.tag == "meta" else node.text(separator=" ")
            found.extend(names_from_byline(text or "", names, single_ok=True))
    return unique(found)


def _decide(data: Credits, byline: Byline) -> list[str]:
    """The authors by the weight of the witnesses (see the module's docstring)."""
    excluded = byline.not_authors
    listed = [name for name in data.people if squash(name) not in excluded]
    shown = [name for name in byline.people if squash(name) not in excluded]
    if not listed:
        return unique(shown)
    if not shown:
        return unique(listed)
    if any(_same_person(a, b) for a in listed for b in shown):
        return _merge(listed, shown) if byline.near else unique(listed)
    if byline.near and _outweighs(shown, listed, byline.signed):
        return unique(shown)
    return unique(listed)


def _outweighs(shown: list[str], listed: list[str], signed: bool) -> bool:
    """True when the byline at the headline outweighs data naming somebody else: it names
    persons, not accounts, and either signs them ("By Jane Doe") or the data names only
    single words ("KatieS", "Heryadi")."""
    if any(is_handle(name) for name in shown):
        return False
    return signed or all(" " not in name for name in listed)


def _merge(listed: list[str], shown: list[str]) -> list[str]:
    """The byline's names in its order (the data's spelling where both name one person),
    then the data's names the byline left out."""
    merged = [next((a for a in listed if _same_person(a, b)), b) for b in shown]
    merged.extend(a for a in listed if not any(_same_person(a, b) for b in merged))
    return unique(merged)


def _same_person(first: str, second: str) -> bool:
    """True when two spellings name one person ("Dr Jane Doe", "JANE DOE", "Jane Doe")."""
    a, b = squash(first), squash(second)
    if a == b:
        return True
    words_a, words_b = set(first.casefold().split()), set(second.casefold().split())
    shorter, longer = sorted((words_a, words_b), key=len)
    return len(shorter) >= 2 and shorter <= longer


def _organisations(data: Credits, byline: Byline) -> list[str]:
    """What the byline names when it names no person: the visible byline's outlet first."""
    if byline.near and byline.others:
        return unique(byline.others)
    return unique(data.others or byline.others)

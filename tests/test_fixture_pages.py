"""Every fixture page against its hand-written expectation (see tests/fixtures/README.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from scraper import extract

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures"
EXPECTATIONS = sorted(FIXTURES.rglob("*.expected.toml"))


def _page_path(expectation: Path, spec: dict[str, Any]) -> Path:
    page = spec.get("page")
    if not page:
        return expectation.with_name(expectation.name.replace(".expected.toml", ".html"))
    return REPO_ROOT / page if page.startswith("scraper/") else FIXTURES / page


def _matches(found: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        got = found.get(key)
        if key == "speaker_unknown":
            if value and found.get("speaker") is not None:
                return False
        elif key == "text":
            if not (got or "").startswith(value):
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_page(expectation: Path) -> None:
    spec = tomllib.loads(expectation.read_text(encoding="utf-8"))
    html = _page_path(expectation, spec).read_bytes()
    if spec.get("url"):  # demo-site pages name their own origin as a placeholder
        origin = "/".join(spec["url"].split("/")[:3])
        html = html.replace(b"{{BASE_URL}}", origin.encode())
    article = extract(html, url=spec.get("url"))
    record = article.to_dict()
    expect = dict(spec.get("expect", {}))
    problems: list[str] = [f"extractor step failed: {w}" for w in article.provenance.warnings
                           if " failed: " in w]

    for field in ("published_at_source", "modified_at_source", "rules"):
        if field in expect:
            got = getattr(article.provenance, field)
            if got != expect.pop(field):
                problems.append(f"{field}: got {got!r}")
    for field in ("images", "quotes", "related"):
        if field not in expect:
            continue
        wanted = expect.pop(field)
        found = record[field]
        if field == "images":
            missing = [w for w in wanted if not any(_matches(f, w) for f in found)]
            if missing:
                problems.append(f"images: missing {missing}; found {found}")
        elif len(found) != len(wanted) or not all(_matches(f, w) for f, w in zip(found, wanted)):
            problems.append(f"{field}: expected {wanted}; found {found}")
    for field, value in expect.items():
        if record[field] != value:
            problems.append(f"{field}: expected {value!r}, got {record[field]!r}")
    body = spec.get("body", {})
    for snippet in body.get("contains", []):
        if snippet not in record["body"]:
            problems.append(f"body lacks {snippet!r}")
    for snippet in body.get("excludes", []):
        if snippet in record["body"]:
            problems.append(f"body leaks {snippet!r}")
    assert not problems, "\n".join(problems)

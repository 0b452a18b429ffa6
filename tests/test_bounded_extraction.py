"""extract() in a helper process: a helper lost between pages costs no page, and one that
cannot be started fails the page with the reason and leaves no socket open."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scraper.bounded_extraction import BoundedExtractor
from scraper.rules import bundled_rules

URL = "https://news.example/2024/05/03/harbour-clean-up/"
PAGE = ("<html><body><article><h1>Harbour clean-up</h1>"
        + "<p>Volunteers cleared the harbour of rubbish on a bright Saturday morning.</p>" * 6
        + "</article></body></html>")


def test_a_helper_killed_between_pages_is_replaced_and_the_next_page_is_read() -> None:
    with BoundedExtractor(bundled_rules(), 60) as extractor:
        first = extractor.extract(PAGE, URL)
        helper = extractor._helper
        assert helper is not None
        os.kill(helper.process.pid, signal.SIGKILL)  # the OOM killer, an operator
        helper.process.wait()
        second = extractor.extract(PAGE, URL)
    assert not first.is_empty
    assert second.body == first.body and not second.provenance.warnings


def _open_descriptors() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc (Linux)")
def test_a_helper_that_cannot_start_fails_the_page_and_leaves_nothing_open(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    before = _open_descriptors()
    with BoundedExtractor(bundled_rules(), 60) as extractor:
        article = extractor.extract(PAGE, URL)
    assert article.is_empty
    assert article.provenance.warnings == (
        "the extraction process failed (Resource temporarily unavailable)",)
    assert _open_descriptors() == before

"""extract() in a helper process: a helper lost between pages costs no page, and one that
cannot be started fails the page with the reason and leaves no socket open."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
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


def _giant(paragraphs: int) -> str:
    text = "The council met on Tuesday evening to discuss the harbour plan, once again."
    return ("<html><body><article><h1>Giant</h1>"
            + "".join(f"<p>Paragraph {number}. {text}</p>" for number in range(paragraphs))
            + "</article></body></html>")


def test_one_page_in_this_process_is_given_up_when_the_alarm_rings() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with BoundedExtractor(bundled_rules(), 0.2, in_process=True) as extractor:
        given_up = extractor.extract(_giant(30_000), URL)
        read = extractor.extract(PAGE, URL)
        assert extractor._helper is None  # no second interpreter was started
    assert given_up.is_empty
    assert given_up.provenance.warnings == ("extraction timed out after 0.2 s",)
    assert not read.is_empty and not read.provenance.warnings
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left running
    assert signal.getsignal(signal.SIGALRM) == before  # the handler it found is back


def test_a_ring_that_lands_in_a_gc_callback_is_not_lost_there() -> None:
    """Python discards an exception raised in a gc callback (hypothesis installs one) and
    reports it as unraisable: a ring there must wait for the extractor's own code."""
    unraisable: list[Any] = []

    def busy_callback(phase: str, info: dict[str, int]) -> None:  # most rings land in here
        deadline = time.perf_counter() + 0.001
        while time.perf_counter() < deadline:
            pass

    hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    gc.callbacks.append(busy_callback)
    try:
        with BoundedExtractor(bundled_rules(), 0.2, in_process=True) as extractor:
            given_up = extractor.extract(_giant(30_000), URL)
    finally:
        gc.callbacks.remove(busy_callback)
        sys.unraisablehook = hook
    assert given_up.provenance.warnings == ("extraction timed out after 0.2 s",)
    assert unraisable == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_page_that_keeps_a_called_library_busy_is_given_up_inside_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A ring that lands in code of a library the extractors call with the page (trafilatura,
    dateparser...) stops the page there, not only once the library returns."""
    import importlib

    finished: list[bool] = []
    library: dict[str, Any] = {"__name__": "trafilatura.busy_part", "time": time,
                               "finished": finished}
    exec("def read_for_long(*args, **kwargs):\n"  # noqa: S102 - a function of that library's name
         "    deadline = time.perf_counter() + 5\n"
         "    while time.perf_counter() < deadline:\n"
         "        pass\n"
         "    finished.append(True)\n", library)
    composer = importlib.import_module("scraper.extract")
    monkeypatch.setattr(composer.metadata, "extract_tags", library["read_for_long"])
    with BoundedExtractor(bundled_rules(), 0.2, in_process=True) as extractor:
        given_up = extractor.extract(PAGE, URL)
    assert given_up.provenance.warnings == ("extraction timed out after 0.2 s",)
    assert finished == []  # stopped inside the library, before its loop ran out
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)

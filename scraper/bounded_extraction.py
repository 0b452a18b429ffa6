"""extract() under a time limit, for code that extracts pages one after another and waits.

`scraper extract`, `reextract` and the tasks of `ingest` (run in this process, in local worker
processes or on Dask workers) extract a page and wait for it; a hostile page (200,000 nested
elements) can take minutes. Here the page goes to a helper process, which is killed when it
takes longer than the limit: the page becomes an empty record saying so ("extraction timed
out after 60 s") and the next page goes to a new helper. Warming a helper up does not count
against a page. One page in the foreground (`scraper extract`) is bounded in this process
instead, by an alarm signal that stops the extraction at a step of the extractors' own code
or of a library they call with the page (never in an import, a gc callback, a finaliser or
an unrelated library): every parser of page input is linear
and nesting is cut before lexbor sees it, so no step runs long, and a second interpreter would
double the command's start-up.

The helper is a program of its own (`python -c`), not a multiprocessing child: a Dask worker
is a daemon process, and multiprocessing refuses those children. It answers over a socket
with the crawl's extraction worker (extraction_worker.serve), and leaves when the socket
closes, so it ends with the process that started it. With no limit (0 or None), extract()
runs in the calling process: nothing could stop it there.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .extraction_worker import TaskFailure
from .models import Article, Provenance
from .rules import RuleSet

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from types import FrameType

STARTUP_TIMEOUT = 120.0  # seconds a helper may take to start and import the extractors
_HELPER_CODE = "import sys\nfrom scraper.extraction_worker import serve_socket\n" \
               "serve_socket(int(sys.argv[1]))"
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)


class BoundedExtractor:
    """Extracts pages in a helper process that is replaced when a page overruns `timeout`."""

    def __init__(self, rules: RuleSet, timeout: float | None, in_process: bool = False) -> None:
        self.rules = rules
        self.timeout = timeout or None
        self.in_process = in_process and _alarm_available()
        self._helper: _Helper | None = None

    def extract(self, content: bytes | str, url: str | None,
                content_type: str | None = None) -> Article:
        """The page's record; one that overruns, or whose helper dies, is empty with the reason."""
        if self.timeout is None:
            from .extract import extract  # the helper imports the extractors, not this process

            return extract(content, url, self.rules, content_type)
        if self.in_process:
            return _extract_before_alarm(self.rules, self.timeout, content, url, content_type)
        import pickle  # the helper's modules load only when a helper is used

        if self._helper is not None and self._helper.process.poll() is not None:
            self.close()  # it died while idle (killed from outside): the page goes to a new one
        try:
            self._helper = self._helper or _Helper(self.rules)
            result = self._helper.call(("extract", (content, url, content_type)), self.timeout)
        except TimeoutError:
            self.close()
            return failed_article(url, f"extraction timed out after {self.timeout:g} s")
        except (EOFError, OSError, pickle.PickleError) as error:
            self.close()
            reason = str(error) or type(error).__name__
            return failed_article(url, f"the extraction process failed ({reason})")
        if isinstance(result, TaskFailure):
            return failed_article(url, f"extraction failed: {result.reason}")
        article: Article = result
        return article

    def close(self) -> None:
        """Stop the helper (a new one starts with the next page)."""
        helper, self._helper = self._helper, None
        if helper is not None:
            helper.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Helper:
    """One helper process and the socket to it."""

    def __init__(self, rules: RuleSet) -> None:
        import pickle
        import socket
        import subprocess
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [_PACKAGE_ROOT, environment.get("PYTHONPATH")]))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _HELPER_CODE, str(theirs.fileno())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=environment,
                start_new_session=True)  # a Ctrl+C in the terminal reaches its parent only
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.connection: Connection = Connection(ours.detach())
        try:
            self.connection.send_bytes(pickle.dumps(rules, pickle.HIGHEST_PROTOCOL))
            if not self.connection.poll(STARTUP_TIMEOUT):
                raise OSError(f"it did not start within {STARTUP_TIMEOUT:g} s")
            self.connection.recv_bytes()  # "ready"
        except BaseException:
            self.stop()
            raise

    def call(self, message: tuple[str, tuple[Any, ...]], timeout: float) -> Any:
        """Send one task; raise TimeoutError when its answer takes longer than `timeout`."""
        import pickle

        self.connection.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
        if not self.connection.poll(timeout):
            raise TimeoutError
        return pickle.loads(self.connection.recv_bytes())

    def stop(self) -> None:
        """End the process at once (one busy with a page would not read its socket)."""
        self.connection.close()
        self.process.kill()
        self.process.wait()


class _TimeUp(BaseException):
    """Raised by the alarm inside extract(): not an Exception, so no field's guard keeps it."""


RING_AGAIN = 0.02  # seconds between rings once the time is up, until one lands where it may raise
# The extractors' code, as their frames name it (the path they were imported from, unresolved).
_EXTRACTOR_DIR = os.path.join(os.path.dirname(__file__), "extract", "")
# The libraries the extractors call with page input (and their own dependencies), whose code a
# ring may stop too: a page that keeps one of them busy is given up on time, not after it.
_CALLED_LIBRARIES = frozenset({"trafilatura", "htmldate", "courlan", "justext", "lxml",
                               "dateparser", "dateutil", "regex", "charset_normalizer"})


def _alarm_available() -> bool:
    """An interval alarm exists (not on Windows) and this is the main thread (signals go there)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Alarm:
    """Rings once the time is up, and again every RING_AGAIN seconds until stopped; a ring
    raises _TimeUp only where that stops the extraction cleanly (see _stops_cleanly)."""

    def __init__(self) -> None:
        self.caller: FrameType | None = None  # the frame that runs extract(), while armed

    def ring(self, signum: int, frame: FrameType | None) -> None:
        if self.caller is not None and _stops_cleanly(frame, self.caller):
            raise _TimeUp

    def start(self, timeout: float, caller: FrameType) -> None:
        self.caller = caller
        signal.setitimer(signal.ITIMER_REAL, timeout, RING_AGAIN)

    def stop(self) -> None:
        """Disarm and stop the timer (a ring in here never raises: this is not extractor code)."""
        self.caller = None
        signal.setitimer(signal.ITIMER_REAL, 0)


def _stops_cleanly(frame: FrameType | None, caller: FrameType) -> bool:
    """Whether an exception raised in `frame` would stop the extraction and nothing else: the
    frame runs the extractors' own code or a library they call with the page, called from
    `caller` with no import in between, and is no finaliser.

    A ring can come between any two Python steps. Elsewhere the exception would be lost (a gc
    callback or a finaliser, where Python discards it, as in pytest's hook that reports such
    ones), would leave a module half-imported or an unrelated library's state half-updated,
    or would escape from our own clean-up after the page was read."""
    if frame is None or frame.f_code.co_name == "__del__" or not _interruptible(frame):
        return False
    while frame is not None and frame is not caller:
        if frame.f_code.co_name == "<module>":  # a module's code runs only while it is imported
            return False
        frame = frame.f_back
    return frame is caller


def _interruptible(frame: FrameType) -> bool:
    """Whether the frame runs the extractors' code or that of a library they call."""
    if frame.f_code.co_filename.startswith(_EXTRACTOR_DIR):
        return True
    module = frame.f_globals.get("__name__")
    return isinstance(module, str) and module.partition(".")[0] in _CALLED_LIBRARIES


def _extract_before_alarm(rules: RuleSet, timeout: float, content: bytes | str,
                          url: str | None, content_type: str | None) -> Article:
    """extract() in this process, given up when an alarm rings after `timeout` seconds."""
    from .extract import extract

    alarm = _Alarm()
    previous = signal.signal(signal.SIGALRM, alarm.ring)
    try:
        alarm.start(timeout, sys._getframe())
        return extract(content, url, rules, content_type)
    except _TimeUp:  # also when it rang just as the page was done: the page is given up
        pass
    finally:
        alarm.stop()
        signal.signal(signal.SIGALRM, previous)
    return failed_article(url, f"extraction timed out after {timeout:g} s")


def failed_article(url: str | None, reason: str) -> Article:
    """An empty record whose warning gives the reason there is no article."""
    return Article(url=url, provenance=Provenance(warnings=(reason,)))


def extract_within(rules: RuleSet, timeout: float | None, content: bytes | str, url: str | None,
                   content_type: str | None) -> Article:
    """A worker's task: the page's record, extracted within `timeout` seconds."""
    return extractor_for(rules, timeout).extract(content, url, content_type)


_THREAD = threading.local()
_ALL: list[BoundedExtractor] = []


def extractor_for(rules: RuleSet, timeout: float | None) -> BoundedExtractor:
    """This thread's extractor for these rules and limit: a worker that runs task after task
    keeps its helper between them."""
    key = (rules.digest, timeout or None)
    kept: dict[tuple[str, float | None], BoundedExtractor] = _THREAD.__dict__.setdefault("kept", {})
    if key not in kept:
        kept[key] = BoundedExtractor(rules, timeout)
        _ALL.append(kept[key])
    return kept[key]


@atexit.register
def _close_all() -> None:
    for extractor in _ALL:
        extractor.close()

"""Extraction off the event loop: in worker processes that can be stopped, or in a thread.

Extraction is a pure function of (html, url), so it can run anywhere. With `workers=N` (N >= 1)
it runs in N processes forked from a fork server that imported the extractors once (a new
worker is ready in milliseconds), each in a session of its own: a Ctrl+C in the terminal
reaches the crawl only, which then stops them. The crawl process fetches, archives and stores
while they extract; each has a pipe of its own that the event loop watches, so no helper
thread competes with the loop. A page that takes longer than
`timeout` seconds has its worker killed and comes back as an empty record whose warning says
so ("extraction timed out after 30 s"); a worker that dies fails only its page. A worker is
replaced after WORKER_TASKS pages, so whatever a parser leaks cannot grow with a crawl.

With `workers=0` extraction runs in a thread of the crawl process: least memory, but a thread
cannot be stopped, so no time limit applies (for trusted pages only).

The same workers read feeds, sitemaps and listing pages for discovery (`discover`), under the
same time limit: no parser of server input runs on the event loop.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import re
import threading
from collections.abc import Sequence
from typing import Any, Self, TypeAlias

from .discover import Discovery
from .extraction_tasks import TASKS
from .extraction_worker import TaskFailure, serve_forked
from .models import Article, Page, Provenance
from .rules import RuleSet, bundled_rules

WORKER_TASKS = 2000     # pages an extraction process handles before it is replaced
STARTUP_TIMEOUT = 120.0  # seconds a new process may take to import and warm up


_Slot: TypeAlias = "_Worker | asyncio.Future[_Worker] | None"


class TaskTimeout(Exception):
    """A page took longer than the pool's time limit; its worker was killed."""


class WorkerFailed(Exception):
    """The worker process died or could not be reached; it was replaced."""


class ExtractionPool:
    """Runs extract() (and discovery) in N stoppable worker processes, or in a thread (N=0)."""

    def __init__(self, workers: int = 0, rules: RuleSet | None = None, *,
                 timeout: float | None = None) -> None:
        self.workers = workers
        self.rules = rules if rules is not None else bundled_rules()
        self.timeout = timeout if workers and timeout else None  # a thread cannot be stopped
        self._idle: asyncio.Queue[_Slot] | None = None
        self._all: list[_Worker] = []
        self._lock = threading.Lock()  # workers are started in threads
        self._closed = False

    def start(self) -> None:
        """Start the worker processes now, in the background, rather than at the first page
        (the first start also starts the fork server, which imports the extractors)."""
        idle = self._idle_workers()
        for _ in range(idle.qsize()):
            slot = idle.get_nowait()
            if slot is None:
                slot = asyncio.ensure_future(asyncio.to_thread(self._start))
                slot.add_done_callback(_consume)  # a start refused after close is no news
            idle.put_nowait(slot)

    async def extract(self, page: Page) -> Article:
        """Extract the article of a fetched page; a failure gives an empty record saying why."""
        arguments = (page.content, page.final_url, page.headers.get("content-type"))
        try:
            result = await self._run("extract", arguments)
        except TaskTimeout:
            return _failed_article(page, f"extraction timed out after {self.timeout:g} s")
        except WorkerFailed as error:
            return _failed_article(page, f"the extraction process failed ({error})")
        if isinstance(result, TaskFailure):
            return _failed_article(page, f"extraction failed: {result.reason}")
        article: Article = result
        return article

    async def discover(self, page: Page, article_patterns: Sequence[re.Pattern[str]] = (),
                       max_urls: int | None = None) -> Discovery:
        """Read a fetched feed, sitemap or listing page; a failure gives its reason as problem."""
        try:
            result = await self._run("discover", (page, tuple(article_patterns), max_urls))
        except TaskTimeout:
            return Discovery(problem=f"reading the document timed out after {self.timeout:g} s")
        except WorkerFailed as error:
            return Discovery(problem=f"the extraction process failed ({error})")
        if isinstance(result, TaskFailure):
            return Discovery(problem=f"cannot read the document: {result.reason}")
        discovery: Discovery = result
        return discovery

    async def _run(self, task: str, arguments: tuple[Any, ...]) -> Any:
        if not self.workers:
            return await asyncio.to_thread(TASKS[task], self.rules, *arguments)
        idle = self._idle_workers()
        worker = await self._ready_worker(await idle.get())
        try:
            result = await worker.call(task, arguments, self.timeout)
        except TimeoutError as error:
            self._retire(worker, kill=True)
            raise TaskTimeout from error
        except (EOFError, OSError, pickle.PickleError) as error:
            self._retire(worker)
            raise WorkerFailed(type(error).__name__) from error
        except BaseException:  # cancelled mid-page: its answer would reach the next caller
            self._retire(worker, kill=True)
            raise
        if worker.tasks >= WORKER_TASKS:
            self._retire(worker)
        else:
            idle.put_nowait(worker)
        return result

    async def _ready_worker(self, slot: _Slot) -> _Worker:
        """The worker of an idle slot, started (off the event loop) when it is not yet."""
        try:
            if isinstance(slot, _Worker):
                return slot
            return await (slot if slot is not None else asyncio.to_thread(self._start))
        except OSError as error:  # no process could be started: this task fails, not the run
            self._idle_workers().put_nowait(None)
            raise WorkerFailed(f"cannot start: {error}") from error

    def _idle_workers(self) -> asyncio.Queue[_Slot]:
        """The queue of idle workers; None stands for one not started yet (started on use),
        a future for one being started."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.workers):
                self._idle.put_nowait(None)
        return self._idle

    def _start(self) -> _Worker:
        """Start one worker (blocks until the fork server has forked it: call in a thread)."""
        worker = _Worker(self.rules)
        with self._lock:
            if self._closed:
                worker.stop()
                raise OSError("the pool is closed")
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        """Stop (or kill) a worker and leave its place to a new one, started when needed."""
        if kill:
            worker.kill()
        else:
            worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        if self._idle is not None:
            self._idle.put_nowait(None)

    def close(self) -> None:
        """Stop the worker processes (one still starting stops as soon as it has started)."""
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Worker:
    """One extraction process and the pipe to it."""

    def __init__(self, rules: RuleSet) -> None:
        context = multiprocessing.get_context("forkserver")
        # The fork server imports the extractors once; each worker is forked from it ready to
        # go. Not "__main__": a script that crawls without a main guard must not run twice.
        context.set_forkserver_preload(["scraper.extraction_tasks", "scraper.discover"])
        self.connection, child = context.Pipe()
        self.process = context.Process(target=serve_forked, args=(child, rules), daemon=True)
        self.process.start()
        child.close()
        self.tasks = 0
        self.ready = False

    async def call(self, task: str, arguments: tuple[Any, ...], timeout: float | None) -> Any:
        """Send one task and wait, without blocking the loop, at most `timeout` s for its answer."""
        if not self.ready:  # starting and importing takes a while: not part of a page's time
            await asyncio.wait_for(self._readable(), STARTUP_TIMEOUT)
            self.connection.recv_bytes()
            self.ready = True
        self.tasks += 1
        self.connection.send_bytes(pickle.dumps((task, arguments), pickle.HIGHEST_PROTOCOL))
        await asyncio.wait_for(self._readable(), timeout)
        return pickle.loads(self.connection.recv_bytes())

    async def _readable(self) -> None:
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        descriptor = self.connection.fileno()
        loop.add_reader(descriptor, lambda: ready.done() or ready.set_result(None))
        try:
            await ready
        finally:
            loop.remove_reader(descriptor)

    def stop(self) -> None:
        """End the process: it leaves when its pipe closes; one that does not is killed."""
        if not self.connection.closed:
            self.connection.close()
        self.process.join(1)
        if self.process.is_alive():
            self.kill()

    def kill(self) -> None:
        """End the process at once (a page that never finishes does not read its pipe)."""
        if not self.connection.closed:
            self.connection.close()
        self.process.kill()
        self.process.join()


def stop_fork_server() -> None:
    """Stop the fork server the workers come from, once no pool is in use: it and the workers
    it forked are then counted in this process's resource usage (for benchmarks). A new one
    starts when a pool next needs a worker."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # the way the standard library's own tests stop it


def _consume(future: asyncio.Future[_Worker]) -> None:
    if not future.cancelled():
        future.exception()


def _failed_article(page: Page, reason: str) -> Article:
    return Article(url=page.final_url, provenance=Provenance(warnings=(reason,)))

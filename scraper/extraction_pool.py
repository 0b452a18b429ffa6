"""Extraction off the event loop: in a thread, or in worker processes on other cores.

Extraction is a pure function of (html, url), so it can run anywhere. With `workers=0` it runs
in a thread of the crawl process (least memory; the GIL makes fetching and extracting take
turns). With `workers=N` it runs in N processes started with spawn: the crawl process fetches,
archives and stores while the others extract. Each worker has a pipe of its own that the event
loop watches, so no helper thread competes with the loop; a worker that dies (a crash in a
parser) fails only the page it was given, and is replaced. A worker is also replaced after
WORKER_TASKS pages, so whatever a parser leaks cannot grow with the length of a crawl.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
from multiprocessing.connection import Connection
from typing import Self

from .extract import extract
from .models import Article, Page, Provenance
from .rules import RuleSet, bundled_rules

WORKER_TASKS = 2000  # pages an extraction process handles before it is replaced
WARM_UP_PAGE = "<html><body><p>warm up</p></body></html>"


class ExtractionPool:
    """Runs extract() in a thread of this process (workers=0) or in N worker processes."""

    def __init__(self, workers: int = 0, rules: RuleSet | None = None) -> None:
        self.workers = workers
        self.rules = rules if rules is not None else bundled_rules()
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []

    async def extract(self, page: Page) -> Article:
        """Extract the article of a fetched page."""
        arguments = (page.content, page.final_url, page.headers.get("content-type"))
        if not self.workers:
            return await asyncio.to_thread(_extract, self.rules, *arguments)
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.workers):
                self._idle.put_nowait(self._start())
        worker = await self._idle.get()
        try:
            article = await worker.call(arguments)
        except (EOFError, OSError, pickle.PickleError) as error:
            self._idle.put_nowait(self._replace(worker))
            return Article(url=page.final_url, provenance=Provenance(
                warnings=(f"the extraction process failed ({type(error).__name__})",)))
        except BaseException:  # cancelled mid-page: its answer would reach the next caller
            self._idle.put_nowait(self._replace(worker))
            raise
        self._idle.put_nowait(self._replace(worker) if worker.tasks >= WORKER_TASKS else worker)
        return article

    def _start(self) -> _Worker:
        worker = _Worker(self.rules)
        self._all.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        self._all.remove(worker)
        return self._start()

    def close(self) -> None:
        """Stop the worker processes."""
        for worker in self._all:
            worker.stop()
        self._all.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Worker:
    """One extraction process and the pipe to it."""

    def __init__(self, rules: RuleSet) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, rules), daemon=True)
        self.process.start()
        child.close()
        self.tasks = 0
        self.ready = False

    async def call(self, arguments: tuple[object, ...]) -> Article:
        """Send one page and wait, without blocking the loop, for its article."""
        if not self.ready:  # spawning and importing takes a while: wait for the worker's word
            await self._readable()
            self.connection.recv_bytes()
            self.ready = True
        self.tasks += 1
        self.connection.send_bytes(pickle.dumps(arguments, pickle.HIGHEST_PROTOCOL))
        await self._readable()
        article: Article = pickle.loads(self.connection.recv_bytes())
        return article

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
        """End the process."""
        self.connection.close()
        self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _extract(rules: RuleSet, content: bytes, url: str, content_type: str | None) -> Article:
    """extract() with the run's rules."""
    return extract(content, url, rules, content_type)


def _serve(connection: Connection, rules: RuleSet) -> None:
    """A worker process: extract each page received until the pipe closes."""
    extract(WARM_UP_PAGE, "https://example.org/")
    connection.send_bytes(b"ready")
    while True:
        try:
            arguments = pickle.loads(connection.recv_bytes())
        except (EOFError, OSError):
            return
        connection.send_bytes(pickle.dumps(_extract(rules, *arguments), pickle.HIGHEST_PROTOCOL))

"""The extraction pool of a crawl, on a Dask cluster: fetching stays here, parsing goes out.

It has the face of ExtractionPool (`start()`, `await extract(page)`, `await discover(page)`),
so the crawl is the same: one machine fetches, politely and in one place, and each fetched
article page (or feed, sitemap, listing) is one task on the cluster, running the same task
functions as the local workers. A task that fails, or whose workers keep dying, gives an empty
record (or a discovery problem) with the reason, recorded like any page with no article. A
page that takes longer than `timeout` seconds to extract is stopped on its worker (it runs in
a helper process the worker kills: a Dask worker cannot be interrupted) and recorded as timed
out, and the crawl goes on. A feed, sitemap or listing that takes longer is recorded as timed
out too, but its worker finishes reading it in the background.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import Any, Self

from ..bounded_extraction import extract_within
from ..discover import Discovery
from ..extraction_tasks import discover_document
from ..models import Article, Page, Provenance
from ..rules import RuleSet
from .executors import RETRIES, DaskExecutor, describe_error


class ClusterExtractionPool:
    """Extracts pages (and reads listings) on the workers of a Dask cluster, a task each."""

    def __init__(self, executor: DaskExecutor, rules: RuleSet, *,
                 timeout: float | None = None) -> None:
        self.client = executor.client
        self.workers = executor.workers
        self.rules = rules
        self.timeout = timeout or None

    def start(self) -> None:
        """Nothing to start: the cluster's workers are running."""

    async def extract(self, page: Page) -> Article:
        """Extract a fetched page on the cluster; a failure gives an empty record saying why."""
        try:  # the worker stops the page at the time limit (in a helper process it kills)
            article: Article = await self._run(extract_within, None, self.timeout, page.content,
                                               page.final_url, page.headers.get("content-type"))
        except Exception as error:  # noqa: BLE001 - the page fails, the crawl goes on
            return _failed(page, f"the extraction task failed on the cluster "
                                 f"({describe_error(error)})")
        return article

    async def discover(self, page: Page, article_patterns: Sequence[re.Pattern[str]] = (),
                       max_urls: int | None = None) -> Discovery:
        """Read a fetched feed, sitemap or listing page on the cluster."""
        try:
            found: Discovery = await self._run(discover_document, self.timeout, page,
                                               tuple(article_patterns), max_urls)
        except TimeoutError:
            return Discovery(problem=f"reading the document timed out after {self.timeout:g} s")
        except Exception as error:  # noqa: BLE001 - the document fails, the crawl goes on
            return Discovery(problem=f"the task failed on the cluster ({describe_error(error)})")
        return found

    async def _run(self, function: Any, limit: float | None, *arguments: Any) -> Any:
        """Submit one task and wait for it (at most `limit` seconds) without blocking the
        event loop."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        future = self.client.submit(function, self.rules, *arguments, pure=False,
                                    retries=RETRIES)
        future.add_done_callback(lambda done: loop.call_soon_threadsafe(_settle, answer, done))
        try:
            return await asyncio.wait_for(answer, limit)
        except BaseException:
            future.release()
            raise

    def close(self) -> None:
        """Nothing to stop: the cluster is closed by whoever opened it."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _failed(page: Page, reason: str) -> Article:
    return Article(url=page.final_url, provenance=Provenance(warnings=(reason,)))


def _settle(answer: asyncio.Future[Any], future: Any) -> None:
    """Hand a finished Dask future's outcome to the waiting coroutine (on the loop's thread)."""
    if answer.done():
        return
    if future.status == "finished":
        answer.set_result(future.result())
    elif future.status == "error":
        answer.set_exception(future.exception())
    else:
        answer.set_exception(RuntimeError(f"the task was {future.status}"))
    future.release()

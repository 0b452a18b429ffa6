"""Where tasks run: in this process, in local worker processes, or on a Dask cluster.

One small interface for the three, so that `ingest` and `reextract` schedule their work the
same way whatever runs it: `submit` a function with its arguments, `wait` until some tasks
have finished, read each one's `result`. A task that failed, or whose worker kept dying,
raises TaskFailed with the reason; the caller records it and goes on.

Retries follow the engine. Dask retries a task that raised (RETRIES times) and moves a task
whose worker died to another worker (its `allowed-failures` setting, 3 by default) before it
gives up with KilledWorker. The local process pool is restarted when one of its processes
dies, and the tasks it held are run again one at a time: a task that kills its process while
it runs alone fails after MAX_ATTEMPTS such deaths.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Collection
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..errors import ScraperError

RETRIES = 2                 # Dask: times a task that raised is tried again
MAX_ATTEMPTS = 3            # local pool: runs of a task whose worker process died
TASKS_PER_PROCESS = 20      # local pool: tasks a process runs before it is replaced


class TaskFailed(Exception):
    """A task raised, or its worker died too often; str() is the reason."""


class ClusterLost(ScraperError):
    """The connection to the Dask scheduler is gone."""


@dataclass(eq=False)
class Task:
    """One submitted call and, once finished, its value or the reason it failed."""

    function: Callable[..., Any]
    args: tuple[Any, ...]
    handle: Any = None
    attempts: int = 0
    finished: bool = False
    value: Any = None
    error: str | None = None

    def settle(self, value: Any = None, error: str | None = None) -> None:
        """Record the outcome."""
        self.finished, self.value, self.error, self.handle = True, value, error, None


def describe_error(error: BaseException) -> str:
    """Return an exception as one line: its type and message."""
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}"[:500] if text else type(error).__name__


class Executor:
    """Runs tasks in this process, one at a time, as soon as they are submitted."""

    workers = 1
    dashboard: str | None = None
    description = "this process"

    def submit(self, function: Callable[..., Any], *args: Any) -> Task:
        """Start a call; its outcome is read with result() once wait() returns it."""
        task = Task(function, args)
        try:
            task.settle(function(*args))
        except Exception as error:  # noqa: BLE001 - the task's failure, recorded by the caller
            task.settle(error=describe_error(error))
        return task

    def wait(self, tasks: Collection[Task], timeout: float | None = None) -> list[Task]:
        """Return the finished ones among `tasks`, waiting up to `timeout` for at least one."""
        return [task for task in tasks if task.finished]

    def result(self, task: Task) -> Any:
        """Return a finished task's value, or raise TaskFailed with its reason."""
        if task.error is not None:
            raise TaskFailed(task.error)
        return task.value

    def close(self) -> None:
        """Stop whatever runs the tasks."""


class ProcessExecutor(Executor):
    """Runs tasks in N local worker processes (spawned, replaced after TASKS_PER_PROCESS).

    When a process dies, the pool is restarted and the tasks it held are run again one at a
    time, so that a task that kills its process is known as such: only a death while it ran
    alone counts against it, and it fails after MAX_ATTEMPTS of those.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.description = f"{workers} local process{'es' if workers > 1 else ''}"
        self._pool = self._new_pool()
        self._running: set[Task] = set()
        self._held: deque[Task] = deque()
        self._suspects: deque[Task] = deque()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   max_tasks_per_child=TASKS_PER_PROCESS)

    def submit(self, function: Callable[..., Any], *args: Any) -> Task:
        """Queue a call on the pool."""
        task = Task(function, args)
        self._held.append(task)
        self._feed()
        return task

    def _feed(self) -> None:
        """Start what may start: a suspect alone, else every task held."""
        if self._suspects:
            if not self._running:
                self._start(self._suspects.popleft())
            return
        while self._held:
            self._start(self._held.popleft())

    def _start(self, task: Task) -> None:
        task.handle = self._pool.submit(task.function, *task.args)
        self._running.add(task)

    def wait(self, tasks: Collection[Task], timeout: float | None = None) -> list[Task]:
        """Wait for some running tasks; restart the pool if one of its processes died."""
        self._feed()
        running = {task.handle: task for task in self._running}
        if running:
            done, _ = wait_futures(list(running), timeout, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                if future.cancelled() or isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                else:
                    self._settle(running[future], future)
            if broken:
                self._restart()
            self._feed()
        return [task for task in tasks if task.finished]

    def _settle(self, task: Task, future: Future[Any]) -> None:
        self._running.discard(task)
        error = future.exception()
        task.settle(None if error else future.result(),
                    describe_error(error) if error else None)

    def _restart(self) -> None:
        """A worker process died: start a new pool; the tasks it held become suspects."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        lost = list(self._running)
        self._running.clear()
        if len(lost) == 1:  # it ran alone: it is the one that killed its process
            task = lost[0]
            task.attempts += 1
            if task.attempts >= MAX_ATTEMPTS:
                task.settle(error=f"its worker process died {task.attempts} times")
                return
            self._suspects.appendleft(task)
            return
        self._suspects.extend(lost)

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(Executor):
    """Runs tasks on a Dask distributed cluster through a connected Client."""

    def __init__(self, client: Any, description: str, dashboard: str | None) -> None:
        self.client = client
        self.description = description
        self.dashboard = dashboard
        self.workers = max(1, sum(client.nthreads().values()))

    def submit(self, function: Callable[..., Any], *args: Any) -> Task:
        """Send a call to the scheduler (retried RETRIES times if it raises)."""
        task = Task(function, args, attempts=1)
        task.handle = self.client.submit(function, *args, pure=False, retries=RETRIES)
        return task

    def wait(self, tasks: Collection[Task], timeout: float | None = None) -> list[Task]:
        """Wait for some of `tasks` to finish on the cluster."""
        from distributed import wait as dask_wait

        if self.client.status not in ("running", "connecting"):
            raise ClusterLost(f"the connection to the Dask scheduler is {self.client.status}")
        pending = {task.handle.key: task for task in tasks if not task.finished}
        if pending:
            try:
                done, _ = dask_wait([task.handle for task in pending.values()], timeout=timeout,
                                    return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            for future in done:
                self._settle(pending[future.key], future)
        return [task for task in tasks if task.finished]

    def _settle(self, task: Task, future: Any) -> None:
        if future.status == "finished":
            task.settle(future.result())
        elif future.status == "error":
            task.settle(error=describe_error(future.exception()))
        else:
            task.settle(error=f"the task was {future.status} on the cluster")
        future.release()

    def close(self) -> None:
        """Nothing to stop here: the cluster belongs to whoever opened it."""

"""Calls run on an executor, a window of them at a time, their results handed back in order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .executors import Executor, Task, TaskFailed

WAIT_SECONDS = 1.0


def in_order(executor: Executor, calls: Iterable[tuple[Callable[..., Any], tuple[Any, ...]]],
             window: int) -> Iterator[Any]:
    """Yield each call's result (or its TaskFailed) in the order of `calls`, keeping at most
    `window` calls submitted ahead; `calls` is read lazily, as results are taken."""
    pending: deque[Task] = deque()
    upcoming = iter(calls)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            call = next(upcoming, None)
            if call is None:
                exhausted = True
            else:
                pending.append(executor.submit(call[0], *call[1]))
        if not pending:
            return
        head = pending.popleft()
        while not head.finished:
            executor.wait([head, *pending], WAIT_SECONDS)
        try:
            yield executor.result(head)
        except TaskFailed as error:
            yield error

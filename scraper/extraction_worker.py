"""One extraction process, driven by ExtractionPool over a pipe.

It answers "ready" once warmed up; after that each message is (task, arguments) and each
answer the task's result, or a TaskFailure when the task raised. The worker runs in a
session of its own, so a Ctrl+C in the terminal reaches only the crawl, which stops it; it
ends when its pipe closes.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


@dataclass(frozen=True)
class TaskFailure:
    """What a task raised, as one line (the worker itself goes on)."""

    reason: str


def run_task(tasks: dict[str, Callable[..., Any]], name: str, arguments: tuple[Any, ...]) -> Any:
    """Run one task; an exception becomes a TaskFailure."""
    try:
        return tasks[name](*arguments)
    except Exception as error:  # noqa: BLE001 - reported to the crawl, which records it
        return TaskFailure(f"{type(error).__name__}: {error}")


def serve(connection: Connection, rules: Any) -> None:
    """Answer tasks until the pipe closes."""
    import pickle  # here: `scraper extract`, which extracts in its own process, never loads it

    from .extraction_tasks import TASKS, warm_up

    warm_up(rules)
    connection.send_bytes(b"ready")
    while True:
        try:
            name, arguments = pickle.loads(connection.recv_bytes())
        except (EOFError, OSError):
            return
        result = run_task(TASKS, name, (rules, *arguments))
        connection.send_bytes(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))


def serve_forked(connection: Connection, rules: Any) -> None:
    """A worker process's entry point: leave the terminal's process group, then serve."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the crawl decides when this process ends
    os.setsid()
    try:
        serve(connection, rules)
    except (EOFError, OSError, KeyboardInterrupt):
        pass


def serve_socket(descriptor: int) -> None:
    """The entry point of a helper started as a program of its own (bounded_extraction): the
    rules come first over the socket, then tasks until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the process that started it decides
    import pickle
    from multiprocessing.connection import Connection  # not loaded where only TaskFailure is

    connection = Connection(descriptor)
    try:
        serve(connection, pickle.loads(connection.recv_bytes()))
    except (EOFError, OSError, KeyboardInterrupt):
        pass

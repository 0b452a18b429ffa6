"""Executors: in this process, in local processes (a dead process is replaced), --cluster values."""

from __future__ import annotations

import os

import pytest

from scraper.cluster import Executor, ProcessExecutor, TaskFailed, parse_cluster
from scraper.cluster.executors import MAX_ATTEMPTS, Task
from scraper.cluster.ordered import in_order
from scraper.errors import ConfigError


def square(value: int) -> int:
    return value * value


def refuse(value: int) -> int:
    raise ValueError(f"no {value}")


def die(value: int) -> int:
    os._exit(3)  # a crash in a parser takes the whole process down


def wait_all(executor: Executor, tasks: list[Task]) -> None:
    while len(executor.wait(tasks, 5.0)) < len(tasks):
        pass


@pytest.mark.parametrize(("text", "workers", "address"), [
    ("local:3", 3, None), ("local", os.cpu_count(), None),
    ("tcp://10.0.0.5:8786", None, "tcp://10.0.0.5:8786"), ("tls://sched:8786", None, "tls://sched:8786"),
])
def test_cluster_values(text: str, workers: int | None, address: str | None) -> None:
    spec = parse_cluster(text)
    assert (spec.workers, spec.address) == (workers, address)


@pytest.mark.parametrize("text", ["local:0", "locally", "10.0.0.5:8786", ""])
def test_bad_cluster_values(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_cluster(text)


def test_this_process_runs_each_task_as_it_is_submitted() -> None:
    executor = Executor()
    good, bad = executor.submit(square, 4), executor.submit(refuse, 2)
    assert executor.wait([good, bad]) == [good, bad]
    assert executor.result(good) == 16
    with pytest.raises(TaskFailed, match="ValueError: no 2"):
        executor.result(bad)


def test_results_come_back_in_order() -> None:
    outcomes = list(in_order(Executor(), [(square, (n,)) for n in range(5)] + [(refuse, (9,))], 2))
    assert outcomes[:5] == [0, 1, 4, 9, 16]
    assert isinstance(outcomes[5], TaskFailed)


def test_local_processes_replace_a_dead_one_and_give_up_on_a_task_that_kills_them() -> None:
    executor = ProcessExecutor(2)
    try:
        tasks = [executor.submit(square, n) for n in range(4)]
        deadly, failing = executor.submit(die, 0), executor.submit(refuse, 1)
        wait_all(executor, [*tasks, deadly, failing])
        assert [executor.result(task) for task in tasks] == [0, 1, 4, 9]
        with pytest.raises(TaskFailed, match=f"died {MAX_ATTEMPTS} times"):
            executor.result(deadly)
        with pytest.raises(TaskFailed, match="ValueError: no 1"):
            executor.result(failing)
        after = executor.submit(square, 5)
        wait_all(executor, [after])
        assert executor.result(after) == 25
    finally:
        executor.close()

"""--cluster, shared by `ingest`, `reextract` and `crawl`: where extraction runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from ..cluster import Executor, local_executor, open_cluster, parse_cluster

F = TypeVar("F", bound=Callable[..., Any])
CLUSTER_HELP = ("Extract on Dask: 'local' (a LocalCluster, one worker per core), 'local:N', "
                "or a scheduler address such as tcp://10.0.0.5:8786. Needs the cluster extra.")


def cluster_option(function: F) -> F:
    """Add --cluster."""
    return click.option("--cluster", metavar="local[:N]|tcp://ADDRESS",
                        help=CLUSTER_HELP)(function)


@contextmanager
def executor_for(cluster: str | None, workers: int, announce: Callable[[str, int, str | None], None]
                 ) -> Iterator[Executor]:
    """Open the executor the options ask for; announce a cluster with its dashboard."""
    if cluster:
        with open_cluster(parse_cluster(cluster)) as executor:
            announce(executor.description, executor.workers, executor.dashboard)
            yield executor
        return
    executor = local_executor(workers)
    try:
        yield executor
    finally:
        executor.close()


@contextmanager
def cluster_executor(cluster: str | None, output: Any) -> Iterator[Executor | None]:
    """The Dask executor --cluster asks for (announced on the run's output), or None."""
    if not cluster:
        yield None
        return
    with open_cluster(parse_cluster(cluster)) as executor:
        announce_cluster(output, executor)
        yield executor


def announce_cluster(output: Any, executor: Executor) -> None:
    """Print (or log as JSON) where the work runs and the Dask dashboard's address."""
    if getattr(output, "log_json", False):
        output("cluster", {"cluster": executor.description, "workers": executor.workers,
                           "dashboard": executor.dashboard})
        return
    click.echo(f"{executor.description}, {executor.workers} worker(s); "
               f"dask dashboard: {executor.dashboard or 'none (pip install bokeh)'}")

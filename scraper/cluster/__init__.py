"""Running extraction elsewhere: local processes, or a Dask distributed cluster.

`--cluster local` starts a LocalCluster on this machine (one single-threaded worker process
per core; `local:N` for N), on 127.0.0.1 only; `--cluster tcp://HOST:PORT` connects to the
scheduler of a running cluster (started by `dask scheduler` / `dask worker`, or by
dask-jobqueue on SLURM or PBS). Dask is an optional extra: `pip install 'scraper[cluster]'`.
Workers must run the same scraper and extractor version as the client (checked on connect)
and see the input files at the same paths.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import ConfigError
from .executors import DaskExecutor, Executor, ProcessExecutor, TaskFailed

__all__ = ["ClusterSpec", "DaskExecutor", "Executor", "ProcessExecutor", "TaskFailed",
           "local_executor", "open_cluster", "parse_cluster"]

_LOCAL = re.compile(r"^local(?::(\d+))?$")
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")
DASHBOARD = "127.0.0.1:8787"
CONNECT_TIMEOUT = "30s"


class ClusterSpec:
    """A parsed --cluster value: a LocalCluster of `workers` processes, or a scheduler address."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = workers
        self.address = address

    def __str__(self) -> str:
        return self.address or f"local:{self.workers}"


def parse_cluster(text: str) -> ClusterSpec:
    """Parse 'local', 'local:N' or 'SCHEME://ADDRESS'; raise ConfigError otherwise."""
    value = text.strip()
    local = _LOCAL.match(value)
    if local:
        workers = int(local.group(1)) if local.group(1) else (os.cpu_count() or 1)
        if workers < 1:
            raise ConfigError("--cluster local:N needs at least one worker")
        return ClusterSpec(workers=workers)
    if _ADDRESS.match(value):
        return ClusterSpec(address=value)
    raise ConfigError(f"--cluster {text!r}: use local, local:N or a scheduler address such as "
                      "tcp://10.0.0.5:8786")


def local_executor(workers: int) -> Executor:
    """Return the executor for --workers N: this process (0), or N local processes."""
    return ProcessExecutor(workers) if workers > 0 else Executor()


@contextmanager
def open_cluster(spec: ClusterSpec) -> Iterator[DaskExecutor]:
    """Start or connect to the Dask cluster, check its workers' versions, and close it after."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError("--cluster needs Dask: pip install 'scraper[cluster]'") from error
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster: Any = None
    try:
        if spec.address:
            client = Client(spec.address, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=spec.workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=DASHBOARD,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except OSError as error:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask cluster {spec}: {error}") from error
    try:
        _check_workers(client)
        yield DaskExecutor(client, f"Dask cluster {spec}", _dashboard(client))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_workers(client: Any) -> None:
    """Refuse a cluster whose workers run another scraper or extractor version."""
    from ..ingest.tasks import worker_versions

    client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    ours = worker_versions()
    try:
        theirs = client.run(worker_versions)
    except Exception as error:
        raise ConfigError(f"the Dask workers cannot run scraper ({type(error).__name__}: "
                          f"{error}); install this scraper version on every worker") from error
    wrong = {worker: tuple(found) for worker, found in theirs.items() if tuple(found) != ours}
    if wrong:
        worker, (version, extractor) = next(iter(wrong.items()))
        raise ConfigError(f"Dask worker {worker} runs scraper {version} (extractor {extractor}), "
                          f"this client {ours[0]} (extractor {ours[1]}): results would differ")


def _dashboard(client: Any) -> str | None:
    try:
        link = client.dashboard_link
    except Exception:  # noqa: BLE001 - no dashboard service on that scheduler
        return None
    return str(link) if link else None

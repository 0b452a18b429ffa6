"""`scraper serve`: Datasette over the database, in this process, on a loopback address.

Datasette runs inside the command's own process (no child process, no temporary metadata
file), so whatever stops the command — Ctrl+C, SIGTERM from a supervisor, SIGHUP from a
closed terminal, even SIGKILL — stops the server and frees its port.
"""

from __future__ import annotations

import asyncio
import importlib.util
import signal
import socket
from pathlib import Path
from types import FrameType
from typing import Any

import click

from ..host_guard import HostGuard, allowed_names
from ..store.docs import datasette_metadata
from .database import UsageProblem, db_option, open_store

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8001


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port to listen on.")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on. Anything but loopback shares the database with "
                   "your network.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests for this host name (repeatable; '*' for any). "
                   "Loopback names and the --host address are always answered.")
@db_option
def serve_command(port: int, host: str, allow_hosts: tuple[str, ...], db_path: Path) -> None:
    """Browse the database in Datasette on 127.0.0.1 (needs the datasette extra)."""
    if importlib.util.find_spec("datasette") is None:
        raise UsageProblem("Datasette is not installed: pip install '.[datasette]'")
    with open_store(db_path):
        pass  # brings an older database up to the latest schema before Datasette opens it
    listener = _listen(host, port)
    app = HostGuard(_datasette_app(db_path), allowed_names(host, allow_hosts))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"Datasette on http://{shown}:{port}/ (Ctrl+C stops it)", err=True)
    try:
        _run(app, listener)
    except KeyboardInterrupt:
        pass  # Ctrl+C during start-up or shutdown: the server is already going away


def _listen(host: str, port: int) -> socket.socket:
    """Bind the listening socket now, so a busy port is a one-line error (exit 2)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        listener = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as error:
        raise UsageProblem(f"cannot listen on {host}: {error}") from error
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as error:
        listener.close()
        raise UsageProblem(f"cannot listen on {host} port {port}: {error.strerror}; "
                           "is another server using it? Choose one with --port") from error
    return listener


def _datasette_app(db_path: Path) -> Any:
    """Datasette over the database, with our table and column descriptions, started up."""
    from datasette.app import Datasette

    datasette = Datasette([str(db_path)], metadata=datasette_metadata(db_path.stem))
    asyncio.run(datasette.invoke_startup())
    return datasette.app()


def _run(app: Any, listener: socket.socket) -> None:
    """Serve until a signal says stop: SIGINT and SIGTERM (uvicorn's), SIGHUP (ours)."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, log_level="info", lifespan="on"))

    def stop(signum: int, _frame: FrameType | None) -> None:
        server.handle_exit(signum, None)

    signal.signal(signal.SIGHUP, stop)
    server.run(sockets=[listener])

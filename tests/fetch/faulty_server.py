"""A fault-injecting loopback HTTP/1.1 server: several 'hosts' (one port each), one request log.

Routes map a path to a Reply or to a function of the Request returning one. A reply can be
late, reset the connection, stream its body in chunks or wait on a barrier. Every request is
logged with the host it reached, and each host records how many requests it served at once.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


@dataclass(frozen=True)
class Request:
    """One request as the server saw it."""

    host: int
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Reply:
    """What to answer, and how badly."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    body: bytes = b"<!doctype html><html><body><p>hello</p></body></html>"
    delay: float = 0.0          # seconds to wait before answering
    reset: bool = False         # drop the connection with a TCP reset instead of answering
    chunked: bool = False       # Transfer-Encoding: chunked, 64 KiB per chunk
    before: Callable[[], None] | None = None  # runs before answering (a barrier, an event)


Route = Reply | Callable[[Request], Reply]


def sequence(*replies: Reply) -> Callable[[Request], Reply]:
    """Answer with each reply in turn, then keep repeating the last one."""
    remaining = list(replies)
    lock = threading.Lock()

    def answer(_request: Request) -> Reply:
        with lock:
            return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return answer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HostServer

    def do_GET(self) -> None:
        owner = self.server.owner
        request = Request(self.server.index, self.path,
                          {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        owner.enter(request)
        try:  # counted as in progress until the answer is ready, not until it is sent
            reply = owner.reply_for(request)
            if reply.before is not None:
                reply.before()
            if reply.delay:
                owner.stopping.wait(reply.delay)
        finally:
            owner.leave(request)
        self._answer(reply)

    def _answer(self, reply: Reply) -> None:
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self._send_body(reply)

    def _send_body(self, reply: Reply) -> None:
        if not reply.chunked:
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(reply.body), 65536):
            piece = reply.body[start:start + 65536]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the test reads the request log instead."""


class _HostServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: FaultyServer, index: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.owner = owner
        self.index = index

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up early (timeouts) are part of the tests."""


class FaultyServer:
    """Several loopback hosts sharing routes, a request log and per-host concurrency counts."""

    def __init__(self, hosts: int = 3) -> None:
        self.stopping = threading.Event()
        self._servers = [_HostServer(self, index) for index in range(hosts)]
        self._threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05},
                                          daemon=True) for s in self._servers]
        self._routes: dict[tuple[int | None, str], Route] = {}
        self._lock = threading.Lock()
        self.log: list[Request] = []
        self.active = [0] * hosts
        self.max_active = [0] * hosts
        self.max_active_overall = 0

    def __enter__(self) -> Self:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def url(self, path: str = "/", host: int = 0) -> str:
        """Return the url of path on one of the hosts."""
        return f"http://127.0.0.1:{self._servers[host].server_address[1]}{path}"

    def route(self, path: str, reply: Route, host: int | None = None) -> None:
        """Answer path (on one host, or on all) with a reply or a function of the request."""
        self._routes[(host, path)] = reply

    def reply_for(self, request: Request) -> Reply:
        """Return the reply for a request: host route, then shared route, then a 404."""
        route = self._routes.get((request.host, request.path)) or self._routes.get(
            (None, request.path))
        if route is None:
            return Reply(404, body=b"<html><body>not here</body></html>")
        return route(request) if callable(route) else route

    def requests(self, path: str | None = None, host: int | None = None) -> list[Request]:
        """Return the logged requests, optionally for one path and/or host."""
        with self._lock:
            return [r for r in self.log if (path is None or r.path == path)
                    and (host is None or r.host == host)]

    def enter(self, request: Request) -> None:
        """Log a request and count it as in progress on its host."""
        with self._lock:
            self.log.append(request)
            self.active[request.host] += 1
            self.max_active[request.host] = max(self.max_active[request.host],
                                                self.active[request.host])
            self.max_active_overall = max(self.max_active_overall, sum(self.active))

    def leave(self, request: Request) -> None:
        """Count a request as finished."""
        with self._lock:
            self.active[request.host] -= 1

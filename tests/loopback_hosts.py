"""Loopback HTTP/1.1 hosts that misbehave on request, for fetcher and pipeline tests.

Each host is its own threaded server: on one address with its own port, or each on its own
address (127.0.0.N), so that a crawler sees separate sites; optionally on another address
(0.0.0.0: every interface) or behind TLS. Routes map a path to a Reply or to
a function of the Request returning one; a reply can be late, wait on a barrier, reset the
connection, stream its body in chunks or declare more bytes than it sends. Every request is
logged with the host it reached, and each host counts how many requests it serves at once.
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

FIRST_ADDRESS = 20  # with separate addresses, hosts listen on 127.0.0.20, 127.0.0.21, ...
HTML = {"Content-Type": "text/html; charset=utf-8"}
NO_BODY_STATUSES = frozenset({204, 304})
CHUNK = 65536


@dataclass(frozen=True)
class Request:
    """One request as a host saw it."""

    host: int
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Reply:
    """What to answer, and how badly."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: dict(HTML))
    body: bytes = b"<!doctype html><html><body><p>hello</p></body></html>"
    delay: float = 0.0                  # seconds to wait before answering
    reset: bool = False                 # a TCP reset instead of an answer
    chunked: bool = False               # Transfer-Encoding: chunked, 64 KiB per chunk
    declared_length: int | None = None  # a Content-Length larger than the body: a cut-off body
    before: Callable[[], None] | None = None  # runs before answering (a barrier, an event)


Route = Reply | Callable[[Request], Reply]
NOT_FOUND = Reply(404, body=b"<html><body>not here</body></html>")


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
        if reply.status in NO_BODY_STATUSES:
            self.end_headers()
        elif reply.chunked:
            self._send_chunked(reply.body)
        else:
            self._send_whole(reply)

    def _send_whole(self, reply: Reply) -> None:
        length = reply.declared_length if reply.declared_length is not None else len(reply.body)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(reply.body)
        if reply.declared_length is not None:
            self.close_connection = True

    def _send_chunked(self, body: bytes) -> None:
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), CHUNK):
            piece = body[start:start + CHUNK]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the tests read the request log instead."""


class _HostServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: LoopbackHosts, index: int, address: str,
                 tls: ssl.SSLContext | None = None) -> None:
        super().__init__((address, 0), _Handler)
        self.owner = owner
        self.index = index
        self.tls = tls

    def get_request(self) -> tuple[socket.socket, Any]:
        """Accept a connection; with TLS, the handshake runs in the request's own thread."""
        connection, client = super().get_request()
        if self.tls is not None:
            connection = self.tls.wrap_socket(connection, server_side=True,
                                              do_handshake_on_connect=False)
        return connection, client

    def finish_request(self, request: Any, client_address: Any) -> None:
        """Complete the TLS handshake (a client that refuses our certificate ends here)."""
        if isinstance(request, ssl.SSLSocket):
            try:
                request.do_handshake()
            except (ssl.SSLError, OSError):
                return
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up early (timeouts, size caps) are part of the tests."""


class LoopbackHosts:
    """Several loopback hosts sharing routes, a request log and per-host concurrency counts."""

    def __init__(self, hosts: int, *, separate_addresses: bool = False, address: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None) -> None:
        self.stopping = threading.Event()
        self.scheme = "https" if tls is not None else "http"
        addresses = [f"127.0.0.{FIRST_ADDRESS + i}" if separate_addresses else address
                     for i in range(hosts)]
        self._servers = [_HostServer(self, index, address, tls)
                         for index, address in enumerate(addresses)]
        self._routes: dict[tuple[int | None, str], Route] = {}
        self._lock = threading.Lock()
        self.log: list[Request] = []
        self.active = [0] * hosts
        self.max_active = [0] * hosts
        self.max_active_overall = 0

    def __enter__(self) -> Self:
        for server in self._servers:
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                             daemon=True).start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def origin(self, host: int) -> str:
        """Return 'http://address:port' of a host."""
        address, port = self._servers[host].server_address[:2]
        return f"{self.scheme}://{address}:{port}"

    def port(self, host: int = 0) -> int:
        """Return the port a host listens on."""
        return int(self._servers[host].server_address[1])

    def add_route(self, host: int | None, path: str, reply: Route) -> None:
        """Answer path on one host (or on all, host None) with a reply or a function."""
        self._routes[(host, path)] = reply

    def reply_for(self, request: Request) -> Reply:
        """The reply for a request: the host's route, then the shared one, then the same
        without the query string, else a 404."""
        bare = request.path.split("?", 1)[0]
        for key in ((request.host, request.path), (None, request.path),
                    (request.host, bare), (None, bare)):
            route = self._routes.get(key)
            if route is not None:
                return route(request) if callable(route) else route
        return NOT_FOUND

    def logged(self, host: int | None = None, path: str | None = None) -> list[Request]:
        """Return the logged requests, optionally of one host and/or path."""
        with self._lock:
            return [r for r in self.log if (host is None or r.host == host)
                    and (path is None or r.path == path)]

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

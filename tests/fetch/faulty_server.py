"""The fetcher's fault-injecting server: several 'hosts' on 127.0.0.1, one port each.

A thin face over tests/loopback_hosts.py: paths first, the host optional (a route without one
answers on every host).
"""

from __future__ import annotations

import ssl

from loopback_hosts import LoopbackHosts, Reply, Request, Route, sequence

__all__ = ["FaultyServer", "Reply", "Request", "Route", "sequence"]


class FaultyServer(LoopbackHosts):
    """Loopback hosts addressed by path first: url(path, host), route(path, reply, host)."""

    def __init__(self, hosts: int = 3, *, address: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None) -> None:
        super().__init__(hosts, address=address, tls=tls)

    def url(self, path: str = "/", host: int = 0) -> str:
        """Return the url of path on one of the hosts."""
        return self.origin(host) + path

    def route(self, path: str, reply: Route, host: int | None = None) -> None:
        """Answer path (on one host, or on all) with a reply or a function of the request."""
        self.add_route(host, path, reply)

    def requests(self, path: str | None = None, host: int | None = None) -> list[Request]:
        """Return the logged requests, optionally for one path and/or host."""
        return self.logged(host, path)

"""Connections made to the addresses that were checked, not to a second DNS answer.

httpx hands each new connection's host name to its network backend (httpcore's
`AsyncNetworkBackend.connect_tcp`); ours resolves the name with the fetcher's resolver, checks
every address (safety.checked_addresses), and dials those very addresses, one after another
until one answers. The request keeps its URL, so the Host header, the TLS server name (SNI)
and certificate verification are still those of the real host name: httpcore takes them
from the request's origin, never from the address dialled.

Every connection goes through here (robots.txt, each redirect hop, each retry), and a kept
alive connection is reused only for its own origin, whose address was checked when it opened.
"""

from __future__ import annotations

import ssl
import typing

import httpcore
import httpx

from .safety import Resolver, checked_addresses


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Resolve once, check (when guarding), and connect to exactly the addresses checked."""

    def __init__(self, resolver: Resolver, *, guard: bool,
                 dial: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.resolver = resolver
        self.guard = guard
        self._dial = dial or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        """Open a TCP connection to the first checked address of host that accepts it."""
        addresses = await checked_addresses(host, port, self.resolver, guard=self.guard)
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:
            try:
                return await self._dial.connect_tcp(address.split("%")[0], port, timeout,
                                                    local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        assert failure is not None  # checked_addresses never returns an empty list
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[httpcore.SOCKET_OPTION]
                                  | None = None) -> httpcore.AsyncNetworkStream:
        """Unix sockets are never used by the fetcher."""
        raise httpcore.ConnectError("unix sockets are not supported")

    async def sleep(self, seconds: float) -> None:
        """Sleep as the dialling backend does."""
        await self._dial.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport, with its connection pool dialling through a PinnedBackend."""

    def __init__(self, backend: PinnedBackend, *, limits: httpx.Limits,
                 ssl_context: ssl.SSLContext | None = None, http2: bool = True) -> None:
        super().__init__(http2=http2, retries=0, limits=limits, trust_env=False)
        # httpx builds its pool from a fixed set of arguments that has no network backend:
        # build the same pool with ours (httpcore's public constructor) and put it in place.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True, http2=http2, retries=0, network_backend=backend)

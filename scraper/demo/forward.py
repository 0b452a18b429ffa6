"""Reach a demo site served on another port under its usual address.

When the demo's port is taken, the demo is served on a free port but keeps naming its usual
origin in its pages; the crawl's requests to that origin are sent to the real port. The URLs,
and so the database rows, stay those of every other demo run.
"""

from __future__ import annotations

import httpx


class PortForward(httpx.AsyncHTTPTransport):
    """An HTTP transport that sends requests for one origin to another port of the same host."""

    def __init__(self, origin: str, port: int) -> None:
        super().__init__(retries=0, trust_env=False)
        self.origin = httpx.URL(origin)
        self.port = port

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send the request, to the real port when it is for the forwarded origin."""
        url = request.url
        if (url.scheme, url.host, url.port) != (self.origin.scheme, self.origin.host,
                                                self.origin.port):
            return await super().handle_async_request(request)
        request.url = url.copy_with(port=self.port)
        try:
            return await super().handle_async_request(request)
        finally:
            request.url = url  # the response answers the usual address

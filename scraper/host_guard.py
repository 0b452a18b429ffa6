"""An ASGI wrapper that answers only requests addressed to an allowed host name.

A server on 127.0.0.1 is reachable from any web page the user opens: a page on
attacker.example whose name is then re-pointed at 127.0.0.1 (DNS rebinding) can read
everything the server shows. Its requests still carry `Host: attacker.example`, so answering
only the loopback names (and the names the user allows) closes that door.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
ANY_HOST = "*"
WILDCARD_ADDRESSES = frozenset({"0.0.0.0", "[::]", ""})
_HOST = re.compile(r"^(\[[0-9a-f:.]+\]|[^:\[\]]+)(?::\d{1,5})?$")
REFUSAL = b"This server answers only requests for its own host names (see --allow-host).\n"


def host_name(header: str) -> str | None:
    """The host of a Host header without its port, lowercased; None when malformed."""
    match = _HOST.match(header.strip().lower())
    return match.group(1) if match else None


def allowed_names(bind_host: str, extra: Iterable[str]) -> frozenset[str] | None:
    """The accepted host names: loopback, the bound address, the extra ones; None for any."""
    names = {name.strip().lower() for name in extra}
    if ANY_HOST in names:
        return None
    bound = bind_host.strip().lower()
    bound = f"[{bound}]" if ":" in bound else bound
    if bound not in WILDCARD_ADDRESSES:
        names.add(bound)
    return LOOPBACK_NAMES | names


class HostGuard:
    """Pass a request on only when its Host header names an allowed host; else answer 400."""

    def __init__(self, app: App, allowed: frozenset[str] | None) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse http and websocket requests for other hosts; pass everything else on."""
        if scope["type"] in ("http", "websocket") and not self._allows(scope):
            await _refuse(scope, send)
            return
        await self.app(scope, receive, send)

    def _allows(self, scope: Scope) -> bool:
        if self.allowed is None:
            return True
        hosts = [value.decode("latin-1") for name, value in scope.get("headers", ())
                 if name.lower() == b"host"]
        return len(hosts) == 1 and host_name(hosts[0]) in self.allowed


async def _refuse(scope: Scope, send: Send) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(REFUSAL)).encode())]})
    await send({"type": "http.response.body", "body": REFUSAL})

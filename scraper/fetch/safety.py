"""Refuse urls whose host is not a public internet address (SSRF guard).

A crawler follows links and redirects chosen by strangers, so a page can point it at the
machine it runs on, the office network or a cloud metadata endpoint. Every host is resolved
and every address it resolves to is checked before a request is sent, after each redirect too.

Known gap: the HTTP client resolves the name again when it connects, so a DNS server that
answers differently the second time (DNS rebinding) is not caught here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from ..errors import FetchError, PrivateAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Networks a crawler must never reach on a stranger's say-so.
BLOCKED_NETWORKS: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = tuple(
    ipaddress.ip_network(cidr) for cidr in (
        "0.0.0.0/8",        # "this network", 0.0.0.0 reaches the local host
        "10.0.0.0/8",       # private
        "100.64.0.0/10",    # carrier-grade NAT, shared address space
        "127.0.0.0/8",      # loopback
        "169.254.0.0/16",   # link-local, 169.254.169.254 is the cloud metadata endpoint
        "172.16.0.0/12",    # private
        "192.0.0.0/24",     # IETF protocol assignments
        "192.168.0.0/16",   # private
        "198.18.0.0/15",    # benchmarking
        "224.0.0.0/4",      # multicast
        "240.0.0.0/4",      # reserved, broadcast
        "::/128",           # unspecified
        "::1/128",          # loopback
        "fc00::/7",         # unique local (fd00:ec2::254 is a metadata endpoint)
        "fe80::/10",        # link-local
        "ff00::/8",         # multicast
    )
)


def is_blocked_address(address: str | IPAddress) -> bool:
    """True when the address is loopback, private, link-local, metadata or otherwise not public."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return is_blocked_address(embedded)
        if ip.scope_id:
            return True
    return any(ip in network for network in BLOCKED_NETWORKS if network.version == ip.version)


async def resolve_host(host: str, port: int) -> list[str]:
    """Return every address the system resolver gives for host (asyncio getaddrinfo)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def check_scheme(url: str) -> None:
    """Raise FetchError unless the url is a well-formed http(s) url with a host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise FetchError(f"invalid url ({exc})", url) from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(f"unsupported scheme ({scheme or 'none'})", url)
    if not parts.hostname:
        raise FetchError("url has no host", url)


async def check_public(url: str, resolver: Resolver = resolve_host) -> None:
    """Raise PrivateAddressError when the url's host is or resolves to a non-public address."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)
    try:
        addresses = [host] if _is_ip_literal(host) else await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"could not resolve {host} ({_resolver_reason(exc)})", url) from exc
    if not addresses:
        raise FetchError(f"could not resolve {host}", url)
    for address in addresses:
        if is_blocked_address(address.split("%")[0]):
            raise PrivateAddressError(f"{host} resolves to a private address ({address})", url)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _resolver_reason(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__

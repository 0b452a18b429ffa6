"""Refuse hosts that are not on the public internet (SSRF guard).

A crawler follows links and redirects chosen by strangers, so a page can point it at the
machine it runs on, the office network or a cloud metadata endpoint. Only globally routable
addresses pass: not loopback, private, link-local, shared (CGNAT), documentation
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), benchmarking, multicast or
reserved ranges, not an IPv6 form that hides such an IPv4 address (``::ffff:127.0.0.1``,
``::127.0.0.1``, ``::ffff:0:127.0.0.1``, ``64:ff9b::127.0.0.1``, 6to4, Teredo), and not one of
this machine's own addresses (a service bound to 0.0.0.0 answers on every interface).

`checked_addresses` resolves a host once and checks every address it gets; the connection
is then made to those very addresses (see pinning.py), so a DNS server that answers
differently the second time (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import FetchError, PrivateAddressError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
ALLOW_HINT = "allow it with --allow-private, or allow_private = true for its site in sites.toml"

# Refused whatever the Python version's idea of `is_global` (which changed across releases).
BLOCKED_NETWORKS: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = tuple(
    ipaddress.ip_network(cidr) for cidr in (
        "0.0.0.0/8",        # "this network", 0.0.0.0 reaches the local host
        "10.0.0.0/8",       # private
        "100.64.0.0/10",    # carrier-grade NAT, shared address space
        "127.0.0.0/8",      # loopback
        "169.254.0.0/16",   # link-local, 169.254.169.254 is the cloud metadata endpoint
        "172.16.0.0/12",    # private
        "192.0.0.0/24",     # IETF protocol assignments
        "192.0.2.0/24",     # documentation (TEST-NET-1)
        "192.168.0.0/16",   # private
        "198.18.0.0/15",    # benchmarking
        "198.51.100.0/24",  # documentation (TEST-NET-2)
        "203.0.113.0/24",   # documentation (TEST-NET-3)
        "224.0.0.0/4",      # multicast
        "240.0.0.0/4",      # reserved, broadcast
        "::/96",            # unspecified, loopback, and the deprecated IPv4-compatible ::a.b.c.d
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT) ::ffff:0:a.b.c.d
        "64:ff9b:1::/48",   # local-use NAT64
        "100::/64",         # discard-only
        "2001::/32",        # Teredo: an IPv4 address (and a relay) hidden in IPv6
        "2001:2::/48",      # benchmarking
        "2001:db8::/32",    # documentation
        "3fff::/20",        # documentation
        "fc00::/7",         # unique local (fd00:ec2::254 is a metadata endpoint)
        "fe80::/10",        # link-local
        "fec0::/10",        # site-local (deprecated)
        "ff00::/8",         # multicast
    )
)
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
# With these Linux settings on, any address can be bound, so binding proves nothing.
NONLOCAL_BIND_SETTINGS = (Path("/proc/sys/net/ipv4/ip_nonlocal_bind"),
                          Path("/proc/sys/net/ipv6/ip_nonlocal_bind"))


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_blocked_address(address: str | IPAddress) -> bool:
    """True unless the address is globally routable (see the module docstring)."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return True
        embedded = embedded_ipv4(ip)
        if embedded is not None and is_blocked_address(embedded):
            return True
    if any(ip in network for network in BLOCKED_NETWORKS if network.version == ip.version):
        return True
    return not ip.is_global


def is_own_address(address: str | IPAddress) -> bool:
    """True when this machine has the address on one of its interfaces (it can bind to it)."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    return _can_bind(str(ip)) and not _binds_any_address()


def _can_bind(address: str) -> bool:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((address, 0))
    except OSError:
        return False
    return True


@functools.cache
def _binds_any_address() -> bool:
    """True on machines that allow binding foreign addresses (ip_nonlocal_bind): no test then."""
    for setting in NONLOCAL_BIND_SETTINGS:
        try:
            if setting.read_text().strip() not in ("", "0"):
                return True
        except OSError:
            continue
    return False


async def resolve_host(host: str, port: int) -> list[str]:
    """Return every address the system resolver gives for host (asyncio getaddrinfo)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


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


async def check_public(url: str, resolver: Resolver = resolve_host) -> list[str]:
    """Raise PrivateAddressError unless the url's host is public; return its checked addresses."""
    parts = urlsplit(url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 80)
    return await checked_addresses(parts.hostname or "", port, resolver, url=url)


async def checked_addresses(host: str, port: int, resolver: Resolver, *, guard: bool = True,
                            url: str | None = None) -> list[str]:
    """Resolve host once; with guard, raise unless every address is public. Return them."""
    host = host.strip("[]").rstrip(".")
    literal = _is_ip_literal(host)
    try:
        addresses = [host] if literal else await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"could not resolve {host} ({_resolver_reason(exc)})", url) from exc
    if not addresses:
        raise FetchError(f"could not resolve {host}", url)
    if guard:
        for address in addresses:
            _refuse_non_public(host, address.split("%")[0], literal, url)
    return addresses


def _refuse_non_public(host: str, address: str, literal: bool, url: str | None) -> None:
    """Raise PrivateAddressError, saying how to allow it, when address is not public."""
    subject = f"{host} is" if literal else f"{host} resolves to"
    if is_blocked_address(address):
        what = "a private or reserved address" if literal else \
            f"a private or reserved address ({address})"
    elif is_own_address(address):
        what = "this machine's own address" if literal else \
            f"this machine's own address ({address})"
    else:
        return
    raise PrivateAddressError(f"{subject} {what}; {ALLOW_HINT}", url)


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

"""The address guard: which addresses are refused, and that every resolved address is checked."""

from __future__ import annotations

import asyncio
import socket

import pytest

from scraper.errors import FetchError, PrivateAddressError
from scraper.fetch import safety
from scraper.fetch.safety import check_public, check_scheme, is_blocked_address, is_own_address

BLOCKED = [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
    "169.254.169.254", "169.254.0.5", "0.0.0.0", "100.64.0.1", "100.127.255.254", "224.0.0.1",
    "255.255.255.255", "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1",
    "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1",  # v4 hidden in v6
    # documentation and benchmarking ranges: never a real web site
    "192.0.2.1", "192.0.2.2", "198.51.100.7", "203.0.113.9", "198.19.0.1", "2001:db8::1",
    "3fff::1", "2001:2::1",
    # more ways to write loopback or private IPv4 in IPv6
    "::127.0.0.1", "::ffff:0:127.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1",
    "64:ff9b:1::a00:1", "2002:a00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "fec0::1", "100::1", "ff02::1",
]
PUBLIC = ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
          "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1"]


@pytest.mark.parametrize("address", BLOCKED)
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert is_blocked_address(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert not is_blocked_address(address)


def test_our_own_addresses_are_recognised() -> None:
    assert is_own_address("127.0.0.1")  # an interface of every machine
    assert not is_own_address("93.184.216.34")


def test_a_public_address_of_this_machine_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stand-in for a machine with a public address: count loopback as public for this test.
    monkeypatch.setattr(safety, "is_blocked_address", lambda address: False)
    with pytest.raises(PrivateAddressError) as caught:
        asyncio.run(check_public("http://127.0.0.1:8080/admin"))
    assert caught.value.reason.startswith("127.0.0.1 is this machine's own address; allow it ")


def resolver_giving(*addresses: str):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)
    return resolve


def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    resolve = resolver_giving("93.184.216.34", "10.0.0.7")
    with pytest.raises(PrivateAddressError) as caught:
        asyncio.run(check_public("https://news.example/a", resolve))
    assert caught.value.reason == (
        "news.example resolves to a private or reserved address (10.0.0.7); allow it with "
        "--allow-private, or allow_private = true for its site in sites.toml")
    assert caught.value.url == "https://news.example/a"


def test_a_public_host_passes() -> None:
    asyncio.run(check_public("https://news.example/a", resolver_giving("93.184.216.34")))


def test_ip_literals_are_checked_without_resolving() -> None:
    async def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("an IP literal needs no lookup")
    with pytest.raises(PrivateAddressError):
        asyncio.run(check_public("http://[::1]:8080/", no_dns))
    with pytest.raises(PrivateAddressError):
        asyncio.run(check_public("http://169.254.169.254/latest/meta-data/", no_dns))


def test_a_name_that_does_not_resolve_is_a_fetch_error() -> None:
    async def nxdomain(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    with pytest.raises(FetchError) as caught:
        asyncio.run(check_public("http://nowhere.invalid/", nxdomain))
    assert caught.value.reason == "could not resolve nowhere.invalid (name or service not known)"
    assert not isinstance(caught.value, PrivateAddressError)


def test_localhost_resolves_to_a_refused_address() -> None:
    with pytest.raises(PrivateAddressError):
        asyncio.run(check_public("http://localhost/"))


@pytest.mark.parametrize("url, reason", [
    ("ftp://example.com/file", "unsupported scheme (ftp)"),
    ("javascript:alert(1)", "unsupported scheme (javascript)"),
    ("/relative/path", "unsupported scheme (none)"),
    ("http:///no-host", "url has no host"),
    ("http://example.com:99999/", "invalid url (Port out of range 0-65535)"),
    ("http://[::1/", "invalid url (Invalid IPv6 URL)"),
])
def test_only_http_urls_with_a_host_pass(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        check_scheme(url)
    assert caught.value.reason == reason


def test_http_and_https_pass() -> None:
    check_scheme("http://example.com/")
    check_scheme("HTTPS://example.com/a?b=c")

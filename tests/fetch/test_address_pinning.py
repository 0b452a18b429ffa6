"""Every connection goes to the address that was checked: DNS rebinding, our own address, TLS.

A rebinding DNS server answers a public address when the guard asks and a loopback address
when the client connects. These tests play it with an injected resolver in front of a real
loopback server: the host name is "localhost", so a client that resolved the name again on
its own (as httpx does) would reach the server, and the test would see the request.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from scraper.errors import PrivateAddressError
from scraper.fetch import Fetcher, FetchResult
from scraper.fetch.pinning import PinnedBackend, PinnedTransport
from scraper.fetch.safety import Resolver

from .conftest import loopback_settings
from .faulty_server import FaultyServer, Reply

PUBLIC = "93.184.216.34"
PAGE = Reply(body=b"<!doctype html><html><body><p>inside</p></body></html>")


def rebinding_resolver(calls: list[str]) -> Resolver:
    """Answer a public address, then loopback, then public again, and so on (TTL 0)."""
    async def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return [PUBLIC] if len(calls) % 2 else ["127.0.0.1"]
    return resolve


def fixed_resolver(address: str) -> Resolver:
    async def resolve(host: str, port: int) -> list[str]:
        return [address]
    return resolve


def fetch(url: str, resolver: Resolver | None = None, *, ssl_context: ssl.SSLContext | None = None,
          **settings: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(loopback_settings(**settings), resolver=resolver,
                           ssl_context=ssl_context) as fetcher:
            return await fetcher.fetch(url)
    return asyncio.run(go())


@pytest.mark.parametrize("obey_robots", [True, False])
def test_dns_rebinding_reaches_nothing_robots_txt_included(server: FaultyServer,
                                                           obey_robots: bool) -> None:
    server.route("/robots.txt", Reply(headers={"Content-Type": "text/plain"}, body=b""))
    server.route("/article", PAGE)
    calls: list[str] = []
    url = f"http://localhost:{server.port()}/article"
    result = fetch(url, rebinding_resolver(calls), allow_private=False, obey_robots=obey_robots)
    assert isinstance(result.error, PrivateAddressError)
    assert "(127.0.0.1)" in result.error.reason
    assert server.requests() == []  # neither robots.txt nor the article was asked for
    assert len(calls) >= 2  # the guard's answer was public: the refusal came at connect time


class TrustingOneHost(PinnedBackend):
    """Our guarded backend, except for one host: it stands in for a public web site."""

    def __init__(self, resolver: Resolver, trusted: str) -> None:
        super().__init__(resolver, guard=True)
        self.trusted = trusted

    async def connect_tcp(self, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        self.guard = host != self.trusted
        return await super().connect_tcp(host, port, *args, **kwargs)


def test_a_redirect_hop_to_a_rebinding_host_is_checked_when_it_connects(
        server: FaultyServer) -> None:
    calls: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:  # rebinding, per host name
        calls.append(host)
        return [PUBLIC] if calls.count(host) % 2 else ["127.0.0.1"]

    server.route("/start", Reply(302, {"Location": f"http://localhost:{server.port()}/inside"}))
    server.route("/inside", PAGE)
    transport = PinnedTransport(TrustingOneHost(resolve, "start.example"), limits=httpx.Limits())

    async def go() -> FetchResult:
        async with Fetcher(loopback_settings(allow_private=False, obey_robots=False), None,
                           transport, resolver=resolve) as fetcher:
            return await fetcher.fetch(f"http://start.example:{server.port()}/start")
    result = asyncio.run(go())
    assert isinstance(result.error, PrivateAddressError)
    assert [r.path for r in server.requests()] == ["/start"]  # the hop never reached /inside
    assert calls.count("localhost") == 2  # checked when admitted (public), then at connect


def test_the_connection_goes_to_the_resolved_address_with_the_real_host_name(
        server: FaultyServer) -> None:
    server.route("/article", PAGE)
    url = f"http://news.example:{server.port()}/article"  # a name no system resolver knows
    result = fetch(url, fixed_resolver("127.0.0.1"), obey_robots=False)
    assert result.ok
    (request,) = server.requests("/article")
    assert request.headers["host"] == f"news.example:{server.port()}"


def _own_address() -> str | None:
    """The address this machine's default route leaves from (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("8.8.8.8", 53))  # UDP: only the routing table is read
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_a_service_on_every_interface_is_refused_through_our_own_address() -> None:
    own = _own_address()
    if own is None:
        pytest.skip("this machine has no address besides loopback")
    with FaultyServer(1, address="0.0.0.0") as everywhere:
        everywhere.route("/admin", PAGE)
        url = f"http://{own}:{everywhere.port()}/admin"
        refused = fetch(url, allow_private=False, obey_robots=False)
        assert isinstance(refused.error, PrivateAddressError)
        assert everywhere.requests() == []
        assert fetch(url, allow_private=True, obey_robots=False).ok  # it was there to reach


# --- TLS: the certificate is checked for the host name, not for the address dialled ----------

@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for news.example (made with the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                    "/CN=news.example", "-addext", "subjectAltName=DNS:news.example",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[FaultyServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    with FaultyServer(1, tls=context) as running:
        running.route("/article", PAGE)
        yield running


def test_https_to_a_pinned_address_keeps_sni_and_certificate_checks(
        tls_server: FaultyServer, certificate: tuple[Path, Path]) -> None:
    trust = ssl.create_default_context(cafile=str(certificate[0]))
    port = tls_server.port()
    good = fetch(f"https://news.example:{port}/article", fixed_resolver("127.0.0.1"),
                 ssl_context=trust, obey_robots=False, retries=0)
    assert good.ok, good.error
    assert tls_server.requests("/article")[0].headers["host"] == f"news.example:{port}"
    wrong = fetch(f"https://other.example:{port}/article", fixed_resolver("127.0.0.1"),
                  ssl_context=trust, obey_robots=False, retries=0)
    assert wrong.error is not None and wrong.error.reason == "TLS certificate not trusted"
    assert len(tls_server.requests("/article")) == 1


@pytest.mark.parametrize("host", ["[::ffff:127.0.0.1]", "[::127.0.0.1]", "[::ffff:0:127.0.0.1]",
                                  "[64:ff9b::127.0.0.1]", "[2002:7f00:1::1]", "[::1]",
                                  "0.0.0.0", "127.1", "2130706433"])
def test_every_spelling_of_loopback_is_refused_before_anything_is_sent(
        server: FaultyServer, host: str) -> None:
    server.route("/", PAGE)
    result = fetch(f"http://{host}:{server.port()}/", allow_private=False)
    assert isinstance(result.error, PrivateAddressError), result.error
    assert result.attempts == 0 and server.requests() == []

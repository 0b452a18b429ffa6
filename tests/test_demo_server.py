"""The demo site server, over real loopback HTTP with httpx."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from xml.etree import ElementTree

import httpx
import pytest

from scraper.demo import SITE_DIR, DemoServer, Request, Response, article_paths

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    """One running demo server for the read-only tests of this module."""
    with DemoServer() as running:
        yield running


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    """A plain client that does not follow redirects, so 301s stay visible."""
    with httpx.Client(timeout=10.0) as http:
        yield http


def test_base_url_is_loopback_with_a_real_port(server: DemoServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    assert server.port > 0
    assert server.url("/news/") == server.base_url + "/news/"
    assert server.url("news/") == server.base_url + "/news/"


def test_article_paths_are_the_nine_article_pages() -> None:
    paths = article_paths()
    assert len(paths) == 9
    assert len(set(paths)) == 9
    assert "/news/2024/05/08/coral-sea-compact-suva-office/" in paths
    assert "/local/harbour-clean-up-record-turnout/" in paths
    assert all(path.startswith("/") and path.endswith("/") for path in paths)
    assert all((SITE_DIR / path.strip("/") / "index.html").is_file() for path in paths)


def test_every_sitemap_url_answers_200_html(server: DemoServer, client: httpx.Client) -> None:
    sitemap = client.get(server.url("/sitemap.xml"))
    assert sitemap.status_code == 200
    locs = [loc.text or "" for loc in ElementTree.fromstring(sitemap.content).iter(f"{SITEMAP_NS}loc")]
    assert len(locs) == 9
    for loc in locs:
        assert loc.startswith(server.base_url + "/")
        response = client.get(loc)
        assert response.status_code == 200, loc
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert b"<h1" in response.content


@pytest.mark.parametrize(("path", "content_type"), [
    ("/", "text/html; charset=utf-8"),
    ("/news/", "text/html; charset=utf-8"),
    ("/about/", "text/html; charset=utf-8"),
    ("/contact/", "text/html; charset=utf-8"),
    ("/rss.xml", "application/rss+xml; charset=utf-8"),
    ("/sitemap.xml", "application/xml; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
])
def test_content_types(server: DemoServer, client: httpx.Client, path: str,
                       content_type: str) -> None:
    response = client.get(server.url(path))
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


def test_placeholder_is_replaced_by_the_servers_origin(server: DemoServer,
                                                       client: httpx.Client) -> None:
    page = client.get(server.url("/news/2024/05/08/coral-sea-compact-suva-office/"))
    canonical = f'<link rel="canonical" href="{server.base_url}/news/2024/05/08/coral-sea-compact-suva-office/"'
    assert canonical in page.text
    robots = client.get(server.url("/robots.txt")).text
    assert f"Sitemap: {server.base_url}/sitemap.xml" in robots
    for path in ("/", "/rss.xml", "/sitemap.xml", "/robots.txt", *article_paths()):
        assert "{{BASE_URL}}" not in client.get(server.url(path)).text, path


def test_feed_lists_every_article_with_a_date(server: DemoServer, client: httpx.Client) -> None:
    feed = ElementTree.fromstring(client.get(server.url("/rss.xml")).content)
    items = feed.findall("./channel/item")
    links = [item.findtext("link") for item in items]
    assert sorted(links) == sorted(server.url(path) for path in article_paths())
    assert all(item.findtext("pubDate") for item in items)


def test_home_and_section_link_every_article(server: DemoServer, client: httpx.Client) -> None:
    for page in ("/", "/news/"):
        html = client.get(server.url(page)).text
        for path in article_paths():
            assert f'href="{path}"' in html, (page, path)


def test_validators_and_conditional_get(server: DemoServer, client: httpx.Client) -> None:
    url = server.url("/news/2024/05/14/oyster-reef-volunteers/")
    first = client.get(url)
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and etag.endswith('"')
    assert last_modified.endswith(" GMT")

    by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag.headers["etag"] == etag

    by_date = client.get(url, headers={"If-Modified-Since": last_modified})
    assert by_date.status_code == 304

    stale = client.get(url, headers={"If-None-Match": '"not-the-etag"'})
    assert stale.status_code == 200
    assert stale.content == first.content

    old_date = client.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert old_date.status_code == 200


def test_etag_depends_on_the_served_origin(client: httpx.Client) -> None:
    with DemoServer() as one, DemoServer() as two:
        first = client.get(one.url("/rss.xml")).headers["etag"]
        second = client.get(two.url("/rss.xml")).headers["etag"]
    assert first != second  # the bytes differ because each names its own origin


def test_missing_path_is_a_404_html_page(server: DemoServer, client: httpx.Client) -> None:
    response = client.get(server.url("/news/2031/01/01/no-such-story/"))
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not Found" in response.text


def test_path_traversal_is_refused(server: DemoServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        raw.sendall(b"GET /../../../etc/hostname HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        status_line = raw.makefile("rb").readline()
    assert status_line.split()[1] == b"404"


def test_directory_without_slash_redirects(server: DemoServer, client: httpx.Client) -> None:
    response = client.get(server.url("/news"))
    assert response.status_code == 301
    assert response.headers["location"] == "/news/"


def test_head_has_headers_and_no_body(server: DemoServer, client: httpx.Client) -> None:
    url = server.url("/news/2024/05/20/wendle-nitrate-survey/")
    head = client.head(url)
    get = client.get(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["etag"] == get.headers["etag"]


def test_custom_routes_answer_before_static_files(client: httpx.Client) -> None:
    seen: list[Request] = []

    def broken(request: Request) -> Response:
        seen.append(request)
        return Response(500, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Oops</h1>")

    def binary(request: Request) -> Response:
        return Response(200, {"Content-Type": "text/html"}, bytes(range(256)) * 8)

    routes = {"/broken/": broken, "/binary.html": binary, "/": lambda r: Response(204)}
    with DemoServer(routes=routes) as custom:
        failed = client.get(custom.url("/broken/?page=2"), headers={"X-Probe": "yes"})
        assert failed.status_code == 500
        assert failed.text == "<h1>Oops</h1>"
        assert seen[0].path == "/broken/" and seen[0].query == "page=2"
        assert seen[0].headers["X-Probe"] == "yes"
        assert seen[0].base_url == custom.base_url

        blob = client.get(custom.url("/binary.html"))
        assert blob.headers["content-type"] == "text/html"
        assert blob.content == bytes(range(256)) * 8

        assert client.get(custom.url("/")).status_code == 204
        assert client.get(custom.url("/about/")).status_code == 200  # static site still there


def test_stop_closes_the_port() -> None:
    server = DemoServer().start()
    port = server.port
    assert httpx.get(server.url("/robots.txt"), timeout=5).status_code == 200
    server.stop()
    server.stop()  # idempotent
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_url_before_start_is_an_error() -> None:
    with pytest.raises(RuntimeError):
        DemoServer().url("/")


def test_nothing_is_written_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    with DemoServer() as quiet:
        httpx.get(quiet.url("/"), timeout=5)
        httpx.get(quiet.url("/missing/"), timeout=5)
        with socket.create_connection(("127.0.0.1", quiet.port), timeout=5) as raw:
            raw.sendall(b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n")
            raw.recv(1024)
        with socket.create_connection(("127.0.0.1", quiet.port), timeout=5) as raw:
            raw.sendall(b"GET / HTTP/1.1\r\n")  # client hangs up mid-request
    captured = capfd.readouterr()
    assert captured.err == ""

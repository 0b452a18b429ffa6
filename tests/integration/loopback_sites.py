"""Loopback news sites for pipeline tests: several hosts, routes that misbehave, a request log.

Each host is its own HTTP/1.1 server on its own address (127.0.0.N), so each is its own site
for the crawler (its own politeness, its own frontier worker). Routes map a path to a Reply or
to a function of the Request returning one; a reply can be late, reset the connection, or
declare more bytes than it sends. Pages, feeds and sitemaps are built by the helpers below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.utils import formatdate
from typing import Any

from loopback_hosts import HTML, LoopbackHosts, Reply, Request, Route, sequence

__all__ = ["HTML", "LoopbackSites", "Reply", "Request", "Route", "article_html", "article_reply",
           "conditional", "rss", "section_html", "sequence", "sitemap"]


class LoopbackSites(LoopbackHosts):
    """Loopback hosts on separate addresses, addressed host first: url(host, path)."""

    def __init__(self, hosts: int) -> None:
        super().__init__(hosts, separate_addresses=True)

    def url(self, host: int, path: str) -> str:
        """Return the absolute url of path on a host."""
        return self.origin(host) + path

    def route(self, host: int, path: str, reply: Route) -> None:
        """Answer path on host with a reply or a function of the request."""
        self.add_route(host, path, reply)

    def requests(self, host: int | None = None, path: str | None = None) -> list[Request]:
        """Return the logged requests, optionally of one host and/or path."""
        return self.logged(host, path)


def conditional(body: bytes, etag: str | None = None, last_modified: float | None = None
                ) -> Callable[[Request], Reply]:
    """Serve body with an ETag and/or Last-Modified; answer 304 when the client's copy is fresh."""
    stamp = formatdate(last_modified, usegmt=True) if last_modified is not None else None
    headers = dict(HTML, **({"ETag": etag} if etag else {}),
                   **({"Last-Modified": stamp} if stamp else {}))

    def answer(request: Request) -> Reply:
        match_etag = etag is not None and request.headers.get("if-none-match") == etag
        match_date = stamp is not None and request.headers.get("if-modified-since") == stamp
        if match_etag or match_date:
            return Reply(304, {k: v for k, v in headers.items() if k != "Content-Type"})
        return Reply(200, headers, body)

    return answer


FILLER = ("The council met on Tuesday evening to discuss the plan, which residents have debated "
          "for months. Officials said the work would begin next spring if the budget allows, "
          "and that the harbour district would be first in line.")


def article_html(title: str, *, canonical: str | None = None, charset_meta: bool = True,
                 paragraphs: int = 6, marker: str = "") -> str:
    """Return a plain news article page as text (encode it as the test needs)."""
    head = '<meta charset="utf-8">' if charset_meta else ""
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{marker}Paragraph {number} of {title}. {FILLER}</p>"
                   for number in range(1, paragraphs + 1))
    return (f"<!doctype html><html lang='en'><head>{head}<title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><main><article><h1>{title}</h1>"
            f"<p class='byline'>By Ada Example</p>{body}</article></main></body></html>")


def article_reply(title: str, **options: Any) -> Reply:
    """A 200 reply carrying article_html(title) in UTF-8."""
    return Reply(body=article_html(title, **options).encode("utf-8"))


def section_html(links: Iterable[str]) -> bytes:
    """Return a section page linking to each path."""
    items = "".join(f"<li><a href='{link}'>{link}</a></li>" for link in links)
    return f"<html><body><main><h1>Latest</h1><ul>{items}</ul></main></body></html>".encode()


def rss(items: Iterable[tuple[str, str | None]]) -> Reply:
    """An RSS feed of (url, RFC 822 date or None) items."""
    entries = "".join(f"<item><title>Story</title><link>{url}</link>"
                      + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
                      for url, date in items)
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            f"<link>http://example.org/</link>{entries}</channel></rss>")
    return Reply(headers={"Content-Type": "application/rss+xml"}, body=body.encode())


def sitemap(items: Iterable[tuple[str, str | None]]) -> Reply:
    """A news sitemap of (url, publication date or None) items."""
    entries = "".join(
        f"<url><loc>{url}</loc>" + (f"<news:news><news:publication_date>{date}"
                                    "</news:publication_date></news:news>" if date else "")
        + "</url>" for url, date in items)
    body = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{entries}</urlset>")
    return Reply(headers={"Content-Type": "application/xml"}, body=body.encode())

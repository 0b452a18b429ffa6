"""A redirect chain followed by hand, so that every hop can be checked before it is requested.

A url requested again with nothing changed is a loop. A response that sets a cookie changes
something: cookie walls bounce a browser to a consent url and back to the article, and the
second visit to the article then succeeds, so a repeat after a Set-Cookie is allowed.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

from ..errors import FetchError


class RedirectChain:
    """The urls one fetch has visited; `advance` moves to the next hop or raises."""

    def __init__(self, url: str, max_redirects: int) -> None:
        self.current = url
        self.max_redirects = max_redirects
        self.redirects = 0
        self._cookie_epoch = 0
        self._visited: dict[str, int] = {_key(url): 0}

    def advance(self, location: str, set_cookie: bool = False) -> str:
        """Follow a Location header from the current url; raise on a loop or past the cap."""
        target = urldefrag(urljoin(self.current, location.strip())).url
        if set_cookie:
            self._cookie_epoch += 1
        if self._visited.get(_key(target)) == self._cookie_epoch:
            raise FetchError("redirect loop", target)
        self.redirects += 1
        if self.redirects > self.max_redirects:
            raise FetchError("too many redirects", target)
        self._visited[_key(target)] = self._cookie_epoch
        self.current = target
        return target


def _key(url: str) -> str:
    return urldefrag(url).url

"""A site's own delay and User-Agent override the settings for that site only."""

from __future__ import annotations

import asyncio

import httpx

from scraper.config import Settings
from scraper.fetch import Fetcher


def test_user_agent_override_applies_to_that_fetch_only() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, headers={"content-type": "text/html"}, text="<p>x</p>")

    settings = Settings(allow_private=True, obey_robots=False, delay=0, user_agent="global-agent")

    async def run() -> None:
        async with Fetcher(settings, transport=httpx.MockTransport(handler),
                           resolver=lambda host, port: ["93.184.216.34"]) as fetcher:
            await fetcher.fetch("http://a.example/1", user_agent="site-agent (+https://x.example)")
            await fetcher.fetch("http://a.example/2")

    asyncio.run(run())
    assert seen == ["site-agent (+https://x.example)", "global-agent"]


def test_site_delay_overrides_the_setting_for_its_host_only() -> None:
    fetcher = Fetcher(Settings(delay=1.0))
    fetcher.set_host_delay("https://slow.example/news/", 5.0)
    assert fetcher.host_delay("slow.example:443") == 5.0
    assert fetcher.host_delay("other.example:443") == 1.0
    asyncio.run(fetcher.aclose())

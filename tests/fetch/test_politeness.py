"""Per-host pacing on a fake clock: who waits, how long, and for whom."""

from __future__ import annotations

import asyncio

from scraper.fetch.politeness import HostScheduler, host_key


class FakeTime:
    """A clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def scheduler(delays: dict[str, float], time: FakeTime) -> HostScheduler:
    return HostScheduler(lambda host: delays.get(host, 0.0), time.clock, time.sleep)


def test_the_second_request_to_a_host_waits_the_delay_other_hosts_do_not() -> None:
    time = FakeTime()
    slots = scheduler({"a:80": 2.0, "b:80": 5.0}, time)

    async def go() -> None:
        for host in ("a:80", "a:80", "b:80", "a:80"):
            async with slots.slot(host):
                time.now += 0.5  # the request itself takes half a second
    asyncio.run(go())
    # a: free; a: 2 s after the first ended; b: free; a: 2 s after its last minus b's 0.5 s
    assert time.sleeps == [2.0, 1.5]


def test_a_deferral_pushes_the_next_start_but_never_pulls_it_in() -> None:
    time = FakeTime()
    slots = scheduler({"a:80": 1.0}, time)

    async def go() -> None:
        async with slots.slot("a:80"):
            pass
        slots.defer("a:80", 30.0)   # a Retry-After
        slots.defer("a:80", 5.0)    # a shorter wait does not shorten it
        async with slots.slot("a:80"):
            pass
    asyncio.run(go())
    assert time.sleeps == [30.0]


def test_requests_to_one_host_never_overlap() -> None:
    slots = HostScheduler(lambda host: 0.0)
    inside = {"now": 0, "most": 0}

    async def request() -> None:
        async with slots.slot("a:80"):
            inside["now"] += 1
            inside["most"] = max(inside["most"], inside["now"])
            await asyncio.sleep(0)
            inside["now"] -= 1

    async def go() -> None:
        await asyncio.gather(*(request() for _ in range(10)))
    asyncio.run(go())
    assert inside["most"] == 1


def test_host_keys_carry_the_port() -> None:
    assert host_key("https://News.Example.com/a") == "news.example.com:443"
    assert host_key("http://news.example.com/a") == "news.example.com:80"
    assert host_key("http://127.0.0.1:8123/x") == "127.0.0.1:8123"

"""The load side of the web benchmark: 32 concurrent aiohttp clients over loopback.

``hammer_slots`` rotates over slot-page paths for a while, ``cold_pass`` asks
each path once, ``hammer_bookings`` posts the booking form for prepared free
slots; each returns a summary (requests, per second, p50/p99 ms, statuses).
Run as ``python -m tests.benchmarks.web_load URL SECONDS [--warm]`` (paths as
JSON in ``CAREOPS_BENCH_PATHS``) it loads the slots page (after one cold pass
with ``--warm``) and prints the summary as JSON: the Qt phase of
``tests/benchmarks/web.py`` uses it from another process. With ``--book FILE``
(``[[slug, provider, start_iso], ...]``) it posts bookings for those slots instead,
at most ``--per-second N`` of them a second if given.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from typing import Any

import aiohttp

from careops_desktop.web.params import format_start

CLIENTS = 32
HIDDEN_FIELDS = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def booking_form(hidden: dict[str, str], n: int, provider: int, start: datetime) -> dict[str, str]:
    """The details form as customer ``n`` sends it: the page's hidden fields plus the details."""
    return dict(
        hidden,
        start=format_start(start),
        provider=str(provider),
        choice=str(provider),
        name=f"Bench Customer {n}",
        email=f"bench{n}@example.com",
        phone="",
        notes="benchmark",
        website="",
    )


def details_query(provider: int, start: datetime) -> dict[str, str]:
    """The query of the details page for a chosen time (where the hidden fields come from)."""
    return {"start": format_start(start), "provider": str(provider), "choice": str(provider)}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summary(latencies: list[float], seconds: float, statuses: Counter[int]) -> dict[str, Any]:
    return {
        "requests": len(latencies),
        "seconds": round(seconds, 2),
        "per_second": round(len(latencies) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else 0.0,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


async def hammer_slots(base: str, paths: list[str], seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    stop_at = time.perf_counter() + seconds

    async def client(n: int, session: aiohttp.ClientSession) -> None:
        i = n
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            async with session.get(base + paths[i % len(paths)]) as response:
                await response.read()
            latencies.append(time.perf_counter() - started)
            statuses[response.status] += 1
            i += CLIENTS

    connector = aiohttp.TCPConnector(limit=CLIENTS)
    async with aiohttp.ClientSession(connector=connector) as session:
        began = time.perf_counter()
        await asyncio.gather(*(client(n, session) for n in range(CLIENTS)))
        elapsed = time.perf_counter() - began
    return summary(latencies, elapsed, statuses)


async def cold_pass(base: str, paths: list[str]) -> dict[str, Any]:
    """Every pair once, one at a time: what a request costs when nothing is cached."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    async with aiohttp.ClientSession() as session:
        began = time.perf_counter()
        for path in paths:
            started = time.perf_counter()
            async with session.get(base + path) as response:
                await response.read()
            latencies.append(time.perf_counter() - started)
            statuses[response.status] += 1
        elapsed = time.perf_counter() - began
    return summary(latencies, elapsed, statuses)


async def hammer_bookings(
    base: str,
    todo: list[tuple[str, int, datetime]],
    seconds: float,
    *,
    per_second: float | None = None,
) -> dict[str, Any]:
    """POST the booking form for the prepared slots, 32 clients, as fast as they are answered
    or (``per_second``) the n-th booking not before n / per_second seconds from the start."""
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    queue: asyncio.Queue[tuple[int, tuple[str, int, datetime]]] = asyncio.Queue()
    for item in enumerate(todo):
        queue.put_nowait(item)
    stop_at = time.perf_counter() + seconds

    async def client(session: aiohttp.ClientSession) -> None:
        slug, provider, start = todo[0]
        async with session.get(
            f"{base}/book/{slug}/details",
            params=details_query(provider, start),
        ) as response:
            hidden = dict(HIDDEN_FIELDS.findall(await response.text()))
        while time.perf_counter() < stop_at and not queue.empty():
            n, (slug, provider, start) = queue.get_nowait()
            if per_second:
                await asyncio.sleep(max(0.0, began + n / per_second - time.perf_counter()))
            form = booking_form(hidden, n, provider, start)
            started = time.perf_counter()
            async with session.post(
                f"{base}/book/{slug}",
                data=form,
                headers={"Origin": base},
                allow_redirects=False,
            ) as response:
                await response.read()
            latencies.append(time.perf_counter() - started)
            statuses[response.status] += 1

    sessions = [
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in range(CLIENTS)
    ]
    try:
        began = time.perf_counter()
        await asyncio.gather(*(client(s) for s in sessions))
        elapsed = time.perf_counter() - began
    finally:
        for session in sessions:
            await session.close()
    result = summary(latencies, elapsed, statuses)
    result["bookings_per_second"] = round(statuses[303] / elapsed, 1) if elapsed else 0.0
    return result


def todo_from_json(text: str) -> list[tuple[str, int, datetime]]:
    """Prepared (type slug, provider, start) triples from ``[[slug, provider, iso], ...]``."""
    return [
        (slug, int(provider), datetime.fromisoformat(iso))
        for slug, provider, iso in json.loads(text)
    ]


def main() -> None:
    url, seconds = sys.argv[1], float(sys.argv[2])
    options = sys.argv[3:]
    if "--book" in options:  # POST the booking form for the prepared slots in this file
        with open(options[options.index("--book") + 1], encoding="utf-8") as prepared:
            todo = todo_from_json(prepared.read())
        # spread over the phase when asked (``--per-second N``), so events keep coming
        rate = (
            float(options[options.index("--per-second") + 1]) if "--per-second" in options else None
        )
        print(json.dumps(asyncio.run(hammer_bookings(url, todo, seconds, per_second=rate))))
        return
    paths = json.loads(os.environ["CAREOPS_BENCH_PATHS"])
    warm = asyncio.run(cold_pass(url, paths)) if "--warm" in options else None
    result = asyncio.run(hammer_slots(url, paths, seconds))
    if warm is not None:
        result["warm_up"] = warm
    print(json.dumps(result))


if __name__ == "__main__":
    main()

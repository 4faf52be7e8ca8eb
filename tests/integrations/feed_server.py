"""A real aiohttp server on loopback that serves a release feed, on its own thread.

The update check is blocking (``urllib`` on a worker thread), so the server runs on a
loop of its own: usable from plain tests and from Qt tests alike. ``answer`` decides what
``GET /feed.json`` returns; every request's path, query and headers are kept.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiohttp import web

Answer = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class SeenRequest:
    path: str
    query: str
    headers: dict[str, str]


@dataclass
class FeedServer:
    answer: Answer
    requests: list[SeenRequest] = field(default_factory=list)
    url: str = ""

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(SeenRequest(request.path, request.query_string, dict(request.headers)))
        return await self.answer(request)


def body(data: bytes, status: int = 200) -> Answer:
    """An answer that sends ``data`` as JSON with ``status``."""

    async def answer(request: web.Request) -> web.StreamResponse:
        return web.Response(body=data, status=status, content_type="application/json")

    return answer


@contextmanager
def feed_server(answer: Answer) -> Iterator[FeedServer]:
    """Serve ``answer`` at ``http://127.0.0.1:<port>/feed.json`` until the block ends."""
    server = FeedServer(answer)
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    runner_box: list[web.AppRunner] = []

    async def start() -> None:
        app = web.Application()
        app.router.add_get("/feed.json", server._handle)
        runner = web.AppRunner(app, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        server.url = f"http://127.0.0.1:{port}/feed.json"
        runner_box.append(runner)

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner_box[0].cleanup())
        loop.close()

    thread = threading.Thread(target=run, name="feed-server", daemon=True)
    thread.start()
    assert ready.wait(10), "the feed server did not start"
    try:
        yield server
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)

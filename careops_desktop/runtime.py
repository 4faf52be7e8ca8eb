"""The running app without a window: the booking listener and the jobs on one asyncio loop.

Inside the desktop app the loop runs on its own (non-daemon) thread, started by
:meth:`Runtime.start_in_thread` and ended by :meth:`Runtime.stop`; under
``careops serve`` it runs on the main thread through :meth:`Runtime.run_forever`
until SIGINT or SIGTERM. Either way the loop never waits on SQL: handlers and
jobs await ``Database.run`` (the one database worker thread).

The listener always listens; while the business is not active or its page is
switched off, every page answers with the friendly 503 "not taking online
bookings" page, so switching the page on in Settings needs no restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from aiohttp import web

from careops_desktop.core import events, page_address
from careops_desktop.core.change_feed import ChangesMissed
from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.i18n import _
from careops_desktop.jobs.scheduler import Job, JobScheduler
from careops_desktop.web.settings import WebSettings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from careops_desktop.core.db import Database

log = logging.getLogger(__name__)

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8765
SHUTDOWN_SECONDS = 5.0


class ListenerUnavailable(CareOpsError):
    """The booking page could not listen on the address and port asked for."""


def lan_addresses(port: int) -> list[str]:
    """The page's URLs on this machine's non-loopback IPv4 addresses, best guess first.

    Sends no traffic: the address of the default route comes from connecting an
    unsent UDP socket, the others from the host name's addresses. Link-local
    (169.254.*) and loopback addresses are left out; an empty list means the
    machine has no LAN address (only ``http://127.0.0.1:port`` would work).
    """
    found: list[str] = []
    for probe in ("192.0.2.1", "10.255.255.255"):  # documentation / private: never routed out
        with contextlib.suppress(OSError):
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                sock.connect((probe, 9))
                found.append(sock.getsockname()[0])
            finally:
                sock.close()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    urls: list[str] = []
    for text in found:
        try:
            address = ipaddress.IPv4Address(text)
        except ValueError:
            continue
        if address.is_loopback or address.is_link_local or address.is_unspecified:
            continue
        url = f"http://{address}:{port}"
        if url not in urls:
            urls.append(url)
    return urls


def _settings_address(session: Session) -> tuple[str, int]:
    """Database worker: the host and port set in Settings, or the defaults."""
    from careops_desktop.core.services.business import find_business_settings

    found = find_business_settings(session)
    if found is None:
        return DEFAULT_HOST, DEFAULT_PORT
    return found.page_bind_address or DEFAULT_HOST, found.page_port or DEFAULT_PORT


def listen_address(database: Database) -> tuple[str, int]:
    """The host and port set in Settings (call off the UI thread), or the defaults."""
    from careops_desktop.core.services.business import get_profile

    try:
        profile = database.call(get_profile)
    except CareOpsError:
        return DEFAULT_HOST, DEFAULT_PORT
    return profile.page_bind_address or DEFAULT_HOST, profile.page_port or DEFAULT_PORT


class Runtime:
    """One asyncio loop with the booking listener and the scheduled jobs.

    ``jobs`` defaults to the app's jobs (``careops_desktop.jobs.registry``);
    pass ``[]`` for a listener alone. ``port=0`` picks a free port (tests).
    """

    def __init__(
        self,
        database: Database,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        jobs: Sequence[Job] | None = None,
        settings: WebSettings | None = None,
        follow_settings: bool = False,
    ) -> None:
        self.database = database
        self.follow_settings = follow_settings
        self.host = host
        self.requested_port = port
        self.settings = settings or WebSettings.from_env()
        if jobs is None:
            from careops_desktop.jobs.registry import build_jobs

            jobs = build_jobs(database)
        self.scheduler = JobScheduler(list(jobs))
        self.loop: asyncio.AbstractEventLoop | None = None
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._stop_requested: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self.announced_urls: list[str] = []
        self._announced: str | None = None
        self._site: web.TCPSite | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._rebinding: asyncio.Task[bool] | None = None
        self.rebind_error = ""  # why the last move to the address in Settings failed
        self.on_rebound: Callable[[Runtime], None] | None = None  # called on the loop

    # -- addresses ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """A URL of the running page that works from this machine."""
        if self.port is None:
            raise RuntimeError("the booking page is not running")
        host = self.host
        if host in ("", "0.0.0.0", "::"):
            host = "127.0.0.1"
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def page_urls(self) -> list[str]:
        """The URLs customers can open (LAN addresses when listening on all interfaces)."""
        if self.port is None:
            return []
        if self.host in ("", "0.0.0.0", "::"):
            return lan_addresses(self.port) or [self.url]
        return [self.url]

    def _announce(self, app: web.Application) -> None:
        """Tell the core and the page the address actually bound (links, the Host check).

        The first of :meth:`page_urls` (what the status bar and ``careops serve`` print)
        becomes the page's address wherever no public address is set; every name in them,
        and the bound host, become names the page answers to.
        """
        from careops_desktop.web.site import SITE

        urls = self.page_urls()
        self.announced_urls = urls
        names = {page_address.host_of(url) for url in urls} | {self.host.strip("[]").lower()}
        app[SITE].own_names.update(name for name in names if name not in ("", "0.0.0.0", "::"))
        self._announced = urls[0]
        page_address.set_listener_url(self._announced)

    # -- on the runtime's loop ---------------------------------------------------------------

    async def start(self) -> str:
        """Bind the listener and start the jobs on the running loop; returns :attr:`url`."""
        from careops_desktop.web.app import create_app

        self.loop = asyncio.get_running_loop()
        self._stop_requested = asyncio.Event()
        app = create_app(self.database, self.settings)
        runner = web.AppRunner(
            app,
            auto_decompress=False,
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_SECONDS,
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.requested_port, backlog=1024)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise ListenerUnavailable(
                _(
                    "The booking page cannot listen on {host}:{port}: {reason}. Choose another "
                    "port in Settings or close the program that uses it."
                ).format(host=self.host, port=self.requested_port, reason=exc.strerror or exc)
            ) from exc
        self._runner = runner
        self._site = site
        self.port = int(runner.addresses[0][1])
        self._announce(app)
        if self.follow_settings:
            self._unsubscribe = events.bus.subscribe(self._on_event)
        self.scheduler.start()
        log.info("booking page listening on %s", self.url)
        return self.url

    # -- following Settings: a new address or port moves the listener ------------------------

    def _on_event(self, event: events.DomainEvent) -> None:
        """Database worker thread: a change of the business may move the listener."""
        missed = isinstance(event, ChangesMissed)
        if missed or (isinstance(event, events.SettingsChanged) and event.area == "business"):
            loop = self.loop
            if loop is not None and not loop.is_closed():
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(self._start_rebind)

    def _start_rebind(self) -> None:
        if self._rebinding is None or self._rebinding.done():
            self._rebinding = asyncio.ensure_future(self.rebind())

    async def rebind(self) -> bool:
        """Listen on the address and port now in Settings when they changed; True if moved.

        The new socket is bound before the old one closes, so a port that is taken
        leaves the page where it was (the reason in :attr:`rebind_error`). Afterwards
        the page's address (links, the Host check) is the new one and ``on_rebound``
        is called.
        """
        runner, old = self._runner, self._site
        if runner is None or old is None:
            return False
        host, port = await self.database.run(_settings_address)
        if (host, port) == (self.host, self.requested_port):
            return False
        site = web.TCPSite(runner, host, port, backlog=1024)
        try:
            await site.start()
        except OSError as exc:
            self.rebind_error = _(
                "The booking page cannot move to {host}:{port}: {reason}. "
                "It still listens on {url}."
            ).format(host=host, port=port, reason=exc.strerror or exc, url=self.url)
            log.warning("%s", self.rebind_error)
            return False
        await old.stop()
        self._site, self.host, self.requested_port = site, host, port
        self.port = int(runner.addresses[0][1])
        self.rebind_error = ""
        self._announce(runner.app)
        log.info("booking page moved to %s", self.url)
        if self.on_rebound is not None:
            self.on_rebound(self)
        return True

    async def shutdown(self) -> None:
        """Stop the jobs, then close the listener (open requests get a few seconds)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._rebinding is not None and not self._rebinding.done():
            self._rebinding.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._rebinding
        await self.scheduler.stop()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        if self._announced:
            page_address.set_listener_url(None, only_if=self._announced)
            self._announced = None
        log.info("booking page stopped")

    def request_stop(self) -> None:
        """Ask the loop to shut down (safe from any thread)."""
        loop, stop = self.loop, self._stop_requested
        if loop is None or stop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # loop already closed
            loop.call_soon_threadsafe(stop.set)

    async def _serve_until_stopped(
        self,
        ready: threading.Event | None = None,
        on_started: Callable[[Runtime], None] | None = None,
    ) -> None:
        await self.start()  # a failure reaches start_in_thread through its own path
        if ready is not None:
            ready.set()
        if on_started is not None:
            on_started(self)
        assert self._stop_requested is not None
        try:
            await self._stop_requested.wait()
        finally:
            await self.shutdown()

    # -- desktop: its own thread -------------------------------------------------------------

    def start_in_thread(self, timeout: float = 15.0) -> str:
        """Run the loop on a new thread; returns the URL once the listener is bound.

        Raises :class:`ListenerUnavailable` (with the thread already ended) when
        the port cannot be bound.
        """
        if self._thread is not None:
            raise RuntimeError("the runtime is already running")
        ready = threading.Event()
        failure: list[BaseException] = []

        def main() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve_until_stopped(ready))
            except BaseException as exc:
                failure.append(exc)
                ready.set()
            finally:
                with contextlib.suppress(Exception):
                    loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._thread = threading.Thread(target=main, name="careops-runtime", daemon=False)
        self._thread.start()
        if not ready.wait(timeout):
            self.stop()
            raise ListenerUnavailable(_("The booking page did not start in time."))
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]
        return self.url

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the loop's thread and wait for it (call from the thread that started it)."""
        thread = self._thread
        if thread is None:
            return
        self.request_stop()
        thread.join(timeout)
        if thread.is_alive():
            log.warning("the runtime thread did not stop within %.0f s", timeout)
            return
        self._thread = None

    @property
    def running(self) -> bool:
        return self._runner is not None

    # -- careops serve: the main thread ------------------------------------------------------

    def run_forever(self, on_started: Callable[[Runtime], None] | None = None) -> None:
        """Serve on the main thread until SIGINT or SIGTERM, then shut down cleanly.

        ``on_started(runtime)`` is called once the listener is bound (to print its URLs).
        """

        async def main() -> None:
            loop = asyncio.get_running_loop()
            installed: list[signal.Signals] = []
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(sig, self.request_stop)
                    installed.append(sig)
            try:
                await self._serve_until_stopped(on_started=on_started)
            finally:
                for sig in installed:
                    loop.remove_signal_handler(sig)

        asyncio.run(main())


def keep_on_one_cpu(cpu: int) -> None:
    """Run this process on CPU ``cpu`` only (Linux); threads started later inherit it.

    The listener's loop and the database worker take turns on one interpreter
    lock, so the process runs Python on one core at a time anyway; when its
    threads run on two cores, the objects they share bounce between the cores'
    caches. On one core, ``tests/benchmarks/web.py`` measured 10-15 % more
    bookings per second. Raises :class:`ValueError` in words when the CPU is not
    one this process may use, or the system cannot pin processes.
    """
    if not hasattr(os, "sched_setaffinity"):
        raise ValueError("This system cannot keep a program on one CPU (--cpu needs Linux).")
    allowed = sorted(os.sched_getaffinity(0))
    if cpu not in allowed:
        choices = ", ".join(str(n) for n in allowed)
        raise ValueError(f"There is no CPU {cpu} to use here; choose one of: {choices}.")
    os.sched_setaffinity(0, {cpu})


def serve_command(
    db_url: str, host: str | None, port: int | None, *, cpu: int | None = None
) -> int:
    """``careops serve``: migrate, then serve the page and run the jobs until Ctrl+C or SIGTERM.

    ``host``/``port`` None take the values from Settings (or 0.0.0.0:8765);
    ``cpu`` keeps the process on that CPU (see :func:`keep_on_one_cpu`). Returns
    the exit status: 2, with the reason on stderr, for a CPU that cannot be used.
    """
    from careops_desktop.config import backups_dir
    from careops_desktop.core.change_listener import ChangeListener
    from careops_desktop.core.db import Database
    from careops_desktop.core.schema import upgrade_to_head

    if cpu is not None:
        try:
            keep_on_one_cpu(cpu)  # before any thread starts: they all inherit it
        except ValueError as exc:
            print(f"careops serve: {exc}", file=sys.stderr, flush=True)
            return 2
    database = Database(db_url)
    try:
        upgrade_to_head(database.engine, backup_dir=backups_dir())
        set_host, set_port = listen_address(database)
        runtime = Runtime(
            database,
            host=set_host if host is None else host,
            port=set_port if port is None else port,
            follow_settings=host is None and port is None,
        )

        def started(running: Runtime) -> None:
            for url in running.page_urls():
                print(f"Booking page: {url}", flush=True)
            if running.host in ("127.0.0.1", "localhost", "::1"):
                print("Listening on this computer only (loopback).", flush=True)
            print("Press Ctrl+C to stop.", flush=True)

        def moved(running: Runtime) -> None:
            for url in running.announced_urls:
                print(f"Booking page moved: {url}", flush=True)

        runtime.on_rebound = moved
        listener = ChangeListener(database, role="serve")  # other desks' changes reach the page
        listener.start()
        try:
            runtime.run_forever(on_started=started)
        finally:
            listener.close()
        print("Stopped.", flush=True)
    finally:
        database.close()
    return 0

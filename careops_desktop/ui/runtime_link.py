"""The window's view of the runtime: start the booking page and jobs, show their state.

:class:`RuntimeLink` starts :class:`careops_desktop.runtime.Runtime` (listener + jobs on
their own thread) without blocking the Qt thread, and stops it at shutdown.
:class:`StatusFeed` keeps the main window's status bar current: the booking page's address
(or why it is not listening) and the outbox (waiting / failed), refreshed on outbox events.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal

from careops_desktop.core.db import Database
from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import outbox
from careops_desktop.core.services.outbox import OutboxCounts
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.off_thread import run_off_thread

if TYPE_CHECKING:
    from careops_desktop.ui.widgets.address_qr import BookingPageButton

log = logging.getLogger(__name__)

WINDOW_SWITCH_INTERVAL = 0.001  # seconds; CPython's default is 0.005


def keep_the_window_responsive() -> None:
    """Settings for a process whose Qt thread shares the interpreter with a busy listener.

    Call once the window is built, when the booking page starts beside it (measured in
    ``tests/benchmarks/web.py``, listener inside the window under load):

    - ``gc.freeze()``: everything alive now (modules, the window, its tabs) moves to the
      collector's permanent generation. A full collection stops every thread while it
      walks all tracked objects; the listener's allocations trigger one every few seconds,
      and over the ~160,000 objects of a running window each took 60-160 ms: the worst
      stalls of the Qt thread. After the freeze it walks only what was made since.
    - a 1 ms GIL switch interval (CPython's default is 5 ms): the listener's loop and the
      database worker run Python on their own threads, and the Qt thread waited up to
      that long, often twice, each time it wanted the GIL back. Never raised if something
      already set it lower.
    """
    gc.freeze()
    if sys.getswitchinterval() > WINDOW_SWITCH_INTERVAL:
        sys.setswitchinterval(WINDOW_SWITCH_INTERVAL)


class JobWaker(Protocol):
    """What the window uses of the runtime's ``JobScheduler``."""

    @property
    def jobs(self) -> Mapping[str, object]: ...

    def run_now(self, name: str) -> None:
        """Wake job ``name`` early (call on the scheduler's loop)."""


class RunningRuntime(Protocol):
    """What the window uses of :class:`careops_desktop.runtime.Runtime`.

    A protocol so that this module need not import the runtime (aiohttp, the jobs) on the
    Qt thread; mypy checks that ``Runtime`` satisfies it where ``RuntimeLink.start`` keeps one.
    """

    host: str
    announced_urls: list[str]
    loop: asyncio.AbstractEventLoop | None
    on_rebound: Callable[[Any], None] | None  # called on the runtime's loop

    @property
    def scheduler(self) -> JobWaker: ...

    @property
    def running(self) -> bool: ...

    def page_urls(self) -> list[str]: ...

    def start_in_thread(self, timeout: float = ...) -> str: ...

    def stop(self, timeout: float = ...) -> None: ...


class RuntimeLink:
    """Owns the runtime of one app session; ``host``/``port`` None take Settings' values."""

    def __init__(self, database: Database, *, host: str | None = None, port: int | None = None):
        self.database = database
        self.host = host
        self.port = port
        self.runtime: RunningRuntime | None = None
        self.urls: list[str] = []
        self.error = ""

    async def start(self) -> None:
        """Start listening and the jobs; a refusal (port taken) is kept in ``error``."""
        # the listener and the jobs import aiohttp, jinja2, caldav…: not on the Qt thread
        await run_off_thread(importlib.import_module, "careops_desktop.runtime")
        from careops_desktop.runtime import Runtime, listen_address

        host, port = self.host, self.port
        if host is None or port is None:
            set_host, set_port = await run_off_thread(listen_address, self.database)
            host = set_host if host is None else host
            port = set_port if port is None else port
        # building the jobs imports caldav, requests, the mail code…: also off the Qt thread
        follow = self.host is None and self.port is None  # Settings' address: follow its changes
        runtime = await run_off_thread(
            Runtime, self.database, host=host, port=port, follow_settings=follow
        )
        keep_the_window_responsive()
        try:
            await run_off_thread(runtime.start_in_thread)
        except CareOpsError as exc:
            self.error = str(exc)
            log.warning("booking page not started: %s", exc)
            return
        self.runtime = runtime
        self.urls = await run_off_thread(runtime.page_urls)

    def moved(self, runtime: RunningRuntime) -> None:
        """The runtime's loop: the listener moved to the address now in Settings."""
        self.urls = list(runtime.announced_urls)

    def status(self) -> tuple[str, str]:
        """Status bar text and tooltip for the booking page."""
        if self.error:
            return translate("StatusBar", "Booking page: not running"), self.error
        if not self.urls:
            return "", ""
        text = translate("StatusBar", "Booking page: {address}").format(address=self.urls[0])
        return text, "\n".join(self.urls)

    @property
    def jobs_running(self) -> bool:
        """True while this window's runtime runs (its jobs can be woken with run_job_now)."""
        return self.runtime is not None and self.runtime.running

    def run_job_now(self, name: str) -> bool:
        """Wake the runtime's job ``name`` now (safe from any thread; returns at once).

        ``JobScheduler.run_now`` is called on the runtime's own loop through
        ``loop.call_soon_threadsafe``. False when no runtime runs or it has no such job.
        """
        runtime = self.runtime
        if runtime is None or not runtime.running or runtime.loop is None:
            return False
        loop, scheduler = runtime.loop, runtime.scheduler
        if name not in scheduler.jobs or loop.is_closed():
            return False
        try:
            loop.call_soon_threadsafe(scheduler.run_now, name)
        except RuntimeError:  # the loop closed meanwhile
            return False
        return True

    async def run_job_once(self, name: str) -> object:
        """Run job ``name`` once on the runtime's loop now; await its result (any loop).

        The job's own work object is used (for calendar sync the one ``CalendarSync`` the
        scheduled passes share, so a press never runs beside a scheduled pass).
        ``LookupError`` when no runtime runs here or it has no such job.
        """
        runtime = self.runtime
        loop = getattr(runtime, "loop", None)
        scheduler = getattr(runtime, "scheduler", None)
        if not self.jobs_running or loop is None or scheduler is None:
            raise LookupError("no runtime runs in this window")
        if name not in scheduler.jobs or loop.is_closed():
            raise LookupError(f"the runtime has no job {name!r}")
        future = asyncio.run_coroutine_threadsafe(scheduler.run_once(name), loop)
        return await asyncio.wrap_future(future)

    async def stop(self) -> None:
        """Stop the listener and the jobs, waiting for their thread to end."""
        runtime, self.runtime = self.runtime, None
        if runtime is not None:
            await run_off_thread(runtime.stop)


def outbox_text(counts: OutboxCounts) -> str:
    waiting = counts.queued + counts.sending
    if waiting and counts.failed:
        text = translate("StatusBar", "Outbox: {waiting} waiting, {failed} failed")
    elif waiting:
        text = translate("StatusBar", "Outbox: {waiting} waiting")
    elif counts.failed:
        text = translate("StatusBar", "Outbox: {failed} failed")
    else:
        text = translate("StatusBar", "Outbox: all sent")
    return text.format(waiting=waiting, failed=counts.failed)


class StatusFeed(QObject):
    """Fills a main window's status slots and refreshes the outbox on ``outboxChanged``.

    When the listener moves to a new address or port from Settings, the booking page's
    address and QR button follow (``pageMoved``, emitted on the runtime's loop, queued).
    """

    pageMoved = Signal()

    def __init__(self, window: MainWindow, link: RuntimeLink | None) -> None:
        super().__init__(window)
        self.window = window
        self._in_flight = False
        self._again = False
        self.qr_button: BookingPageButton | None = None
        self.link = link
        if link is not None:
            window.set_booking_page_status(*link.status())
            if link.urls and not link.error:
                from careops_desktop.ui.widgets.address_qr import BookingPageButton

                button = BookingPageButton(
                    link.urls, can_open_settings=window.actor.can(Permission.MANAGE_SETTINGS)
                )
                window.place_booking_page_button(button)
                self.qr_button = button
            if link.runtime is not None:
                self.pageMoved.connect(self._show_page)
                link.runtime.on_rebound = self._moved
        actor = window.actor
        if actor.can(Permission.MANAGE_INBOX) or actor.can(Permission.MANAGE_SETTINGS):
            window.events.outboxSettled.connect(self.refresh_outbox)  # once per burst
            self.refresh_outbox()

    def _moved(self, runtime: RunningRuntime) -> None:
        """The runtime's loop: note the new addresses, show them on the Qt thread (queued)."""
        if self.link is not None:
            self.link.moved(runtime)
        self.pageMoved.emit()

    def _show_page(self) -> None:
        """The listener moved: the status bar's address and QR button show the new one."""
        link = self.link
        if link is None or not shiboken6.isValid(self.window):
            return
        self.window.set_booking_page_status(*link.status())
        button = self.qr_button
        if button is not None and link.urls and shiboken6.isValid(button):
            from careops_desktop.ui.widgets.address_qr import qr_icon

            button.urls = list(link.urls)
            button.setIcon(qr_icon(link.urls[0]))

    def refresh_outbox(self, *_event: object) -> None:
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self.window.ops.query(
            outbox.outbox_counts, on_done=self._show, on_error=self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        log.warning("outbox counts unavailable: %s", exc)

    def _show(self, counts: OutboxCounts) -> None:
        self._in_flight = False
        if shiboken6.isValid(self.window):
            self.window.set_outbox_status(outbox_text(counts))
        if self._again:
            self._again = False
            self.refresh_outbox()

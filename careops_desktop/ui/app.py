"""The desktop app: QApplication + qasync loop, open the database, sign in, the main window.

``run_app(args)`` is what ``careops`` (no command) calls. The steps, all on the Qt loop and
none blocking it:

1. open the database and bring its schema up to date on a thread of its own (a small
   progress window appears if that takes longer than half a second);
2. ``--demo``: fill the demo database when it is empty (progress bar, cancellable), then
   sign in as its owner; a first run (no accounts): the owner account, then the setup
   wizard; otherwise the sign-in dialog;
3. the main window, until Quit (or Sign out → sign-in dialog again; Lock → unlock dialog);
   once it has painted, the runtime (booking page + jobs) starts on its own thread and the
   status bar shows its address;
4. shutdown: cancel UI work, stop listening to events, stop the database worker.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import sys
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from careops_desktop.config import backups_dir
from careops_desktop.core.db import Database, refuse_calls_on_thread
from careops_desktop.core.errors import CareOpsError, NotFound
from careops_desktop.core.i18n.formats import FALLBACK_LOCALE
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services import auth, business
from careops_desktop.ui import off_thread
from careops_desktop.ui.awaitable import dialog_result
from careops_desktop.ui.desk_status import DeskStatusFeed
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.garbage import QtThreadCollector
from careops_desktop.ui.i18n import (
    apply_business_locale,
    chosen_language,
    install_language,
    translate,
)
from careops_desktop.ui.login.dialog import LoginDialog
from careops_desktop.ui.login.owner import CreateOwnerDialog
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.ops import Ops, show_error_box
from careops_desktop.ui.qsettings_keys import LAST_EMAIL, LAST_TAB_KEY
from careops_desktop.ui.restore_request import restore_requests
from careops_desktop.ui.runtime_link import RuntimeLink, StatusFeed
from careops_desktop.ui.startup import (
    DelayedBusy,
    open_checked_database,
    restore_between_sessions,
)
from careops_desktop.ui.tabs import TAB_SPECS, module_of
from careops_desktop.ui.theme import apply_theme
from careops_desktop.ui.ui_state import APPLICATION, ORGANIZATION, app_settings

log = logging.getLogger(__name__)

QUIT = "quit"
SIGN_OUT = "sign_out"
RESTORE = "restore"  # Settings → Backups: close everything, restore, open again


def _migrate(url_database: Database) -> None:
    """Worker thread: upgrade the schema (an existing SQLite file is backed up first)."""
    from careops_desktop.core.schema import needs_upgrade, upgrade_to_head

    if needs_upgrade(url_database.engine):
        upgrade_to_head(url_database.engine, backup_dir=backups_dir())


class AppController:
    """One run of the app: owns the Database, Ops, the events bridge and the main window."""

    def __init__(
        self,
        database_url: str,
        *,
        demo: bool = False,
        demo_size: str = "small",
        start_runtime: bool = False,
        runtime_host: str | None = None,
        runtime_port: int | None = None,
    ) -> None:
        self.database_url = database_url
        self.demo = demo
        self.demo_size = demo_size
        self.start_runtime = start_runtime
        self.runtime_host = runtime_host
        self.runtime_port = runtime_port
        self.link: RuntimeLink | None = None
        self.database: Database | None = None
        self.ops: Ops | None = None
        self.bridge: EventsBridge | None = None
        self.desks: DeskStatusFeed | None = None  # other desks' changes and count
        self.window: MainWindow | None = None
        self.actor: Actor | None = None
        self.email = ""
        self.dialog: QDialog | None = None  # the dialog being awaited (tests drive it)
        self._lock_task: asyncio.Future[None] | None = None
        self._runtime_task: asyncio.Task[None] | None = None  # started after the first paint
        self._runtime_started: asyncio.Future[None] | None = None
        self._runtime_timer: QTimer | None = None  # starts it if the window never paints
        # read by _needs_setup just before the window: its name and locale, no second query
        self._profile: business.BusinessProfile | None = None
        self.pending_restore: Path | None = None

    # -- the flow -----------------------------------------------------------------------

    async def run(self) -> int:
        """The whole run; returns the exit code. A restore from Settings reopens the app."""
        while True:
            code = await self._run_session()
            if self.pending_restore is None:
                return code
            chosen, self.pending_restore = self.pending_restore, None
            self.ops = self.bridge = self.link = self.actor = None
            self._runtime_task = self._runtime_started = None
            await restore_between_sessions(self.database_url, chosen, backups_dir(), self._await)

    async def _run_session(self) -> int:
        """Open the database, sign in, the window; everything closed again at the end."""
        # the schema tools, the demo builder and the first tab's page are imported on a
        # thread of their own while the database is checked and the person signs in; the
        # runtime (aiohttp, jinja2, the jobs: ~0.5 s) only after the window's first paint
        preload = (_SCHEMA_MODULE, *((_DEMO_MODULE,) if self.demo else ()), *_first_tab_modules())
        preloaded = off_thread.spawn(run_off_thread(_preload, preload))
        try:
            if not await self._open_database() or self.database is None:
                return 1
            self.ops = Ops(self.database)
            self.bridge = EventsBridge()
            self.desks = DeskStatusFeed(self.database)
            self.desks.start()
            if self.start_runtime:
                self.link = RuntimeLink(
                    self.database, host=self.runtime_host, port=self.runtime_port
                )
                self._runtime_started = asyncio.get_running_loop().create_future()
            actor = await self._first_sign_in()
            while actor is not None:
                self.actor = actor
                if await self._needs_setup(actor):
                    await self._run_wizard(actor)
                outcome = await self._main_window(actor)
                if outcome in (QUIT, RESTORE):
                    break
                actor = await self._sign_in()
            return 0
        finally:
            await preloaded
            await self.shutdown()

    async def _open_database(self) -> bool:
        # refused locations and damaged files are explained (recovery screen) in startup.py
        self.database = await open_checked_database(self.database_url, backups_dir(), self._await)
        if self.database is None:
            return False
        progress = DelayedBusy(
            translate("App", "Opening CareOps"),
            translate("App", "Updating the database…"),
            name="careopsStartupProgress",
        )
        try:
            await run_off_thread(_migrate, self.database)
        except Exception as exc:
            log.exception("could not open the database")
            box = show_error_box(
                None,
                "CareOps",
                translate(
                    "App",
                    "CareOps could not open its database. "
                    "The details have been written to the log.",
                ),
                f"{type(exc).__name__}: {exc}",
            )
            await dialog_result(box)
            return False
        finally:
            progress.close()
        return True

    async def _first_sign_in(self) -> Actor | None:
        assert self.ops is not None
        if self.demo:
            return await self._demo_sign_in()
        if await self.ops.run(auth.user_count) == 0:
            dialog = CreateOwnerDialog(self.ops)
            if await self._await(dialog) != QDialog.DialogCode.Accepted:
                return None
            self.email = dialog.email_used
            return dialog.actor
        return await self._sign_in()

    async def _sign_in(self) -> Actor | None:
        assert self.ops is not None
        dialog = LoginDialog(self.ops, business_name=await self._business_name())
        if await self._await(dialog) != QDialog.DialogCode.Accepted:
            return None
        self.email = dialog.email_used
        return dialog.actor

    async def _demo_sign_in(self) -> Actor | None:
        # the demo package imports its builder (~50 ms): not on the Qt thread
        await run_off_thread(importlib.import_module, _DEMO_MODULE)
        from careops_desktop.core.demo import builder
        from careops_desktop.core.demo.plan import OWNER_EMAIL, OWNER_PASSWORD

        assert self.ops is not None
        if await self.ops.run(auth.user_count) == 0:
            failed: list[BaseException] = []
            task = self.ops.progress_task(
                builder.build_demo,
                self.demo_size,
                title=translate("App", "CareOps demo"),
                label=translate("App", "Filling the demo business with sample data…"),
                on_error=failed.append,
            )
            summary = await task
            if summary is None:  # cancelled, or refused (shown to the person)
                if failed:
                    self.ops.show_error(str(failed[0]))
                return None
        app_settings().setValue(LAST_EMAIL, OWNER_EMAIL)
        try:
            actor: Actor = await self.ops.run(auth.login, OWNER_EMAIL, OWNER_PASSWORD)
        except CareOpsError as exc:  # the demo owner's password was changed, or locked
            log.info("demo sign-in refused (%s); asking instead", exc)
            return await self._sign_in()
        self.email = OWNER_EMAIL
        return actor

    async def _needs_setup(self, actor: Actor) -> bool:
        """True when the business row is missing and this person may create it."""
        assert self.ops is not None
        if not actor.can(Permission.MANAGE_SETTINGS):
            return False
        try:
            profile = await self.ops.run(business.get_profile)
        except NotFound:
            return True
        self._profile = profile  # the window's title and formats: no second query
        return False

    async def _run_wizard(self, actor: Actor) -> None:
        from careops_desktop.ui.wizard.wizard import SetupWizard

        assert self.ops is not None
        await self._await(SetupWizard(self.ops, actor))

    async def _main_window(self, actor: Actor) -> str:
        assert self.ops is not None and self.bridge is not None
        profile, self._profile = self._profile, None
        if profile is None:
            profile = await self._read_profile()
        # dates, times, numbers and the first day of the week in the business's locale
        apply_business_locale(business.locale_of(profile) if profile else FALLBACK_LOCALE)
        window = MainWindow(
            self.ops,
            self.bridge,
            actor,
            business_name=profile.name if profile is not None else "",
            runtime_link=self.link,
            prebuild=True,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window = window
        self.ops.parent_widget = window
        outcome: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        def finish(result: str) -> None:
            if not outcome.done():
                outcome.set_result(result)

        window.closed.connect(lambda: finish(QUIT))
        window.signOutRequested.connect(lambda: finish(SIGN_OUT))
        window.lockRequested.connect(lambda: self._start_lock(window))

        def restore(path: str) -> None:
            self.pending_restore = Path(path)
            finish(RESTORE)

        restore_requests().requested.connect(restore)
        window.show()
        self._feed_status_bar(window)
        if self.desks is not None:
            self.desks.show_in(window)
        try:
            result = await outcome
        finally:
            restore_requests().requested.disconnect(restore)
            self.window = None
            self.ops.parent_widget = None
            if self._lock_task is not None:
                self._lock_task.cancel()
                await asyncio.gather(self._lock_task, return_exceptions=True)
                self._lock_task = None
            if shiboken6.isValid(window):
                window.closed.disconnect()
                window.close()
        return result

    def _feed_status_bar(self, window: MainWindow) -> None:
        """The status bar's booking page and outbox slots, once the runtime has started.

        The runtime starts when the first window has painted (or at the latest
        :data:`RUNTIME_START_LATEST_MS` after it was shown), so that its imports and
        threads do not hold up the first paint.
        """
        started = self._runtime_started
        if self.link is None or started is None:
            StatusFeed(window, self.link)
            return

        def feed(_done: object = None) -> None:
            if shiboken6.isValid(window) and self.window is window:
                StatusFeed(window, self.link)

        if started.done():
            feed()
            return
        started.add_done_callback(feed)
        window.firstPainted.connect(self._start_runtime)
        latest = QTimer(window)
        latest.setSingleShot(True)
        latest.timeout.connect(self._start_runtime)
        latest.start(RUNTIME_START_LATEST_MS)
        self._runtime_timer = latest

    def _start_runtime(self) -> None:
        """Start the booking page and the jobs once per session (see _feed_status_bar)."""
        timer, self._runtime_timer = self._runtime_timer, None
        if timer is not None and shiboken6.isValid(timer):
            timer.stop()
        if self._runtime_task is not None or self.link is None:
            return
        link, started = self.link, self._runtime_started

        async def start() -> None:
            try:
                await link.start()
            except Exception:
                log.exception("the booking page and jobs could not start")
            finally:
                if started is not None and not started.done():
                    started.set_result(None)

        self._runtime_task = off_thread.spawn(start())

    def _start_lock(self, window: MainWindow) -> None:
        if self._lock_task is None or self._lock_task.done():
            self._lock_task = off_thread.spawn(self._lock(window))

    async def _lock(self, window: MainWindow) -> None:
        """Hide the window behind the unlock dialog; "Sign out" there signs out."""
        assert self.ops is not None
        if not shiboken6.isValid(window) or not window.isVisible():
            return
        window.idle.stop()
        window.hide()
        dialog = LoginDialog(
            self.ops, business_name=await self._business_name(), unlock_email=self.email
        )
        accepted = await self._await(dialog) == QDialog.DialogCode.Accepted
        if not shiboken6.isValid(window):
            return
        if accepted and dialog.actor is not None and dialog.actor.user_id == window.actor.user_id:
            window.show()
            window.idle.start()
        else:
            window.signOutRequested.emit()

    async def _read_profile(self) -> business.BusinessProfile | None:
        """The business's profile (on the database worker); None before setup or unreadable."""
        assert self.ops is not None
        try:
            return await self.ops.run(business.get_profile)
        except CareOpsError:
            return None

    async def _business_name(self) -> str:
        profile = await self._read_profile()
        return profile.name if profile is not None else ""

    async def _await(self, dialog: QDialog) -> int:
        self.dialog = dialog
        try:
            return await dialog_result(dialog)
        finally:
            self.dialog = None
            dialog.deleteLater()

    async def shutdown(self) -> None:
        """Close the window, cancel UI work, stop events, stop the database worker.

        Last, every task started through ``ui.off_thread`` is cancelled and awaited and
        its pool's threads end.
        """
        if self.window is not None and shiboken6.isValid(self.window):
            self.window.shutdown()
            self.window.close()
        if self.ops is not None:
            await self.ops.shutdown()
        if self.bridge is not None:
            self.bridge.close()
        if self.desks is not None:
            desks, self.desks = self.desks, None
            # the pool thread gets the listener only: the Qt object must be destroyed on
            # the Qt thread, never by a last reference dropped on a pool thread
            await run_off_thread(desks.listener.close)
            desks.deleteLater()
        if self._runtime_task is not None:  # a start under way finishes, then stops
            await asyncio.gather(self._runtime_task, return_exceptions=True)
        if self.link is not None:
            await self.link.stop()
        if self.database is not None:
            database, self.database = self.database, None
            await run_off_thread(database.close)
        await off_thread.shutdown()


_SCHEMA_MODULE = "careops_desktop.core.schema"  # alembic: ~150 ms to import
_DEMO_MODULE = "careops_desktop.core.demo.builder"
RUNTIME_START_LATEST_MS = 1000  # the runtime starts by then even if the window never paints


def _first_tab_modules() -> tuple[str, ...]:
    """The module of the tab the window opens on (the last one used), for the preload."""
    last = str(app_settings().value(LAST_TAB_KEY, "dashboard") or "dashboard")
    spec = next((spec for spec in TAB_SPECS if spec.key == last), None)
    name = module_of(spec.factory) if spec is not None else None
    return (name,) if name else ()


def _preload(names: tuple[str, ...]) -> None:
    """A thread of its own: import ``names`` ahead of use (a failure shows where it is used)."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            log.debug("preloading %s failed", name, exc_info=True)


def create_application() -> QApplication:
    """The QApplication with the app's names and look (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("CareOps")
    app.setQuitOnLastWindowClosed(False)  # the controller decides when the app ends
    install_language(app, chosen_language())
    apply_theme(app)
    return app


def run_app(args: argparse.Namespace) -> int:
    """Open the window for ``args.db`` (``args.demo``: the demo business); the exit code.

    From here on ``Database.call`` refuses to run on this (the Qt) thread.
    """
    import qasync

    refuse_calls_on_thread(threading.get_ident())
    app = create_application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    controller = AppController(args.db, demo=bool(getattr(args, "demo", False)), start_runtime=True)
    collector = QtThreadCollector(app)  # cycles holding Qt objects die on this thread only
    collector.start()
    try:
        with loop:
            return int(loop.run_until_complete(controller.run()))
    finally:
        collector.stop()
        asyncio.set_event_loop(None)
        refuse_calls_on_thread(None)

"""Qt test fixtures: an offscreen app, a qasync loop, temp QSettings, and a leak check.

Every test under ``tests/ui`` FAILS (error at teardown) when it leaves a QTimer active, a
``QTimer.singleShot`` pending, a QThread or a new Python thread running, or an asyncio task
unfinished (napari's dangling-timer/thread fixtures, adapted), or when ``Ops.query`` was
given a function not marked ``@read_only``. Work started through ``ui.off_thread`` gets
the grace period, then is cancelled and its shared pool stopped (waiting for its threads).
"""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
import shiboken6
from PySide6.QtCore import QLocale, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication

GRACE_SECONDS = 2.0


@pytest.fixture(autouse=True)
def ui_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings of this test live in a temp folder (never the user's real settings)."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True, scope="session")
def english_window(qapp: QApplication) -> Iterator[None]:
    """The window in English as the app starts it: with the English catalog, which holds
    the plural forms of counted texts ("1 contact", "3 contacts")."""
    from careops_desktop.ui.i18n import install_language

    install_language(qapp, "en")
    yield


@pytest.fixture(autouse=True)
def business_locale_kept() -> Iterator[None]:
    """A test that applies a business's locale (the app does at sign-in) leaves the
    window's formats (QLocale) and the core's (Babel) as they were."""
    from careops_desktop.core.i18n import formats

    window, core = QLocale(), formats.business_locale()
    yield
    QLocale.setDefault(window)
    formats.set_business_locale(core)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop over the test's QApplication; Qt event processing runs its callbacks."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    deadline = time.monotonic() + GRACE_SECONDS
    while any(not t.done() for t in asyncio.all_tasks(loop)) and time.monotonic() < deadline:
        qapp.processEvents()
    asyncio.events._set_running_loop(None)
    # not loop.stop(): with no app.exec() running it calls app.exit(), which makes every
    # later nested QEventLoop (qtbot.waitUntil) return at once
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    try:
        qapp.aboutToQuit.disconnect(loop._after_run_forever)  # type: ignore[attr-defined]
    except (RuntimeError, TypeError):
        pass
    loop.close()
    asyncio.set_event_loop(None)


class _LeakTracker:
    """Records timers and threads started during one test."""

    def __init__(self) -> None:
        self.timers: list[weakref.ref[QTimer]] = []
        self.single_shots = 0
        self.qthreads: list[weakref.ref[QThread]] = []

    def active_timers(self) -> list[QTimer]:
        found = []
        for ref in self.timers:
            timer = ref()
            if timer is not None and shiboken6.isValid(timer) and timer.isActive():
                found.append(timer)
        return found

    def running_qthreads(self) -> list[QThread]:
        found = []
        for ref in self.qthreads:
            thread = ref()
            if thread is not None and shiboken6.isValid(thread) and thread.isRunning():
                found.append(thread)
        return found


@pytest.fixture(autouse=True)
def no_leaks(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> Iterator[_LeakTracker]:
    """Fail the test that leaves timers, threads or asyncio tasks running."""
    from careops_desktop.ui import off_thread
    from careops_desktop.ui.ops import UNMARKED_READS

    tracker = _LeakTracker()
    UNMARKED_READS.clear()
    threads_before = set(threading.enumerate())
    base_start = QTimer.start
    base_single_shot = QTimer.singleShot

    def start(self: QTimer, *args: Any) -> None:
        tracker.timers.append(weakref.ref(self))
        base_start(self, *args)

    def single_shot(*args: Any) -> None:
        *rest, callback = args
        if callable(callback) and not isinstance(callback, QTimer):
            tracker.single_shots += 1

            def fire(*a: Any, _cb: Callable[..., Any] = callback) -> None:
                tracker.single_shots -= 1
                _cb(*a)

            base_single_shot(*rest, fire)
        else:
            base_single_shot(*args)

    base_thread_start = QThread.start

    def thread_start(self: QThread, *args: Any) -> None:
        tracker.qthreads.append(weakref.ref(self))
        base_thread_start(self, *args)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    monkeypatch.setattr(QThread, "start", thread_start)

    yield tracker

    problems: list[str] = []
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and (
        tracker.single_shots or tracker.running_qthreads() or _unfinished(qloop)
    ):
        qapp.processEvents()
        time.sleep(0.005)
    qapp.processEvents()
    if UNMARKED_READS:
        problems.append(f"Ops.query given functions not marked @read_only: {UNMARKED_READS}")
        UNMARKED_READS.clear()
    tasks = _unfinished(qloop)
    if tasks:
        problems.append(f"asyncio tasks still running: {[repr(t.get_coro()) for t in tasks]}")
        for task in tasks:
            task.cancel()
    timers = tracker.active_timers()
    if timers:
        problems.append(
            "QTimers still active: "
            + ", ".join(f"{t.objectName() or t!r} (parent {t.parent()!r})" for t in timers)
        )
        for timer in timers:
            timer.stop()
    if tracker.single_shots:
        problems.append(f"{tracker.single_shots} QTimer.singleShot callbacks still pending")
    off_thread.stop_pool(wait=True)  # its tasks are checked above with every other task
    qthreads = tracker.running_qthreads()
    if qthreads:
        problems.append(f"QThreads still running: {qthreads!r}")
    leftover = [
        t for t in set(threading.enumerate()) - threads_before if t.is_alive() and not t.daemon
    ]
    for thread in leftover:
        thread.join(timeout=GRACE_SECONDS)
    leftover = [t for t in leftover if t.is_alive()]
    if leftover:
        problems.append(f"threads still running: {[t.name for t in leftover]}")
    # Qt objects in reference cycles are destroyed here, on the Qt thread, not whenever the
    # garbage collector next runs (possibly on a worker thread, or inside Qt's event handling)
    gc.collect()
    qapp.processEvents()
    if problems:
        pytest.fail("the test left work running:\n  " + "\n  ".join(problems))


def _unfinished(loop: asyncio.AbstractEventLoop) -> list[asyncio.Task[Any]]:
    return [t for t in asyncio.all_tasks(loop) if not t.done()]


def wait_task(qtbot: Any, task: asyncio.Future[Any], timeout: int = 10_000) -> Any:
    """Spin Qt (and so the qasync loop) until ``task`` is done; return its result."""
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def ops(db: Any, qloop: asyncio.AbstractEventLoop, qtbot: Any) -> Iterator[Any]:
    """The window's Ops over the test database; shut down (tasks awaited) after the test."""
    from careops_desktop.ui.ops import Ops

    instance = Ops(db, loop=qloop)
    yield instance
    task = qloop.create_task(instance.shutdown())
    qtbot.waitUntil(task.done, timeout=10_000)


@pytest.fixture
def bridge(qapp: QApplication) -> Iterator[Any]:
    """An EventsBridge subscribed to the core event bus for the test."""
    from careops_desktop.ui.events_bridge import EventsBridge

    instance = EventsBridge()
    yield instance
    instance.close()
    instance.deleteLater()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo database, built once per test session (copy it with shell_helpers)."""
    from careops_desktop.core.db import Database
    from careops_desktop.core.demo.builder import build_demo
    from careops_desktop.core.schema import upgrade_to_head

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    database = Database(f"sqlite:///{path}")
    try:
        upgrade_to_head(database.engine)
        build_demo(database, "small")
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A fresh copy of the small demo database (closed after the test)."""
    import shutil

    from careops_desktop.core.db import Database

    target = tmp_path / "demo-copy.sqlite3"
    shutil.copyfile(demo_template, target)
    database = Database(f"sqlite:///{target}")
    yield database
    database.close()


@pytest.fixture
def demo_ops(demo_db: Any, qloop: asyncio.AbstractEventLoop, qtbot: Any) -> Iterator[Any]:
    """Ops over the demo copy; shut down after the test."""
    from careops_desktop.ui.ops import Ops

    instance = Ops(demo_db, loop=qloop)
    yield instance
    task = qloop.create_task(instance.shutdown())
    qtbot.waitUntil(task.done, timeout=10_000)


def demo_actor(database: Any, who: str = "owner") -> Any:
    """Sign in as the demo's owner, manager or staff member (on the calling thread)."""
    from careops_desktop.core.demo import plan
    from careops_desktop.core.services import auth

    email = getattr(plan, f"{who.upper()}_EMAIL")
    password = getattr(plan, f"{who.upper()}_PASSWORD")
    return database.call(auth.login, email, password)

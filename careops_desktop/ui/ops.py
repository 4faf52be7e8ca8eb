"""The window's only road to the database: queries and commands run on the database worker.

Every view holds the one :class:`Ops` of the signed-in session and calls::

    ops.query(contacts.search_contacts, actor, "smith", on_done=self._show)
    ops.command(bookings.cancel, actor, booking_id, reason, on_done=self._closed)

Both schedule ``await database.run(fn, *args)`` as a task on the Qt loop (qasync) and
call ``on_done(result)`` or ``on_error(exc)`` back on the Qt thread; the Qt thread never
runs SQL. ``query`` takes only readers marked ``@read_only`` (a plain transaction, not the
write lock); an unmarked function warns with :class:`UnmarkedReadWarning` (an error in tests).
Work that is not database work leaves the Qt thread through :mod:`careops_desktop.ui.off_thread`.

Errors the core raises on purpose (:class:`CareOpsError`) go to ``on_error``, by
default a message box with the words as plain text; anything else is logged with its
traceback and shown as "Something went wrong" with the details folded away.

A busy cursor (and ``busyChanged(True)``) appears only when work lasts longer than half a
second. ``progress_task`` runs long, cancellable work behind a ``QProgressDialog``.
Every task is tracked: ``wait_idle()`` lets tests wait, ``shutdown()`` cancels cleanly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from careops_desktop.core.db import Database, is_read_only
from careops_desktop.core.errors import CareOpsError
from careops_desktop.ui.off_thread import run_off_thread

log = logging.getLogger(__name__)

T = TypeVar("T")
BUSY_DELAY_MS = 500
UNEXPECTED_TEXT = "Something went wrong"  # English; the box says it in the window's language
UNMARKED_READS: list[str] = []  # names given to Ops.query unmarked (the tests fail on any)

Callback = Callable[[Any], None]


class UnmarkedReadWarning(UserWarning):
    """``Ops.query`` was given a function not marked ``@read_only`` (pytest makes it an error)."""


class Cancelled(Exception):
    """Raised inside long work when the person pressed Cancel; the transaction rolls back."""


class ProgressReporter:
    """Handed to long work on a worker thread: ``report(done, total, text)`` and ``cancelled``.

    ``report`` may be called from any thread; it raises :class:`Cancelled` once the person
    pressed Cancel, so the work stops at its next report (and its transaction rolls back).
    """

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def __call__(self, done: int, total: int, text: str = "") -> None:
        self.report(done, total, text)

    def report(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled("Cancelled")
        self._emit(int(done), int(total), str(text))


class _ProgressRelay(QObject):
    """Carries progress from a worker thread to the Qt thread (a queued signal)."""

    progressed = Signal(int, int, str)


def show_error_box(parent: QWidget | None, title: str, text: str, details: str = "") -> QMessageBox:
    """Open a non-blocking message box that shows ``text`` (and ``details``) as plain text."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("careopsErrorBox")
    box.open()
    return box


class Ops(QObject):
    """Runs core work on the database worker for the window; lives on the Qt thread.

    Signals: ``busyChanged(bool)`` when work has lasted over half a second (and again when it
    ends), ``idle()`` each time the last task ends, ``errorShown(str)`` with the words of
    each error shown by default, ``statusMessage(str)`` for a command's success message.
    """

    busyChanged = Signal(bool)
    idle = Signal()
    errorShown = Signal(str)
    statusMessage = Signal(str)

    def __init__(
        self,
        database: Database,
        *,
        parent_widget: QWidget | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        busy_delay_ms: int = BUSY_DELAY_MS,
    ) -> None:
        super().__init__()
        self.database = database
        self.parent_widget = parent_widget
        self._loop = loop
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy = False
        self._active_work = 0
        self._boxes: set[QMessageBox] = set()
        self._closed = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(busy_delay_ms)
        self._busy_timer.timeout.connect(self._turn_busy_on)

    # -- public API -----------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """How many tasks are in flight."""
        return len(self._tasks)

    @property
    def is_busy(self) -> bool:
        """True while the busy indicator shows (work has lasted longer than the delay)."""
        return self._busy

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await ``fn(session, *args)`` on the database worker (for async UI code).

        Counts as in-flight work for the busy indicator; errors propagate to the caller.
        """
        self._check_open()
        self._work_started()
        try:
            return await self.database.run(fn, *args, **kwargs)
        finally:
            self._work_ended()

    def query(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> asyncio.Task[Any]:
        """Read: run ``fn(session, *args, **kwargs)`` off the Qt thread, then call back on it.

        ``fn`` must be marked ``@read_only`` (``core.db.read_only``): a reader begins a plain
        transaction instead of taking the write lock. An unmarked ``fn`` still runs (as a
        write) but warns with :class:`UnmarkedReadWarning` and is noted in ``UNMARKED_READS``,
        which the tests' leak check (``tests/ui/conftest.py``) turns into a failure.
        ``owner``: a QObject whose deletion drops the callbacks (a closed view never hears
        back). Returns the task (awaitable, cancellable).
        """
        if not is_read_only(fn):
            name = getattr(fn, "__qualname__", repr(fn))
            UNMARKED_READS.append(name)
            warnings.warn(
                f"ops.query was given {name!r}, which is not marked @read_only; "
                "it takes the write lock (mark it, or use ops.command)",
                UnmarkedReadWarning,
                stacklevel=2,
            )
        return self._spawn(self._call(fn, args, kwargs, on_done, on_error, owner, None))

    def command(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        success_message: str | None = None,
        **kwargs: Any,
    ) -> asyncio.Task[Any]:
        """Write: like :meth:`query`; on success also emits ``statusMessage(success_message)``."""
        return self._spawn(self._call(fn, args, kwargs, on_done, on_error, owner, success_message))

    def progress_task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        title: str,
        label: str,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        on_cancelled: Callable[[], None] | None = None,
        use_database: bool = True,
        show_after_ms: int = BUSY_DELAY_MS,
        **kwargs: Any,
    ) -> asyncio.Task[Any]:
        """Long, cancellable work behind a progress dialog that appears after half a second.

        ``fn`` receives ``progress=`` (a :class:`ProgressReporter`) and should call
        ``progress(done, total, text)`` now and then. With ``use_database`` it runs as
        ``fn(session, *args, progress=...)`` on the database worker in one transaction;
        otherwise as ``fn(*args, progress=...)`` on a thread of its own. Cancel makes the next
        report raise :class:`Cancelled`; then ``on_cancelled()`` is called instead.
        """
        relay = _ProgressRelay()
        reporter = ProgressReporter(relay.progressed.emit)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(title)
        dialog.setObjectName("careopsProgressDialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(show_after_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(reporter.cancel)

        def on_progress(done: int, total: int, text: str) -> None:
            if not shiboken6.isValid(dialog):
                return
            if dialog.wasCanceled():
                reporter.cancel()
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
            if text:
                dialog.setLabelText(text)

        relay.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        dialog.setValue(0)  # starts the minimum-duration clock

        async def work() -> Any:
            try:
                if use_database:
                    return await self.run(fn, *args, progress=reporter, **kwargs)
                self._work_started()
                try:
                    return await run_off_thread(fn, *args, progress=reporter, **kwargs)
                finally:
                    self._work_ended()
            finally:
                relay.progressed.disconnect(on_progress)
                if shiboken6.isValid(dialog):
                    dialog.canceled.disconnect(reporter.cancel)
                    dialog.close()
                    dialog.deleteLater()

        async def guarded() -> Any:
            try:
                result = await work()
            except Cancelled:
                if on_cancelled is not None:
                    self._safe_callback(on_cancelled, None)
                return None
            except asyncio.CancelledError:
                reporter.cancel()
                raise
            except Exception as exc:
                self._deliver_error(exc, on_error, None)
                return None
            if on_done is not None:
                self._safe_callback(on_done, None, result)
            return result

        task = self._spawn(guarded())
        task.reporter = reporter  # type: ignore[attr-defined]  # tests press Cancel through it
        task.dialog = dialog  # type: ignore[attr-defined]
        return task

    async def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no task is in flight (tests; closing views). Raises TimeoutError."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._tasks:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"{len(self._tasks)} operations still running")
            await asyncio.wait(set(self._tasks), timeout=remaining)

    async def shutdown(self) -> None:
        """Cancel and await every task, stop the busy timer; no further work is accepted."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._busy_timer.stop()
        self._set_busy(False)

    # -- internals ------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("Ops is shut down")

    def _get_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            self._loop = asyncio.get_event_loop()
        return self._loop

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        if self._closed:
            coro.close()
            raise RuntimeError("Ops is shut down")
        task = self._get_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_finished)
        return task

    def _task_finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            log.error("UI task failed", exc_info=exc)
        if not self._tasks:
            self.idle.emit()

    async def _call(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callback | None,
        on_error: Callback | None,
        owner: QObject | None,
        success_message: str | None,
    ) -> Any:
        try:
            result = await self.run(fn, *args, **kwargs)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._deliver_error(exc, on_error, owner)
            return None
        if owner is not None and not shiboken6.isValid(owner):
            return result
        if success_message:
            self.statusMessage.emit(success_message)
        if on_done is not None:
            self._safe_callback(on_done, owner, result)
        return result

    def _safe_callback(
        self, callback: Callable[..., None], owner: QObject | None, *values: Any
    ) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        try:
            callback(*values)
        except Exception as exc:  # a view's bug must not break the loop
            log.exception("UI callback failed")
            self.show_unexpected(exc)

    def _deliver_error(
        self, exc: BaseException, on_error: Callback | None, owner: QObject | None
    ) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        if isinstance(exc, CareOpsError):
            if on_error is not None:
                try:
                    on_error(exc)
                except Exception as callback_exc:
                    log.exception("UI error callback failed")
                    self.show_unexpected(callback_exc)
            else:
                self.show_error(str(exc))
            return
        log.error("unexpected error in database work", exc_info=exc)
        self.show_unexpected(exc)

    def show_error(self, text: str, title: str = "CareOps") -> QMessageBox:
        """Show a refusal's words in a message box (plain text); emits ``errorShown``."""
        self.errorShown.emit(text)
        return self._keep(show_error_box(self._dialog_parent(), title, text))

    def _keep(self, box: QMessageBox) -> QMessageBox:
        """Hold a reference until the box closes (a parentless box would vanish at once)."""
        self._boxes.add(box)
        box.finished.connect(lambda *_: self._boxes.discard(box))
        return box

    def show_unexpected(self, exc: BaseException) -> QMessageBox:
        """Show "Something went wrong" with the traceback as folded details."""
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.errorShown.emit(UNEXPECTED_TEXT)
        return self._keep(
            show_error_box(
                self._dialog_parent(),
                "CareOps",
                self.tr("Something went wrong. The details have been written to the log."),
                details,
            )
        )

    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent_widget
        if parent is not None and shiboken6.isValid(parent):
            return parent
        return QApplication.activeWindow()

    def _work_started(self) -> None:
        self._active_work += 1
        if self._active_work == 1 and not self._busy:
            self._busy_timer.start()

    def _work_ended(self) -> None:
        self._active_work = max(0, self._active_work - 1)
        if self._active_work == 0:
            if shiboken6.isValid(self._busy_timer):
                self._busy_timer.stop()
            self._set_busy(False)

    @Slot()
    def _turn_busy_on(self) -> None:
        if self._active_work > 0:
            self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            with contextlib.suppress(RuntimeError):
                QApplication.restoreOverrideCursor()
        self.busyChanged.emit(busy)

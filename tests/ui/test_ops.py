"""Ops: core work off the Qt thread, callbacks on it, errors in plain words, progress, cancel."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from sqlalchemy import text
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.ui.ops import UNEXPECTED_TEXT, Cancelled, ProgressReporter
from tests.ui.conftest import wait_task


@read_only
def _which_thread(session: Session) -> tuple[str, int]:
    value = session.execute(text("SELECT 41 + 1")).scalar_one()
    return threading.current_thread().name, int(value)


def _refuse(session: Session, name: str) -> None:
    raise ValidationError({"name": f"“{name}” is not a name"})


def _crash(session: Session) -> None:
    raise ZeroDivisionError("boom")


def _open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _close_boxes() -> None:
    for box in _open_boxes():
        box.close()


def test_query_runs_on_the_database_worker_and_calls_back_on_the_qt_thread(ops, qtbot) -> None:
    seen: list[Any] = []
    task = ops.query(
        _which_thread, on_done=lambda r: seen.append((r, threading.current_thread().name))
    )
    wait_task(qtbot, task)
    (worker_name, value), callback_thread = seen[0]
    assert worker_name.startswith("careops-db")
    assert value == 42
    assert callback_thread == threading.main_thread().name
    assert ops.pending == 0


def test_a_refusal_goes_to_on_error_with_its_fields(ops, qtbot) -> None:
    errors: list[BaseException] = []
    task = ops.command(
        _refuse,
        "<b>x</b>",
        on_done=lambda r: errors.append(AssertionError()),
        on_error=errors.append,
    )
    wait_task(qtbot, task)
    assert isinstance(errors[0], ValidationError)
    assert errors[0].fields == {"name": "“<b>x</b>” is not a name"}
    assert _open_boxes() == []


def test_a_refusal_without_on_error_is_shown_as_plain_text(ops, qtbot) -> None:
    shown: list[str] = []
    ops.errorShown.connect(shown.append)
    wait_task(qtbot, ops.command(_refuse, '<img src="http://127.0.0.1:9/x">'))
    boxes = _open_boxes()
    try:
        assert len(boxes) == 1
        assert boxes[0].textFormat() == Qt.TextFormat.PlainText
        assert '<img src="http://127.0.0.1:9/x">' in boxes[0].text()
        assert shown == [boxes[0].text()]
    finally:
        _close_boxes()


def test_an_unexpected_error_says_something_went_wrong_with_details(ops, qtbot, caplog) -> None:
    wait_task(qtbot, ops.command(_crash))
    boxes = _open_boxes()
    try:
        assert len(boxes) == 1
        assert boxes[0].text().startswith(UNEXPECTED_TEXT)
        assert "ZeroDivisionError: boom" in boxes[0].detailedText()
        assert any("ZeroDivisionError" in (r.exc_text or "") for r in caplog.records)
    finally:
        _close_boxes()


def test_a_bug_in_a_callback_is_shown_not_raised_into_the_loop(ops, qtbot) -> None:
    def broken(_result: Any) -> None:
        raise KeyError("view bug")

    wait_task(qtbot, ops.query(_which_thread, on_done=broken))
    boxes = _open_boxes()
    try:
        assert [b.text().startswith(UNEXPECTED_TEXT) for b in boxes] == [True]
    finally:
        _close_boxes()


def test_callbacks_of_a_deleted_owner_are_dropped(ops, qtbot) -> None:
    owner = QWidget()
    called: list[Any] = []
    task = ops.query(_which_thread, on_done=called.append, owner=owner)
    owner.deleteLater()
    QApplication.sendPostedEvents(None, 0)
    wait_task(qtbot, task)
    assert called == []


def test_busy_shows_only_after_the_delay(ops, qtbot) -> None:
    changes: list[bool] = []
    ops.busyChanged.connect(changes.append)
    wait_task(qtbot, ops.query(_which_thread))
    assert changes == []

    @read_only
    def slow(session: Session) -> str:
        time.sleep(0.8)
        return "done"

    task = ops.query(slow)
    qtbot.waitUntil(lambda: ops.is_busy, timeout=3000)
    assert QApplication.overrideCursor() is not None
    wait_task(qtbot, task)
    assert changes == [True, False]
    assert QApplication.overrideCursor() is None


def test_progress_task_reports_and_finishes(ops, qtbot) -> None:
    results: list[Any] = []

    def work(session: Session, count: int, progress: ProgressReporter) -> int:
        for i in range(count):
            progress(i + 1, count, f"step {i + 1}")
        return count

    task = ops.progress_task(work, 5, title="Work", label="Working", on_done=results.append)
    wait_task(qtbot, task)
    assert results == [5]


def test_progress_task_cancel_stops_the_work_and_rolls_back(ops, qtbot, db) -> None:
    started = threading.Event()
    cancelled: list[bool] = []

    def work(session: Session, progress: ProgressReporter) -> None:
        session.execute(text("CREATE TABLE scratch (x INTEGER)"))
        started.set()
        for i in range(1000):
            time.sleep(0.01)
            progress(i, 1000)

    task = ops.progress_task(
        work,
        title="Work",
        label="Working",
        on_cancelled=lambda: cancelled.append(True),
        show_after_ms=0,
    )
    qtbot.waitUntil(started.is_set, timeout=3000)
    button = task.dialog.findChild(QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the person presses Cancel
    wait_task(qtbot, task)
    assert cancelled == [True]
    with db.session() as session:
        tables = session.execute(text("SELECT name FROM sqlite_master WHERE name='scratch'"))
        assert tables.all() == []


def test_progress_task_off_the_database_thread(ops, qtbot) -> None:
    names: list[str] = []

    def work(progress: ProgressReporter) -> str:
        progress(1, 1)
        return threading.current_thread().name

    wait_task(
        qtbot,
        ops.progress_task(work, title="T", label="L", use_database=False, on_done=names.append),
    )
    assert names[0].startswith("careops-ui-job")


def test_reporter_raises_after_cancel() -> None:
    reporter = ProgressReporter(lambda *a: None)
    reporter(1, 2)
    reporter.cancel()
    try:
        reporter(2, 2)
    except Cancelled:
        pass
    else:
        raise AssertionError("Cancelled not raised")


def test_shutdown_cancels_tasks_and_refuses_new_work(ops, qtbot, qloop) -> None:
    release = threading.Event()
    called: list[Any] = []

    @read_only
    def waits(session: Session) -> str:
        release.wait(5)
        return "late"

    ops.query(waits, on_done=called.append)
    shutdown = qloop.create_task(ops.shutdown())
    release.set()
    wait_task(qtbot, shutdown)
    assert called == []
    assert ops.pending == 0
    try:
        ops.query(_which_thread)
    except RuntimeError:
        pass
    else:
        raise AssertionError("work accepted after shutdown")


def test_not_found_words_reach_on_error(ops, qtbot) -> None:
    @read_only
    def missing(session: Session) -> None:
        raise NotFound("booking", 7)

    errors: list[str] = []
    wait_task(qtbot, ops.query(missing, on_error=lambda e: errors.append(str(e))))
    assert errors == ["No booking with id 7."]

"""Drag and drop and blocked time, joined to undo, on the real Bookings tab.

Real mouse and key events on the real calendar (the clinic of tests/core/booking_world.py
on a real SQLite file): a dragged booking comes back with Ctrl+Z and its held reschedule
email is withdrawn (never sent); a stretched one comes back with the notice's Undo; a drag
over blocked time says so while dragging and asks on drop; a block added, removed (one
week of a series) or edited comes back with Undo.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import time_blocks
from careops_desktop.ui.bookings.time_block_dialog import (
    TimeBlockDialog,
    remove_with_confirmation,
)
from careops_desktop.ui.widgets.local_time import fmt_day
from tests.core.booking_world import DESK, World, at
from tests.core.test_slots import add_booking
from tests.ui.test_calendar_drag import (
    LEFT,
    _confirm,
    _dialog,
    _drag,
    _point,
    _row,
    _tab,
    _weekday_ahead,
    world,
)

__all__ = ["world"]


def _reschedule_rows(db: Any, booking_id: int) -> list[tuple[str, datetime | None]]:
    with db.session() as session:
        rows = session.execute(
            select(OutboxMessage.status, OutboxMessage.next_attempt_at).where(
                OutboxMessage.booking_id == booking_id, OutboxMessage.kind == "reschedule"
            )
        ).all()
    return [(status, when) for status, when in rows]


def _ctrl_z(qtbot: Any, page: Any) -> None:
    window = page.window()
    window.activateWindow()  # the dialog has closed: the window is the active one again
    qtbot.waitActive(window)
    page.calendar.setFocus()
    qtbot.waitUntil(page.calendar.hasFocus, timeout=3000)
    qtbot.keyClick(page.calendar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _add_block(db: Any, provider_id: int | None, day: date, hour: int, reason: str, **kw: Any):
    start = datetime.combine(day, time(hour))
    return db.call(
        time_blocks.add_block,
        DESK,
        provider_id=provider_id,
        start=start,
        end=start + timedelta(hours=1),
        reason=reason,
        **kw,
    )


def _blocks_on(db: Any, provider_id: int, day: date) -> list[tuple[str, datetime]]:
    found = db.call(time_blocks.occurrences_between, [provider_id], day, day)
    return [(o.reason, o.wall_start) for o in found]


def test_a_dragged_booking_comes_back_with_ctrl_z_and_its_email_never_leaves(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))  # 10:00–11:00
    page = _tab(qtbot, ops, bridge, day, 7)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    next_day = day + timedelta(days=1)
    _drag(
        qtbot,
        calendar,
        rect.center().toPoint(),
        _point(page, next_day.isoformat(), next_day, 14, 30),
    )
    dialog = _dialog(qtbot, page)
    assert dialog.tell.isChecked()
    _confirm(qtbot, dialog)
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(next_day, 14)
    # the email waits out the undo window in the outbox
    ((status, not_before),) = _reschedule_rows(db, booking_id)
    assert status == "queued" and not_before is not None
    assert not_before.replace(tzinfo=UTC) > datetime.now(UTC) + timedelta(seconds=90)
    qtbot.waitUntil(lambda: page.undo_notice.isVisible(), timeout=5000)
    words = page.undo_notice.text.text()
    assert "was moved to" in words and "told in 2 minutes unless you undo" in words

    _ctrl_z(qtbot, page)
    qtbot.waitUntil(
        lambda: _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 10), timeout=5000
    )
    assert _row(db, booking_id).end_at.replace(tzinfo=UTC) == at(day, 11)
    assert _reschedule_rows(db, booking_id) == []  # withdrawn: never sent
    qtbot.waitUntil(lambda: "nothing was sent" in page.undo_notice.text.text(), timeout=5000)


def test_a_stretched_booking_comes_back_with_the_notices_undo(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    edge = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    _drag(qtbot, calendar, edge, _point(page, f"p{world.alice}", day, 11, 35))
    dialog = _dialog(qtbot, page)
    assert dialog.request.resize
    dialog.tell.setChecked(False)  # "Tell the customer" off: nothing is queued at all
    _confirm(qtbot, dialog)
    assert _row(db, booking_id).end_at.replace(tzinfo=UTC) == at(day, 11, 30)
    assert _reschedule_rows(db, booking_id) == []
    qtbot.waitUntil(lambda: "was given a new length" in page.undo_notice.text.text(), timeout=5000)
    assert "told" not in page.undo_notice.text.text()
    qtbot.mouseClick(page.undo_notice.undo_button, LEFT)
    qtbot.waitUntil(
        lambda: _row(db, booking_id).end_at.replace(tzinfo=UTC) == at(day, 11), timeout=5000
    )
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 10)


def test_a_drag_over_blocked_time_says_so_and_asks_before_moving(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    _add_block(db, world.alice, day, 13, "Team <b>meeting</b>")
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    qtbot.waitUntil(lambda: bool(calendar.data().time_blocks), timeout=8000)
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)
    end = _point(page, f"p{world.alice}", day, 13, 5)
    qtbot.mousePress(calendar, LEFT, pos=grip)
    for step in range(1, 5):
        qtbot.mouseMove(calendar, grip + (end - grip) * step / 4)
    target = calendar.drag.target  # the feedback while the button is still down
    assert target is not None and target.verdict.kind == "blocked"
    assert "Blocked: Team <b>meeting</b>" in target.verdict.words
    qtbot.mouseRelease(calendar, LEFT, pos=end)
    dialog = _dialog(qtbot, page)
    assert dialog.warning.isVisible()
    assert dialog.warning.text() == "This time is blocked (Team <b>meeting</b>). Move anyway?"
    assert dialog.warning.textFormat() == Qt.TextFormat.PlainText
    assert dialog.ok_button.text() == "Move anyway"
    _confirm(qtbot, dialog)
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 13)


def test_a_block_the_page_did_not_know_is_asked_about_by_the_core(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)
    _drag(qtbot, calendar, grip, _point(page, f"p{world.alice}", day, 13, 5))
    dialog = _dialog(qtbot, page)
    assert dialog.request.verdict.kind == "free" and dialog.ok_button.text() == "Move"
    _add_block(db, None, day, 13, "Staff training")  # everyone's, while the dialog is open
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Move anyway", timeout=8000)
    assert dialog.warning.text() == "This time is blocked (Staff training). Move anyway?"
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 10)  # not yet
    _confirm(qtbot, dialog)
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 13)


def test_a_block_added_in_the_dialog_is_taken_back_with_undo(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    page = _tab(qtbot, ops, bridge, day, 1)
    dialog = page.block_time(world.alice, datetime.combine(day, time(12)))
    with qtbot.waitSignal(dialog.succeeded, timeout=8000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert _blocks_on(db, world.alice, day) == [("Lunch", datetime.combine(day, time(12)))]
    qtbot.waitUntil(lambda: page.undo_notice.isVisible(), timeout=5000)
    said = f"Lunch for Alice Practitioner on {fmt_day(day)} was blocked."
    assert page.undo_notice.text.text() == said
    qtbot.waitUntil(lambda: bool(page.calendar.data().time_blocks), timeout=8000)
    qtbot.mouseClick(page.undo_notice.undo_button, LEFT)
    qtbot.waitUntil(lambda: _blocks_on(db, world.alice, day) == [], timeout=5000)
    qtbot.waitUntil(lambda: not page.calendar.data().time_blocks, timeout=8000)
    assert "taken back" in page.undo_notice.text.text()


def test_one_removed_week_of_a_series_and_an_edit_come_back_with_ctrl_z(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    _add_block(db, world.alice, day, 12, "Lunch", repeats_weekly=True)
    page = _tab(qtbot, ops, bridge, day, 1)
    qtbot.waitUntil(lambda: bool(page.calendar.data().time_blocks), timeout=8000)
    mark = page.calendar.data().time_blocks[0]
    box = remove_with_confirmation(page, ops, DESK, mark, page.undo)
    next(b for b in box.buttons() if b.text() == "Only this week").click()
    qtbot.waitUntil(lambda: _blocks_on(db, world.alice, day) == [], timeout=5000)
    qtbot.waitUntil(
        lambda: (
            page.undo_notice.text.text()
            == f"Lunch for Alice Practitioner on {fmt_day(day)} is no longer blocked."
        ),
        timeout=5000,
    )
    _ctrl_z(qtbot, page)
    qtbot.waitUntil(lambda: len(_blocks_on(db, world.alice, day)) == 1, timeout=5000)
    next_week = day + timedelta(weeks=1)
    assert len(_blocks_on(db, world.alice, next_week)) == 1  # the other weeks were never gone

    # an edit of the series (13:00 now), then undo: 12:00 again
    block = db.call(time_blocks.get_block, mark.block_id)
    editor = TimeBlockDialog(ops, DESK, [(world.alice, "Alice")], page, block=block, undo=page.undo)
    editor.start.setTime(editor.start.time().addSecs(3600))
    editor.end.setTime(editor.end.time().addSecs(3600))
    editor.open()
    with qtbot.waitSignal(editor.succeeded, timeout=8000):
        qtbot.mouseClick(editor.ok_button, LEFT)
    assert _blocks_on(db, world.alice, day) == [("Lunch", datetime.combine(day, time(13)))]
    qtbot.waitUntil(lambda: "was changed" in page.undo_notice.text.text(), timeout=5000)
    _ctrl_z(qtbot, page)
    qtbot.waitUntil(
        lambda: _blocks_on(db, world.alice, day) == [("Lunch", datetime.combine(day, time(12)))],
        timeout=5000,
    )


def test_a_keyboard_move_over_a_block_is_said_in_words(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    _add_block(db, world.alice, day, 12, "Lunch")
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    qtbot.waitUntil(lambda: bool(calendar.data().time_blocks), timeout=8000)
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    qtbot.mouseClick(calendar, LEFT, pos=rect.center().toPoint())
    qtbot.waitUntil(lambda: calendar.accessibleName().startswith("Calendar: "), timeout=5000)
    chosen = calendar.accessibleName()
    alt = Qt.KeyboardModifier.AltModifier
    for _ in range(4):  # 10:00 → 12:00 on the 30-minute grid
        qtbot.keyClick(calendar, Qt.Key.Key_Down, alt)
    said = calendar.accessibleName()
    assert said.startswith("Calendar: moving ") and "12:00–13:00" in said
    assert said.endswith("Blocked: Lunch; you will be asked.")
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert calendar.accessibleName() == chosen  # the chosen booking again

"""Drag and drop on the real Bookings tab: real mouse and key events on the real calendar.

The clinic of tests/core/booking_world.py (Alice and Bob, 09:00–17:00 London on
weekdays, a 60-minute consult, a 30-minute grid) on a real SQLite file; every drop
goes through the dialog to the core, and the database is read back.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.ui.bookings.dialogs import BookingDialog
from careops_desktop.ui.bookings.drop_dialog import DropDialog
from tests.core.booking_world import DESK, LONDON, World, at, build_in
from tests.core.test_slots import add_booking
from tests.ui.tab_helpers import open_tab

LEFT = Qt.MouseButton.LeftButton


def _weekday_ahead(days: int) -> date:
    day = datetime.now(LONDON).date() + timedelta(days=days)
    while day.weekday() >= 4:  # Monday to Thursday: a next weekday exists in the same week
        day += timedelta(days=1)
    return day


@pytest.fixture
def world(db: Any) -> World:
    return build_in(db)


def _tab(qtbot: Any, ops: Any, bridge: Any, day: date, days: int) -> Any:
    window = open_tab(qtbot, ops, bridge, DESK, ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None, timeout=8000)
    page.span.setCurrentIndex(page.span.findData(days))
    page.go_to(day)
    qtbot.waitUntil(
        lambda: (
            ops.pending == 0
            and page.page_data.request.days == days
            and page.page_data.request.first <= day
        ),
        timeout=8000,
    )
    return page


def _row(db: Any, booking_id: int) -> Booking:
    with db.session() as session:
        row = session.get(Booking, booking_id)
        assert row is not None
        session.expunge(row)
        return row


def _told(db: Any) -> int:
    with db.session() as session:
        where = OutboxMessage.kind == "reschedule"
        return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(where)))


def _point(page: Any, column: str, day: date, hour: int, minute: int = 0) -> QPoint:
    point = page.calendar.point_for(column, datetime.combine(day, time(hour, minute)))
    assert point is not None
    return point.toPoint()


def _drag(qtbot: Any, calendar: Any, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press, move in steps (each one a real mouse move with the button held), release."""
    qtbot.mousePress(calendar, LEFT, pos=start)
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        qtbot.mouseMove(calendar, QPoint(x, y))
    qtbot.mouseRelease(calendar, LEFT, pos=end)


def _dialog(qtbot: Any, page: Any) -> DropDialog:
    qtbot.waitUntil(lambda: page.calendar_hooks.dialog is not None, timeout=5000)
    dialog = page.calendar_hooks.dialog
    assert isinstance(dialog, DropDialog)
    qtbot.waitUntil(lambda: dialog.booking is not None, timeout=5000)
    return dialog


def _confirm(qtbot: Any, dialog: DropDialog) -> None:
    with qtbot.waitSignal(dialog.succeeded, timeout=8000):
        dialog.ok_button.click()


def test_dragging_a_block_moves_it_and_tells_the_customer(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))  # 10:00–11:00
    page = _tab(qtbot, ops, bridge, day, 7)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    start = rect.center().toPoint()  # 10:30: the grip is half an hour into the block
    next_day = day + timedelta(days=1)
    end = _point(page, next_day.isoformat(), next_day, 14, 30)
    qtbot.mousePress(calendar, LEFT, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(calendar, start + (end - start) * step / 6)
    target = calendar.drag.target  # the feedback while the button is still down
    assert target is not None and target.verdict.kind == "free"
    assert (target.start, target.end) == (
        datetime.combine(next_day, time(14)),
        datetime.combine(next_day, time(15)),
    )
    qtbot.mouseRelease(calendar, LEFT, pos=end)
    dialog = _dialog(qtbot, page)
    assert dialog.tell.isChecked()  # a booking still to come: the customer is told
    assert "Move" in dialog.summary.text()
    _confirm(qtbot, dialog)
    row = _row(db, booking_id)
    assert row.start_at.replace(tzinfo=UTC) == at(next_day, 14)
    assert row.end_at.replace(tzinfo=UTC) == at(next_day, 15)
    assert _told(db) == 1
    qtbot.waitUntil(lambda: not calendar.drag.active, timeout=5000)


def test_day_view_drag_to_bob_without_telling_the_customer(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)  # near the top: 10:00
    _drag(qtbot, calendar, grip, _point(page, f"p{world.bob}", day, 11, 5))
    dialog = _dialog(qtbot, page)
    assert dialog.request.provider_id == world.bob
    dialog.tell.setChecked(False)
    _confirm(qtbot, dialog)
    row = _row(db, booking_id)
    assert row.provider_id == world.bob
    assert row.start_at.replace(tzinfo=UTC) == at(day, 11)
    assert _told(db) == 0  # no outbox row: the customer is not told


def test_dragging_the_bottom_edge_changes_the_length(
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
    assert dialog.request.resize and "90 minutes" in dialog.summary.text()
    _confirm(qtbot, dialog)
    row = _row(db, booking_id)
    assert row.start_at.replace(tzinfo=UTC) == at(day, 10)
    assert row.end_at.replace(tzinfo=UTC) == at(day, 11, 30)


def test_a_drop_on_a_taken_time_is_refused_with_the_nearest_free_times(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    add_booking(db, world, world.alice, at(day, 13))  # someone else's 13:00–14:00
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)
    end = _point(page, f"p{world.alice}", day, 13, 5)
    qtbot.mousePress(calendar, LEFT, pos=grip)
    for step in range(1, 5):
        qtbot.mouseMove(calendar, grip + (end - grip) * step / 4)
    assert calendar.drag.target is not None
    assert calendar.drag.target.verdict.kind == "taken"
    qtbot.mouseRelease(calendar, LEFT, pos=end)
    dialog = _dialog(qtbot, page)
    assert "taken" in dialog.errors.banner.text()
    qtbot.waitUntil(lambda: dialog.alternatives.isVisible(), timeout=8000)
    offered = dialog.alternatives.findChildren(type(dialog.ok_button), "alternativeSlot")
    assert offered
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    row = _row(db, booking_id)
    assert row.start_at.replace(tzinfo=UTC) == at(day, 10)  # nothing changed
    assert _told(db) == 0
    qtbot.waitUntil(lambda: not calendar.drag.active, timeout=5000)


def test_outside_hours_asks_and_moves_anyway(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 15))
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)
    end = _point(page, f"p{world.alice}", day, 16, 35)  # 16:30–17:30: past closing
    _drag(qtbot, calendar, grip, end)
    dialog = _dialog(qtbot, page)
    assert dialog.request.verdict.kind == "outside_hours"
    assert dialog.ok_button.text() == "Move anyway" and dialog.warning.isVisible()
    _confirm(qtbot, dialog)
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 16, 30)


def test_keyboard_moves_and_stretches_then_enter_confirms(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    qtbot.mouseClick(calendar, LEFT, pos=rect.center().toPoint())
    assert calendar.selected_booking() == booking_id
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(calendar, Qt.Key.Key_Down, alt)
    qtbot.keyClick(calendar, Qt.Key.Key_Down, alt)  # 11:00
    qtbot.keyClick(calendar, Qt.Key.Key_Right, alt)  # Bob's column
    qtbot.keyClick(calendar, Qt.Key.Key_Down, alt | Qt.KeyboardModifier.ShiftModifier)
    target = calendar.drag.target
    assert target is not None and target.provider_id == world.bob
    assert (target.start.time(), target.end.time()) == (time(11), time(12, 30))
    qtbot.keyClick(calendar, Qt.Key.Key_Return)
    dialog = _dialog(qtbot, page)
    _confirm(qtbot, dialog)
    row = _row(db, booking_id)
    assert row.provider_id == world.bob
    assert row.start_at.replace(tzinfo=UTC) == at(day, 11)
    assert row.end_at.replace(tzinfo=UTC) == at(day, 12, 30)


def test_escape_cancels_a_keyboard_move_and_cancelled_blocks_do_not_move(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    booking_id = add_booking(db, world, world.alice, at(day, 10))
    cancelled = add_booking(db, world, world.alice, at(day, 14), status="cancelled")
    page = _tab(qtbot, ops, bridge, day, 1)
    calendar = page.calendar
    calendar.setFocus()
    calendar.select_booking(booking_id)
    qtbot.keyClick(calendar, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert calendar.drag.active
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert not calendar.drag.active and page.calendar_hooks.dialog is None
    # Esc during a mouse drag: the release then changes nothing
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    grip = rect.center().toPoint()
    qtbot.mousePress(calendar, LEFT, pos=grip)
    qtbot.mouseMove(calendar, grip + QPoint(0, 40))
    qtbot.mouseMove(calendar, grip + QPoint(0, 80))
    assert calendar.drag.active
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.mouseRelease(calendar, LEFT, pos=grip + QPoint(0, 80))
    assert not calendar.drag.active and page.calendar_hooks.dialog is None
    assert _row(db, booking_id).start_at.replace(tzinfo=UTC) == at(day, 10)
    rect = calendar.block_rect(cancelled)
    assert rect is not None
    grip = QPoint(int(rect.center().x()), int(rect.top()) + 4)
    _drag(qtbot, calendar, grip, _point(page, f"p{world.bob}", day, 11))
    assert not calendar.drag.active and page.calendar_hooks.dialog is None
    assert calendar.drag.said == "A cancelled booking cannot be moved."
    assert _row(db, cancelled).provider_id == world.alice


def test_double_click_at_ten_opens_new_booking_at_ten_with_that_provider(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    add_booking(db, world, world.bob, at(day, 9))  # Bob's first free time is not 10:00
    page = _tab(qtbot, ops, bridge, day, 1)
    opened: list[BookingDialog] = []
    original = page.create_new

    def spy(**preset: Any) -> BookingDialog:
        dialog = original(**preset)
        opened.append(dialog)
        return dialog

    page.create_new = spy
    point = page.calendar.point_for(f"p{world.bob}", datetime.combine(day, time(10, 5)))
    assert point is not None
    qtbot.mouseDClick(page.calendar, LEFT, pos=QPointF(point).toPoint())
    assert opened
    dialog = opened[0]
    qtbot.waitUntil(lambda: ops.pending == 0 and dialog.chooser.chosen() is not None, timeout=8000)
    chosen = dialog.chooser.chosen()
    assert chosen is not None
    assert chosen.start_utc == at(day, 10)
    assert dialog.chooser.provider.currentData() == world.bob
    if shiboken6.isValid(dialog):
        dialog.close()


def test_a_crowded_week_offers_the_day_view(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    for minute in range(0, 50, 10):  # five bookings side by side (written past the checks)
        add_booking(db, world, world.alice, at(day, 10, minute))
    page = _tab(qtbot, ops, bridge, day, 7)
    button = page.calendar_hooks.day_button
    qtbot.waitUntil(button.isVisible, timeout=5000)
    button.click()
    qtbot.waitUntil(
        lambda: ops.pending == 0 and page.page_data.request == type(page.page_data.request)(day, 1),
        timeout=8000,
    )
    assert len(page.calendar.data().columns) == 2  # Alice and Bob side by side
    assert not button.isVisible()


def test_new_booking_notes_label_sits_beside_its_box(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    page = _tab(qtbot, ops, bridge, _weekday_ahead(3), 7)
    dialog = page.create_new()
    qtbot.waitExposed(dialog)
    form = dialog.form
    rows = [form.itemAt(r, form.ItemRole.LabelRole) for r in range(form.rowCount())]
    label = next(
        item.widget() for item in rows if item is not None and item.widget().text() == "Notes"
    )
    box = dialog.notes
    label_top = label.mapTo(dialog, QPoint(0, 0)).y()
    box_top = box.mapTo(dialog, QPoint(0, 0)).y()
    assert abs(label_top - box_top) <= 8
    dialog.close()

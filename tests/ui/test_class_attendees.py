"""The attendee list of a class session: add (contact picker), remove (asked first),
arrived and no-show per attendee, move everyone; real widgets, real clicks and keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from sqlalchemy import func, select, update

from careops_desktop.core.models import Booking, BookingType, ClassSession, OutboxMessage, Provider
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings
from careops_desktop.ui.bookings.attendees_dialog import AttendeesDialog
from careops_desktop.ui.bookings.panel import BookingPanel
from tests.core.booking_world import DESK, LONDON, World, build_in

OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))


def _weekday_ahead(days: int) -> date:
    day = datetime.now(LONDON).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture
def world(db: Any) -> World:
    return build_in(db)


def _class_with_seats(
    db: Any, world: World, taken: int, seats: int = 4
) -> tuple[int, int, datetime]:
    with db.write_session() as s:
        yoga = BookingType(name="Yoga", slug="yoga", duration_minutes=60)
        yoga.providers = [s.get(Provider, world.alice)]  # type: ignore[list-item]
        s.add(yoga)
        s.flush()
        type_id = yoga.id
    db.call(bookings.set_capacity, OWNER, type_id, seats)
    start = datetime.combine(_weekday_ahead(3), time(10), LONDON).astimezone(UTC)
    first = 0
    for n in range(taken):
        receipt = db.call(
            bookings.book_public,
            booking_type_id=type_id,
            provider_id=world.alice,
            start_utc=start,
            name=f"Student {n + 1}",
            email=f"student{n + 1}@example.com",
        )
        first = first or receipt.booking_id
    session_id = db.call(bookings.session_of_booking, DESK, first)
    return type_id, session_id, start


def _dialog(qtbot: Any, ops: Any, session_id: int, rows: int) -> AttendeesDialog:
    dialog = AttendeesDialog(ops, DESK, session_id, LONDON, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == rows, timeout=8000)
    return dialog


def _row_of(dialog: AttendeesDialog, name: str) -> int:
    for row in range(dialog.table.rowCount()):
        item = dialog.table.item(row, 0)
        if item is not None and item.text() == name:
            return row
    raise AssertionError(f"{name} is not in the list")


def _click_row(qtbot: Any, dialog: AttendeesDialog, name: str) -> None:
    row = _row_of(dialog, name)
    rect = dialog.table.visualRect(dialog.table.model().index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() is not None and dialog.chosen().name == name  # type: ignore[union-attr]


def _live(db: Any) -> dict[str, str]:
    with db.session() as s:
        rows = s.execute(select(Booking.customer_name, Booking.status)).all()
    return {name: status for name, status in rows}


def test_the_list_adds_and_removes_attendees(db: Any, world: World, ops: Any, qtbot: Any) -> None:
    _type_id, session_id, _start = _class_with_seats(db, world, taken=2)
    dialog = _dialog(qtbot, ops, session_id, rows=2)
    assert dialog.seats.text() == "2 of 4 seats taken, 2 left."
    assert "Yoga with Alice Practitioner" in dialog.title.text()
    assert not dialog.buttons["remove"].isEnabled()  # nobody chosen yet
    # add: Ctrl+N opens the contact picker, type, choose, add
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.adding.isVisible, timeout=3000)
    qtbot.keyClicks(dialog.picker.search, "Known")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 1, timeout=5000)
    rect = dialog.picker.table.visualRect(dialog.picker.model.index(0, 0))
    qtbot.mouseClick(dialog.picker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(dialog.add_button.isEnabled, timeout=3000)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=8000)
    assert dialog.seats.text() == "3 of 4 seats taken, 1 left."
    assert _live(db)["Known Customer"] == "confirmed"
    # remove: Delete asks first; "Keep" changes nothing, "Remove" frees the seat
    _click_row(qtbot, dialog, "Student 1")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.confirm.isVisible() and "Student 1" in dialog.confirm_text.text()
    qtbot.mouseClick(dialog.confirm_no, Qt.MouseButton.LeftButton)
    assert not dialog.confirm.isVisible() and _live(db)["Student 1"] == "confirmed"
    _click_row(qtbot, dialog, "Student 1")
    qtbot.mouseClick(dialog.buttons["remove"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=8000)
    assert _live(db)["Student 1"] == "cancelled"
    assert dialog.seats.text() == "2 of 4 seats taken, 2 left."


def test_arrived_and_no_show_per_attendee(db: Any, world: World, ops: Any, qtbot: Any) -> None:
    _type_id, session_id, _start = _class_with_seats(db, world, taken=2)
    now = datetime.now(UTC).replace(microsecond=0)
    begun = now - timedelta(minutes=10)
    if begun.astimezone(LONDON).date() != now.astimezone(LONDON).date():
        pytest.skip("just after midnight: no visit under way today")
    with db.write_session() as s:  # the class started ten minutes ago
        s.execute(update(Booking).values(start_at=begun, end_at=begun + timedelta(hours=1)))
        s.execute(update(ClassSession).values(start_at=begun, end_at=begun + timedelta(hours=1)))
    dialog = _dialog(qtbot, ops, session_id, rows=2)
    _click_row(qtbot, dialog, "Student 1")
    qtbot.keyClick(
        dialog.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _live(db)["Student 1"] == "arrived", timeout=8000)
    qtbot.waitUntil(
        lambda: dialog.table.item(_row_of(dialog, "Student 1"), 2).text() != "Confirmed",
        timeout=8000,
    )
    _click_row(qtbot, dialog, "Student 2")
    qtbot.mouseClick(dialog.buttons["no_show"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _live(db)["Student 2"] == "no_show", timeout=8000)
    # someone has arrived: the session can no longer move, and the dialog says why
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=8000)
    assert "cannot be moved" in dialog.error.text()


def test_moving_the_session_moves_everyone_and_tells_each(
    db: Any, world: World, ops: Any, qtbot: Any
) -> None:
    _type_id, session_id, start = _class_with_seats(db, world, taken=3)
    dialog = _dialog(qtbot, ops, session_id, rows=3)
    later = start + timedelta(hours=4)
    dialog.move_to.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)

    def moved() -> bool:
        with db.session() as s:
            return s.scalar(select(ClassSession.start_at)) == later

    qtbot.waitUntil(moved, timeout=8000)
    with db.session() as s:
        starts = set(s.scalars(select(Booking.start_at)))
        told = s.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "reschedule")
        )
    assert starts == {later} and told == 3
    qtbot.waitUntil(lambda: "14:00" in dialog.title.text(), timeout=8000)


def test_the_panel_offers_the_list_only_for_a_class_seat(db: Any, world: World, qtbot: Any) -> None:
    _type_id, session_id, _start = _class_with_seats(db, world, taken=1)
    with db.session() as s:
        seat = s.scalar(select(Booking.id))
    panel = BookingPanel()
    qtbot.addWidget(panel)
    view = db.call(bookings.get_booking, DESK, seat)
    panel.show_booking(view, LONDON)
    assert view.session_id == session_id and panel.buttons["attendees"].isEnabled()
    one_to_one = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.bob,
        start_utc=_start,
    )
    panel.show_booking(db.call(bookings.get_booking, DESK, one_to_one.booking_id), LONDON)
    assert not panel.buttons["attendees"].isEnabled()


def test_settings_make_a_booking_type_a_class(qtbot: Any, demo_db: Any, demo_ops: Any) -> None:
    from careops_desktop.ui.settings.booking_types_page import BookingTypesSettingsPage
    from tests.ui.test_settings import _page, _save

    page = _page(qtbot, BookingTypesSettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(lambda: bool(page.types), timeout=10_000)
    page.chooser.setCurrentIndex(page.chooser.count() - 1)  # "New booking type…"
    assert page.capacity.value() == 1 and page.capacity.text() == "1 (one customer at a time)"
    page.name.setText("Pilates class")
    page.duration.setValue(45)
    page.capacity.setFocus()
    page.capacity.selectAll()
    qtbot.keyClicks(page.capacity, "12")
    _save(qtbot, page)
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.name == "Pilates class", timeout=10_000
    )
    assert page.current.capacity == 12
    with demo_db.session() as s:
        assert (
            s.scalar(select(BookingType.capacity).where(BookingType.name == "Pilates class")) == 12
        )


def test_the_calendar_shows_a_class_as_one_block(db: Any, world: World) -> None:
    from careops_desktop.ui.bookings.class_blocks import one_block_per_session

    _type_id, session_id, start = _class_with_seats(db, world, taken=3)
    with db.session() as s:
        seats = list(s.scalars(select(Booking.id).order_by(Booking.id)))
    db.call(bookings.cancel, DESK, seats[2], "", None)
    one_to_one = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.bob,
        start_utc=start,
    ).booking_id
    views = [db.call(bookings.get_booking, DESK, i) for i in [*seats, one_to_one]]
    shown = one_block_per_session(views)
    assert [(v.id, v.contact_name) for v in shown] == [
        (seats[0], "2 attendees"),
        (one_to_one, "Known Customer"),
    ]
    assert shown[0].session_id == session_id


def test_dragging_a_class_block_moves_the_whole_session(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    from tests.ui.test_calendar_drag import _confirm, _dialog, _drag, _point, _tab, _told

    _type_id, session_id, start = _class_with_seats(db, world, taken=3)
    day = start.astimezone(LONDON).date()
    page = _tab(qtbot, ops, bridge, day, 1)  # the day view: a column per provider
    with db.session() as s:
        first = s.scalar(select(Booking.id).order_by(Booking.id))
    calendar = page.calendar
    qtbot.waitUntil(lambda: calendar.block_rect(first) is not None, timeout=8000)
    rect = calendar.block_rect(first)
    assert rect is not None
    assert sum(1 for b in calendar._data.blocks if b.provider_id == world.alice) == 1
    grip = rect.center().toPoint()  # 10:30, half an hour into the block
    _drag(qtbot, calendar, grip, _point(page, f"p{world.alice}", day, 15, 30))
    dialog = _dialog(qtbot, page)
    _confirm(qtbot, dialog)
    later = datetime.combine(day, time(15), LONDON).astimezone(UTC)
    with db.session() as s:
        starts = set(s.scalars(select(Booking.start_at)))
        assert s.scalar(select(ClassSession.start_at).where(ClassSession.id == session_id)) == later
    assert {t.replace(tzinfo=UTC) for t in starts} == {later}
    assert _told(db) == 3

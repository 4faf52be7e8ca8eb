"""Outside-calendar busy time in the Bookings tab: greyed in the week calendar, and a desk
booking over it asks "Book anyway?" instead of silently double-booking the person."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from careops_desktop.core.models import Booking
from careops_desktop.core.services.calendar import BusyPeriod, CalendarToRead
from careops_desktop.core.services.calendar import job_store as calendar_store
from careops_desktop.ui.bookings.dialogs import BookingDialog
from careops_desktop.ui.bookings.page_data import (
    PageRequest,
    load_catalogue,
    load_page,
    to_calendar,
)
from careops_desktop.ui.widgets.calendar_data import BusyBlock, week_start
from tests.core.booking_world import DESK, World, at, build_in

BUSY_IN = " — busy in "  # how the desk labels a start busy in an outside calendar


def _wednesday() -> date:
    day = date.today() + timedelta(days=2)
    while day.weekday() != 2:
        day += timedelta(days=1)
    return day


def _busy(db, world: World, day: date, name: str = "Personal <i>cal</i>") -> None:  # type: ignore[no-untyped-def]
    target = CalendarToRead(world.alice, "http://cal.test/personal/", name, {}, {})
    period = BusyPeriod("/personal/1.ics", "dentist", "", at(day, 10), at(day, 11), "Dentist")
    db.call(
        calendar_store.apply_busy,
        target,
        full=True,
        periods=[period],
        replaced_hrefs=(),
        state={},
        now=datetime.now(UTC),
    )


def test_the_week_and_day_views_grey_out_outside_busy_time(db) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    wednesday = _wednesday()
    _busy(db, world, wednesday)
    week = db.call(load_page, PageRequest(week_start(wednesday), 7, world.alice))
    data = to_calendar(week)
    start = datetime.combine(wednesday, datetime.min.time()).replace(hour=10)
    assert data.busy == (
        BusyBlock(wednesday.isoformat(), start, start + timedelta(hours=1), "Personal <i>cal</i>"),
    )
    day = to_calendar(db.call(load_page, PageRequest(wednesday, 1, None)))
    assert [(b.column, b.label) for b in day.busy] == [(f"p{world.alice}", "Personal <i>cal</i>")]
    other_day = to_calendar(db.call(load_page, PageRequest(wednesday + timedelta(days=1), 1)))
    assert other_day.busy == ()


def _open_dialog(qtbot, ops, db, world: World, day: date) -> BookingDialog:  # type: ignore[no-untyped-def]
    catalogue = db.call(load_catalogue)
    dialog = BookingDialog(
        ops,
        DESK,
        catalogue,
        day=day,
        provider_id=world.alice,
        start_utc=at(day, 10),
        contact_id=world.known_contact,
    )
    dialog.show()  # closes (and deletes itself) once a booking is made
    qtbot.waitUntil(lambda: dialog.chooser.slot.findText("14:00") >= 0, timeout=8000)
    return dialog


def _confirm_box(qtbot, dialog: BookingDialog) -> QMessageBox:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def box_open() -> bool:
        found[:] = [
            b for b in dialog.findChildren(QMessageBox, "externalBusyConfirm") if b.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(box_open, timeout=8000)
    return found[0]


def _press(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Booking)) or 0)


def test_a_desk_booking_over_outside_busy_time_asks_first(qtbot, db, ops) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    wednesday = _wednesday()
    _busy(db, world, wednesday)
    dialog = _open_dialog(qtbot, ops, db, world, wednesday)
    labels = [dialog.chooser.slot.itemText(i) for i in range(dialog.chooser.slot.count())]
    assert f"10:00{BUSY_IN}Personal <i>cal</i>" in labels  # shown, labelled, not hidden
    assert f"09:30{BUSY_IN}Personal <i>cal</i>" in labels  # 09:30-10:30 meets it too
    assert "11:00" in labels and "09:00" in labels
    busy = f"10:00{BUSY_IN}Personal <i>cal</i>"
    dialog.chooser.slot.setCurrentIndex(labels.index(busy))
    assert dialog.chooser.chosen().start_utc == at(wednesday, 10)

    dialog.ok_button.click()
    box = _confirm_box(qtbot, dialog)
    assert box.text().startswith("This time is busy in Personal <i>cal</i>.")
    _press(box, "Choose another time")
    qtbot.wait(200)
    assert _count(db) == 0 and dialog.isVisible()

    dialog.chooser.slot.setCurrentIndex(dialog.chooser.slot.findText(busy))
    dialog.ok_button.click()
    _press(_confirm_box(qtbot, dialog), "Book anyway")
    qtbot.waitUntil(lambda: _count(db) == 1, timeout=8000)


def test_a_free_time_books_without_asking(qtbot, db, ops) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    wednesday = _wednesday()
    _busy(db, world, wednesday)
    dialog = _open_dialog(qtbot, ops, db, world, wednesday)
    index = dialog.chooser.slot.findText("14:00")
    dialog.chooser.slot.setCurrentIndex(index)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: _count(db) == 1, timeout=8000)

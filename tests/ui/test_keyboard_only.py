"""Keyboard only, from the Bookings tab: book (Ctrl+N, fill, save), move (Ctrl+R and the
Reschedule dialog) and cancel (Delete and the confirmation), with key events sent to the
focused widget and no mouse at all. Each Tab walk fails if a field or button cannot be
reached. Also: the calendar's accessible name follows the chosen booking, and the List
tab (its accessible alternative) selects the same booking."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from careops_desktop.core.models import Booking
from careops_desktop.core.services import slots
from careops_desktop.core.services.bookings import booking_types
from careops_desktop.core.services.business import business_zone
from careops_desktop.ui.bookings.dialogs import BookingDialog, CancelDialog, RescheduleDialog
from tests.ui.tab_helpers import demo_owner, open_tab

NOTE = "Booked with the keyboard only"


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press (and release) to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot: Any, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus; fail if Tab never reaches it."""
    for _ in range(limit):
        if target.hasFocus():
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reaches {type(target).__name__} {target.objectName()!r}"


def closed(dialog: QWidget) -> bool:
    """Closed (and, with WA_DeleteOnClose, deleted)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def modal(qtbot: Any, cls: type) -> Any:
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activeModalWidget(), cls)
            and QApplication.activeModalWidget().isVisible()
        ),
        timeout=8000,
    )
    return QApplication.activeModalWidget()


def free_day_offset(db: Any) -> tuple[int, int]:
    """(days from today, count of free starts) of the first day with at least two free
    starts for the first booking type (the one New booking offers first)."""
    with db.session() as session:
        zone = business_zone(session)
        today = datetime.now(zone).date()
        kind = booking_types.list_booking_types(session)[0]
        for offset in range(1, 20):
            found = slots.slots_for_day(session, kind.id, today + timedelta(days=offset))
            if len(found.slots) >= 2:
                return offset, len(found.slots)
    raise AssertionError("the demo has no day with two free times in three weeks")


def booking_row(db: Any) -> Any:
    with db.session() as session:
        return session.execute(
            select(Booking.id, Booking.start_at, Booking.status).where(Booking.notes == NOTE)
        ).one_or_none()


def test_book_move_and_cancel_with_the_keyboard_only(db, ops, bridge, qtbot) -> None:
    offset, _count = free_day_offset(db)
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and page.model.has_loaded, timeout=8000)
    page.calendar.setFocus()  # where a person lands in the tab; from here on only keys
    qtbot.waitUntil(page.calendar.hasFocus, timeout=3000)

    # -- book: Ctrl+N, a contact from the picker, a day ahead, the first free time, notes
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, BookingDialog)
    picker = dialog.picker
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=8000)
    tab_to(qtbot, picker.table)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: picker.selected_id() is not None, timeout=3000)
    wanted = datetime.now(page.zone).date() + timedelta(days=offset)
    tab_to(qtbot, dialog.chooser.day)  # the date is typed, section by section (Tab moves on)
    for words in (str(wanted.day), f"{wanted:%b}", str(wanted.year)):
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), words)
    assert dialog.chooser.day.date().toPython() == wanted
    qtbot.waitUntil(lambda: dialog.chooser.chosen() is not None, timeout=8000)
    tab_to(qtbot, dialog.notes)
    qtbot.keyClicks(focused(), NOTE)
    tab_to(qtbot, dialog.ok_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: booking_row(db) is not None, timeout=10_000)
    booked = booking_row(db)
    assert booked.status == "confirmed"
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)

    # the new booking is chosen: panel, calendar, its accessible name and the list agree
    qtbot.waitUntil(
        lambda: page.selected is not None and page.selected.id == booked.id, timeout=8000
    )
    assert page.calendar.selected_booking() == booked.id
    assert page.calendar.accessibleName().startswith(f"Calendar: {page.selected.contact_name}")
    assert "List tab" in page.calendar.accessibleDescription()
    listed = page.model.row_of(booked.id)
    if listed is not None:
        assert page.table.selectionModel().isRowSelected(listed)

    # -- move: Ctrl+R, another free time with the arrow key, Move
    assert page.calendar.hasFocus()  # the focus came back from the dialog
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    moving = modal(qtbot, RescheduleDialog)
    slot = moving.chooser.slot
    qtbot.waitUntil(lambda: slot.count() >= 2, timeout=8000)
    tab_to(qtbot, slot)
    before = slot.currentIndex()
    press(qtbot, Qt.Key.Key_Down)
    assert slot.currentIndex() == before + 1
    new_start = moving.chooser.chosen().start_utc
    tab_to(qtbot, moving.ok_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: booking_row(db).start_at.replace(tzinfo=new_start.tzinfo) == new_start,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: closed(moving), timeout=5000)
    qtbot.waitUntil(lambda: page.selected.start == new_start, timeout=8000)

    # -- cancel: Delete, a reason, then the confirming button (Enter alone does not cancel)
    press(qtbot, Qt.Key.Key_Delete)
    cancelling = modal(qtbot, CancelDialog)
    qtbot.waitUntil(cancelling.reason.hasFocus, timeout=3000)  # typing goes to the reason
    qtbot.keyClicks(focused(), "Customer rang")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert booking_row(db).status == "confirmed" and cancelling.isVisible()
    tab_to(qtbot, cancelling.ok_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: booking_row(db).status == "cancelled", timeout=10_000)
    qtbot.waitUntil(lambda: closed(cancelling), timeout=5000)

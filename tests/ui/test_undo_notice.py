"""Undo in the Bookings tab: the notice's Undo button after a cancel, Ctrl+Z (not while
typing), the arrived shortcut and the Waiting strip, restore from the panel; on the small
demo with real widgets and real key and mouse events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import Waiting
from careops_desktop.ui.bookings.dialogs import CancelDialog
from careops_desktop.ui.bookings.restore_dialog import RestoreDialog
from careops_desktop.ui.bookings.undo_notice import UndoStack
from careops_desktop.ui.bookings.waiting_strip import WaitingStrip, waiting_words
from tests.ui.tab_helpers import demo_owner, open_tab
from tests.ui.test_bookings_tab import ZONE, _free_slot


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _tab(qtbot: Any, ops: Any, bridge: Any, db: Any) -> tuple[Any, Any]:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and page.model.has_loaded, timeout=8000)
    window.activateWindow()
    qtbot.waitActive(window)
    return window, page


def _new_booking(db: Any, name: str = "Undo Tester") -> int:
    type_id, slot = _free_slot(db)
    receipt = db.call(
        bookings.book_public,
        booking_type_id=type_id,
        provider_id=slot.provider_id,
        start_utc=slot.start_utc,
        name=name,
        email="undo.tester@example.com",
    )
    return receipt.booking_id


def _today(db: Any, booking_id: int) -> None:
    """Put the booking on today's clock, starting ten minutes ago (a visit under way)."""
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=10)
    if start.astimezone(ZONE).date() != now.astimezone(ZONE).date():
        start = now + timedelta(minutes=1)
    with db.write_session() as session:
        session.execute(
            update(Booking)
            .where(Booking.id == booking_id)
            .values(start_at=start, end_at=start + timedelta(minutes=30))
        )


def _select(qtbot: Any, page: Any, booking_id: int) -> None:
    page.apply_filter({"booking_id": booking_id})
    qtbot.waitUntil(
        lambda: page.selected is not None and page.selected.id == booking_id, timeout=5000
    )


def _status(db: Any, booking_id: int) -> str:
    with db.session() as session:
        return session.get(Booking, booking_id).status


def test_cancel_then_undo_in_the_notice(db, ops, bridge, qtbot) -> None:
    booking_id = _new_booking(db)
    _window, page = _tab(qtbot, ops, bridge, db)
    _select(qtbot, page, booking_id)
    qtbot.mouseClick(page.panel.buttons["cancel"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in page.findChildren(CancelDialog) if w.isVisible())
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    notice = page.undo_notice
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert "Undo Tester's booking on" in notice.text.text()
    assert "was cancelled." in notice.text.text()
    assert notice.undo_button.isVisible()
    assert _status(db, booking_id) == "cancelled"
    qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(db, booking_id) == "confirmed", timeout=5000)
    qtbot.waitUntil(lambda: "was undone" in notice.text.text(), timeout=5000)
    assert "nothing was sent" in notice.text.text()
    assert not notice.undo_button.isVisible()
    qtbot.waitUntil(lambda: page.selected.status == "confirmed", timeout=5000)
    with db.session() as session:
        kinds = session.scalars(
            select(OutboxMessage.kind).where(OutboxMessage.booking_id == booking_id)
        ).all()
    assert "cancellation" not in kinds and "confirmation" in kinds
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


def test_arrived_shortcut_waiting_strip_and_ctrl_z(db, ops, bridge, qtbot) -> None:
    booking_id = _new_booking(db, "Walter Waiting")
    _today(db, booking_id)
    _window, page = _tab(qtbot, ops, bridge, db)
    _select(qtbot, page, booking_id)
    assert page.panel.buttons["arrived"].isEnabled()
    page.calendar.setFocus()
    qtbot.waitUntil(page.calendar.hasFocus, timeout=3000)
    qtbot.keyClick(
        page.calendar,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: _status(db, booking_id) == "arrived", timeout=5000)
    strip = page.waiting
    qtbot.waitUntil(lambda: any("Walter Waiting" in t for t in strip.texts()), timeout=5000)
    assert strip.isVisible() and strip._timer.isActive() and strip._timer.interval() == 60_000
    assert "Walter Waiting — just arrived" in " ".join(strip.texts())
    qtbot.waitUntil(lambda: page.selected.status == "arrived", timeout=5000)
    assert page.panel.fields["status"].text().startswith("Arrived at ")

    def block_says_arrived() -> bool:
        blocks = [b for b in page.calendar.data().blocks if b.id == booking_id]
        return bool(blocks) and blocks[0].subtitle.startswith("Arrived ")

    page.go_to(datetime.now(ZONE).date())
    qtbot.waitUntil(block_says_arrived, timeout=5000)
    assert "was marked as arrived." in page.undo_notice.text.text()
    # typing in the search box: Ctrl+Z is the field's own undo, the booking stays arrived
    page.pages.setCurrentIndex(1)
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus, timeout=3000)
    qtbot.keyClicks(page.search, "abc")
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)
    assert _status(db, booking_id) == "arrived"
    assert page.undo.latest() is not None
    page.pages.setCurrentIndex(0)
    page.calendar.setFocus()
    qtbot.waitUntil(page.calendar.hasFocus, timeout=3000)
    qtbot.keyClick(page.calendar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _status(db, booking_id) == "confirmed", timeout=5000)
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=5000)
    assert page.undo.latest() is None
    page.search.clear()


def test_waiting_strip_counts_the_minutes(db, ops, qtbot) -> None:
    now = datetime(2026, 6, 8, 9, 0, tzinfo=UTC)
    clock = [now]
    strip = WaitingStrip(ops, demo_owner(db), lambda: ZONE, clock=lambda: clock[0])
    qtbot.addWidget(strip)
    person = Waiting(1, "Ann & Co <b>", 1, "Alice", now + timedelta(minutes=10), now)
    strip.set_waiting([person])
    strip.show()
    assert strip.texts() == ["Ann & Co <b> — just arrived, booked 10:10 with Alice"]
    assert strip.buttons[0].text().startswith("Ann && Co <b>")  # no mnemonic, no markup
    clock[0] = now + timedelta(minutes=7, seconds=30)
    strip._timer.timeout.emit()  # the minute timer's tick
    assert strip.texts() == ["Ann & Co <b> — waiting 7 min, booked 10:10 with Alice"]
    assert waiting_words(person, now + timedelta(hours=2), ZONE).endswith("with Alice")
    strip.set_waiting([])
    assert not strip.isVisible() and not strip._timer.isActive()


def test_the_stack_offers_any_undo_for_two_minutes(qtbot) -> None:
    clock = [100.0]
    stack = UndoStack(clock=lambda: clock[0])
    done: list[str] = []
    stack.record_undo("Lunch was blocked.", lambda: done.append("block"))
    stack.record_undo("Ada's booking was moved.", lambda: done.append("move"))
    assert stack.latest().description == "Ada's booking was moved."
    assert stack.undo_latest() and done == ["move"]
    clock[0] += 121
    assert stack.latest() is None and not stack.undo_latest() and done == ["move"]


def test_restore_from_the_panel(db, ops, bridge, qtbot) -> None:
    booking_id = _new_booking(db, "Rita Restore")
    db.call(bookings.cancel, demo_owner(db), booking_id, "by phone")
    _window, page = _tab(qtbot, ops, bridge, db)
    _select(qtbot, page, booking_id)
    assert page.panel.buttons["restore"].isEnabled()
    assert not page.panel.buttons["cancel"].isEnabled()
    qtbot.mouseClick(page.panel.buttons["restore"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in page.findChildren(RestoreDialog) if w.isVisible())
    assert dialog.tell_customer.isChecked()
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _status(db, booking_id) == "confirmed"
    qtbot.waitUntil(lambda: page.selected.status == "confirmed", timeout=5000)
    assert not page.panel.buttons["restore"].isEnabled()


def test_the_notice_goes_when_its_change_can_no_longer_be_undone(qtbot) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from careops_desktop.ui.bookings.undo_notice import UndoNotice

    clock = [500.0]
    stack = UndoStack(clock=lambda: clock[0])
    holder = QWidget()
    qtbot.addWidget(holder)
    notice = UndoNotice(stack)
    QVBoxLayout(holder).addWidget(notice)
    holder.show()
    stack.record_undo("Ada's booking <b>x</b> was cancelled.", lambda: None)
    assert notice.isVisible() and notice.text.text() == "Ada's booking <b>x</b> was cancelled."
    assert notice.text.textFormat() == Qt.TextFormat.PlainText
    holder.hide()  # another tab is shown; its timer stops with it
    clock[0] += 121
    holder.show()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=3000)


def test_a_reschedule_from_the_dialog_can_be_undone(db, ops, bridge, qtbot) -> None:
    from careops_desktop.ui.bookings.dialogs import RescheduleDialog

    booking_id = _new_booking(db, "Moira Mover")
    with db.session() as session:
        old_start = session.get(Booking, booking_id).start_at
    window, page = _tab(qtbot, ops, bridge, db)
    _select(qtbot, page, booking_id)
    qtbot.mouseClick(page.panel.buttons["reschedule"], Qt.MouseButton.LeftButton)
    dialog = next(w for w in page.findChildren(RescheduleDialog) if w.isVisible())
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=8000)
    first = dialog.chooser.day.date()
    for days in range(7, 21):  # a later day with free time (the demo fills some days)
        dialog.chooser.day.setDate(first.addDays(days))
        qtbot.waitUntil(
            lambda: ops.pending == 0 and "Looking" not in dialog.chooser.slot_note.text(),
            timeout=8000,
        )
        if dialog.chooser.slot.count() > 0:
            break
    assert dialog.chooser.slot.count() > 0, "no free time in the two weeks after a week"
    dialog.chooser.slot.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.succeeded, timeout=8000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "was moved to" in page.undo_notice.text.text(), timeout=5000)
    with db.session() as session:
        assert session.get(Booking, booking_id).start_at != old_start
    window.activateWindow()  # the dialog has closed: the window is the active one again
    qtbot.waitActive(window)
    page.calendar.setFocus()
    qtbot.waitUntil(page.calendar.hasFocus, timeout=3000)
    qtbot.keyClick(page.calendar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def back() -> bool:
        with db.session() as session:
            return session.get(Booking, booking_id).start_at == old_start

    qtbot.waitUntil(back, timeout=5000)
    qtbot.waitUntil(lambda: "was undone" in page.undo_notice.text.text(), timeout=5000)

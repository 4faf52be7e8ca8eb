"""Blocked time in the Bookings tab, with real mouse events on the real calendar: a drag on
empty space opens "Block time" prefilled, saving draws the hatched block with its reason, a
click on it offers Edit / Remove, and New booking over it asks before booking."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from sqlalchemy import func, select

from careops_desktop.core.models import Booking
from careops_desktop.core.services import time_blocks
from careops_desktop.ui.bookings.dialogs import BookingDialog
from careops_desktop.ui.bookings.page_data import load_catalogue
from careops_desktop.ui.bookings.time_block_dialog import (
    TimeBlockDialog,
    remove_with_confirmation,
)
from careops_desktop.ui.widgets.time_block_paint import mark_rect
from tests.core.booking_world import DESK, World, at, build_in
from tests.ui.tab_helpers import open_tab, owner_actor

BLOCKED = " — blocked: "  # how the desk labels a start over blocked time


def _wednesday() -> date:
    day = date.today() + timedelta(days=2)
    while day.weekday() != 2:
        day += timedelta(days=1)
    return day


def _day_view(qtbot: Any, ops: Any, bridge: Any, day: date) -> Any:
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None, timeout=8000)
    page.span.setCurrentIndex(page.span.findData(1))
    page.go_to(day)
    qtbot.waitUntil(
        lambda: (
            page.page_data is not None
            and page.page_data.request.first == day
            and page.page_data.request.days == 1
        ),
        timeout=8000,
    )
    return page


def _point(calendar: Any, column: str, moment: datetime) -> QPoint:
    found = calendar.point_for(column, moment)
    assert found is not None
    return QPoint(round(found.x()), round(found.y()) + 2)


def _move_holding(widget: Any, pos: QPoint) -> None:
    """A mouse move with the left button held, as the window system delivers it."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def _visible(parent: Any, kind: type, name: str | None = None) -> list[Any]:
    found = parent.findChildren(kind, name) if name else parent.findChildren(kind)
    return [w for w in found if w.isVisible()]


def test_dragging_on_empty_space_blocks_time_and_draws_it_hatched(
    qtbot: Any, db: Any, ops: Any, bridge: Any
) -> None:
    world = build_in(db)
    wednesday = _wednesday()
    page = _day_view(qtbot, ops, bridge, wednesday)
    calendar = page.calendar
    column = f"p{world.alice}"
    noon = datetime.combine(wednesday, time(12))
    press, release = (
        _point(calendar, column, noon),
        _point(calendar, column, noon + timedelta(minutes=45)),
    )
    # a plain click on empty space opens nothing
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=press)
    qtbot.wait(100)
    assert not _visible(page, TimeBlockDialog)
    before = calendar.grab().toImage()
    size = calendar.size()

    qtbot.mousePress(calendar, Qt.MouseButton.LeftButton, pos=press)
    for step in range(1, 6):
        _move_holding(
            calendar, QPoint(press.x(), press.y() + (release.y() - press.y()) * step // 5)
        )
    qtbot.mouseRelease(calendar, Qt.MouseButton.LeftButton, pos=release)
    qtbot.waitUntil(lambda: bool(_visible(page, TimeBlockDialog)), timeout=5000)
    dialog = _visible(page, TimeBlockDialog)[0]
    values = dialog.values()
    assert values["provider_id"] == world.alice
    assert values["start"] == noon and values["end"] == noon + timedelta(hours=1)
    assert dialog.reason.currentText() == "Lunch"

    dialog.reason.setCurrentText("Lunch <b>break</b>")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(calendar.data().time_blocks), timeout=8000)
    (mark,) = calendar.data().time_blocks
    assert (mark.column, mark.label, mark.start, mark.end) == (
        column,
        "Lunch <b>break</b>",
        noon,
        noon + timedelta(hours=1),
    )
    # the block is offered for undo; dismissing the notice gives the calendar its room back
    assert page.undo_notice.isVisible()
    assert page.undo_notice.text.text().startswith("Lunch <b>break</b> for ")
    page.undo_notice.close_button.click()
    qtbot.waitUntil(lambda: calendar.size() == size, timeout=3000)
    qtbot.waitUntil(lambda: calendar.grab().toImage() != before, timeout=3000)
    rect = mark_rect(calendar._ensure_layout(), calendar.data(), mark).toRect()
    after = calendar.grab().toImage()
    colours = {
        after.pixelColor(x, y).name()
        for x in range(rect.left() + 2, rect.right() - 2, 3)
        for y in range(rect.bottom() - 20, rect.bottom() - 2, 2)
    }
    assert len(colours) >= 2  # hatched: lines over a tint, not one flat fill
    was = {
        before.pixelColor(x, y).name()
        for x in range(rect.left() + 2, rect.right() - 2, 3)
        for y in range(rect.bottom() - 20, rect.bottom() - 2, 2)
    }
    assert colours != was and len(was) == 1  # a plain open hour before
    bob_free = calendar.point_for(f"p{world.bob}", noon + timedelta(minutes=30))
    assert bob_free is not None and not rect.contains(bob_free.toPoint())

    # a click on the block offers Edit / Remove; a double-click on empty space still books
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(_visible(page, QMenu, "timeBlockMenu")), timeout=3000)
    menu = _visible(page, QMenu, "timeBlockMenu")[0]
    assert [a.text() for a in menu.actions()] == ["Edit blocked time…", "Remove blocked time…"]
    menu.close()
    afternoon = _point(calendar, column, datetime.combine(wednesday, time(15)))
    qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=afternoon)
    qtbot.waitUntil(lambda: bool(_visible(page, BookingDialog)), timeout=3000)
    assert not _visible(page, TimeBlockDialog)
    for booking_dialog in _visible(page, BookingDialog):
        booking_dialog.reject()


def test_removing_one_week_of_a_series_asks_which(
    qtbot: Any, db: Any, ops: Any, bridge: Any
) -> None:
    world = build_in(db)
    wednesday = _wednesday()
    db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(wednesday, time(12)),
        end=datetime.combine(wednesday, time(13)),
        reason="Lunch",
        repeats_weekly=True,
    )
    page = _day_view(qtbot, ops, bridge, wednesday)
    qtbot.waitUntil(lambda: bool(page.calendar.data().time_blocks), timeout=8000)
    mark = page.calendar.data().time_blocks[0]
    box = remove_with_confirmation(page, ops, DESK, mark)
    assert "only, or every week of the series" in box.text()
    next(b for b in box.buttons() if b.text() == "Only this week").click()
    qtbot.waitUntil(lambda: not page.calendar.data().time_blocks, timeout=8000)
    later = db.call(
        time_blocks.occurrences_between, [world.alice], wednesday, wednesday + timedelta(weeks=1)
    )
    assert [o.day for o in later] == [wednesday + timedelta(weeks=1)]


def _count(db: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Booking)) or 0)


def _confirm_box(qtbot: Any, dialog: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: bool(_visible(dialog, QMessageBox, "blockedTimeConfirm")), timeout=8000)
    return _visible(dialog, QMessageBox, "blockedTimeConfirm")[0]


def test_new_booking_over_a_block_asks_before_booking(qtbot: Any, db: Any, ops: Any) -> None:
    world: World = build_in(db)
    wednesday = _wednesday()
    db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(wednesday, time(12)),
        end=datetime.combine(wednesday, time(13)),
        reason="Lunch",
    )
    dialog = BookingDialog(
        ops,
        DESK,
        db.call(load_catalogue),
        day=wednesday,
        provider_id=world.alice,
        contact_id=world.known_contact,
    )
    dialog.show()
    qtbot.waitUntil(lambda: dialog.chooser.slot.findText("14:00") >= 0, timeout=8000)
    labels = [dialog.chooser.slot.itemText(i) for i in range(dialog.chooser.slot.count())]
    blocked = f"12:00{BLOCKED}Lunch"
    assert blocked in labels and f"11:30{BLOCKED}Lunch" in labels and "13:00" in labels
    dialog.chooser.slot.setCurrentIndex(labels.index(blocked))
    dialog.ok_button.click()
    box = _confirm_box(qtbot, dialog)
    assert box.text() == "This time is blocked (Lunch). Book anyway?"
    next(b for b in box.buttons() if b.text() == "Choose another time").click()
    qtbot.wait(200)
    assert _count(db) == 0 and dialog.isVisible()

    dialog.chooser.slot.setCurrentIndex(dialog.chooser.slot.findText(blocked))
    dialog.ok_button.click()
    box = _confirm_box(qtbot, dialog)
    next(b for b in box.buttons() if b.text() == "Book anyway").click()
    qtbot.waitUntil(lambda: _count(db) == 1, timeout=8000)
    with db.session() as session:
        booking = session.scalars(select(Booking)).one()
        assert booking.start_at == at(wednesday, 12) and booking.provider_id == world.alice


def test_settings_lists_a_providers_blocks_and_removes_one_after_asking(
    qtbot: Any, db: Any, ops: Any
) -> None:
    from careops_desktop.ui.settings.blocks_list import BlocksList

    world = build_in(db)
    wednesday = _wednesday()
    for provider_id, reason in ((world.alice, "Lunch <i>x</i>"), (None, "Staff meeting")):
        db.call(
            time_blocks.add_block,
            DESK,
            provider_id=provider_id,
            start=datetime.combine(wednesday, time(12)),
            end=datetime.combine(wednesday, time(13)),
            reason=reason,
            repeats_weekly=provider_id is not None,
        )
    listing = BlocksList(ops, DESK)
    qtbot.addWidget(listing)
    listing.show()
    listing.load(world.bob)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1, timeout=5000)
    listing.load(world.alice)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2, timeout=5000)
    texts = [
        [listing.model.index(r, c).data() for c in range(listing.model.columnCount())]
        for r in range(2)
    ]
    assert texts[0][3:] == ["Lunch <i>x</i>", "Alice Practitioner", f"Every {wednesday:%A}"]
    assert texts[1][3:] == ["Staff meeting", "Everyone", "Once"]
    listing.table.selectRow(0)
    listing.remove.click()
    box = _visible(listing, QMessageBox, "removeBlockConfirm")[0]
    assert box.text().startswith("Remove “Lunch <i>x</i>”")
    next(b for b in box.buttons() if b.text() == "Remove").click()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1, timeout=5000)


def test_week_and_day_pages_carry_each_block_to_its_columns(db: Any) -> None:
    from careops_desktop.ui.bookings.page_data import PageRequest, load_page, to_calendar
    from careops_desktop.ui.widgets.calendar_data import week_start

    world = build_in(db)
    wednesday = _wednesday()
    for provider_id, reason, start, end in (
        (world.alice, "Lunch", time(12), time(13)),
        (None, "Fire drill", time(16), time(16, 30)),
    ):
        db.call(
            time_blocks.add_block,
            DESK,
            provider_id=provider_id,
            start=datetime.combine(wednesday, start),
            end=datetime.combine(wednesday, end),
            reason=reason,
        )
    day = to_calendar(db.call(load_page, PageRequest(wednesday, 1)))
    assert sorted((m.column, m.label) for m in day.time_blocks) == sorted(
        [
            (f"p{world.alice}", "Lunch"),
            (f"p{world.alice}", "Fire drill"),
            (f"p{world.bob}", "Fire drill"),
        ]
    )
    week = to_calendar(db.call(load_page, PageRequest(week_start(wednesday), 7)))
    assert sorted(m.label for m in week.time_blocks) == [
        "Fire drill · everyone",
        "Lunch · Alice Practitioner",
    ]
    assert {m.column for m in week.time_blocks} == {wednesday.isoformat()}
    bob_week = to_calendar(db.call(load_page, PageRequest(week_start(wednesday), 7, world.bob)))
    assert [m.label for m in bob_week.time_blocks] == ["Fire drill"]


def test_the_block_time_button_and_shortcut_open_the_dialog_for_the_provider_shown(
    qtbot: Any, db: Any, ops: Any, bridge: Any
) -> None:
    world = build_in(db)
    page = _day_view(qtbot, ops, bridge, _wednesday())
    qtbot.waitUntil(lambda: page.provider_filter.count() == 3, timeout=5000)
    page.provider_filter.setCurrentIndex(page.provider_filter.findData(world.bob))
    page.block_button.click()
    qtbot.waitUntil(lambda: bool(_visible(page, TimeBlockDialog)), timeout=3000)
    dialog = _visible(page, TimeBlockDialog)[0]
    assert dialog.values()["provider_id"] == world.bob
    assert dialog.values()["start"] == datetime.combine(_wednesday(), time(12))
    dialog.reject()
    qtbot.waitUntil(lambda: not _visible(page, TimeBlockDialog), timeout=3000)
    page.calendar.setFocus()
    qtbot.keyClick(
        page.calendar,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(_visible(page, TimeBlockDialog)), timeout=3000)
    _visible(page, TimeBlockDialog)[0].reject()


def test_reschedule_onto_a_block_asks_then_moves(qtbot: Any, db: Any, ops: Any) -> None:
    from careops_desktop.core.services import bookings
    from careops_desktop.ui.bookings.dialogs import RescheduleDialog

    world: World = build_in(db)
    wednesday = _wednesday()
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(wednesday, 15),
    )
    db.call(
        time_blocks.add_block,
        DESK,
        provider_id=world.alice,
        start=datetime.combine(wednesday, time(12)),
        end=datetime.combine(wednesday, time(13)),
        reason="Team meeting",
    )
    view = db.call(bookings.get_booking, DESK, receipt.booking_id)
    dialog = RescheduleDialog(ops, DESK, db.call(load_catalogue), view)
    dialog.show()
    blocked = f"12:00{BLOCKED}Team meeting"
    qtbot.waitUntil(lambda: dialog.chooser.slot.findText(blocked) >= 0, timeout=8000)
    dialog.chooser.slot.setCurrentIndex(dialog.chooser.slot.findText(blocked))
    dialog.ok_button.click()
    box = _confirm_box(qtbot, dialog)
    assert box.text() == "This time is blocked (Team meeting). Book anyway?"
    next(b for b in box.buttons() if b.text() == "Book anyway").click()
    qtbot.waitUntil(
        lambda: db.call(bookings.get_booking, DESK, receipt.booking_id).start == at(wednesday, 12),
        timeout=8000,
    )

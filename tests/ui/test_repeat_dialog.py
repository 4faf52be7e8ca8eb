"""The Repeat dialog with real widgets: New booking → Repeat… lists every date, marks the one
that clashes, refuses to save until the desk chooses for it, books the chosen alternative with
the rest in one go; a visit of the series asks "This visit only" / "This and the following"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, OutboxMessage
from careops_desktop.core.services import bookings
from careops_desktop.ui.bookings.dialogs import BookingDialog
from careops_desktop.ui.bookings.page_data import load_catalogue
from careops_desktop.ui.bookings.repeat_dialog import CHOOSE, SKIP, RepeatDialog
from careops_desktop.ui.bookings.series_actions import (
    CancelFollowingDialog,
    open_series_action,
)
from tests.core.booking_world import DESK, World, at, build_in


def _wednesday() -> date:
    day = date.today() + timedelta(days=2)
    while day.weekday() != 2:
        day += timedelta(days=1)
    return day


def _series_bookings(db: Any) -> list[Booking]:
    with db.session() as session:
        found = session.scalars(
            select(Booking).where(Booking.series_id.is_not(None)).order_by(Booking.start_at)
        ).all()
        session.expunge_all()
        return list(found)


@pytest.fixture(autouse=True)
def _no_dialog_left_open() -> Iterator[None]:
    """Close the New booking dialogs a test left open (they have no parent to close them)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, BookingDialog) and widget.isVisible():
            widget.close()


def _open_repeat(qtbot: Any, db: Any, ops: Any, world: World, day: date) -> tuple[Any, Any]:
    dialog = BookingDialog(
        ops,
        DESK,
        db.call(load_catalogue),
        day=day,
        provider_id=world.alice,
        start_utc=at(day, 10),
        contact_id=world.known_contact,
    )
    dialog.show()
    slot = dialog.chooser.slot
    qtbot.waitUntil(lambda: slot.findText("10:00") >= 0, timeout=8000)
    qtbot.wait(300)  # every slot list asked for has arrived
    slot.setCurrentIndex(slot.findText("10:00"))
    qtbot.waitUntil(lambda: dialog.picker.selected_id() == world.known_contact, timeout=8000)
    qtbot.mouseClick(dialog.repeat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "repeat_dialog", None) is not None, timeout=5000)
    repeat: RepeatDialog = dialog.repeat_dialog
    qtbot.waitUntil(lambda: repeat.plan is not None, timeout=10_000)
    return dialog, repeat


def test_a_series_with_one_clash_books_the_chosen_alternative(
    qtbot: Any, db: Any, ops: Any
) -> None:
    world = build_in(db)
    first = _wednesday()
    second = first + timedelta(weeks=1)
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(second, 10),
    )
    dialog, repeat = _open_repeat(qtbot, db, ops, world, first)
    booked: list[Any] = []
    dialog.succeeded.connect(booked.append)
    # four visits instead of six: the count box takes typed keys
    repeat.count.setFocus()
    repeat.count.selectAll()
    qtbot.keyClicks(repeat.count, "4")
    assert repeat.plan is None and not repeat.ok_button.isEnabled()
    qtbot.mouseClick(repeat.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: repeat.plan is not None, timeout=10_000)
    plan = repeat.plan
    assert plan is not None
    assert [v.kind for v in plan.visits] == ["ok", "taken", "ok", "ok"]
    assert repeat.summary.text() == "4 dates; 1 clash: choose another time or Skip for each."
    combo = repeat.combos[second]
    assert combo.currentText() == CHOOSE
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[-1] == SKIP and len(texts) >= 3
    # Save before choosing: refused in words, nothing booked
    qtbot.mouseClick(repeat.ok_button, Qt.MouseButton.LeftButton)
    assert "Choose another time or Skip" in repeat.errors.banner.text()
    assert _series_bookings(db) == []
    # choose the nearest free time with the keyboard
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    chosen = combo.currentData()
    assert chosen is not None and chosen.start is not None
    qtbot.mouseClick(repeat.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_series_bookings(db)) == 4, timeout=10_000)
    starts = [b.start_at for b in _series_bookings(db)]
    assert starts == [
        at(first, 10),
        chosen.start,
        at(first + timedelta(weeks=2), 10),
        at(first + timedelta(weeks=3), 10),
    ]
    qtbot.waitUntil(lambda: bool(booked), timeout=5000)
    assert booked[0].start == at(first, 10)  # New booking reports the first visit and closes
    with db.session() as session:
        kinds = session.scalars(select(OutboxMessage.kind)).all()
    assert kinds.count("series_confirmation") == 1


def test_a_date_taken_before_saving_is_named_and_nothing_is_booked(
    qtbot: Any, db: Any, ops: Any
) -> None:
    world = build_in(db)
    first = _wednesday()
    _dialog, repeat = _open_repeat(qtbot, db, ops, world, first)
    assert repeat.plan is not None and all(v.kind == "ok" for v in repeat.plan.visits)
    third = first + timedelta(weeks=2)
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(third, 10, 30),
    )
    qtbot.mouseClick(repeat.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be booked" in repeat.errors.banner.text(), timeout=10_000)
    assert "Nothing was booked" in repeat.errors.banner.text()
    assert _series_bookings(db) == []
    # the list is checked again and now marks that date
    qtbot.waitUntil(
        lambda: repeat.plan is not None and repeat.plan.visits[2].kind == "taken",
        timeout=10_000,
    )
    assert repeat.isVisible()


def test_cancel_on_a_visit_asks_this_one_or_the_following(qtbot: Any, db: Any, ops: Any) -> None:
    world = build_in(db)
    first = _wednesday()
    receipt = db.call(
        bookings.book_series,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        rule=bookings.RepeatRule(first, time(10), (2,), count=3),
    )
    second = db.call(bookings.get_booking, DESK, receipt.bookings[1].booking_id)
    assert second.series_id == receipt.series_id
    parent = BookingDialog(ops, DESK, db.call(load_catalogue), day=first)
    qtbot.addWidget(parent)
    box = open_series_action(parent, ops, DESK, db.call(load_catalogue), second, "cancel")
    assert isinstance(box, QMessageBox)
    assert "one visit of a series" in box.text()
    following = next(b for b in box.buttons() if b.text() == "This and the following visits")
    qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(parent.findChildren(CancelFollowingDialog)), timeout=5000)
    cancel = parent.findChildren(CancelFollowingDialog)[0]
    qtbot.keyClicks(cancel.reason, "Moving away")
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: [b.status for b in _series_bookings(db)] == ["confirmed", "cancelled", "cancelled"],
        timeout=10_000,
    )
    with db.session() as session:
        changes = session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.kind == "series_changes")
        )
    assert changes == 1


def test_the_booking_type_says_whether_a_series_sends_forms_once_or_every_visit(
    qtbot: Any, demo_db: Any, demo_ops: Any
) -> None:
    from careops_desktop.ui.settings.booking_types_page import BookingTypesSettingsPage
    from careops_desktop.ui.settings.registry import SettingsContext
    from tests.ui.conftest import demo_actor

    page = BookingTypesSettingsPage(SettingsContext(demo_ops, None, demo_actor(demo_db)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: bool(page.types), timeout=10_000)
    assert page.forms_per.currentData() == "visit"
    chosen = page.current
    assert chosen is not None
    page.forms_per.setFocus()
    qtbot.keyClick(page.forms_per, Qt.Key.Key_Down)
    assert page.forms_per.currentData() == "series"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=10_000)
    assert demo_db.call(bookings.get_booking_type, chosen.id).forms_per == "series"


def test_the_bookings_tab_asks_which_visits_before_rescheduling_one_of_a_series(
    qtbot: Any, db: Any, ops: Any, bridge: Any
) -> None:
    from careops_desktop.ui.bookings.dialogs import RescheduleDialog
    from careops_desktop.ui.bookings.series_actions import MoveFollowingDialog
    from tests.ui.tab_helpers import open_tab, owner_actor

    world = build_in(db)
    first = _wednesday()
    receipt = db.call(
        bookings.book_series,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        rule=bookings.RepeatRule(first, time(10), (2,), count=3),
    )
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("bookings",))
    page = window.page("bookings")
    second = receipt.bookings[1].booking_id
    page.apply_filter({"booking_id": second})
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.id == second)
    qtbot.mouseClick(page.panel.buttons["reschedule"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.findChildren(QMessageBox, "seriesWhich")), timeout=5000)
    box = page.findChildren(QMessageBox, "seriesWhich")[0]
    qtbot.mouseClick(box.findChild(QPushButton, "seriesThisOnly"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            w.isVisible() and not isinstance(w, MoveFollowingDialog)
            for w in page.findChildren(RescheduleDialog)
        ),
        timeout=5000,
    )

"""The desk's Reschedule dialog offers the booking's own time as free (10:00-11:00 → 10:30)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import shiboken6

from careops_desktop.core.models import Booking
from careops_desktop.core.services.bookings import view_booking
from careops_desktop.ui.bookings.dialogs import RescheduleDialog
from careops_desktop.ui.bookings.page_data import load_catalogue
from tests.core.booking_world import DESK, LONDON, at, build_in
from tests.core.test_slots import add_booking


def _weekday_ahead(days: int) -> date:
    day = datetime.now(LONDON).date() + timedelta(days=days)
    while day.weekday() >= 5:  # the clinic works Monday to Friday
        day += timedelta(days=1)
    return day


def _labels(dialog: RescheduleDialog) -> list[str]:
    combo = dialog.chooser.slot
    return [combo.itemText(i) for i in range(combo.count())]


def test_half_an_hour_later_is_offered_and_the_move_is_made(db: Any, ops: Any, qtbot: Any) -> None:
    world = build_in(db)
    day = _weekday_ahead(3)
    mine = add_booking(db, world, world.alice, at(day, 10))  # 10:00-11:00
    add_booking(db, world, world.alice, at(day, 12))  # someone else's 12:00-13:00
    catalogue = db.call(load_catalogue)
    booking = db.call(view_booking, mine)
    dialog = RescheduleDialog(ops, DESK, catalogue, booking)
    # the dialog asks more than once while it sets day and provider: wait for the last answer
    qtbot.waitUntil(lambda: ops.pending == 0 and dialog.chooser.slot.count() > 0, timeout=8000)
    shown = _labels(dialog)
    assert "10:30" in shown and "09:30" in shown and "11:00" in shown
    assert "11:30" not in shown and "12:00" not in shown and "12:30" not in shown

    dialog.chooser.slot.setCurrentIndex(shown.index("10:30"))
    with qtbot.waitSignal(dialog.succeeded, timeout=8000):
        dialog.ok_button.click()
    with db.session() as session:
        row = session.get(Booking, mine)
        assert row is not None
        assert row.start_at.replace(tzinfo=UTC) == at(day, 10, 30)
    if shiboken6.isValid(dialog):  # a dialog that succeeded has closed itself
        dialog.close()

"""Two desks, one booking: the second save is told in the dialog, which keeps what was typed;
and a save while the database server is away is refused in words, the dialog still open."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from careops_desktop.core.connection_loss import DatabaseUnreachable
from careops_desktop.core.services import bookings, slots
from careops_desktop.ui.bookings.dialogs import CancelDialog
from tests.ui.tab_helpers import demo_owner
from tests.ui.test_bookings_tab import ZONE
from tests.web.desks import desk_b


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _two_free_slots(db: Any) -> tuple[int, Any, Any]:
    """A booking type and two free slots of one provider on one day in the coming days."""
    today = datetime.now(ZONE).date()
    with db.session() as session:
        for offset in range(1, 15):
            for kind in bookings.list_booking_types(session):
                found = slots.slots_for_day(session, kind.id, today + timedelta(days=offset))
                for first in found.slots:
                    for second in found.slots:
                        if (
                            second.provider_id == first.provider_id
                            and second.start_utc >= first.start_utc + timedelta(hours=2)
                        ):
                            return kind.id, first, second
    raise AssertionError("the demo has no two free slots of one provider in two weeks")


def _open_cancel_dialog(db: Any, ops: Any, qtbot: Any) -> tuple[CancelDialog, Any, Any]:
    type_id, slot, other = _two_free_slots(db)
    receipt = db.call(
        bookings.book_public,
        booking_type_id=type_id,
        provider_id=slot.provider_id,
        start_utc=slot.start_utc,
        name="Both Desks",
        phone="+44 117 496 0103",
    )
    actor = demo_owner(db)
    shown = db.call(bookings.get_booking, actor, receipt.booking_id)
    dialog = CancelDialog(ops, actor, shown, ZONE, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, shown, other


def test_a_booking_another_desk_changed_is_not_cancelled_over_it(db, ops, qtbot) -> None:
    dialog, shown, other = _open_cancel_dialog(db, ops, qtbot)
    dialog.reason.setText("Asked by phone")
    with desk_b(db.url) as b:  # meanwhile desk B moves it (another process)
        moved = b.ask(
            do="reschedule", booking=shown.id, start=other.start_utc, version=shown.version
        )
    assert moved.get("ok") == shown.version + 1, moved
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()
    assert "Another desk changed this booking" in dialog.errors.message("__all__")
    assert dialog.isVisible() and dialog.reason.text() == "Asked by phone"
    now = db.call(bookings.get_booking, demo_owner(db), shown.id)
    assert now.status == "confirmed"


def test_a_save_while_the_server_is_away_keeps_the_dialog_and_what_was_typed(
    db, ops, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog, _shown, _other = _open_cancel_dialog(db, ops, qtbot)

    def server_away(*_args: Any, **_kwargs: Any) -> Any:
        raise DatabaseUnreachable()

    monkeypatch.setattr(bookings, "cancel_at_desk", server_away)  # what the dialog runs
    dialog.reason.setText("Asked by phone")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()
    assert "cannot be reached, so nothing was saved" in dialog.errors.message("__all__")
    assert dialog.isVisible() and dialog.reason.text() == "Asked by phone"
    assert dialog.ok_button.isEnabled()  # try again once the server is back

"""The Bookings tab's Waitlist window, with real clicks and keys: the list (who, what, since
when, offers sent, customer text shown literally), Add person, Offer a time, Remove (asked
first), and a customer joining on the page appearing live."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from careops_desktop.core.models import WaitlistOffer
from careops_desktop.core.services import waitlist
from careops_desktop.ui.bookings.waitlist_forms import AddPersonDialog, OfferTimeDialog
from careops_desktop.ui.bookings.waitlist_view import WaitlistWindow
from careops_desktop.ui.widgets.local_time import fmt_day
from tests.core.booking_world import World, build_in
from tests.ui.tab_helpers import open_tab, owner_actor

HOSTILE = '<b>Ada</b> <img src="x"> & Co'


def _wednesday() -> date:
    day = date.today() + timedelta(days=9)
    while day.weekday() != 2:
        day += timedelta(days=1)
    return day


def _join(db: Any, world: World, name: str, day: date, email: str) -> int:
    joined = db.call(
        waitlist.join_waitlist,
        booking_type_id=world.consult,
        provider_id=None,
        name=name,
        email=email,
        first_day=day,
        last_day=day + timedelta(days=2),
        now=datetime.now(UTC),
    )
    return int(joined.entry_id)


def _open(qtbot: Any, ops: Any, bridge: Any) -> tuple[Any, WaitlistWindow]:
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: bool(page.catalogue.booking_types), timeout=8000)
    qtbot.mouseClick(page.waitlist_button, Qt.MouseButton.LeftButton)
    found = page.waitlist_window
    assert found is not None
    qtbot.waitExposed(found)
    return page, found


def _rows(view: WaitlistWindow) -> list[list[str]]:
    model = view.model
    return [[model.text(row, c) for c in range(model.columnCount())] for row in model.rows]


def _dialog(kind: type) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_the_waitlist_window_lists_adds_offers_and_removes(
    qtbot: Any, db: Any, ops: Any, bridge: Any
) -> None:
    world = build_in(db)
    wednesday = _wednesday()
    _join(db, world, HOSTILE, wednesday, "ada@example.com")
    page, view = _open(qtbot, ops, bridge)
    qtbot.waitUntil(lambda: len(view.model.rows) == 1, timeout=8000)
    [row] = _rows(view)
    assert row[0] == HOSTILE and row[1] == "ada@example.com"
    assert (row[2], row[3], row[6]) == ("Consultation", "Anyone", "None yet")
    assert row[4].startswith(f"{fmt_day(wednesday)} – ")  # the business locale's words
    assert view.summary.text() == "1 person is waiting."
    assert view.summary.textFormat() == Qt.TextFormat.PlainText
    assert not view.offer_button.isEnabled()  # nobody chosen yet

    # Add person (Ctrl+N): the dialog keeps what was typed when the core refuses
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    add = _dialog(AddPersonDialog)
    qtbot.keyClicks(add.name, "Phoned In")
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)  # no email or phone
    qtbot.waitUntil(lambda: add.errors.is_invalid("email"), timeout=8000)
    assert "email address or a mobile number" in add.errors.message("email")
    assert add.isVisible() and add.name.text() == "Phoned In"
    qtbot.keyClicks(add.phone, "+44 7911 123456")
    add.first_day.setDate(wednesday)
    add.last_day.setDate(wednesday)
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(view.model.rows) == 2, timeout=8000)
    assert _rows(view)[1][:2] == ["Phoned In", "+447911123456"]

    # Offer a time by hand to the first person: a free time of their day, sent at once
    view.table.selectRow(0)
    assert view.offer_button.isEnabled()
    qtbot.mouseClick(view.offer_button, Qt.MouseButton.LeftButton)
    offer = _dialog(OfferTimeDialog)
    qtbot.waitUntil(lambda: offer.times.count() > 0, timeout=8000)
    assert offer.times.itemText(0) == "09:00 with Alice Practitioner"
    qtbot.mouseClick(offer.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 sent" in _rows(view)[0][6], timeout=8000)
    assert "offer open" in _rows(view)[0][6]
    with db.session() as s:
        assert s.scalars(select(WaitlistOffer.status)).all() == ["offered"]

    # Remove (Delete): asked first; "Keep" keeps, "Remove" removes and withdraws the offer
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    box = _dialog(QMessageBox)
    assert HOSTILE in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    remove = next(b for b in box.buttons() if b.text() == "Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r[0] for r in _rows(view)] == ["Phoned In"], timeout=8000)
    with db.session() as s:
        assert s.scalars(select(WaitlistOffer.status)).all() == ["withdrawn"]
    view.show_closed.setChecked(True)
    qtbot.waitUntil(lambda: len(view.model.rows) == 2, timeout=8000)
    assert _rows(view)[0][6].startswith("Removed; 1 sent")

    # someone joins on the booking page: the open window shows them without a click
    _join(db, world, "Web Visitor", wednesday, "web@example.com")
    qtbot.waitUntil(lambda: len(view.model.rows) == 3, timeout=8000)
    view.close()
    page.close()

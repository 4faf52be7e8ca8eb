"""The Bookings tab on the small demo database: calendar and list counts, the booking
dialog (new booking seen in the calendar and on the dashboard without a refresh, a
conflict shown in the dialog), the actions, and hostile text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact
from careops_desktop.core.services import bookings, contacts, slots
from careops_desktop.core.services.bookings import booking_types
from careops_desktop.ui.bookings.dialogs import CancelDialog
from careops_desktop.ui.widgets.calendar_data import week_start
from tests.ui.tab_helpers import (
    assert_shown_literally,
    demo_owner,
    hostile_listener,
    hostile_strings,
    open_tab,
)

ZONE = ZoneInfo("Europe/London")


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _bookings_tab(
    qtbot: Any, ops: Any, bridge: Any, db: Any, keys: tuple[str, ...] = ("bookings",)
):
    window = open_tab(qtbot, ops, bridge, demo_owner(db), keys)
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and page.model.has_loaded, timeout=8000)
    return window, page


def _utc_bounds(first: date, days: int) -> tuple[datetime, datetime]:
    start = datetime.combine(first, time(0), tzinfo=ZONE)
    end = datetime.combine(first + timedelta(days=days), time(0), tzinfo=ZONE)
    return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))


def _count(db: Any, *where: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Booking.id)).where(*where)) or 0)


def _free_slot(db: Any) -> tuple[int, Any]:
    """A booking type and its first free slot in the coming days."""
    today = datetime.now(ZONE).date()
    with db.session() as session:
        kinds = booking_types.list_booking_types(session)
        for offset in range(1, 15):
            for kind in kinds:
                found = slots.slots_for_day(session, kind.id, today + timedelta(days=offset))
                if found.slots:
                    return kind.id, found.slots[0]
    raise AssertionError("the demo has no free slot in two weeks")


def test_calendar_and_list_match_the_database(db, ops, bridge, qtbot) -> None:
    _window, page = _bookings_tab(qtbot, ops, bridge, db)
    today = datetime.now(ZONE).date()
    start, end = _utc_bounds(week_start(today), 7)
    in_week = _count(db, Booking.start_at < end, Booking.end_at > start)
    assert in_week > 0
    assert len(page.calendar.data().blocks) == in_week
    assert len(page.calendar.data().columns) == 7
    first, last = _utc_bounds(today, 31)
    listed = _count(db, Booking.start_at >= first, Booking.start_at < last)
    qtbot.waitUntil(lambda: page.model.rowCount() == listed, timeout=5000)
    assert page.count_label.text() == f"{listed:,} bookings"
    # the day view has one column per provider
    page.span.setCurrentIndex(page.span.findData(1))
    qtbot.waitUntil(lambda: len(page.calendar.data().columns) == 3, timeout=5000)
    day_start, day_end = _utc_bounds(today, 1)
    qtbot.waitUntil(
        lambda: (
            len(page.calendar.data().blocks)
            == _count(db, Booking.start_at < day_end, Booking.end_at > day_start)
        ),
        timeout=5000,
    )
    # navigation: next day, the list's status filter
    page.next_button.click()
    qtbot.waitUntil(lambda: page.page_data.request.first == today + timedelta(days=1), timeout=5000)
    page.status_filter.setCurrentIndex(page.status_filter.findData("cancelled"))
    expected = _count(
        db, Booking.start_at >= first, Booking.start_at < last, Booking.status == "cancelled"
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=5000)


def test_a_booking_made_in_the_dialog_appears_in_the_calendar_and_dashboard(
    db, ops, bridge, qtbot
) -> None:
    type_id, slot = _free_slot(db)
    window, page = _bookings_tab(qtbot, ops, bridge, db, ("dashboard", "bookings"))
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    upcoming = dashboard.data.upcoming_bookings
    local_day = slot.start_utc.astimezone(ZONE).date()
    dialog = page.create_new(day=local_day, start_utc=slot.start_utc)
    dialog.chooser.booking_type.setCurrentIndex(dialog.chooser.booking_type.findData(type_id))
    qtbot.waitUntil(lambda: dialog.chooser.chosen() is not None, timeout=5000)
    dialog.ok_button.click()  # no contact chosen yet
    assert "Choose a contact" in dialog.errors.message("contact_id")
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 0, timeout=5000)
    dialog.picker.table.selectRow(0)
    contact_id = dialog.picker.selected_id()
    with qtbot.waitSignal(dialog.succeeded, timeout=5000) as done:
        dialog.ok_button.click()
    booking_id = done.args[0].booking_id
    # no refresh pressed: the calendar moves to the booking's week and shows it
    qtbot.waitUntil(lambda: page.calendar.block_rect(booking_id) is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: page.panel.booking is not None and page.panel.booking.contact_id == contact_id,
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: (
            dashboard.data.upcoming_bookings == upcoming + 1
            and dashboard.data.recent_bookings[0].id == booking_id
        ),
        timeout=5000,
    )


def test_new_contact_inline_shows_field_errors_then_books_both(db, ops, bridge, qtbot) -> None:
    type_id, slot = _free_slot(db)
    _window, page = _bookings_tab(qtbot, ops, bridge, db)
    contacts_before = _contacts(db)
    dialog = page.create_new(day=slot.start_utc.astimezone(ZONE).date(), start_utc=slot.start_utc)
    dialog.chooser.booking_type.setCurrentIndex(dialog.chooser.booking_type.findData(type_id))
    qtbot.waitUntil(lambda: dialog.chooser.chosen() is not None, timeout=5000)
    dialog.new_contact.setChecked(True)
    dialog.new_email.setText("nope")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()
    assert dialog.errors.message("name") != ""
    assert "not valid" in dialog.errors.message("email")
    assert _contacts(db) == contacts_before  # nothing half-made
    dialog.new_name.setText("Walk In")
    dialog.new_email.setText("walkin@example.com")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000) as done:
        dialog.ok_button.click()
    assert done.args[0].contact_created is False  # created here, not by find-or-create
    assert _contacts(db) == contacts_before + 1


def _contacts(db: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count(Contact.id))) or 0)


def test_a_conflict_is_shown_in_the_dialog_with_alternatives(db, ops, bridge, qtbot) -> None:
    type_id, slot = _free_slot(db)
    _window, page = _bookings_tab(qtbot, ops, bridge, db)
    dialog = page.create_new(
        day=slot.start_utc.astimezone(ZONE).date(),
        provider_id=slot.provider_id,
        start_utc=slot.start_utc,
    )
    dialog.chooser.booking_type.setCurrentIndex(dialog.chooser.booking_type.findData(type_id))
    qtbot.waitUntil(
        lambda: (
            dialog.chooser.chosen() is not None
            and dialog.chooser.chosen().start_utc == slot.start_utc
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() > 1, timeout=5000)
    dialog.picker.table.selectRow(1)
    # meanwhile someone else takes that time (another desk, the booking page)
    actor = demo_owner(db)
    with db.write_session() as session:
        other = contacts.ids(session, actor, contacts.ContactFilter(), "-created", limit=1)[0]
        bookings.book_desk(
            session,
            actor,
            contact_id=other,
            booking_type_id=type_id,
            provider_id=slot.provider_id,
            start_utc=slot.start_utc,
        )
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()
    assert dialog.isVisible()
    assert "taken" in dialog.errors.message("start")
    assert dialog.chooser.alternatives.isVisibleTo(dialog)
    buttons = dialog.chooser.alternatives.findChildren(type(dialog.ok_button), "alternativeSlot")
    assert buttons
    buttons[0].click()
    qtbot.waitUntil(
        lambda: (
            dialog.chooser.chosen() is not None
            and dialog.chooser.chosen().start_utc != slot.start_utc
        ),
        timeout=5000,
    )
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        dialog.ok_button.click()


def test_complete_no_show_cancel_and_reschedule(db, ops, bridge, qtbot) -> None:
    now = datetime.now(ZoneInfo("UTC"))
    with db.session() as session:
        ids = list(
            session.scalars(
                select(Booking.id)
                .where(Booking.status == "confirmed", Booking.start_at > now)
                .order_by(Booking.start_at)
                .limit(2)
            )
        )
    past = _book_yesterday(db, 2)
    _window, page = _bookings_tab(qtbot, ops, bridge, db)
    page.apply_filter({"booking_id": ids[0]})
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.id == ids[0])
    assert not page.panel.buttons["complete"].isEnabled()  # not started yet: refused
    assert page.panel.buttons["cancel"].isEnabled()
    for booking_id, action, status in (
        (past[0], "complete", "completed"),
        (past[1], "no_show", "no_show"),
    ):
        page.apply_filter({"booking_id": booking_id})
        qtbot.waitUntil(lambda b=booking_id: page.selected is not None and page.selected.id == b)
        page.panel.buttons[action].click()
        qtbot.waitUntil(lambda s=status: page.selected.status == s, timeout=5000)
        assert not page.panel.buttons["cancel"].isEnabled()
    ids = [ids[0], ids[1], ids[1]]
    page.apply_filter({"booking_id": ids[2]})
    qtbot.waitUntil(lambda: page.selected and page.selected.id == ids[2], timeout=5000)
    page.panel.buttons["cancel"].click()
    dialog = next(w for w in page.findChildren(CancelDialog) if w.isVisible())
    dialog.reason.setText("Flu <b>x</b>")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.selected.status == "cancelled", timeout=5000)
    assert page.panel.fields["cancel"].text().endswith("Flu <b>x</b>")
    with db.session() as session:
        row = session.get(Booking, ids[2])
        assert (row.status, row.cancel_reason) == ("cancelled", "Flu <b>x</b>")


def _book_yesterday(db: Any, count: int) -> list[int]:
    """Confirmed bookings that have started (the desk may book in the past only with
    ``outside_hours``-free times, so take the demo's own past confirmed ones or move some)."""
    now = datetime.now(ZoneInfo("UTC"))
    with db.write_session() as session:
        rows = list(
            session.scalars(
                select(Booking)
                .where(Booking.start_at < now, Booking.status == "completed")
                .order_by(Booking.start_at.desc())
                .limit(count)
            )
        )
        for row in rows:  # a visit that nobody has marked yet
            row.status = "confirmed"
        return [row.id for row in rows]


@pytest.mark.parametrize("which", [0, 1])
def test_hostile_text_is_shown_literally(db, ops, bridge, qtbot, which: int) -> None:
    type_id, slot = _free_slot(db)
    actor = demo_owner(db)
    with hostile_listener() as (port, got_request):
        hostile = hostile_strings(port)
        with db.write_session() as session:
            person = contacts.create_contact(
                session, actor, name="Named below", email="hostile@example.com"
            )
            # stored as an older version or an import could have (names now refuse URLs)
            session.get(Contact, person.id).name = hostile[which]
            session.flush()
            receipt = bookings.book_desk(
                session,
                actor,
                contact_id=person.id,
                booking_type_id=type_id,
                provider_id=slot.provider_id,
                start_utc=slot.start_utc,
                notes=hostile[which],
            )
        window, page = _bookings_tab(qtbot, ops, bridge, db)
        page.apply_filter({"booking_id": receipt.booking_id})
        qtbot.waitUntil(
            lambda: page.calendar.block_rect(receipt.booking_id) is not None, timeout=5000
        )
        block = next(b for b in page.calendar.data().blocks if b.id == receipt.booking_id)
        assert block.title == hostile[which]
        qtbot.waitUntil(lambda: page.panel.title.text() == hostile[which], timeout=5000)
        assert_shown_literally(qtbot, window, (hostile[which],), got_request)
        page.pages.setCurrentIndex(1)  # the list, searched down to that booking
        page.search.setText("hostile@example.com")
        page.search.flush()
        page.list_to.setDate(page.list_to.date().addDays(30))
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
        assert_shown_literally(qtbot, window, (hostile[which],), got_request)

"""Issue 13: the desk sees a booking page's "possible duplicate" (badge in Contacts, a count
among the dashboard alerts) and merges it with the existing merge dialog."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from careops_desktop.core.models import Booking, Contact
from careops_desktop.ui.contacts.tables import DUPLICATE_BADGE, DUPLICATE_HEADER
from tests.ui.tab_helpers import demo_owner, open_tab


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _mark_a_duplicate(db: Any) -> tuple[int, int]:
    """The demo's pair: a contact booked on the page, and the one its second booking made
    (same phone, another email), marked as its possible duplicate."""
    with db.session() as session:
        duplicate = session.scalars(
            select(Contact).where(Contact.duplicate_of_id.is_not(None))
        ).one()
        assert duplicate.duplicate_of_id is not None
        return duplicate.duplicate_of_id, duplicate.id


def test_the_badge_the_detail_and_the_merge_that_clears_it(db, ops, bridge, qtbot) -> None:
    original_id, duplicate_id = _mark_a_duplicate(db)
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("contacts",))
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)

    page.apply_filter({"duplicates": True})
    qtbot.waitUntil(lambda: page.model.ids() == (duplicate_id,), timeout=5000)
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
    check = [c.key for c in page.model.columns].index("duplicate_of_id")
    assert page.model.index(0, check).data() == DUPLICATE_BADGE
    header = page.model.headerData(check, Qt.Orientation.Horizontal)
    assert header == DUPLICATE_HEADER == "Duplicate check"  # says what the badge column is

    page.apply_filter({"contact_id": duplicate_id})
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert page.duplicate_label.isVisibleTo(page) and "Possible duplicate of" in (
        page.duplicate_label.text()
    )
    merge = page.merge_current()
    qtbot.waitUntil(lambda: merge.picker.selected_id() == original_id, timeout=5000)
    with qtbot.waitSignal(merge.succeeded, timeout=5000):
        merge.ok_button.click()
    qtbot.waitUntil(lambda: page.model.ids() == (), timeout=5000)  # no duplicates left
    qtbot.waitUntil(lambda: not page.duplicate_label.isVisibleTo(page), timeout=5000)
    with db.session() as session:
        kept = session.get(Contact, duplicate_id)
        assert kept is not None and kept.duplicate_of_id is None
        assert session.get(Contact, original_id) is None
        moved = session.scalars(select(Booking.id).where(Booking.contact_id == duplicate_id))
        assert list(moved)  # the original's bookings came along


def test_the_dashboard_counts_possible_duplicates_and_opens_them(db, ops, bridge, qtbot) -> None:
    _original_id, duplicate_id = _mark_a_duplicate(db)
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("dashboard", "contacts"))
    dashboard = window.page("dashboard")
    dashboard.refresh()
    qtbot.waitUntil(
        lambda: any(b.objectName() == "alert_possible_duplicates" for b in dashboard.alert_buttons),
        timeout=5000,
    )
    (button,) = [
        b for b in dashboard.alert_buttons if b.objectName() == "alert_possible_duplicates"
    ]
    assert "1 new contact may be a duplicate" in button.text()
    button.click()
    contacts_page = window.page("contacts")
    qtbot.waitUntil(lambda: contacts_page.model.ids() == (duplicate_id,), timeout=5000)
    assert contacts_page.duplicates_only.isChecked()

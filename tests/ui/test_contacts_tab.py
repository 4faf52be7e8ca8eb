"""The Contacts tab on the small demo database: counts, search, sort, detail, dialogs, merge."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact, Conversation, FormSubmission
from careops_desktop.core.services import contacts
from tests.ui.tab_helpers import (
    assert_shown_literally,
    demo_owner,
    hostile_listener,
    hostile_strings,
    open_tab,
)


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _contacts(qtbot: Any, ops: Any, bridge: Any, db: Any) -> tuple[Any, Any]:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("contacts",))
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)
    return window, page


def _count(db: Any, query: Any) -> int:
    with db.session() as session:
        return int(session.scalar(query) or 0)


def test_the_table_counts_match_the_database_and_search_runs_in_sql(db, ops, bridge, qtbot) -> None:
    _window, page = _contacts(qtbot, ops, bridge, db)
    total = _count(db, select(func.count(Contact.id)))
    assert total > 100
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"{total:,} contacts"
    with db.session() as session:
        first = session.scalars(select(Contact).order_by(Contact.id).limit(1)).one()
    term = first.email.split("@")[0] if first.email else first.name
    page.search.setText(term)
    page.search.flush()
    expected = _count(
        db,
        select(func.count(Contact.id)).where(
            Contact.email.icontains(term) | Contact.name.icontains(term)
        ),
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=5000)
    assert first.id in page.model.ids()


def test_sorting_by_a_header_reorders_in_sql(db, ops, bridge, qtbot) -> None:
    _window, page = _contacts(qtbot, ops, bridge, db)
    ascending = page.model.ids()
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.ids() != ascending, timeout=5000)
    assert page.model.ids() == tuple(reversed(ascending))


def test_the_detail_panel_shows_the_contacts_history(db, ops, bridge, qtbot) -> None:
    with db.session() as session:
        contact_id = session.scalar(
            select(Booking.contact_id)
            .group_by(Booking.contact_id)
            .order_by(func.count(Booking.id).desc())
            .limit(1)
        )
    bookings = _count(db, select(func.count(Booking.id)).where(Booking.contact_id == contact_id))
    conversations = _count(
        db, select(func.count(Conversation.id)).where(Conversation.contact_id == contact_id)
    )
    forms = _count(
        db, select(func.count(FormSubmission.id)).where(FormSubmission.contact_id == contact_id)
    )
    _window, page = _contacts(qtbot, ops, bridge, db)
    page.apply_filter({"contact_id": contact_id})
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert page.bookings.rowCount() == bookings > 0
    assert page.conversations.rowCount() == conversations
    assert page.submissions.rowCount() == forms
    assert page.history.tabText(0) == f"Bookings ({bookings})"
    assert page.table.selectionModel().selectedRows()[0].row() == page.model.row_of(contact_id)


def test_create_shows_field_errors_at_the_fields_then_saves(db, ops, bridge, qtbot) -> None:
    _window, page = _contacts(qtbot, ops, bridge, db)
    before = page.model.rowCount()
    dialog = page.create_new()
    dialog.email.setText("not an email")
    dialog.phone.setText("12")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()
    assert dialog.errors.message("name") == "Enter the contact's name."
    assert "not valid" in dialog.errors.message("email")
    assert dialog.errors.message("phone") != ""
    assert dialog.errors.is_invalid("email") and "dc2626" in dialog.email.styleSheet()
    assert dialog.isVisible()  # nothing lost: still open with what was typed
    assert dialog.email.text() == "not an email"
    qtbot.keyClicks(dialog.email, "x")  # editing a field clears its error
    assert not dialog.errors.is_invalid("email")

    dialog.name.setText("Zed Newcomer")
    dialog.email.setText("ZED@example.com")
    dialog.phone.setText("")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000) as saved:
        dialog.ok_button.click()
    new_id = saved.args[0].id
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=5000)  # no refresh
    qtbot.waitUntil(lambda: page.current is not None and page.current.contact.id == new_id)
    assert page.reach_label.text() == "zed@example.com"


def test_edit_and_merge(db, ops, bridge, qtbot) -> None:
    actor = demo_owner(db)
    with db.write_session() as session:
        keep = contacts.create_contact(session, actor, name="Twin One", email="twin1@example.com")
        other = contacts.create_contact(session, actor, name="Twin Two", phone="+447911123456")
    _window, page = _contacts(qtbot, ops, bridge, db)
    total = page.model.rowCount()
    page.apply_filter({"contact_id": keep.id})
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    edit = page.edit_current()
    edit.notes.setPlainText("Prefers mornings")
    with qtbot.waitSignal(edit.succeeded, timeout=5000):
        edit.ok_button.click()
    qtbot.waitUntil(lambda: page.notes.toPlainText() == "Prefers mornings", timeout=5000)

    merge = page.merge_current()
    merge.picker.search.setText("Twin")
    merge.picker.search.flush()
    qtbot.waitUntil(lambda: merge.picker.model.rowCount() == 2, timeout=5000)
    merge.picker.select(keep.id)
    merge.ok_button.click()
    assert "different contact" in merge.errors.message("merge_id")
    merge.picker.select(other.id)
    with qtbot.waitSignal(merge.succeeded, timeout=5000):
        merge.ok_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == total - 1, timeout=5000)
    qtbot.waitUntil(lambda: "+447911123456" in page.reach_label.text(), timeout=5000)
    assert _count(db, select(func.count(Contact.id)).where(Contact.id == other.id)) == 0


@pytest.mark.parametrize("which", [0, 1])
def test_hostile_text_is_shown_literally(db, ops, bridge, qtbot, which: int) -> None:
    actor = demo_owner(db)
    with hostile_listener() as (port, got_request):
        hostile = hostile_strings(port)
        with db.write_session() as session:
            made = contacts.create_contact(
                session, actor, name="Named below", email="h@example.com", notes=hostile[which]
            )
            # stored as an older version or an import could have (names now refuse URLs)
            session.get(Contact, made.id).name = hostile[which]
        window, page = _contacts(qtbot, ops, bridge, db)
        page.search.setText("h@example.com")
        page.search.flush()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        page.apply_filter({"contact_id": made.id})
        qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
        qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
        assert page.name_label.text() == hostile[which]
        assert_shown_literally(qtbot, window, (hostile[which],), got_request)

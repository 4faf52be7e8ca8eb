"""Each area's ``ids(filter, order)`` gives exactly what its list function gives, in the same
order, and ``rows_by_id(ids)`` the same rows.

Checked on the small demo (hundreds of conversations, bookings, submissions in every
state), over every filter and order the list functions take, with hostile search text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.demo.builder import build_demo
from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Contact,
    Conversation,
    Form,
    FormSubmission,
    InventoryItem,
    Message,
    Provider,
)
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import bookings, contacts, forms, inbox, inventory
from careops_desktop.core.services.bookings import ORDERS
from careops_desktop.core.services.contacts.views import ORDERS as CONTACT_ORDERS
from careops_desktop.core.services.id_blocks import CHUNK

TODAY = date(2025, 4, 10)
HOSTILE = "100% <b>x</b> _o'k\\"
SEARCHES = ["", "a", "SMITH", "%", "_", "\\", "' OR 1=1 --", HOSTILE, "<b>", "no such thing zz"]
OWNER = Actor(1, "Olive Owner", Role.OWNER, frozenset(Permission))
NOBODY = Actor(99, "Nobody", Role.STAFF, frozenset())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The small demo plus a contact with a hostile name, a conversation and an inactive item."""
    path: Path = tmp_path_factory.mktemp("table-ids") / "demo.sqlite3"
    database = Database(f"sqlite:///{path}")
    upgrade_to_head(database.engine)
    build_demo(database, "small", today=TODAY)
    with database.write_session() as s:
        contact = Contact(name=HOSTILE, email="hostile@example.com")
        s.add(contact)
        s.flush()
        conversation = Conversation(contact_id=contact.id, subject=HOSTILE, is_open=False)
        s.add(conversation)
        s.flush()
        s.add(
            Message(
                conversation_id=conversation.id,
                direction="in",
                sender_type="customer",
                sender_name=HOSTILE,
                content="  several\n\nlines   of\ttext " * 20,
                channel="email",
            )
        )
        s.add(InventoryItem(name="Retired gloves", unit="box", quantity=0, is_active=False))
    yield database
    database.close()


def _first(database: Database, model: Any) -> int:
    with database.session() as s:
        return int(s.scalar(select(model.id).order_by(model.id).limit(1)))


# -- conversations ------------------------------------------------------------------------


@pytest.mark.parametrize("open_filter", [None, True, False])
@pytest.mark.parametrize("search", SEARCHES)
def test_conversations_match_the_list(
    demo: Database, open_filter: bool | None, search: str
) -> None:
    listed = demo.call(
        inbox.list_conversations, OWNER, open_filter=open_filter, search=search, limit=10**6
    )
    ids = demo.call(inbox.ids, OWNER, inbox.ConversationFilter(open_filter, search))
    assert ids == [row.id for row in listed]
    rows = demo.call(inbox.rows_by_id, OWNER, ids)
    assert rows == {row.id: row for row in listed}


def test_the_conversation_list_is_not_trivially_equal(demo: Database) -> None:
    everyone = demo.call(inbox.ids, OWNER)
    open_ones = demo.call(inbox.ids, OWNER, inbox.ConversationFilter(open_filter=True))
    hostile = demo.call(inbox.ids, OWNER, inbox.ConversationFilter(search=HOSTILE))
    assert len(everyone) > 200 and 0 < len(open_ones) < len(everyone)
    assert len(hostile) == 1
    row = demo.call(inbox.rows_by_id, OWNER, hostile)[hostile[0]]
    assert row.contact_name == HOSTILE  # stored and returned as typed
    assert row.last_message_preview.startswith("several lines of text several")
    assert len(row.last_message_preview) <= inbox.PREVIEW_CHARS


# -- bookings -----------------------------------------------------------------------------


@pytest.mark.parametrize("order", sorted(ORDERS))
@pytest.mark.parametrize("search", ["", "a", "%", HOSTILE])
def test_bookings_match_the_list_in_every_order(demo: Database, order: str, search: str) -> None:
    _same_bookings(demo, order=order, search=search)


def test_bookings_match_the_list_for_each_filter(demo: Database) -> None:
    type_id, provider_id = _first(demo, BookingType), _first(demo, Provider)
    with demo.session() as s:
        contact_id = int(s.scalar(select(Booking.contact_id).order_by(Booking.id).limit(1)))
    week = datetime.combine(TODAY, time(0), tzinfo=UTC)
    for filters in (
        {"status": "confirmed"},
        {"status": ["completed", "no_show"]},
        {"booking_type_id": type_id},
        {"provider_id": provider_id, "order": "-start"},
        {"contact_id": contact_id},
        {"start": week, "end": week + timedelta(days=7)},
        {"start": week, "status": "cancelled", "search": "e", "order": "-contact"},
    ):
        found = _same_bookings(demo, **filters)
        assert found, filters


def _same_bookings(demo: Database, **filters: Any) -> list[int]:
    order = filters.pop("order", "start")
    flt = bookings.BookingFilter(**filters)
    listed = demo.call(bookings.list_bookings, OWNER, flt, order=order, limit=5000)
    assert len(listed) < 5000
    ids = demo.call(bookings.ids, OWNER, flt, order)
    assert ids == [view.id for view in listed]
    assert demo.call(bookings.rows_by_id, OWNER, ids) == {v.id: v for v in listed}
    return ids


def test_booking_ids_refuse_what_the_list_refuses(demo: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        demo.call(bookings.ids, OWNER, bookings.BookingFilter(), "id; DROP TABLE bookings")
    assert "order" in caught.value.fields
    with pytest.raises(ValidationError) as caught:
        demo.call(bookings.ids, OWNER, bookings.BookingFilter(status="lost"))
    assert "status" in caught.value.fields


# -- submissions --------------------------------------------------------------------------


@pytest.mark.parametrize("status", [None, "pending", "completed", "overdue"])
@pytest.mark.parametrize("search", [None, "", "a", "%", "_", HOSTILE, "intake"])
def test_submissions_match_the_list(demo: Database, status: str | None, search: str | None) -> None:
    _same_submissions(demo, status=status, search=search)


def test_submissions_match_the_list_by_form_and_contact(demo: Database) -> None:
    form_id = _first(demo, Form)
    assert _same_submissions(demo, form_id=form_id)
    with demo.session() as s:
        contact_id = s.scalar(
            select(FormSubmission.contact_id).where(FormSubmission.contact_id.is_not(None)).limit(1)
        )
    assert _same_submissions(demo, contact_id=contact_id)


def _same_submissions(demo: Database, **filters: Any) -> list[int]:
    listed = demo.call(forms.list_submissions, OWNER, limit=1000, **filters)
    assert len(listed) < 1000
    ids = demo.call(forms.ids, OWNER, forms.SubmissionFilter(**filters))
    assert ids == [row.id for row in listed]
    assert demo.call(forms.rows_by_id, OWNER, ids) == {r.id: r for r in listed}
    return ids


def test_submission_ids_refuse_an_unknown_status(demo: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        demo.call(forms.ids, OWNER, forms.SubmissionFilter(status="'; --"))
    assert "status" in caught.value.fields


# -- inventory items ----------------------------------------------------------------------


@pytest.mark.parametrize("include_inactive", [False, True])
@pytest.mark.parametrize("low_only", [False, True])
@pytest.mark.parametrize("search", [None, "", "g", "%", HOSTILE])
def test_items_match_the_list(
    demo: Database, include_inactive: bool, low_only: bool, search: str | None
) -> None:
    filters = {"include_inactive": include_inactive, "low_only": low_only, "search": search}
    listed = demo.call(inventory.list_items, OWNER, **filters)
    ids = demo.call(inventory.ids, OWNER, inventory.ItemFilter(**filters))
    assert ids == [item.id for item in listed]
    assert demo.call(inventory.rows_by_id, OWNER, ids) == {item.id: item for item in listed}


def test_inactive_items_are_listed_only_when_asked(demo: Database) -> None:
    active = demo.call(inventory.ids, OWNER)
    every = demo.call(inventory.ids, OWNER, inventory.ItemFilter(include_inactive=True))
    assert set(active) < set(every)


# -- contacts -----------------------------------------------------------------------------


@pytest.mark.parametrize("order", sorted(CONTACT_ORDERS))
@pytest.mark.parametrize("text", ["", "a", "%", "_", HOSTILE])
def test_contacts_match_the_search(demo: Database, order: str, text: str) -> None:
    listed = demo.call(contacts.search_contacts, OWNER, text, 10**6, 0, order)
    ids = demo.call(contacts.ids, OWNER, contacts.ContactFilter(text), order)
    assert ids == [row.id for row in listed]
    assert demo.call(contacts.rows_by_id, OWNER, ids) == {row.id: row for row in listed}


# -- rows by id: unknown, repeated, many, none; permissions ----------------------------------


@pytest.mark.parametrize(
    ("ids_fn", "rows_fn"),
    [
        (inbox.ids, inbox.rows_by_id),
        (bookings.ids, bookings.rows_by_id),
        (forms.ids, forms.rows_by_id),
        (inventory.ids, inventory.rows_by_id),
        (contacts.ids, contacts.rows_by_id),
    ],
)
def test_rows_by_ids_skip_unknown_ids_and_span_chunks(
    demo: Database, ids_fn: Any, rows_fn: Any
) -> None:
    ids = demo.call(ids_fn, OWNER)
    wanted = [*ids, *ids[:3], -1, 0, 10**9]
    rows = demo.call(rows_fn, OWNER, wanted)
    assert set(rows) == set(ids)
    assert all(key == row.id for key, row in rows.items())
    assert demo.call(rows_fn, OWNER, []) == {}


def test_more_ids_than_one_chunk(demo: Database) -> None:
    ids = demo.call(bookings.ids, OWNER)
    assert len(ids) > CHUNK  # the rows come from more than one IN (...) list
    assert len(demo.call(bookings.rows_by_id, OWNER, ids)) == len(ids)


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (inbox.ids, ()),
        (inbox.rows_by_id, ([1],)),
        (bookings.ids, ()),
        (bookings.rows_by_id, ([1],)),
        (forms.ids, ()),
        (forms.rows_by_id, ([1],)),
        (inventory.ids, ()),
        (inventory.rows_by_id, ([1],)),
        (contacts.ids, ()),
        (contacts.rows_by_id, ([1],)),
    ],
)
def test_each_needs_the_list_functions_permission(demo: Database, fn: Any, args: tuple) -> None:
    with pytest.raises(PermissionDenied):
        demo.call(fn, NOBODY, *args)

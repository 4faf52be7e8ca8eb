"""The Core-statement seam: helpers that write with prebuilt statements never leave the
caller's ORM copies stale, and see what the caller wrote through the ORM before them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database, forget, statements
from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import AuditEntry, Contact, Conversation, InventoryItem
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit, contacts, inbox, inventory
from careops_desktop.core.services.inventory import apply_movements
from tests.core.seed_rows import add_business, add_contact

SYSTEM = Actor.system("Test")
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def test_a_booking_page_match_leaves_the_callers_orm_copy_alone(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
        contact_id = add_contact(s, "Grace Hopper", "grace@example.com")
    with db.write_session() as s:
        held = s.get(Contact, contact_id)
        assert held is not None and held.phone is None
        view, created = contacts.find_or_create_contact(
            s, SYSTEM, name="Grace Hopper", email="grace@example.com", phone="+44 7400 123456"
        )
        assert not created and view.id == contact_id and view.phone is None  # never filled in
        held.notes = "seen at the desk"
    with db.session() as s:
        stored = s.get(Contact, contact_id)
        assert stored is not None
        assert (stored.phone, stored.notes) == (None, "seen at the desk")


def test_stock_moved_by_statements_shows_in_an_item_the_caller_holds(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
    made = db.call(inventory.create_item, SYSTEM, name="Gloves", quantity=5, low_threshold=2)
    item_id = made.items[0].id
    with db.write_session() as s:
        held = s.get(InventoryItem, item_id)
        assert held is not None and held.quantity == 5
        result = apply_movements(s, SYSTEM, [(item_id, -4)], reason="adjustment", now=NOW)
        assert result.items[0].quantity == 1 and result.items_newly_low
        assert (held.quantity, held.low_alerted) == (1, True)
    with db.session() as s:
        assert s.get(InventoryItem, item_id).quantity == 1  # type: ignore[union-attr]


def test_a_statement_sees_rows_the_orm_has_not_flushed_yet(db: Database) -> None:
    """``statements()`` flushes first: a conversation added through the ORM a moment ago
    is found, not duplicated."""
    with db.write_session() as s:
        add_business(s)
        contact_id = add_contact(s)
        pending = Conversation(contact_id=contact_id, subject="", is_open=True, unread_count=0)
        s.add(pending)  # not flushed
        found = inbox.open_conversation_for(s, contact_id)
        assert found == pending.id
        count = len(s.scalars(select(Conversation.id)).all())
        assert count == 1


def test_a_system_message_for_a_missing_conversation_is_refused_and_writes_nothing(
    db: Database,
) -> None:
    with db.write_session() as s:
        add_business(s)
    with pytest.raises(NotFound), db.write_session() as s:
        inbox.add_system_message(s, 999_999, "Booking confirmed", NOW)
    with db.session() as s:
        assert s.scalars(select(AuditEntry)).all() == []


def test_forget_leaves_rows_the_session_does_not_hold_alone(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
        contact_id = add_contact(s)
    with db.write_session() as s:
        forget(s, Contact, contact_id, 123_456)  # neither is held: nothing to do, no error
        audit.record(s, SYSTEM, "create", "contact", contact_id, {"why": "<b>x</b>"})
        row = statements(s).execute(select(AuditEntry.details)).scalar_one()
        assert row == {"why": "<b>x</b>"}

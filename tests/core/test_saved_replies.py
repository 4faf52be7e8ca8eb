"""Saved replies: kept, changed and removed with the inbox permission, audited, checked
(empty, oversize, unknown placeholders), and filled from a conversation's contact and
booking without ever reading customer text as a placeholder."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database, is_read_only
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry, Booking, Contact, Conversation
from careops_desktop.core.services import saved_replies as sr
from tests.core.booking_world import DESK, INBOX_ONLY, NOW, World, at


@pytest.fixture
def talk(db: Database, world: World) -> int:
    """A conversation with a contact whose name looks like a placeholder, booked next week."""
    with db.write_session() as session:
        contact = Contact(name="{business_name} Evans", email="evans@example.com")
        session.add(contact)
        session.flush()
        session.add(
            Booking(
                contact_id=contact.id,
                booking_type_id=world.massage,
                provider_id=world.alice,
                start_at=at(date(2026, 6, 15), 10),
                end_at=at(date(2026, 6, 15), 10, 30),
                manage_token="tok-evans",
            )
        )
        conversation = Conversation(contact_id=contact.id, subject="Hello")
        session.add(conversation)
        session.flush()
        return conversation.id


def test_add_list_edit_remove_with_audit(db: Database, world: World) -> None:
    added = db.call(sr.add_saved_reply, INBOX_ONLY, "  Opening   hours ", "We open at 9.")
    assert added.title == "Opening hours"
    second = db.call(sr.add_saved_reply, INBOX_ONLY, "Address", "12 High St")
    assert [r.title for r in db.call(sr.list_saved_replies, INBOX_ONLY)] == [
        "Address",
        "Opening hours",
    ]
    edited = db.call(sr.edit_saved_reply, INBOX_ONLY, added.id, "Hours", "We open at 8.")
    assert (edited.title, edited.body) == ("Hours", "We open at 8.")
    assert db.call(sr.get_saved_reply, INBOX_ONLY, added.id).body == "We open at 8."
    db.call(sr.remove_saved_reply, INBOX_ONLY, second.id)
    assert [r.id for r in db.call(sr.list_saved_replies, INBOX_ONLY)] == [added.id]
    with pytest.raises(NotFound):
        db.call(sr.get_saved_reply, INBOX_ONLY, second.id)
    with db.session() as session:
        actions = session.execute(
            select(AuditEntry.action).where(AuditEntry.entity == "saved_reply")
        ).scalars()
        assert sorted(actions) == ["create", "create", "delete", "update"]
    assert is_read_only(sr.list_saved_replies) and is_read_only(sr.fill_saved_reply)


def test_refused_without_the_inbox(db: Database, world: World) -> None:
    reply = db.call(sr.add_saved_reply, INBOX_ONLY, "Hi", "Hello")
    for call in (
        lambda: db.call(sr.list_saved_replies, DESK),
        lambda: db.call(sr.add_saved_reply, DESK, "X", "Y"),
        lambda: db.call(sr.edit_saved_reply, DESK, reply.id, "X", "Y"),
        lambda: db.call(sr.remove_saved_reply, DESK, reply.id),
    ):
        with pytest.raises(PermissionDenied):
            call()


@pytest.mark.parametrize(
    ("title", "body", "field", "words"),
    [
        ("", "text", "title", "Enter a title."),
        ("   ", "text", "title", "Enter a title."),
        ("x" * 121, "text", "title", "longer than 120"),
        ("Title", "", "body", "Enter the reply text."),
        ("Title", " \n ", "body", "Enter the reply text."),
        ("Title", "x" * 5001, "body", "longer than 5,000"),
        ("Title", "Hi {contact_nam}", "body", "Unknown placeholder {contact_nam}"),
    ],
)
def test_field_errors(
    db: Database, world: World, title: str, body: str, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        db.call(sr.add_saved_reply, INBOX_ONLY, title, body)
    assert words in refused.value.fields[field]


def test_titles_are_unique_ignoring_case(db: Database, world: World) -> None:
    first = db.call(sr.add_saved_reply, INBOX_ONLY, "Parking", "Behind the shop.")
    with pytest.raises(ValidationError) as refused:
        db.call(sr.add_saved_reply, INBOX_ONLY, "PARKING", "Other")
    assert "already" in refused.value.fields["title"]
    # keeping its own title while editing is fine
    db.call(sr.edit_saved_reply, INBOX_ONLY, first.id, "parking", "Behind.")


def test_filled_from_the_conversation(db: Database, world: World, talk: int) -> None:
    reply = db.call(
        sr.add_saved_reply,
        INBOX_ONLY,
        "Confirm",
        "Hello {contact_name}, your {booking_type} with {provider_name} is on "
        "{booking_time}. Change it: {manage_link}\n{business_name}. Stock: {item_name}",
    )
    filled = db.call(sr.fill_saved_reply, INBOX_ONLY, reply.id, talk, NOW)
    # the customer's name is inserted as written, never read as a placeholder
    assert filled.text.startswith("Hello {business_name} Evans, your Massage with Alice")
    assert "Monday 15 June 2026 at 10:00" in filled.text
    assert "http://clinic.test:8765/manage/tok-evans" in filled.text
    assert "\nBright Smile Clinic." in filled.text
    # no item here: left as written and named, so the person sees it
    assert filled.text.endswith("Stock: {item_name}")
    assert filled.unfilled == ("item_name",)


def test_fill_refusals(db: Database, world: World, talk: int) -> None:
    reply = db.call(sr.add_saved_reply, INBOX_ONLY, "Hi", "Hi {contact_name}")
    with pytest.raises(PermissionDenied):
        db.call(sr.fill_saved_reply, DESK, reply.id, talk)
    with pytest.raises(NotFound):
        db.call(sr.fill_saved_reply, INBOX_ONLY, reply.id + 99, talk)
    with pytest.raises(NotFound):
        db.call(sr.fill_saved_reply, INBOX_ONLY, reply.id, talk + 99)

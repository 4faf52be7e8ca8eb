"""Issue 13, part 1 in the core: a booking-page visitor cannot take over, change or read a contact.

Matching joins only the same email and the same name; every other likeness is a
new contact marked "possible duplicate"; each booking keeps the details it was
made with and its messages go there; the desk's merge keeps both histories.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Contact, Conversation, OutboxMessage
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings, contacts
from tests.core.booking_world import NOW, WEDNESDAY, World, at, build_in

MANAGER = Actor(
    user_id=None,
    name="Manager",
    role=Role.MANAGER,
    permissions=permissions_for(Role.MANAGER),
)
CUSTOMER_PHONE = "+49 30 12345678"


@pytest.fixture
def world(db: Database) -> World:
    return build_in(db)


def public(db: Database, world: World, hour: int, **who: Any) -> bookings.BookingReceipt:
    values: dict[str, Any] = {"email": "", "phone": "", **who}
    return db.call(
        bookings.book_public,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, hour),
        notes="",
        now=NOW,
        **values,
    )


def contact_row(db: Database, contact_id: int) -> tuple[str, str | None, str | None, int | None]:
    with db.session() as s:
        c = s.get(Contact, contact_id)
        assert c is not None
        return c.name, c.email, c.phone, c.duplicate_of_id


def outbox_for(db: Database, booking_id: int) -> list[tuple[str, str, str, str]]:
    with db.session() as s:
        rows = s.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.booking_id == booking_id)
            .order_by(OutboxMessage.id)
        )
        return [(r.kind, r.channel, r.recipient, r.subject + "\n" + r.body) for r in rows]


def test_the_phone_takeover_makes_a_marked_new_contact_and_tells_the_stranger_nothing(
    db: Database, world: World
) -> None:
    first = public(db, world, 10, name="Carla Customer", phone=CUSTOMER_PHONE)
    stranger = public(
        db, world, 12, name="Sly Stranger", phone=CUSTOMER_PHONE, email="sly@evil.example"
    )
    assert stranger.contact_created and stranger.contact_id != first.contact_id
    # the customer's contact is untouched; the stranger's is marked for the desk
    assert contact_row(db, first.contact_id) == ("Carla Customer", None, "+493012345678", None)
    assert contact_row(db, stranger.contact_id) == (
        "Sly Stranger",
        "sly@evil.example",
        "+493012345678",
        first.contact_id,
    )
    to_stranger = [row for row in outbox_for(db, stranger.booking_id)]
    assert to_stranger and all(r[2] == "sly@evil.example" for r in to_stranger)
    assert not any("Carla" in r[3] for r in to_stranger)
    # the customer's later messages still go to the customer's phone, never to the stranger
    db.call(bookings.cancel, MANAGER, first.booking_id, "", NOW)
    cancelled = [r for r in outbox_for(db, first.booking_id) if r[0] == "cancellation"]
    assert [(r[1], r[2]) for r in cancelled] == [("sms", "+493012345678")]
    with db.session() as s:
        everything = list(s.scalars(select(OutboxMessage)))
    assert not any(
        r.recipient == "sly@evil.example" and ("Carla" in r.body or "Carla" in r.subject)
        for r in everything
    )


def test_the_same_email_under_another_name_is_a_new_marked_contact(
    db: Database, world: World
) -> None:
    first = public(db, world, 10, name="Ann Original", email="ann@example.com")
    other = public(db, world, 12, name="Somebody Else", email="ANN@example.com")
    assert other.contact_created and other.contact_id != first.contact_id
    assert contact_row(db, other.contact_id)[3] == first.contact_id
    # nothing stored about Ann reaches this visitor
    assert not any("Ann Original" in r[3] for r in outbox_for(db, other.booking_id))
    view = db.call(bookings.get_booking_by_token, other.manage_token)
    assert view.customer_name == "Somebody Else"


def test_the_same_email_and_name_joins_without_changing_the_contact(
    db: Database, world: World
) -> None:
    first = public(db, world, 10, name="Ann Lee", email="ann@example.com")
    again = public(
        db, world, 12, name="  ann   LEE ", email="Ann@Example.com", phone="+44 7911 123456"
    )
    assert not again.contact_created and again.contact_id == first.contact_id
    assert contact_row(db, first.contact_id) == ("Ann Lee", "ann@example.com", None, None)
    with db.session() as s:
        booking = s.get(Booking, again.booking_id)
        assert booking is not None
        captured = (booking.customer_name, booking.customer_email, booking.customer_phone)
    assert captured == ("ann   LEE", "ann@example.com", "+447911123456")


def test_messages_go_to_the_address_captured_with_the_booking(db: Database, world: World) -> None:
    made = public(db, world, 10, name="Pat Phone", phone=CUSTOMER_PHONE)
    with db.write_session() as s:  # whatever the contact holds later (here changed behind our back)
        contact = s.get(Contact, made.contact_id)
        assert contact is not None
        contact.email = "someone.else@example.com"
    db.call(bookings.cancel, MANAGER, made.booking_id, "", NOW)
    cancelled = [r for r in outbox_for(db, made.booking_id) if r[0] == "cancellation"]
    assert [(r[1], r[2]) for r in cancelled] == [("sms", "+493012345678")]


def test_the_desk_changing_the_contact_moves_its_bookings_made_with_the_old_address(
    db: Database, world: World
) -> None:
    made = public(db, world, 10, name="Eve Email", email="eve@old.example")
    db.call(contacts.update_contact, MANAGER, made.contact_id, email="eve@new.example")
    db.call(bookings.cancel, MANAGER, made.booking_id, "", NOW)
    cancelled = [r for r in outbox_for(db, made.booking_id) if r[0] == "cancellation"]
    assert [(r[1], r[2]) for r in cancelled] == [("email", "eve@new.example")]


def test_merging_a_possible_duplicate_keeps_both_histories_and_clears_the_mark(
    db: Database, world: World
) -> None:
    first = public(db, world, 10, name="Carla Customer", phone=CUSTOMER_PHONE)
    second = public(db, world, 12, name="Carla C.", phone=CUSTOMER_PHONE, email="carla@example.com")
    third = public(db, world, 14, name="Carla Again", phone=CUSTOMER_PHONE)
    assert contact_row(db, third.contact_id)[3] == first.contact_id
    assert db.call(contacts.count_possible_duplicates, MANAGER) == 2
    kept = db.call(contacts.merge_contacts, MANAGER, second.contact_id, first.contact_id)
    assert kept.id == second.contact_id and kept.duplicate_of_id is None
    detail = db.call(contacts.get_contact_detail, MANAGER, second.contact_id)
    assert {b.id for b in detail.bookings} == {first.booking_id, second.booking_id}
    with db.session() as s:
        conversations = s.scalars(
            select(Conversation.contact_id).where(Conversation.contact_id == second.contact_id)
        ).all()
    assert len(conversations) == 2  # both welcome threads
    # the third pointed at the merged-away contact: it now points at the kept one
    assert contact_row(db, third.contact_id)[3] == second.contact_id
    assert db.call(contacts.count_possible_duplicates, MANAGER) == 1
    # each booking still goes where it was made
    with db.session() as s:
        first_booking = s.get(Booking, first.booking_id)
        assert first_booking is not None and first_booking.customer_email is None
    cleared = db.call(contacts.clear_duplicate_mark, MANAGER, third.contact_id)
    assert cleared.duplicate_of_id is None
    assert db.call(contacts.count_possible_duplicates, MANAGER) == 0


def test_the_migration_fills_existing_bookings_from_their_contact(
    db: Database, world: World
) -> None:
    from careops_desktop.core.schema import downgrade, upgrade_to_head

    made = public(db, world, 10, name="Olga Older", email="olga@example.com", phone=CUSTOMER_PHONE)
    downgrade(db.engine, "0007")  # before the booking kept its own details
    upgrade_to_head(db.engine)
    with db.session() as s:
        booking = s.get(Booking, made.booking_id)
        assert booking is not None
        captured = (booking.customer_name, booking.customer_email, booking.customer_phone)
    assert captured == ("Olga Older", "olga@example.com", "+493012345678")

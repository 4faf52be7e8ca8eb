"""Contacts: validation, find-or-create, search, detail, merge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Contact,
    Conversation,
    Form,
    FormSubmission,
    Provider,
)
from careops_desktop.core.services import business, contacts
from careops_desktop.core.services.contacts import (
    normalize_email,
    normalize_phone,
    region_for_timezone,
)
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

HOSTILE = "Robert'); DROP TABLE contacts;-- <img src=x onerror=alert(1)> {contact_name} %s \u202e"


def test_normalize_email() -> None:
    assert normalize_email("  Ann.Lee@Example.COM ") == "ann.lee@example.com"
    for bad in ["", "ann", "ann@", "@example.com", "a b@example.com", "x" * 320 + "@e.com"]:
        with pytest.raises(ValidationError) as caught:
            normalize_email(bad)
        assert set(caught.value.fields) == {"email"}


def test_normalize_phone() -> None:
    assert normalize_phone("07911 123456", "GB") == "+447911123456"
    assert normalize_phone("(212) 555-0199", "US") == "+12125550199"
    assert normalize_phone("+44 20 7946 0000", "US") == "+442079460000"
    for bad in ["", "12345", "not a phone", "+999 1234", "0" * 50]:
        with pytest.raises(ValidationError) as caught:
            normalize_phone(bad, "GB")
        assert set(caught.value.fields) == {"phone"}


@pytest.mark.parametrize(
    ("zone", "region"),
    [
        ("Europe/London", "GB"),
        ("America/New_York", "US"),
        ("Europe/Berlin", "DE"),
        ("America/Nowhere", "US"),
        ("UTC", "GB"),
    ],
)
def test_region_for_timezone(zone, region) -> None:
    assert region_for_timezone(zone) == region


def test_region_follows_the_business(people) -> None:
    db = people.db
    db.call(business.update_profile, people.owner, timezone="America/New_York")
    view = db.call(contacts.create_contact, people.owner, name="Al", phone="(212) 555-0199")
    assert view.phone == "+12125550199"


def test_create_stores_hostile_text_as_typed(people) -> None:
    view = people.db.call(
        contacts.create_contact,
        people.owner,
        name=f"  {HOSTILE.rstrip(chr(0x202E))}  ",  # a bidi override is refused in names
        email="ANN@example.com",
        notes=HOSTILE,
    )
    assert view.name == HOSTILE.rstrip(chr(0x202E)).rstrip()
    assert view.notes == HOSTILE
    assert view.email == "ann@example.com"
    assert people.db.call(contacts.get_contact, people.owner, view.id) == view


def test_create_field_errors(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(contacts.create_contact, people.owner, name="", email="bad", phone="12")
    assert set(caught.value.fields) == {"name", "email", "phone"}
    with pytest.raises(ValidationError) as caught:
        db.call(contacts.create_contact, people.owner, name="Ann")
    assert "or a phone number" in caught.value.fields["email"]
    with pytest.raises(ValidationError) as caught:
        db.call(
            contacts.create_contact,
            people.owner,
            name="n" * 201,
            email="a@example.com",
            notes="x" * 20_001,
        )
    assert set(caught.value.fields) == {"name", "notes"}
    with db.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == 0


def test_update(people) -> None:
    db = people.db
    view = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    view = db.call(
        contacts.update_contact, people.owner, view.id, phone="07911 123456", notes="VIP"
    )
    assert (view.phone, view.notes, view.email) == ("+447911123456", "VIP", "ann@example.com")
    view = db.call(contacts.update_contact, people.owner, view.id, email="")
    assert view.email is None
    with pytest.raises(ValidationError):
        db.call(contacts.update_contact, people.owner, view.id, phone="")
    with pytest.raises(ValidationError):
        db.call(contacts.update_contact, people.owner, view.id, name="  ")
    with pytest.raises(NotFound):
        db.call(contacts.update_contact, people.owner, 404, name="x")


def test_permission_needed_everywhere(people) -> None:
    db = people.db
    view = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    calls = [
        (contacts.create_contact, (), {"name": "X", "email": "x@example.com"}),
        (contacts.update_contact, (view.id,), {"name": "X"}),
        (contacts.find_or_create_contact, (), {"name": "X", "email": "x@example.com"}),
        (contacts.search_contacts, ("a",), {}),
        (contacts.count_contacts, (), {}),
        (contacts.get_contact, (view.id,), {}),
        (contacts.get_contact_detail, (view.id,), {}),
        (contacts.merge_contacts, (view.id, view.id), {}),
    ]
    for fn, args, kwargs in calls:
        with pytest.raises(PermissionDenied) as caught:
            db.call(fn, people.nobody, *args, **kwargs)
        assert caught.value.permission == "manage contacts"


def test_find_or_create_joins_only_the_same_email_and_name_and_changes_nothing(people) -> None:
    db = people.db
    ann, created = db.call(
        contacts.find_or_create_contact, people.system, name="Ann", email="Ann@Example.com"
    )
    assert created and ann.duplicate_of_id is None
    again, created = db.call(
        contacts.find_or_create_contact,
        people.system,
        name="  ann ",
        email="ann@example.com",
        phone="07911 123456",
    )
    assert not created and again.id == ann.id
    stored = db.call(contacts.get_contact, people.owner, ann.id)
    assert (stored.name, stored.email, stored.phone) == ("Ann", "ann@example.com", None)
    with pytest.raises(ValidationError):
        db.call(contacts.find_or_create_contact, people.system, name="", email="z@example.com")


def test_search_count_and_order(people) -> None:
    db = people.db
    for name, email, phone in [
        ("Ann Lee", "ann@example.com", "07911 123456"),
        ("Bob_Stone", "bob@work.example", ""),
        ("Carla 100%", "", "+1 212 555 0199"),
        ("ann-marie", "am@example.com", ""),
    ]:
        db.call(contacts.create_contact, people.owner, name=name, email=email, phone=phone)
    names = lambda rows: [r.name for r in rows]  # noqa: E731
    assert names(db.call(contacts.search_contacts, people.owner, "ANN")) == ["Ann Lee", "ann-marie"]
    assert names(db.call(contacts.search_contacts, people.owner, "work.EXAMPLE")) == ["Bob_Stone"]
    assert names(db.call(contacts.search_contacts, people.owner, "07911 123")) == ["Ann Lee"]
    assert names(db.call(contacts.search_contacts, people.owner, "555-0199")) == ["Carla 100%"]
    # LIKE wildcards are searched literally
    assert names(db.call(contacts.search_contacts, people.owner, "%")) == ["Carla 100%"]
    assert names(db.call(contacts.search_contacts, people.owner, "_")) == ["Bob_Stone"]
    assert db.call(contacts.count_contacts, people.owner, "ann") == 2
    assert db.call(contacts.count_contacts, people.owner) == 4
    page = db.call(contacts.ids, people.owner, contacts.ContactFilter(), "-name", limit=2, offset=1)
    assert len(page) == 2
    rows = db.call(contacts.rows_by_id, people.owner, page)
    assert names([rows[i] for i in page]) == ["Bob_Stone", "ann-marie"]
    with pytest.raises(ValidationError):
        db.call(contacts.ids, people.owner, contacts.ContactFilter(), "name; DROP TABLE x")


def _history(db, contact_id: int) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 5, 4, 9, tzinfo=UTC)
    with db.write_session() as s:
        provider = Provider(name="Dr A")
        kind = BookingType(name="Scan", slug="scan", duration_minutes=30)
        form = Form(name="Intake", fields=[])
        s.add_all([provider, kind, form])
        s.flush()
        booking = Booking(
            contact_id=contact_id,
            booking_type_id=kind.id,
            provider_id=provider.id,
            start_at=start,
            end_at=start + timedelta(minutes=30),
            manage_token=f"token-{contact_id}",
        )
        s.add(booking)
        s.add(Conversation(contact_id=contact_id, subject="Question"))
        s.flush()
        s.add(
            FormSubmission(
                form_id=form.id,
                booking_id=booking.id,
                contact_id=contact_id,
                token=f"f{contact_id}",
            )
        )


def test_detail_lists_history(people) -> None:
    db = people.db
    view = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    _history(db, view.id)
    detail = db.call(contacts.get_contact_detail, people.owner, view.id)
    assert detail.contact == view
    assert [(b.booking_type, b.provider, b.status) for b in detail.bookings] == [
        ("Scan", "Dr A", "confirmed")
    ]
    assert [c.subject for c in detail.conversations] == ["Question"]
    assert [(f.form, f.status) for f in detail.submissions] == [("Intake", "pending")]
    with pytest.raises(NotFound):
        db.call(contacts.get_contact_detail, people.owner, 404)


def test_merge_moves_everything_and_fills_gaps(people) -> None:
    db = people.db
    keep = db.call(contacts.create_contact, people.owner, name="Ann Lee", email="ann@example.com")
    dup = db.call(
        contacts.create_contact,
        people.owner,
        name="A. Lee",
        phone="07911 123456",
        notes="Prefers mornings",
    )
    _history(db, dup.id)
    merged = db.call(contacts.merge_contacts, people.owner, keep.id, dup.id)
    assert (merged.name, merged.email, merged.phone, merged.notes) == (
        "Ann Lee",
        "ann@example.com",
        "+447911123456",
        "Prefers mornings",
    )
    detail = db.call(contacts.get_contact_detail, people.owner, keep.id)
    assert len(detail.bookings) == len(detail.conversations) == len(detail.submissions) == 1
    with pytest.raises(NotFound):
        db.call(contacts.get_contact, people.owner, dup.id)
    assert merged.created_at == min(keep.created_at, dup.created_at)


def test_merge_refusals(people) -> None:
    db = people.db
    keep = db.call(contacts.create_contact, people.owner, name="Ann", email="ann@example.com")
    with pytest.raises(ValidationError):
        db.call(contacts.merge_contacts, people.owner, keep.id, keep.id)
    with pytest.raises(NotFound):
        db.call(contacts.merge_contacts, people.owner, keep.id, 404)


def test_a_stored_number_older_rules_let_in_does_not_block_editing(people) -> None:
    """The demo's fictional 07700 900xxx numbers fail today's check; the name can still change."""
    from careops_desktop.core.models import Contact as ContactRow

    db, owner = people.db, people.owner
    with db.write_session() as s:
        row = ContactRow(name="Old Import", phone="+447700900123", email=None)
        s.add(row)
        s.flush()
        contact_id = row.id
    view = db.call(contacts.update_contact, owner, contact_id, name="Renamed Import")
    assert (view.name, view.phone) == ("Renamed Import", "+447700900123")
    with pytest.raises(ValidationError) as caught:
        db.call(contacts.update_contact, owner, contact_id, phone="+447700900124")
    assert set(caught.value.fields) == {"phone"}

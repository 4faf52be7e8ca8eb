"""Staff reading intake submissions (list, search, count, detail) and reminders for the jobs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import Booking
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
    add_staff_actor,
)

NOW = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)
OWNER = Actor.system("Test owner")
FIELDS = [
    {"key": "full_name", "label": "Full name", "type": "text", "required": True},
    {"key": "allergies", "label": "Allergies", "type": "textarea"},
]


@pytest.fixture
def sent(db: Database) -> dict[str, object]:
    """Three bookings by three contacts with the intake form sent; the first one answered."""
    with db.write_session() as s:
        add_business(s, form_due_hours_before=24)
        provider = add_provider(s)
        booking_type = add_booking_type(s)
        contacts = [
            add_contact(s, "Ada Lovelace"),
            add_contact(s, "Bob 100%_Sure", email="bob@example.com"),
            add_contact(s, "Cleo Jones"),
        ]
    intake = db.call(forms.create_form, OWNER, name="Intake", fields=FIELDS).id
    other = db.call(forms.create_form, OWNER, name="Consent", fields=FIELDS[:1]).id
    db.call(forms.attach_form, OWNER, booking_type, intake)
    bookings, tokens = [], []
    for days, contact in zip((2, 3, 10), contacts, strict=True):
        with db.write_session() as s:
            bookings.append(
                add_booking(
                    s,
                    contact_id=contact,
                    booking_type_id=booking_type,
                    provider_id=provider,
                    start=NOW + timedelta(days=days),
                )
            )
        made = NOW + timedelta(minutes=len(bookings))  # distinct creation times, oldest first
        links = db.call(forms.create_submissions_for_booking, bookings[-1], made)
        tokens.append(links[0].token)
    answers = {"full_name": "Ada L.", "allergies": "Latex <b>"}
    db.call(forms.submit_by_token, tokens[0], answers, NOW)
    return {
        "tokens": tokens,
        "bookings": bookings,
        "contacts": contacts,
        "intake": intake,
        "other": other,
    }


def test_list_newest_first_with_names_and_count(db: Database, sent: dict[str, object]) -> None:
    rows = db.call(forms.list_submissions, OWNER)
    assert [r.contact_name for r in rows] == ["Cleo Jones", "Bob 100%_Sure", "Ada Lovelace"]
    assert [r.status for r in rows] == ["pending", "pending", "completed"]
    assert rows[0].form_name == "Intake"
    assert rows[0].booking_start_at == NOW + timedelta(days=10)
    assert db.call(forms.count_submissions, OWNER) == 3


def test_filters_by_status_form_contact_and_paging(db: Database, sent: dict[str, object]) -> None:
    contacts = sent["contacts"]
    assert isinstance(contacts, list)
    pending = db.call(forms.list_submissions, OWNER, status="pending")
    assert len(pending) == 2 == db.call(forms.count_submissions, OWNER, status="pending")
    assert db.call(forms.count_submissions, OWNER, form_id=sent["other"]) == 0
    assert db.call(forms.count_submissions, OWNER, form_id=sent["intake"]) == 3
    mine = db.call(forms.list_submissions, OWNER, contact_id=contacts[2])
    assert [r.contact_name for r in mine] == ["Cleo Jones"]
    page = db.call(forms.list_submissions, OWNER, limit=1, offset=1)
    assert [r.contact_name for r in page] == ["Bob 100%_Sure"]
    with pytest.raises(ValidationError) as caught:
        db.call(forms.list_submissions, OWNER, status="deleted")
    assert "status" in caught.value.fields


@pytest.mark.parametrize(
    ("search", "names"),
    [
        ("lovelace", ["Ada Lovelace"]),
        ("BOB@EXAMPLE", ["Bob 100%_Sure"]),
        ("100%_", ["Bob 100%_Sure"]),  # % and _ are literal, not wildcards
        ("%", ["Bob 100%_Sure"]),
        ("_", ["Bob 100%_Sure"]),
        ("intake", ["Cleo Jones", "Bob 100%_Sure", "Ada Lovelace"]),
        ("'; DROP TABLE form_submissions; --", []),
        ("x" * 10_000, []),
    ],
)
def test_search_names_emails_and_forms_literally(
    db: Database, sent: dict[str, object], search: str, names: list[str]
) -> None:
    rows = db.call(forms.list_submissions, OWNER, search=search)
    assert [r.contact_name for r in rows] == names
    assert db.call(forms.count_submissions, OWNER, search=search) == len(names)


def test_detail_lists_answers_in_field_order(db: Database, sent: dict[str, object]) -> None:
    first = db.call(forms.list_submissions, OWNER, status="completed")[0]
    detail = db.call(forms.get_submission, OWNER, first.id)
    assert detail.row == first
    assert [(a.label, a.value) for a in detail.answers] == [
        ("Full name", "Ada L."),
        ("Allergies", "Latex <b>"),
    ]
    with pytest.raises(NotFound):
        db.call(forms.get_submission, OWNER, 999)


def test_answers_survive_a_field_being_removed(db: Database, sent: dict[str, object]) -> None:
    db.call(forms.update_form, OWNER, sent["intake"], fields=FIELDS[:1])
    first = db.call(forms.list_submissions, OWNER, status="completed")[0]
    answers = db.call(forms.get_submission, OWNER, first.id).answers
    assert [(a.key, a.label, a.value) for a in answers] == [
        ("full_name", "Full name", "Ada L."),
        ("allergies", "allergies", "Latex <b>"),
    ]


def test_reading_needs_a_bookings_contacts_or_settings_permission(
    db: Database, sent: dict[str, object]
) -> None:
    nobody = db.call(lambda s: add_staff_actor(s, email="n@example.com", can_view_inventory=True))
    for call in (
        lambda s: forms.list_submissions(s, nobody),
        lambda s: forms.count_submissions(s, nobody),
        lambda s: forms.get_submission(s, nobody, 1),
    ):
        with pytest.raises(PermissionDenied):
            db.call(call)
    desk = db.call(lambda s: add_staff_actor(s, email="d@example.com", can_manage_bookings=True))
    assert db.call(forms.count_submissions, desk) == 3


def test_reminders_due_within_the_window_once(db: Database, sent: dict[str, object]) -> None:
    bookings = sent["bookings"]
    assert isinstance(bookings, list)
    # due times: day 1 (answered), day 2 and day 9 after NOW
    due = db.call(forms.submissions_due_for_reminder, NOW, timedelta(days=3))
    assert [r.contact_name for r in due] == ["Bob 100%_Sure"]
    assert due[0].contact_email == "bob@example.com"
    assert due[0].due_at == NOW + timedelta(days=2)
    assert due[0].form_name == "Intake"
    assert db.call(forms.mark_reminded, [due[0].submission_id], NOW) == 1
    assert db.call(forms.mark_reminded, [], NOW) == 0
    assert db.call(forms.submissions_due_for_reminder, NOW, timedelta(days=3)) == []
    assert len(db.call(forms.submissions_due_for_reminder, NOW, timedelta(days=30))) == 1
    # a cancelled booking's form is not reminded
    with db.write_session() as s:
        s.get(Booking, bookings[2]).status = "cancelled"  # type: ignore[union-attr]
    assert db.call(forms.submissions_due_for_reminder, NOW, timedelta(days=30)) == []

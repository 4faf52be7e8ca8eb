"""Intake forms: definitions, attaching, submissions made on booking, answering by token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Booking, FormSubmission
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import forms
from tests.core.seed_rows import (
    add_booking,
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
OWNER = Actor.system("Test owner")
HOSTILE = "<script>alert('x')</script> '; DROP TABLE forms; -- \u202e\u0000 ü 😀"

SIMPLE_FIELDS = [
    {"key": "full_name", "label": "Full name", "type": "text", "required": True},
    {"key": "email", "label": "Email", "type": "email", "required": False},
]


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    """A business (phone in the UK), a contact, a provider and a booking type."""
    with db.write_session() as s:
        add_business(s, phone="+44 20 7946 0958", form_due_hours_before=24)
        return {
            "contact": add_contact(s),
            "provider": add_provider(s),
            "type": add_booking_type(s),
        }


def _booking(db: Database, world: dict[str, int], start: datetime) -> int:
    with db.write_session() as s:
        return add_booking(
            s,
            contact_id=world["contact"],
            booking_type_id=world["type"],
            provider_id=world["provider"],
            start=start,
        )


def _form(db: Database, fields: list[dict[str, object]] | None = None, name: str = "Intake") -> int:
    view = db.call(forms.create_form, OWNER, name=name, fields=fields or SIMPLE_FIELDS)
    return view.id


def _sent(db: Database, world: dict[str, int], fields: list[dict[str, object]]) -> str:
    """A booking with one attached form sent; returns the submission token."""
    form_id = _form(db, fields)
    db.call(forms.attach_form, OWNER, world["type"], form_id)
    booking_id = _booking(db, world, NOW + timedelta(days=3))
    links = db.call(forms.create_submissions_for_booking, booking_id, NOW)
    return links[0].token


# -- submissions made on booking ----------------------------------------------------------


def test_booking_gets_one_pending_submission_per_active_attached_form(
    db: Database, world: dict[str, int]
) -> None:
    first = _form(db, name="Intake")
    second = _form(db, name="Consent")
    inactive = _form(db, name="Old form")
    db.call(forms.update_form, OWNER, inactive, is_active=False)
    other_type = db.call(lambda s: add_booking_type(s, "Whitening"))
    for form_id in (first, second, inactive):
        db.call(forms.attach_form, OWNER, world["type"], form_id)
    db.call(forms.attach_form, OWNER, other_type, first)
    start = NOW + timedelta(days=3)
    booking_id = _booking(db, world, start)

    links = db.call(forms.create_submissions_for_booking, booking_id, NOW)

    assert [link.form_name for link in links] == ["Intake", "Consent"]
    assert len({link.token for link in links}) == 2
    assert all(len(link.token) >= 32 for link in links)
    with db.session() as s:
        rows = s.scalars(select(FormSubmission).order_by(FormSubmission.id)).all()
        assert [r.status for r in rows] == ["pending", "pending"]
        assert {r.due_at for r in rows} == {start - timedelta(hours=24)}
        assert {r.contact_id for r in rows} == {world["contact"]}
        assert s.get(Booking, booking_id).forms_sent is True  # type: ignore[union-attr]


def test_second_call_sends_nothing_twice(db: Database, world: dict[str, int]) -> None:
    db.call(forms.attach_form, OWNER, world["type"], _form(db))
    booking_id = _booking(db, world, NOW + timedelta(days=3))
    assert len(db.call(forms.create_submissions_for_booking, booking_id, NOW)) == 1
    assert db.call(forms.create_submissions_for_booking, booking_id, NOW) == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(FormSubmission)) == 1


def test_due_time_is_never_before_now(db: Database, world: dict[str, int]) -> None:
    db.call(forms.attach_form, OWNER, world["type"], _form(db))
    booking_id = _booking(db, world, NOW + timedelta(hours=3))  # sooner than 24 h
    links = db.call(forms.create_submissions_for_booking, booking_id, NOW)
    with db.session() as s:
        assert s.get(FormSubmission, links[0].submission_id).due_at == NOW  # type: ignore[union-attr]


def test_booking_without_forms_is_not_marked_sent(db: Database, world: dict[str, int]) -> None:
    booking_id = _booking(db, world, NOW + timedelta(days=1))
    assert db.call(forms.create_submissions_for_booking, booking_id, NOW) == []
    with db.session() as s:
        assert s.get(Booking, booking_id).forms_sent is False  # type: ignore[union-attr]


def test_unknown_booking_is_not_found(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(NotFound):
        db.call(forms.create_submissions_for_booking, 999, NOW)


def test_reschedule_moves_due_time_and_reopens_overdue(db: Database, world: dict[str, int]) -> None:
    token = _sent(db, world, SIMPLE_FIELDS)
    later = NOW + timedelta(days=5)
    assert db.call(forms.mark_overdue, later) == 1
    sub_id = db.call(forms.get_form_by_token, token).submission_id
    with db.write_session() as s:
        booking = s.get(Booking, s.get(FormSubmission, sub_id).booking_id)  # type: ignore[union-attr]
        booking.start_at = later + timedelta(days=7)  # type: ignore[union-attr]
        booking.end_at = later + timedelta(days=7, minutes=30)  # type: ignore[union-attr]
        booking_id = booking.id  # type: ignore[union-attr]
    assert db.call(forms.update_due_dates_for_booking, booking_id, later) == 1
    shown = db.call(forms.get_form_by_token, token)
    assert shown.status == "pending"
    assert shown.due_at == later + timedelta(days=6)


def test_cancellation_withdraws_unanswered_but_keeps_answered(
    db: Database, world: dict[str, int]
) -> None:
    db.call(forms.attach_form, OWNER, world["type"], _form(db, name="A"))
    db.call(forms.attach_form, OWNER, world["type"], _form(db, name="B"))
    booking_id = _booking(db, world, NOW + timedelta(days=3))
    links = db.call(forms.create_submissions_for_booking, booking_id, NOW)
    db.call(forms.submit_by_token, links[0].token, {"full_name": "Ada"}, NOW)
    assert db.call(forms.withdraw_for_booking, booking_id) == 1
    assert db.call(forms.get_form_by_token, links[0].token).status == "completed"
    with pytest.raises(NotFound):
        db.call(forms.get_form_by_token, links[1].token)

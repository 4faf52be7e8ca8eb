"""Intake forms: definitions, attaching, submissions made on booking, answering by token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from careops_desktop.core import events
from careops_desktop.core.db import Database
from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry, Booking, Form, FormSubmission
from careops_desktop.core.services import forms
from careops_desktop.core.services.forms import MAX_FIELDS, FormField, validate_definition
from tests.actors import OWNER
from tests.core.seed_rows import (
    add_booking_type,
    add_business,
    add_contact,
    add_provider,
    add_staff_actor,
    book_in,
)

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
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
    return book_in(db, world, start)


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


# -- definitions --------------------------------------------------------------------------


def test_create_form_stores_clean_fields_audits_and_publishes(
    db: Database, world: dict[str, int], published: list[events.DomainEvent]
) -> None:
    view = db.call(
        forms.create_form,
        OWNER,
        name="  Intake  ",
        description=HOSTILE,
        fields=[
            {"key": "colour", "label": "  Colour ", "type": "select", "options": [" Red", "Blue"]},
            FormField("notes", HOSTILE, "textarea"),
        ],
    )
    assert view.name == "Intake"
    stored = db.call(forms.get_form, OWNER, view.id)
    # stored as typed, except NUL, which no PostgreSQL text can hold: U+FFFD on both databases
    assert stored.description == HOSTILE.strip().replace("\x00", "\ufffd")
    assert stored.fields == view.fields == (
        FormField("colour", "Colour", "select", False, ("Red", "Blue")),
        FormField("notes", HOSTILE.strip(), "textarea", False, ()),
    )
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "form")).one()
        assert (entry.action, entry.entity_id, entry.actor_name) == (
            "create",
            view.id,
            "Test owner",
        )
    assert events.FormChanged(view.id, None, "created") in published


@pytest.mark.parametrize(
    ("fields", "error_key", "words"),
    [
        ([], "fields", "at least one"),
        ("full_name", "fields", "must be a list"),
        (
            [{"key": f"q{i}", "label": "Q", "type": "text"} for i in range(MAX_FIELDS + 1)],
            "fields",
            "at most 50",
        ),
        (["not a field"], "fields[0]", "key, a label"),
        ([{"key": "", "label": "A"}], "fields[0].key", "Give the field a key"),
        ([{"key": "Name", "label": "A"}], "fields[0].key", "lower-case"),
        ([{"key": "1st", "label": "A"}], "fields[0].key", "lower-case"),
        ([{"key": "first name", "label": "A"}], "fields[0].key", "lower-case"),
        ([{"key": "a" * 41, "label": "A"}], "fields[0].key", "at most 40"),
        ([{"key": "<script>", "label": "A"}], "fields[0].key", "lower-case"),
        (
            [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}],
            "fields[1].key",
            "used by another",
        ),
        ([{"key": "a", "label": "   "}], "fields[0].label", "Give the field a label"),
        ([{"key": "a", "label": "L" * 201}], "fields[0].label", "longer than 200"),
        ([{"key": "a", "label": "A", "type": "file"}], "fields[0].type", "Choose one of"),
        ([{"key": "a", "label": "A", "type": "select"}], "fields[0].options", "at least one"),
        (
            [{"key": "a", "label": "A", "type": "select", "options": ["x", "x"]}],
            "fields[0].options",
            "listed twice",
        ),
        (
            [{"key": "a", "label": "A", "type": "select", "options": ["x", " "]}],
            "fields[0].options",
            "needs some text",
        ),
        (
            [{"key": "a", "label": "A", "type": "select", "options": [str(i) for i in range(101)]}],
            "fields[0].options",
            "at most 100",
        ),
        (
            [{"key": "a", "label": "A", "type": "select", "options": ["o" * 201]}],
            "fields[0].options",
            "longer than 200",
        ),
        ([{"key": "a", "label": "A", "required": "yes"}], "fields[0].required", "yes or no"),
    ],
)
def test_bad_definitions_are_refused_by_field(
    db: Database, world: dict[str, int], fields: object, error_key: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(forms.create_form, OWNER, name="Bad", fields=fields)
    assert words in caught.value.fields[error_key]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Form)) == 0


def test_every_problem_is_listed_at_once(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(
            forms.create_form,
            OWNER,
            name="",
            fields=[{"key": "Bad Key", "label": "", "type": "nope"}],
        )
    assert set(caught.value.fields) == {"name"}  # the name is checked first, on its own
    with pytest.raises(ValidationError) as caught:
        db.call(
            forms.create_form, OWNER, name="Ok", fields=[{"key": "Bad", "label": "", "type": "x"}]
        )
    assert set(caught.value.fields) == {"fields[0].key", "fields[0].label", "fields[0].type"}


def test_name_and_description_limits(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(
            forms.create_form, OWNER, name="N" * 201, description="d" * 2001, fields=SIMPLE_FIELDS
        )
    assert set(caught.value.fields) == {"name", "description"}


def test_fifty_fields_are_allowed(db: Database, world: dict[str, int]) -> None:
    fields = [{"key": f"q{i}", "label": f"Question {i}", "type": "text"} for i in range(MAX_FIELDS)]
    assert len(db.call(forms.create_form, OWNER, name="Long", fields=fields).fields) == MAX_FIELDS


def test_update_changes_only_what_is_given_and_refusal_keeps_old(
    db: Database, world: dict[str, int]
) -> None:
    form_id = _form(db)
    view = db.call(forms.update_form, OWNER, form_id, description="New words")
    assert (view.name, view.description, len(view.fields)) == ("Intake", "New words", 2)
    with pytest.raises(ValidationError):
        db.call(forms.update_form, OWNER, form_id, fields=[{"key": "x", "label": ""}])
    with pytest.raises(ValidationError):
        db.call(forms.update_form, OWNER, form_id, name=" ")
    assert db.call(forms.get_form, OWNER, form_id) == view
    with pytest.raises(NotFound):
        db.call(forms.update_form, OWNER, 999, name="x")


def test_staff_without_settings_cannot_change_forms(db: Database, world: dict[str, int]) -> None:
    form_id = _form(db)
    staff = db.call(lambda s: add_staff_actor(s, can_manage_bookings=True, can_view_inventory=True))
    calls = [
        lambda s: forms.create_form(s, staff, name="X", fields=SIMPLE_FIELDS),
        lambda s: forms.update_form(s, staff, form_id, name="X"),
        lambda s: forms.delete_form(s, staff, form_id),
        lambda s: forms.attach_form(s, staff, world["type"], form_id),
        lambda s: forms.detach_form(s, staff, world["type"], form_id),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as caught:
            db.call(call)
        assert caught.value.permission == "manage settings"
    assert [f.id for f in db.call(forms.list_forms, staff)] == [form_id]  # reading is open


def test_delete_unused_form_but_refuse_one_sent_to_customers(
    db: Database, world: dict[str, int]
) -> None:
    unused = _form(db, name="Unused")
    db.call(forms.attach_form, OWNER, world["type"], unused)
    db.call(forms.delete_form, OWNER, unused)
    with pytest.raises(NotFound):
        db.call(forms.get_form, OWNER, unused)
    token = _sent(db, world, SIMPLE_FIELDS)
    used = db.call(forms.get_form_by_token, token)
    form_id = db.call(lambda s: s.get(FormSubmission, used.submission_id).form_id)
    with pytest.raises(ValidationError) as caught:
        db.call(forms.delete_form, OWNER, form_id)
    assert "Deactivate it" in str(caught.value)


def test_attach_detach_and_forms_for_booking_type(db: Database, world: dict[str, int]) -> None:
    a, b = _form(db, name="A"), _form(db, name="B")
    db.call(forms.attach_form, OWNER, world["type"], a)
    db.call(forms.attach_form, OWNER, world["type"], a)  # twice is harmless
    db.call(forms.attach_form, OWNER, world["type"], b)
    assert [f.name for f in db.call(forms.forms_for_booking_type, world["type"])] == ["A", "B"]
    assert db.call(forms.get_form, OWNER, a).booking_type_ids == (world["type"],)
    db.call(forms.detach_form, OWNER, world["type"], a)
    db.call(forms.detach_form, OWNER, world["type"], a)  # already detached: no error
    assert [f.name for f in db.call(forms.forms_for_booking_type, world["type"])] == ["B"]
    with pytest.raises(NotFound):
        db.call(forms.attach_form, OWNER, 999, b)
    with pytest.raises(NotFound):
        db.call(forms.attach_form, OWNER, world["type"], 999)


def test_list_forms_can_leave_out_inactive(db: Database, world: dict[str, int]) -> None:
    keep, old = _form(db, name="Keep"), _form(db, name="Old")
    db.call(forms.update_form, OWNER, old, is_active=False)
    assert [f.id for f in db.call(forms.list_forms, OWNER)] == [keep, old]
    assert [f.id for f in db.call(forms.list_forms, OWNER, include_inactive=False)] == [keep]


def test_starter_form_is_valid_and_can_be_saved(db: Database, world: dict[str, int]) -> None:
    starter = forms.starter_form_definition()
    assert starter.name == "New client intake"
    assert validate_definition(starter.fields) == list(starter.fields)
    assert {f.type for f in starter.fields} >= {"text", "email", "date", "select", "checkbox"}
    view = db.call(
        forms.create_form,
        OWNER,
        name=starter.name,
        description=starter.description,
        fields=starter.fields,
    )
    assert view.fields == starter.fields


# -- answering by token -------------------------------------------------------------------

ALL_TYPES = [
    {"key": "name", "label": "Name", "type": "text", "required": True},
    {"key": "story", "label": "Story", "type": "textarea"},
    {"key": "email", "label": "Email", "type": "email"},
    {"key": "phone", "label": "Phone", "type": "phone"},
    {"key": "born", "label": "Born", "type": "date"},
    {"key": "visits", "label": "Visits", "type": "number"},
    {"key": "colour", "label": "Colour", "type": "select", "options": ["Red", "Blue"]},
    {"key": "consent", "label": "I agree", "type": "checkbox", "required": True},
    {"key": "newsletter", "label": "Newsletter", "type": "checkbox"},
]

GOOD_ANSWERS = {
    "name": "  Ada Lovelace ",
    "story": HOSTILE,
    "email": "Ada@Example.COM",
    "phone": "020 7946 0958",
    "born": "1815-12-10",
    "visits": "-3.5",
    "colour": "Blue",
    "consent": "on",
    "newsletter": "",
    "is_admin": "yes",  # not a field: dropped
}


def test_form_by_token_shows_the_definition_and_business(
    db: Database, world: dict[str, int]
) -> None:
    token = _sent(db, world, ALL_TYPES)
    shown = db.call(forms.get_form_by_token, token)
    assert shown.form_name == "Intake"
    assert shown.business_name == "Bright Smile Clinic"
    assert [f.key for f in shown.fields] == [f["key"] for f in ALL_TYPES]
    assert (shown.status, shown.can_submit, shown.answers) == ("pending", True, {})
    assert shown.due_at == NOW + timedelta(days=2)


@pytest.mark.parametrize("token", ["", "x", "A" * 65, "' OR 1=1 --", "../../etc/passwd"])
def test_unknown_tokens_are_not_found(db: Database, world: dict[str, int], token: str) -> None:
    _sent(db, world, SIMPLE_FIELDS)
    with pytest.raises(NotFound):
        db.call(forms.get_form_by_token, token)
    with pytest.raises(NotFound):
        db.call(forms.submit_by_token, token, {"full_name": "x"}, NOW)


def test_submit_stores_clean_answers_as_typed(
    db: Database, world: dict[str, int], published: list[events.DomainEvent]
) -> None:
    token = _sent(db, world, ALL_TYPES)
    done = db.call(forms.submit_by_token, token, GOOD_ANSWERS, NOW + timedelta(hours=1))
    assert done.status == "completed"
    assert done.can_submit is False
    assert done.submitted_at == NOW + timedelta(hours=1)
    assert done.answers == {
        "name": "Ada Lovelace",
        "story": HOSTILE.strip(),
        "email": "ada@example.com",
        "phone": "+442079460958",
        "born": "1815-12-10",
        "visits": "-3.5",
        "colour": "Blue",
        "consent": "yes",
        "newsletter": "no",
    }
    with db.session() as s:
        row = s.scalars(select(FormSubmission)).one()
        assert row.data == done.answers  # the hostile text came back byte for byte
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "form_submission")).one()
        assert entry.actor_name == "Form page"
        assert HOSTILE not in str(entry.details)  # no answers in the audit log
    assert any(isinstance(e, events.FormChanged) and e.change == "completed" for e in published)


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("name", "   ", "required"),
        ("email", "not-an-email", "email"),
        ("email", "a@b@c.com", "email"),
        ("phone", "12", "phone"),
        ("phone", "call me maybe", "phone"),
        ("born", "10/12/1815", "YYYY-MM-DD"),
        ("born", "18151210", "YYYY-MM-DD"),
        ("born", "2025-02-30", "does not exist"),
        ("visits", "abc", "number"),
        ("visits", "1e5", "number"),
        ("visits", "nan", "number"),
        ("visits", "9" * 31, "number"),
        ("colour", "Green", "options"),
        ("colour", "blue", "options"),
        ("consent", "", "tick this box"),
        ("consent", "no", "tick this box"),
        ("newsletter", "maybe", "Tick the box"),
        ("story", "x" * 5001, "5,000"),
        ("name", 42, "must be text"),
        ("name", ["Ada"], "must be text"),
    ],
)
def test_bad_answers_are_refused_per_field_and_nothing_is_stored(
    db: Database, world: dict[str, int], key: str, value: object, words: str
) -> None:
    token = _sent(db, world, ALL_TYPES)
    answers = {**GOOD_ANSWERS, key: value}
    with pytest.raises(ValidationError) as caught:
        db.call(forms.submit_by_token, token, answers, NOW)
    assert set(caught.value.fields) == {key}
    assert words.lower() in caught.value.fields[key].lower()
    shown = db.call(forms.get_form_by_token, token)
    assert (shown.status, shown.answers, shown.submitted_at) == ("pending", {}, None)


def test_several_bad_answers_are_reported_together(db: Database, world: dict[str, int]) -> None:
    token = _sent(db, world, ALL_TYPES)
    with pytest.raises(ValidationError) as caught:
        db.call(forms.submit_by_token, token, {"email": "nope", "born": "yesterday"}, NOW)
    assert set(caught.value.fields) == {"name", "email", "born", "consent"}


def test_answers_that_are_not_a_mapping_are_refused(db: Database, world: dict[str, int]) -> None:
    token = _sent(db, world, SIMPLE_FIELDS)
    with pytest.raises(ValidationError):
        db.call(forms.submit_by_token, token, ["full_name", "Ada"], NOW)


def test_answer_of_exactly_5000_characters_is_kept(db: Database, world: dict[str, int]) -> None:
    token = _sent(db, world, ALL_TYPES)
    long_story = "é" * 5000
    done = db.call(forms.submit_by_token, token, {**GOOD_ANSWERS, "story": long_story}, NOW)
    assert done.answers["story"] == long_story


def test_second_submission_is_refused_readably(db: Database, world: dict[str, int]) -> None:
    token = _sent(db, world, SIMPLE_FIELDS)
    db.call(forms.submit_by_token, token, {"full_name": "Ada"}, NOW)
    with pytest.raises(ValidationError) as caught:
        db.call(forms.submit_by_token, token, {"full_name": "Mallory"}, NOW)
    assert "already been sent in" in str(caught.value)
    assert db.call(forms.get_form_by_token, token).answers == {"full_name": "Ada", "email": ""}


def test_overdue_forms_stay_viewable_and_can_still_be_completed(
    db: Database, world: dict[str, int], published: list[events.DomainEvent]
) -> None:
    token = _sent(db, world, SIMPLE_FIELDS)
    due = db.call(forms.get_form_by_token, token).due_at
    assert due is not None
    assert db.call(forms.mark_overdue, due - timedelta(seconds=1)) == 0
    assert db.call(forms.mark_overdue, due) == 1
    assert db.call(forms.mark_overdue, due + timedelta(days=1)) == 0  # only once
    assert events.FormChanged(None, None, "overdue") in published
    shown = db.call(forms.get_form_by_token, token)
    assert (shown.status, shown.can_submit) == ("overdue", True)
    done = db.call(forms.submit_by_token, token, {"full_name": "Ada"}, due + timedelta(days=2))
    assert done.status == "completed"
    assert db.call(forms.mark_overdue, due + timedelta(days=9)) == 0


def test_mark_overdue_leaves_completed_and_future_ones(db: Database, world: dict[str, int]) -> None:
    db.call(forms.attach_form, OWNER, world["type"], _form(db))
    soon = _booking(db, world, NOW + timedelta(days=2))
    later = _booking(db, world, NOW + timedelta(days=20))
    done = _booking(db, world, NOW + timedelta(days=2, hours=1))
    for booking_id in (soon, later, done):
        links = db.call(forms.create_submissions_for_booking, booking_id, NOW)
    db.call(forms.submit_by_token, links[0].token, {"full_name": "Ada"}, NOW)
    assert db.call(forms.mark_overdue, NOW + timedelta(days=5)) == 1
    with db.session() as s:
        statuses = s.scalars(select(FormSubmission.status).order_by(FormSubmission.id)).all()
    assert statuses == ["overdue", "pending", "completed"]

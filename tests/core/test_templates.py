"""Message templates and automation switches."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry
from careops_desktop.core.services import templates
from careops_desktop.core.services.templates import Automations
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher

CONTEXT = {
    "contact_name": "Ann",
    "booking_time": "Mon 4 May, 09:00",
    "booking_type": "Scan",
    "provider_name": "Dr A",
    "manage_link": "http://desk:8765/manage/tok",
}


def test_every_default_renders_without_leftover_known_slots(people) -> None:
    context = dict(
        CONTEXT,
        form_link="http://f",
        item_name="Gloves",
        quantity=3,
        booking_link="http://b",
        rebook_link="http://b/book/scan",
        series_dates="- Mon 4 May, 09:00",
        series_changes="- Mon 4 May, 09:00: cancelled.",
        claim_link="http://b/waitlist/claim/tok",
        offer_until="Monday 8 June 2026 at 12:00",
    )
    for key in templates.TEMPLATE_KEYS:
        subject, body = people.db.call(templates.render, key, context)
        for name in templates.PLACEHOLDERS:
            assert "{" + name + "}" not in subject + body, (key, name)
        assert subject and body and "\n" not in subject


def test_render_fills_business_name_and_leaves_unknown_visible(people) -> None:
    subject, body = people.db.call(templates.render, "confirmation", {"contact_name": "Ann"})
    assert subject.startswith("Your booking with Riverside Clinic: {booking_type}")
    assert body.startswith("Hello Ann,")
    assert "{manage_link}" in body


def test_customer_text_is_inserted_raw_and_never_expanded(people) -> None:
    hostile = "{manage_link} {0} {__class__} %(x)s <b>&amp;</b>\r\nBcc: all@example.com"
    subject, body = people.db.call(
        templates.render,
        "confirmation",
        dict(CONTEXT, contact_name=hostile, booking_type=hostile),
    )
    assert f"Hello {hostile}," in body
    assert body.count("http://desk:8765/manage/tok") == 1  # the slot in the name stayed text
    assert "\r" not in subject and "\n" not in subject
    assert "Bcc: all@example.com" in subject  # kept, but on the same line


def test_set_and_reset_a_template(people) -> None:
    db = people.db
    saved = db.call(
        templates.set_template,
        people.owner,
        "reminder",
        "  See you {booking_time}  ",
        "Hi {contact_name}, {business_name} awaits. Braces {like this} and {} stay.",
    )
    assert not saved.is_default and saved.subject == "See you {booking_time}"
    subject, body = db.call(templates.render, "reminder", CONTEXT)
    assert subject == "See you Mon 4 May, 09:00"
    assert body == "Hi Ann, Riverside Clinic awaits. Braces {like this} and {} stay."
    assert [t.key for t in db.call(templates.list_templates)] == list(templates.TEMPLATE_KEYS)
    reset = db.call(templates.reset_template, people.owner, "reminder")
    assert reset.is_default and reset.subject == templates.DEFAULTS["reminder"][0]
    with db.session() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "template").order_by(AuditEntry.id)
        ).all()
    assert actions == ["update", "reset"]


def test_set_template_refusals(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(templates.set_template, people.owner, "welcome", "Hi {first_name}", "{cost}")
    assert set(caught.value.fields) == {"subject", "body"}
    assert "{first_name}" in caught.value.fields["subject"]
    for subject, body, field in [
        ("", "body", "subject"),
        ("Two\nlines", "body", "subject"),
        ("s" * 301, "body", "subject"),
        ("Subject", "  ", "body"),
        ("Subject", "b" * 20_001, "body"),
    ]:
        with pytest.raises(ValidationError) as caught:
            db.call(templates.set_template, people.owner, "welcome", subject, body)
        assert set(caught.value.fields) == {field}
    with pytest.raises(NotFound):
        db.call(templates.set_template, people.owner, "nope", "s", "b")
    with pytest.raises(NotFound):
        db.call(templates.render, "nope", {})
    with pytest.raises(PermissionDenied):
        db.call(templates.set_template, people.nobody, "welcome", "s", "b")
    with pytest.raises(PermissionDenied):
        db.call(templates.reset_template, people.nobody, "welcome")
    assert db.call(templates.get_template, "welcome").is_default


def test_automations_default_on_and_can_be_switched(people) -> None:
    db = people.db
    assert db.call(templates.get_automations) == Automations()
    changed = db.call(templates.set_automations, people.owner, welcome=False, reminder_hours=48)
    assert changed == Automations(welcome=False, reminder_hours=48)
    # templates and switches live side by side
    db.call(templates.set_template, people.owner, "welcome", "Hi", "Hello")
    assert db.call(templates.get_automations) == Automations(welcome=False, reminder_hours=48)
    assert not db.call(templates.get_template, "welcome").is_default


def test_automation_refusals(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(
            templates.set_automations,
            people.owner,
            welcome="yes",
            reminder_hours=0,
            send_spam=True,
        )
    assert set(caught.value.fields) == {"welcome", "reminder_hours", "send_spam"}
    with pytest.raises(ValidationError):
        db.call(templates.set_automations, people.owner, reminder_hours=True)
    with pytest.raises(ValidationError):
        db.call(templates.set_automations, people.owner, reminder_hours=169)
    with pytest.raises(PermissionDenied):
        db.call(templates.set_automations, people.nobody, welcome=False)
    assert db.call(templates.get_automations) == Automations()

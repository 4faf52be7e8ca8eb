"""The business: setup, profile, checklist, activation, calendar secret."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from sqlalchemy import select

from careops_desktop.core import events
from careops_desktop.core.errors import NotActive, NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry, Business
from careops_desktop.core.services import business, providers
from careops_desktop.core.services.bookings import booking_types
from careops_desktop.core.services.providers import HoursRange
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher


def test_before_setup_there_is_no_business(db) -> None:
    with pytest.raises(NotFound):
        db.call(business.get_profile)
    with pytest.raises(NotFound):
        db.call(business.public_base_url)
    assert db.call(business.business_zone).key == "UTC"


def test_ensure_business_creates_once(db) -> None:
    first = db.call(business.ensure_business, "Riverside Clinic", "America/New_York")
    again = db.call(business.ensure_business, "Another", "Europe/London")
    assert first == again
    profile = db.call(business.get_profile)
    assert profile.name == "Riverside Clinic"
    assert db.call(business.business_zone).key == "America/New_York"
    assert db.call(business.public_base_url) == "http://localhost:8765"
    with db.session() as s:
        assert len(s.scalar(select(Business.calendar_feed_secret))) >= 32


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../../etc/passwd", "Europe/London\x00"])
def test_ensure_business_refuses_unknown_zones(db, zone) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(business.ensure_business, "Clinic", zone)
    assert "timezone" in caught.value.fields


def test_ensure_business_needs_a_name(db) -> None:
    with pytest.raises(ValidationError) as caught:
        db.call(business.ensure_business, "   ", "Europe/London")
    assert set(caught.value.fields) == {"name"}


def test_update_profile_stores_clean_values_and_audits(people) -> None:
    db = people.db
    seen: list[events.DomainEvent] = []
    unsubscribe = events.bus.subscribe(seen.append)
    try:
        profile = db.call(
            business.update_profile,
            people.owner,
            name="  <b>Riverside</b> & Co ",
            contact_email="Desk@Riverside.Example",
            timezone="America/Chicago",
            min_notice_minutes=60,
            public_url="http://192.168.1.20:8765/",
            currency="usd",
        )
    finally:
        unsubscribe()
    assert profile.name == "<b>Riverside</b> & Co"
    assert profile.contact_email == "desk@riverside.example"
    assert profile.currency == "USD"
    assert db.call(business.public_base_url) == "http://192.168.1.20:8765"
    assert db.call(business.business_zone).key == "America/Chicago"
    assert events.SettingsChanged("business") in seen
    with db.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.entity == "business"))
        assert entry is not None and "contact_email" in entry.details["fields"]


def test_update_profile_names_every_bad_field_and_changes_nothing(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(
            business.update_profile,
            people.owner,
            name="",
            timezone="Nowhere/Land",
            contact_email="not-an-email",
            min_notice_minutes=-1,
            booking_horizon_days=10_000,
            slot_step_minutes="15",
            page_port=80,
            public_url="ftp://x",
            currency="POUNDS",
            is_active=True,
            calendar_feed_secret="mine",
        )
    assert set(caught.value.fields) == {
        "name",
        "timezone",
        "contact_email",
        "min_notice_minutes",
        "booking_horizon_days",
        "slot_step_minutes",
        "page_port",
        "public_url",
        "currency",
        "is_active",
        "calendar_feed_secret",
    }
    assert db.call(business.get_profile).name == "Riverside Clinic"


def test_update_profile_needs_manage_settings(people) -> None:
    with pytest.raises(PermissionDenied) as caught:
        people.db.call(business.update_profile, people.nobody, name="Mine now")
    assert caught.value.permission == "manage settings"


def _complete_setup(people) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    db = people.db
    db.call(business.update_profile, people.owner, contact_email="desk@riverside.example")
    provider = db.call(providers.create_provider, people.owner, name="Dr Jones")
    db.call(
        providers.set_weekly_hours,
        people.owner,
        provider.id,
        [HoursRange(0, time(9), time(17))],
    )
    kind = db.call(
        booking_types.create_booking_type,
        people.owner,
        name="Check-up",
        duration_minutes=30,
        provider_ids=[provider.id],
    )
    return provider.id, kind.id


def test_checklist_starts_with_everything_missing(people) -> None:
    items = people.db.call(business.setup_checklist)
    assert [i.key for i in items] == ["profile", "provider", "booking_type", "form"]
    assert not any(i.done for i in items)
    assert [i.optional for i in items] == [False, False, False, True]
    assert all(i.hint for i in items)


def test_activate_lists_exactly_what_is_missing(people) -> None:
    db = people.db
    with pytest.raises(NotActive) as caught:
        db.call(business.activate, people.owner)
    assert len(caught.value.missing) == 3
    assert "Intake form" not in str(caught.value)
    db.call(business.update_profile, people.owner, contact_email="desk@riverside.example")
    provider = db.call(providers.create_provider, people.owner, name="Dr Jones")
    with pytest.raises(NotActive) as caught:
        db.call(business.activate, people.owner)
    assert caught.value.missing == (
        "At least one active provider with weekly hours",
        "At least one active booking type offered by a provider",
    )
    db.call(
        providers.set_weekly_hours, people.owner, provider.id, [HoursRange(1, time(9), time(12))]
    )
    db.call(booking_types.create_booking_type, people.owner, name="Check-up", duration_minutes=30)
    with pytest.raises(NotActive) as caught:
        db.call(business.activate, people.owner)
    # a booking type nobody offers does not count
    assert caught.value.missing == ("At least one active booking type offered by a provider",)


def test_an_inactive_provider_does_not_count(people) -> None:
    provider_id, _ = _complete_setup(people)
    people.db.call(providers.set_provider_active, people.owner, provider_id, False)
    items = {i.key: i.done for i in people.db.call(business.setup_checklist)}
    assert items == {"profile": True, "provider": False, "booking_type": False, "form": False}


def test_activate_and_deactivate(people) -> None:
    db = people.db
    _complete_setup(people)
    when = datetime(2026, 4, 1, 8, tzinfo=UTC)
    db.call(business.activate, people.owner, when)
    profile = db.call(business.get_profile)
    assert profile.is_active
    with db.session() as s:
        assert s.scalar(select(Business.activated_at)) == when
    with pytest.raises(PermissionDenied):
        db.call(business.deactivate, people.nobody)
    db.call(business.deactivate, people.owner)
    assert not db.call(business.get_profile).is_active


def test_activate_needs_manage_settings(people) -> None:
    _complete_setup(people)
    with pytest.raises(PermissionDenied):
        people.db.call(business.activate, people.nobody)


def test_rotate_calendar_secret(people) -> None:
    db = people.db
    with db.session() as s:
        before = s.scalar(select(Business.calendar_feed_secret))
    new = db.call(business.rotate_calendar_secret, people.owner)
    assert new != before and len(new) >= 32
    with db.session() as s:
        assert s.scalar(select(Business.calendar_feed_secret)) == new
        details = s.scalars(select(AuditEntry.details)).all()
    assert all(new not in str(d) for d in details)  # the secret never reaches the audit log
    with pytest.raises(PermissionDenied):
        db.call(business.rotate_calendar_secret, people.nobody)

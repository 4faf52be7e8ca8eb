"""Providers, their weekly hours and closures."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import AuditEntry
from careops_desktop.core.services import providers
from careops_desktop.core.services.providers import HoursRange
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher


def test_create_update_and_list(people) -> None:
    db = people.db
    room = db.call(
        providers.create_provider, people.owner, name="Room 2", kind="resource", sort_order=2
    )
    doctor = db.call(
        providers.create_provider,
        people.owner,
        name="<script>Dr</script> O'Brien",
        user_id=people.owner.user_id,
        color="#ff0000",
    )
    assert doctor.name == "<script>Dr</script> O'Brien"
    assert [p.id for p in db.call(providers.list_providers)] == [doctor.id, room.id]
    moved = db.call(providers.update_provider, people.owner, doctor.id, user_id=None, sort_order=5)
    assert moved.user_id is None and moved.sort_order == 5
    assert db.call(providers.get_provider, doctor.id).name == doctor.name
    db.call(providers.set_provider_active, people.owner, room.id, False)
    assert [p.id for p in db.call(providers.list_providers)] == [doctor.id]
    assert len(db.call(providers.list_providers, include_inactive=True)) == 2
    with db.session() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "provider").order_by(AuditEntry.id)
        ).all()
    assert actions == ["create", "create", "update", "deactivate"]


def test_provider_field_errors(people) -> None:
    with pytest.raises(ValidationError) as caught:
        people.db.call(
            providers.create_provider,
            people.owner,
            name=" ",
            kind="robot",
            user_id=9999,
            color="red",
        )
    assert set(caught.value.fields) == {"name", "kind", "user_id", "color"}
    with pytest.raises(ValidationError) as caught:
        people.db.call(
            providers.create_provider,
            people.owner,
            name="Chair",
            kind="resource",
            user_id=people.owner.user_id,
        )
    assert set(caught.value.fields) == {"user_id"}
    with pytest.raises(ValidationError):
        people.db.call(providers.create_provider, people.owner, name="x" * 201)


def test_provider_permission_and_not_found(people) -> None:
    with pytest.raises(PermissionDenied):
        people.db.call(providers.create_provider, people.nobody, name="Me")
    with pytest.raises(NotFound):
        people.db.call(providers.update_provider, people.owner, 404, name="Ghost")
    with pytest.raises(NotFound):
        people.db.call(providers.get_provider, 404)


def test_weekly_hours_replace_and_allow_split_days(people) -> None:
    db = people.db
    p = db.call(providers.create_provider, people.owner, name="Dr A")
    hours = [
        HoursRange(0, time(14), time(18)),
        HoursRange(0, time(9), time(12, 30)),
        HoursRange(4, time(8), time(12)),
    ]
    view = db.call(providers.set_weekly_hours, people.owner, p.id, hours)
    assert view.hours == (
        HoursRange(0, time(9), time(12, 30)),
        HoursRange(0, time(14), time(18)),
        HoursRange(4, time(8), time(12)),
    )
    view = db.call(
        providers.set_weekly_hours, people.owner, p.id, [HoursRange(2, time(10), time(11))]
    )
    assert view.hours == (HoursRange(2, time(10), time(11)),)
    assert db.call(providers.set_weekly_hours, people.owner, p.id, []).hours == ()


def test_weekly_hours_refusals_name_the_range(people) -> None:
    db = people.db
    p = db.call(providers.create_provider, people.owner, name="Dr A")
    db.call(providers.set_weekly_hours, people.owner, p.id, [HoursRange(0, time(9), time(17))])
    bad = [
        HoursRange(7, time(9), time(10)),
        HoursRange(1, time(12), time(9)),
        HoursRange(2, time(9), time(9)),
    ]
    with pytest.raises(ValidationError) as caught:
        db.call(providers.set_weekly_hours, people.owner, p.id, bad)
    assert set(caught.value.fields) == {"hours[0]", "hours[1]", "hours[2]"}
    overlapping = [HoursRange(3, time(9), time(12)), HoursRange(3, time(11, 59), time(13))]
    with pytest.raises(ValidationError) as caught:
        db.call(providers.set_weekly_hours, people.owner, p.id, overlapping)
    assert "overlaps" in caught.value.fields["hours[1]"]
    # nothing changed
    assert db.call(providers.get_provider, p.id).hours == (HoursRange(0, time(9), time(17)),)
    with pytest.raises(PermissionDenied):
        db.call(providers.set_weekly_hours, people.nobody, p.id, [])


def test_closures(people) -> None:
    db = people.db
    a = db.call(providers.create_provider, people.owner, name="Dr A")
    b = db.call(providers.create_provider, people.owner, name="Dr B")
    holiday = db.call(
        providers.add_closure,
        people.owner,
        start_date=date(2026, 12, 24),
        end_date=date(2026, 12, 26),
        reason="Christmas",
    )
    leave = db.call(
        providers.add_closure,
        people.owner,
        provider_id=a.id,
        start_date=date(2026, 8, 3),
        end_date=date(2026, 8, 14),
        reason="Summer leave",
    )
    assert {c.id for c in db.call(providers.list_closures, a.id)} == {holiday.id, leave.id}
    assert {c.id for c in db.call(providers.list_closures, b.id)} == {holiday.id}
    august = db.call(providers.list_closures, a.id, date(2026, 8, 1), date(2026, 8, 31))
    assert [c.id for c in august] == [leave.id]
    moved = db.call(
        providers.update_closure,
        people.owner,
        leave.id,
        start_date=date(2026, 8, 10),
        end_date=date(2026, 8, 10),
        reason="One day",
    )
    assert (moved.start_date, moved.end_date, moved.reason) == (
        date(2026, 8, 10),
        date(2026, 8, 10),
        "One day",
    )
    db.call(providers.delete_closure, people.owner, leave.id)
    assert [c.id for c in db.call(providers.list_closures)] == [holiday.id]
    with pytest.raises(NotFound):
        db.call(providers.delete_closure, people.owner, leave.id)


def test_closure_refusals(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(
            providers.add_closure,
            people.owner,
            provider_id=999,
            start_date=date(2026, 5, 2),
            end_date=date(2026, 5, 1),
            reason="r" * 201,
        )
    assert set(caught.value.fields) == {"provider_id", "end_date", "reason"}
    with pytest.raises(ValidationError) as caught:
        db.call(
            providers.add_closure,
            people.owner,
            start_date=date(2026, 1, 1),
            end_date=date(2030, 1, 1),
        )
    assert "two years" in caught.value.fields["end_date"]
    with pytest.raises(PermissionDenied):
        db.call(
            providers.add_closure,
            people.nobody,
            start_date=date(2026, 1, 1),
            end_date=date(2026, 1, 1),
        )

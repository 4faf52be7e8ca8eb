"""Booking types: slugs, providers, forms, stock usage, validation."""

from __future__ import annotations

import pytest

from careops_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from careops_desktop.core.models import Form, InventoryItem
from careops_desktop.core.services import providers
from careops_desktop.core.services.bookings import booking_types, slugify
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher


def _form_and_item(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.write_session() as s:
        form = Form(name="Intake", fields=[])
        item = InventoryItem(name="Gloves", quantity=100)
        s.add_all([form, item])
        s.flush()
        return form.id, item.id


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Deep-tissue Massage (60′)", "deep-tissue-massage-60"),
        ("Café Crème", "cafe-creme"),
        ("!!!", "booking"),
        ("Ω", "booking"),
        ("x" * 100, "x" * 60),
    ],
)
def test_slugify(name, slug) -> None:
    assert slugify(name) == slug


def test_create_with_everything_and_read_back(people) -> None:
    db = people.db
    form_id, item_id = _form_and_item(db)
    a = db.call(providers.create_provider, people.owner, name="Dr A")
    b = db.call(providers.create_provider, people.owner, name="Dr B")
    view = db.call(
        booking_types.create_booking_type,
        people.owner,
        name="  First visit ",
        duration_minutes=45,
        location="Room 1",
        description="<b>bring</b> your notes",
        buffer_before_minutes=5,
        buffer_after_minutes=10,
        price_minor=4500,
        provider_ids=[b.id, a.id, a.id],
        form_ids=[form_id],
        stock_usage=[(item_id, 2)],
    )
    assert view.name == "First visit"
    assert view.slug == "first-visit"
    assert view.description == "<b>bring</b> your notes"
    assert view.provider_ids == (a.id, b.id)
    assert view.form_ids == (form_id,)
    assert view.stock_usage == ((item_id, 2),)
    assert db.call(booking_types.get_booking_type_by_slug, "First-Visit") == view
    assert db.call(booking_types.list_booking_types) == [view]


def test_slugs_stay_unique_and_survive_renames(people) -> None:
    db = people.db
    one = db.call(
        booking_types.create_booking_type, people.owner, name="Check-up", duration_minutes=15
    )
    two = db.call(
        booking_types.create_booking_type, people.owner, name="Check up", duration_minutes=15
    )
    three = db.call(
        booking_types.create_booking_type, people.owner, name="CHECK UP!", duration_minutes=15
    )
    assert (one.slug, two.slug, three.slug) == ("check-up", "check-up-2", "check-up-3")
    renamed = db.call(booking_types.update_booking_type, people.owner, one.id, name="Annual review")
    assert renamed.slug == "check-up"


def test_update_links_and_clear_price(people) -> None:
    db = people.db
    form_id, item_id = _form_and_item(db)
    a = db.call(providers.create_provider, people.owner, name="Dr A")
    view = db.call(
        booking_types.create_booking_type,
        people.owner,
        name="Scan",
        duration_minutes=30,
        price_minor=1000,
        provider_ids=[a.id],
    )
    view = db.call(
        booking_types.update_booking_type,
        people.owner,
        view.id,
        price_minor=None,
        form_ids=[form_id],
        stock_usage=[(item_id, 3)],
        provider_ids=[],
    )
    assert view.price_minor is None
    assert view.form_ids == (form_id,)
    assert view.stock_usage == ((item_id, 3),)
    assert view.provider_ids == ()


def test_field_errors(people) -> None:
    db = people.db
    with pytest.raises(ValidationError) as caught:
        db.call(
            booking_types.create_booking_type,
            people.owner,
            name="",
            duration_minutes=0,
            buffer_before_minutes=-5,
            buffer_after_minutes=1000,
            price_minor=-1,
            location="l" * 201,
            description="d" * 5001,
            provider_ids=[404],
            form_ids=[405],
            stock_usage=[(406, 1)],
        )
    assert set(caught.value.fields) == {
        "name",
        "duration_minutes",
        "buffer_before_minutes",
        "buffer_after_minutes",
        "price_minor",
        "location",
        "description",
        "provider_ids",
        "form_ids",
        "stock_usage",
    }
    _, item_id = _form_and_item(db)
    for usage in ([(item_id, 0)], [(item_id, 1), (item_id, 2)], [(item_id,)], ["x"]):
        with pytest.raises(ValidationError) as caught:
            db.call(
                booking_types.create_booking_type,
                people.owner,
                name="Scan",
                duration_minutes=30,
                stock_usage=usage,
            )
        assert set(caught.value.fields) == {"stock_usage"}
    with pytest.raises(ValidationError) as caught:
        db.call(
            booking_types.create_booking_type,
            people.owner,
            name="Scan",
            duration_minutes=True,
            provider_ids=["1"],
        )
    assert set(caught.value.fields) == {"duration_minutes", "provider_ids"}
    assert db.call(booking_types.list_booking_types, include_inactive=True) == []


def test_update_refusals(people) -> None:
    db = people.db
    view = db.call(
        booking_types.create_booking_type, people.owner, name="Scan", duration_minutes=30
    )
    with pytest.raises(ValidationError) as caught:
        db.call(
            booking_types.update_booking_type, people.owner, view.id, slug="mine", is_active=False
        )
    assert set(caught.value.fields) == {"slug", "is_active"}
    with pytest.raises(ValidationError):
        db.call(booking_types.update_booking_type, people.owner, view.id, duration_minutes=2000)
    assert db.call(booking_types.get_booking_type, view.id).duration_minutes == 30
    with pytest.raises(NotFound):
        db.call(booking_types.update_booking_type, people.owner, 404, name="x")
    with pytest.raises(NotFound):
        db.call(booking_types.get_booking_type_by_slug, "no-such-type")


def test_deactivate_hides_from_the_list(people) -> None:
    db = people.db
    view = db.call(
        booking_types.create_booking_type, people.owner, name="Scan", duration_minutes=30
    )
    db.call(booking_types.deactivate_booking_type, people.owner, view.id)
    assert db.call(booking_types.list_booking_types) == []
    assert db.call(booking_types.list_booking_types, include_inactive=True)[0].is_active is False
    db.call(booking_types.set_booking_type_active, people.owner, view.id, True)
    assert len(db.call(booking_types.list_booking_types)) == 1


def test_permission_is_needed_for_every_write(people) -> None:
    db = people.db
    view = db.call(
        booking_types.create_booking_type, people.owner, name="Scan", duration_minutes=30
    )
    with pytest.raises(PermissionDenied):
        db.call(booking_types.create_booking_type, people.nobody, name="X", duration_minutes=30)
    with pytest.raises(PermissionDenied):
        db.call(booking_types.update_booking_type, people.nobody, view.id, name="X")
    with pytest.raises(PermissionDenied):
        db.call(booking_types.deactivate_booking_type, people.nobody, view.id)

"""The read-only business settings: the row's columns, and never stale within a transaction."""

from __future__ import annotations

from dataclasses import fields

from careops_desktop.core.db import Database
from careops_desktop.core.models import Business
from careops_desktop.core.services import templates
from careops_desktop.core.services.business import (
    BusinessSettings,
    business_settings,
    find_business_settings,
    get_business,
)
from tests.actors import OWNER
from tests.core.seed_rows import add_business


def test_the_settings_carry_every_column_of_the_business_row() -> None:
    assert [f.name for f in fields(BusinessSettings)] == list(Business.__table__.c.keys())


def test_none_before_setup_and_the_row_once_there(db: Database) -> None:
    with db.write_session() as s:
        assert find_business_settings(s) is None
        add_business(s, slot_step_minutes=20)
        settings = business_settings(s)
        assert (settings.name, settings.slot_step_minutes) == ("Bright Smile Clinic", 20)
        assert settings.created_at.tzinfo is not None


def test_a_change_through_the_orm_row_shows_at_once_in_the_same_transaction(
    db: Database,
) -> None:
    with db.write_session() as s:
        add_business(s)
    with db.write_session() as s:
        assert business_settings(s).slot_step_minutes == 15  # read and kept
        business = get_business(s)
        business.slot_step_minutes = 45
        assert business_settings(s).slot_step_minutes == 45
        business.name = "Renamed"  # a later change to the held row shows too
        assert business_settings(s).name == "Renamed"
    with db.write_session() as s:
        assert business_settings(s).slot_step_minutes == 45


def test_a_change_in_another_transaction_is_seen_by_the_next_one(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
    reader = db._writer()  # one session across transactions, as the worker holds them
    try:
        with reader.begin():
            assert business_settings(reader).currency == "GBP"
        with db.write_session() as s:
            get_business(s).currency = "EUR"
        with reader.begin():
            assert business_settings(reader).currency == "EUR"
    finally:
        reader.close()


def test_a_template_saved_is_rendered_from_the_new_text_in_the_same_transaction(
    db: Database,
) -> None:
    with db.write_session() as s:
        add_business(s)
    with db.write_session() as s:
        before = templates.render(s, "confirmation", {"contact_name": "Ada"})
        templates.set_template(
            s, OWNER, "confirmation", "Booked, {contact_name}", "See you, {contact_name}"
        )
        after = templates.render(s, "confirmation", {"contact_name": "Ada"})
        assert after == ("Booked, Ada", "See you, Ada") != before

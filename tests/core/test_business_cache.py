"""The business row is read once per transaction, and a write in that transaction is seen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, text, update
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.models import Business
from careops_desktop.core.services import business, outbox
from tests.core import people_fixtures

people = people_fixtures.people
cheap_hasher = people_fixtures.cheap_hasher


@contextmanager
def business_selects(db: Database) -> Iterator[list[str]]:
    """Collect the SELECTs on the business table run meanwhile."""
    seen: list[str] = []

    def listener(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM business" in statement:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def test_one_select_per_transaction(db: Database) -> None:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    with business_selects(db) as seen, db.write_session() as s:
        first = business.get_business(s)
        assert business.get_business(s) is first
        assert business.business_zone(s).key == "Europe/London"
        assert outbox.message_domain(s) == outbox.DEFAULT_DOMAIN
        assert business.public_base_url(s) == "http://localhost:8765"
    assert len(seen) == 1
    with business_selects(db) as seen, db.session() as s:
        business.get_business(s)
    assert len(seen) == 1  # a new transaction reads it again


def test_a_profile_write_is_seen_later_in_the_same_transaction(people) -> None:
    db = people.db
    with db.write_session() as s:
        before = business.get_business(s)
        business.update_profile(
            s, people.owner, timezone="America/New_York", contact_email="desk@riverside.example"
        )
        assert business.get_business(s) is before
        assert business.business_zone(s).key == "America/New_York"
        assert outbox.message_domain(s) == "riverside.example"
    assert db.call(business.business_zone).key == "America/New_York"


def test_an_orm_update_statement_in_the_transaction_is_seen(db: Database) -> None:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    with db.write_session() as s:
        assert business.get_business(s).name == "Riverside Clinic"
        s.execute(update(Business).values(name="Renamed Clinic", timezone="Asia/Tokyo"))
        assert business.get_business(s).name == "Renamed Clinic"
        assert business.business_zone(s).key == "Asia/Tokyo"


def test_another_writer_is_seen_by_the_next_transaction_of_the_same_session(db: Database) -> None:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    with Session(db.engine, expire_on_commit=False) as s:
        with s.begin():
            assert business.get_business(s).name == "Riverside Clinic"
        with db.engine.begin() as other:
            other.execute(text("UPDATE business SET name = 'Changed Elsewhere'"))
        with s.begin():
            assert business.get_business(s).name == "Changed Elsewhere"


def test_a_rolled_back_setup_is_not_remembered(db: Database) -> None:
    with Session(db.engine, expire_on_commit=False) as s:
        s.begin()
        business.ensure_business(s, "Short Lived", "Europe/London")
        assert business.get_business(s).name == "Short Lived"
        s.rollback()
        with s.begin():
            assert business.find_business(s) is None
            assert business.business_zone(s).key == "UTC"
            assert outbox.message_domain(s) == outbox.DEFAULT_DOMAIN


def test_setup_later_in_the_transaction_is_found(db: Database) -> None:
    with db.write_session() as s:
        assert business.find_business(s) is None
        business.ensure_business(s, "Late Clinic", "Europe/Paris")
        assert business.get_business(s).name == "Late Clinic"
        assert business.business_zone(s).key == "Europe/Paris"

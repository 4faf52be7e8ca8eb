"""Prebuilt statements answer the same through the SQLite fast path as through SQLAlchemy.

Each check runs twice on the same real database file: once as the booking path
runs (the fast path on SQLite), once with a cursor listener on the engine,
which sends every statement the full ``Connection.execute`` way. Results,
stored values, defaults and errors must be the same.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import bindparam, event, exc, insert, select, update

from careops_desktop.core.db import Database, insert_row, statements
from careops_desktop.core.models import Booking, Business, Contact
from careops_desktop.core.statement_runner import (
    FetchedRows,
    fallbacks,
    prebuilt,
    prebuilt_statements,
    set_fast_path,
)
from tests.core.seed_rows import add_booking_type, add_business, add_contact, add_provider

WHEN = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # the night the clocks change in London

_BUSINESS = prebuilt(select(*Business.__table__.c).where(Business.id == bindparam("id")))
_CONTACT = prebuilt(select(*Contact.__table__.c).where(Contact.id == bindparam("id")))
_NEW_CONTACT = prebuilt(insert(Contact))
_NEW_BOOKING = prebuilt(insert(Booking))
_RENAME = prebuilt(
    update(Contact).where(Contact.id == bindparam("contact")).values(name=bindparam("n"))
)
_NAMES_IN = prebuilt(select(Contact.name).where(Contact.id.in_(bindparam("ids", expanding=True))))
_ALL_NAMES = prebuilt(select(Contact.name).order_by(Contact.id))


@contextlib.contextmanager
def _path(db: Database, way: str) -> Iterator[None]:
    """``fast``: as the app runs by default (even under ``CAREOPS_STATEMENT_FAST_PATH=0``);
    ``full``: a listener forces SQLAlchemy's own execute."""
    if way == "fast":
        old = set_fast_path(True)
        try:
            yield
        finally:
            set_fast_path(old)
        return

    def listener(*_args: Any) -> None:
        return None

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def _each_way(db: Database, fn: Any) -> dict[str, Any]:
    found = {}
    for way in ("fast", "full"):
        with _path(db, way), db.write_session() as s:
            found[way] = fn(s, way)
    return found


def test_rows_read_back_alike_with_zones_booleans_json_and_text(db: Database) -> None:
    with db.write_session() as s:
        business_id = add_business(s)
        s.get(Business, business_id).automations = {  # type: ignore[union-attr]
            "templates": {"welcome": "Hi {name} ✓"}
        }
        contact_id = add_contact(s, "Zoë <b>O'Brien</b>", "zoe@example.com")

    def read(s: Any, _way: str) -> tuple[Any, Any]:
        run = statements(s)
        return (
            tuple(run.execute(_BUSINESS, {"id": business_id}).one()),
            tuple(run.execute(_CONTACT, {"id": contact_id}).first()),
        )

    found = _each_way(db, read)
    assert found["fast"] == found["full"]
    business, contact = found["fast"]
    created = business[list(Business.__table__.c.keys()).index("created_at")]
    assert created.tzinfo is not None and created.utcoffset() == timedelta(0)
    assert business[list(Business.__table__.c.keys()).index("is_active")] is False
    assert business[list(Business.__table__.c.keys()).index("automations")] == {
        "templates": {"welcome": "Hi {name} ✓"}
    }
    assert contact[1] == "Zoë <b>O'Brien</b>"


def test_rows_answer_by_column_name(db: Database) -> None:
    with db.write_session() as s:
        contact_id = add_contact(s, "Ada Lovelace")
    with db.write_session() as s:
        row = statements(s).execute(_CONTACT, {"id": contact_id}).first()
        assert (row.id, row.name, row.email) == (contact_id, "Ada Lovelace", "ada@example.com")


def test_inserts_fill_python_defaults_and_store_alike(db: Database) -> None:
    with db.write_session() as s:
        add_business(s)
        contact_id = add_contact(s)
        provider_id = add_provider(s)
        type_id = add_booking_type(s)

    def book(s: Any, way: str) -> tuple[Any, ...]:
        start = WHEN + timedelta(days=1 if way == "fast" else 2)
        row = {
            "contact_id": contact_id,
            "booking_type_id": type_id,
            "provider_id": provider_id,
            "start_at": start,
            "end_at": start + timedelta(minutes=30),
            "manage_token": f"token-{way}",
            "notes": "nul \x00 here",
        }
        booking_id = insert_row(statements(s), _NEW_BOOKING, row)
        stored = s.get(Booking, booking_id)
        assert stored is not None
        return (
            stored.status,
            stored.source,
            stored.location,
            stored.forms_sent,
            stored.cancel_reason,
            stored.notes,
            stored.start_at.tzinfo is not None,
            abs(stored.created_at - datetime.now(UTC)) < timedelta(minutes=5),
            stored.end_at - stored.start_at,
        )

    found = _each_way(db, book)
    assert found["fast"] == found["full"]
    assert found["fast"][:6] == ("confirmed", "desk", "", False, "", "nul \ufffd here")


def test_an_update_counts_its_rows_and_sets_the_update_time(db: Database) -> None:
    with db.write_session() as s:
        contact_id = add_contact(s, "Before")
        s.get(Contact, contact_id).updated_at = WHEN  # type: ignore[union-attr]

    def rename(s: Any, way: str) -> tuple[int, int, str, bool]:
        run = statements(s)
        touched = run.execute(_RENAME, {"contact": contact_id, "n": f"After {way}"}).rowcount
        missed = run.execute(_RENAME, {"contact": contact_id + 1000, "n": "nobody"}).rowcount
        row = run.execute(_CONTACT, {"id": contact_id}).one()
        return touched, missed, row.name, row.updated_at > WHEN

    found = _each_way(db, rename)
    assert found["fast"] == (1, 0, "After fast", True)
    assert found["full"] == (1, 0, "After full", True)


def test_driver_errors_arrive_as_sqlalchemy_errors_and_keep_the_transaction_usable(
    db: Database,
) -> None:
    def broken(s: Any, way: str) -> tuple[Any, ...]:
        run = statements(s)
        kinds = []
        with pytest.raises(exc.IntegrityError) as refused:  # no such contact (foreign key)
            insert_row(
                run,
                _NEW_BOOKING,
                {
                    "contact_id": 999_999,
                    "booking_type_id": 999_999,
                    "provider_id": 999_999,
                    "start_at": WHEN,
                    "end_at": WHEN,
                    "manage_token": way,
                },
            )
        kinds.append(type(refused.value))
        assert "parameters hidden" in str(refused.value)  # kept out of messages and logs
        with pytest.raises(exc.StatementError) as naive:  # a time without a zone
            insert_row(run, _NEW_CONTACT, {"name": "N", "created_at": datetime(2026, 1, 1)})
        kinds.append(type(naive.value))
        assert isinstance(naive.value.orig, ValueError)
        with pytest.raises(exc.StatementError) as missing:  # a parameter left out
            run.execute(_CONTACT, {})
        kinds.append(type(missing.value))
        if not db.is_sqlite:  # PostgreSQL aborts the transaction on the first error anyway
            return (*kinds, "Still fine")
        kept = insert_row(run, _NEW_CONTACT, {"name": "Still fine"})
        return (*kinds, run.execute(_CONTACT, {"id": kept}).one().name)

    found = _each_way(db, broken)
    assert found["fast"] == found["full"]
    assert found["fast"][-1] == "Still fine"


def test_in_lists_of_every_length_match_alike(db: Database) -> None:
    with db.write_session() as s:
        ids = [add_contact(s, f"Person {n}", f"p{n}@example.com") for n in range(5)]

    def names_in(s: Any, _way: str) -> list[list[str]]:
        run = statements(s)
        asked = ([], ids[:1], ids[1:4], ids, [ids[2], 999_999], ids[:1])
        return [sorted(run.execute(_NAMES_IN, {"ids": list(want)}).scalars()) for want in asked]

    found = _each_way(db, names_in)
    assert found["fast"] == found["full"]
    assert found["fast"][0] == [] and found["fast"][4] == ["Person 2"]
    assert found["fast"][3] == [f"Person {n}" for n in range(5)]


def test_one_refuses_none_and_many_like_sqlalchemy(db: Database) -> None:
    with db.write_session() as s:
        add_contact(s, "Ann One")
        add_contact(s, "Bob Two")

    def ones(s: Any, _way: str) -> list[type]:
        run = statements(s)
        refused = []
        for statement, params in ((_CONTACT, {"id": 999}), (_ALL_NAMES, {})):
            with pytest.raises(exc.InvalidRequestError) as raised:
                run.execute(statement, params).one()
            refused.append(type(raised.value))
        assert run.execute(_CONTACT, {"id": 999}).first() is None
        assert run.execute(_ALL_NAMES).scalars().all() == ["Ann One", "Bob Two"]
        assert run.execute(_ALL_NAMES).scalar() == "Ann One"
        return refused

    found = _each_way(db, ones)
    assert found["fast"] == found["full"] == [exc.NoResultFound, exc.MultipleResultsFound]


def test_only_prebuilt_statements_on_sqlite_without_listeners_take_the_fast_path(
    db: Database,
) -> None:
    with db.write_session() as s:
        contact_id = add_contact(s)
    with _path(db, "fast"), db.write_session() as s:
        run = statements(s)
        fast = run.execute(_CONTACT, {"id": contact_id})
        built_now = run.execute(select(Contact.name).where(Contact.id == contact_id))
        expanding = run.execute(_NAMES_IN, {"ids": [contact_id]})
        assert isinstance(fast, FetchedRows) is db.is_sqlite
        assert not isinstance(built_now, FetchedRows)  # built per call: never kept
        assert isinstance(expanding, FetchedRows) is db.is_sqlite
        assert built_now.scalar() == expanding.scalar() == fast.first().name
    seen: list[str] = []

    def listener(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    built = next(at for at, kept in prebuilt_statements().items() if _CONTACT in kept)
    where = (built, "a cursor listener on the engine")
    before = fallbacks().get(where, 0)
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with _path(db, "fast"), db.write_session() as s:
            assert not isinstance(statements(s).execute(_CONTACT, {"id": contact_id}), FetchedRows)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert any("FROM contacts" in statement for statement in seen)
    # the listener's switch is no longer silent: a fallback on SQLite, counted (and logged)
    assert fallbacks().get(where, 0) == before + (1 if db.is_sqlite else 0)

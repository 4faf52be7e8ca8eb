"""Every statement marked ``prebuilt`` answers alike through the SQLite fast path and SQLAlchemy.

The statements are not listed here: the test imports every module of
``careops_desktop.core`` and takes what :func:`prebuilt` registered. On a small
demo database, each one runs twice in a transaction that is rolled back: once
on the fast path, once with the fast path switched off (as
``CAREOPS_STATEMENT_FAST_PATH=0`` does). Rows read, rows counted, ids given
and rows written must be the same; the fast way must really be the fast path
(no fallback); and a statement this test cannot run (a parameter name it has
no value for) fails it, so a new prebuilt statement is never left out.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable
from sqlalchemy.sql.dml import Insert, UpdateBase

import careops_desktop.core
from careops_desktop.core import statement_runner
from careops_desktop.core.db import Database, statements
from careops_desktop.core.demo.builder import build_demo
from careops_desktop.core.models import Booking, Contact, Conversation, InventoryItem
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services.bookings import overlaps as booking_overlaps

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
PROVIDER_COUNTS = (1, 2, 3)  # overlap statements are built per number of providers


def _every_prebuilt() -> dict[str, list[Executable]]:
    for found in pkgutil.walk_packages(careops_desktop.core.__path__, "careops_desktop.core."):
        importlib.import_module(found.name)
    for count in PROVIDER_COUNTS:
        booking_overlaps._kept_overlap_query(count)
    return {
        where: kept
        for where, kept in statement_runner.prebuilt_statements().items()
        if where.startswith("careops_desktop.")
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("both-ways") / "demo.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade_to_head(db.engine)
    build_demo(db, "small", today=TODAY)
    yield db
    db.close()


def _values(s: Session) -> dict[str, Any]:
    """A value for each parameter name the prebuilt statements use, taken from the demo."""
    booking = s.scalars(
        select(Booking).where(Booking.status != "cancelled").order_by(Booking.id)
    ).first()
    assert booking is not None
    contact = s.get(Contact, booking.contact_id)
    assert contact is not None
    items = s.scalars(select(InventoryItem.id).order_by(InventoryItem.id).limit(2)).all()
    conversation = s.scalars(select(Conversation.id).order_by(Conversation.id)).first()
    providers = [booking.provider_id, booking.provider_id + 1, booking.provider_id + 2]
    values: dict[str, Any] = {
        "booking_id": booking.id,
        "contact_id": booking.contact_id,
        "type_id": booking.booking_type_id,
        "provider_id": booking.provider_id,
        "session_id": 1,
        "id": booking.provider_id,
        "email": contact.email,
        "phone": contact.phone,
        "conversation_id": conversation,
        "item_id": items[0],
        "ids": list(items),
        "quantity": 7,
        "alerted": True,
        "restocked": NOW,
        "now": NOW,
        "when": NOW,
        "providers": providers,
        "weekdays": [0, 2, 4],
        "first": booking.start_at.date() - timedelta(days=30),
        "last": booking.start_at.date() + timedelta(days=30),
        "start": booking.start_at - timedelta(days=7),
        "end": booking.start_at + timedelta(days=7),
        "lower": booking.start_at - timedelta(hours=4),
        "upper": booking.start_at + timedelta(hours=4),
        "end_after": booking.start_at - timedelta(hours=4),
        "exclude": 0,
        # the change feed (issue 16)
        "origin": "test-origin",
        "payload": '{"events": []}',
        "at": NOW,
        "below": 1,
        # the contact's language, set from the booking page (issue 22)
        "language": "de",
    }
    values.update({f"p{n}": provider for n, provider in enumerate(providers)})
    return values


def _copied_row(s: Session, table: Table) -> dict[str, Any]:
    """An existing row of ``table`` to insert again: no id, columns with defaults left out
    (so both ways fill them), unique text made unique."""
    row = s.connection().execute(select(table).order_by(*table.primary_key)).mappings().first()
    assert row is not None, f"the demo has no {table.name} row to copy"
    unique = {c.key for c in table.columns if c.unique}
    for index in table.indexes:
        if index.unique:
            unique.update(c.key for c in index.columns)
    copied: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key or (column.default is not None and column.key not in unique):
            continue
        value = row[column]
        if column.key in unique and isinstance(value, str):
            value = f"{value}-copy"
        elif column.key in unique and isinstance(value, datetime):
            value += timedelta(days=3650)
        copied[column.key] = value
    return copied


def _settled(value: Any) -> Any:
    """Times made during the run (defaults such as ``created_at``) compare as "recent"."""
    if isinstance(value, datetime) and abs(value - datetime.now(UTC)) < timedelta(minutes=10):
        return "recent"
    return value


def _rows(s: Session, table: Table) -> list[tuple[Any, ...]]:
    rows = s.connection().execute(select(table).order_by(*table.primary_key)).all()
    return [tuple(_settled(v) for v in row) for row in rows]


def _run(s: Session, statement: Executable, values: dict[str, Any]) -> Any:
    """Run ``statement`` once; what it answered and, for DML, what its table holds after."""
    run = statements(s)
    if isinstance(statement, Insert):
        table = statement.table
        assert isinstance(table, Table)
        params = _copied_row(s, table)
        # an INSERT that names its own parameters (the change feed's) gets those from _values;
        # never a primary key, which the copy leaves out on purpose
        keys = {c.key for c in table.primary_key}
        for name, bind in statement.compile(dialect=sqlite.dialect()).binds.items():
            if bind.required and name not in params and name in values and name not in keys:
                params[name] = values[name]
        result = run.execute(statement, params)
        new_id = result.inserted_primary_key[0]  # type: ignore[attr-defined]
        stored = (
            s.connection()
            .execute(select(table).where(*[c == new_id for c in table.primary_key]))
            .one()
        )
        return new_id, tuple(_settled(v) for v in stored)
    compiled = statement.compile(dialect=sqlite.dialect())  # type: ignore[attr-defined]
    names = sorted(name for name, bind in compiled.binds.items() if bind.required)
    missing = [name for name in names if name not in values]
    assert not missing, f"no test value for parameter(s) {missing}: add them to _values"
    result = run.execute(statement, {name: values[name] for name in names})
    if isinstance(statement, UpdateBase):
        table = statement.table
        assert isinstance(table, Table)
        return result.rowcount, _rows(s, table)
    return [tuple(_settled(v) for v in row) for row in result.all()]


def _both_ways(db: Database, statement: Executable) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for way in ("fast", "full"):
        old = statement_runner.set_fast_path(way == "fast")
        try:
            with Session(db.engine) as s:
                found[way] = _run(s, statement, _values(s))
                s.rollback()
        finally:
            statement_runner.set_fast_path(old)
    return found


@pytest.fixture
def recorded() -> Iterator[set[tuple[int, bool]]]:
    ways = statement_runner.record_ways()
    yield ways
    statement_runner.stop_recording()


def test_every_prebuilt_statement_answers_alike_both_ways(
    demo: Database, recorded: set[tuple[int, bool]]
) -> None:
    every = _every_prebuilt()
    assert len(every) >= 36  # at the time of writing; fewer means the registry lost some
    differ: dict[str, Any] = {}
    for where, kept in every.items():
        for statement in kept:
            found = _both_ways(demo, statement)
            if found["fast"] != found["full"]:
                differ[where] = found
    assert differ == {}
    not_both = [
        where
        for where, kept in every.items()
        for statement in kept
        if not {(id(statement), True), (id(statement), False)} <= recorded
    ]
    assert not_both == [], "these prebuilt statements did not run both ways"


def test_the_demo_gives_each_statement_something_to_answer(demo: Database) -> None:
    """The comparison means something: most reads find rows and most updates touch one."""
    empty = []
    for where, kept in _every_prebuilt().items():
        found = _both_ways(demo, kept[0])["fast"]
        if found in ([], (0, [])) or (isinstance(found, tuple) and found[0] == 0):
            empty.append(where)
    assert len(empty) <= 6, empty


def test_a_fallback_is_counted_and_logged_the_first_time_then_at_each_power_of_ten(
    demo: Database, caplog: pytest.LogCaptureFixture
) -> None:
    statement = statement_runner.prebuilt(select(Contact.name).where(Contact.id == 1))
    where = next(
        at for at, kept in statement_runner.prebuilt_statements().items() if statement in kept
    )
    key = (where, "switched off (CAREOPS_STATEMENT_FAST_PATH=0)")
    caplog.set_level("DEBUG", logger=statement_runner.__name__)
    old = statement_runner.set_fast_path(False)
    try:
        with Session(demo.engine) as s:
            run = statements(s)
            for _ in range(12):
                run.execute(statement)
    finally:
        statement_runner.set_fast_path(old)
    assert statement_runner.fallbacks()[key] == 12
    logged = [r.getMessage() for r in caplog.records if where in r.getMessage()]
    assert len(logged) == 2 and ", 1 so far:" in logged[0] and ", 10 so far:" in logged[1]
    assert "CAREOPS_STATEMENT_FAST_PATH=0" in logged[0]


@pytest.mark.parametrize(("setting", "fast"), [("0", False), ("1", True), (None, True)])
def test_the_environment_switches_the_fast_path(setting: str | None, fast: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != statement_runner.FAST_PATH_ENV}
    if setting is not None:
        env[statement_runner.FAST_PATH_ENV] = setting
    probe = "from careops_desktop.core import statement_runner as r; print(r.set_fast_path(True))"
    ran = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout.strip() == str(fast)

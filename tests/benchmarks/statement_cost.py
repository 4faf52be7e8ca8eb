"""Benchmark: what one short prebuilt statement costs three ways, interleaved, in one process.

A one-row SELECT by id (the contact read of a booking), CPU microseconds per
statement, median of several rounds whose order alternates:

- ``fast``: ``Statements.execute`` on the SQLite fast path (types converted both ways);
- ``full``: ``Connection.execute`` of the same statement (SQLAlchemy's own path);
- ``exec_driver_sql``: the statement's SQL compiled once and kept, run with
  ``Connection.exec_driver_sql`` (public API; no type conversion at all, so a lower
  bound for "cached compiled SQL").

Run from the checkout: ``python -m tests.benchmarks.statement_cost``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from careops_desktop.core import statement_runner
from careops_desktop.core.db import Database, statements
from careops_desktop.core.models import Contact
from careops_desktop.core.schema import upgrade_to_head
from tests.core.seed_rows import add_contact

_CONTACT = statement_runner.prebuilt(
    select(*Contact.__table__.c).where(Contact.id == bindparam("contact_id"))
)
RUNS = 2000
ROUNDS = 7


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("CAREOPS_HOME", folder)
        db = Database(f"sqlite:///{Path(folder) / 'cost.sqlite3'}")
        upgrade_to_head(db.engine)
        with db.write_session() as s:
            contact_id = add_contact(s, "Ada Lovelace", "ada@example.com")
        statement_runner.set_fast_path(True)
        sql = str(_CONTACT.compile(dialect=db.engine.dialect)).replace(":contact_id", "?")

        def fast(s: Session) -> None:
            run = statements(s)
            for _ in range(RUNS):
                run.execute(_CONTACT, {"contact_id": contact_id}).first()

        def full(s: Session) -> None:
            connection = s.connection()
            for _ in range(RUNS):
                connection.execute(_CONTACT, {"contact_id": contact_id}).first()

        def driver(s: Session) -> None:
            connection = s.connection()
            for _ in range(RUNS):
                connection.exec_driver_sql(sql, (contact_id,)).first()

        ways: list[tuple[str, Callable[[Session], None]]] = [
            ("fast", fast),
            ("full", full),
            ("exec_driver_sql", driver),
        ]
        found: dict[str, list[float]] = {name: [] for name, _ in ways}
        for round_no in range(ROUNDS):
            for name, fn in ways if round_no % 2 == 0 else ways[::-1]:
                with Session(db.engine) as s:
                    started = time.process_time()
                    fn(s)
                    found[name].append((time.process_time() - started) / RUNS * 1e6)
        db.close()
    for name, values in found.items():
        print(f"{name:16} {statistics.median(values):6.1f} µs CPU per statement")


if __name__ == "__main__":
    main()

"""The audit viewer's core: filtered ids, rows by id, people and kinds, the CSV export."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied
from careops_desktop.core.models import AuditEntry, User
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.core.services import audit, business
from careops_desktop.exports.audit_csv import export_audit
from careops_desktop.exports.formatting import guard_formula

OWNER = Actor(1, "Ada Owner", Role.OWNER, frozenset(Permission))
STAFF = Actor(2, "Sam Staff", Role.STAFF, frozenset({Permission.MANAGE_BOOKINGS}))
NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)


def add_entries(db: Database) -> tuple[int, int]:
    """Six entries: two people, the booking page, three kinds, over 40 days; their ids."""
    with db.write_session() as session:
        ada = User(email="ada@example.com", password_hash="x", full_name="Ada Owner")
        sam = User(email="sam@example.com", password_hash="x", full_name="Sam Staff")
        session.add_all([ada, sam])
        session.flush()
        a, b = ada.id, sam.id
        rows = [
            (a, "Ada Owner", "create", "contact", 10, {"fields": ["name", "email"]}, 0),
            (a, "Ada Owner", "update", "booking", 20, {"from": "booked"}, 1),
            (b, "Sam Staff", "cancel", "booking", 21, {"by_customer": False}, 2),
            (None, "Booking page", "create", "booking", 22, {}, 3),
            (b, "Sam Staff", "update", "contact", 11, {"note": '=HYPERLINK("http://x")'}, 10),
            (a, "Ada Owner", "create", "provider", 3, {}, 40),
        ]
        for user_id, name, action, entity, entity_id, details, days_ago in rows:
            session.add(
                AuditEntry(
                    user_id=user_id,
                    actor_name=name,
                    action=action,
                    entity=entity,
                    entity_id=entity_id,
                    details=details,
                    created_at=NOW - timedelta(days=days_ago),
                )
            )
    return a, b


def ids_for(db: Database, **kwargs: object) -> list[int]:
    return db.call(audit.ids, OWNER, audit.AuditFilter(**kwargs))  # type: ignore[arg-type]


def test_filters_sorting_and_rows(db: Database) -> None:
    ada, sam = add_entries(db)
    everything = ids_for(db)
    assert len(everything) == 6
    rows = db.call(audit.rows_by_id, OWNER, everything)
    assert [rows[i].when for i in everything] == sorted(
        (r.when for r in rows.values()), reverse=True
    )
    assert {rows[i].who for i in ids_for(db, user_id=sam)} == {"Sam Staff"}
    page = ids_for(db, actor_name="Booking page")
    assert [rows[i].entity_id for i in page] == [22]
    assert {rows[i].entity for i in ids_for(db, entity="booking")} == {"booking"}
    recent = ids_for(db, since=NOW - timedelta(days=30), until=NOW + timedelta(seconds=1))
    assert len(recent) == 5
    oldest_first = db.call(audit.ids, OWNER, audit.AuditFilter(), "when")
    assert oldest_first == list(reversed(everything))
    by_who = db.call(audit.ids, OWNER, audit.AuditFilter(), "who")
    assert rows[by_who[0]].who == "Ada Owner" and rows[by_who[-1]].who == "Sam Staff"
    # an unknown sort key falls back to time, never to SQL from outside
    assert db.call(audit.ids, OWNER, audit.AuditFilter(), "-1; DROP TABLE x") == (everything)
    assert db.call(audit.audit_people, OWNER) == [
        (ada, "Ada Owner"),
        (None, "Booking page"),
        (sam, "Sam Staff"),
    ]
    assert db.call(audit.audit_entities, OWNER) == ["booking", "contact", "provider"]


def test_staff_without_the_right_see_nothing(db: Database) -> None:
    add_entries(db)
    for fn, args in (
        (audit.ids, (audit.AuditFilter(),)),
        (audit.rows_by_id, ([1],)),
        (audit.audit_people, ()),
        (audit.audit_entities, ()),
    ):
        with pytest.raises(PermissionDenied):
            db.call(fn, STAFF, *args)


def test_details_text_is_one_plain_line() -> None:
    text = audit.details_text({"fields": ["name", "email"], "by_customer": True, "n": "a\nb"})
    assert text == "fields: name, email; by_customer: yes; n: a b"


def test_csv_export_local_times_and_formulas_defused(db: Database, tmp_path: Path) -> None:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    add_entries(db)
    target = tmp_path / "audit.csv"
    count = db.call(export_audit, OWNER, audit.AuditFilter(entity="contact"), target)
    assert count == 2
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["When", "Who", "Action", "Record", "Record id", "Details"]
    assert lines[1] == ["2025-07-01 13:00:00", "Ada Owner", "create", "contact", "10",
                        "fields: name, email"]  # fmt: skip
    assert guard_formula('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert guard_formula("-2+3") == "'-2+3" and guard_formula("Ada") == "Ada"
    assert not list(tmp_path.glob("*.part"))


def test_csv_export_defuses_a_formula_name(db: Database, tmp_path: Path) -> None:
    with db.write_session() as session:
        session.add(
            AuditEntry(
                user_id=None,
                actor_name="=cmd|' /C calc'!A0",
                action="create",
                entity="booking",
                entity_id=1,
                details={},
            )
        )
    target = tmp_path / "audit.csv"
    assert db.call(export_audit, OWNER, audit.AuditFilter(), target) == 1
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[1][1] == "'=cmd|' /C calc'!A0"


def test_csv_export_is_written_whole_or_not_at_all(db: Database, tmp_path: Path) -> None:
    from careops_desktop.exports.file_safety import ExportFailed

    add_entries(db)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "audit.csv"
    target.write_text("older export\n", encoding="utf-8")

    class Stop(Exception):
        pass

    def cancel(done: int, total: int, text: str) -> None:
        raise Stop

    with pytest.raises(Stop):
        db.call(export_audit, OWNER, audit.AuditFilter(), target, progress=cancel)
    assert target.read_text(encoding="utf-8") == "older export\n"
    assert [p.name for p in folder.iterdir()] == ["audit.csv"]
    with pytest.raises(ExportFailed, match="is a folder"):  # the shared toolkit's refusal
        db.call(export_audit, OWNER, audit.AuditFilter(), folder)

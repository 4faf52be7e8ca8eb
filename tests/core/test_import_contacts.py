"""Contacts imports: duplicates merged, skipped or imported anyway; re-importing adds
nothing; a batch is undone whole, and refused while something refers to its rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import AuditEntry, Contact, ImportBatch
from careops_desktop.core.services import bookings, imports
from tests.core.booking_world import DESK, NOW, WEDNESDAY, World, at
from tests.core.import_helpers import OWNER, count, run

SHEET = (
    "name,email,phone,notes\n"
    "Known Again,KNOWN@example.com,07400 123456,From the old tool\n"  # same email as the world's
    "New Person,new@example.com,,\n"
    "New Twin,new@example.com,,\n"  # same email as the row above
)


def _table(text: str = SHEET, name: str = "people.csv") -> imports.SourceTable:
    return imports.read_bytes(text.encode(), name)


def _known(db: Database, world: World) -> tuple[str, str | None, str | None, str]:
    with db.session() as s:
        row = s.execute(
            select(Contact.name, Contact.email, Contact.phone, Contact.notes).where(
                Contact.id == world.known_contact
            )
        ).one()
    return tuple(row)  # type: ignore[return-value]


def test_duplicates_skipped_by_default(db: Database, world: World) -> None:
    result = run(db, _table())
    assert [r.action for r in result.rows] == [imports.SKIP, imports.ADD, imports.SKIP]
    assert result.rows[0].match_id == world.known_contact
    assert [r.problem for r in result.rows] == ["duplicate", "", "duplicate"]
    assert count(db, Contact) == 2


def test_duplicates_merged_fill_blanks_and_add_notes(db: Database, world: World) -> None:
    result = run(db, _table(), duplicates="merge")
    assert [r.action for r in result.rows] == [imports.MERGE, imports.ADD, imports.SKIP]
    assert result.rows[2].reason == "Nothing new for the existing contact."
    assert _known(db, world) == (
        "Known Customer",
        "known@example.com",
        "+447400123456",
        "From the old tool",
    )
    assert count(db, Contact) == 2


def test_duplicates_imported_anyway(db: Database, world: World) -> None:
    result = run(db, _table(), duplicates="anyway")
    assert [r.action for r in result.rows] == [imports.ADD] * 3
    assert count(db, Contact) == 4


def test_a_choice_for_one_row_beats_the_general_one(db: Database, world: World) -> None:
    result = run(db, _table(), duplicates="skip", choices={1: "merge"})
    assert [r.action for r in result.rows] == [imports.MERGE, imports.ADD, imports.SKIP]


def test_reimporting_the_same_file_adds_nothing(db: Database, world: World) -> None:
    first = run(db, _table(), duplicates="anyway")
    assert first.batch_id is not None and first.already_imported_batch is None
    again = run(db, _table(), duplicates="anyway")
    assert again.already_imported_batch == first.batch_id
    assert {r.action for r in again.rows} == {imports.ALREADY}
    assert count(db, Contact) == 4
    # the same rows in another file (another order, another name) add nothing either
    moved = "name,email,phone,notes\nNew Person,new@example.com,,\n"
    assert run(db, _table(moved, "other.csv")).count(imports.ADD) == 0


def test_dry_run_lists_refusals_and_writes_nothing(db: Database, world: World) -> None:
    text = SHEET + "Bad Mail,not-an-address,,\nNo Way,,12345,\nNothing At All,,,\n"
    result = run(db, _table(text), dry_run=True)
    assert result.batch_id is None and result.dry_run
    reasons = [(r.number, r.reason) for r in result.refused()]
    assert reasons[0][0] == 4 and "not-an-address" in reasons[0][1]
    assert reasons[1][0] == 5 and "12345" in reasons[1][1] and "country code" in reasons[1][1]
    assert reasons[2] == (6, "The row has neither an email address nor a phone number.")
    assert "would add" in result.summary()
    assert count(db, Contact) == 1 and count(db, ImportBatch) == 0


def test_undo_removes_the_batch_and_restores_merged_contacts(db: Database, world: World) -> None:
    before = _known(db, world)
    result = run(db, _table(), duplicates="merge")
    assert result.batch_id is not None
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert (entry.entity, entry.entity_id) == ("import_batch", result.batch_id)
    assert db.call(imports.batch_info, OWNER, result.batch_id)["blockers"] == []
    counts = db.call(imports.undo_import, OWNER, result.batch_id)
    assert counts == {"bookings": 0, "contacts": 1, "restored": 1}
    assert _known(db, world) == before
    assert count(db, Contact) == 1
    with pytest.raises(imports.UndoRefused, match="undone already"):
        db.call(imports.undo_import, OWNER, result.batch_id)
    # undone rows may be imported again
    assert run(db, _table(), duplicates="merge").count(imports.ADD) == 1


def test_undo_is_refused_while_a_booking_refers_to_an_imported_contact(
    db: Database, world: World
) -> None:
    result = run(db, _table())
    with db.session() as s:
        new_id = s.scalar(select(Contact.id).where(Contact.email == "new@example.com"))
    db.call(
        bookings.book_desk,
        DESK,
        contact_id=new_id,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 11),
        now=NOW,
    )
    info = db.call(imports.batch_info, OWNER, result.batch_id)
    assert any("bookings made since" in b for b in info["blockers"])
    with pytest.raises(imports.UndoRefused, match="cannot be undone"):
        db.call(imports.undo_import, OWNER, result.batch_id)
    assert count(db, Contact) == 2


def test_staff_without_the_permissions_cannot_import(db: Database, world: World) -> None:
    from careops_desktop.core.errors import PermissionDenied
    from careops_desktop.core.permissions import Actor, Role
    from tests.core.booking_world import INBOX_ONLY

    table = _table()
    options = imports.ImportOptions("contacts", imports.guess_mapping(table.headers, "contacts"))
    nobody = Actor(None, "Nobody", Role.STAFF, frozenset())
    with pytest.raises(PermissionDenied):
        db.call(imports.run_import, nobody, table, options)
    acuity = imports.read_bytes(
        b"Start,Email,Type\n2026-06-10 10:00,a@example.com,Consultation\n", "b.csv"
    )
    booking_options = imports.ImportOptions(
        "bookings", imports.guess_mapping(acuity.headers, "bookings")
    )
    with pytest.raises(PermissionDenied):  # inbox staff may add contacts, not bookings
        db.call(imports.run_import, INBOX_ONLY, acuity, booking_options)
    assert count(db, ImportBatch) == 0


def test_undo_refused_once_a_merged_contact_was_edited(db: Database, world: World) -> None:
    from careops_desktop.core.services import contacts

    result = run(db, _table(), duplicates="merge")
    db.call(
        contacts.update_contact,
        OWNER,
        world.known_contact,
        notes="Edited at the desk since",
    )
    with pytest.raises(imports.UndoRefused, match=r"merged into (was|were) changed"):
        db.call(imports.undo_import, OWNER, result.batch_id)


def test_one_event_for_an_import_and_none_for_a_dry_run(
    db: Database, world: World, published
) -> None:  # type: ignore[no-untyped-def]
    from tests.core.import_helpers import source

    run(db, source("acuity_appointments.csv"), dry_run=True)
    assert published == []
    run(db, source("acuity_appointments.csv"))
    kinds = [type(event).__name__ for event in published]
    assert kinds.count("BookingChanged") == 1

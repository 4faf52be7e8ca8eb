"""Contacts from a file: each row checked by the contact rules, duplicates found, rows written
in batches.

The same rules as a contact typed at the desk: a name, an email or a phone (or
both), emails valid, phones valid with the business's country as the default
region. A row that breaks one is refused with the reason; nothing is half-stored.
A duplicate (same email or same phone as an existing contact, or as an earlier row
of the file) is merged, skipped or imported anyway, as the person chose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.models import Contact, ImportRow
from careops_desktop.core.services.contacts import (
    NOTES_MAX,
    check_person_name,
    default_region,
    normalize_email,
    normalize_phone,
)
from careops_desktop.core.services.imports import cells
from careops_desktop.core.services.imports.plan import (
    ADD,
    ALREADY,
    MERGE,
    REFUSE,
    SKIP,
    ImportOptions,
    RowOutcome,
    choice_for,
    source_key,
)
from careops_desktop.core.services.imports.reading import SourceTable

BATCH = 2000
Progress = Callable[[int, int, str], None]


class Refused(Exception):
    """A row breaks a rule; ``str()`` is the reason."""


@dataclass
class Clean:
    """A row's contact as it will be stored."""

    name: str
    email: str | None
    phone: str | None
    notes: str

    def values(self) -> tuple[tuple[str, str], ...]:
        return (
            ("Name", self.name),
            ("Email", self.email or ""),
            ("Phone", self.phone or ""),
            ("Notes", self.notes),
        )

    def key(self) -> str:
        return source_key("contacts", [self.name, self.email or "", self.phone or "", self.notes])


def _first(exc: ValidationError) -> str:
    return next(iter(exc.fields.values()), str(exc))


def check_contact(values: dict[str, str], region: str) -> Clean:
    """The row's contact as stored, or :class:`Refused` with the first reason."""
    raw_name = cells.person_name(values)
    raw_email = values.get("email", "")
    raw_phone = values.get("phone", "")
    try:
        name = check_person_name(raw_name, empty="The row has no name.")
    except ValidationError as exc:
        raise Refused(_first(exc)) from None
    email = phone = None
    if raw_email:
        try:
            email = normalize_email(raw_email)
        except ValidationError as exc:
            raise Refused(f"“{raw_email}”: {_first(exc)}") from None
    if raw_phone:
        try:
            phone = normalize_phone(raw_phone, region)
        except ValidationError as exc:
            raise Refused(f"“{raw_phone}”: {_first(exc)}") from None
    if email is None and phone is None:
        raise Refused("The row has neither an email address nor a phone number.")
    notes = cells.notes_with_extras(values)
    if len(notes) > NOTES_MAX:
        raise Refused(f"The notes are longer than {NOTES_MAX:,} characters.")
    if "\x00" in notes:
        raise Refused("The notes contain a character that cannot be stored (NUL).")
    return Clean(name, email, phone, notes)


@dataclass
class Directory:
    """Existing contacts by email and by phone (one query), grown as rows are added."""

    by_email: dict[str, int]
    by_phone: dict[str, int]

    @classmethod
    def load(cls, session: Session) -> Directory:
        by_email: dict[str, int] = {}
        by_phone: dict[str, int] = {}
        rows = session.execute(
            select(Contact.id, Contact.email, Contact.phone).order_by(Contact.id)
        )
        for contact_id, email, phone in rows:
            if email:
                by_email.setdefault(email, contact_id)
            if phone:
                by_phone.setdefault(phone, contact_id)
        return cls(by_email, by_phone)

    def match(self, clean: Clean) -> int | None:
        if clean.email and clean.email in self.by_email:
            return self.by_email[clean.email]
        if clean.phone and clean.phone in self.by_phone:
            return self.by_phone[clean.phone]
        return None

    def add(self, clean: Clean, contact_id: int) -> None:
        if clean.email:
            self.by_email.setdefault(clean.email, contact_id)
        if clean.phone:
            self.by_phone.setdefault(clean.phone, contact_id)


def imported_keys(session: Session, kind_entity: str) -> set[str]:
    """Source keys of rows earlier imports (not undone) brought in."""
    from careops_desktop.core.models import ImportBatch

    rows = session.scalars(
        select(ImportRow.source_key)
        .join(ImportBatch, ImportBatch.id == ImportRow.batch_id)
        .where(ImportRow.entity == kind_entity, ImportBatch.status == "done")
    )
    return set(rows)


_CONTACT_COLUMNS = (Contact.id, Contact.name, Contact.email, Contact.phone, Contact.notes)


def _merge(session: Session, batch_id: int, contact_id: int, clean: Clean, key: str) -> bool:
    """Fill the contact's empty email or phone and add the row's notes; False if nothing new."""
    row = session.execute(select(*_CONTACT_COLUMNS).where(Contact.id == contact_id)).one()
    changes: dict[str, Any] = {}
    if not row.email and clean.email:
        changes["email"] = clean.email
    if not row.phone and clean.phone:
        changes["phone"] = clean.phone
    if clean.notes and clean.notes not in row.notes:
        joined = f"{row.notes}\n{clean.notes}" if row.notes else clean.notes
        if len(joined) <= NOTES_MAX:
            changes["notes"] = joined
    if not changes:
        return False
    session.execute(update(Contact).where(Contact.id == contact_id).values(**changes))
    before = {"email": row.email, "phone": row.phone, "notes": row.notes}
    session.execute(
        insert(ImportRow),
        [
            {
                "batch_id": batch_id,
                "entity": "contact",
                "entity_id": contact_id,
                "action": "merged",
                "source_key": key,
                "before": before,
            }
        ],
    )
    return True


def insert_contacts(session: Session, batch_id: int, pending: list[tuple[Clean, str]]) -> list[int]:
    """Insert ``pending`` contacts (one statement per block) and their import rows; their ids."""
    if not pending:
        return []
    statement = insert(Contact).returning(Contact.id, sort_by_parameter_order=True)
    ids = list(
        session.scalars(
            statement,
            [
                {"name": c.name, "email": c.email, "phone": c.phone, "notes": c.notes}
                for c, _ in pending
            ],
        )
    )
    session.execute(
        insert(ImportRow),
        [
            {
                "batch_id": batch_id,
                "entity": "contact",
                "entity_id": contact_id,
                "action": "created",
                "source_key": key,
                "before": None,
            }
            for contact_id, (_, key) in zip(ids, pending, strict=True)
        ],
    )
    return ids


def import_contacts(
    session: Session,
    batch_id: int,
    source: SourceTable,
    options: ImportOptions,
    progress: Progress,
) -> tuple[list[RowOutcome], list[int]]:
    """Check and write every row of ``source`` into batch ``batch_id``; the outcomes and the
    new contacts' ids. Runs in the caller's transaction."""
    region = default_region(session)
    directory = Directory.load(session)
    seen = imported_keys(session, "contact")
    outcomes: list[RowOutcome] = []
    pending: list[tuple[Clean, str]] = []
    in_file: dict[str, int] = {}  # email/phone → row number, for rows not yet written
    created: list[int] = []
    total = len(source.rows)

    def flush() -> None:
        ids = insert_contacts(session, batch_id, pending)
        for (clean, _), contact_id in zip(pending, ids, strict=True):
            directory.add(clean, contact_id)
        created.extend(ids)
        pending.clear()
        in_file.clear()

    for number, row in enumerate(source.rows, start=1):
        values = cells.gather(row, options.mapping)
        try:
            clean = check_contact(values, region)
        except Refused as exc:
            outcomes.append(RowOutcome(number, REFUSE, str(exc)))
            continue
        key = clean.key()
        if key in seen:
            outcomes.append(
                RowOutcome(
                    number, ALREADY, "An earlier import added this row.", values=clean.values()
                )
            )
            continue
        seen.add(key)
        match = directory.match(clean)
        earlier = in_file.get(clean.email or "") or in_file.get(clean.phone or "")
        if match is None and earlier is None:
            _queue(clean, key, number, pending, in_file)
            outcomes.append(RowOutcome(number, ADD, values=clean.values()))
        else:
            choice = choice_for(options, number, options.duplicates)
            same = "an earlier row of the file" if match is None else "an existing contact"
            reason = f"Same email address or phone number as {same}."
            if choice == "anyway":
                _queue(clean, key, number, pending, in_file)
                outcomes.append(RowOutcome(number, ADD, reason, "duplicate", clean.values(), match))
            elif choice == "merge" and match is None:
                flush()  # the earlier row is written now, so it can take the merge
                match = directory.match(clean)
            if choice == "merge" and match is not None:
                merged = _merge(session, batch_id, match, clean, key)
                action, why = (
                    (MERGE, reason) if merged else (SKIP, "Nothing new for the existing contact.")
                )
                outcomes.append(RowOutcome(number, action, why, "duplicate", clean.values(), match))
            elif choice not in ("anyway", "merge"):
                outcomes.append(
                    RowOutcome(number, SKIP, reason, "duplicate", clean.values(), match)
                )
        if len(pending) >= BATCH:
            flush()
        if number % 500 == 0:
            progress(number, total, f"Checked {number} of {total} rows…")
    flush()
    progress(total, total, "Rows checked.")
    return outcomes, created


def _queue(
    clean: Clean, key: str, number: int, pending: list[tuple[Clean, str]], in_file: dict[str, int]
) -> None:
    pending.append((clean, key))
    if clean.email:
        in_file.setdefault(clean.email, number)
    if clean.phone:
        in_file.setdefault(clean.phone, number)

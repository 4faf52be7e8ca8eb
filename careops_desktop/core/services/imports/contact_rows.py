"""Contacts from a file: each row checked by the contact rules, duplicates found, rows written
in batches.

The same rules as a contact typed at the desk: a name, an email or a phone (or
both), emails valid, phones valid with the business's country as the default
region. A row that breaks one is refused with the reason; nothing is half-stored.
A duplicate (same email or same phone as an existing contact, or as an earlier row
of the file) is merged, skipped or imported anyway, as the person chose.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _, current_language
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import Contact, ImportBatch, ImportRow
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


@dataclass(frozen=True)
class Clean:
    """A row's contact as it will be stored."""

    name: str
    email: str | None
    phone: str | None
    notes: str

    def values(self) -> tuple[tuple[str, str], ...]:
        return (
            (_("Name"), self.name),
            (_("Email"), self.email or ""),
            (_("Phone"), self.phone or ""),
            (_("Notes"), self.notes),
        )

    def key(self) -> str:
        return source_key("contacts", [self.name, self.email or "", self.phone or "", self.notes])


def _first(exc: ValidationError) -> str:
    return next(iter(exc.fields.values()), str(exc))


def check_contact(values: dict[str, str], region: str) -> Clean:
    """The row's contact as stored, or :class:`Refused` with the first reason.

    Remembered for the last rows seen (the check is pure), so the import that follows
    a dry run of the same file does not check every address twice.
    """
    answer = _remembered(tuple(sorted(values.items())), region, current_language())
    if isinstance(answer, str):
        raise Refused(answer)
    return answer


@functools.lru_cache(maxsize=65_536)
def _remembered(items: tuple[tuple[str, str], ...], region: str, language: str) -> Clean | str:
    """:func:`_check` once per row content, region and language (a reason is in words)."""
    del language  # part of the cache key only: the reason is written in it
    try:
        return _check(dict(items), region)
    except Refused as exc:
        return str(exc)


def _check(values: dict[str, str], region: str) -> Clean:
    raw_name = cells.person_name(values)
    raw_email = values.get("email", "")
    raw_phone = values.get("phone", "")
    try:
        name = check_person_name(raw_name, empty=_("The row has no name."))
    except ValidationError as exc:
        raise Refused(_first(exc)) from None
    email = phone = None
    if raw_email:
        try:
            email = normalize_email(raw_email)
        except ValidationError as exc:
            problem = _first(exc)
            raise Refused(
                _("“{value}”: {problem}").format(value=raw_email, problem=problem)
            ) from None
    if raw_phone:
        try:
            phone = normalize_phone(raw_phone, region)
        except ValidationError as exc:
            problem = _first(exc)
            raise Refused(
                _("“{value}”: {problem}").format(value=raw_phone, problem=problem)
            ) from None
    if email is None and phone is None:
        raise Refused(_("The row has neither an email address nor a phone number."))
    notes = cells.notes_with_extras(values)
    if len(notes) > NOTES_MAX:
        raise Refused(
            _("The notes are longer than {limit} characters.").format(limit=number_text(NOTES_MAX))
        )
    if "\x00" in notes:
        raise Refused(_("The notes contain a character that cannot be stored (NUL)."))
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
    rows = session.scalars(
        select(ImportRow.source_key)
        .join(ImportBatch, ImportBatch.id == ImportRow.batch_id)
        .where(ImportRow.entity == kind_entity, ImportBatch.status == "done")
    )
    return set(rows)


_CONTACT_COLUMNS = (Contact.id, Contact.name, Contact.email, Contact.phone, Contact.notes)
CONTACTS = cast(Table, Contact.__table__)
IMPORT_ROWS = cast(Table, ImportRow.__table__)


def merged(into: Clean, row: Clean) -> Clean:
    """``into`` with its empty email or phone filled and the row's notes added."""
    notes = into.notes
    if row.notes and row.notes not in notes:
        joined = f"{notes}\n{row.notes}" if notes else row.notes
        notes = joined if len(joined) <= NOTES_MAX else notes
    return replace(into, email=into.email or row.email, phone=into.phone or row.phone, notes=notes)


def _import_row(
    batch_id: int, contact_id: int, action: str, key: str, before: Any
) -> dict[str, Any]:
    return {
        "batch_id": batch_id,
        "entity": "contact",
        "entity_id": contact_id,
        "action": action,
        "source_key": key,
        "before": before,
    }


def _merge(session: Session, batch_id: int, contact_id: int, clean: Clean, key: str) -> bool:
    """Fill the contact's empty email or phone and add the row's notes; False if nothing new."""
    connection = session.connection()
    row = connection.execute(select(*_CONTACT_COLUMNS).where(Contact.id == contact_id)).one()
    stored = Clean(row.name, row.email, row.phone, row.notes)
    after = merged(stored, clean)
    if after == stored:
        return False
    connection.execute(
        update(CONTACTS)
        .where(CONTACTS.c.id == contact_id)
        .values(email=after.email, phone=after.phone, notes=after.notes)
    )
    # what it held, and what the merge left (an undo restores only a contact left as is)
    before = {
        "email": row.email,
        "phone": row.phone,
        "notes": row.notes,
        "after": {"email": after.email, "phone": after.phone, "notes": after.notes},
    }
    connection.execute(
        insert(IMPORT_ROWS), [_import_row(batch_id, contact_id, "merged", key, before)]
    )
    return True


@dataclass
class Pending:
    """A contact to insert, and the keys of the file's rows merged into it."""

    clean: Clean
    key: str
    merged_keys: list[str]


def insert_contacts(session: Session, batch_id: int, pending: list[Pending]) -> list[int]:
    """Insert ``pending`` contacts (one statement per block) and their import rows; their ids."""
    if not pending:
        return []
    connection = session.connection()
    statement = insert(CONTACTS).returning(CONTACTS.c.id, sort_by_parameter_order=True)
    rows = [
        {
            "name": p.clean.name,
            "email": p.clean.email,
            "phone": p.clean.phone,
            "notes": p.clean.notes,
        }
        for p in pending
    ]
    ids = [int(i) for i in connection.execute(statement, rows).scalars()]
    marks: list[dict[str, Any]] = []
    for contact_id, item in zip(ids, pending, strict=True):
        marks.append(_import_row(batch_id, contact_id, "created", item.key, None))
        marks.extend(_import_row(batch_id, contact_id, "merged", k, None) for k in item.merged_keys)
    connection.execute(insert(IMPORT_ROWS), marks)
    return ids


class _Batch:
    """Contacts waiting to be inserted, found by email and phone until they are."""

    def __init__(self, session: Session, batch_id: int, directory: Directory) -> None:
        self.session = session
        self.batch_id = batch_id
        self.directory = directory
        self.items: list[Pending] = []
        self.by_address: dict[str, int] = {}  # email/phone → index in items
        self.created: list[int] = []

    def find(self, clean: Clean) -> int | None:
        for address in (clean.email, clean.phone):
            if address and address in self.by_address:
                return self.by_address[address]
        return None

    def add(self, clean: Clean, key: str) -> None:
        self.items.append(Pending(clean, key, []))
        self._index(clean, len(self.items) - 1)

    def merge(self, index: int, clean: Clean, key: str) -> bool:
        item = self.items[index]
        after = merged(item.clean, clean)
        if after == item.clean:
            return False
        item.clean = after
        item.merged_keys.append(key)
        self._index(after, index)
        return True

    def _index(self, clean: Clean, index: int) -> None:
        for address in (clean.email, clean.phone):
            if address:
                self.by_address.setdefault(address, index)

    def flush(self) -> None:
        ids = insert_contacts(self.session, self.batch_id, self.items)
        for item, contact_id in zip(self.items, ids, strict=True):
            self.directory.add(item.clean, contact_id)
        self.created.extend(ids)
        self.items = []
        self.by_address = {}


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
    batch = _Batch(session, batch_id, directory)
    total = len(source.rows)
    for number, row in enumerate(source.rows, start=1):
        values = cells.gather(row, options.mapping)
        try:
            clean = check_contact(values, region)
        except Refused as exc:
            outcomes.append(RowOutcome(number, REFUSE, str(exc)))
            continue
        key = clean.key()
        shown = clean.values()
        if key in seen:
            outcomes.append(
                RowOutcome(number, ALREADY, _("An earlier import added this row."), values=shown)
            )
            continue
        seen.add(key)
        match = directory.match(clean)
        earlier = None if match is not None else batch.find(clean)
        if match is None and earlier is None:
            batch.add(clean, key)
            outcomes.append(RowOutcome(number, ADD, values=shown))
        else:
            outcomes.append(_duplicate(session, batch, options, number, clean, key, match, earlier))
        if len(batch.items) >= BATCH:
            batch.flush()
        if number % 500 == 0:
            progress(
                number,
                total,
                _("Checked {number} of {total} rows…").format(number=number, total=total),
            )
    batch.flush()
    progress(total, total, _("Rows checked."))
    return outcomes, batch.created


def _duplicate(
    session: Session,
    batch: _Batch,
    options: ImportOptions,
    number: int,
    clean: Clean,
    key: str,
    match: int | None,
    earlier: int | None,
) -> RowOutcome:
    """A row with the same email or phone as a contact (``match``) or an earlier row."""
    choice = choice_for(options, number, options.duplicates)
    reason = (
        _("Same email address or phone number as an existing contact.")
        if match is not None
        else _("Same email address or phone number as an earlier row of the file.")
    )
    shown = clean.values()
    if choice == "anyway":
        batch.add(clean, key)
        return RowOutcome(number, ADD, reason, "duplicate", shown, match)
    if choice == "merge":
        if match is not None:
            changed = _merge(session, batch.batch_id, match, clean, key)
        else:
            assert earlier is not None
            changed = batch.merge(earlier, clean, key)
        if changed:
            return RowOutcome(number, MERGE, reason, "duplicate", shown, match)
        return RowOutcome(
            number, SKIP, _("Nothing new for the existing contact."), "duplicate", shown, match
        )
    return RowOutcome(number, SKIP, reason, "duplicate", shown, match)

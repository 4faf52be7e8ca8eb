"""Bookings from a file: each row matched to a booking type, a provider and a contact, and
checked by the desk's own rules (``bookings.claim_provider``: hours, closures, overlaps).

A future visit that clashes with another booking is listed and skipped (no path
double-books a provider); one outside the provider's hours or on a closure is
listed and imported as a desk override ("book anyway") or skipped, as the person
chose. A past visit is history: imported as completed, checked for its type and
provider only. No message is written to the outbox here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from careops_desktop.core import events, time_bounds
from careops_desktop.core.db import insert_row, read_only, statements
from careops_desktop.core.errors import SlotTaken, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, BookingType, ImportRow, Provider
from careops_desktop.core.services import bookings, business
from careops_desktop.core.services.contacts import default_region
from careops_desktop.core.services.imports import cells, contact_rows, times
from careops_desktop.core.services.imports.plan import (
    ADD,
    ALREADY,
    HISTORY,
    OVERRIDE,
    REFUSE,
    SKIP,
    ImportOptions,
    RowOutcome,
    choice_for,
    source_key,
)
from careops_desktop.core.services.imports.reading import SourceTable
from careops_desktop.core.services.slots import TypeRules, load_type_rules
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.tokens import new_token

Progress = Callable[[int, int, str], None]
NOTES_MAX = 4000
Refused = contact_rows.Refused

_NEW_BOOKING = prebuilt(insert(Booking))
_TYPES = prebuilt(select(BookingType.id, BookingType.name).where(BookingType.is_active.is_(True)))
_PROVIDERS = prebuilt(select(Provider.id, Provider.name).where(Provider.is_active.is_(True)))


@dataclass(frozen=True)
class Visit:
    """A row's booking as it will be stored."""

    rules: TypeRules
    provider_id: int | None
    start: datetime
    end: datetime
    notes: str


@read_only
def booking_names(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    """The active booking types and providers, name → id (for mapping names in a file)."""
    run = statements(session)
    types = {str(name): int(tid) for tid, name in run.execute(_TYPES, {})}
    providers = {str(name): int(pid) for pid, name in run.execute(_PROVIDERS, {})}
    return types, providers


def names_in_file(source: SourceTable, mapping: tuple[str, ...], field: str) -> list[str]:
    """The distinct names a column mapped to ``field`` holds (as written, first seen first)."""
    seen: dict[str, str] = {}
    for row in source.rows:
        name = cells.gather(row, mapping).get(field, "")
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


class Catalogue:
    """Booking types and providers by name (case ignored) or through the person's mapping."""

    def __init__(self, session: Session, options: ImportOptions) -> None:
        run = statements(session)
        self.session = session
        self.types = {name.casefold(): tid for tid, name in run.execute(_TYPES, {})}
        active = run.execute(_PROVIDERS, {}).all()
        self.providers = {name.casefold(): pid for pid, name in active}
        self.provider_names = {pid: name for pid, name in active}
        self.type_map = {k.casefold(): v for k, v in options.type_names.items()}
        self.provider_map = {k.casefold(): v for k, v in options.provider_names.items()}
        self._rules: dict[int, TypeRules] = {}

    def rules_for(self, name: str) -> TypeRules:
        key = name.strip().casefold()
        type_id = self.type_map.get(key) or self.types.get(key)
        if type_id is None and not key and len(self.types) == 1:
            type_id = next(iter(self.types.values()))
        if type_id is None:
            if not key:
                raise Refused(_("The row names no booking type."))
            raise Refused(
                _(
                    "There is no booking type called “{name}”: map it to one, or add it first."
                ).format(name=name)
            )
        if type_id not in self._rules:
            self._rules[type_id] = load_type_rules(self.session, type_id, active_only=True)
        return self._rules[type_id]

    def provider_for(self, name: str, rules: TypeRules) -> int | None:
        key = name.strip().casefold()
        if not key:
            return None
        provider_id = self.provider_map.get(key) or self.providers.get(key)
        if provider_id is None:
            raise Refused(
                _(
                    "There is no provider called “{name}”: map them to one, or add them first."
                ).format(name=name)
            )
        if provider_id not in rules.provider_ids:
            raise Refused(
                _("{provider} does not offer {booking_type}.").format(
                    provider=name, booking_type=rules.name
                )
            )
        return provider_id


def check_visit(values: dict[str, str], catalogue: Catalogue, zone: ZoneInfo, region: str) -> Visit:
    """The row's booking (type, provider, times), or :class:`Refused` with the reason."""
    rules = catalogue.rules_for(values.get("booking_type", ""))
    provider_id = catalogue.provider_for(values.get("provider", ""), rules)
    try:
        if values.get("start"):
            start = times.parse_moment(values["start"], zone, region)
        elif values.get("date"):
            start = times.parse_date_and_time(values["date"], values.get("time", ""), zone, region)
        else:
            raise Refused(_("The row has no start date and time."))
        if values.get("end"):
            end = times.parse_moment(values["end"], zone, region)
        elif values.get("duration"):
            end = start + times.parse_minutes(values["duration"])
        else:
            end = start + rules.rules.duration
    except times.BadTime as exc:
        raise Refused(str(exc)) from None
    if not (time_bounds.instant_in_range(start) and time_bounds.instant_in_range(end)):
        raise Refused(_(time_bounds.OUT_OF_RANGE))
    if end <= start:
        raise Refused(_("The visit ends before it starts."))
    if end - start > timedelta(days=1):
        raise Refused(_("The visit lasts longer than a day."))
    try:
        notes = bookings.check_free_text(values.get("notes", ""), "notes", NOTES_MAX)
    except ValidationError as exc:
        raise Refused(next(iter(exc.fields.values()))) from None
    return Visit(rules, provider_id, start.astimezone(UTC), end.astimezone(UTC), notes)


def visit_values(
    visit: Visit, provider_name: str, contact_name: str, zone: ZoneInfo
) -> tuple[tuple[str, str], ...]:
    return (
        (_("Start"), f"{visit.start.astimezone(zone):%Y-%m-%d %H:%M}"),
        (_("Booking type"), visit.rules.name),
        (_("Provider"), provider_name),
        (_("Customer"), contact_name),
        (_("Notes"), visit.notes),
    )


@dataclass
class Written:
    """A booking row to insert: who, with whom, when, and its status."""

    contact_id: int
    customer: contact_rows.Clean
    provider_id: int
    start: datetime
    end: datetime
    status: str


class BookingWriter:
    """Writes bookings and their import rows in the caller's transaction (prebuilt inserts)."""

    def __init__(self, session: Session, batch_id: int, user_id: int | None, now: datetime) -> None:
        self.run = statements(session)
        self.batch_id = batch_id
        self.user_id = user_id
        self.now = now
        self.future_ids: list[int] = []
        self.rows: list[dict[str, object]] = []  # import rows, written by :meth:`finish`
        self.last: tuple[int, int] | None = None  # the last booking written, and its provider
        self.session = session

    def finish(self) -> None:
        """Write the import rows of the bookings written (one statement)."""
        if self.rows:
            self.session.execute(insert(ImportRow), self.rows)
        self.rows = []

    def write(self, visit: Visit, row: Written, key: str) -> int:
        booking_id = insert_row(
            self.run,
            _NEW_BOOKING,
            {
                "contact_id": row.contact_id,
                "booking_type_id": visit.rules.booking_type_id,
                "provider_id": row.provider_id,
                "start_at": row.start,
                "end_at": row.end,
                "location": visit.rules.location,
                "status": row.status,
                "source": "desk",
                "notes": visit.notes,
                "customer_name": row.customer.name,
                "customer_email": row.customer.email,
                "customer_phone": row.customer.phone,
                "manage_token": new_token(),
                "forms_sent": False,
                "created_by_user_id": self.user_id,
                "created_at": self.now,
                "updated_at": self.now,
            },
        )
        self.rows.append(
            {
                "batch_id": self.batch_id,
                "entity": "booking",
                "entity_id": booking_id,
                "action": "created",
                "source_key": key,
                "before": None,
            }
        )
        if row.status == "confirmed":
            self.future_ids.append(booking_id)
        self.last = (booking_id, row.provider_id)
        return booking_id


def _key(values: dict[str, str], visit: Visit) -> str:
    if values.get("source_id"):
        return source_key("bookings", ["id", values["source_id"]])
    who = [values.get(f, "") for f in ("email", "phone", "name", "first_name", "last_name")]
    return source_key("bookings", [visit.start.isoformat(), str(visit.rules.booking_type_id), *who])


_PERSON_FIELDS = ("name", "first_name", "last_name", "email", "phone")


def _contact(
    session: Session,
    batch_id: int,
    values: dict[str, str],
    region: str,
    directory: contact_rows.Directory,
) -> tuple[int, contact_rows.Clean]:
    """The booking's contact: an existing one with the same email or phone, else a new one."""
    person = {f: values[f] for f in _PERSON_FIELDS if values.get(f)}
    try:
        clean = contact_rows.check_contact(person, region)
    except Refused as exc:
        raise Refused(_("The customer cannot be added: {reason}").format(reason=exc)) from None
    match = directory.match(clean)
    if match is not None:
        return match, clean
    key = clean.key()
    (contact_id,) = contact_rows.insert_contacts(
        session, batch_id, [contact_rows.Pending(clean, key, [])]
    )
    directory.add(clean, contact_id)
    return contact_id, clean


def _claim(
    session: Session, visit: Visit, zone: ZoneInfo, now: datetime, *, outside_hours: bool
) -> bookings.Claim:
    """The desk's check for this visit (raises SlotTaken or ValidationError as the desk does)."""
    return bookings.claim_provider(
        session,
        visit.rules,
        visit.provider_id,
        visit.start,
        zone=zone,
        now=now,
        on_grid=False,
        outside_hours=outside_hours,
    )


def import_bookings(
    session: Session,
    batch_id: int,
    user_id: int | None,
    source: SourceTable,
    options: ImportOptions,
    progress: Progress,
    now: datetime,
) -> tuple[list[RowOutcome], list[int]]:
    """Check and write every row of ``source`` into batch ``batch_id``: the outcomes and the
    ids of the future bookings added. Runs in the caller's transaction."""
    zone = business.business_zone(session)
    region = default_region(session)
    catalogue = Catalogue(session, options)
    directory = contact_rows.Directory.load(session)
    seen = contact_rows.imported_keys(session, "booking")
    writer = BookingWriter(session, batch_id, user_id, now)
    outcomes: list[RowOutcome] = []
    total = len(source.rows)
    for number, row in enumerate(source.rows, start=1):
        values = cells.gather(row, options.mapping)
        try:
            outcomes.append(
                _one(
                    session,
                    number,
                    values,
                    catalogue,
                    directory,
                    writer,
                    seen,
                    zone,
                    region,
                    now,
                    options,
                )
            )
        except Refused as exc:
            outcomes.append(RowOutcome(number, REFUSE, str(exc)))
        if number % 200 == 0:
            progress(
                number,
                total,
                _("Checked {number} of {total} rows…").format(number=number, total=total),
            )
    writer.finish()
    if writer.last is not None:  # one event: the open views refresh once
        events.record(session, events.BookingChanged(writer.last[0], writer.last[1], "created"))
    progress(total, total, _("Rows checked."))
    return outcomes, writer.future_ids


def _one(
    session: Session,
    number: int,
    values: dict[str, str],
    catalogue: Catalogue,
    directory: contact_rows.Directory,
    writer: BookingWriter,
    seen: set[str],
    zone: ZoneInfo,
    region: str,
    now: datetime,
    options: ImportOptions,
) -> RowOutcome:
    """One row: refused (raises Refused), skipped, or written."""
    visit = check_visit(values, catalogue, zone, region)
    who = cells.person_name(values) or values.get("email", "") or values.get("phone", "")
    named = catalogue.provider_names.get(visit.provider_id or 0, "")
    shown = visit_values(visit, named, who, zone)
    if "cancel" in values.get("status", "").casefold():
        return RowOutcome(
            number, SKIP, _("The visit was cancelled in the other tool."), values=shown
        )
    key = _key(values, visit)
    if key in seen:
        return RowOutcome(number, ALREADY, _("An earlier import added this visit."), values=shown)
    if visit.start < now:
        provider_id = visit.provider_id or (visit.rules.provider_ids or (None,))[0]
        if provider_id is None:
            raise Refused(_("Nobody offers {booking_type}.").format(booking_type=visit.rules.name))
        contact_id, customer = _contact(session, writer.batch_id, values, region, directory)
        writer.write(
            visit,
            Written(contact_id, customer, provider_id, visit.start, visit.end, "completed"),
            key,
        )
        seen.add(key)
        return RowOutcome(number, HISTORY, _("A past visit: kept as history."), values=shown)
    problem = ""
    try:
        claim = _claim(session, visit, zone, now, outside_hours=False)
    except SlotTaken:
        return RowOutcome(
            number, SKIP, _("Clashes with another booking of the provider."), "clash", shown
        )
    except ValidationError as exc:
        if "start" not in exc.fields:
            raise Refused(next(iter(exc.fields.values()))) from None
        if choice_for(options, number, options.problems) != "override":
            return RowOutcome(
                number,
                SKIP,
                _("Outside the provider's hours or on a closed day."),
                "outside_hours",
                shown,
            )
        problem = "outside_hours"
        try:
            claim = _claim(session, visit, zone, now, outside_hours=True)
        except SlotTaken:
            return RowOutcome(
                number, SKIP, _("Clashes with another booking of the provider."), "clash", shown
            )
    contact_id, customer = _contact(session, writer.batch_id, values, region, directory)
    writer.write(
        visit,
        Written(contact_id, customer, claim.provider_id, claim.start, claim.end, "confirmed"),
        key,
    )
    seen.add(key)
    shown = visit_values(visit, claim.provider_name, customer.name, zone)
    if problem:
        return RowOutcome(
            number,
            OVERRIDE,
            _("Outside the provider's hours: imported as a desk override."),
            problem,
            shown,
        )
    return RowOutcome(number, ADD, values=shown)

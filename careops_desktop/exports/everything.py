"""``careops export all``: every table as CSV plus the bookings as one ``.ics``.

So a business can always take its data with it. Secrets stay behind: no
password hashes, no secret tokens (manage links, form links, the calendar
feed secret) — not as columns, and not inside text either (a confirmation
email's body holds its manage link; the token is replaced) — no user names
or passwords inside URLs, and no raw email source (binary). A README.txt in
the folder says what each file is, what was left out, and whether text that a
spreadsheet would run as a formula was guarded (the default) or kept exact (``raw``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from icalendar import Calendar
from sqlalchemy import LargeBinary, Table, select
from sqlalchemy.orm import Session

from careops_desktop.core.models import (
    Base,
    Booking,
    BookingType,
    Business,
    Contact,
    FormSubmission,
    Provider,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.exports.formatting import guard_formula
from careops_desktop.integrations import ics

SECRET_WORDS = ("password", "secret", "token")
TOKEN_LIKE = re.compile(r"[A-Za-z0-9_-]{20,}")
URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")
REDACTED = "[removed]"
BATCH = 5_000
ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportSummary:
    """What ``export_all`` wrote: rows per file, and the columns it left out per table."""

    directory: Path
    files: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, list[str]] = field(default_factory=dict)


def is_secret_column(table: Table, name: str) -> bool:
    """Columns never exported: secrets by name, and binary columns."""
    column = table.c[name]
    return any(word in name.lower() for word in SECRET_WORDS) or isinstance(
        column.type, LargeBinary
    )


class Cleaner:
    """Turns stored values into CSV text, removing secrets found inside text."""

    def __init__(self, tokens: set[str], guard: bool) -> None:
        self.tokens = tokens
        self.guard = guard

    def _redact(self, match: re.Match[str]) -> str:
        return REDACTED if match.group(0) in self.tokens else match.group(0)

    def text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, int | float):
            return str(value)
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        text = URL_CREDENTIALS.sub(r"\1", str(value))
        if self.tokens:
            text = TOKEN_LIKE.sub(self._redact, text)
        return guard_formula(text) if self.guard else text


def _tokens(session: Session) -> set[str]:
    found: set[str] = set(session.scalars(select(Booking.manage_token)))
    found.update(session.scalars(select(FormSubmission.token)))
    found.update(s for s in session.scalars(select(Business.calendar_feed_secret)) if s)
    return {t for t in found if t}


def _rows(session: Session, table: Table, names: list[str]) -> Iterator[Any]:
    query = select(*(table.c[n] for n in names)).order_by(*table.primary_key.columns)
    yield from session.execute(query.execution_options(yield_per=BATCH))


def export_all(
    session: Session,
    actor: Actor,
    directory: Path,
    *,
    excel: bool = False,
    raw: bool = False,
    now: datetime | None = None,
    progress: ProgressFn | None = None,
) -> ExportSummary:
    """Write ``<table>.csv`` for every table and ``bookings.ics`` into ``directory``.

    Text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``...) gets a
    leading apostrophe unless ``raw`` (exact text, for programs rather than people);
    ``excel`` adds a BOM and CRLF line ends. Needs MANAGE_SETTINGS (it is everything
    the business holds). Reads in batches; the caller's transaction gives one
    consistent snapshot.
    """
    import csv

    require(actor, Permission.MANAGE_SETTINGS)
    directory.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner(_tokens(session), guard=not raw)
    summary = ExportSummary(directory)
    tables = list(Base.metadata.sorted_tables)
    for number, table in enumerate(tables):
        if progress is not None:
            progress(number, len(tables) + 1, table.name)
        names = [c.name for c in table.columns if not is_secret_column(table, c.name)]
        left_out = [c.name for c in table.columns if c.name not in names]
        if left_out:
            summary.left_out[table.name] = left_out
        path = directory / f"{table.name}.csv"
        count = 0
        with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n" if excel else "\n")
            writer.writerow(names)
            for row in _rows(session, table, names):
                writer.writerow([cleaner.text(v) for v in row])
                count += 1
        summary.files[path.name] = count
    if progress is not None:
        progress(len(tables), len(tables) + 1, "bookings.ics")
    summary.files["bookings.ics"] = write_bookings_ics(session, directory / "bookings.ics", now)
    _readme(summary, guarded=not raw)
    if progress is not None:
        progress(len(tables) + 1, len(tables) + 1, "done")
    return summary


def write_bookings_ics(session: Session, path: Path, now: datetime | None = None) -> int:
    """Every booking as one calendar file (cancelled ones as CANCELLED); returns the count.

    Events carry no manage link and no private notes (see ``integrations/ics.py``).
    """
    stamp = now or utcnow()
    business = session.execute(
        select(Business.name, Business.contact_email, Business.timezone).limit(1)
    ).first()
    name, email, zone = (business[0], business[1], business[2]) if business else ("", "", "")
    calendar = Calendar()
    calendar.add("prodid", ics.PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{name} bookings" if name else "Bookings")
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    query = (
        select(
            Booking.id,
            Booking.start_at,
            Booking.end_at,
            Booking.status,
            BookingType.name,
            Provider.name,
            Booking.location,
            BookingType.location,
            Contact.name,
            Contact.email,
            Booking.created_at,
            Booking.updated_at,
        )
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .join(Contact, Contact.id == Booking.contact_id)
        .order_by(Booking.start_at, Booking.id)
        .execution_options(yield_per=BATCH)
    )
    count = 0
    with path.open("wb") as stream:
        stream.write(head[: -len(end)])
        for (
            booking_id,
            start,
            finish,
            status,
            what,
            provider,
            location,
            type_location,
            customer,
            customer_email,
            created,
            updated,
        ) in session.execute(query):
            event = ics.booking_event(
                ics.CalendarBooking(
                    id=booking_id,
                    start_at=start,
                    end_at=finish,
                    status=status,
                    booking_type=what,
                    provider=provider,
                    location=location or type_location or "",
                    contact_name=customer,
                    contact_email=customer_email or "",
                    created_at=created,
                    updated_at=updated,
                    business_name=name,
                    business_email=email,
                    timezone=zone,
                ),
                now=stamp,
                audience="staff",
            )
            stream.write(event.to_ical())
            count += 1
        stream.write(end)
    return count


GUARDED_NOTE = (
    "Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or\n"
    "a carriage return) has an apostrophe (') put in front of it, so opening these files\n"
    "in a spreadsheet runs nothing a customer typed. For the exact text as stored, export\n"
    "again with --raw."
)
RAW_NOTE = (
    "Text is exactly as stored (exported with --raw): a value that starts with =, +, -\n"
    "or @ may be run as a formula if these files are opened in a spreadsheet. Open them\n"
    "with a program, or export again without --raw for files safe to open in one."
)


def _readme(summary: ExportSummary, *, guarded: bool) -> None:
    lines = [
        "CareOps Desktop — everything the business holds, exported.",
        "",
        "Each <table>.csv is one table (UTF-8, a header row, times in UTC as ISO 8601).",
        "bookings.ics holds every booking as a calendar event.",
        "",
        GUARDED_NOTE if guarded else RAW_NOTE,
        "",
        "Left out on purpose (secrets and binary data):",
    ]
    lines += [f"  {table}: {', '.join(cols)}" for table, cols in sorted(summary.left_out.items())]
    lines += [
        "Secret tokens found inside text (such as manage links in emails) read " + REDACTED + ".",
        "",
        "Rows per file:",
    ]
    lines += [f"  {name}: {count}" for name, count in sorted(summary.files.items())]
    (summary.directory / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

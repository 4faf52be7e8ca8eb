"""One import, from a read file to rows in the database, or a dry run of the same.

The window's wizard and ``careops import`` both call :func:`run_import`. A dry run
does exactly what the import does inside a savepoint and rolls it back, so it
lists every row that would be refused, skipped or merged by the very same checks
(clashes between rows of the file included). A real import is one transaction:
cancelled or failed, nothing of it stays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.imports import batches, booking_rows, contact_rows, layouts
from careops_desktop.core.services.imports.plan import (
    DUPLICATE_CHOICES,
    PROBLEM_CHOICES,
    ImportOptions,
    ImportResult,
)
from careops_desktop.core.services.imports.reading import SourceTable

Progress = Callable[[int, int, str], None]


def _no_progress(done: int, total: int, text: str = "") -> None:
    """Progress goes nowhere (the command line's quiet mode, tests)."""


def check_options(source: SourceTable, options: ImportOptions) -> None:
    """Refuse a mapping that cannot work, in words naming what is missing."""
    if options.kind not in layouts.KINDS:
        raise ValidationError({"kind": _("Choose contacts or bookings.")})
    if len(options.mapping) != len(source.headers):
        raise ValidationError({"mapping": _("Give each column of the file a field (or none).")})
    allowed = layouts.fields_for(options.kind)
    unknown = [f for f in options.mapping if f and f not in allowed]
    if unknown:
        raise ValidationError(
            {
                "mapping": _("“{field}” is not a field of {kind}.").format(
                    field=unknown[0], kind=options.kind
                )
            }
        )
    used = set(options.mapping)
    if not used & {"name", "first_name", "last_name"} and options.kind == "contacts":
        raise ValidationError({"mapping": _("Choose the column that holds the name.")})
    if not used & {"email", "phone"}:
        raise ValidationError(
            {"mapping": _("Choose the column that holds the email or the phone number.")}
        )
    if options.kind == "bookings" and not used & {"start", "date"}:
        raise ValidationError(
            {"mapping": _("Choose the column that holds the start date and time.")}
        )
    if options.duplicates not in DUPLICATE_CHOICES or options.problems not in PROBLEM_CHOICES:
        raise ValidationError({"choices": _("Choose what to do with duplicates and clashes.")})
    for choice in options.choices.values():
        if choice not in DUPLICATE_CHOICES + PROBLEM_CHOICES:
            raise ValidationError(
                {"choices": _("“{choice}” is not a choice.").format(choice=choice)}
            )


def run_import(
    session: Session,
    actor: Actor,
    source: SourceTable,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Import ``source`` as ``options`` say (database worker, one transaction).

    Needs MANAGE_CONTACTS (and MANAGE_BOOKINGS for bookings). Returns every row's
    outcome; ``dry_run`` writes nothing. No message is queued for any customer.
    """
    require(actor, Permission.MANAGE_CONTACTS)
    if options.kind == "bookings":
        require(actor, Permission.MANAGE_BOOKINGS)
    check_options(source, options)
    now = now or datetime.now(UTC)
    report = progress or _no_progress
    layout = layouts.recognise(source.headers)
    layout_title = layout.title if layout is not None else _("Other layout")
    earlier = batches.earlier_batch(session, options.kind, source.digest)
    waiting = events.take_pending(session)  # the caller's own events, kept through a dry run
    for event in waiting:
        events.record(session, event)
    savepoint = session.begin_nested() if dry_run else None
    batch_id = batches.open_batch(
        session, actor, options.kind, source.file_name, source.digest, layout_title, now
    )
    report(0, len(source.rows), _("Checking the rows…"))
    if options.kind == "contacts":
        outcomes, created = contact_rows.import_contacts(session, batch_id, source, options, report)
        future = 0
    else:
        outcomes, created = booking_rows.import_bookings(
            session, batch_id, actor.user_id, source, options, report, now
        )
        future = len(created)
    result = ImportResult(
        options.kind,
        source.file_name,
        layout_title,
        tuple(outcomes),
        None if dry_run else batch_id,
        dry_run,
        earlier,
        future,
    )
    if savepoint is not None:
        savepoint.rollback()
        for event in events.take_pending(session)[: len(waiting)]:  # the dry run's own: dropped
            events.record(session, event)
        return result
    batches.close_batch(session, actor, batch_id, options.kind, source.file_name, result.counts)
    if created and options.kind == "contacts":
        events.record(session, events.ContactChanged(created[-1], "created"))
    elif options.kind == "bookings":
        events.record(session, events.ContactChanged(0, "created"))
    return result

"""``build_demo``: fill an empty database with the demo business and its history.

Runs on the calling thread (CLI, tests, or the database worker) and writes
everything in one transaction when given a ``Database``; given a ``Session``,
the caller owns the transaction. Raising from ``progress`` cancels: with a
``Database`` nothing is kept.
"""

from __future__ import annotations

import random
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.demo import plan as p
from careops_desktop.core.demo.activity import audit_rows, outbox_rows
from careops_desktop.core.demo.catalogue import write_catalogue
from careops_desktop.core.demo.history import booking_rows, build_history
from careops_desktop.core.demo.inbox import write_inbox
from careops_desktop.core.demo.schedule import build_schedule
from careops_desktop.core.demo.stock import movement_rows, stock_history
from careops_desktop.core.demo.submissions import count_submissions, submission_rows
from careops_desktop.core.demo.writer import BulkWriter, ProgressFn
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.models import (
    AuditEntry,
    Booking,
    Business,
    Contact,
    FormSubmission,
    InventoryItem,
    OutboxMessage,
    StockMovement,
    User,
)

BUILD_CACHE_KIB = 64 * 1024  # SQLite page cache while building (allocated only as used)


@dataclass(frozen=True)
class DemoSummary:
    """What ``build_demo`` wrote: rows per table, how full the hours are, how to sign in."""

    size: str
    today: date
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    fill: float = 0.0  # share of providers' opening hours taken by bookings
    owner_email: str = p.OWNER_EMAIL
    owner_password: str = p.OWNER_PASSWORD

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def build_demo(
    database_or_session: Database | Session,
    size: str = "small",
    today: date | None = None,
    progress: ProgressFn | None = None,
) -> DemoSummary:
    """Write the demo business of ``size`` ("small" or "large") into an empty database.

    Dates are relative to ``today`` (the business's local date; default: today),
    and "now" is the real time when ``today`` is not given, else noon of
    ``today``. The same ``size`` and ``today`` give the same data, except
    tokens (manage links, form links, feed secret), which are truly random.
    Raises ``ValidationError`` for an unknown size or a database that already
    has a business or users. ``progress(done, total, label)`` is called after
    every batch.
    """
    if size not in p.PLANS:
        raise ValidationError({"size": f"Choose one of: {', '.join(p.PLANS)}."})
    if isinstance(database_or_session, Database):
        with database_or_session.write_session() as session:
            return _build(session, p.plan_for(size), today, progress)
    return _build(database_or_session, p.plan_for(size), today, progress)


def _refuse_unless_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(Business)):
        raise ValidationError(
            {
                "database": "This database already has a business. Demo data goes into a new, "
                "empty database (for example: careops --db demo.sqlite3 demo)."
            }
        )
    if session.scalar(select(func.count()).select_from(User)):
        raise ValidationError(
            {"database": "This database already has user accounts; demo data needs an empty one."}
        )


def _now_for(today: date | None, zone: ZoneInfo) -> tuple[date, datetime]:
    if today is None:
        now = datetime.now(UTC).replace(microsecond=0)
        return now.astimezone(zone).date(), now
    return today, datetime.combine(today, time(12, 0), tzinfo=zone).astimezone(UTC)


def _build(
    session: Session, plan: p.DemoPlan, today: date | None, progress: ProgressFn | None
) -> DemoSummary:
    started = clock.perf_counter()
    _refuse_unless_empty(session)
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:  # a bigger page cache for this connection keeps the index pages in memory
        previous_cache = session.execute(text("PRAGMA cache_size")).scalar_one()
        session.execute(text(f"PRAGMA cache_size = {-BUILD_CACHE_KIB}"))
    zone = ZoneInfo(p.TIMEZONE)
    today, now = _now_for(today, zone)
    rng = random.Random(plan.seed * 1_000_000 + today.toordinal())
    first_day = today - timedelta(days=plan.history_days)
    last_day = today + timedelta(days=plan.ahead_days)
    writer = BulkWriter(session, progress)
    writer.total = plan.contacts * 2 + plan.messages  # a first guess, refined below
    cat = write_catalogue(writer, plan, rng, first_day, last_day)
    slots, stats = build_schedule(
        cat.providers, cat.types, zone, first_day, last_day, plan.fill, rng
    )
    first_booking = writer.reserve(Booking, len(slots))
    first_contact = writer.reserve(Contact, plan.contacts)
    contacts, bookings = build_history(
        cat, slots, plan.contacts, first_booking, first_contact, now, rng
    )
    owner = cat.desk_users[0]
    movements, items = stock_history(cat, bookings, now, owner[0], rng)
    submissions = count_submissions(cat, bookings)
    writer.total = writer.done + 2 * len(contacts) + plan.messages + len(bookings) + submissions
    writer.total += len(movements) + plan.outbox_recent + 1

    result = write_inbox(writer, cat, contacts, bookings, plan.messages, now, rng)
    writer.insert(Booking, booking_rows(cat, bookings, now, rng), "bookings")
    by_id = {c.id: c for c in contacts}
    first_submission = writer.reserve(FormSubmission, submissions)
    writer.insert(
        FormSubmission,
        submission_rows(cat, bookings, by_id, first_submission, now, rng),
        "form submissions",
    )
    writer.insert(StockMovement, movement_rows(movements), "stock movements")
    for state in items:
        session.execute(
            update(InventoryItem)
            .where(InventoryItem.id == state.item_id)
            .values(
                quantity=state.quantity,
                low_alerted=state.low,
                last_restocked_at=state.last_restocked_at,
            )
        )
    writer.insert(
        OutboxMessage,
        outbox_rows(cat, result.recent, bookings, by_id, plan.outbox_recent, now),
        "outbox",
    )
    since = now - timedelta(days=plan.audit_days)
    writer.insert(AuditEntry, audit_rows(cat, bookings, movements, owner, since, now), "audit log")
    writer.finish()  # on PostgreSQL, the sequences now follow the bulk rows
    # imported here, not at the top: it pulls in the booking and inbox services, and
    # `careops --demo` imports this package on its way to the window (startup benchmark)
    from careops_desktop.core.demo.showcase import write_showcase

    write_showcase(session, cat, contacts, now)
    session.flush()
    for table in writer.counts:  # the showcase went through the services: count again
        writer.counts[table] = int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
    if sqlite:
        session.execute(text(f"PRAGMA cache_size = {int(previous_cache)}"))
    return DemoSummary(
        size=plan.size,
        today=today,
        seconds=round(clock.perf_counter() - started, 2),
        rows=dict(sorted(writer.counts.items())),
        fill=round(stats.fill, 3),
    )

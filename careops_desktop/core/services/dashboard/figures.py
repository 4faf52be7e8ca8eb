"""The dashboard: today's figures, the latest bookings and conversations, and alerts.

One call, :func:`dashboard`, reads everything in one read transaction. Every
figure is a COUNT over an index with a bounded range or an equality, and the
two lists read five rows each from an ordered index, so the dashboard stays
fast on a database with years of history:

- ``today_bookings``: bookings (not cancelled) starting on the business's
  local calendar day, from local midnight to the next local midnight (23 or
  25 hours on daylight-saving days) — ``ix_bookings_start_at``.
- ``upcoming_bookings``: confirmed (or arrived) bookings starting from now —
  ``ix_bookings_status_start_at``.
- ``waiting_now``: today's bookings whose customer is marked arrived (waiting
  or being seen, not yet completed) — ``ix_bookings_status_start_at``.
- ``new_inquiries``: open conversations with unread messages (a customer wrote
  and nobody has read it yet) — ``ix_conversations_is_open_updated_at``.
- ``pending_forms`` / ``overdue_forms`` — ``ix_form_submissions_status_due_at``.
- ``low_stock_count``: active items at or below their threshold.
- ``failed_messages``: outbox rows that gave up — ``ix_outbox_status_next_attempt_at``.
- the ``email_not_read`` alert: reading email is on and every IMAP poll for over an
  hour has failed (``mail_poll_health``); shown with failed messages' permissions.
- ``reminders_due``: booking reminders that are due but were not sent — the
  reminder automation is on, a confirmed booking starts within the reminder
  window, its reminder has been due for :data:`REMINDER_GRACE` (the reminders job
  runs every minute), ``reminder_sent_at`` is unset and no reminder for it is
  waiting in the outbox. Bookings the job would skip on purpose (booked inside the
  window while confirmations are on) are left out. Nonzero means the jobs are not
  running (the app's runtime is stopped) or are stuck —
  ``ix_bookings_status_start_at``.

What a person sees follows their permissions: the inbox figures and
conversations need MANAGE_INBOX, low stock needs an inventory permission,
failed messages and due reminders need MANAGE_INBOX or MANAGE_SETTINGS, contacts marked
"possible duplicate" by the booking page need MANAGE_CONTACTS; hidden figures are
``None`` (not zero) and raise no alert. Bookings and forms are shown to all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select, true
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound
from careops_desktop.core.i18n import _, ngettext
from careops_desktop.core.models import (
    Booking,
    BookingType,
    Contact,
    Conversation,
    FormSubmission,
    Message,
    OutboxMessage,
    Provider,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services.answers.flags import desk_alerts
from careops_desktop.core.services.bookings import session_fill
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.inbox.delivery_failures import failing_addresses
from careops_desktop.core.services.inbox.mail_poll_health import MailPollProblem, mail_poll_problem
from careops_desktop.core.services.inventory.views import READ_PERMISSIONS, low_stock_count
from careops_desktop.core.services.templates import get_automations

RECENT = 5
PREVIEW_MAX = 120
ACTIVE_STATUSES = ("confirmed", "arrived", "completed", "no_show")
# alert kinds, most urgent first (the order alerts are listed in)
REMINDER_GRACE = timedelta(minutes=5)
ALERT_KINDS = (
    "messages_failed",
    "email_not_read",
    "reminders_due",
    "possible_duplicates",
    "forms_overdue",
    "low_stock",
    "forms_pending",
    "no_bookings_today",
)


@dataclass(frozen=True)
class Alert:
    """Something to look at: ``target`` names the tab that deals with it."""

    kind: str
    text: str
    target: str  # bookings | contacts | forms | inventory | outbox | reminders | settings


@dataclass(frozen=True)
class RecentBooking:
    id: int
    contact_name: str
    booking_type_name: str
    provider_name: str
    start_at: datetime  # UTC
    start_local: datetime  # in the business's time zone
    status: str
    source: str
    created_at: datetime


@dataclass(frozen=True)
class RecentConversation:
    id: int
    contact_id: int
    contact_name: str
    preview: str  # the latest message, on one line, at most 120 characters
    unread_count: int
    is_open: bool
    updated_at: datetime


@dataclass(frozen=True)
class DashboardData:
    day: date  # the business's local date for ``now``
    timezone: str
    today_bookings: int
    upcoming_bookings: int
    new_inquiries: int | None
    pending_forms: int
    overdue_forms: int
    low_stock_count: int | None
    failed_messages: int | None
    recent_bookings: tuple[RecentBooking, ...]
    recent_conversations: tuple[RecentConversation, ...]
    alerts: tuple[Alert, ...]
    reminders_due: int | None = None
    possible_duplicates: int | None = None  # contacts the booking page marked (MANAGE_CONTACTS)
    waiting_now: int = 0  # today's customers marked arrived and not yet completed
    # today's class sessions: how many, their attendees (seats not cancelled), their seats
    class_sessions_today: int = 0
    class_attendees_today: int = 0
    class_seats_today: int = 0

    @property
    def class_fill_today(self) -> float | None:
        """Today's class seats filled, 0.0 to 1.0; None without a class today."""
        if not self.class_seats_today:
            return None
        return self.class_attendees_today / self.class_seats_today


def local_day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``day``'s local midnight and the next one, in UTC (23 or 25 hours apart on DST days)."""
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def _count(session: Session, query: Select[int]) -> int:
    return int(session.scalar(query) or 0)


def _preview(text: str | None) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= PREVIEW_MAX else line[: PREVIEW_MAX - 1] + "…"


def _recent_bookings(session: Session, zone: ZoneInfo) -> tuple[RecentBooking, ...]:
    rows = session.execute(
        select(
            Booking.id,
            Contact.name,
            BookingType.name,
            Provider.name,
            Booking.start_at,
            Booking.status,
            Booking.source,
            Booking.created_at,
        )
        .join(Contact, Contact.id == Booking.contact_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .order_by(Booking.created_at.desc(), Booking.id.desc())
        .limit(RECENT)
    ).all()
    return tuple(
        RecentBooking(bid, contact, kind, provider, start, start.astimezone(zone), st, src, made)
        for bid, contact, kind, provider, start, st, src, made in rows
    )


def _recent_conversations(session: Session) -> tuple[RecentConversation, ...]:
    latest = (
        select(Message.content)
        .where(Message.conversation_id == Conversation.id)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(1)
        .correlate(Conversation)
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Conversation.id,
            Conversation.contact_id,
            Contact.name,
            latest,
            Conversation.unread_count,
            Conversation.is_open,
            Conversation.updated_at,
        )
        .join(Contact, Contact.id == Conversation.contact_id)
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(RECENT)
    ).all()
    return tuple(
        RecentConversation(cid, contact_id, name, _preview(text), unread, is_open, updated)
        for cid, contact_id, name, text, unread, is_open, updated in rows
    )


def _alerts(
    data: dict[str, int | None], mail_problem: MailPollProblem | None = None
) -> tuple[Alert, ...]:
    found: dict[str, Alert] = {}
    if mail_problem is not None:
        text = _("Incoming email has not been read for over an hour: {error}").format(
            error=mail_problem.error
        )
        found["email_not_read"] = Alert("email_not_read", text, "settings")
    failed = data["failed_messages"]
    if failed:
        text = ngettext(
            "{count} message could not be sent", "{count} messages could not be sent", failed
        ).format(count=failed)
        found["messages_failed"] = Alert("messages_failed", text, "outbox")
    reminders = data["reminders_due"]
    if reminders:
        text = ngettext(
            "{count} reminder due but not sent", "{count} reminders due but not sent", reminders
        ).format(count=reminders)
        found["reminders_due"] = Alert("reminders_due", text, "reminders")
    duplicates = data.get("possible_duplicates")
    if duplicates:
        text = ngettext(
            "{count} new contact may be a duplicate; check it in Contacts",
            "{count} new contacts may be duplicates; check them in Contacts",
            duplicates,
        ).format(count=duplicates)
        found["possible_duplicates"] = Alert("possible_duplicates", text, "contacts")
    overdue = data["overdue_forms"]
    if overdue:
        found["forms_overdue"] = Alert(
            "forms_overdue",
            ngettext("{count} form overdue", "{count} forms overdue", overdue).format(
                count=overdue
            ),
            "forms",
        )
    low = data["low_stock_count"]
    if low:
        found["low_stock"] = Alert(
            "low_stock",
            ngettext("{count} item low on stock", "{count} items low on stock", low).format(
                count=low
            ),
            "inventory",
        )
    pending = data["pending_forms"]
    if pending:
        found["forms_pending"] = Alert(
            "forms_pending",
            ngettext("{count} form pending", "{count} forms pending", pending).format(
                count=pending
            ),
            "forms",
        )
    if data["today_bookings"] == 0:
        found["no_bookings_today"] = Alert("no_bookings_today", _("No bookings today"), "bookings")
    return tuple(found[kind] for kind in ALERT_KINDS if kind in found)


def reminders_due_count(session: Session, now: datetime) -> int:
    """How many booking reminders are due but unsent at ``now`` (see the module text)."""
    try:
        automations = get_automations(session)
    except NotFound:  # no business yet
        return 0
    if not automations.reminder:
        return 0
    lead = timedelta(hours=automations.reminder_hours)
    queued = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.booking_id == Booking.id,
            OutboxMessage.kind == "reminder",
            OutboxMessage.status.in_(("queued", "sending")),
        )
        .exists()
    )
    rows = session.execute(
        select(Booking.start_at, Booking.created_at).where(
            Booking.status == "confirmed",
            Booking.start_at > now,
            Booking.start_at <= now + lead - REMINDER_GRACE,
            Booking.created_at <= now - REMINDER_GRACE,
            Booking.reminder_sent_at.is_(None),
            ~queued,
        )
    ).all()
    if not automations.confirmation:
        return len(rows)
    # booked inside the window: the job skips these (the confirmation said it all)
    return sum(1 for start, created in rows if created <= start - lead)


BOUNCE_ALERTS_MAX = 3


def bounce_alerts(session: Session) -> tuple[Alert, ...]:
    """One alert per contact whose email address bounces (a summary past a few)."""
    failing = failing_addresses(session, limit=50)
    if len(failing) > BOUNCE_ALERTS_MAX:
        text = _("Email to {count} contacts cannot be delivered").format(count=len(failing))
        return (Alert("email_bouncing", text, "contacts"),)
    return tuple(
        Alert(
            "email_bouncing",
            _("Email to {name} ({address}) cannot be delivered").format(
                name=f.contact_name, address=f.address
            ),
            "contacts",
        )
        for f in failing
    )


@read_only
def dashboard(session: Session, actor: Actor, now: datetime | None = None) -> DashboardData:
    """The dashboard for ``actor`` at ``now`` (UTC); see the module text for each figure."""
    now = now or utcnow()
    zone = business_zone(session)
    day = now.astimezone(zone).date()
    day_start, day_end = local_day_bounds(day, zone)
    sees_inbox = actor.can(Permission.MANAGE_INBOX)
    sees_stock = any(actor.can(p) for p in READ_PERMISSIONS)
    sees_outbox = sees_inbox or actor.can(Permission.MANAGE_SETTINGS)
    count = select(func.count())
    figures: dict[str, int | None] = {
        "today_bookings": _count(
            session,
            count.select_from(Booking).where(
                Booking.start_at >= day_start,
                Booking.start_at < day_end,
                Booking.status.in_(ACTIVE_STATUSES),
            ),
        ),
        "upcoming_bookings": _count(
            session,
            count.select_from(Booking).where(
                Booking.status.in_(("confirmed", "arrived")), Booking.start_at >= now
            ),
        ),
        "waiting_now": _count(
            session,
            count.select_from(Booking).where(
                Booking.status == "arrived",
                Booking.start_at >= day_start,
                Booking.start_at < day_end,
            ),
        ),
        "new_inquiries": _count(
            session,
            count.select_from(Conversation).where(
                Conversation.is_open == true(), Conversation.unread_count > 0
            ),
        )
        if sees_inbox
        else None,
        "pending_forms": _count(
            session, count.select_from(FormSubmission).where(FormSubmission.status == "pending")
        ),
        "overdue_forms": _count(
            session, count.select_from(FormSubmission).where(FormSubmission.status == "overdue")
        ),
        "low_stock_count": low_stock_count(session) if sees_stock else None,
        "failed_messages": _count(
            session, count.select_from(OutboxMessage).where(OutboxMessage.status == "failed")
        )
        if sees_outbox
        else None,
        "reminders_due": reminders_due_count(session, now) if sees_outbox else None,
        "possible_duplicates": _count(
            session, count.select_from(Contact).where(Contact.duplicate_of_id.is_not(None))
        )
        if actor.can(Permission.MANAGE_CONTACTS)
        else None,
    }
    classes = session_fill(session, day_start, day_end)
    return DashboardData(
        day=day,
        timezone=zone.key,
        today_bookings=figures["today_bookings"] or 0,
        upcoming_bookings=figures["upcoming_bookings"] or 0,
        new_inquiries=figures["new_inquiries"],
        pending_forms=figures["pending_forms"] or 0,
        overdue_forms=figures["overdue_forms"] or 0,
        low_stock_count=figures["low_stock_count"],
        failed_messages=figures["failed_messages"],
        recent_bookings=_recent_bookings(session, zone),
        recent_conversations=_recent_conversations(session) if sees_inbox else (),
        alerts=_alerts(figures, mail_poll_problem(session, now) if sees_outbox else None)
        + (bounce_alerts(session) if sees_inbox else ())
        + tuple(Alert(*found) for found in desk_alerts(session, now)),  # customers' answers
        reminders_due=figures["reminders_due"],
        possible_duplicates=figures["possible_duplicates"],
        waiting_now=figures["waiting_now"] or 0,
        class_sessions_today=len(classes),
        class_attendees_today=sum(s.attendees for s in classes),
        class_seats_today=sum(s.capacity for s in classes),
    )

"""The inbox report: new inquiries, how fast staff first replied, what is left open.

An *inquiry* is a customer message that starts a customer's turn: the first
message of a conversation, or one that follows a message that was not the
customer's. Its *first reply* is the next staff message in the conversation;
the time to it is measured in minutes (inquiries still waiting have none).
Median and 90th percentile need the distribution, so the per-inquiry times
come from SQL and the percentiles are taken here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Conversation, Message
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.period import (
    bucket_title,
    buckets,
    unit_for,
    unit_name,
)
from careops_desktop.core.services.reports.sql import (
    as_utc,
    minutes_between,
    percentile,
    plain_rows,
    stored_text,
)

CHANNEL_TITLES = {
    "email": N_("Email"),
    "sms": N_("Text message"),
    "web": N_("Booking page"),
    "system": N_("System"),
}


@read_only
def inbox_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Inquiries received from ``start_date`` to ``end_date`` and how they were answered."""
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    lo, hi = period.start_utc, period.end_utc
    unit = unit_for(period)
    spans = buckets(period, unit)
    m = aliased(Message, name="m")
    earlier = aliased(Message, name="earlier")
    staff = aliased(Message, name="staff")
    previous_sender = (  # referenced once below, so SQLite evaluates it once per message
        select(earlier.sender_type)
        .where(earlier.conversation_id == m.conversation_id, earlier.created_at < m.created_at)
        .order_by(earlier.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    first_reply = (  # the next staff message: an ordered index range that stops at the first
        select(staff.created_at)
        .where(
            staff.conversation_id == m.conversation_id,
            staff.created_at >= m.created_at,
            staff.sender_type == "staff",
        )
        .order_by(staff.created_at)
        .limit(1)
        .scalar_subquery()
    )
    in_period = (_active(lo, hi), m.sender_type.in_(("customer", "staff")))
    senders = session.execute(
        select(m.sender_type, m.sender_name, func.count())
        .select_from(Conversation)
        .join(m, _messages_in(m, lo, hi))
        .where(*in_period)
        .group_by(m.sender_type, m.sender_name)
    ).all()
    received = sum(int(n) for kind, _, n in senders if kind == "customer")
    replies = sorted(
        ((name or _("(unnamed)"), int(n)) for kind, name, n in senders if kind == "staff"),
        key=lambda item: (-item[1], item[0]),
    )
    inquiry = (
        select(
            m.channel.label("channel"),
            type_coerce(m.created_at, String).label("created_at"),  # parsed here, once
            previous_sender.label("previous"),
            minutes_between(session, m.created_at, first_reply).label("minutes"),
        )
        .select_from(Conversation)
        .join(m, _messages_in(m, lo, hi))
        .where(_active(lo, hi), m.sender_type == "customer")
        .subquery("inquiry")
    )
    rows = plain_rows(
        session,
        select(inquiry.c.channel, inquiry.c.created_at, inquiry.c.minutes).where(
            func.coalesce(inquiry.c.previous, "") != "customer"
        ),
    )
    # local-day buckets from their UTC bounds: right across a DST change. SQLite hands over
    # the stored text, which sorts as the times do: compared as text, never parsed.
    starts: list[Any] = [b.lo for b in spans]
    as_stored = bool(rows) and isinstance(rows[0][1], str)
    if as_stored:
        starts = [stored_text(moment) for moment in starts]
    per_bucket: Counter[int] = Counter()
    per_channel: dict[str, list[float | None]] = defaultdict(list)
    for channel, created_at, minutes in rows:
        moment = created_at if as_stored else _utc(created_at)
        per_bucket[bisect_right(starts, moment) - 1] += 1
        per_channel[channel].append(None if minutes is None else max(0.0, float(minutes)))
    inquiries = sum(per_bucket.values())
    # sorted once here: percentile() sorts again, which takes no time on a sorted list
    replied = {ch: sorted(t for t in times if t is not None) for ch, times in per_channel.items()}
    answered = sorted(t for times in replied.values() for t in times)
    new_conversations, left_open = _conversations(session, lo, hi)
    figures = [
        KeyFigure("inquiries", _("New inquiries"), inquiries),
        KeyFigure("messages_received", _("Messages received"), received),
        KeyFigure("answered", _("Inquiries answered"), len(answered)),
        KeyFigure("unanswered", _("Still waiting for a reply"), inquiries - len(answered)),
        KeyFigure(
            "median_reply_minutes",
            _("Median time to first reply"),
            percentile(answered, 0.5),
            "minutes",
        ),
        KeyFigure(
            "p90_reply_minutes",
            _("90th percentile time to first reply"),
            percentile(answered, 0.9),
            "minutes",
        ),
        KeyFigure("new_conversations", _("New conversations"), new_conversations),
        KeyFigure("left_open", _("Conversations left open"), left_open),
    ]
    by_channel = Section(
        "by_channel",
        _("By channel"),
        (
            Column("channel", _("Channel")),
            Column("inquiries", _("Inquiries"), "int"),
            Column("answered", _("Answered"), "int"),
            Column("median_minutes", _("Median minutes to reply"), "minutes"),
            Column("p90_minutes", _("90th percentile minutes"), "minutes"),
        ),
        tuple(
            (
                _(CHANNEL_TITLES[channel]) if channel in CHANNEL_TITLES else channel,
                len(times),
                len(replied[channel]),
                percentile(replied[channel], 0.5),
                percentile(replied[channel], 0.9),
            )
            for channel, times in sorted(per_channel.items(), key=lambda kv: -len(kv[1]))
        ),
    )
    by_bucket = Section(
        "by_period",
        _("Inquiries by {unit}").format(unit=unit_name(unit)),
        (Column("period", bucket_title(unit), "date"), Column("inquiries", _("Inquiries"), "int")),
        tuple((b.label, per_bucket.get(n, 0)) for n, b in enumerate(spans)),
        Chart("period", ("inquiries",), _("Inquiries by {unit}").format(unit=unit_name(unit))),
    )
    by_staff = Section(
        "by_staff",
        _("Replies by staff member"),
        (Column("staff", _("Staff member")), Column("replies", _("Replies"), "int")),
        tuple(replies),
    )
    notes = (
        _("An inquiry starts a customer's turn; its reply time runs to the next staff message."),
    )
    return ctx.report("inbox", _("Inbox"), figures, [by_bucket, by_channel, by_staff], notes)


def _utc(value: datetime | str) -> datetime:
    """A stored time (SQLite: text) as an aware UTC datetime."""
    return as_utc(datetime.fromisoformat(value) if isinstance(value, str) else value)


def _active(lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """Conversations that can hold messages in [lo, hi) (``updated_at`` is the last message)."""
    return and_(Conversation.updated_at >= lo, Conversation.created_at < hi)


def _messages_in(m: type[Message], lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """A conversation's messages in [lo, hi): a range of the (conversation_id, created_at) index."""
    return and_(m.conversation_id == Conversation.id, m.created_at >= lo, m.created_at < hi)


def _conversations(session: Session, lo: datetime, hi: datetime) -> tuple[int, int]:
    """Conversations begun in the period, and those with activity in it still open now."""
    new = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(Conversation.created_at >= lo, Conversation.created_at < hi)
    )
    left_open = session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(
            Conversation.is_open.is_(True),
            Conversation.updated_at >= lo,
            Conversation.updated_at < hi,
        )
    )
    return int(new or 0), int(left_open or 0)

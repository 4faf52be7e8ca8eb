"""Reminder rules, what was sent for them, and numbers that replied STOP (issue 19)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow

REMINDER_CHANNELS = ("email", "sms")
STANDARD_RULE = 0  # ``ReminderSend.rule_key`` of the standard reminder (a type without rules)


class ReminderRule(Base):
    """One reminder of a booking type: a channel and a time before the visit."""

    __tablename__ = "reminder_rules"
    __table_args__ = (
        CheckConstraint("channel IN ('email', 'sms')", name="channel"),
        CheckConstraint("hours_before > 0", name="hours"),
        UniqueConstraint("booking_type_id", "channel", "hours_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(SafeString(8))
    hours_before: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TypeAutomation(Base):
    """A booking type's own automation settings; no row: the standard ones.

    ``own_reminders``: its reminders are its ``ReminderRule`` rows (possibly none);
    otherwise it has the standard reminder (Automations → hours, the customer's usual
    channel). ``rebook_after_days``: when "Book your next visit" goes after a completed visit.
    """

    __tablename__ = "type_automations"

    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="CASCADE"), primary_key=True
    )
    own_reminders: Mapped[bool] = mapped_column(Boolean, default=False)
    rebook_after_days: Mapped[int] = mapped_column(Integer, default=28)


class ReminderSend(Base):
    """One reminder of one booking, sent or skipped: the unique key makes it exactly once.

    ``rule_key`` is the rule's id (``STANDARD_RULE`` for the standard reminder); not a
    foreign key, so removing a rule keeps the record of what was sent.
    """

    __tablename__ = "reminder_sends"
    __table_args__ = (
        UniqueConstraint("booking_id", "rule_key"),
        Index("ix_reminder_sends_recipient_sent_at", "recipient", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    rule_key: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(SafeString(8), default="")
    recipient: Mapped[str] = mapped_column(SafeString(320), default="")
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    skipped_reason: Mapped[str] = mapped_column(SafeText, default="")
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)


class SmsOptOut(Base):
    """A phone number that replied STOP: no text goes to it but the STOP confirmation."""

    __tablename__ = "sms_opt_outs"

    phone: Mapped[str] = mapped_column(SafeString(20), primary_key=True)
    stopped_at: Mapped[datetime] = mapped_column(default=utcnow)

"""customers answer back: several reminders per booking type, replies, follow-ups, STOP

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-07

- reminder_rules: a booking type's reminders, each a channel and hours before the visit.
- type_automations: whether a type has its own reminder list, and its "book your next
  visit" delay in days.
- reminder_sends: one row per (booking, rule) sent or skipped; the unique key makes each
  reminder go exactly once, across restarts, crashes and several processes.
- sms_opt_outs: numbers that replied STOP.
- bookings.customer_confirmed_at, bookings.followup_sent_at, contacts.no_marketing.
- The present single reminder (Automations → hours) becomes one rule per existing type;
  bookings already reminded keep that as their standard reminder's record.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

UTC_TIME = careops_desktop.core.models.base.UTCDateTime(timezone=True)


def _reminder_hours(bind: sa.Connection) -> int:
    stored = bind.execute(sa.text("SELECT automations FROM business ORDER BY id LIMIT 1")).scalar()
    if isinstance(stored, str):
        try:
            stored = json.loads(stored)
        except ValueError:
            stored = {}
    hours = stored.get("reminder_hours") if isinstance(stored, dict) else None
    if isinstance(hours, int) and not isinstance(hours, bool) and 1 <= hours <= 168:
        return hours
    return 24


def upgrade() -> None:
    rules = op.create_table(
        "reminder_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_type_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("hours_before", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.CheckConstraint("channel IN ('email', 'sms')", name=op.f("ck_reminder_rules_channel")),
        sa.CheckConstraint("hours_before > 0", name=op.f("ck_reminder_rules_hours")),
        sa.ForeignKeyConstraint(
            ["booking_type_id"],
            ["booking_types.id"],
            name=op.f("fk_reminder_rules_booking_type_id_booking_types"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_rules")),
        sa.UniqueConstraint(
            "booking_type_id",
            "channel",
            "hours_before",
            name=op.f("uq_reminder_rules_booking_type_id_channel_hours_before"),
        ),
    )
    op.create_index(
        op.f("ix_reminder_rules_booking_type_id"), "reminder_rules", ["booking_type_id"]
    )
    type_settings = op.create_table(
        "type_automations",
        sa.Column("booking_type_id", sa.Integer(), nullable=False),
        sa.Column("own_reminders", sa.Boolean(), nullable=False),
        sa.Column("rebook_after_days", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_type_id"],
            ["booking_types.id"],
            name=op.f("fk_type_automations_booking_type_id_booking_types"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("booking_type_id", name=op.f("pk_type_automations")),
    )
    sends = op.create_table(
        "reminder_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("rule_key", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("skipped_reason", sa.Text(), nullable=False),
        sa.Column("sent_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_reminder_sends_booking_id_bookings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sends")),
        sa.UniqueConstraint(
            "booking_id", "rule_key", name=op.f("uq_reminder_sends_booking_id_rule_key")
        ),
    )
    op.create_index(
        "ix_reminder_sends_recipient_sent_at", "reminder_sends", ["recipient", "sent_at"]
    )
    op.create_table(
        "sms_opt_outs",
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("stopped_at", UTC_TIME, nullable=False),
        sa.PrimaryKeyConstraint("phone", name=op.f("pk_sms_opt_outs")),
    )
    # plain ADD COLUMN (no table rebuild): other tables point at bookings and contacts
    op.add_column("bookings", sa.Column("customer_confirmed_at", UTC_TIME, nullable=True))
    op.add_column("bookings", sa.Column("followup_sent_at", UTC_TIME, nullable=True))
    op.add_column(
        "contacts",
        sa.Column("no_marketing", sa.Boolean(), nullable=False, server_default=sa.false()),
    )

    bind = op.get_bind()
    hours = _reminder_hours(bind)
    now = sa.literal(datetime.now(UTC), type_=UTC_TIME)
    type_ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM booking_types"))]
    if type_ids:
        op.bulk_insert(
            type_settings,
            [
                {"booking_type_id": i, "own_reminders": True, "rebook_after_days": 28}
                for i in type_ids
            ],
        )
        bind.execute(
            sa.insert(rules).from_select(
                ["booking_type_id", "channel", "hours_before", "created_at"],
                sa.select(sa.text("id"), sa.literal("email"), sa.literal(hours), now).select_from(
                    sa.text("booking_types")
                ),
            )
        )
        # bookings reminded already: their one reminder (now the type's rule) is not sent again
        bind.execute(
            sa.insert(sends).from_select(
                ["booking_id", "rule_key", "channel", "recipient", "skipped_reason", "sent_at"],
                sa.select(
                    sa.text("bookings.id"),
                    sa.text("reminder_rules.id"),
                    sa.literal(""),
                    sa.literal(""),
                    sa.literal(""),
                    sa.text("bookings.reminder_sent_at"),
                )
                .select_from(
                    sa.text(
                        "bookings JOIN reminder_rules "
                        "ON reminder_rules.booking_type_id = bookings.booking_type_id"
                    )
                )
                .where(sa.text("bookings.reminder_sent_at IS NOT NULL")),
            )
        )


def downgrade() -> None:
    op.drop_column("contacts", "no_marketing")
    op.drop_column("bookings", "followup_sent_at")
    op.drop_column("bookings", "customer_confirmed_at")
    op.drop_table("sms_opt_outs")
    op.drop_index("ix_reminder_sends_recipient_sent_at", table_name="reminder_sends")
    op.drop_table("reminder_sends")
    op.drop_table("type_automations")
    op.drop_index(op.f("ix_reminder_rules_booking_type_id"), table_name="reminder_rules")
    op.drop_table("reminder_rules")

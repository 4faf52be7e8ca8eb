"""waitlist: customers waiting for a freed time, and the times offered to them

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-07

- waitlist_entries: who waits (name, email, phone as typed), for which booking type and
  provider (or anyone), on which dates, since when, and whether still waiting.
- waitlist_offers: one freed time offered to one entry, with its claim token, when the
  message goes, when the offer ends, and what became of it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

UTC_TIME = careops_desktop.core.models.base.UTCDateTime(timezone=True)
SafeString = careops_desktop.core.models.base.SafeString
SafeText = careops_desktop.core.models.base.SafeText


def upgrade() -> None:
    op.create_table(
        "waitlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_type_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("name", SafeString(length=200), nullable=False),
        sa.Column("email", SafeString(length=320), nullable=True),
        sa.Column("phone", SafeString(length=40), nullable=True),
        sa.Column("dates", sa.JSON(), nullable=False),
        sa.Column("note", SafeText(), nullable=False),
        sa.Column("source", SafeString(length=8), nullable=False),
        sa.Column("status", SafeString(length=16), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("joined_at", UTC_TIME, nullable=False),
        sa.Column("closed_at", UTC_TIME, nullable=True),
        sa.CheckConstraint(
            "status IN ('waiting', 'booked', 'removed')", name=op.f("ck_waitlist_entries_status")
        ),
        sa.CheckConstraint("source IN ('desk', 'web')", name=op.f("ck_waitlist_entries_source")),
        sa.ForeignKeyConstraint(
            ["booking_type_id"],
            ["booking_types.id"],
            name=op.f("fk_waitlist_entries_booking_type_id_booking_types"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_waitlist_entries_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_waitlist_entries_booking_id_bookings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist_entries")),
    )
    op.create_index(
        op.f("ix_waitlist_entries_booking_type_id"), "waitlist_entries", ["booking_type_id"]
    )
    op.create_index(
        "ix_waitlist_entries_status_joined_at", "waitlist_entries", ["status", "joined_at"]
    )
    op.create_table(
        "waitlist_offers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("start_at", UTC_TIME, nullable=False),
        sa.Column("token", SafeString(length=64), nullable=False),
        sa.Column("status", SafeString(length=16), nullable=False),
        sa.Column("sends_at", UTC_TIME, nullable=False),
        sa.Column("expires_at", UTC_TIME, nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
        sa.Column("freed_by", SafeString(length=40), nullable=True),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("closed_at", UTC_TIME, nullable=True),
        sa.CheckConstraint(
            "status IN ('offered', 'claimed', 'expired', 'withdrawn', 'taken')",
            name=op.f("ck_waitlist_offers_status"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["waitlist_entries.id"],
            name=op.f("fk_waitlist_offers_entry_id_waitlist_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_waitlist_offers_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_waitlist_offers_booking_id_bookings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waitlist_offers")),
        sa.UniqueConstraint("token", name=op.f("uq_waitlist_offers_token")),
    )
    op.create_index(op.f("ix_waitlist_offers_entry_id"), "waitlist_offers", ["entry_id"])
    op.create_index(
        "ix_waitlist_offers_status_expires_at", "waitlist_offers", ["status", "expires_at"]
    )
    op.create_index(
        "ix_waitlist_offers_provider_id_start_at", "waitlist_offers", ["provider_id", "start_at"]
    )


def downgrade() -> None:
    op.drop_table("waitlist_offers")
    op.drop_table("waitlist_entries")

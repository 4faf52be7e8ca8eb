"""blocked time: partial-day closures (lunch, a meeting), optionally weekly

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

- time_blocks: local wall-clock stretches of a day for one provider (or the whole
  business), with a reason and an optional weekly repeat up to a last day;
  removed_at keeps a removed block for undo.
- time_block_skips: weeks of a repeating block that were removed on their own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "time_blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column(
            "reason", careops_desktop.core.models.base.SafeString(length=200), nullable=False
        ),
        sa.Column("repeats_weekly", sa.Boolean(), nullable=False),
        sa.Column("repeat_until", sa.Date(), nullable=True),
        sa.Column(
            "removed_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.CheckConstraint("minutes BETWEEN 1 AND 1440", name=op.f("ck_time_blocks_minutes")),
        sa.CheckConstraint(
            "repeat_until IS NULL OR repeat_until >= day",
            name=op.f("ck_time_blocks_repeat_range"),
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_time_blocks_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_blocks")),
    )
    op.create_index(
        "ix_time_blocks_provider_id_day", "time_blocks", ["provider_id", "day"], unique=False
    )
    op.create_table(
        "time_block_skips",
        sa.Column("block_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["time_blocks.id"],
            name=op.f("fk_time_block_skips_block_id_time_blocks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("block_id", "day", name=op.f("pk_time_block_skips")),
    )


def downgrade() -> None:
    op.drop_table("time_block_skips")
    op.drop_index("ix_time_blocks_provider_id_day", table_name="time_blocks")
    op.drop_table("time_blocks")

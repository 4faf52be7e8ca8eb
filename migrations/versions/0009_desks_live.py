"""several desks live: the change feed, desk presence, and a version on bookings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

- change_feed: one row per committed transaction with events (area, kind, ids; never
  customer text), read by the other processes on a SQLite file; PostgreSQL uses NOTIFY.
- desk_presence: a heartbeat per process on a SQLite file ("2 other desks connected").
- bookings.version: +1 on every update; an edit made with an older version is refused
  instead of overwriting what another desk saved meanwhile.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column(
            "at", careops_desktop.core.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_feed")),
    )
    op.create_table(
        "desk_presence",
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("seen_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_desk_presence")),
    )
    # plain ADD COLUMN (no table rebuild): other tables point at bookings
    op.add_column(
        "bookings", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )


def downgrade() -> None:
    op.drop_column("bookings", "version")
    op.drop_table("desk_presence")
    op.drop_table("change_feed")

"""recurring series: booking_series, bookings.series_id, booking_types.forms_per

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-07

- booking_series: the repeat rule a desk chose (every N weeks on weekdays, a
  count or a last day), in fields and in words, with who made it and when.
- bookings.series_id: the series a booking is a visit of (null: on its own),
  indexed with start_at for "this and the following".
- booking_types.forms_per: in a series, forms go with every visit ("visit",
  the default and what a single booking does) or the first visit only ("series").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column(
            "weekdays", careops_desktop.core.models.base.SafeString(length=7), nullable=False
        ),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("local_time", sa.Time(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column(
            "rule_text", careops_desktop.core.models.base.SafeString(length=300), nullable=False
        ),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.CheckConstraint(
            "every_weeks BETWEEN 1 AND 52", name=op.f("ck_booking_series_every_weeks")
        ),
        sa.CheckConstraint(
            "count IS NULL OR count BETWEEN 1 AND 200", name=op.f("ck_booking_series_count")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_booking_series_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_series")),
    )
    # plain ADD COLUMN, no foreign key: on SQLite a key means rebuilding ``bookings``
    # (DROP TABLE), which would cascade into or be refused by every row that points at
    # a booking (outbox, forms, stock). Series rows are never deleted.
    op.add_column("bookings", sa.Column("series_id", sa.Integer(), nullable=True))
    op.create_index("ix_bookings_series_id_start_at", "bookings", ["series_id", "start_at"])
    op.add_column(
        "booking_types",
        sa.Column(
            "forms_per",
            careops_desktop.core.models.base.SafeString(length=8),
            nullable=False,
            server_default="visit",
        ),
    )


def downgrade() -> None:
    op.drop_column("booking_types", "forms_per")
    op.drop_index("ix_bookings_series_id_start_at", table_name="bookings")
    op.drop_column("bookings", "series_id")
    op.drop_table("booking_series")

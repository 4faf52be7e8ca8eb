"""bounces: outbox rows can be 'bounced'; address_failures lists addresses mail cannot reach

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

A bounce (delivery status notification) marks the outgoing message it reports
as bounced and records the failing address with the server's reason, so the
contact, the conversation and the dashboard can say so.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD_STATUSES = "status IN ('queued', 'sending', 'sent', 'failed')"
NEW_STATUSES = "status IN ('queued', 'sending', 'sent', 'failed', 'bounced')"


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_outbox_status"), NEW_STATUSES)
    op.create_table(
        "address_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=True),
        sa.Column(
            "failed_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["outbox_id"],
            ["outbox.id"],
            name=op.f("fk_address_failures_outbox_id_outbox"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address_failures")),
        sa.UniqueConstraint("address", name=op.f("uq_address_failures_address")),
    )


def downgrade() -> None:
    op.drop_table("address_failures")
    op.execute("UPDATE outbox SET status = 'failed' WHERE status = 'bounced'")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_outbox_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_outbox_status"), OLD_STATUSES)

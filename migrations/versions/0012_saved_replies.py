"""saved replies: the inbox's shared answers with template placeholders

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-07

- saved_replies: title, body (placeholders as in the message templates), who wrote it,
  when; shared by the business and managed in Settings → Saved replies.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0012"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            careops_desktop.core.models.base.UTCDateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_saved_replies_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_replies")),
    )
    op.create_index("ix_saved_replies_title", "saved_replies", ["title"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_saved_replies_title", table_name="saved_replies")
    op.drop_table("saved_replies")

"""imports: one batch per imported file, and the rows each batch wrote

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-07

- import_batches: the file's digest (re-importing it adds nothing), who, when, what it
  added, and whether it was undone.
- import_rows: each contact or booking a batch created (or merged into, with the values
  it had before), keyed by the source row's digest.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

UTC_TIME = careops_desktop.core.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("layout", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.Column("undone_at", UTC_TIME, nullable=True),
        sa.Column("confirmations_sent_at", UTC_TIME, nullable=True),
        sa.CheckConstraint("kind IN ('contacts', 'bookings')", name=op.f("ck_import_batches_kind")),
        sa.CheckConstraint("status IN ('done', 'undone')", name=op.f("ck_import_batches_status")),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_import_batches_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_index("ix_import_batches_file_digest", "import_batches", ["file_digest"])
    op.create_table(
        "import_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=8), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("source_key", sa.String(length=64), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.CheckConstraint("entity IN ('contact', 'booking')", name=op.f("ck_import_rows_entity")),
        sa.CheckConstraint("action IN ('created', 'merged')", name=op.f("ck_import_rows_action")),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_rows_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_rows")),
    )
    op.create_index("ix_import_rows_batch_id", "import_rows", ["batch_id"])
    op.create_index("ix_import_rows_source_key", "import_rows", ["source_key"])
    op.create_index("ix_import_rows_entity_entity_id", "import_rows", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_import_rows_entity_entity_id", table_name="import_rows")
    op.drop_index("ix_import_rows_source_key", table_name="import_rows")
    op.drop_index("ix_import_rows_batch_id", table_name="import_rows")
    op.drop_table("import_rows")
    op.drop_index("ix_import_batches_file_digest", table_name="import_batches")
    op.drop_table("import_batches")

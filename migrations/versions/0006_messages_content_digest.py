"""messages.content_digest: an incoming email without a Message-ID delivered twice is
stored once

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-07

The digest (SHA-256 of sender, Date header, subject and text) is set only on incoming
email without a Message-ID; the inbox skips a second copy with the same digest within
a day. Indexed: the check runs for every such message the IMAP poll records.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_digest", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_messages_content_digest", ["content_digest"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_content_digest")
        batch_op.drop_column("content_digest")

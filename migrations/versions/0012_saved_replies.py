"""saved replies: the inbox's shared answers with template placeholders

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-07

- saved_replies: title, body (placeholders as in the message templates), who wrote it,
  when; shared by the business and managed in Settings → Saved replies.
- messages_text (SQLite only): a trigram full-text index over messages' text,
  kept by triggers, so "Search everywhere" finds a word in half a million messages at
  once (``core/services/inbox/quick_search.py``). Where SQLite lacks FTS5 trigrams (before
  3.34) it is not made and the search reads the newest messages instead; PostgreSQL
  always does that.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import careops_desktop.core.models.base

revision = "0012"
down_revision = "0011"
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
    if op.get_bind().dialect.name == "sqlite":
        _create_messages_text()


MESSAGES_TEXT = (
    "CREATE VIRTUAL TABLE messages_text USING fts5(content, content='messages', "
    "content_rowid='id', tokenize='trigram', detail='none', columnsize=0)",
    "INSERT INTO messages_text(messages_text) VALUES ('rebuild')",
    "CREATE TRIGGER messages_text_insert AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_text(rowid, content) VALUES (new.id, new.content); END",
    "CREATE TRIGGER messages_text_delete AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_text(messages_text, rowid, content) "
    "VALUES ('delete', old.id, old.content); END",
    "CREATE TRIGGER messages_text_update AFTER UPDATE OF content ON messages BEGIN "
    "INSERT INTO messages_text(messages_text, rowid, content) "
    "VALUES ('delete', old.id, old.content); "
    "INSERT INTO messages_text(rowid, content) VALUES (new.id, new.content); END",
)


def _create_messages_text() -> None:
    bind = op.get_bind()
    try:  # FTS5 with the trigram tokenizer: SQLite 3.34 and later
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE temp.trigram_check USING fts5(x, tokenize='trigram')"
        )
        bind.exec_driver_sql("DROP TABLE temp.trigram_check")
    except sa.exc.OperationalError:
        return
    for statement in MESSAGES_TEXT:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("messages_text_insert", "messages_text_delete", "messages_text_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS messages_text")
    op.drop_index("ix_saved_replies_title", table_name="saved_replies")
    op.drop_table("saved_replies")

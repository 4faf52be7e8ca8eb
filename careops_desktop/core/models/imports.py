"""Imports: one batch per file brought in from another tool, and the rows it wrote."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, utcnow


class ImportBatch(Base):
    """One import of one file: what it was, who ran it, what it added; undone as a whole."""

    __tablename__ = "import_batches"
    __table_args__ = (
        CheckConstraint("kind IN ('contacts', 'bookings')", name="kind"),
        CheckConstraint("status IN ('done', 'undone')", name="status"),
        Index("ix_import_batches_file_digest", "file_digest"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(SafeString(16))
    file_name: Mapped[str] = mapped_column(SafeString(255), default="")
    file_digest: Mapped[str] = mapped_column(String(64))  # sha256 of the file's bytes
    layout: Mapped[str] = mapped_column(SafeString(64), default="")
    status: Mapped[str] = mapped_column(SafeString(8), default="done")
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]
    confirmations_sent_at: Mapped[datetime | None]


class ImportRow(Base):
    """A contact or booking an import created (or a contact it merged into, with the
    values it had before); ``source_key`` is the row's digest, so a row is added once."""

    __tablename__ = "import_rows"
    __table_args__ = (
        CheckConstraint("entity IN ('contact', 'booking')", name="entity"),
        CheckConstraint("action IN ('created', 'merged')", name="action"),
        Index("ix_import_rows_batch_id", "batch_id"),
        Index("ix_import_rows_source_key", "source_key"),
        Index("ix_import_rows_entity_entity_id", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    entity: Mapped[str] = mapped_column(SafeString(8))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(SafeString(8), default="created")
    source_key: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(default=None)

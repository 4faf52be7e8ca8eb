"""Intake forms and their submissions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow

FIELD_TYPES = ("text", "textarea", "email", "phone", "date", "number", "select", "checkbox")


class Form(Base):
    """A form definition; ``fields`` is a list of {key, label, type, required, options}."""

    __tablename__ = "forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    description: Mapped[str] = mapped_column(SafeText, default="")
    fields: Mapped[list[Any]] = mapped_column(default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class FormSubmission(Base):
    """One customer's copy of a form: pending until submitted by its token."""

    __tablename__ = "form_submissions"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'completed', 'overdue')", name="status"),
        Index("ix_form_submissions_status_due_at", "status", "due_at"),
        Index("ix_form_submissions_booking_id", "booking_id"),
        Index("ix_form_submissions_contact_id", "contact_id"),
        Index("ix_form_submissions_form_id_created_at", "form_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(ForeignKey("forms.id", ondelete="RESTRICT"))
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    token: Mapped[str] = mapped_column(SafeString(64), unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(SafeString(16), default="pending")
    due_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(SafeText, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

"""The business, its people and what it offers: providers, hours, closures, booking types."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Table,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class Business(Base):
    """The one business this database belongs to (the web design's workspace)."""

    __tablename__ = "business"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    address: Mapped[str] = mapped_column(SafeText, default="")
    timezone: Mapped[str] = mapped_column(SafeString(64), default="UTC")
    contact_email: Mapped[str] = mapped_column(SafeString(320), default="")
    phone: Mapped[str] = mapped_column(SafeString(32), default="")
    currency: Mapped[str] = mapped_column(SafeString(3), default="GBP")
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    activated_at: Mapped[datetime | None]
    # booking policy
    min_notice_minutes: Mapped[int] = mapped_column(Integer, default=120)
    booking_horizon_days: Mapped[int] = mapped_column(Integer, default=60)
    cancellation_cutoff_hours: Mapped[int] = mapped_column(Integer, default=24)
    slot_step_minutes: Mapped[int] = mapped_column(Integer, default=15)
    form_due_hours_before: Mapped[int] = mapped_column(Integer, default=24)
    # public booking page
    page_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    page_bind_address: Mapped[str] = mapped_column(SafeString(64), default="0.0.0.0")
    page_port: Mapped[int] = mapped_column(Integer, default=8765)
    public_url: Mapped[str] = mapped_column(
        SafeString(200), default=""
    )  # blank: detected LAN address
    calendar_feed_secret: Mapped[str] = mapped_column(SafeString(64), default="")
    # automations and templates: {"reminder_hours": 24, "welcome": {"enabled": true, ...}}
    automations: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # how dates, times, numbers and money are written (a CLDR locale such as ``de_DE``);
    # None: the main language of the time zone's country (migration 0018)
    locale: Mapped[str | None] = mapped_column(SafeString(35))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class User(Base):
    """A person who signs in; ``email`` is stored lower-cased, so unique case-insensitively."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(SafeString(320), unique=True)
    password_hash: Mapped[str] = mapped_column(SafeString(255))
    full_name: Mapped[str] = mapped_column(SafeString(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[Staff | None] = relationship(back_populates="user", uselist=False)


class Staff(Base):
    """A user's role and permission flags in the business."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint("role IN ('owner', 'manager', 'staff')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    role: Mapped[str] = mapped_column(SafeString(16), default="staff")
    can_manage_inbox: Mapped[bool] = mapped_column(Boolean, default=False)
    can_manage_bookings: Mapped[bool] = mapped_column(Boolean, default=False)
    can_view_inventory: Mapped[bool] = mapped_column(Boolean, default=False)
    can_manage_settings: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(back_populates="staff")


booking_type_providers = Table(
    "booking_type_providers",
    Base.metadata,
    Column("booking_type_id", ForeignKey("booking_types.id", ondelete="CASCADE"), primary_key=True),
    Column("provider_id", ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_booking_type_providers_provider_id", "provider_id"),
)

booking_type_forms = Table(
    "booking_type_forms",
    Base.metadata,
    Column("booking_type_id", ForeignKey("booking_types.id", ondelete="CASCADE"), primary_key=True),
    Column("form_id", ForeignKey("forms.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_booking_type_forms_form_id", "form_id"),
)


class Provider(Base):
    """Who or what a booking is with: a practitioner (staff) or a resource (a room, a chair)."""

    __tablename__ = "providers"
    __table_args__ = (CheckConstraint("kind IN ('practitioner', 'resource')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    kind: Mapped[str] = mapped_column(SafeString(16), default="practitioner")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    color: Mapped[str] = mapped_column(SafeString(9), default="#3b82f6")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    hours: Mapped[list[Availability]] = relationship(
        back_populates="provider", cascade="all, delete-orphan", order_by="Availability.weekday"
    )


class Availability(Base):
    """One range of a provider's weekly opening hours (several ranges a day allowed)."""

    __tablename__ = "availability"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("start_time < end_time", name="range"),
        Index("ix_availability_provider_id_weekday", "provider_id", "weekday"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)

    provider: Mapped[Provider] = relationship(back_populates="hours")


class Closure(Base):
    """Dates the whole business (``provider_id`` null) or one provider is closed, inclusive."""

    __tablename__ = "closures"
    __table_args__ = (
        CheckConstraint("start_date <= end_date", name="range"),
        Index("ix_closures_provider_id_start_date", "provider_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(SafeString(200), default="")


class BookingType(Base):
    """A kind of appointment customers can book."""

    __tablename__ = "booking_types"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration"),
        CheckConstraint("buffer_before_minutes >= 0 AND buffer_after_minutes >= 0", name="buffers"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    slug: Mapped[str] = mapped_column(SafeString(80), unique=True)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(SafeString(200), default="")
    description: Mapped[str] = mapped_column(SafeText, default="")
    buffer_before_minutes: Mapped[int] = mapped_column(Integer, default=0)
    buffer_after_minutes: Mapped[int] = mapped_column(Integer, default=0)
    price_minor: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # in a recurring series, forms go with the first visit only ("series") or every visit
    # ("visit"); migration 0015
    forms_per: Mapped[str] = mapped_column(SafeString(8), default="visit", server_default="visit")
    # seats per session: 1 is a one-to-one appointment, more makes it a class (migration 0016)
    capacity: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    providers: Mapped[list[Provider]] = relationship(secondary=booking_type_providers)
    stock_usage: Mapped[list[BookingTypeStock]] = relationship(
        back_populates="booking_type", cascade="all, delete-orphan"
    )


class BookingTypeStock(Base):
    """How much of an inventory item one booking of a type uses."""

    __tablename__ = "booking_type_stock"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity"),)

    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("inventory_items.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    quantity: Mapped[int] = mapped_column(Integer, default=1)

    booking_type: Mapped[BookingType] = relationship(back_populates="stock_usage")

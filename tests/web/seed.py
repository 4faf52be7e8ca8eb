"""A small, real, active business for the booking-page tests, set up through the core services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import business, providers
from careops_desktop.core.services.bookings import booking_types

SETUP = Actor.system("Test setup")
ZONE = "Europe/London"


@dataclass(frozen=True)
class Shop:
    """Ids and slugs of what :func:`open_shop` made."""

    checkup_id: int
    checkup_slug: str
    long_id: int
    long_slug: str
    grace_id: int
    room_id: int

    def day(self, days_ahead: int = 2) -> date:
        """A day ``days_ahead`` days from today in the business's zone (outside the notice)."""
        return datetime.now(ZoneInfo(ZONE)).date() + timedelta(days=days_ahead)

    def local(self, day: date, hour: int, minute: int = 0) -> datetime:
        """A wall-clock time on ``day`` in the business's zone, as an aware datetime."""
        return datetime.combine(day, time(hour, minute), ZoneInfo(ZONE))


def open_shop(
    session: Session, *, name: str = "Bright Smile Clinic", activate: bool = True
) -> Shop:
    """An active clinic: two providers open 09:00–17:00 every day, two booking types."""
    business.ensure_business(session, name, ZONE)
    business.update_profile(
        session,
        SETUP,
        address="12 Harbour Street\nBristol BS1 4RN",
        contact_email="hello@brightsmile.example",
        phone="+44 117 496 0123",
        min_notice_minutes=60,
        booking_horizon_days=60,
        cancellation_cutoff_hours=24,
        slot_step_minutes=30,
    )
    grace = providers.create_provider(session, SETUP, name="Dr Grace Hopper", sort_order=1)
    room = providers.create_provider(session, SETUP, name="Room 2", kind="resource", sort_order=2)
    week = [providers.HoursRange(d, time(9), time(17)) for d in range(7)]
    for provider in (grace, room):
        providers.set_weekly_hours(session, SETUP, provider.id, week)
    checkup = booking_types.create_booking_type(
        session,
        SETUP,
        name="Check-up",
        duration_minutes=30,
        price_minor=4500,
        description="A short check of teeth and gums.",
        provider_ids=[grace.id, room.id],
    )
    long = booking_types.create_booking_type(
        session,
        SETUP,
        name="Long session",
        duration_minutes=60,
        description="An hour for treatment.",
        sort_order=1,
        provider_ids=[grace.id],
    )
    if activate:
        business.activate(session, SETUP)
    return Shop(checkup.id, checkup.slug, long.id, long.slug, grace.id, room.id)

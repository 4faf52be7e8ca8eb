"""A small, real clinic for the slots, bookings and race tests, written as plain ORM rows.

Two providers (Alice first, Bob second) work 09:00–17:00 Monday to Friday in
Europe/London; Bob also works Saturdays 10:00–14:00. Three booking types:
``consult`` (60 min, both providers, one intake form, uses 2 gloves),
``massage`` (30 min + 15 min buffer after, Alice only) and an inactive ``old``.
Policy: 2 hours' notice, 60 days ahead, 24-hour cancellation cutoff, 30-minute grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Availability,
    BookingType,
    BookingTypeStock,
    Business,
    Contact,
    Form,
    InventoryItem,
    Provider,
    StockMovement,
    booking_type_forms,
)
from careops_desktop.core.permissions import Actor, Role, permissions_for

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 6, 8, 7, 0, tzinfo=UTC)  # Monday 08:00 BST
WEDNESDAY = date(2026, 6, 10)

DESK = Actor(
    user_id=None,
    name="Desk",
    role=Role.STAFF,
    permissions=permissions_for(Role.STAFF, can_manage_bookings=True),
)
INBOX_ONLY = Actor(
    user_id=None,
    name="Inbox only",
    role=Role.STAFF,
    permissions=permissions_for(Role.STAFF, can_manage_inbox=True),
)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A London wall-clock time on ``day``, in UTC."""
    return datetime.combine(day, time(hour, minute), LONDON).astimezone(UTC)


@dataclass(frozen=True)
class World:
    alice: int
    bob: int
    consult: int
    massage: int
    old: int
    form: int
    gloves: int
    known_contact: int


def build(session: Session, *, timezone: str = "Europe/London", active: bool = True) -> World:
    """Write the clinic into ``session`` (the caller's transaction)."""
    session.add(
        Business(
            name="Bright Smile Clinic",
            timezone=timezone,
            is_active=active,
            min_notice_minutes=120,
            booking_horizon_days=60,
            cancellation_cutoff_hours=24,
            slot_step_minutes=30,
            form_due_hours_before=24,
            public_url="http://clinic.test:8765",
            calendar_feed_secret="feed-secret",
            automations={},
        )
    )
    alice = Provider(name="Alice Practitioner", sort_order=0)
    bob = Provider(name="Bob Practitioner", sort_order=1)
    session.add_all([alice, bob])
    session.flush()
    for weekday in range(5):
        for provider in (alice, bob):
            session.add(
                Availability(
                    provider_id=provider.id, weekday=weekday, start_time=time(9), end_time=time(17)
                )
            )
    session.add(Availability(provider_id=bob.id, weekday=5, start_time=time(10), end_time=time(14)))
    consult = BookingType(name="Consultation", slug="consult", duration_minutes=60)
    massage = BookingType(
        name="Massage", slug="massage", duration_minutes=30, buffer_after_minutes=15
    )
    old = BookingType(name="Old type", slug="old", duration_minutes=30, is_active=False)
    consult.providers = [alice, bob]
    massage.providers = [alice]
    old.providers = [alice]
    session.add_all([consult, massage, old])
    form = Form(
        name="Intake",
        fields=[{"key": "allergies", "label": "Allergies", "type": "text", "required": False}],
    )
    gloves = InventoryItem(name="Gloves", unit="pairs", quantity=100, low_threshold=10)
    contact = Contact(name="Known Customer", email="known@example.com", phone=None)
    session.add_all([form, gloves, contact])
    session.flush()
    session.add(StockMovement(item_id=gloves.id, delta=100, reason="restock"))
    session.execute(booking_type_forms.insert().values(booking_type_id=consult.id, form_id=form.id))
    session.add(BookingTypeStock(booking_type_id=consult.id, item_id=gloves.id, quantity=2))
    session.flush()
    return World(alice.id, bob.id, consult.id, massage.id, old.id, form.id, gloves.id, contact.id)


def build_in(db: Database, **options: object) -> World:
    """Build the clinic in its own committed transaction."""
    with db.write_session() as session:
        return build(session, **options)  # type: ignore[arg-type]

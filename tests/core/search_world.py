"""A customer to search for (Ctrl+K tests, core and window): a booking next week and
one last year, a conversation and a form, added to the clinic of booking_world.py."""

from __future__ import annotations

from datetime import date

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Booking,
    Contact,
    Conversation,
    FormSubmission,
    Message,
)
from tests.core.booking_world import World, at


def add_customer(db: Database, world: World) -> dict[str, int]:
    """Mia Okafor and her records (ids by name), and another contact."""
    with db.write_session() as session:
        mia = Contact(name="Mia Okafor", email="mia.okafor@example.com", phone="+447700900123")
        other = Contact(name="Zed Other", email="zed@example.org", phone="+447700900999")
        session.add_all([mia, other])
        session.flush()
        soon = Booking(
            contact_id=mia.id,
            booking_type_id=world.massage,
            provider_id=world.alice,
            start_at=at(date(2026, 6, 15), 10),
            end_at=at(date(2026, 6, 15), 10, 30),
            manage_token="t-soon",
            customer_name="Mia Okafor",
        )
        old = Booking(
            contact_id=mia.id,
            booking_type_id=world.consult,
            provider_id=world.bob,
            start_at=at(date(2025, 3, 4), 9),
            end_at=at(date(2025, 3, 4), 10),
            manage_token="t-old",
            status="completed",
        )
        session.add_all([soon, old])
        talk = Conversation(contact_id=mia.id, subject="Parking question")
        session.add(talk)
        session.flush()
        session.add(
            Message(
                conversation_id=talk.id,
                direction="in",
                sender_type="customer",
                sender_name="Mia Okafor",
                content="Is there a bicycle rack near the entrance?",
                channel="email",
            )
        )
        form = FormSubmission(
            form_id=world.form, contact_id=mia.id, booking_id=None, token="f-1", status="pending"
        )
        session.add(form)
        session.flush()
        return {
            "mia": mia.id,
            "other": other.id,
            "soon": soon.id,
            "old": old.id,
            "talk": talk.id,
            "form": form.id,
        }

"""Intake form submissions of the demo: one per form of each booking's type.

Most are completed before they are due; the rest are pending (due later) or
overdue (due date passed). Completed ones hold answers that fit the form's
fields. Tokens are truly random: they are the customer's link to the form.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from careops_desktop.core.demo import wordlists as w
from careops_desktop.core.demo.catalogue import Catalogue
from careops_desktop.core.demo.history import BookingRecord, ContactRecord

DUE_HOURS_BEFORE = 24
COMPLETION_RATE = 0.82


def answer(field: dict[str, Any], contact: ContactRecord, rng: random.Random) -> object:
    """A plausible answer to one form field."""
    kind = field["type"]
    if kind == "date":
        born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 55))
        return born.isoformat()
    if kind == "number":
        return rng.randint(int(field.get("min", 0)), int(field.get("max", 10)))
    if kind == "select":
        return str(rng.choice(field["options"]))
    if kind == "checkbox":
        return True if field.get("required") else rng.random() < 0.1
    if kind == "email":
        return contact.email or ""
    if kind == "phone":
        return f"+447700900{rng.randrange(1000):03d}"
    if kind == "textarea":
        return rng.choice(("", "None", "Mild asthma", "Old ankle sprain (2019)", "Type 2 diabetes"))
    if field["key"] == "signed_name":
        return contact.name
    if field["key"] == "emergency_name":
        return f"{rng.choice(w.FIRST_NAMES)} {contact.name.split()[-1]}"
    return rng.choice(
        ("Calder Valley Surgery", "Hebden Bridge Group Practice", "Todmorden Health Centre")
    )


def submission_rows(
    catalogue: Catalogue,
    bookings: list[BookingRecord],
    contacts: dict[int, ContactRecord],
    first_id: int,
    now: datetime,
    rng: random.Random,
) -> Iterator[dict[str, Any]]:
    """Rows for ``insert(FormSubmission)``, ids from ``first_id`` up."""
    next_id = first_id
    for b in bookings:
        form_ids = catalogue.types[b.slot.type].form_ids
        if not form_ids:
            continue
        due = b.slot.start - timedelta(hours=DUE_HOURS_BEFORE)
        if due <= b.created_at:
            due = b.slot.start
        contact = contacts[b.contact_id]
        for form_id in form_ids:
            latest = min(due, now, b.cancelled_at or now)
            submitted: datetime | None = None
            if latest > b.created_at and rng.random() < COMPLETION_RATE:
                submitted = (b.created_at + (latest - b.created_at) * rng.uniform(0.05, 1)).replace(
                    microsecond=0
                )
            if submitted is not None:
                status = "completed"
                fields = catalogue.forms[form_id][1]
                data = {f["key"]: answer(f, contact, rng) for f in fields}
            else:
                status = "overdue" if due < now else "pending"
                data = {}
            yield {
                "id": next_id,
                "form_id": form_id,
                "booking_id": b.id,
                "contact_id": b.contact_id,
                "token": secrets.token_urlsafe(24),
                "data": data,
                "status": status,
                "due_at": due,
                "reminded_at": None,
                "submitted_at": submitted,
                "note": "",
                "created_at": b.created_at,
            }
            next_id += 1


def count_submissions(catalogue: Catalogue, bookings: list[BookingRecord]) -> int:
    """How many rows :func:`submission_rows` yields (to reserve their ids)."""
    return sum(len(catalogue.types[b.slot.type].form_ids) for b in bookings)

"""The claim race: many claims of one freed time at once → exactly one booking.

Two waiting customers hold offers for the same time (one passed on by the freed
time, one offered by hand), and each clicks their link several times from separate
connections at once, as separate requests would. On SQLite the writers serialise on
BEGIN IMMEDIATE; on PostgreSQL on the offer row (FOR UPDATE) and the provider row.
Exactly one claim books; every other one is a clean "taken" or "closed".
"""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, WaitlistEntry, WaitlistOffer
from careops_desktop.core.services import bookings, waitlist
from tests.core.booking_world import DESK, NOW, WEDNESDAY, World, at

CLAIMS_EACH = 6


def _claim(url: str, token: str, barrier: threading.Barrier, outcomes: list[str]) -> None:
    database = Database(url)
    try:
        with database.session():
            pass
        barrier.wait()
        try:
            outcomes.append(database.call(waitlist.claim_offer, token, NOW).outcome)
        except Exception as exc:  # reported: the test fails on any
            outcomes.append(f"error: {exc!r}")
    finally:
        database.close()


def test_many_claims_of_one_time_make_one_booking(db: Database, world: World) -> None:
    receipt = db.call(
        bookings.book_desk,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        start_utc=at(WEDNESDAY, 10),
        now=NOW,
    )
    ids = []
    for i, name in enumerate(("Ann Waiting", "Ben Waiting")):
        joined = db.call(
            waitlist.join_waitlist,
            booking_type_id=world.consult,
            provider_id=None,
            name=name,
            email=f"w{i}@example.com",
            first_day=WEDNESDAY,
            last_day=WEDNESDAY,
            now=NOW + timedelta(seconds=i),
        )
        ids.append(joined.entry_id)
    db.call(bookings.cancel, None, receipt.booking_id, "", NOW)
    db.call(waitlist.offer_by_hand, DESK, ids[1], world.alice, at(WEDNESDAY, 10), NOW)
    with db.session() as s:
        tokens = list(s.scalars(select(WaitlistOffer.token).order_by(WaitlistOffer.id)))
    assert len(tokens) == 2
    racers = [t for t in tokens for _ in range(CLAIMS_EACH)]
    barrier = threading.Barrier(len(racers))
    outcomes: list[str] = []
    threads = [
        threading.Thread(target=_claim, args=(db.url, token, barrier, outcomes)) for token in racers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == len(racers), outcomes
    assert outcomes.count("booked") == 1, outcomes
    assert set(outcomes) <= {"booked", "taken", "closed"}, outcomes
    with db.session() as s:
        live = s.scalars(
            select(Booking).where(
                Booking.status == "confirmed", Booking.start_at == at(WEDNESDAY, 10)
            )
        ).all()
        assert len(live) == 1
        statuses = sorted(s.scalars(select(WaitlistOffer.status)))
        assert statuses == ["claimed", "taken"]
        booked = s.scalars(select(WaitlistEntry).where(WaitlistEntry.status == "booked")).all()
        assert len(booked) == 1 and booked[0].booking_id == live[0].id
        assert live[0].customer_name == booked[0].name

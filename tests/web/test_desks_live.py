"""Several desks, live: a change committed in process B reaches process A within a second.

B is a real second process on the same database (a SQLite file, or PostgreSQL where the
``db`` fixture runs there too): ``tests/web/desk_worker.py`` for desk calls, ``careops
serve`` for the booking page. A is this process with a :class:`ChangeListener`.
"""

from __future__ import annotations

import http.client
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from careops_desktop.core import events
from careops_desktop.core.change_listener import ChangeListener
from careops_desktop.core.db import Database
from careops_desktop.core.edit_conflicts import EditConflict
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.runtime import Runtime
from tests.web.conftest import RELAXED
from tests.web.desks import Heard, desk_b
from tests.web.seed import Shop
from tests.web.test_race import FormSession, serve_process
from tests.web.test_slot_cache import slot_link

DESK_A = Actor.system("Desk A")
LIVE_SECONDS = 1.0


@pytest.fixture
def listening(db: Database) -> Iterator[Heard]:
    """Desk A: its listener publishes B's changes on the app's bus; what it heard."""
    heard = Heard()
    listener = ChangeListener(db)
    listener.start()
    try:
        yield heard
    finally:
        listener.close()
        heard.close()


def booked(booking_id: int, source: str | None = None) -> Callable[[events.DomainEvent], bool]:
    def match(event: events.DomainEvent) -> bool:
        return (
            isinstance(event, events.BookingChanged)
            and event.booking_id == booking_id
            and (source is None or event.source == source)
        )

    return match


def get(url: str, path: str) -> str:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port or 80, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode()
    finally:
        connection.close()


def test_a_desk_booking_in_b_reaches_a_within_a_second(
    db: Database, shop: Shop, listening: Heard
) -> None:
    start = shop.local(shop.day(2), 10)
    with desk_b(db.url) as b:
        answer = b.ask(do="book", type=shop.checkup_id, provider=shop.grace_id, start=start)
        found = listening.wait_for(booked(answer["ok"]), LIVE_SECONDS)
    assert found is not None, "A did not hear B's booking within a second"
    heard_at, event = found
    assert heard_at - answer["at"] < LIVE_SECONDS
    assert event == events.BookingChanged(answer["ok"], shop.grace_id, "created", "web")


def test_own_changes_are_not_heard_twice(db: Database, shop: Shop, listening: Heard) -> None:
    receipt = db.call(
        bookings.book_public,
        booking_type_id=shop.checkup_id,
        provider_id=shop.grace_id,
        start_utc=shop.local(shop.day(2), 9),
        name="Walk In",
        phone="+44 117 496 0100",
    )
    assert listening.wait_for(booked(receipt.booking_id), 0.2) is not None  # published here
    time.sleep(0.6)  # a few polls: the feed's copy of our own change is skipped
    assert sum(1 for _, e in listening.items if booked(receipt.booking_id)(e)) == 1


def test_a_web_booking_in_b_leaves_a_booking_page_within_a_second(
    db: Database, shop: Shop, listening: Heard
) -> None:
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=RELAXED)
    a_url = runtime.start_in_thread()
    b_process, b_url = serve_process(db)
    try:
        day = shop.day(2)
        eleven = shop.local(day, 11)
        page = f"/book/{shop.checkup_slug}?date={day.isoformat()}&provider={shop.grace_id}"
        assert slot_link(shop, eleven) in get(a_url, page)  # A's slot cache holds the day now
        form = FormSession(b_url, shop, shop.checkup_slug, eleven)
        assert form.book(eleven, 1) == 303
        posted = time.monotonic()
        heard = listening.wait_for(
            lambda e: isinstance(e, events.BookingChanged) and e.source == "web", LIVE_SECONDS
        )
        assert heard is not None, "A did not hear B's web booking within a second"
        while slot_link(shop, eleven) in get(a_url, page):
            assert time.monotonic() - posted < LIVE_SECONDS, "A's page still offers the time"
            time.sleep(0.05)
        assert slot_link(shop, shop.local(day, 11, 30)) in get(a_url, page)
    finally:
        b_process.terminate()
        b_process.communicate(timeout=30)
        runtime.stop()


def test_two_desks_edit_the_same_booking_and_the_second_save_is_told(
    db: Database, shop: Shop, listening: Heard
) -> None:
    day = shop.day(3)
    receipt = db.call(
        bookings.book_public,
        booking_type_id=shop.checkup_id,
        provider_id=shop.grace_id,
        start_utc=shop.local(day, 12),
        name="Both Desks",
        phone="+44 117 496 0101",
    )
    opened_in_a = db.call(bookings.get_booking, DESK_A, receipt.booking_id)
    with desk_b(db.url) as b:
        moved = b.ask(
            do="reschedule",
            booking=receipt.booking_id,
            start=shop.local(day, 14),
            version=opened_in_a.version,
        )
        assert moved["ok"] == opened_in_a.version + 1
        stale = b.ask(
            do="reschedule",
            booking=receipt.booking_id,
            start=shop.local(day, 15),
            version=opened_in_a.version,
        )
        assert stale["error"] == "EditConflict"
    with pytest.raises(EditConflict, match="Another desk changed this booking"):
        db.call(
            bookings.cancel,
            DESK_A,
            receipt.booking_id,
            "",
            expected_version=opened_in_a.version,
        )
    now = db.call(bookings.get_booking, DESK_A, receipt.booking_id)
    assert (now.status, now.start, now.version) == (
        "confirmed",
        shop.local(day, 14),
        opened_in_a.version + 1,
    )
    assert listening.wait_for(booked(receipt.booking_id), LIVE_SECONDS) is not None

"""200 bookings made at once (as 32 customers on the booking page do): the open Bookings
calendar and Dashboard refresh a bounded number of times, and show the last state."""

from __future__ import annotations

import gc
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from careops_desktop.core import events
from careops_desktop.core.models import Booking, BookingType, Contact
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.tokens import new_token
from careops_desktop.ui.runtime_link import WINDOW_SWITCH_INTERVAL, keep_the_window_responsive
from tests.ui.tab_helpers import demo_owner, open_tab

BURST = 200


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _book_today_from_a_thread(db: Any, count: int) -> list[int]:
    """``count`` bookings today, each committed on its own and announced as the core does."""
    zone = db.call(business_zone)
    midnight = datetime.combine(datetime.now(zone).date(), time(0), tzinfo=zone)
    with db.session() as session:
        kind = session.scalars(select(BookingType).where(BookingType.is_active)).first()
        contact_id = session.scalars(select(Contact.id)).first()
        assert kind is not None and contact_id is not None
        kind_id, provider_id = kind.id, kind.providers[0].id
    made: list[int] = []

    def book_all() -> None:
        for n in range(count):
            start = (midnight + timedelta(minutes=5 * n)).astimezone(UTC)
            with db.write_session() as session:
                booking = Booking(
                    contact_id=contact_id,
                    booking_type_id=kind_id,
                    provider_id=provider_id,
                    start_at=start,
                    end_at=start + timedelta(minutes=30),
                    status="confirmed",
                    manage_token=new_token(),
                )
                session.add(booking)
                session.flush()
                made.append(booking.id)
            events.bus.publish(events.BookingChanged(made[-1], provider_id, "created", "web"))

    worker = threading.Thread(target=book_all, name="booking-page")
    worker.start()
    worker.join()
    return made


def test_a_burst_of_200_bookings_refreshes_the_views_a_few_times_and_shows_them_all(
    db: Any, ops: Any, bridge: Any, qtbot: Any
) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("dashboard", "bookings", "inventory"))
    window.show_tab("inventory")  # its usage table follows bookings too
    window.show_tab("dashboard")
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and ops.pending == 0, timeout=8000)
    window.show_tab("bookings")
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None and ops.pending == 0, timeout=8000)
    today_before = dashboard.data.today_bookings

    queries: Counter[str] = Counter()  # what the views asked the database worker, by name
    run = ops.run

    async def counted_run(fn: Any, *args: Any, **kwargs: Any) -> Any:
        queries[fn.__name__] += 1
        return await run(fn, *args, **kwargs)

    ops.run = counted_run
    dashboard_loads: list[Any] = []
    dashboard.loaded.connect(dashboard_loads.append)

    made = _book_today_from_a_thread(db, BURST)
    qtbot.waitUntil(
        lambda: (
            page.page_data is not None
            and {b.id for b in page.page_data.bookings} >= set(made)
            and dashboard.data.today_bookings == today_before + BURST
            and ops.pending == 0
        ),
        timeout=10_000,
    )
    qtbot.wait(400)  # anything still settling would show up here
    # not one per booking: the calendar page, the dashboard and the stock usage a few times
    for name in ("load_calendar_page", "dashboard", "usage_by_booking_type"):
        assert 1 <= queries[name] <= 3, (name, queries)
    assert 1 <= len(dashboard_loads) <= 3
    assert dashboard_loads[-1].today_bookings == today_before + BURST  # the last state
    assert made[-1] in {b.id for b in page.page_data.bookings}
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
    del ops.run


def test_the_window_keeps_the_gil_and_the_collector_in_check() -> None:
    interval = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        keep_the_window_responsive()
        assert sys.getswitchinterval() == pytest.approx(WINDOW_SWITCH_INTERVAL)
        assert gc.get_freeze_count() > 0  # what exists now is not walked by every collection
        sys.setswitchinterval(0.0002)
        keep_the_window_responsive()
        assert sys.getswitchinterval() == pytest.approx(0.0002)  # never raised
    finally:
        gc.unfreeze()
        sys.setswitchinterval(interval)

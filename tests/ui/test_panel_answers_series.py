"""The booking details say when the customer confirmed, and which visit of a series it is."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from careops_desktop.core.errors import PermissionDenied
from careops_desktop.core.models import Booking
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import RepeatRule
from careops_desktop.ui.widgets.local_time import fmt_datetime
from tests.core.booking_world import DESK, INBOX_ONLY, LONDON, World, at
from tests.core.test_slots import add_booking
from tests.ui.test_calendar_drag import _tab, _weekday_ahead, world

__all__ = ["world"]


def test_confirmed_by_the_customer_and_visit_of_a_series(
    db: Any, world: World, ops: Any, bridge: Any, qtbot: Any
) -> None:
    day = _weekday_ahead(3)
    receipt = db.call(
        bookings.book_series,
        DESK,
        contact_id=world.known_contact,
        booking_type_id=world.consult,
        provider_id=world.alice,
        rule=RepeatRule(day, time(15), (day.weekday(),), count=3),
    )
    first, second, _third = (r.booking_id for r in receipt.bookings)
    confirmed = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    with db.write_session() as session:
        session.get(Booking, second).customer_confirmed_at = confirmed  # type: ignore[union-attr]
    place = db.call(bookings.series_place, DESK, second)
    assert (place.number, place.total) == (2, 3) and place.rule_text == receipt.rule_text
    single = add_booking(db, world, world.alice, at(day, 10))
    assert db.call(bookings.series_place, DESK, single) is None
    with pytest.raises(PermissionDenied):
        db.call(bookings.series_place, INBOX_ONLY, second)

    page = _tab(qtbot, ops, bridge, day, 7)
    fields = page.panel.fields
    page.show_booking(second)
    want = f"Visit 2 of a series: {receipt.rule_text.rstrip('.')}."
    qtbot.waitUntil(lambda: fields["series"].text() == want, timeout=5000)
    assert fields["answer"].text() == (
        f"Confirmed by the customer at {fmt_datetime(confirmed, LONDON)}."
    )
    page.show_booking(first)
    qtbot.waitUntil(lambda: fields["series"].text().startswith("Visit 1 of"), timeout=5000)
    assert fields["answer"].text() == ""
    page.show_booking(single)
    qtbot.waitUntil(lambda: page.selected is not None and page.selected.id == single, timeout=5000)
    assert fields["series"].text() == "" and fields["answer"].text() == ""
    assert not fields["series"].isVisibleTo(page) and not fields["answer"].isVisibleTo(page)

"""Several desks in the window: B's booking shows in A's Bookings tab and Dashboard within a
second, "changes missed" refreshes every area once, and the status bar counts the other desks
and says when the database server is away."""

from __future__ import annotations

from typing import Any

import pytest

from careops_desktop.core import events
from careops_desktop.core.change_feed import ChangesMissed
from careops_desktop.core.change_listener import DeskStatus
from careops_desktop.ui.desk_status import SERVER_AWAY, DeskStatusFeed, status_text
from careops_desktop.ui.events_bridge import EventsBridge
from tests.ui.test_bookings_tab import ZONE, _bookings_tab, _free_slot
from tests.web.desks import desk_b


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def test_b_booking_reaches_a_bookings_tab_and_dashboard_within_a_second(
    db: Any, ops: Any, bridge: Any, qtbot: Any
) -> None:
    type_id, slot = _free_slot(db)
    window, page = _bookings_tab(qtbot, ops, bridge, db, ("dashboard", "bookings"))
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    upcoming = dashboard.data.upcoming_bookings
    window.show_tab("bookings")
    page.go_to(slot.start_utc.astimezone(ZONE).date())
    qtbot.waitUntil(lambda: page.model.has_loaded and page.page_data is not None, timeout=5000)
    with desk_b(db.url) as b:
        assert b.ask(do="listen") == {"ok": True}  # B is a desk with a listener of its own
        feed = DeskStatusFeed(db)
        feed.start()
        label = feed.show_in(window)
        try:
            qtbot.waitUntil(lambda: label.text() == "1 other desk connected", timeout=3000)
            answer = b.ask(do="book", type=type_id, provider=slot.provider_id, start=slot.start_utc)
            assert "ok" in answer, answer
            qtbot.waitUntil(
                lambda: page.calendar.block_rect(answer["ok"]) is not None, timeout=1000
            )
            qtbot.waitUntil(lambda: dashboard.data.upcoming_bookings == upcoming + 1, timeout=1000)
        finally:
            feed.stop()


def test_changes_missed_refreshes_every_area_once(qtbot: Any) -> None:
    bus = events.EventBus()
    bridge = EventsBridge(bus)
    try:
        settled = [
            "bookingsSettled",
            "contactsSettled",
            "inboxSettled",
            "formsSettled",
            "stockSettled",
            "outboxSettled",
            "settingsSettled",
        ]
        got: dict[str, list[Any]] = {name: [] for name in settled}
        for name in settled:
            getattr(bridge, name).connect(lambda batch, name=name: got[name].append(batch))
        with qtbot.waitSignal(bridge.anySettled, timeout=2000):
            bus.publish(ChangesMissed("reconnected"))
        assert all(len(batches) == 1 for batches in got.values()), got
    finally:
        bridge.close()


def test_status_words() -> None:
    assert status_text(DeskStatus(connected=False, other_desks=3)) == SERVER_AWAY
    assert SERVER_AWAY == "Not connected to the database server — retrying"
    assert status_text(DeskStatus(connected=True, other_desks=0)) == ""
    assert status_text(DeskStatus(connected=True, other_desks=1)) == "1 other desk connected"
    assert status_text(DeskStatus(connected=True, other_desks=2)) == "2 other desks connected"

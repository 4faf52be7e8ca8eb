"""A burst of core events reaches the Qt thread in one go: every event is still re-emitted,
in order, and the settled signals carry the burst once (nothing lost, nothing twice)."""

from __future__ import annotations

import threading
from typing import Any

from careops_desktop.core import events
from careops_desktop.core.events import EventBus
from careops_desktop.ui.events_bridge import EventsBridge, settled_name


def _publish_from_a_thread(bus: EventBus, burst: list[events.DomainEvent]) -> None:
    def publish_all() -> None:
        for event in burst:
            bus.publish(event)

    worker = threading.Thread(target=publish_all, name="publisher")
    worker.start()
    worker.join()


def _record(bridge: EventsBridge, *names: str) -> dict[str, list[Any]]:
    seen: dict[str, list[Any]] = {name: [] for name in names}
    for name in names:
        getattr(bridge, name).connect(lambda value, n=name: seen[n].append(value))
    return seen


def test_a_burst_of_200_is_settled_once_with_every_event_in_order(qtbot: Any) -> None:
    bus = EventBus()
    bridge = EventsBridge(bus)
    seen = _record(
        bridge, "bookingsChanged", "anyChanged", "bookingsSettled", "contactsSettled", "anySettled"
    )
    burst: list[events.DomainEvent] = [
        events.BookingChanged(booking_id=n, provider_id=1, change="created") for n in range(200)
    ]
    burst.insert(50, events.ContactChanged(7, "created"))
    _publish_from_a_thread(bus, burst)
    qtbot.waitUntil(lambda: len(seen["anySettled"]) == 1, timeout=3000)

    bookings = [e for e in burst if isinstance(e, events.BookingChanged)]
    assert seen["bookingsChanged"] == bookings  # each event still has its own signal
    assert seen["anyChanged"] == burst
    assert seen["bookingsSettled"] == [bookings]  # and the burst comes once, whole
    assert seen["contactsSettled"] == [[burst[50]]]
    assert seen["anySettled"] == [burst]

    # a later change is not lost: it settles on its own
    late = events.BookingChanged(booking_id=999, provider_id=1, change="rescheduled")
    _publish_from_a_thread(bus, [late])
    qtbot.waitUntil(lambda: len(seen["anySettled"]) == 2, timeout=3000)
    assert seen["bookingsSettled"][-1] == [late] and seen["anySettled"][-1] == [late]
    assert seen["bookingsChanged"][-1] is late
    bridge.close()
    bridge.deleteLater()


def test_closing_drops_what_has_not_settled(qtbot: Any) -> None:
    bus = EventBus()
    bridge = EventsBridge(bus)
    seen = _record(bridge, "anyChanged", "anySettled")
    first = events.ContactChanged(1, "created")
    _publish_from_a_thread(bus, [first])
    qtbot.waitUntil(lambda: seen["anyChanged"] == [first], timeout=3000)
    bridge.close()  # before the burst settles: its timer stops, nothing more is emitted
    bus.publish(events.ContactChanged(2, "created"))
    qtbot.wait(300)
    assert seen == {"anyChanged": [first], "anySettled": []}
    bridge.deleteLater()


def test_every_area_signal_has_a_settled_signal() -> None:
    from careops_desktop.ui.events_bridge import AREA_BY_EVENT

    for area in set(AREA_BY_EVENT.values()):
        assert hasattr(EventsBridge, settled_name(area)), area
    assert settled_name("bookingsChanged") == "bookingsSettled"

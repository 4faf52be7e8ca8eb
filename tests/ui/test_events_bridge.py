"""Core events reach Qt signals on the Qt thread, one area signal each plus anyChanged."""

from __future__ import annotations

import threading

from careops_desktop.core import events
from careops_desktop.core.events import EventBus
from careops_desktop.ui.events_bridge import EventsBridge, area_of


def test_events_from_a_worker_thread_arrive_on_the_qt_thread(qtbot) -> None:
    bus = EventBus()
    bridge = EventsBridge(bus)
    seen: list[tuple[str, object, str]] = []
    bridge.bookingsChanged.connect(
        lambda e: seen.append(("bookings", e, threading.current_thread().name))
    )
    bridge.anyChanged.connect(lambda e: seen.append(("any", e, threading.current_thread().name)))
    event = events.BookingChanged(booking_id=1, provider_id=2, change="created")
    worker = threading.Thread(target=bus.publish, args=(event,), name="publisher")
    worker.start()
    worker.join()
    assert seen == []  # queued, not called on the publishing thread
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    main = threading.main_thread().name
    assert seen == [("bookings", event, main), ("any", event, main)]
    bridge.close()
    bus.publish(event)
    qtbot.wait(50)
    assert len(seen) == 2
    bridge.deleteLater()


def test_each_event_kind_has_its_area() -> None:
    assert area_of(events.ContactChanged(1, "created")) == "contactsChanged"
    assert area_of(events.MessageRecorded(1, 2, "in")) == "inboxChanged"
    assert area_of(events.ConversationChanged(1, "read")) == "inboxChanged"
    assert area_of(events.FormChanged(None, 3, "completed")) == "formsChanged"
    assert area_of(events.OutboxChanged(1, "sent")) == "outboxChanged"
    assert area_of(events.SettingsChanged("staff")) == "settingsChanged"
    assert area_of(events.DomainEvent()) is None


def test_every_event_class_has_an_area_keyed_by_the_class() -> None:
    from dataclasses import dataclass

    from careops_desktop.ui.events_bridge import AREA_BY_EVENT

    kinds = {
        value
        for value in vars(events).values()
        if isinstance(value, type)
        and issubclass(value, events.DomainEvent)
        and value is not events.DomainEvent
    }
    assert kinds == set(AREA_BY_EVENT)

    @dataclass(frozen=True)
    class BookingChanged(events.DomainEvent):  # same name, not the core's class
        booking_id: int

    assert area_of(BookingChanged(1)) is None

    @dataclass(frozen=True)
    class Moved(events.BookingChanged):
        pass

    assert area_of(Moved(1, 2, "rescheduled")) == "bookingsChanged"


def test_a_committed_write_reaches_the_bridge(db, bridge, qtbot) -> None:
    from careops_desktop.core.permissions import Actor
    from careops_desktop.core.services import contacts

    with qtbot.waitSignal(bridge.contactsChanged, timeout=3000) as signal:
        db.call(contacts.create_contact, Actor.system(), name="Ann", email="ann@example.com")
    assert signal.args[0].change == "created"

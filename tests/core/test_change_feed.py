"""What travels between processes: ids and words only, one message per transaction, after commit."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from careops_desktop.core import change_feed, events
from careops_desktop.core.change_feed import ChangesMissed, decode, encode
from careops_desktop.core.change_listener import ChangeListener
from careops_desktop.core.db import Database
from careops_desktop.core.models import ChangeRecord

SAMPLES: list[events.DomainEvent] = [
    events.BookingChanged(7, 2, "rescheduled", "web"),
    events.ContactChanged(3, "merged"),
    events.MessageRecorded(4, 9, "in"),
    events.ConversationChanged(4, "read"),
    events.FormChanged(None, 5, "completed"),
    events.StockChanged(1, 3, True, newly_low=True),
    events.OutboxChanged(8, "bounced"),
    events.SettingsChanged("providers"),
    ChangesMissed("gap"),
]


@dataclass(frozen=True)
class NoteAdded(events.DomainEvent):
    """An event that (wrongly) carries free text: it must never leave the process."""

    booking_id: int
    note: str


def test_every_event_travels_as_ids_and_words() -> None:
    decoded = decode(encode(SAMPLES, origin="desk-b") or "")
    assert decoded.origin == "desk-b"
    assert decoded.events == SAMPLES


def test_an_event_with_free_text_is_never_sent(caplog: pytest.LogCaptureFixture) -> None:
    secret = "Mrs Smith's allergy"
    payload = encode([NoteAdded(1, secret), events.ContactChanged(2, "updated")])
    assert payload is not None and secret not in payload
    assert decode(payload).events == [events.ContactChanged(2, "updated")]
    assert encode([NoteAdded(1, secret)]) is None
    assert secret not in caplog.text


@pytest.mark.parametrize(
    "payload",
    [
        '{"o":"x","e":[["BookingChanged",{"booking_id":1,"provider_id":2,"change":"<b>hi</b>"}]]}',
        '{"o":"x","e":[["NoSuchEvent",{}]]}',
        '{"o":"x","e":[["ContactChanged",{"contact_id":"1; DROP","change":"created"}]]}',
        '{"o":"x","e":[["NoteAdded",{"booking_id":1,"note":"free text"}]]}',
        '{"o":"x","e":[42, ["ContactChanged"]]}',
    ],
)
def test_a_malformed_or_hostile_message_is_dropped(payload: str) -> None:
    assert decode(payload).events == []


def test_an_unreadable_message_means_refresh_everything() -> None:
    assert decode("not json").events == [ChangesMissed("overflow")]
    assert decode("[1, 2]").events == [ChangesMissed("overflow")]


def test_a_burst_too_long_for_one_notify_becomes_refresh_everything() -> None:
    burst = [events.BookingChanged(n, 1, "created") for n in range(2000)]
    payload = encode(burst) or ""
    assert len(payload) <= change_feed.MAX_PAYLOAD
    assert decode(payload).events == [ChangesMissed("overflow")]


def _record(session: Session, *changes: events.DomainEvent) -> None:
    for change in changes:
        events.record(session, change)


def _feed_rows(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(ChangeRecord.payload).order_by(ChangeRecord.seq)))


@pytest.mark.sqlite_only
def test_one_row_per_transaction_and_none_for_a_rollback(db: Database) -> None:
    db.call(_record, events.ContactChanged(1, "created"), events.BookingChanged(2, 1, "created"))
    db.call(lambda session: None)  # no events: no row

    def fails(session: Session) -> None:
        _record(session, events.ContactChanged(9, "deleted"))
        raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        db.call(fails)
    rows = _feed_rows(db)
    assert len(rows) == 1
    assert [e.kind for e in decode(rows[0]).events] == ["ContactChanged", "BookingChanged"]
    assert json.loads(rows[0])["o"] == change_feed.ORIGIN


@pytest.mark.sqlite_only
def test_old_rows_are_pruned(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(change_feed, "PRUNE_EVERY", 10)
    monkeypatch.setattr(change_feed, "KEEP_ROWS", 5)
    for n in range(30):
        db.call(_record, events.ContactChanged(n, "updated"))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ChangeRecord)) <= 15


@pytest.mark.sqlite_only
def test_a_listener_that_fell_behind_the_pruning_refreshes_everything(db: Database) -> None:
    bus = events.EventBus()
    heard: list[events.DomainEvent] = []
    bus.subscribe(heard.append)
    listener = ChangeListener(db, bus=bus)
    db.submit_plain(listener.poll).result()  # the starting point
    with db.write_session() as session:  # another process wrote 3 rows, 2 already pruned
        for n in (1, 2, 3):
            session.execute(
                text(
                    "INSERT INTO change_feed (origin, payload, at) VALUES ('b', :p, '2026-01-01')"
                ),
                {"p": encode([events.ContactChanged(n, "updated")], origin="b")},
            )
        session.execute(
            text("DELETE FROM change_feed WHERE seq < (SELECT max(seq) FROM change_feed)")
        )
    db.submit_plain(listener.poll).result()
    db.submit_plain(listener.leave).result()
    assert heard == [ChangesMissed("gap"), events.ContactChanged(3, "updated")]

"""Calendar sync settings in the core: validation, permissions, links, ordered claims, busy rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from careops_desktop.core.errors import PermissionDenied, ValidationError
from careops_desktop.core.models import ExternalBusy, OutboxMessage
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services import bookings, outbox
from careops_desktop.core.services.calendar import (
    BusyPeriod,
    CalendarAccount,
    CalendarRef,
    CalendarToRead,
)
from careops_desktop.core.services.calendar import job_store as calendar_store
from careops_desktop.core.services.calendar import links as calendar_sync
from tests.core.booking_world import DESK, NOW, WEDNESDAY, at, build_in

OWNER = Actor(None, "Owner", Role.OWNER, permissions_for(Role.OWNER))
GOOD = CalendarAccount(url="https://cal.example.com/dav/", username="desk@example.com")


def test_account_is_validated_field_by_field(db) -> None:  # type: ignore[no-untyped-def]
    bad = CalendarAccount(
        url="javascript:alert(1)",
        username="a\nb",
        auth="magic",
        sync_minutes=0,
        busy_source="psychic",
        timeout_seconds=1,
    )
    with pytest.raises(ValidationError) as refused:
        db.call(calendar_sync.save_account, OWNER, bad)
    assert set(refused.value.fields) == {
        "url",
        "username",
        "auth",
        "sync_minutes",
        "busy_source",
        "timeout_seconds",
    }
    for url in ("", "https://a b/", "ftp://cal.example.com/", "https://" + "x" * 1000 + ".com/"):
        with pytest.raises(ValidationError) as refused:
            calendar_sync.validate_account(CalendarAccount(url=url, username="u"))
        assert "url" in refused.value.fields
    assert db.call(calendar_sync.get_account) == CalendarAccount()  # nothing was stored


def test_only_settings_managers_change_calendars(db) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    with pytest.raises(PermissionDenied):
        db.call(calendar_sync.save_account, DESK, GOOD)
    with pytest.raises(PermissionDenied):
        db.call(calendar_sync.set_provider_calendars, DESK, world.alice, None, [])


def test_account_saved_and_a_new_server_forgets_the_old_one(db) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    saved = db.call(calendar_sync.save_account, OWNER, GOOD)
    assert db.call(calendar_sync.get_account) == saved and saved.configured
    db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        world.alice,
        None,
        [CalendarRef("https://cal.example.com/dav/home/", "Home")],
    )
    _store_busy(db, world.alice)
    db.call(
        calendar_sync.save_account,
        OWNER,
        CalendarAccount(url="https://other.example.org/", username="desk@example.com"),
    )
    with db.session() as session:
        assert session.scalars(select(ExternalBusy)).all() == []


def _store_busy(db, provider_id: int, url: str = "https://cal.example.com/dav/home/") -> None:  # type: ignore[no-untyped-def]
    target = CalendarToRead(provider_id, url, "Home\u202e<b>", {}, {})
    periods = [
        BusyPeriod("/home/1.ics", "a", "", at(WEDNESDAY, 10), at(WEDNESDAY, 11), "x" * 500),
        BusyPeriod("/home/2.ics", "b", "", at(WEDNESDAY, 13), at(WEDNESDAY, 14), tentative=True),
    ]
    db.call(
        calendar_store.apply_busy,
        target,
        full=True,
        periods=periods,
        replaced_hrefs=(),
        state={"sync_token": "t1"},
        now=NOW,
    )


def test_links_are_validated_and_unchecked_calendars_drop_their_busy_time(db) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    with pytest.raises(ValidationError) as refused:
        db.call(
            calendar_sync.set_provider_calendars,
            OWNER,
            world.alice,
            CalendarRef("file:///etc/passwd", "x"),
            [CalendarRef("https://ok.example.com/c/", "y\r\nInjected: 1")],
        )
    assert set(refused.value.fields) == {"write_calendar"}
    db.call(calendar_sync.save_account, OWNER, GOOD)
    view = db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        world.alice,
        None,
        [CalendarRef("https://cal.example.com/dav/home/", "Home\r\nline two")],
    )
    assert view.blocking == (CalendarRef("https://cal.example.com/dav/home/", "Home line two"),)
    _store_busy(db, world.alice)
    blocks = db.call(calendar_sync.external_blocks, [world.alice], NOW, NOW + timedelta(days=7))
    assert [b.calendar_name for b in blocks] == ["Home\u202e<b>", "Home\u202e<b>"]
    # tentative time blocks only while the account says so
    db.call(
        calendar_sync.save_account,
        OWNER,
        CalendarAccount(url=GOOD.url, username=GOOD.username, tentative_blocks=False),
    )
    busy = db.call(calendar_sync.busy_blocks_for, [world.alice, world.bob], NOW, NOW + timedelta(7))
    assert busy == {world.alice: [(at(WEDNESDAY, 10), at(WEDNESDAY, 11))], world.bob: []}
    db.call(calendar_sync.set_provider_calendars, OWNER, world.alice, None, [])
    with db.session() as session:
        assert session.scalars(select(ExternalBusy)).all() == []


def test_calendar_rows_are_claimed_strictly_in_order(db) -> None:  # type: ignore[no-untyped-def]
    world = build_in(db)
    db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        world.alice,
        CalendarRef("https://cal.example.com/dav/work/", "Work"),
        [],
    )
    ids = []
    for hour in (10, 12, 14):
        receipt = db.call(
            bookings.book_desk,
            DESK,
            contact_id=world.known_contact,
            booking_type_id=world.consult,
            provider_id=world.alice,
            start_utc=at(WEDNESDAY, hour),
            now=NOW,
        )
        ids.append(receipt.booking_id)
    first = db.call(calendar_store.claim_calendar_changes, "w1", NOW, 2)
    assert [item.booking_id for item in first] == ids[:2]
    # an earlier row in flight keeps the later ones waiting, for every worker
    assert db.call(calendar_store.claim_calendar_changes, "w2", NOW, 10) == []
    db.call(outbox.mark_sent, first[0].id, NOW)
    db.call(outbox.mark_failed, first[1].id, "server down", NOW)
    assert db.call(calendar_store.claim_calendar_changes, "w2", NOW, 10) == []  # head waits
    later = NOW + timedelta(minutes=2)
    again = db.call(calendar_store.claim_calendar_changes, "w2", later, 10)
    assert [item.booking_id for item in again] == ids[1:]
    db.call(calendar_store.release_claimed, [again[1].id])
    with db.session() as session:
        row = session.get(OutboxMessage, again[1].id)
        assert (row.status, row.attempts) == ("queued", 0)

"""Benchmark: reading 5,000 external events from a CalDAV server, then a re-sync with no change.

A real Radicale server on loopback holds one provider's blocking calendar with
5,000 events (4,500 single ones spread over the booking horizon and 500 weekly
recurring ones), written straight into its storage folder as another calendar
app's files would be. Timed: the first sync (list ETags, fetch every body by
calendar-multiget, expand recurrences, store the busy periods), a second sync
with no change (targets: <= 10 s and <= 1 s), and a day's slots with that busy
time in place. Prints the numbers and writes
``tests/benchmarks/results/calendar.json``.

Run from the checkout: ``python -m tests.benchmarks.calendar``.
"""

from __future__ import annotations

import asyncio
import json
import platform
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import keyring

from careops_desktop.core.db import Database
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import slots
from careops_desktop.core.services.calendar import CalendarAccount, CalendarRef
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.integrations import secrets
from careops_desktop.integrations.ical_busy import periods_from_event
from careops_desktop.jobs.calendar_jobs import CalendarSync
from tests.core.booking_world import build_in
from tests.integrations.calendar_world import OWNER
from tests.integrations.memory_keyring import MemoryKeyring
from tests.integrations.radicale_server import PASSWORD, USER, RadicaleServer
from tests.integrations.smtp_server import free_port

MULTIGET_BATCH = 250

NOW = datetime(2026, 10, 19, 6, 0, tzinfo=UTC)
EVENTS = 5_000
RECURRING = 500
TARGET_FIRST = 10.0
TARGET_AGAIN = 1.0
RESULTS = Path(__file__).parent / "results" / "calendar.json"


def _event(n: int) -> str:
    day = NOW.date() + timedelta(days=n % 60)
    hour = 8 + n % 10
    stamp = f"{day:%Y%m%d}T{hour:02d}{(n * 7) % 60:02d}00"
    rule = "RRULE:FREQ=WEEKLY;COUNT=20\r\n" if n < RECURRING else ""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:bench-{n}@example.org\r\nDTSTAMP:20261001T000000Z\r\n"
        f"DTSTART;TZID=Europe/London:{stamp}\r\nDURATION:PT{15 + n % 4 * 15}M\r\n"
        f"{rule}SUMMARY:Busy {n}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _fill(server: RadicaleServer, cal_id: str) -> None:
    folder = server.root / "collections" / "collection-root" / USER / cal_id
    for n in range(EVENTS):
        (folder / f"bench-{n}.ics").write_text(_event(n), encoding="utf-8")


def _warm_up(server: RadicaleServer, url: str) -> float:
    """Let Radicale build its item cache once (as it does when events arrive by PUT)."""
    started = time.perf_counter()
    client = server.client()
    client.timeout = 900
    try:
        calendar = client.calendar(url=url)
        listing = calendar.objects_by_sync_token(None, load_objects=False)
        assert len(listing) == EVENTS, len(listing)
    finally:
        client.session.close()
    return time.perf_counter() - started


def _breakdown(server: RadicaleServer, url: str) -> dict[str, float]:
    """Where the first sync's time goes: the server's listing and bodies, and our parsing."""
    client = server.client()
    client.timeout = 900
    try:
        calendar = client.calendar(url=url)
        listing_s, listing = _timed(lambda: calendar.objects_by_sync_token(None))
        hrefs = [obj.url for obj in listing]
        started = time.perf_counter()
        bodies: list[tuple[str, str]] = []
        for first in range(0, len(hrefs), MULTIGET_BATCH):
            bodies += [
                (str(u), str(d))
                for u, d in calendar._multiget(hrefs[first : first + MULTIGET_BATCH])
            ]
        bodies_s = time.perf_counter() - started
    finally:
        client.session.close()
    window = (NOW - timedelta(days=1), NOW + timedelta(days=92))
    zone = ZoneInfo("Europe/London")
    parse_s, _ = _timed(
        lambda: [
            periods_from_event(text, href=href, etag="", window=window, zone=zone)
            for href, text in bodies
        ]
    )
    return {
        "server_listing_seconds": round(listing_s, 3),
        "server_bodies_seconds": round(bodies_s, 3),
        "client_parse_and_expand_seconds": round(parse_s, 3),
    }


def _timed(fn: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> dict[str, Any]:
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "radicale").mkdir()
        server = RadicaleServer(root / "radicale", free_port(), log_level="warning")
        server.start()
        database = Database(f"sqlite:///{root / 'bench.sqlite3'}")
        try:
            upgrade_to_head(database.engine)
            world = build_in(database)
            personal = server.make_calendar("personal", "Personal")
            _fill(server, "personal")
            warm_s = _warm_up(server, personal)
            secrets.set_secret("caldav", "password", PASSWORD)
            database.call(
                calendar_sync.save_account,
                OWNER,
                CalendarAccount(url=server.url, username=USER, timeout_seconds=300),
            )
            database.call(
                calendar_sync.set_provider_calendars,
                OWNER,
                world.alice,
                None,
                [CalendarRef(personal, "Personal")],
                NOW,
            )
            sync = CalendarSync(database, clock=lambda: NOW)
            first_s, first = _timed(lambda: asyncio.run(sync.read_busy(force=True)))
            agains = []
            again = None
            for _ in range(5):
                seconds, again = _timed(lambda: asyncio.run(sync.read_busy(force=True)))
                agains.append(seconds)
            assert again is not None
            breakdown = _breakdown(server, personal)
            busy = database.call(
                calendar_sync.busy_blocks_for,
                [world.alice],
                NOW - timedelta(days=1),
                NOW + timedelta(days=62),
            )[world.alice]
            day = date(2026, 10, 21)
            slot_times = []
            for _ in range(20):
                seconds, _found = _timed(
                    lambda: database.call(slots.slots_for_day, world.consult, day, world.alice, NOW)
                )
                slot_times.append(seconds)
        finally:
            database.close()
            server.stop()
    results = {
        "first_sync": {
            "seconds": round(first_s, 3),
            "target_seconds": TARGET_FIRST,
            "bodies_fetched": first.bodies_fetched,
            "rows_stored": first.rows_changed,
            "errors": list(first.errors),
        },
        "resync_no_change": {
            "median_seconds": round(statistics.median(agains), 3),
            "max_seconds": round(max(agains), 3),
            "target_seconds": TARGET_AGAIN,
            "bodies_fetched": again.bodies_fetched,
            "rows_changed": again.rows_changed,
        },
        "busy_periods_in_horizon": len(busy),
        "server_cache_warm_up_seconds": round(warm_s, 3),
        "first_sync_breakdown": breakdown,
        "slots_for_day_with_busy_ms": {
            "median": round(statistics.median(slot_times) * 1000, 2),
            "max": round(max(slot_times) * 1000, 2),
        },
    }
    report = {
        "benchmark": "calendar",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "events": EVENTS,
        "recurring": RECURRING,
        "results": results,
        "within_targets": first_s <= TARGET_FIRST and statistics.median(agains) <= TARGET_AGAIN,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return report


if __name__ == "__main__":
    main()

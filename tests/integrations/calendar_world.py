"""The clinic of the booking tests, linked to calendars on a real Radicale server.

Alice's bookings go to the calendar "Work"; her calendar "Personal" blocks her
slots. The clock is a list so tests can move it; it starts on Monday
2026-10-19 07:00 in London (BST), the week before the clocks go back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor, Role, permissions_for
from careops_desktop.core.services.calendar import CalendarAccount, CalendarRef
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.integrations import secrets
from careops_desktop.jobs.calendar_jobs import CalendarSync
from tests.core.booking_world import LONDON, World, build_in
from tests.integrations.radicale_server import PASSWORD, USER, RadicaleServer

T = TypeVar("T")

NOW = datetime(2026, 10, 19, 6, 0, tzinfo=UTC)  # Monday 07:00 BST
OWNER = Actor(user_id=None, name="Owner", role=Role.OWNER, permissions=permissions_for(Role.OWNER))


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A London wall-clock time as UTC."""
    return datetime.combine(day, time(hour, minute), LONDON).astimezone(UTC)


def run(awaitable: Awaitable[T]) -> T:
    async def wrapper() -> T:
        return await awaitable

    return asyncio.run(wrapper())


@dataclass
class Linked:
    db: Database
    world: World
    server: RadicaleServer
    work_url: str
    personal_url: str
    clock: list[datetime]
    sync: CalendarSync

    def advance(self, delta: timedelta) -> None:
        self.clock[0] += delta


def link_clinic(
    db: Database, server: RadicaleServer, *, account: CalendarAccount | None = None
) -> Linked:
    """Build the clinic, save the account and its password, link Alice's calendars."""
    world = build_in(db)
    work = server.make_calendar("work", "Work")
    personal = server.make_calendar("personal", "Personal")
    secrets.set_secret("caldav", "password", PASSWORD)
    chosen = account or CalendarAccount(url=server.url, username=USER)
    db.call(calendar_sync.save_account, OWNER, chosen)
    db.call(
        calendar_sync.set_provider_calendars,
        OWNER,
        world.alice,
        CalendarRef(work, "Work"),
        [CalendarRef(personal, "Personal")],
        NOW,
    )
    clock = [NOW]
    sync = CalendarSync(db, worker="test-worker", clock=lambda: clock[0])
    return Linked(db, world, server, work, personal, clock, sync)


def vevent(uid: str, body: str) -> str:
    """A VCALENDAR with one VEVENT made of ``body`` lines, as a calendar app writes it."""
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other App//EN\r\n"
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261001T000000Z\r\n"
        + "".join(f"{line}\r\n" for line in body.strip().splitlines())
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )

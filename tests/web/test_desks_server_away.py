"""Losing the PostgreSQL server while desks are open: told, refused in words, then caught up.

A throwaway cluster of this test's own (the session's shared server stays up) is stopped
while desk A listens: A's status says the server is away, A's write is refused with
:class:`DatabaseUnreachable` (nothing half-saved), the server comes back, desk B (another
process) books at once, and A reconnects, hears that it may have missed changes, and
sees B's booking.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator

import psycopg
import pytest

from careops_desktop.core import events
from careops_desktop.core.change_feed import ChangesMissed
from careops_desktop.core.change_listener import ChangeListener, DeskStatus
from careops_desktop.core.connection_loss import DatabaseUnreachable
from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import bookings
from tests.pg_server import PostgresServer, start_server
from tests.web.desks import Heard, desk_b
from tests.web.seed import open_shop

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def pg_ctl(server: PostgresServer, *args: str) -> None:
    """Run ``pg_ctl`` on ``server``'s cluster (as the postgres user when we are root)."""
    import glob

    assert server.folder is not None
    binary = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)[0]
    command = [binary, "-D", str(server.folder / "data"), *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)


def restart(server: PostgresServer) -> None:
    assert server.folder is not None
    options = (
        f"-p {server.port} -k {server.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    pg_ctl(server, "-o", options, "-l", str(server.folder / "server.log"), "-w", "start")


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    if os.environ.get("CAREOPS_TEST_PG_URL"):
        pytest.skip("stopping the server needs a throwaway cluster, not CAREOPS_TEST_PG_URL")
    try:
        server = start_server()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        yield server
    finally:
        server.stop()


class Statuses:
    def __init__(self) -> None:
        self.seen: list[DeskStatus] = []
        self.changed = threading.Condition()

    def __call__(self, status: DeskStatus) -> None:
        with self.changed:
            self.seen.append(status)
            self.changed.notify_all()

    def wait_for(self, connected: bool, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(
                lambda: bool(self.seen) and self.seen[-1].connected is connected, timeout
            )


def test_server_stopped_and_restarted_a_reconnects_and_shows_b_change(
    own_server: PostgresServer,
) -> None:
    admin = own_server.url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("CREATE DATABASE careops_away")
    url = own_server.url("careops_away")
    database = Database(url)
    upgrade_to_head(database.engine)
    shop = database.call(open_shop)
    bus = events.EventBus()
    heard = Heard(bus)
    statuses = Statuses()
    listener = ChangeListener(database, bus=bus, on_status=statuses)
    listener.start()
    try:
        assert listener.status.connected
        with desk_b(url) as b:
            pg_ctl(own_server, "-m", "fast", "stop")
            assert statuses.wait_for(connected=False, timeout=5), statuses.seen
            with pytest.raises(DatabaseUnreachable, match="nothing was saved"):
                database.call(
                    bookings.book_public,
                    booking_type_id=shop.checkup_id,
                    provider_id=shop.grace_id,
                    start_utc=shop.local(shop.day(2), 9),
                    name="Typed While Away",
                    phone="+44 117 496 0102",
                )
            refused = b.ask(
                do="book",
                type=shop.checkup_id,
                provider=shop.grace_id,
                start=shop.local(shop.day(2), 10),
            )
            assert refused["error"] == "DatabaseUnreachable"
            restart(own_server)
            answer = b.ask(
                do="book",
                type=shop.checkup_id,
                provider=shop.grace_id,
                start=shop.local(shop.day(2), 11),
            )
            assert "ok" in answer, answer
        assert statuses.wait_for(connected=True, timeout=15), statuses.seen
        # every view refreshes once after a reconnect (B's change may have gone unheard)
        assert heard.wait_for(lambda e: isinstance(e, ChangesMissed), timeout=5)
        shown = database.call(bookings.get_booking, Actor.system("Desk A"), answer["ok"])
        assert shown.start == shop.local(shop.day(2), 11)
    finally:
        listener.close()
        heard.close()
        database.close()

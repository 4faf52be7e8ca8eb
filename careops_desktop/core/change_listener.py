"""Hearing the other processes on the same database, and who else is here.

:class:`ChangeListener` publishes every event another process committed on
``core.events.bus``, exactly as if it had been committed here, so the window's
views (through the events bridge), the booking page's slot cache and the
dashboard follow without knowing where a change came from. It also reports a
:class:`DeskStatus` (is the server reachable, how many other desks are connected)
through ``on_status``, called from the listener's own thread.

- SQLite: a small thread wakes every ``POLL_SECONDS`` and queues one poll on the
  database worker (``Database.submit_plain``): ``PRAGMA data_version`` on the
  poll's own connection, and only when it moved, the ``change_feed`` rows after
  the last one seen. A heartbeat row in ``desk_presence`` says this process is here.
- PostgreSQL: a dedicated connection does ``LISTEN careops_changes``; its
  ``application_name`` says this process is here (``pg_stat_activity``). When the
  connection drops, the status says so, the listener reconnects with backoff, and
  then publishes :class:`ChangesMissed` so every view refreshes once.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from careops_desktop.core import events
from careops_desktop.core.change_feed import CHANNEL, ORIGIN, ChangesMissed, decode

if TYPE_CHECKING:
    from careops_desktop.core.db import Database

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 10.0
PRESENT_SECONDS = 35.0  # a heartbeat older than this is a desk that has gone
BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 8.0)
APP_NAME_PREFIX = "careops-"


@dataclass(frozen=True)
class DeskStatus:
    """What the status bar shows: the server reachable or not, and the other desks."""

    connected: bool
    other_desks: int = 0


StatusCallback = Callable[[DeskStatus], None]


class ChangeListener:
    """Listens for other processes' changes on ``database`` until :meth:`close`.

    ``role`` ("desk" or "serve") is what other desks count: only desks are counted.
    """

    def __init__(
        self,
        database: Database,
        *,
        role: str = "desk",
        on_status: StatusCallback | None = None,
        bus: events.EventBus | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.database = database
        self.role = role
        self.on_status = on_status
        self.bus = bus or events.bus
        self.poll_seconds = poll_seconds
        self.status = DeskStatus(connected=True)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        # SQLite poll state: touched only on the database worker thread
        self._raw: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._last_seq: int | None = None
        self._next_heartbeat = 0.0

    @property
    def app_name(self) -> str:
        return f"{APP_NAME_PREFIX}{self.role}-{ORIGIN}"

    def start(self, timeout: float = 10.0) -> None:
        """Start listening; returns once the listener has its starting point (or timeout)."""
        if self._thread is not None:
            return
        target = self._run_sqlite if self.database.is_sqlite else self._run_postgres
        self._thread = threading.Thread(target=target, name="careops-changes", daemon=True)
        self._thread.start()
        self._ready.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Stop listening and wait for the thread; the desk's presence is withdrawn."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    # -- shared -----------------------------------------------------------------------------

    def _set_status(self, status: DeskStatus) -> None:
        if status == self.status:
            return
        self.status = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("desk status callback failed")

    def _deliver(self, payload: str) -> None:
        decoded = decode(payload)
        if decoded.origin == ORIGIN:
            return  # published here already, at our own commit
        for event in decoded.events:
            self.bus.publish(event)

    # -- SQLite: a poll on the database worker -----------------------------------------------

    def _run_sqlite(self) -> None:
        try:
            self.database.submit_plain(self.poll).result()
        except Exception:
            log.exception("the first change poll failed")
        self._ready.set()
        while not self._stop.wait(self.poll_seconds):
            try:
                self.database.submit_plain(self.poll).result()
            except RuntimeError:  # the worker was shut down: the database is closing
                break
            except Exception:
                log.exception("change poll failed")
        try:
            self.database.submit_plain(self.leave).result(timeout=5)
        except Exception:
            log.debug("could not withdraw this desk's heartbeat", exc_info=True)

    def _connection(self) -> sqlite3.Connection:
        if self._raw is None:
            from sqlalchemy.engine import make_url

            path = make_url(self.database.url).database or ""
            raw = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
            raw.execute("PRAGMA busy_timeout = 5000")
            self._raw = raw
        return self._raw

    def poll(self) -> None:
        """Database worker: publish what other processes committed since the last poll."""
        raw = self._connection()
        now = time.monotonic()
        if now >= self._next_heartbeat:
            self._next_heartbeat = now + HEARTBEAT_SECONDS
            self._heartbeat(raw)
        version = int(raw.execute("PRAGMA data_version").fetchone()[0])
        if version == self._data_version:
            return
        self._data_version = version
        if self._last_seq is None:
            row = raw.execute("SELECT max(seq) FROM change_feed").fetchone()
            self._last_seq = int(row[0] or 0)
            return
        rows = raw.execute(
            "SELECT seq, origin, payload FROM change_feed WHERE seq > ? ORDER BY seq",
            (self._last_seq,),
        ).fetchall()
        if not rows:
            return
        if rows[0][0] != self._last_seq + 1:
            oldest = raw.execute("SELECT min(seq) FROM change_feed").fetchone()[0]
            if oldest is not None and oldest > self._last_seq + 1:  # pruned before we read
                self.bus.publish(ChangesMissed("gap"))
        self._last_seq = int(rows[-1][0])
        for _seq, origin, payload in rows:
            if origin != ORIGIN:
                self._deliver(payload)

    def _heartbeat(self, raw: sqlite3.Connection) -> None:
        now = time.time()
        cutoff = now - PRESENT_SECONDS
        try:
            raw.execute(
                "INSERT INTO desk_presence (token, role, seen_at) VALUES (?, ?, ?) "
                "ON CONFLICT (token) DO UPDATE SET seen_at = excluded.seen_at",
                (ORIGIN, self.role, now),
            )
            seen = raw.execute(
                "SELECT seen_at FROM desk_presence WHERE role = 'desk' AND token <> ?",
                (ORIGIN,),
            ).fetchall()
        except sqlite3.Error:
            log.debug("desk heartbeat failed", exc_info=True)
            return
        others = sum(1 for (seen_at,) in seen if float(seen_at or 0) >= cutoff)
        self._set_status(DeskStatus(connected=True, other_desks=others))

    def leave(self) -> None:
        """Database worker: withdraw this desk's heartbeat and close the poll's connection."""
        raw = self._raw
        if raw is None:
            return
        try:
            raw.execute("DELETE FROM desk_presence WHERE token = ?", (ORIGIN,))
        finally:
            raw.close()
            self._raw = None

    # -- PostgreSQL: LISTEN on a connection of its own ---------------------------------------

    def _conninfo(self) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.database.url).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _run_postgres(self) -> None:
        attempt = 0
        first = True
        while not self._stop.is_set():
            try:
                connection = self._connect()
            except Exception as exc:
                log.info("change listener cannot reach the database server: %s", type(exc).__name__)
                self._set_status(DeskStatus(connected=False, other_desks=self.status.other_desks))
                self._ready.set()
                delay = BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)]
                attempt += 1
                if self._stop.wait(delay):
                    return
                continue
            missed = not first
            first = False
            attempt = 0
            try:
                self._listen(connection, missed)
            except Exception as exc:
                log.info("change listener lost the database server: %s", type(exc).__name__)
                self._set_status(DeskStatus(connected=False, other_desks=self.status.other_desks))
            finally:
                try:
                    connection.close()
                except Exception:
                    log.debug("closing the listening connection failed", exc_info=True)

    def _connect(self) -> Any:
        import psycopg

        connection = psycopg.connect(
            self._conninfo(), autocommit=True, application_name=self.app_name, connect_timeout=3
        )
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def _listen(self, connection: Any, missed: bool) -> None:
        self._set_status(DeskStatus(connected=True, other_desks=self._count_desks(connection)))
        self._ready.set()
        if missed:  # changes made while we were away were not heard: refresh everything once
            self.bus.publish(ChangesMissed("reconnected"))
        next_count = time.monotonic() + HEARTBEAT_SECONDS
        while not self._stop.is_set():
            for notify in connection.notifies(timeout=0.5, stop_after=64):
                if notify.channel == CHANNEL:
                    self._deliver(notify.payload)
            if time.monotonic() >= next_count:
                next_count = time.monotonic() + HEARTBEAT_SECONDS
                self._set_status(
                    DeskStatus(connected=True, other_desks=self._count_desks(connection))
                )

    def _count_desks(self, connection: Any) -> int:
        row = connection.execute(
            "SELECT count(DISTINCT application_name) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name LIKE %s "
            "AND application_name <> %s",
            (f"{APP_NAME_PREFIX}desk-%", self.app_name),
        ).fetchone()
        return int(row[0]) if row else 0

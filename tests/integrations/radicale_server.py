"""A real CalDAV server for the tests: Radicale (from PyPI) on a free loopback port.

Each test gets its own server process with a temporary storage folder and a
plain-text htpasswd file (one user). The server can be stopped and started again
on the same port with the same storage (the "server down" tests). Requests are
logged at debug level into ``log_path``, so tests can count what was asked for
(e.g. how many calendar-multiget reports fetched event bodies).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import caldav
import pytest

from tests.integrations.smtp_server import free_port

USER = "alice"
PASSWORD = "calendar-app-pass"
START_TIMEOUT = 20.0


@dataclass
class RadicaleServer:
    root: Path
    port: int
    log_level: str = "debug"
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def log_path(self) -> Path:
        return self.root / "radicale.log"

    def _config(self) -> Path:
        users = self.root / "users"
        users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        config = self.root / "config"
        config.write_text(
            "\n".join(
                [
                    "[server]",
                    f"hosts = 127.0.0.1:{self.port}",
                    "[auth]",
                    "type = htpasswd",
                    f"htpasswd_filename = {users}",
                    "htpasswd_encryption = plain",
                    "delay = 0",
                    "[storage]",
                    f"filesystem_folder = {self.root / 'collections'}",
                    "[web]",
                    "type = none",
                    "[logging]",
                    f"level = {self.log_level}",
                    "request_content_on_debug = True",
                    "mask_passwords = True",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        return config

    def start(self) -> None:
        config = self._config()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Radicale exited: {self.log_path.read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("Radicale did not start listening in time")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def client(self) -> caldav.DAVClient:
        return caldav.DAVClient(self.url, username=USER, password=PASSWORD, timeout=10)

    def make_calendar(self, cal_id: str, name: str) -> str:
        """Create a calendar for the user; returns its URL."""
        client = self.client()
        try:
            calendar = client.principal().make_calendar(name=name, cal_id=cal_id)
            return str(calendar.url)
        finally:
            client.session.close()

    def put_event(self, calendar_url: str, ics: str) -> None:
        """Add (or replace) an event as another calendar app would."""
        client = self.client()
        try:
            client.calendar(url=calendar_url).save_event(ics)
        finally:
            client.session.close()

    def event_texts(self, calendar_url: str) -> list[str]:
        """Every event resource's iCalendar text in the calendar."""
        client = self.client()
        try:
            calendar = client.calendar(url=calendar_url)
            objects = calendar.objects_by_sync_token(load_objects=True)
            return [str(obj.data) for obj in objects if obj.data]  # deleted ones have none
        finally:
            client.session.close()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[RadicaleServer]:
    """A Radicale server for one test, stopped afterwards."""
    root = tmp_path / "radicale"
    root.mkdir()
    server = RadicaleServer(root, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()

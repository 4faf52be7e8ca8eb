"""Never double-book: 50 customers press "Book" at once over real sockets.

Against a running listener (its own thread, real TCP), from 50 threads; the
same for overlapping but different times; and with two separate listener
processes sharing one SQLite file. Each race ends in exactly one booking and
49 answers of 409.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking
from careops_desktop.runtime import Runtime
from careops_desktop.web import csrf
from careops_desktop.web.params import format_start
from tests.web.conftest import RELAXED, hidden_fields
from tests.web.seed import Shop

ROOT = Path(__file__).resolve().parents[2]
RACERS = 50


class FormSession:
    """One browser's view of a listener: its CSRF cookie and a details form's hidden fields."""

    def __init__(self, base_url: str, shop: Shop, slug: str, start: datetime) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.origin = f"http://{self.host}:{self.port}"
        self.slug = slug
        query = urlencode(
            {"start": format_start(start), "provider": shop.grace_id, "choice": shop.grace_id}
        )
        status, headers, page = self.request("GET", f"/book/{slug}/details?{query}")
        assert status == 200, page
        cookie = SimpleCookie()
        for value in headers.get_all("Set-Cookie") or []:
            cookie.load(value)
        self.cookie = f"{csrf.COOKIE}={cookie[csrf.COOKIE].value}"
        self.hidden = hidden_fields(page)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, http.client.HTTPMessage, str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def book(self, start: datetime, n: int) -> int:
        fields = dict(
            self.hidden,
            start=format_start(start),
            name=f"Racer {n}",
            email=f"racer{n}@example.com",
            phone="",
            notes="",
        )
        status, _, _ = self.request(
            "POST",
            f"/book/{self.slug}",
            urlencode(fields).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.cookie,
                "Origin": self.origin,
            },
        )
        return status


def race(jobs: list[tuple[FormSession, datetime]]) -> Counter[int]:
    """Send every booking at the same moment from its own thread; count the answers."""
    barrier = threading.Barrier(len(jobs))
    answers: list[int] = []
    lock = threading.Lock()

    def run(n: int, session: FormSession, start: datetime) -> None:
        barrier.wait()
        status = session.book(start, n)
        with lock:
            answers.append(status)

    threads = [threading.Thread(target=run, args=(n, s, t)) for n, (s, t) in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    return Counter(answers)


def live_bookings(db: Database) -> list[Booking]:
    with db.session() as session:
        found = list(session.scalars(select(Booking).where(Booking.status != "cancelled")))
        session.expunge_all()
        return found


@pytest.fixture
def listener(db: Database, shop: Shop) -> Iterator[str]:
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[], settings=RELAXED)
    url = runtime.start_in_thread()
    yield url
    runtime.stop()


def test_fifty_posts_for_one_slot_make_one_booking_and_49_conflicts(
    db: Database, shop: Shop, listener: str
) -> None:
    start = shop.local(shop.day(2), 10)
    session = FormSession(listener, shop, shop.checkup_slug, start)
    answers = race([(session, start)] * RACERS)
    assert answers == Counter({303: 1, 409: RACERS - 1})
    booked = live_bookings(db)
    assert len(booked) == 1 and booked[0].provider_id == shop.grace_id


def test_overlapping_different_slots_make_one_booking(
    db: Database, shop: Shop, listener: str
) -> None:
    ten, half_past = shop.local(shop.day(2), 10), shop.local(shop.day(2), 10, 30)
    session = FormSession(listener, shop, shop.long_slug, ten)  # 60 minutes, Grace only
    jobs = [(session, ten if n % 2 else half_past) for n in range(RACERS)]
    answers = race(jobs)
    assert answers == Counter({303: 1, 409: RACERS - 1})
    assert len(live_bookings(db)) == 1


def serve_process(db: Database) -> tuple[subprocess.Popen[str], str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
        CAREOPS_WEB_MIN_FILL_SECONDS="0",
        CAREOPS_WEB_POST_BURST="10000",
        CAREOPS_WEB_POST_RATE_PER_MINUTE="60000",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "careops_desktop",
            "--db",
            db.url,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("Booking page:"):
            return process, line.split(": ", 1)[1].strip()
        if not line:
            break
    process.kill()
    raise AssertionError("careops serve did not start: " + process.communicate()[1])


@pytest.mark.slow
def test_two_listener_processes_on_one_sqlite_file_make_one_booking(
    db: Database, shop: Shop
) -> None:
    processes = [serve_process(db), serve_process(db)]
    try:
        start = shop.local(shop.day(2), 11)
        sessions = [FormSession(url, shop, shop.checkup_slug, start) for _, url in processes]
        answers = race([(sessions[n % 2], start) for n in range(RACERS)])
    finally:
        for process, _ in processes:
            process.terminate()
        for process, _ in processes:
            try:
                process.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
    assert answers == Counter({303: 1, 409: RACERS - 1})
    assert len(live_bookings(db)) == 1
    assert [p.returncode for p, _ in processes] == [0, 0]

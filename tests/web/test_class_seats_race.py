"""The last seats of a class: N + 20 customers press "Book" at once over real sockets.

Two ``careops serve`` processes share one database (a SQLite file; on the
PostgreSQL run, one PostgreSQL database), half the POSTs to each. Exactly N
seats are taken; the other 20 get the 409 "this class is full" page offering
the next sessions, and no session holds more than its capacity.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import datetime
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, ClassSession
from careops_desktop.web.params import format_start
from tests.web.class_seed import CLASS_SLUG, open_class, take_seats
from tests.web.seed import Shop
from tests.web.test_race import FormSession, race, serve_process

CAPACITY = 8
TAKEN_BEFORE = 3
LAST_SEATS = CAPACITY - TAKEN_BEFORE
EXTRA = 20


def _stop(processes: list[tuple[subprocess.Popen[str], str]]) -> None:
    for process, _ in processes:
        process.terminate()
    for process, _ in processes:
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def _full_page(session: FormSession, start: datetime) -> tuple[int, str]:
    fields = dict(
        session.hidden,
        start=format_start(start),
        name="Late Comer",
        email="late@example.com",
        phone="",
        notes="",
    )
    status, _, page = session.request(
        "POST",
        f"/book/{CLASS_SLUG}",
        urlencode(fields).encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": session.cookie,
            "Origin": session.origin,
        },
    )
    return status, page


@pytest.mark.slow
def test_the_last_seats_go_to_exactly_n_of_n_plus_20_across_two_processes(
    db: Database, shop: Shop
) -> None:
    type_id = open_class(db, shop, CAPACITY)
    start = shop.local(shop.day(2), 10)
    take_seats(db, shop, type_id, start, TAKEN_BEFORE)
    processes = [serve_process(db), serve_process(db)]
    try:
        sessions = [FormSession(url, shop, CLASS_SLUG, start) for _, url in processes]
        answers = race([(sessions[n % 2], start) for n in range(LAST_SEATS + EXTRA)])
        status, page = _full_page(sessions[0], start)
    finally:
        _stop(processes)
    assert answers == Counter({303: LAST_SEATS, 409: EXTRA})
    assert status == 409 and "Sorry, this class is full" in page
    assert "Choose another session" in page and 'type="radio" name="start"' in page
    with db.session() as s:
        seats = s.execute(
            select(Booking.session_id, func.count(Booking.id))
            .where(Booking.status != "cancelled")
            .group_by(Booking.session_id)
        ).all()
        assert s.scalar(select(func.count(ClassSession.id))) == 1
    assert [count for _, count in seats] == [CAPACITY]
    assert [p.returncode for p, _ in processes] == [0, 0]

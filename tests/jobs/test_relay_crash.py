"""SIGKILL the relay process in the middle of a batch, start it again: every message arrives
at least once, always under the one Message-ID its outbox row was given."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import outbox
from careops_desktop.integrations import integration_settings as cfg
from tests.integrations.smtp_server import RecordingHandler, start_smtp_server

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 300
BATCH = 50


def _relay(db_url: str, stale_seconds: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.jobs.relay_process", db_url, str(BATCH), str(stale_seconds)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_sigkill_mid_batch_then_restart_delivers_everything_once_per_id(
    db: Database, db_url: str
) -> None:
    handler = RecordingHandler(delay=0.002)
    server, controller = start_smtp_server(handler)
    try:
        db.call(
            cfg.save_smtp,
            Actor.system("Owner"),
            cfg.SmtpSettings(
                host=server.host,
                port=server.port,
                security="none",
                from_address="desk@harbour.example.org",
                timeout_seconds=10,
            ),
        )
        with db.write_session() as s:
            for i in range(TOTAL):
                outbox.enqueue(
                    s,
                    channel="email",
                    recipient=f"c{i}@example.com",
                    subject=f"Reminder {i}",
                    body="See you tomorrow.",
                    kind="reminder",
                )

        first = _relay(db_url, stale_seconds=600)
        deadline = time.monotonic() + 120
        while len(server.received) < BATCH + BATCH // 2:  # inside the second batch
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            assert time.monotonic() < deadline, "the relay sent too slowly"
            time.sleep(0.002)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert first.returncode == -signal.SIGKILL
        sent_before_restart = len(server.received)
        assert sent_before_restart < TOTAL

        with db.session() as s:
            stuck = s.scalars(select(OutboxMessage).where(OutboxMessage.status == "sending")).all()
            assert stuck, "the kill should have left a claimed batch behind"

        second = _relay(db_url, stale_seconds=0)  # the crashed worker's claims are stale now
        _out, err = second.communicate(timeout=180)
        assert second.returncode == 0, err.decode()
    finally:
        controller.stop()

    with db.session() as s:
        rows = s.scalars(select(OutboxMessage)).all()
    assert len(rows) == TOTAL
    assert {r.status for r in rows} == {"sent"}
    row_ids = {r.message_id for r in rows}
    assert len(row_ids) == TOTAL
    received = Counter(r.headers["Message-ID"] for r in server.received)
    assert set(received) == row_ids  # every message arrived, none under another ID
    duplicates = sum(n - 1 for n in received.values())
    assert duplicates <= BATCH  # only the batch that was in flight can repeat
    recipients = {r.headers["Message-ID"]: r.rcpt_tos[0] for r in server.received}
    assert all(recipients[r.message_id] == r.recipient for r in rows)

"""A slow mail server cannot hold the outbox or the poll: every conversation has a deadline.

Against a tarpit (a ``220-`` line every 3 s, below the 5 s read timeout) and a server
that accepts and never answers: the run ends at the deadline, the rows are back in
the queue with their Message-IDs, the status text says what happened, and the other
work on the loop is never held up.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import outbox
from careops_desktop.integrations import email_in, secrets
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.jobs.imap_poll import ImapPoller
from careops_desktop.jobs.outbox_relay import OutboxRelay
from tests.actors import OWNER
from tests.integrations.memory_keyring import MemoryKeyring, memory_keyring
from tests.integrations.slow_servers import Tarpit, imap_tarpit, silent_server, smtp_tarpit

__all__ = ["memory_keyring"]
T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
TIMEOUT = 5
SLACK = 3.0


def _server(kind: str) -> AbstractContextManager[Tarpit]:
    return smtp_tarpit() if kind == "tarpit" else silent_server()


@pytest.mark.parametrize("kind", ["tarpit", "silent"])
@pytest.mark.slow
def test_a_stalling_server_ends_the_run_at_the_deadline(world: Database, kind: str) -> None:
    with _server(kind) as server:
        world.call(
            cfg.save_smtp,
            OWNER,
            cfg.SmtpSettings(
                host="127.0.0.1",
                port=server.port,
                security="none",
                from_address="desk@harbour-physio.example.org",
                timeout_seconds=TIMEOUT,
            ),
        )
        with world.write_session() as s:
            ids = [
                outbox.enqueue(
                    s,
                    channel="email",
                    recipient=f"c{i}@example.com",
                    subject="Hi",
                    body="Body",
                    kind="confirmation",
                    now=T0,
                )
                for i in range(25)  # more than one batch: the run must not try batch after batch
            ]
        with world.session() as s:
            before = dict(s.execute(select(OutboxMessage.id, OutboxMessage.message_id)).all())
        relay = OutboxRelay(world, worker="w1", batch=10, clock=lambda: T0)
        gaps: list[float] = []

        async def ticker(stop: asyncio.Event) -> None:
            last = time.monotonic()
            while not stop.is_set():
                await asyncio.sleep(0.05)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        async def main() -> float:
            stop = asyncio.Event()
            tick = asyncio.create_task(ticker(stop))
            started = time.monotonic()
            report = await relay.run_once()
            elapsed = time.monotonic() - started
            stop.set()
            await tick
            assert report.sent == 0 and report.claimed == 10
            return elapsed

        elapsed = asyncio.run(main())
        assert server.connections == 1
    assert elapsed <= TIMEOUT + SLACK
    assert max(gaps) < 1.0  # the loop (other jobs, the listener) was never held up
    words = f"The mail server did not answer within {TIMEOUT} s."
    with world.session() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    assert {r.status for r in rows} == {"queued"}  # nothing stuck in "sending"
    assert {r.message_id for r in rows} == set(before.values())
    assert all(before[r.id] == r.message_id for r in rows)
    tried = [r for r in rows if r.attempts]
    assert len(tried) == 10 and all(r.last_error == words for r in tried)
    assert all(r.claimed_by == "" for r in rows)
    assert world.call(cfg.get_health, "email") == (False, words)
    assert sorted(ids) == [r.id for r in rows]


@pytest.mark.slow
def test_a_stalling_imap_server_ends_the_poll_with_words(
    world: Database, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(email_in, "DEADLINE_TIMEOUTS", 1)  # 5 s instead of 20 s
    with imap_tarpit() as server:
        world.call(
            cfg.save_imap,
            OWNER,
            cfg.ImapSettings(
                enabled=True,
                host="127.0.0.1",
                port=server.port,
                security="none",
                username="desk",
                timeout_seconds=TIMEOUT,
            ),
        )
        secrets.set_secret("imap", "password", "secret")
        started = time.monotonic()
        report = asyncio.run(ImapPoller(world, clock=lambda: T0).run_once(force=True))
        elapsed = time.monotonic() - started
    words = f"The mail server did not answer within {TIMEOUT} s."
    assert elapsed <= TIMEOUT + SLACK
    assert report.error == words
    assert world.call(cfg.get_state, "email", "imap")["last_error"] == words

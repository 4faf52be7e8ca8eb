"""Benchmark: how fast messages leave and arrive, over loopback.

Measured:

- the outbox relay sending N queued emails (with a booking ``.ics`` attached to every
  tenth) to a real SMTP server (aiosmtpd), 10 per SMTP conversation as the app does,
  three times over (:func:`bench_relay`): emails per second (the median run), and the
  time from claim to ``sent`` per email (p50/p99);
- the booking-reminder job queueing reminders for N bookings (one transaction per
  batch of 50): reminders per second;
- reading replies: ``parse_email`` (with quote stripping) on Gmail, Outlook and
  Apple Mail replies: messages per second;
- the IMAP poll (``bench_poll``): 1,000 mixed messages (every ``eml/`` sample layout
  and the ``mail_samples`` replies, poison ones and Message-ID-less copies included)
  waiting in a real Dovecot, fetched, read and recorded by one ``ImapPoller.run_once``:
  seconds (target ≤ 10 s on 2 cores). Skipped when Dovecot is not installed.

Prints the numbers and writes ``tests/benchmarks/results/messaging.json``.
Run from the checkout: ``python -m tests.benchmarks.messaging [--emails 2000]
[--poll-messages 1000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from careops_desktop.core.db import Database
from careops_desktop.core.permissions import Actor
from careops_desktop.core.schema import upgrade_to_head
from careops_desktop.core.services import outbox
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations.email_in import parse_email
from careops_desktop.jobs.outbox_relay import OutboxRelay
from careops_desktop.jobs.reminders import queue_booking_reminders
from tests.integrations.factories import make_booking, make_business
from tests.integrations.mail_samples import apple_reply, gmail_reply, outlook_reply, stranger_mail
from tests.integrations.smtp_server import RecordingHandler, start_smtp_server

RESULTS = Path(__file__).parent / "results" / "messaging.json"
NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def bench_relay(
    database: Database, emails: int, *, batch: int = 10, repeats: int = 3
) -> dict[str, Any]:
    """The relay's throughput to a local aiosmtpd: ``emails`` queued rows sent ``repeats``
    times over (fresh rows each time), ``batch`` rows per SMTP conversation as the running
    app does (each conversation under its deadline); the median run is the figure."""
    server, controller = start_smtp_server(RecordingHandler())
    try:
        database.call(
            cfg.save_smtp,
            Actor.system("Bench"),
            cfg.SmtpSettings(
                host=server.host,
                port=server.port,
                security="none",
                from_address="desk@harbour-physio.example.org",
            ),
        )
        with database.write_session() as s:
            booking_id = make_booking(s, start=NOW + timedelta(days=3)).id
        relay = OutboxRelay(database, worker="bench", batch=batch, clock=lambda: NOW)
        per_email: list[float] = []
        runs: list[float] = []

        async def run() -> float:
            started = time.perf_counter()
            while True:
                batch_start = time.perf_counter()
                report = await relay.run_once()
                if report.claimed == 0:
                    return time.perf_counter() - started
                per_email.append((time.perf_counter() - batch_start) / report.claimed)

        for repeat in range(repeats):
            with database.write_session() as s:
                for i in range(emails):
                    attachments = (
                        [{"kind": "booking_ics", "booking_id": booking_id}] if i % 10 == 0 else []
                    )
                    outbox.enqueue(
                        s,
                        channel="email",
                        recipient=f"customer{repeat}-{i}@example.com",
                        subject=f"Your booking {i}",
                        body="Hello,\n\nSee you on Thursday.\n\nHarbour Physio",
                        kind="confirmation",
                        attachments=attachments,
                        now=NOW,
                    )
            runs.append(asyncio.run(run()))
            assert len(server.received) == emails * (repeat + 1), "every email must arrive"
    finally:
        controller.stop()
    elapsed = statistics.median(runs)
    return {
        "emails": emails,
        "batch": batch,
        "runs_emails_per_s": [round(emails / r, 1) for r in runs],
        "seconds": round(elapsed, 3),
        "emails_per_s": round(emails / elapsed, 1),
        "batch_ms_per_email_p50": round(percentile(per_email, 0.5) * 1000, 2),
        "batch_ms_per_email_p99": round(percentile(per_email, 0.99) * 1000, 2),
    }


def bench_reminders(database: Database, bookings: int) -> dict[str, Any]:
    with database.write_session() as s:
        for i in range(bookings):
            make_booking(s, start=NOW + timedelta(hours=2, minutes=i % 600))
    started = time.perf_counter()
    queued = 0
    while True:
        report = database.call(queue_booking_reminders, NOW)
        queued += report.queued
        if not report.more:
            break
    elapsed = time.perf_counter() - started
    return {
        "bookings": bookings,
        "queued": queued,
        "seconds": round(elapsed, 3),
        "reminders_per_s": round(queued / elapsed, 1),
    }


def bench_parsing(rounds: int) -> dict[str, Any]:
    samples = [
        gmail_reply("<a@b.example>", "Can I move it to Friday?"),
        outlook_reply("<a@b.example>", "Yes, that works."),
        apple_reply("<a@b.example>", "Running late!"),
    ]
    started = time.perf_counter()
    for _ in range(rounds):
        for raw in samples:
            parse_email(raw)
    elapsed = time.perf_counter() - started
    return {"messages": rounds * 3, "messages_per_s": round(rounds * 3 / elapsed, 1)}


def mixed_mail(count: int) -> list[bytes]:
    """``count`` messages cycling through every sample layout, each with its own Message-ID
    (the samples that have none stay copies of each other, as a server delivering twice)."""
    from tests.integrations.eml_samples import NEW_TEXT, sample

    bases = [sample(name) for name in sorted(NEW_TEXT)]
    bases += [
        gmail_reply("<a@b.example>", "Can I move it to Friday?"),
        outlook_reply("<a@b.example>", "Yes, that works."),
        apple_reply("<a@b.example>", "Running late!"),
        stranger_mail(),
    ]
    header = re.compile(rb"(?im)^(Message-I[dD]:\s*<)")
    return [header.sub(rb"\g<1>bench%d." % i, bases[i % len(bases)], count=1) for i in range(count)]


def bench_poll(database: Database, messages: int) -> dict[str, Any]:
    """One IMAP poll of ``messages`` mixed messages from Dovecot into the inbox."""
    import keyring
    from keyring.backends import fail

    from careops_desktop.jobs import imap_poll
    from tests.integrations.dovecot_server import DOVECOT, mailbox, running_dovecot
    from tests.integrations.imap_setup import poll_once, setup_mailbox
    from tests.integrations.memory_keyring import MemoryKeyring

    if not os.path.exists(DOVECOT):
        return {"skipped": "Dovecot is not installed"}
    owner = Actor.system("Bench")
    keyring.set_keyring(MemoryKeyring())
    try:
        with running_dovecot() as dovecot:
            server = mailbox(dovecot, 1)
            client = server.client()
            try:
                for raw in mixed_mail(messages):
                    status, _ = client.append("INBOX", "", None, raw)
                    assert status == "OK"
            finally:
                client.logout()
            setup_mailbox(
                database,
                server,
                actor=owner,
                from_address="desk@bench.example",
                poll_seconds=300,
                timeout_seconds=60,
            )
            poller = imap_poll.ImapPoller(database)
            assert messages <= imap_poll.MAX_ROUNDS * 200, "one run_once must take them all"
            started = time.perf_counter()
            report = poll_once(poller)
            elapsed = time.perf_counter() - started
    finally:
        keyring.set_keyring(fail.Keyring())
    assert report.error == "", report.error
    assert report.recorded + report.skipped == messages
    return {
        "messages": messages,
        "recorded": report.recorded,
        "skipped_as_copies": report.skipped,
        "seconds": round(elapsed, 3),
        "messages_per_s": round(messages / elapsed, 1),
        "target_seconds": 10,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=2000)
    parser.add_argument("--bookings", type=int, default=2000)
    parser.add_argument("--parse-rounds", type=int, default=1000)
    parser.add_argument("--poll-messages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite:///{folder}/bench.sqlite3")
        upgrade_to_head(database.engine)
        with database.write_session() as s:
            make_business(s)
        try:
            results = {
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count(),
                    "load_average_1min": round(os.getloadavg()[0], 2),  # shared machines vary
                },
                "relay": bench_relay(database, args.emails),
                "reminders": bench_reminders(database, args.bookings),
                "parsing": bench_parsing(args.parse_rounds),
                "poll": bench_poll(database, args.poll_messages),
            }
        finally:
            database.close()
    print(json.dumps(results, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

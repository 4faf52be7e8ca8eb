"""Runs the outbox relay in its own process until the outbox is empty (for the crash test).

python -m tests.jobs.relay_process DATABASE_URL BATCH STALE_SECONDS
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import timedelta

from careops_desktop.core.db import Database
from careops_desktop.jobs.outbox_relay import OutboxRelay


async def main(url: str, batch: int, stale_seconds: float) -> None:
    database = Database(url)
    relay = OutboxRelay(
        database,
        worker=f"relay-{os.getpid()}",
        batch=batch,
        stale_after=timedelta(seconds=stale_seconds),
    )
    try:
        while True:
            report = await relay.run_once()
            print(json.dumps({"claimed": report.claimed, "sent": report.sent}), flush=True)
            if report.claimed == 0 and report.released == 0:
                return
    finally:
        database.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))

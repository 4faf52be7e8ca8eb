"""``JobScheduler.run_once``: a job's "run now" work, once, with its result (the Sync button)."""

from __future__ import annotations

import asyncio

import pytest

from careops_desktop.jobs.scheduler import Job, JobScheduler


def test_run_once_runs_the_now_work_and_returns_its_result() -> None:
    calls: list[str] = []

    async def periodic() -> str:
        calls.append("periodic")
        return "periodic"

    async def now() -> str:
        calls.append("now")
        return "read 2 calendars"

    async def plain() -> str:
        return "plain"

    scheduler = JobScheduler([Job("sync", 3600, periodic, now=now), Job("other", 3600, plain)])
    assert asyncio.run(scheduler.run_once("sync")) == "read 2 calendars"
    assert asyncio.run(scheduler.run_once("other")) == "plain"  # no ``now``: its ``run``
    assert calls == ["now"]
    with pytest.raises(KeyError):
        asyncio.run(scheduler.run_once("missing"))


def test_a_failing_run_once_counts_and_propagates() -> None:
    async def broken() -> None:
        raise OSError("calendar server unreachable")

    scheduler = JobScheduler([Job("sync", 3600, broken)])
    with pytest.raises(OSError, match="unreachable"):
        asyncio.run(scheduler.run_once("sync"))
    job = scheduler.jobs["sync"]
    assert job.failures == 1 and "unreachable" in job.last_error

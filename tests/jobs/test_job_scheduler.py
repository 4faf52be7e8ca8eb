"""The job scheduler: jobs repeat, a failure does not stop them, run_now wakes one early."""

from __future__ import annotations

import asyncio

from careops_desktop.jobs.scheduler import Job, JobScheduler


def test_jobs_repeat_survive_failures_and_wake_on_demand() -> None:
    calls: list[str] = []

    async def good() -> None:
        calls.append("good")

    async def bad() -> None:
        calls.append("bad")
        raise RuntimeError("server said no")

    async def slow() -> None:
        calls.append("slow")

    async def scenario() -> JobScheduler:
        scheduler = JobScheduler(
            [
                Job("good", 0.01, good),
                Job("bad", 0.01, bad),
                Job("slow", 3600, slow, initial_delay=3600),
            ]
        )
        scheduler.start()
        await asyncio.sleep(0.1)
        assert "slow" not in calls
        scheduler.run_now("slow")
        await asyncio.sleep(0.05)
        await scheduler.stop()
        return scheduler

    scheduler = asyncio.run(scenario())
    assert calls.count("good") >= 3
    assert calls.count("bad") >= 3
    assert calls.count("slow") == 1
    assert scheduler.jobs["bad"].failures >= 3
    assert "server said no" in scheduler.jobs["bad"].last_error
    assert scheduler.jobs["good"].last_error == ""

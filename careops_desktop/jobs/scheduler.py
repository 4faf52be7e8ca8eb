"""Periodic jobs on an asyncio loop: each job runs, sleeps its interval, runs again.

A failing run is logged and retried at the next interval; one job never stops
another. ``run_now(name)`` wakes a job early (the "retry now" button);
``run_once(name)`` runs a job's work once now and returns its result (the "Sync
calendars" button, which shows what the pass found). The scheduler lives on the
runtime's loop (its own thread inside the desktop app, the main thread under
``careops serve``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class Job:
    """A named piece of periodic work; ``interval`` is in seconds.

    ``now``: the work a person's "run now" asks for, when it differs from the periodic
    ``run`` (calendar sync: send waiting changes, then read every calendar at once).
    """

    name: str
    interval: float
    run: Callable[[], Awaitable[object]]
    initial_delay: float = 0.0
    now: Callable[[], Awaitable[object]] | None = None
    runs: int = field(default=0, init=False)
    failures: int = field(default=0, init=False)
    last_error: str = field(default="", init=False)


class JobScheduler:
    """Runs jobs on the loop it is started on; stop() cancels and waits for them."""

    def __init__(self, jobs: list[Job] | None = None) -> None:
        self.jobs: dict[str, Job] = {job.name: job for job in jobs or []}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._wake: dict[str, asyncio.Event] = {}

    def add(self, job: Job) -> None:
        """Add a job; it starts at once if the scheduler is running."""
        self.jobs[job.name] = job
        if self._tasks:
            self._start(job)

    def start(self) -> None:
        """Start every job on the running loop (call from inside that loop)."""
        for job in self.jobs.values():
            self._start(job)

    def _start(self, job: Job) -> None:
        self._wake[job.name] = asyncio.Event()
        self._tasks[job.name] = asyncio.get_running_loop().create_task(
            self._loop(job), name=f"job:{job.name}"
        )

    def run_now(self, name: str) -> None:
        """Wake job ``name`` early (call on the scheduler's loop)."""
        if name in self._wake:
            self._wake[name].set()

    async def _loop(self, job: Job) -> None:
        wake = self._wake[job.name]
        delay = job.initial_delay
        while True:
            if delay > 0:
                try:
                    await asyncio.wait_for(wake.wait(), timeout=delay)
                except TimeoutError:
                    pass
            wake.clear()
            try:
                await job.run()
                job.last_error = ""
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                job.failures += 1
                job.last_error = f"{type(exc).__name__}: {exc}"
                log.exception("job %s failed", job.name)
            job.runs += 1
            delay = job.interval

    async def run_once(self, name: str) -> object:
        """Run job ``name``'s ``now`` work (else its ``run``) once; return its result.

        Call on the scheduler's loop. ``KeyError`` for an unknown job; the work's own
        errors propagate to the caller (and count as a failure of the job).
        """
        job = self.jobs[name]
        work = job.now or job.run
        try:
            return await work()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            job.failures += 1
            job.last_error = f"{type(exc).__name__}: {exc}"
            raise

    async def stop(self) -> None:
        """Cancel every job and wait until they have all ended."""
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

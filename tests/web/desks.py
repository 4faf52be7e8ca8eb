"""Helpers for the several-desks tests: desk B in a process of its own, and what A heard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from careops_desktop.core import events

ROOT = Path(__file__).resolve().parents[2]


class DeskB:
    """``tests/web/desk_worker.py`` running on ``url`` in its own process."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.web.desk_worker", url],
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1"),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if line.strip() != "ready":
            self.process.kill()
            raise AssertionError("desk B did not start: " + self.process.communicate()[1])

    def ask(self, **command: Any) -> dict[str, Any]:
        """Send one command; its one-line JSON answer."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command, default=str) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError("desk B ended: " + self.process.communicate()[1])
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.ask(do="quit")
            except (AssertionError, OSError, ValueError):
                pass
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def desk_b(url: str) -> Iterator[DeskB]:
    desk = DeskB(url)
    try:
        yield desk
    finally:
        desk.close()


class Heard:
    """Events published on ``bus`` from now on, with when they arrived (monotonic)."""

    def __init__(self, bus: events.EventBus | None = None) -> None:
        self.items: list[tuple[float, events.DomainEvent]] = []
        self._cond = threading.Condition()
        self._unsubscribe = (bus or events.bus).subscribe(self._on_event)

    def _on_event(self, event: events.DomainEvent) -> None:
        with self._cond:
            self.items.append((time.monotonic(), event))
            self._cond.notify_all()

    def wait_for(
        self, match: Callable[[events.DomainEvent], bool], timeout: float
    ) -> tuple[float, events.DomainEvent] | None:
        """The first heard event ``match`` accepts, waiting up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for item in self.items:
                    if match(item[1]):
                        return item
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def close(self) -> None:
        self._unsubscribe()

"""What ``careops demo`` prints: progress lines while it works, then the summary."""

from __future__ import annotations

import sys
from typing import TextIO

from careops_desktop.core.demo.builder import DemoSummary
from careops_desktop.core.demo.plan import (
    MANAGER_EMAIL,
    MANAGER_PASSWORD,
    STAFF_EMAIL,
    STAFF_PASSWORD,
)
from careops_desktop.core.demo.writer import ProgressFn


def demo_progress_printer(stream: TextIO | None = None, step: int = 10) -> ProgressFn:
    """A progress callback that prints one line each time another ``step`` % is done."""
    shown = [-step]

    def progress(done: int, total: int, label: str) -> None:
        percent = 100 * done // max(total, 1)
        if percent >= shown[0] + step or done >= total:
            shown[0] = percent - percent % step
            print(f"{percent:3d}%  {label}", file=stream or sys.stdout, flush=True)

    return progress


def summary_lines(summary: DemoSummary, where: str) -> list[str]:
    """The summary as lines for a person: rows per table, fill, and how to sign in."""
    lines = [
        f"Demo business ({summary.size}) written to {where} in {summary.seconds:.1f} s, "
        f"{summary.total_rows:,} rows; dates around {summary.today:%d %b %Y}.",
        f"Bookings fill {summary.fill:.0%} of the providers' opening hours.",
    ]
    width = max(len(name) for name in summary.rows)
    lines += [f"  {name:<{width}}  {count:>9,}" for name, count in summary.rows.items()]
    lines += [
        f"Sign in as {summary.owner_email} with the password {summary.owner_password!r} "
        f"(manager: {MANAGER_EMAIL} / {MANAGER_PASSWORD!r}; "
        f"staff: {STAFF_EMAIL} / {STAFF_PASSWORD!r}).",
    ]
    return lines

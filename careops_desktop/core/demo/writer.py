"""Bulk writing for the demo: explicit ids, batched ``insert()``, progress and counts.

Rows are plain dicts given to ``session.execute(insert(Model), batch)``, so no
ORM object is built per row. Ids are chosen here (after the largest id already
in each table) so that rows can point at each other before they are written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from careops_desktop.core.models import Base

ProgressFn = Callable[[int, int, str], None]
BATCH = 5_000

Target = type[Base] | Table


def _table(target: Target) -> Table:
    if isinstance(target, Table):
        return target
    table = target.__table__
    assert isinstance(table, Table)
    return table


class BulkWriter:
    """Writes demo rows in batches and reports ``progress(done, total, label)``.

    ``total`` is an estimate set by the builder once it knows the plan;
    ``done`` never passes it until the last call.
    """

    def __init__(self, session: Session, progress: ProgressFn | None = None) -> None:
        self.session = session
        self.progress = progress
        self.total = 1
        self.done = 0
        self.counts: Counter[str] = Counter()
        self._next: dict[str, int] = {}

    def reserve(self, target: Target, count: int = 1) -> int:
        """Reserve ``count`` consecutive ids in the table; returns the first."""
        table = _table(target)
        if table.name not in self._next:
            largest = self.session.scalar(select(func.max(table.c.id)))
            self._next[table.name] = int(largest or 0) + 1
        first = self._next[table.name]
        self._next[table.name] = first + count
        return first

    def insert(self, target: Target, rows: Iterable[dict[str, Any]], label: str = "") -> int:
        """Insert ``rows`` in batches; returns how many were written."""
        table = _table(target)
        statement = insert(table)
        written = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                written += self._flush(statement, batch, table.name, label)
                batch = []
        if batch:
            written += self._flush(statement, batch, table.name, label)
        return written

    def _flush(self, statement: Any, batch: list[dict[str, Any]], name: str, label: str) -> int:
        self.session.execute(statement, batch)
        self.counts[name] += len(batch)
        self.report(len(batch), label or name)
        return len(batch)

    def report(self, rows: int, label: str) -> None:
        """Count ``rows`` as done and tell the progress callback."""
        self.done += rows
        if self.progress is not None:
            self.progress(min(self.done, self.total - 1), self.total, label)

    def finish(self) -> None:
        """Fix PostgreSQL sequences after explicit ids, and report completion."""
        if self.session.get_bind().dialect.name == "postgresql":
            for name in self._next:
                self.session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM {name}))"
                    )
                )
        if self.progress is not None:
            self.progress(self.total, self.total, "done")

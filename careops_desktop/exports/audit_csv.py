"""The audit log as a CSV file (Settings → Audit log → Export CSV…).

Columns: When (the business's local time), Who, Action, Record, Record id, Details.
Text is written as text: a cell that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'``.
Audit details hold no secrets and no message bodies (``core.services.audit.record``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import wall_text
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_zone

HEADER = ("When", "Who", "Action", "Record", "Record id", "Details")
BATCH = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportFailed(CareOpsError):
    """The export file could not be written; the message says why."""


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it literally (formula starts defused)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def local_text(moment: datetime, zone: ZoneInfo) -> str:
    """A stored UTC time in ``zone``: ``2025-03-03 10:30:05``, ``… 01:30:05 BST`` if shown twice."""
    if moment.tzinfo is None:  # SQLite returns naive UTC
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return wall_text(moment.astimezone(zone), "%Y-%m-%d %H:%M:%S")


def audit_cells(row: audit.AuditRow, zone: ZoneInfo) -> list[str]:
    """One CSV line's cells for ``row``."""
    cells = [
        local_text(row.when, zone),
        row.who,
        row.action,
        row.entity,
        "" if row.entity_id is None else str(row.entity_id),
        audit.details_text(row.details),
    ]
    return [safe_cell(c) for c in cells]


def write_audit_csv(path: Path, rows: Iterable[audit.AuditRow], zone: ZoneInfo) -> int:
    """Write ``rows`` to ``path`` (UTF-8 with BOM, for spreadsheets); returns how many."""
    count = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(audit_cells(row, zone))
            count += 1
    tmp.replace(path)
    return count


@read_only
def export_audit(
    session: Session,
    actor: Actor,
    flt: audit.AuditFilter,
    path: Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write the entries matching ``flt`` (newest first) to ``path``; returns how many.

    Runs on the database worker in one read transaction; ``progress(done, total, text)``
    may raise to cancel (the file is then not written). A file that cannot be written
    raises :class:`ExportFailed` with the reason in words.
    """
    ids = audit.entry_ids(session, actor, flt)
    zone = business_zone(session)

    def rows() -> Iterable[audit.AuditRow]:
        for start in range(0, len(ids), BATCH):
            if progress is not None:
                progress(start, len(ids), f"Writing entry {start + 1} of {len(ids)}…")
            chunk = ids[start : start + BATCH]
            found = audit.entries_by_id(session, actor, chunk)
            yield from (found[i] for i in chunk if i in found)

    try:
        return write_audit_csv(path, rows(), zone)
    except OSError as exc:
        raise ExportFailed(
            f"The file {path} could not be written: {exc.strerror or type(exc).__name__}."
        ) from None
    finally:
        path.with_name(path.name + ".part").unlink(missing_ok=True)

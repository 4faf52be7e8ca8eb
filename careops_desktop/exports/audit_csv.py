"""The audit log as a CSV file (Settings → Audit log → Export CSV…).

Columns: When (the business's local time), Who, Action, Record, Record id, Details.
Built on the shared export toolkit: the table writer of ``csv_writer`` in its
spreadsheet form (UTF-8 with a byte-order mark, CRLF, and text a spreadsheet would run
as a formula — starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return —
prefixed with ``'``), written whole or not at all by ``file_safety.replacing``.
Audit details hold no secrets and no message bodies (``core.services.audit.record``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import wall_text
from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.reports import Column, translated
from careops_desktop.exports.csv_writer import write_table_csv
from careops_desktop.exports.file_safety import replacing

COLUMNS = (
    Column("when", N_("When")),
    Column("who", N_("Who")),
    Column("action", N_("Action")),
    Column("entity", N_("Record")),
    Column("entity_id", N_("Record id"), "int"),
    Column("details", N_("Details")),
)
BATCH = 1000


def local_text(moment: datetime, zone: ZoneInfo) -> str:
    """A stored UTC time in ``zone``: ``2025-03-03 10:30:05``, ``… 01:30:05 BST`` if shown twice."""
    if moment.tzinfo is None:  # SQLite returns naive UTC
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return wall_text(moment.astimezone(zone), "%Y-%m-%d %H:%M:%S")


def audit_values(row: audit.AuditRow, zone: ZoneInfo) -> tuple[object, ...]:
    """One CSV line's values for ``row``, in :data:`COLUMNS` order (the writer guards text)."""
    return (
        local_text(row.when, zone),
        row.who,
        row.action,
        row.entity,
        row.entity_id,
        audit.details_text(row.details),
    )


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
    may raise to cancel (then no file is left, and an older file of that name is
    untouched). A file that cannot be written raises
    :class:`~careops_desktop.exports.file_safety.ExportFailed` with the reason in words.
    """
    ids = audit.ids(session, actor, flt)
    zone = business_zone(session)

    def rows() -> Iterator[tuple[object, ...]]:
        for start in range(0, len(ids), BATCH):
            if progress is not None:
                text = _("Writing entry {number} of {total}…")
                progress(start, len(ids), text.format(number=start + 1, total=len(ids)))
            chunk = ids[start : start + BATCH]
            found = audit.rows_by_id(session, actor, chunk)
            yield from (audit_values(found[i], zone) for i in chunk if i in found)

    with replacing(path) as temp:
        return write_table_csv(temp, translated(COLUMNS), rows(), excel=True)

"""Every booking of a period as one CSV or XLSX table (the Reports tab's "all bookings").

Streams :func:`careops_desktop.core.services.reports.listing.iter_bookings` into
the big-table writers with progress, into a temporary file that replaces the
target only when complete (:mod:`careops_desktop.exports.file_safety`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports import (
    booking_columns,
    business_identity,
    count_bookings_in_period,
    iter_bookings,
)
from careops_desktop.exports.csv_writer import write_table_csv
from careops_desktop.exports.file_safety import replacing
from careops_desktop.exports.xlsx_writer import write_table_xlsx

TABLE_FORMATS = ("csv", "xlsx")
Progress = Callable[[int, int, str], None]


def export_period_bookings(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    path: Path,
    fmt: str,
    *,
    excel: bool = True,
    progress: Progress | None = None,
) -> int:
    """Write every booking starting in the period to ``path`` as ``fmt`` (csv or xlsx);
    returns how many. Needs VIEW_REPORTS; reads in ``session``'s transaction.

    ``progress(done, total, text)`` comes every 5,000 rows and may raise to stop: then
    no file is left and an older file of that name is untouched. A file that cannot be
    written raises :class:`~careops_desktop.exports.file_safety.ExportFailed` in words.
    """
    if fmt not in TABLE_FORMATS:
        raise ValidationError({"format": _("Choose CSV or XLSX for the list of bookings.")})
    total = count_bookings_in_period(session, actor, start_date, end_date)

    def step(done: int) -> None:
        if progress is not None:
            text = _("Writing booking {done} of {total}…")
            progress(done, total, text.format(done=number_text(done), total=number_text(total)))

    step(0)
    columns = booking_columns()
    with replacing(path) as temp:
        rows = iter_bookings(session, actor, start_date, end_date)
        if fmt == "csv":
            count = write_table_csv(temp, columns, rows, excel=excel, progress=step)
        else:
            currency = business_identity(session)[1]
            count = write_table_xlsx(
                temp, columns, rows, title=_("Bookings"), currency=currency, progress=step
            )
        step(count)  # the last chance to cancel before the file appears
    return count

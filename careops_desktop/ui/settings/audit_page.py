"""Settings → Audit log (owners and managers): who did what, to which record, and when.

A lazy table (:class:`~careops_desktop.ui.table_model.IdTableModel`): the core finds
the matching ids, rows are loaded in blocks as they are drawn. Filters: the person,
the kind of record, and a date range in the business's time zone (the last 30 days
at first). "Export CSV…" writes what the filters show (``exports/audit_csv.py``).
Every cell is plain text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import to_local
from careops_desktop.core.db import read_only
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_zone
from careops_desktop.exports.audit_csv import export_audit
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.dates_text import wall_moment_text
from careops_desktop.ui.settings.import_undo import ImportUndo
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.table_model import Column, IdTableModel
from careops_desktop.ui.widgets.data_table import data_table

FIRST_DAYS = 30
EVERYONE = QT_TRANSLATE_NOOP("AuditLogPage", "Everyone")
EVERY_KIND = QT_TRANSLATE_NOOP("AuditLogPage", "Every kind of record")


@dataclass(frozen=True)
class AuditQuery:
    """What the filters say, in the business's calendar (converted to UTC on the worker)."""

    user_id: int | None = None
    actor_name: str | None = None
    entity: str | None = None
    first_day: date | None = None
    last_day: date | None = None  # inclusive


def to_filter(session: Session, query: AuditQuery) -> audit.AuditFilter:
    """The core's filter for ``query``: local days become UTC instants (worker thread)."""
    zone = business_zone(session)
    since = until = None
    if query.first_day is not None:
        since = datetime.combine(query.first_day, time(0), zone)
    if query.last_day is not None:
        until = datetime.combine(query.last_day + timedelta(days=1), time(0), zone)
    return audit.AuditFilter(query.user_id, query.actor_name, query.entity, since, until)


def make_fetchers(actor: Actor) -> tuple[Any, Any]:
    """``fetch_ids`` and ``fetch_rows`` for the table (both run on the database worker)."""

    def fetch_ids(
        session: Session, query: AuditQuery | None, sort: str | None, descending: bool
    ) -> Sequence[int]:
        if query is None:  # the filters are not filled in yet
            return []
        flt = to_filter(session, query)
        return audit.ids(session, actor, flt, ("-" if descending else "") + (sort or "when"))

    def fetch_rows(session: Session, ids: list[int]) -> Mapping[int, dict[str, Any]]:
        zone = business_zone(session)
        return {
            i: {
                "when": to_local(r.when, zone),
                "who": r.who,
                "action": audit.action_label(r.action),
                "record": audit.entity_label(r.entity)
                + ("" if r.entity_id is None else f" #{r.entity_id}"),
                "details": audit.details_text(r.details),
                # for "Undo this import" (ui/settings/import_undo.py)
                "entity_key": r.entity,
                "entity_id_raw": r.entity_id,
                "action_key": r.action,
            }
            for i, r in audit.rows_by_id(session, actor, ids).items()
        }

    return fetch_ids, fetch_rows


@read_only
def export_query(
    session: Session, actor: Actor, query: AuditQuery, path: Path, *, progress: Any = None
) -> int:
    """Export the entries ``query`` shows to ``path`` (database worker); how many."""
    return export_audit(session, actor, to_filter(session, query), path, progress=progress)


@read_only
def _choices(
    session: Session, actor: Actor
) -> tuple[list[tuple[int | None, str]], list[str], date]:
    """The people and kinds of record in the log, and today in the business's zone."""
    today = datetime.now(business_zone(session)).date()
    return audit.audit_people(session, actor), audit.audit_entities(session, actor), today


class AuditLogPage(QWidget):
    """The filters, the table, the count and the export button."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.export_dialog: QFileDialog | None = None
        self.exported: Path | None = None
        self._ready = False  # True once the filters are filled in (then the table loads)

        self.person = QComboBox()
        self.person.setObjectName("auditPerson")
        self.person.addItem(self.tr(EVERYONE), None)
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.kind.addItem(self.tr(EVERY_KIND), None)
        self.first_day = QDateEdit()
        self.first_day.setObjectName("auditFrom")
        self.last_day = QDateEdit()
        self.last_day.setObjectName("auditTo")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportAudit")
        self.count = plain_label()
        self.count.setObjectName("auditCount")
        self.status = plain_label(wrap=True)
        self.status.setObjectName("auditStatus")

        fetch_ids, fetch_rows = make_fetchers(self.actor)
        self.model = IdTableModel(
            self.ops,
            [
                Column("when", self.tr("When"), sort_key="when", format=wall_moment_text),
                Column("who", self.tr("Who"), sort_key="who", tooltip=True),
                Column("action", self.tr("Action"), sort_key="action"),
                Column("record", self.tr("Record"), sort_key="entity"),
                Column("details", self.tr("Details"), tooltip=True),
            ],
            fetch_ids=fetch_ids,
            fetch_rows=fetch_rows,
            refresh_on=[context.events.anyChanged] if context.events is not None else [],
            initial_filter=None,
            initial_sort=("when", True),
            parent=self,
        )
        self.table = data_table(self.model, (150, 160, 130, 150))
        self.table.setObjectName("auditTable")
        self.model.loaded.connect(self._show_count)

        filters = QHBoxLayout()
        filters.addWidget(plain_label(self.tr("Person")))
        filters.addWidget(self.person, 1)
        filters.addWidget(plain_label(self.tr("Record")))
        filters.addWidget(self.kind, 1)
        filters.addWidget(plain_label(self.tr("From")))
        filters.addWidget(self.first_day)
        filters.addWidget(plain_label(self.tr("to")))
        filters.addWidget(self.last_day)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        self.import_undo = ImportUndo(self, self.ops, self.actor, self.status)
        footer.addWidget(self.import_undo.button)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Who did what, to which record, and when. Times are the business's local "
                    "time. The log holds no passwords and no message texts."
                ),
                wrap=True,
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        layout.addWidget(self.status)

        self.export_button.clicked.connect(self.choose_export_file)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.import_undo.select(self.model.row_data(current.row()))
        )
        if self.actor.can(Permission.VIEW_AUDIT):
            self.ops.query(_choices, self.actor, on_done=self._fill_choices, owner=self)
        else:
            set_plain(self.status, self.tr("Owners and managers see the audit log."))
            self.export_button.setEnabled(False)

    # -- filters --------------------------------------------------------------------------

    def _fill_choices(self, result: tuple[list[tuple[int | None, str]], list[str], date]) -> None:
        people, kinds, today = result
        for user_id, name in people:
            label = name if user_id is not None else self.tr("{name} (automatic)").format(name=name)
            self.person.addItem(label, (user_id, name))
        for kind in kinds:
            self.kind.addItem(audit.entity_label(kind), kind)
        end = QDate(today.year, today.month, today.day)
        self.last_day.setDate(end)
        self.first_day.setDate(end.addDays(-(FIRST_DAYS - 1)))
        for combo in (self.person, self.kind):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self.apply_filters)
        self._ready = True
        self.apply_filters()
        # sorting by a header click from now on (enabling it sorts once: newest first)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

    def query(self) -> AuditQuery:
        """The filters as they stand."""
        person = self.person.currentData()
        user_id, name = person if person is not None else (None, None)
        first = self.first_day.date().toPython()
        last = self.last_day.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        if last < first:
            first, last = last, first
        return AuditQuery(
            user_id=user_id,
            actor_name=name if user_id is None else None,
            entity=self.kind.currentData(),
            first_day=first,
            last_day=last,
        )

    def apply_filters(self, *_: object) -> None:
        if self._ready:
            self.model.set_filter(self.query())

    def _show_count(self, count: int) -> None:
        if not self._ready:
            return
        set_plain(
            self.count, self.tr("1 entry") if count == 1 else self.tr("%n entries", "", count)
        )

    # -- export ---------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        """Ask where to save, then write the filtered entries (progress, cancellable)."""
        start = Path.home() / f"careops-audit-{date.today():%Y-%m-%d}.csv"
        dialog = QFileDialog(
            self, self.tr("Export the audit log"), str(start), self.tr("CSV files (*.csv)")
        )
        dialog.setObjectName("auditExportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_to)
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        """Write the entries the filters show to ``path``."""
        if not path:
            return
        target = Path(path)
        self.export_button.setEnabled(False)
        set_plain(self.status, self.tr("Exporting…"))
        self.ops.progress_task(
            export_query,
            self.actor,
            self.query(),
            target,
            title=self.tr("Exporting the audit log"),
            label=self.tr("Writing the CSV file…"),
            on_done=lambda count: self._exported(target, count),
            on_error=self._export_failed,
            on_cancelled=lambda: self._export_failed(None),
        )

    def _exported(self, target: Path, count: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.exported = target
        self.export_button.setEnabled(True)
        set_plain(
            self.status,
            self.tr("Exported %n entries to {file}.", "", count).format(file=target),
        )

    def _export_failed(self, exc: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return
        self.export_button.setEnabled(True)
        if exc is None:
            set_plain(self.status, self.tr("Export cancelled; no file was written."))
        else:
            set_plain(self.status, str(exc))

"""Settings → Providers: each provider's name, kind, colour, weekly hours and closures."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
)

from careops_desktop.core.services import providers
from careops_desktop.core.services.providers import ClosureView, ProviderView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.blocks_list import BlocksList
from careops_desktop.ui.settings.dates_text import date_text
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.table_model import Column
from careops_desktop.ui.widgets.rows_model import RowsModel
from careops_desktop.ui.wizard.hours import WeeklyHoursEditor

KINDS = (
    ("practitioner", QT_TRANSLATE_NOOP("ProvidersSettingsPage", "A person")),
    ("resource", QT_TRANSLATE_NOOP("ProvidersSettingsPage", "A room, chair or machine")),
)


def save_provider(
    session: Any, actor: Any, provider_id: int | None, values: dict[str, Any], hours: list[Any]
) -> ProviderView:
    """Create or update one provider and replace its weekly hours (one transaction)."""
    values = dict(values)
    active = values.pop("is_active", None)
    if provider_id is None:
        view = providers.create_provider(session, actor, **values)
    else:
        view = providers.update_provider(session, actor, provider_id, **values)
    if active is not None:
        providers.set_provider_active(session, actor, view.id, bool(active))
    return providers.set_weekly_hours(session, actor, view.id, hours)


class ProvidersSettingsPage(SettingsFormPage):
    """Pick a provider (or "New provider…"), edit, Save; closures listed below."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context, self.tr("Who or what customers book, and when they are available.")
        )
        self.chooser = QComboBox()
        self.chooser.setObjectName("providerChooser")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.name = QLineEdit()
        self.name.setObjectName("providerName")
        self.kind = QComboBox()
        for value, label in KINDS:
            self.kind.addItem(self.tr(label), value)
        self.color = QLineEdit()
        self.color.setPlaceholderText("#3b82f6")
        self.active = QCheckBox(self.tr("Takes bookings"))
        self.hours = WeeklyHoursEditor()
        self.form.addRow(self.tr("Provider"), self.chooser)
        self.form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.form.addRow(self.tr("Kind"), self.errors.wrap("kind", self.kind))
        self.form.addRow(self.tr("Colour"), self.errors.wrap("color", self.color))
        self.form.addRow("", self.active)
        self.form.addRow(self.tr("Weekly hours"), self.errors.wrap("hours", self.hours))
        self.providers: list[ProviderView] = []

        self.closures_model = RowsModel(
            [
                Column("start_date", self.tr("From"), format=date_text),
                Column("end_date", self.tr("To"), format=date_text),
                Column("reason", self.tr("Reason"), tooltip=True),
            ]
        )
        self.closures = QTableView()
        self.closures.setObjectName("closuresTable")
        self.closures.setModel(self.closures_model)
        self.closures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closures.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.closures.setMaximumHeight(180)
        self.closure_from = QDateEdit(QDate.currentDate())
        self.closure_to = QDateEdit(QDate.currentDate())
        self.closure_from.setAccessibleName(self.tr("Closed from"))
        self.closure_to.setAccessibleName(self.tr("Closed until"))
        for edit in (self.closure_from, self.closure_to):
            edit.setCalendarPopup(True)
        self.closure_reason = QLineEdit()
        self.closure_reason.setPlaceholderText(self.tr("reason, e.g. Holiday"))
        self.whole_business = QCheckBox(self.tr("Whole business"))
        add = QPushButton(self.tr("Add closure"))
        add.clicked.connect(self._add_closure)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self._remove_closure)
        row = QHBoxLayout()
        for widget in (
            self.closure_from,
            self.closure_to,
            self.closure_reason,
            self.whole_business,
            add,
            remove,
        ):
            row.addWidget(widget)
        self.extra.addSpacing(12)
        self.extra.addWidget(plain_label(self.tr("Closures (days off, holidays)")))
        self.extra.addWidget(self.errors.wrap("start_date", self.closures))
        self.errors.add_alias("end_date", "start_date")
        self.errors.add_alias("reason", "start_date")
        self.extra.addLayout(row)
        self.blocks = BlocksList(self.ops, self.actor)  # blocked time (lunch, meetings)
        self.extra.addWidget(self.blocks)
        self.load()

    @property
    def current(self) -> ProviderView | None:
        index = self.chooser.currentIndex()
        return self.providers[index] if 0 <= index < len(self.providers) else None

    def load(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else (self.current.id if self.current else None)
        self.ops.query(
            providers.list_providers,
            True,
            on_done=lambda rows: self._fill(rows, chosen),
            on_error=self.refused,
            owner=self,
        )

    def _fill(self, rows: list[ProviderView], chosen: int | None) -> None:
        self.providers = list(rows)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for provider in self.providers:
            self.chooser.addItem(
                provider.name
                if provider.is_active
                else self.tr("{name} (not taking bookings)").format(name=provider.name)
            )
        self.chooser.addItem(self.tr("New provider…"))
        index = next((i for i, p in enumerate(self.providers) if p.id == chosen), 0)
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._chosen(index)

    def _chosen(self, _index: int) -> None:
        provider = self.current
        self.errors.clear()
        self.name.setText(provider.name if provider else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(provider.kind if provider else "")))
        self.color.setText(provider.color if provider else "#3b82f6")
        self.active.setChecked(provider.is_active if provider else True)
        self.hours.set_hours(provider.hours if provider else [])
        self._load_closures()

    def _load_closures(self) -> None:
        provider = self.current
        self.blocks.load(provider.id if provider else None)
        self.ops.query(
            providers.list_closures,
            provider.id if provider else None,
            date.today(),
            on_done=self.closures_model.set_rows,
            owner=self,
        )

    def save_job(self) -> SaveJob:
        provider = self.current
        values: dict[str, Any] = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "color": self.color.text().strip() or "#3b82f6",
        }
        if provider is not None:
            values["is_active"] = self.active.isChecked()
        return (
            save_provider,
            (self.actor, provider.id if provider else None, values, self.hours.hours()),
            {},
        )

    def saved(self, result: Any) -> None:
        self.load(select_id=result.id)

    def _add_closure(self) -> None:
        provider = self.current
        self.errors.clear()
        self.ops.command(
            providers.add_closure,
            self.actor,
            start_date=self.closure_from.date().toPython(),
            end_date=self.closure_to.date().toPython(),
            provider_id=None if self.whole_business.isChecked() or not provider else provider.id,
            reason=self.closure_reason.text(),
            on_done=lambda _r: self._load_closures(),
            on_error=self.refused,
            owner=self,
        )

    def _remove_closure(self) -> None:
        rows = self.closures.selectionModel().selectedRows()
        if not rows:
            return
        closure: ClosureView | None = self.closures_model.row_at(rows[0].row())
        if closure is None:
            return
        self.ops.command(
            providers.delete_closure,
            self.actor,
            closure.id,
            on_done=lambda _r: self._load_closures(),
            owner=self,
        )

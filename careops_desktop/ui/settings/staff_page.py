"""Settings → Staff (owners and managers): who may sign in, and what each person may do."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
)

from careops_desktop.core.services import staff
from careops_desktop.core.services.staff import StaffView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.table_model import Column
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.rows_model import RowsModel

ROLES = (
    ("staff", QT_TRANSLATE_NOOP("StaffSettings", "Staff")),
    ("manager", QT_TRANSLATE_NOOP("StaffSettings", "Manager")),
    ("owner", QT_TRANSLATE_NOOP("StaffSettings", "Owner")),
)
FLAGS = (
    ("can_manage_inbox", QT_TRANSLATE_NOOP("StaffSettings", "Inbox and contacts")),
    ("can_manage_bookings", QT_TRANSLATE_NOOP("StaffSettings", "Bookings and contacts")),
    ("can_view_inventory", QT_TRANSLATE_NOOP("StaffSettings", "See stock")),
    ("can_manage_settings", QT_TRANSLATE_NOOP("StaffSettings", "Business settings")),
)


def role_label(role: str) -> str:
    """A role in the window's language (``manager`` → ``Manager``)."""
    label = dict(ROLES).get(role)
    return translate("StaffSettings", label) if label else role.capitalize()


def _flag_checks() -> dict[str, QCheckBox]:
    return {key: QCheckBox(translate("StaffSettings", label)) for key, label in FLAGS}


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for value, label in ROLES:
        combo.addItem(translate("StaffSettings", label), value)
    return combo


class AddStaffDialog(CommandDialog):
    """A new account: name, email, first password, role and permissions."""

    def __init__(self, ops: Ops, actor: Any, parent: Any = None) -> None:
        super().__init__(ops, self.tr("Add a person"), self.tr("Add"), parent)
        self.actor = actor
        self.full_name = QLineEdit()
        self.email = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = _role_combo()
        self.flags = _flag_checks()
        self.form.addRow(self.tr("Name"), self.errors.wrap("full_name", self.full_name))
        self.form.addRow(self.tr("Email"), self.errors.wrap("email", self.email))
        self.form.addRow(self.tr("First password"), self.errors.wrap("password", self.password))
        self.form.addRow(self.tr("Role"), self.errors.wrap("role", self.role))
        for key, check in self.flags.items():
            self.form.addRow("", self.errors.wrap(key, check))

    def submit(self) -> None:
        self.run(
            staff.add_staff,
            self.actor,
            email=self.email.text(),
            full_name=self.full_name.text(),
            password=self.password.text(),
            role=self.role.currentData(),
            **{key: check.isChecked() for key, check in self.flags.items()},
        )


class StaffSettingsPage(SettingsFormPage):
    """The people table; the chosen person's role and permissions; add, turn off, turn on."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(context, self.tr("People who can sign in. Staff see only what you allow."))
        self.model = RowsModel(
            [
                Column("full_name", self.tr("Name"), tooltip=True),
                Column("email", self.tr("Email"), tooltip=True),
                Column("role", self.tr("Role"), format=role_label),
                Column(
                    "is_active",
                    self.tr("Can sign in"),
                    format=lambda active: self.tr("Yes") if active else self.tr("No"),
                ),
            ],
            row_id=lambda row: int(row.user_id),
        )
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.outer.insertWidget(1, self.table)
        self.role = _role_combo()
        self.flags = _flag_checks()
        self.chosen_label = plain_label()
        self.form.addRow(self.tr("Person"), self.chosen_label)
        self.form.addRow(self.tr("Role"), self.errors.wrap("role", self.role))
        for key, check in self.flags.items():
            self.form.addRow("", self.errors.wrap(key, check))
        add = QPushButton(self.tr("Add a person…"))
        add.setObjectName("addStaff")
        add.clicked.connect(self._add)
        self.toggle = QPushButton(self.tr("Turn off sign-in"))
        self.toggle.clicked.connect(self._toggle)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.toggle)
        row.addStretch(1)
        self.extra.addLayout(row)
        if context.events is not None:
            context.events.settingsChanged.connect(self._settings_changed)
        self.load()

    @property
    def current(self) -> StaffView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def load(self, select_id: int | None = None) -> None:
        chosen = (
            select_id if select_id is not None else (self.current.user_id if self.current else None)
        )
        self.ops.query(
            staff.list_staff,
            self.actor,
            on_done=lambda rows: self._fill(rows, chosen),
            on_error=self.refused,
            owner=self,
        )

    def _settings_changed(self, event: Any) -> None:
        if getattr(event, "area", "") == "staff":
            self.load()

    def _fill(self, rows: list[StaffView], chosen: int | None) -> None:
        self.model.set_rows(rows)
        index = next((i for i, r in enumerate(rows) if r.user_id == chosen), 0)
        if rows:
            self.table.selectRow(index)
        self._chosen()

    def _chosen(self) -> None:
        person = self.current
        self.errors.clear()
        self.save_button.setEnabled(person is not None)
        self.toggle.setEnabled(person is not None)
        if person is None:
            self.chosen_label.setText("")
            return
        self.chosen_label.setText(f"{person.full_name} <{person.email}>")
        self.role.setCurrentIndex(max(0, self.role.findData(person.role)))
        for key, check in self.flags.items():
            check.setChecked(bool(getattr(person, key)))
        self.toggle.setText(
            self.tr("Turn off sign-in") if person.is_active else self.tr("Turn on sign-in")
        )

    def save_job(self) -> SaveJob | None:
        person = self.current
        if person is None:
            return None
        values = {key: check.isChecked() for key, check in self.flags.items()}
        values["role"] = self.role.currentData()
        return staff.edit_staff, (self.actor, person.user_id), values

    def saved(self, result: Any) -> None:
        self.load(select_id=result.user_id)

    def _toggle(self) -> None:
        person = self.current
        if person is None:
            return
        fn = staff.deactivate_staff if person.is_active else staff.reactivate_staff
        self.ops.command(
            fn,
            self.actor,
            person.user_id,
            on_done=lambda r: self.load(select_id=r.user_id),
            on_error=self.refused,
            owner=self,
        )

    def _add(self) -> None:
        dialog = AddStaffDialog(self.ops, self.actor, self)
        dialog.succeeded.connect(lambda view: self.load(select_id=view.user_id))
        dialog.open()

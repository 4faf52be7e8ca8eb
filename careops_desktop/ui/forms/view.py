"""The Forms tab: submissions (filter by status and form, read one as plain text) and,
for people who manage settings, the form definitions editor."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import forms
from careops_desktop.core.services.bookings import list_booking_types
from careops_desktop.core.services.forms import FormView, SubmissionDetail, SubmissionFilter
from careops_desktop.ui.forms.editor import FormEditor
from careops_desktop.ui.forms.tab_data import (
    STATUS_WORDS,
    SubmissionSource,
    form_columns,
    status_words,
    submission_columns,
    submission_style,
    submission_text,
)
from careops_desktop.ui.i18n import counted
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.ui_state import remember_header
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.local_time import load_zone
from careops_desktop.ui.widgets.rows_model import RowsModel
from careops_desktop.ui.widgets.search_box import SearchBox


class FormsView(QWidget):
    """Submissions list and viewer; the definitions editor when allowed."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.zone = ZoneInfo("UTC")
        self.can_edit = self.actor.can(Permission.MANAGE_SETTINGS)
        self.detail: SubmissionDetail | None = None

        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for value in STATUS_WORDS:
            self.status.addItem(status_words(value), value)
        self.form_filter = QComboBox()
        self.form_filter.addItem(self.tr("Every form"), None)
        self.search = SearchBox(placeholder=self.tr("Search contact or form…"))
        self.count_label = plain_label()
        source = SubmissionSource(self.actor)
        self.model = IdTableModel(
            self.ops,
            submission_columns(lambda: self.zone),
            fetch_ids=source.fetch_ids,
            fetch_rows=source.fetch_rows,
            refresh_on=[context.events.formsSettled, context.events.contactsSettled],
            # every status: the ids come from forms.ids (53,848 on the large demo: ~40 ms)
            initial_filter=SubmissionFilter(),
            row_style=submission_style,
            prefetch_first_block=True,  # built ahead of its tab (ui/prebuild.py)
            parent=self,
        )
        self.table = data_table(self.model, (190, 160, 170, 90, 170))
        remember_header(self.table.horizontalHeader(), "forms/submissions")
        self.viewer = QPlainTextEdit()
        self.viewer.setReadOnly(True)
        self.viewer.setPlaceholderText(self.tr("Choose a submission to read it."))
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.form_filter)
        filters.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        submissions = QSplitter(Qt.Orientation.Horizontal)
        submissions.addWidget(left)
        submissions.addWidget(self.viewer)
        submissions.setStretchFactor(0, 3)
        submissions.setStretchFactor(1, 2)
        submissions.setSizes([1000, 400])  # room for every column, "Answered" included

        self.forms = RowsModel(form_columns(), parent=self)
        self.forms_table = data_table(self.forms, fit_contents=True)
        self.forms_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.new_form_button = QPushButton(self.tr("New form…"))
        self.starter_button = QPushButton(self.tr("Add the starter form"))
        self.editor = FormEditor(self.ops, self.actor)
        definitions = QSplitter(Qt.Orientation.Horizontal)
        forms_side = QWidget()
        forms_layout = QVBoxLayout(forms_side)
        forms_layout.setContentsMargins(0, 0, 0, 0)
        forms_layout.addWidget(self.forms_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_form_button)
        row.addWidget(self.starter_button)
        forms_layout.addLayout(row)
        definitions.addWidget(forms_side)
        definitions.addWidget(self.editor)
        definitions.setStretchFactor(1, 2)

        self.pages = QTabWidget()
        self.pages.addTab(submissions, self.tr("Submissions"))
        if self.can_edit:
            self.pages.addTab(definitions, self.tr("Form definitions"))
        QVBoxLayout(self).addWidget(self.pages)

        self.status.currentIndexChanged.connect(self._filter_changed)
        self.form_filter.currentIndexChanged.connect(self._filter_changed)
        self.search.searchChanged.connect(self._filter_changed)
        self.model.loaded.connect(self._list_loaded)
        self.table.selectionModel().selectionChanged.connect(self._submission_chosen)
        self.forms_table.selectionModel().selectionChanged.connect(self._form_chosen)
        self.new_form_button.clicked.connect(self.create_new)
        self.starter_button.clicked.connect(self._starter)
        self.editor.saved.connect(self._form_saved)
        context.events.formsSettled.connect(self._load_forms)  # once per burst of changes
        context.events.settingsChanged.connect(self._load_settings)
        self._load_settings()
        self._load_forms()
        self.model.refresh()

    # -- main window API ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self) -> None:
        """A new, empty form in the editor (people who manage settings)."""
        if not self.can_edit:
            return
        self.pages.setCurrentIndex(1)
        self.forms_table.clearSelection()
        self.editor.load(None)
        self.editor.name.setFocus()

    def apply_filter(self, flt: Any) -> None:
        """``{"status": "pending"|"overdue"|"completed"}`` or ``{"submission_id": id}``."""
        if not isinstance(flt, dict):
            return
        self.pages.setCurrentIndex(0)
        if "status" in flt:
            self.status.setCurrentIndex(max(0, self.status.findData(flt["status"])))
        if "submission_id" in flt:
            self.show_submission(int(flt["submission_id"]))

    # -- loading ----------------------------------------------------------------------------

    def _list_loaded(self, count: int) -> None:
        set_plain(self.count_label, counted(self.tr("%Ln submission(s)", "", count), count))

    def _load_settings(self, *_event: object) -> None:
        def zone_loaded(zone: ZoneInfo) -> None:
            self.zone = zone
            self.model.layoutChanged.emit()

        self.ops.query(load_zone, on_done=zone_loaded, owner=self)
        self.ops.query(list_booking_types, on_done=self.editor.set_booking_types, owner=self)

    def _load_forms(self, *_event: object) -> None:
        def arrived(forms: list[FormView]) -> None:
            chosen = self.editor.form_id
            self.forms.set_rows(forms)
            current = self.form_filter.currentData()
            self.form_filter.blockSignals(True)
            while self.form_filter.count() > 1:
                self.form_filter.removeItem(1)
            for form in forms:
                self.form_filter.addItem(form.name, form.id)
            self.form_filter.setCurrentIndex(max(0, self.form_filter.findData(current)))
            self.form_filter.blockSignals(False)
            for index, form in enumerate(forms):
                if form.id == chosen:
                    self.forms_table.selectionModel().blockSignals(True)
                    self.forms_table.selectRow(index)
                    self.forms_table.selectionModel().blockSignals(False)

        self.ops.query(forms.list_forms, self.actor, on_done=arrived, owner=self)

    def _filter_changed(self, *_args: object) -> None:
        self.model.set_filter(
            SubmissionFilter(
                self.status.currentData(), self.form_filter.currentData(), self.search.term()
            )
        )

    def _submission_chosen(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            submission_id = self.model.id_at(rows[0].row())
            if submission_id is not None:
                self.show_submission(submission_id)

    def show_submission(self, submission_id: int) -> None:
        def arrived(detail: SubmissionDetail) -> None:
            self.detail = detail
            self.viewer.setPlainText(submission_text(detail, self.zone))

        self.ops.query(forms.get_submission, self.actor, submission_id, on_done=arrived, owner=self)

    def _form_chosen(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.forms_table.selectionModel().selectedRows()
        form = self.forms.row_at(rows[0].row()) if rows else None
        if form is not None:
            self.editor.load(form)

    def _starter(self) -> None:
        starter = forms.starter_form_definition()
        self.create_new()
        self.editor.load(None, starter.fields)
        self.editor.name.setText(starter.name)
        self.editor.description.setPlainText(starter.description)

    def _form_saved(self, view: FormView) -> None:
        self.context.window.show_status(self.tr("Saved the form “{name}”.").format(name=view.name))

"""The wizard's steps after the mapping: the dry run, the choices, and the import itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QButtonGroup,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from careops_desktop.core.services import imports
from careops_desktop.ui.i18n import counted
from careops_desktop.ui.imports.rows_model import OutcomesModel
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.data_table import data_table

PREVIEW_ROWS = 50


def fit_columns(table: QTableView, widest: int = 280) -> None:
    """Size each column to its contents (at most ``widest`` pixels): at most 50 short rows."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(header.sectionSize(column), widest))


class DryRunPage(QWizardPage):
    """Runs the dry run on the database worker, then shows the first rows as they will be
    stored and every row that would be refused, with the reason."""

    def __init__(self, state: Any) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Preview and dry run"))
        self.setSubTitle(
            self.tr("Nothing has been imported yet. This is what the import would do.")
        )
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("dryRunSummary")
        self.preview_model = OutcomesModel()
        self.preview = data_table(self.preview_model)
        self.preview.setObjectName("importPreview")
        self.preview.setAccessibleName(self.tr("Preview of the first rows as they will be stored"))
        self.refused_title = plain_label()
        self.refused_model = OutcomesModel()
        self.refused = data_table(self.refused_model, (50, 90, 420))
        self.refused.setObjectName("importRefused")
        self.refused.setAccessibleName(self.tr("Rows that would be refused, and why"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(
            plain_label(
                self.tr("The first {count} rows, as they will be stored:").format(
                    count=PREVIEW_ROWS
                )
            )
        )
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.refused_title)
        layout.addWidget(self.refused, 1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        set_plain(self.summary, self.tr("Checking every row…"))
        self.state.dry_task = self.state.ops.progress_task(
            imports.run_import,
            self.state.actor,
            self.state.table,
            self.state.options(),
            dry_run=True,
            title=self.tr("Dry run"),
            label=self.tr("Checking every row…"),
            on_done=self._shown,
            on_error=self._failed,
            on_cancelled=lambda: self._failed(None),
        )

    def _shown(self, result: imports.ImportResult) -> None:
        if not shiboken6.isValid(self):
            return
        self.state.dry = result
        text = result.summary()
        if result.already_imported_batch is not None:
            text += " " + self.tr(
                "This file was imported before (import {batch}); "
                "rows it brought in are not added again."
            ).format(batch=result.already_imported_batch)
        set_plain(self.summary, text)
        self.preview_model.set_rows(result.rows[:PREVIEW_ROWS])
        fit_columns(self.preview)
        refused = result.refused()
        set_plain(
            self.refused_title,
            counted(self.tr("%Ln row(s) would be refused:", "", len(refused)), len(refused))
            if refused
            else self.tr("No row would be refused."),
        )
        self.refused_model.set_rows(refused)
        self.done = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return
        set_plain(self.summary, self.tr("The dry run was cancelled.") if exc is None else str(exc))

    def isComplete(self) -> bool:
        return self.done


class ChoicesPage(QWizardPage):
    """What to do with duplicates (contacts) or with visits outside hours (bookings)."""

    def __init__(self, state: Any) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Duplicates and clashes"))
        self.explain = plain_label(wrap=True)
        self.explain.setObjectName("choicesText")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.box = QVBoxLayout()
        self.rows_model = OutcomesModel()
        self.rows = data_table(self.rows_model, (50, 130, 300))
        self.rows.setObjectName("importProblems")
        self.rows.setAccessibleName(self.tr("Duplicates and clashes to decide"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.box)
        layout.addWidget(self.rows, 1)
        self.setButtonText(self.wizard_button(), self.tr("&Import"))

    @staticmethod
    def wizard_button() -> Any:
        from PySide6.QtWidgets import QWizard

        return QWizard.WizardButton.CommitButton

    def initializePage(self) -> None:
        self.setCommitPage(True)
        for button in self.buttons.values():
            self.group.removeButton(button)
            button.deleteLater()
        self.buttons = {}
        dry: imports.ImportResult = self.state.dry
        problems = dry.with_problems()
        if self.state.kind == "contacts":
            count = sum(1 for r in problems if r.problem == "duplicate")
            set_plain(
                self.explain,
                counted(
                    self.tr(
                        "Same email address or phone number as a contact (or as an earlier "
                        "row of the file): %Ln row(s). What should happen to them?",
                        "",
                        count,
                    ),
                    count,
                ),
            )
            choices = {
                "merge": self.tr(
                    "Merge into the existing contact (fill in what it lacks, add the notes)"
                ),
                "skip": self.tr("Skip them"),
                "anyway": self.tr("Import them anyway, as new contacts"),
            }
            current = self.state.duplicates
        else:
            clashes = sum(1 for r in problems if r.problem == "clash")
            outside = sum(1 for r in problems if r.problem == "outside_hours")
            clash_words = self.tr(
                "Clashing with another booking of the provider: %Ln visit(s); they are "
                "skipped, as the desk never double-books.",
                "",
                clashes,
            )
            outside_words = self.tr(
                "Outside the provider's hours or on a closed day: %Ln visit(s). "
                "What should happen to those?",
                "",
                outside,
            )
            set_plain(
                self.explain,
                f"{counted(clash_words, clashes)} {counted(outside_words, outside)}",
            )
            choices = {
                "override": self.tr("Import them anyway, as a desk override"),
                "skip": self.tr("Skip them"),
            }
            current = self.state.problems
        for key, text in choices.items():
            button = QRadioButton(text)
            button.setObjectName(f"choice_{key}")
            button.setChecked(key == current)
            button.toggled.connect(lambda on, k=key: self._chosen(k, on))
            self.group.addButton(button)
            self.box.addWidget(button)
            self.buttons[key] = button
        self.rows_model.set_rows(problems)
        fit_columns(self.rows)

    def _chosen(self, key: str, on: bool) -> None:
        if not on:
            return
        if self.state.kind == "contacts":
            self.state.duplicates = key
        else:
            self.state.problems = key


class ImportPage(QWizardPage):
    """Runs the import (progress, Cancel leaves nothing), then offers the confirmations."""

    def __init__(self, state: Any) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Importing"))
        self.status = plain_label(wrap=True)
        self.status.setObjectName("importStatus")
        self.confirm = QPushButton()
        self.confirm.setObjectName("sendConfirmations")
        self.confirm.setAccessibleName(
            self.tr("Send confirmations to the imported future bookings")
        )
        self.confirm.setVisible(False)
        self.confirm.clicked.connect(self.send_confirmations)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.finished = False

    def initializePage(self) -> None:
        self.finished = False
        set_plain(self.status, self.tr("Importing…"))
        self.state.import_task = self.state.ops.progress_task(
            imports.run_import,
            self.state.actor,
            self.state.table,
            self.state.options(),
            title=self.tr("Importing"),
            label=self.tr("Importing the rows…"),
            on_done=self._imported,
            on_error=self._failed,
            on_cancelled=lambda: self._failed(None),
        )

    def _imported(self, result: imports.ImportResult) -> None:
        if not shiboken6.isValid(self):
            return
        self.state.result = result
        set_plain(
            self.status,
            self.tr(
                "{summary} No message was sent to anyone. The whole import "
                "(import {batch}) can be undone from Settings → Audit log."
            ).format(summary=result.summary(), batch=result.batch_id),
        )
        if result.future_bookings:
            future = result.future_bookings
            self.confirm.setText(
                counted(
                    self.tr("Send confirmations to the %Ln imported future booking(s)", "", future),
                    future,
                )
            )
            self.confirm.setVisible(True)
        self._finish()

    def _failed(self, exc: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return
        if exc is None:
            set_plain(self.status, self.tr("The import was cancelled; nothing was imported."))
        else:
            set_plain(self.status, self.tr("Nothing was imported: {error}").format(error=exc))
        self._finish()

    def _finish(self) -> None:
        self.finished = True
        self.completeChanged.emit()

    def send_confirmations(self) -> None:
        result: imports.ImportResult = self.state.result
        self.confirm.setEnabled(False)
        self.state.ops.command(
            imports.send_confirmations,
            self.state.actor,
            result.batch_id,
            datetime.now(UTC),
            on_done=self._sent,
        )

    def _sent(self, count: int) -> None:
        if shiboken6.isValid(self):
            set_plain(
                self.status,
                counted(self.tr("%Ln confirmation(s) queued to be sent.", "", count), count),
            )

    def isComplete(self) -> bool:
        return self.finished

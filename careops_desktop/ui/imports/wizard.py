"""File → Import…: bring contacts or bookings from the tool the business used before.

Steps: choose the file (read off the Qt thread) → contacts or bookings (the layout
recognised from the header row) → which column holds what → a dry run on the
database worker (preview, refused rows and why) → what to do with duplicates or
visits outside hours → the import itself, with a progress bar and Cancel (a
cancelled import leaves nothing). All of it goes through ``core.services.imports``,
the same service as ``careops import``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import imports
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.imports.mapping_page import MappingPage
from careops_desktop.ui.imports.names_page import NamesPage
from careops_desktop.ui.imports.steps import ChoicesPage, DryRunPage, ImportPage
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain

FILE_TYPES = QT_TRANSLATE_NOOP(
    "ImportWizard", "Files to import (*.csv *.txt *.vcf *.ics);;All files (*)"
)


def read_file(path: str, *, progress: Any) -> imports.SourceTable:
    """Read the file (a worker thread: file IO and parsing)."""
    progress(0, 0, translate("ImportWizard", "Reading the file…"))
    return imports.read_source(Path(path))


class ImportState:
    """What the steps share: the file, the kind, the mapping, the choices, the results."""

    def __init__(self, ops: Ops, actor: Actor) -> None:
        self.ops = ops
        self.actor = actor
        self.table: imports.SourceTable | None = None
        self.read_path = ""
        self.kind = "contacts"
        self.mapping: tuple[str, ...] = ()
        self.duplicates = "skip"
        self.problems = "skip"
        self.type_names: dict[str, int] = {}
        self.provider_names: dict[str, int] = {}
        self.dry: imports.ImportResult | None = None
        self.result: imports.ImportResult | None = None
        self.dry_task: Any = None
        self.import_task: Any = None
        self.read_task: Any = None

    def options(self) -> imports.ImportOptions:
        return imports.ImportOptions(
            self.kind,
            self.mapping,
            duplicates=self.duplicates,
            problems=self.problems,
            type_names=self.type_names if self.kind == "bookings" else {},
            provider_names=self.provider_names if self.kind == "bookings" else {},
        )


class FilePage(QWizardPage):
    """The file: typed or chosen; read (off the Qt thread) when the person presses Next."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "A CSV file (from Acuity, Square, Fresha, Google or Outlook contacts, or any "
                "spreadsheet), a vCard file (.vcf) or a calendar file (.ics)."
            )
        )
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.setObjectName("importBrowse")
        self.browse.clicked.connect(self.choose)
        self.status = plain_label(wrap=True)
        self.status.setObjectName("importFileStatus")
        self.dialog: QFileDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.path.textChanged.connect(lambda *_: self.completeChanged.emit())

    def choose(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Choose the file to import"),
            str(Path.home()),
            translate("ImportWizard", FILE_TYPES),
        )
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.path.setText)
        self.dialog = dialog
        dialog.open()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = self.path.text().strip()
        if self.state.table is not None and self.state.read_path == path:
            return True
        if self.state.read_task is not None and not self.state.read_task.done():
            return False  # still reading (Next pressed twice)
        set_plain(self.status, self.tr("Reading the file…"))
        self.state.read_task = self.state.ops.progress_task(
            read_file,
            path,
            use_database=False,
            title=self.tr("Reading the file"),
            label=self.tr("Reading the file…"),
            on_done=lambda table: self._read(path, table),
            on_error=self._failed,
            on_cancelled=lambda: set_plain(self.status, self.tr("Reading was cancelled.")),
        )
        return False

    def _read(self, path: str, table: imports.SourceTable) -> None:
        if not shiboken6.isValid(self):
            return
        self.state.table = table
        self.state.read_path = path
        self.state.kind = imports.guess_kind(table.headers)
        rows = len(table.rows)
        set_plain(self.status, counted(self.tr("%Ln row(s) read.", "", rows), rows))
        self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            set_plain(self.status, str(exc))


class KindPage(QWizardPage):
    """Contacts or bookings, preset from the layout recognised."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("What the file holds"))
        self.layout_text = plain_label(wrap=True)
        self.layout_text.setObjectName("importLayout")
        self.contacts = QRadioButton(self.tr("&Contacts (customers)"))
        self.contacts.setObjectName("kindContacts")
        self.bookings = QRadioButton(self.tr("&Bookings (visits, past and future)"))
        self.bookings.setObjectName("kindBookings")
        layout = QVBoxLayout(self)
        layout.addWidget(self.layout_text)
        layout.addWidget(self.contacts)
        layout.addWidget(self.bookings)
        layout.addStretch(1)

    def initializePage(self) -> None:
        table = self.state.table
        assert table is not None
        layout = imports.recognise(table.headers)
        text = (
            self.tr("Recognised: {layout}.").format(layout=layout.title)
            if layout is not None
            else self.tr(
                "The layout is not one CareOps knows; the columns are guessed from their names."
            )
        )
        rows = len(table.rows)
        set_plain(
            self.layout_text,
            counted(self.tr("{file}: %Ln row(s). {layout}", "", rows), rows).format(
                file=table.file_name, layout=text
            ),
        )
        (self.bookings if self.state.kind == "bookings" else self.contacts).setChecked(True)

    def validatePage(self) -> bool:
        table = self.state.table
        assert table is not None
        self.state.kind = "bookings" if self.bookings.isChecked() else "contacts"
        self.state.mapping = imports.guess_mapping(table.headers, self.state.kind)
        return True


class ImportWizard(QWizard):
    """The steps (services and staff for bookings only); ``state`` holds what they share."""

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import contacts or bookings"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.state = ImportState(ops, actor)
        self.file_page = FilePage(self.state)
        self.kind_page = KindPage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.names_page = NamesPage(self.state)
        self.dry_run_page = DryRunPage(self.state)
        self.choices_page = ChoicesPage(self.state)
        self.import_page = ImportPage(self.state)
        for page in (
            self.file_page,
            self.kind_page,
            self.mapping_page,
            self.names_page,
            self.dry_run_page,
            self.choices_page,
            self.import_page,
        ):
            self.addPage(page)
        self.resize(900, 620)


def open_import_wizard(ops: Ops, actor: Actor, parent: QWidget | None = None) -> ImportWizard:
    """Open the wizard (not modal: the window stays live) and return it."""
    wizard = ImportWizard(ops, actor, parent)
    wizard.open()
    return wizard

"""Help → About: the version, where the database and the logs are, and the licences of the
libraries CareOps ships with (gathered at build time into the bundle; in a source checkout,
read from the installed packages — on the shared pool, as it reads many small files)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careops_desktop import __version__
from careops_desktop.bundled_licences import FILE_NAME, Licence, bundled_licences
from careops_desktop.config import log_dir, resource_path
from careops_desktop.ui import off_thread
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.plain import plain_label, set_plain


def _licences() -> list[Licence]:
    """The shipped list, else the installed packages' (file IO: a worker thread's work)."""
    return bundled_licences(resource_path(FILE_NAME))


def database_text(url: object) -> str:
    """Where the database is, for a person: the file for SQLite, the server without password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(str(url))
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or translate("AboutDialog", "(in memory)")
    return parsed.render_as_string(hide_password=True)


class AboutDialog(QDialog):
    """Version, database, log folder and the licences table (filled off the Qt thread)."""

    def __init__(self, database_url: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About CareOps"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "CareOps Desktop {version}\n\n"
                    "The front office of one service business: inbox, bookings, contacts, "
                    "intake forms and inventory, with your data on your own computer."
                ).format(version=__version__),
                wrap=True,
            )
        )
        form = QFormLayout()
        self.database_label = plain_label(database_text(database_url), wrap=True)
        self.database_label.setObjectName("aboutDatabase")
        self.logs_label = plain_label(str(log_dir()), wrap=True)
        self.logs_label.setObjectName("aboutLogs")
        for label in (self.database_label, self.logs_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Version"), plain_label(__version__))
        form.addRow(self.tr("Database"), self.database_label)
        form.addRow(self.tr("Log folder"), self.logs_label)
        layout.addLayout(form)
        self.licences_intro = plain_label(self.tr("Reading the libraries' licences…"), wrap=True)
        self.licences_intro.setObjectName("aboutLicencesIntro")
        layout.addWidget(self.licences_intro)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        self.table = QTableView()
        self.table.setObjectName("aboutLicences")
        self.table.setAccessibleName(self.tr("Licences of the bundled libraries"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        off_thread.in_background(self, _licences, on_done=self._show, on_error=self._failed)

    def _show(self, licences: list[Licence]) -> None:
        for item in licences:
            row = [QStandardItem(item.name), QStandardItem(item.version)]
            row.append(QStandardItem(item.licence))
            for cell in row:
                cell.setEditable(False)
            self.model.appendRow(row)
        self.table.resizeColumnsToContents()
        set_plain(
            self.licences_intro,
            self.tr(
                "CareOps is MIT-licensed. It ships with these %n libraries, each under its "
                "own licence:",
                "",
                len(licences),
            ),
        )

    def _failed(self, exc: Exception) -> None:
        set_plain(
            self.licences_intro,
            self.tr("The list of the libraries' licences could not be read ({error}).").format(
                error=type(exc).__name__
            ),
        )

"""Settings → Booking page: where customers open the page, its QR codes, the desk poster.

Each address the page answers on (the runtime's LAN addresses; the "address customers
use" from Settings first when one is set) is shown with its QR code, **Copy address** and
**Print poster…**, which writes a one-page A4 PDF (``exports.poster_pdf``) off the Qt
thread. When this window runs no booking page (the port was taken, or none was started)
the page says why and shows the addresses the page will have, from Settings. The address
and port themselves are edited on the Business page.

:class:`~careops_desktop.ui.widgets.address_qr.AddressRow` draws each address; the
status bar's QR popup shows the same rows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.services import business
from careops_desktop.core.services.business import BusinessProfile
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.printing.poster_pdf import Poster, write_poster_pdf
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.widgets.address_qr import AddressRow

log = logging.getLogger(__name__)

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY = ("", "0.0.0.0", "::")
PDF_FILTER = QT_TRANSLATE_NOOP("BookingPageSettingsPage", "PDF files (*.pdf)")


@dataclass(frozen=True)
class PageState:
    """The profile and the addresses the page has (or will have), best first."""

    profile: BusinessProfile
    urls: tuple[str, ...]
    running: bool
    problem: str  # why the page is not running in this window, in words ("" when it is)
    host: str  # the address listened on (the runtime's, else the one in Settings)


def settings_urls(profile: BusinessProfile) -> list[str]:
    """The addresses the page will have with the host and port in Settings (no traffic)."""
    from careops_desktop.runtime import lan_addresses

    host, port = profile.page_bind_address.strip(), profile.page_port
    if host in ANY:
        return lan_addresses(port) or [f"http://127.0.0.1:{port}"]
    if ":" in host:
        host = f"[{host}]"
    return [f"http://{host}:{port}"]


def _ordered(profile: BusinessProfile, urls: list[str], first: str = "") -> tuple[str, ...]:
    found: list[str] = []
    public = first or profile.public_url.strip().rstrip("/")
    for url in ([public] if public else []) + urls:
        if url and url not in found:
            found.append(url)
    return tuple(found)


@read_only
def make_page_state(
    session: Session, runtime_urls: list[str], running: bool, problem: str, host: str = ""
) -> PageState:
    """Database worker: the profile and the addresses to show (see the module text)."""
    profile = business.get_profile(session)
    urls = list(runtime_urls) if running and runtime_urls else settings_urls(profile)
    host = host if running else profile.page_bind_address.strip()
    # running here: the address every link carries (business.public_base_url) comes first
    first = business.public_base_url(session) if running else ""
    return PageState(profile, _ordered(profile, urls, first), running, problem, host)


def state_text(state: PageState) -> str:
    """One sentence on whether customers can book now."""
    profile = state.profile
    if not state.running:
        return state.problem or translate(
            "BookingPageSettingsPage",
            "The booking page is not running in this window; these are the addresses it will have.",
        )
    if not profile.is_active:
        return translate(
            "BookingPageSettingsPage",
            "The page is listening, but the business is not active yet: customers see a "
            "'not taking online bookings' page. Activate it on the Business page.",
        )
    if not profile.page_enabled:
        return translate(
            "BookingPageSettingsPage",
            "The page is listening, but online booking is switched off on the Business page.",
        )
    if state.host in LOOPBACK:
        return translate(
            "BookingPageSettingsPage",
            "The page listens on this computer only (loopback): other devices cannot reach it.",
        )
    return translate(
        "BookingPageSettingsPage", "Customers on this network can book at these addresses."
    )


class BookingPageSettingsPage(QWidget):
    """The addresses with QR codes, Copy and Print poster…; ``state`` after each load."""

    loaded = Signal(object)

    def __init__(self, context: SettingsContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.state: PageState | None = None
        self.rows: list[AddressRow] = []
        self.file_dialog: QFileDialog | None = None
        self.poster_task: Any = None
        self.setMaximumWidth(860)
        intro = plain_label(
            self.tr(
                "Customers at the front desk tablet, in the waiting room or on the business "
                "Wi-Fi open the booking page at the address below: scan the code with a phone, "
                "or print a poster for the reception desk."
            ),
            wrap=True,
        )
        self.status = plain_label(wrap=True)
        self.status.setObjectName("bookingPageState")
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(8)
        note = plain_label(
            self.tr(
                "The address and port are set on the Business page; 'Address customers use' "
                "there comes first here and in the messages customers get."
            ),
            wrap=True,
        )
        note.setObjectName("bookingPageNote")
        self.poster_status = plain_label(wrap=True)
        self.poster_status.setObjectName("posterStatus")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.poster_status)
        layout.addWidget(line)
        layout.addWidget(note)
        layout.addStretch(1)
        if context.events is not None:
            context.events.settingsChanged.connect(self.load)
        self.load()

    @property
    def urls(self) -> list[str]:
        return list(self.state.urls) if self.state else []

    @property
    def profile(self) -> BusinessProfile | None:
        return self.state.profile if self.state else None

    def load(self, *_event: object) -> None:
        link = self.context.runtime_link
        running = bool(link is not None and link.jobs_running and link.urls)
        host = link.runtime.host if link is not None and link.runtime is not None else ""
        urls = list(link.urls) if link is not None else []
        if link is None:
            problem = self.tr(
                "This window runs no booking page (is `careops serve` running elsewhere?)."
            )
        else:
            problem = link.error
        self.ops.query(
            make_page_state,
            urls,
            running,
            problem,
            host,
            on_done=self._show,
            on_error=self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        set_plain(
            self.status,
            self.tr("The booking page's details could not be loaded: {reason}").format(reason=exc),
        )

    def _show(self, state: PageState) -> None:
        self.state = state
        set_plain(self.status, state_text(state))
        if [row.url for row in self.rows] != list(state.urls):
            for row in self.rows:
                self.rows_box.removeWidget(row)
                row.deleteLater()
            self.rows = []
            for url in state.urls:
                row = AddressRow(url)
                row.posterRequested.connect(self.choose_poster_file)
                self.rows_box.addWidget(row)
                self.rows.append(row)
        self.loaded.emit(state)

    # -- the poster ------------------------------------------------------------------------

    def choose_poster_file(self, url: str) -> None:
        """Ask where to save the poster for ``url`` (non-blocking dialog)."""
        name = (self.profile.name if self.profile else "") or self.tr("booking page")
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in name).strip()
        file_name = self.tr("{name} poster.pdf").format(name=safe or self.tr("booking page"))
        suggested = str(Path.home() / file_name)
        dialog = QFileDialog(self, self.tr("Save the poster"), suggested, self.tr(PDF_FILTER))
        dialog.setObjectName("posterFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.write_poster(Path(path), url))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.file_dialog = dialog
        dialog.open()

    def write_poster(self, path: Path, url: str) -> Any:
        """Write the poster for ``url`` to ``path`` off the Qt thread; returns the task."""
        profile = self.profile
        poster = Poster(
            business_name=profile.name if profile else "",
            url=url,
            address=profile.address if profile else "",
            phone=profile.phone if profile else "",
        )
        set_plain(self.poster_status, self.tr("Writing the poster…"))
        self.poster_task = self.ops.progress_task(
            _write_poster,
            path,
            poster,
            title=self.tr("Print poster"),
            label=self.tr("Writing the poster…"),
            use_database=False,
            on_done=lambda _layout: set_plain(
                self.poster_status, self.tr("Poster saved: {path}").format(path=path)
            ),
            on_error=self._poster_failed,
        )
        return self.poster_task

    def _poster_failed(self, exc: BaseException) -> None:
        set_plain(
            self.poster_status,
            self.tr("The poster could not be written: {reason}").format(reason=exc),
        )


def _write_poster(path: Path, poster: Poster, *, progress: Any) -> Any:
    """Worker thread: write the PDF; file-system errors come back in words."""
    from careops_desktop.core.errors import CareOpsError

    progress(0, 1, translate("BookingPageSettingsPage", "Writing the poster…"))
    try:
        layout = write_poster_pdf(path, poster)
    except (OSError, ValueError) as exc:
        raise CareOpsError(f"{path}: {exc}") from exc
    if not path.exists() or path.stat().st_size == 0:
        raise CareOpsError(
            translate(
                "BookingPageSettingsPage", "{path} could not be written (is the folder writable?)."
            ).format(path=path)
        )
    progress(1, 1, "")
    return layout

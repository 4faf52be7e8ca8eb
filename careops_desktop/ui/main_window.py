"""The main window: tabs from :mod:`careops_desktop.ui.tabs`, menus, shortcuts, status bar.

Other areas talk to it through a small API: ``show_tab(key, filter=...)`` (navigation),
``set_tab_title(key, title)``, ``set_booking_page_status(text, tooltip)`` and
``set_outbox_status(text, tooltip)`` (status bar slots), ``show_status(text)``;
``runtime_link`` is the app's ``RuntimeLink`` (None when this window runs no runtime);
``prebuild=True`` (the app) builds the main tabs' pages in idle time after the first paint
(:mod:`careops_desktop.ui.prebuild`).
The application controller listens to ``signOutRequested``, ``lockRequested`` and
``closed``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.permissions import Actor
from careops_desktop.ui.accessible import make_accessible
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.i18n import apply_business_locale, translate
from careops_desktop.ui.idle import IdleWatcher
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, safe_tooltip, set_plain
from careops_desktop.ui.prebuild import PREBUILT_TABS, PagePrebuilder
from careops_desktop.ui.preload import ModulePreloader
from careops_desktop.ui.qsettings_keys import GEOMETRY_KEY, LAST_TAB_KEY, STATE_KEY
from careops_desktop.ui.search_everywhere import install_search_action
from careops_desktop.ui.startup_probe import arm as arm_startup_probe
from careops_desktop.ui.tabs import TabContext, TabSpec, module_of, visible_specs
from careops_desktop.ui.ui_state import (
    app_settings,
    as_bytes,
    idle_lock_minutes,
    save_header_now,
)
from careops_desktop.ui.updates_at_start import arm as arm_update_check

if TYPE_CHECKING:
    from careops_desktop.ui.runtime_link import RuntimeLink
    from careops_desktop.ui.widgets.address_qr import BookingPageButton

log = logging.getLogger(__name__)

# the status bar's words for the roles (translated with the MainWindow context)
_ROLE_NAMES = {
    "owner": str(QT_TRANSLATE_NOOP("MainWindow", "owner")),
    "manager": str(QT_TRANSLATE_NOOP("MainWindow", "manager")),
    "staff": str(QT_TRANSLATE_NOOP("MainWindow", "staff")),
}


class _TabHost(QWidget):
    """Holds one tab's page, created on first show."""

    def __init__(self, spec: TabSpec) -> None:
        super().__init__()
        self.spec = spec
        self.page: QWidget | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.setObjectName(f"tab_{spec.key}")


class MainWindow(QMainWindow):
    """Tabs shown by permission, created lazily; geometry remembered; idle lock."""

    signOutRequested = Signal()
    lockRequested = Signal()
    closed = Signal()
    tabChanged = Signal(str)
    firstPainted = Signal()  # once, after the first paint (the app then starts the runtime)
    businessLocaleChanged = Signal(str)  # the business's locale changed (QLocale name)

    def __init__(
        self,
        ops: Ops,
        events: EventsBridge,
        actor: Actor,
        *,
        business_name: str = "",
        specs: Sequence[TabSpec] | None = None,
        idle_minutes: float | None = None,
        runtime_link: RuntimeLink | None = None,
        prebuild: bool = False,
    ) -> None:
        super().__init__()
        self.runtime_link = runtime_link
        self.ops = ops
        self.events = events
        self.actor = actor
        self._closing = False
        self.preloader = ModulePreloader()  # the other tabs' modules, after the first paint
        self._preload_armed = False
        self._preload_waiting = False
        # prebuild: the main tabs' pages are built in idle time after the first paint
        self._prebuild = prebuild
        self.prebuilder: PagePrebuilder | None = None
        self.setObjectName("mainWindow")
        self.set_business_name(business_name)
        self.context = TabContext(ops=ops, events=events, actor=actor, window=self)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._hosts: dict[str, _TabHost] = {}
        for spec in visible_specs(actor, specs):
            host = _TabHost(spec)
            self._hosts[spec.key] = host
            self.tabs.addTab(host, translate("Tabs", spec.title))
        self.tabs.currentChanged.connect(self._on_current_changed)

        self._build_menus()
        self._build_shortcuts()
        self._build_status_bar()

        self.idle = IdleWatcher(idle_lock_minutes() if idle_minutes is None else idle_minutes, self)
        self.idle.idleTimeout.connect(self.lockRequested.emit)

        events.settingsChanged.connect(self._settings_changed)
        self._restore_geometry()
        settings = app_settings()
        last = str(settings.value(LAST_TAB_KEY, "dashboard") or "dashboard")
        start = last if last in self._hosts else next(iter(self._hosts), "")
        if start:
            self.tabs.setCurrentWidget(self._hosts[start])
            self._ensure_page(self._hosts[start])
        self.idle.start()
        arm_startup_probe(self)  # only with CAREOPS_STARTUP_PROBE=1 (the frozen benchmark)
        arm_update_check(self)  # only when Settings → Updates → Check for updates is on

    # -- navigation API ------------------------------------------------------------------

    def tab_keys(self) -> list[str]:
        """Keys of the visible tabs, in order."""
        hosts = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [host.spec.key for host in hosts if isinstance(host, _TabHost)]

    def current_key(self) -> str | None:
        host = self.tabs.currentWidget()
        return host.spec.key if isinstance(host, _TabHost) else None

    def page(self, key: str) -> QWidget | None:
        """The page of tab ``key`` (created now if needed), or None when it is not shown."""
        host = self._hosts.get(key)
        return self._ensure_page(host) if host is not None else None

    def current_page(self) -> QWidget | None:
        host = self.tabs.currentWidget()
        return self._ensure_page(host) if isinstance(host, _TabHost) else None

    def show_tab(self, key: str, filter: Any = None) -> QWidget | None:
        """Switch to tab ``key``; a ``filter`` is handed to the page's ``apply_filter``.

        Returns the page, or None when the tab is not shown to this person.
        """
        host = self._hosts.get(key)
        if host is None:
            return None
        self.tabs.setCurrentWidget(host)
        page = self._ensure_page(host)
        if filter is not None and page is not None and hasattr(page, "apply_filter"):
            page.apply_filter(filter)
        return page

    def set_tab_title(self, key: str, title: str) -> None:
        host = self._hosts.get(key)
        if host is not None:
            self.tabs.setTabText(self.tabs.indexOf(host), title.replace("&", "&&"))

    # -- status bar API ------------------------------------------------------------------

    def set_booking_page_status(self, text: str, tooltip: str = "") -> None:
        """Show the booking page's address or state (plain text)."""
        set_plain(self.booking_page_label, text)
        self.booking_page_label.setToolTip(safe_tooltip(tooltip))
        self.booking_page_label.setVisible(bool(text))

    def place_booking_page_button(self, button: BookingPageButton) -> None:
        """Put the booking page's QR ``button`` just before its address in the status bar;
        its ``openSettings`` opens Settings → Booking page."""
        index = self._status_items.index(self.booking_page_label)
        self.statusBar().insertPermanentWidget(index, button)
        self._status_items.insert(index, button)
        button.openSettings.connect(lambda: self.show_tab("settings", {"page": "booking_page"}))

    def set_outbox_status(self, text: str, tooltip: str = "") -> None:
        """Show the outbox state, e.g. "Outbox: 2 waiting, 1 failed" (plain text)."""
        set_plain(self.outbox_label, text)
        self.outbox_label.setToolTip(safe_tooltip(tooltip))
        self.outbox_label.setVisible(bool(text))

    def show_status(self, text: str, milliseconds: int = 4000) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def set_business_name(self, name: str) -> None:
        self.setWindowTitle(
            self.tr("{business} — CareOps").format(business=name) if name else "CareOps"
        )

    # -- building ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.signOutRequested.emit)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lockRequested.emit)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self._add_import_action(file_menu)
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About CareOps"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _add_import_action(self, file_menu: Any) -> None:
        """File → Import… (contacts and bookings from another tool; ``ui/imports``)."""
        from careops_desktop.core.permissions import Permission

        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.setEnabled(self.actor.can(Permission.MANAGE_CONTACTS))
        self.import_action.triggered.connect(self.open_import)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()

    def open_import(self) -> Any:
        """Open the import wizard (not modal); returns it."""
        from careops_desktop.ui.imports import open_import_wizard

        self.import_wizard = open_import_wizard(self.ops, self.actor, self)
        return self.import_wizard

    def _build_shortcuts(self) -> None:
        self._shortcuts: list[QShortcut] = []
        for number in range(1, 9):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self._switch_to_index(n - 1))
            self._shortcuts.append(shortcut)
        search = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        search.activated.connect(lambda: self._call_page("focus_search"))
        create = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        create.activated.connect(lambda: self._call_page("create_new"))
        printing = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        printing.activated.connect(lambda: self._call_page("print_page"))
        self._shortcuts += [search, create, printing]
        self.search_everywhere_action = install_search_action(self)  # Ctrl+K

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        role = (
            self.tr(_ROLE_NAMES.get(self.actor.role.value, self.actor.role.value))
            if self.actor.role
            else self.tr("system")
        )
        self.user_label = plain_label(
            self.tr("Signed in as {name} ({role})").format(name=self.actor.name, role=role)
        )
        self.user_label.setObjectName("signedInLabel")
        self.booking_page_label = plain_label()
        self.booking_page_label.setObjectName("bookingPageLabel")
        self.booking_page_label.hide()
        self.outbox_label = plain_label()
        self.outbox_label.setObjectName("outboxLabel")
        self.outbox_label.hide()
        self.busy_label = QLabel(self.tr("Working…"))
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.hide()
        # the status bar's items in order (QStatusBar has no "index of"): normal, then permanent
        self._status_items: list[QWidget] = [self.user_label]
        bar.addWidget(self.user_label)
        for widget in (self.busy_label, self.booking_page_label, self.outbox_label):
            bar.addPermanentWidget(widget)
            self._status_items.append(widget)
        self.ops.busyChanged.connect(self._on_busy)
        self.ops.statusMessage.connect(self.show_status)

    def show_about(self) -> None:
        """Help → About: version, database, log folder, licences (ui/about_dialog.py)."""
        from careops_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ops.database.engine.url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- internals -----------------------------------------------------------------------

    def _settings_changed(self, event: Any) -> None:
        """The business changed: follow its name in the title bar and its locale in every
        date, time and calendar of the window."""
        if getattr(event, "area", "") != "business" or self._closing:
            return
        from careops_desktop.core.services.business import get_profile, locale_of

        def follow(profile: Any) -> None:
            self.set_business_name(profile.name)
            self._apply_locale(locale_of(profile))

        self.ops.query(get_profile, on_done=follow, on_error=lambda _exc: None, owner=self)

    def _apply_locale(self, tag: str) -> None:
        """Format in ``tag`` from now on (``ui.i18n.apply_business_locale``) and repaint."""
        if QLocale().name() == QLocale(tag).name():
            return
        apply_business_locale(tag)
        self.setLocale(QLocale())  # date pickers and calendars already open follow it
        self.businessLocaleChanged.emit(QLocale().name())
        for widget in self.findChildren(QWidget):
            widget.update()

    def _on_busy(self, busy: bool) -> None:
        if shiboken6.isValid(self.busy_label):
            self.busy_label.setVisible(busy)

    def _switch_to_index(self, index: int) -> None:
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _call_page(self, method: str) -> None:
        page = self.current_page()
        action = getattr(page, method, None)
        if callable(action):
            action()

    def _ensure_page(self, host: _TabHost) -> QWidget | None:
        if host.page is None and not self._closing:
            page = host.spec.factory(self.context)
            host.box.addWidget(page)
            host.page = page
            make_accessible(page)  # names for screen readers; Tab leaves row tables
        return host.page

    def _on_current_changed(self, index: int) -> None:
        host = self.tabs.widget(index)
        if isinstance(host, _TabHost):
            page = self._ensure_page(host)
            if page is not None:
                make_accessible(page)  # widgets the page added since it was built
            self.tabChanged.emit(host.spec.key)

    def _restore_geometry(self) -> None:
        settings = app_settings()
        geometry = as_bytes(settings.value(GEOMETRY_KEY))
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = as_bytes(settings.value(STATE_KEY))
        if state is not None:
            self.restoreState(state)

    def save_ui_state(self) -> None:
        """Write geometry, the current tab and every remembered table header to QSettings."""
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        key = self.current_key()
        if key:
            settings.setValue(LAST_TAB_KEY, key)
        for header in self.findChildren(QHeaderView):
            save_header_now(header)
        settings.sync()

    def shutdown(self) -> None:
        """Stop the idle timer and let each page stop its own work (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self.idle.stop()
        if self._preload_waiting:
            self._preload_tabs()  # only disconnects: closing
        if self.prebuilder is not None:
            self.prebuilder.stop()
        self.preloader.stop()
        self.preloader.wait(timeout=2.0)  # at most the end of the module being imported
        for host in self._hosts.values():
            page = host.page
            stop = getattr(page, "shutdown", None)
            if callable(stop):
                try:
                    stop()
                except Exception:
                    log.exception("a tab failed to shut down")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._preload_armed or self._closing:
            return
        self._preload_armed = True
        self.firstPainted.emit()
        if self.ops.pending:  # the first page's queries first, then the imports
            self.ops.idle.connect(self._preload_tabs)
            self._preload_waiting = True
        else:
            self._preload_tabs()

    def _preload_tabs(self) -> None:
        """Import the modules of the tabs not opened yet, on a thread (see ui/preload.py)."""
        if self._preload_waiting:
            self._preload_waiting = False
            with contextlib.suppress(RuntimeError):
                self.ops.idle.disconnect(self._preload_tabs)
        if self._closing or self.preloader.started:
            return
        pending = [host.spec.factory for host in self._hosts.values() if host.page is None]
        self.preloader.start(name for name in map(module_of, pending) if name)
        if self._prebuild:
            self.prebuilder = PagePrebuilder(
                [key for key in PREBUILT_TABS if key in self._hosts],
                build=self.page,
                built=lambda key: self._hosts[key].page is not None,
                ready=lambda: not self.preloader.running and not self.ops.pending,
                parent=self,
            )
            self.prebuilder.start()

    @property
    def pages_ready(self) -> bool:
        """True once the prebuilt pages are built and loaded (always without prebuild)."""
        if not self._prebuild:
            return True
        return self.prebuilder is not None and self.prebuilder.done

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_ui_state()
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

"""The main window: tabs by permission, shortcuts, navigation, status bar, remembered state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.ui.events_bridge import EventsBridge
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.tabs import TabContext, TabSpec, visible_specs
from careops_desktop.ui.ui_state import app_settings
from tests.ui.conftest import demo_actor


class RecordingPage(QWidget):
    """A real page that records the window's calls into it."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.calls: list[tuple[str, Any]] = []
        self.search = QLineEdit()
        QVBoxLayout(self).addWidget(self.search)

    def focus_search(self) -> None:
        self.calls.append(("focus_search", None))
        self.search.setFocus()

    def create_new(self) -> None:
        self.calls.append(("create_new", None))

    def apply_filter(self, value: Any) -> None:
        self.calls.append(("apply_filter", value))


SPECS = [
    TabSpec(key, key.title(), permission, RecordingPage)
    for key, permission in (
        ("settings", None),
        ("dashboard", None),
        ("inbox", Permission.MANAGE_INBOX),
        ("inventory", Permission.VIEW_INVENTORY),
        ("reports", Permission.VIEW_REPORTS),
    )
]


def _actor(*permissions: Permission) -> Actor:
    return Actor(
        user_id=7, name="Sam <b>x</b>", role=Role.STAFF, permissions=frozenset(permissions)
    )


def _window(qtbot, ops, bridge, actor: Actor, specs=SPECS) -> MainWindow:
    window = MainWindow(ops, bridge, actor, business_name="Sunny & Co", specs=specs, idle_minutes=0)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def test_tabs_follow_permissions_and_the_fixed_order(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, _actor(Permission.MANAGE_INBOX))
    assert window.tab_keys() == ["dashboard", "inbox", "settings"]
    assert window.show_tab("inventory") is None
    assert window.current_key() == "dashboard"
    full = _window(qtbot, ops, bridge, Actor.system())
    assert full.tab_keys() == ["dashboard", "inbox", "inventory", "reports", "settings"]
    window.close()
    full.close()


def test_shortcuts_switch_tabs_and_reach_the_page(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, Actor.system())
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "inventory"
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # no 9th tab
    assert window.current_key() == "inventory"
    page = window.current_page()
    assert isinstance(page, RecordingPage)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.calls == [("focus_search", None), ("create_new", None)]
    shown = window.show_tab("inbox", filter={"unread": True})
    assert window.current_key() == "inbox"
    assert shown.calls == [("apply_filter", {"unread": True})]
    window.close()


def test_pages_are_built_only_when_first_shown(ops, bridge, qtbot) -> None:
    built: list[str] = []

    def factory(key: str):
        def make(context: TabContext) -> QWidget:
            built.append(key)
            return RecordingPage(context)

        return make

    specs = [TabSpec(k, k, None, factory(k)) for k in ("dashboard", "inbox", "settings")]
    window = _window(qtbot, ops, bridge, Actor.system(), specs)
    assert built == ["dashboard"]
    window.show_tab("settings")
    window.show_tab("dashboard")
    assert built == ["dashboard", "settings"]
    window.close()


def test_status_bar_shows_who_and_plain_text_slots(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, _actor())
    assert window.user_label.text() == "Signed in as Sam <b>x</b> (staff)"
    assert window.user_label.textFormat() == Qt.TextFormat.PlainText
    window.set_booking_page_status("http://192.0.2.1:8765/ <b>x</b>", "<img src=x>")
    assert window.booking_page_label.isVisible()
    assert window.booking_page_label.text() == "http://192.0.2.1:8765/ <b>x</b>"
    assert "&lt;img src=x&gt;" in window.booking_page_label.toolTip()
    window.set_outbox_status("Outbox: 2 waiting")
    assert window.outbox_label.text() == "Outbox: 2 waiting"
    window.set_outbox_status("")
    assert not window.outbox_label.isVisible()
    assert window.windowTitle() == "Sunny & Co — CareOps"
    window.close()


def test_geometry_and_last_tab_are_remembered(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, Actor.system())
    window.resize(QSize(700, 500))
    window.show_tab("reports")
    window.close()
    assert app_settings().value("main_window/last_tab") == "reports"
    again = _window(qtbot, ops, bridge, Actor.system())
    assert again.size() == QSize(700, 500)
    assert again.current_key() == "reports"
    again.close()


def test_idle_time_locks_the_window(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, Actor.system())
    window.idle.set_minutes(0.002)  # 120 ms
    with qtbot.waitSignal(window.lockRequested, timeout=3000):
        pass
    assert not window.idle.is_active
    window.close()


def test_menus_sign_out_and_lock(ops, bridge, qtbot) -> None:
    window = _window(qtbot, ops, bridge, Actor.system())
    with qtbot.waitSignal(window.signOutRequested, timeout=1000):
        window.sign_out_action.trigger()
    with qtbot.waitSignal(window.lockRequested, timeout=1000):
        window.lock_action.trigger()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.quit_action.trigger()


def test_real_tabs_for_the_demo_staff_member(demo_db, demo_ops, qtbot) -> None:
    staff = demo_actor(demo_db, "staff")
    owner = demo_actor(demo_db, "owner")
    assert [s.key for s in visible_specs(staff)] == [
        "dashboard",
        "inbox",
        "bookings",
        "contacts",
        "forms",
        "settings",
    ]
    assert "inventory" in [s.key for s in visible_specs(owner)]
    bridge = EventsBridge()
    window = _window(qtbot, demo_ops, bridge, staff, specs=None)
    settings = window.show_tab("settings")
    assert settings.page_keys() == [
        "saved_replies",
        "this_computer",
        "language",
        "password",
    ]  # inbox staff
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    assert not dashboard.cards["low_stock_count"].isVisible()
    window.close()
    bridge.close()


class TablePage(RecordingPage):
    """A page with a remembered table header."""

    def __init__(self, context: TabContext) -> None:
        super().__init__(context)
        from PySide6.QtGui import QStandardItemModel
        from PySide6.QtWidgets import QTableView

        from careops_desktop.ui.ui_state import remember_header

        self.table = QTableView()
        self.table.setModel(QStandardItemModel(3, 3, self))
        self.layout().addWidget(self.table)
        remember_header(self.table.horizontalHeader(), "test/table")


def test_table_columns_are_remembered(ops, bridge, qtbot) -> None:
    specs = [TabSpec("dashboard", "Dashboard", None, TablePage)]
    window = _window(qtbot, ops, bridge, Actor.system(), specs)
    window.page("dashboard").table.horizontalHeader().resizeSection(1, 211)
    window.close()
    again = _window(qtbot, ops, bridge, Actor.system(), specs)
    assert again.page("dashboard").table.horizontalHeader().sectionSize(1) == 211
    again.close()


def test_the_palette_follows_the_system_scheme(qapp) -> None:
    from PySide6.QtGui import QPalette

    from careops_desktop.ui.theme import apply_theme, palette_for

    apply_theme(qapp)
    try:
        style = qapp.style()
        assert "fusion" in (style.name(), style.objectName(), qapp.property("careopsStyle"))
        assert "dashboardCard" in qapp.styleSheet()
        dark = palette_for(Qt.ColorScheme.Dark, qapp)
        light = palette_for(Qt.ColorScheme.Light, qapp)
        assert dark.color(QPalette.ColorRole.Window).lightness() < 80
        assert dark.color(QPalette.ColorRole.Text).lightness() > 180
        assert light.color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        qapp.setStyleSheet("")

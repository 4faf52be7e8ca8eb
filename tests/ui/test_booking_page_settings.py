"""Settings → Booking page, the QR code widget, the status bar's QR popup and the poster."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel
from sqlalchemy import update

from careops_desktop.core.models import Business
from careops_desktop.runtime import Runtime
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.off_thread import run_off_thread
from careops_desktop.ui.printing.qr_paint import QUIET_ZONE, qr_matrix
from careops_desktop.ui.runtime_link import RuntimeLink, StatusFeed
from careops_desktop.ui.settings.booking_page import BookingPageSettingsPage
from careops_desktop.ui.widgets.address_qr import BookingPageButton
from careops_desktop.ui.widgets.qr_code import QrCodeWidget
from tests.core.seed_rows import add_business
from tests.ui.conftest import wait_task
from tests.ui.tab_helpers import owner_actor

URL = "http://192.168.1.20:8765"


# -- the QR code widget ------------------------------------------------------------------


def _painted(widget: QrCodeWidget) -> list[list[bool]]:
    image = widget.grab().toImage()
    return [
        [
            image.pixelColor(widget.module_rect(row, column).center()).lightness() < 128
            for column in range(len(widget.matrix))
        ]
        for row in range(len(widget.matrix))
    ]


def test_the_painted_modules_are_segnos_matrix(qtbot) -> None:
    for text, side in ((URL, 168), ("http://[fe80::1]:8765/" + "x" * 120, 240), ("a", 60)):
        widget = QrCodeWidget(text, side)
        qtbot.addWidget(widget)
        widget.resize(side, side)
        expected = qr_matrix(text)
        assert widget.matrix == expected
        assert _painted(widget) == [list(row) for row in expected]
        # every module is a whole number of pixels, and the quiet zone is light
        rect = widget.module_rect(0, 0)
        assert rect.width() == rect.height() >= 1
        image = widget.grab().toImage()
        for step in range(QUIET_ZONE):
            corner = widget.module_rect(-1 - step, -1 - step).center()
            assert image.pixelColor(corner).lightness() > 200


def test_the_code_stays_dark_on_white_in_a_dark_theme(qtbot) -> None:
    widget = QrCodeWidget(URL, 168)
    qtbot.addWidget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    widget.setPalette(palette)
    widget.resize(168, 168)
    assert _painted(widget) == [list(row) for row in qr_matrix(URL)]


def test_text_that_cannot_be_a_code_draws_nothing(qtbot) -> None:
    widget = QrCodeWidget("x" * 5000)
    qtbot.addWidget(widget)
    assert widget.matrix == () and "2,000" in widget.error
    widget.set_text(URL)
    assert widget.matrix and widget.error == ""
    widget.set_text("")
    assert widget.matrix == () and widget.error == ""


# -- the settings page -------------------------------------------------------------------


def _world(db, name: str = "", **profile: object) -> None:
    with db.write_session() as s:
        add_business(
            s,
            address="<b>14 Willow Lane</b>\nHebden Bridge",
            phone="+44 1422 000123",
            **profile,
        )
        if name:
            s.execute(update(Business).values(name=name))


def _start_runtime(qtbot, qloop, db) -> RuntimeLink:
    runtime = Runtime(db, host="127.0.0.1", port=0, jobs=[])
    wait_task(qtbot, qloop.create_task(run_off_thread(runtime.start_in_thread)))
    link = RuntimeLink(db, host="127.0.0.1", port=0)
    link.runtime = runtime
    link.urls = runtime.page_urls()
    return link


def _stop_runtime(qtbot, qloop, link: RuntimeLink) -> None:
    wait_task(qtbot, qloop.create_task(link.stop()))


def _window(qtbot, ops, bridge, link: RuntimeLink | None) -> MainWindow:
    from tests.ui.tab_helpers import spec_for

    window = MainWindow(
        ops, bridge, owner_actor(), specs=[spec_for("settings")], idle_minutes=0, runtime_link=link
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def _page(qtbot, window: MainWindow) -> BookingPageSettingsPage:
    settings = window.show_tab("settings")
    page = settings.select_page("booking_page")
    assert isinstance(page, BookingPageSettingsPage)
    qtbot.waitUntil(lambda: page.state is not None, timeout=10_000)
    return page


def test_the_page_shows_each_address_with_its_code_and_copies_it(
    qtbot, qloop, db, ops, bridge
) -> None:
    _world(db, public_url="http://frontdesk.example:8765/", is_active=True, page_enabled=True)
    link = _start_runtime(qtbot, qloop, db)
    try:
        window = _window(qtbot, ops, bridge, link)
        page = _page(qtbot, window)
        assert page.urls == ["http://frontdesk.example:8765", link.urls[0]]
        assert [row.qr.text for row in page.rows] == page.urls
        assert [row.address.text() for row in page.rows] == page.urls
        assert "this computer only" in page.status.text()  # the runtime listens on loopback
        for label in page.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText
        qtbot.mouseClick(page.rows[1].copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == link.urls[0]
        assert page.rows[1].copied.text() == "Copied."
        window.close()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)
    finally:
        _stop_runtime(qtbot, qloop, link)


def test_without_a_runtime_the_page_says_so_and_shows_the_settings_address(
    qtbot, db, ops, bridge
) -> None:
    _world(db, page_bind_address="127.0.0.1", page_port=8799)
    window = _window(qtbot, ops, bridge, None)
    page = _page(qtbot, window)
    assert "runs no booking page" in page.status.text()
    assert page.urls == ["http://127.0.0.1:8799"]
    window.close()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)


def test_print_poster_writes_one_page_with_the_name_and_the_address(
    qtbot, db, ops, bridge, tmp_path: Path
) -> None:
    _world(db, name="<b>Bold</b> & Co", public_url=URL)
    window = _window(qtbot, ops, bridge, None)
    page = _page(qtbot, window)
    assert page.urls[0] == URL
    page.rows[0].poster_button.click()
    dialog = page.file_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "poster.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(
        lambda: page.poster_task is not None and page.poster_task.done(), timeout=10_000
    )
    assert page.poster_status.text() == f"Poster saved: {target}"
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "<b>Bold</b> & Co" in text and URL in text
    assert "<b>14 Willow Lane</b>" in text and "+44 1422 000123" in text

    blocked = tmp_path / "no-such-folder" / "poster.pdf"
    task = page.write_poster(blocked, URL)
    qtbot.waitUntil(task.done, timeout=10_000)
    assert page.poster_status.text().startswith("The poster could not be written")
    assert not blocked.exists()
    window.close()
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)


# -- the status bar ----------------------------------------------------------------------


def test_the_status_bar_offers_the_qr_code_and_opens_the_settings_page(
    qtbot, qloop, db, ops, bridge
) -> None:
    _world(db)
    link = _start_runtime(qtbot, qloop, db)
    try:
        window = _window(qtbot, ops, bridge, link)
        feed = StatusFeed(window, link)
        button = feed.qr_button
        assert isinstance(button, BookingPageButton)
        assert window.booking_page_label.text() == f"Booking page: {link.urls[0]}"
        # the window placed it: in its status bar, just left of the address
        assert button.parent() is window.statusBar()
        label = window.booking_page_label
        qtbot.waitUntil(lambda: button.geometry().right() < label.geometry().left())
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        popup = button.popup
        assert popup is not None and popup.isVisible()
        assert [row.qr.text for row in popup.rows] == link.urls
        assert popup.settings_button.isVisible()
        popup.settings_button.click()
        assert window.current_key() == "settings"
        settings = window.page("settings")
        assert settings.tabs.currentWidget().widget() is settings.pages["booking_page"]
        window.close()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)
    finally:
        _stop_runtime(qtbot, qloop, link)


def test_the_qr_button_knows_no_window_and_only_signals(qtbot) -> None:
    hidden = BookingPageButton([URL], can_open_settings=False)
    qtbot.addWidget(hidden)
    popup = hidden.show_popup()
    assert [row.qr.text for row in popup.rows] == [URL]
    assert not popup.settings_button.isVisible()
    popup.close()

    button = BookingPageButton([URL, "http://careops.local:8765"], can_open_settings=True)
    qtbot.addWidget(button)
    popup = button.show_popup()
    assert popup.settings_button.isVisible()
    with qtbot.waitSignal(button.openSettings, timeout=2_000):
        popup.settings_button.click()


def test_a_new_port_in_settings_moves_the_status_bar_address_and_its_code(
    qtbot, qloop, db, ops, bridge
) -> None:
    import socket

    from careops_desktop.core.services import business

    _world(db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        first = probe.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        second = probe.getsockname()[1]
    db.call(business.update_profile, owner_actor(), page_bind_address="127.0.0.1", page_port=first)
    runtime = Runtime(db, host="127.0.0.1", port=first, jobs=[], follow_settings=True)
    wait_task(qtbot, qloop.create_task(run_off_thread(runtime.start_in_thread)))
    link = RuntimeLink(db)
    link.runtime = runtime
    link.urls = runtime.page_urls()
    try:
        window = _window(qtbot, ops, bridge, link)
        feed = StatusFeed(window, link)
        button = feed.qr_button
        assert isinstance(button, BookingPageButton)
        assert window.booking_page_label.text() == f"Booking page: http://127.0.0.1:{first}"
        db.call(business.update_profile, owner_actor(), page_port=second)
        moved = f"Booking page: http://127.0.0.1:{second}"
        qtbot.waitUntil(lambda: window.booking_page_label.text() == moved, timeout=10_000)
        assert button.urls == [f"http://127.0.0.1:{second}"]
        window.close()
        qtbot.waitUntil(lambda: ops.pending == 0, timeout=10_000)
    finally:
        _stop_runtime(qtbot, qloop, link)

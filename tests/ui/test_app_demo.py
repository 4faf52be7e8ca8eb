"""`careops --demo`: the demo business is built with a progress bar, then its owner is in."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import Booking, Conversation, FormSubmission, InventoryItem
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.dashboard import local_day_bounds
from careops_desktop.ui.dashboard.view import DashboardView
from tests.ui.shell_helpers import copy_demo, finish, start_controller, wait_window


def test_demo_builds_when_missing_and_signs_in_as_its_owner(qloop, qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh-demo.sqlite3'}"
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller, timeout=60_000)
    assert window.actor.role is not None and window.actor.role.value == "owner"
    assert "Signed in as" in window.user_label.text()
    assert window.tab_keys()[0] == "dashboard"
    assert "Sunrise" in window.windowTitle() or window.windowTitle().endswith("CareOps")
    assert finish(qtbot, controller, task) == 0


def _expected_counts(url: str) -> dict[str, int]:
    database = Database(url)
    try:
        with database.session() as session:
            now = datetime.now(UTC)
            zone = business_zone(session)
            start, end = local_day_bounds(now.astimezone(zone).date(), zone)
            count = select(func.count())
            return {
                "today_bookings": session.scalar(
                    count.select_from(Booking).where(
                        Booking.start_at >= start,
                        Booking.start_at < end,
                        Booking.status != "cancelled",
                    )
                ),
                "waiting_now": session.scalar(
                    count.select_from(Booking).where(
                        Booking.start_at >= start,
                        Booking.start_at < end,
                        Booking.status == "arrived",
                    )
                ),
                "upcoming_bookings": session.scalar(
                    count.select_from(Booking).where(
                        Booking.status.in_(("confirmed", "arrived")), Booking.start_at >= now
                    )
                ),
                "new_inquiries": session.scalar(
                    count.select_from(Conversation).where(
                        Conversation.is_open.is_(True), Conversation.unread_count > 0
                    )
                ),
                "pending_forms": session.scalar(
                    count.select_from(FormSubmission).where(FormSubmission.status == "pending")
                ),
                "low_stock_count": session.scalar(
                    count.select_from(InventoryItem).where(
                        InventoryItem.is_active.is_(True),
                        InventoryItem.quantity <= InventoryItem.low_threshold,
                    )
                ),
            }
    finally:
        database.close()


def test_dashboard_cards_match_the_database(qloop, qtbot, tmp_path, demo_template) -> None:
    url = copy_demo(demo_template, tmp_path)
    expected = _expected_counts(url)
    assert expected["upcoming_bookings"] > 0 and expected["pending_forms"] > 0
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    page = window.page("dashboard")
    assert isinstance(page, DashboardView)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    shown = {key: int(card.value_text) for key, card in page.cards.items()}
    assert shown == expected
    assert page.recent_bookings.rowCount() == 5
    assert page.recent_conversations.rowCount() == 5
    assert finish(qtbot, controller, task) == 0


def test_the_booking_page_and_outbox_state_reach_the_status_bar(
    qloop, qtbot, tmp_path, demo_template
) -> None:
    import urllib.request

    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(
        qloop, url, demo=True, start_runtime=True, runtime_host="127.0.0.1", runtime_port=0
    )
    window = wait_window(qtbot, controller)
    # the runtime starts once the window has painted; its address follows in the status bar
    qtbot.waitUntil(lambda: window.booking_page_label.text().startswith("Booking page: "))
    page_url = controller.link.urls[0]
    assert page_url.startswith("http://127.0.0.1:")
    assert window.booking_page_label.text() == f"Booking page: {page_url}"
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("Outbox: "), timeout=10_000)
    assert "1 failed" in window.outbox_label.text()
    with urllib.request.urlopen(page_url + "/", timeout=10) as response:
        assert response.status == 200
    assert finish(qtbot, controller, task) == 0
    assert controller.link.runtime is None


def test_cards_and_alerts_open_the_filtered_tab(qloop, qtbot, tmp_path, demo_template) -> None:
    from PySide6.QtCore import Qt

    from careops_desktop.ui.dashboard.view import CARDS

    url = copy_demo(demo_template, tmp_path)
    controller, task = start_controller(qloop, url, demo=True)
    window = wait_window(qtbot, controller)
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    for key, _title, tab, _flt in CARDS:
        window.show_tab("dashboard")
        qtbot.mouseClick(page.cards[key], Qt.MouseButton.LeftButton)
        assert window.current_key() == tab, key
    forms = window.page("forms")
    assert forms.status.currentData() == "pending"
    assert window.page("inventory").low_only.isChecked()
    window.show_tab("dashboard")
    assert page.alert_buttons
    for button in page.alert_buttons:
        window.show_tab("dashboard")
        button.click()
        assert window.current_key() != "dashboard", button.text()
    for key in window.tab_keys():  # let every page finish its first loads
        window.show_tab(key)
    qtbot.waitUntil(lambda: controller.ops.pending == 0, timeout=20_000)
    assert finish(qtbot, controller, task) == 0

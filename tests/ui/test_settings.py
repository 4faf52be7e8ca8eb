"""Settings pages save through the core and show refusals at the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import func, select

from careops_desktop.core.models import Availability, Business, Closure, Staff, User
from careops_desktop.core.services import page_publishing
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.settings.staff_page import AddStaffDialog
from careops_desktop.ui.ui_state import idle_lock_minutes
from tests.ui.conftest import demo_actor


def _page(qtbot, cls: type, demo_db, demo_ops, bridge=None, who: str = "owner") -> Any:
    page = cls(SettingsContext(demo_ops, bridge, demo_actor(demo_db, who)))
    qtbot.addWidget(page)
    page.show()
    return page


def _save(qtbot, page) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    def settled() -> bool:
        answered = bool(page.status.text() or page.errors.banner.text()) or _any_invalid(page)
        return page.save_button.isEnabled() and answered

    qtbot.waitUntil(settled, timeout=10_000)


def _any_invalid(page) -> bool:
    return any(page.errors.is_invalid(key) for key in page.errors._fields)


def test_business_profile_refusal_at_the_field_then_saved(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.ui.settings.business_page import BusinessSettingsPage

    page = _page(qtbot, BusinessSettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(
        lambda: page.profile is not None and page.checklist.text() != "", timeout=10_000
    )
    original = page.name.text()
    assert original
    assert "✔" in page.checklist.text()
    page.name.setText("   ")
    page.public_url.setText("ftp://nope")
    page.trusted_proxies.setText("127.0.0.1, the-proxy")
    _save(qtbot, page)
    assert page.errors.message("name") == "Give the business a name."
    assert "http://" in page.errors.message("public_url")
    assert "the-proxy" in page.errors.message("trusted_proxies")
    assert page.status.text() == ""
    page.name.setText("Harbour Physio")
    page.public_url.setText("https://book.harbour.example")
    page.trusted_proxies.setText("127.0.0.1, 10.0.0.0/8")
    # the demo's address (….local) is refused by the profile's email check; use a real one
    page.contact_email.setText("desk@harbour.example.com")
    _save(qtbot, page)
    assert page.status.text() == "Saved.", (
        page.errors.banner.text(),
        [page.errors.message(k) for k in page.errors._fields],
    )
    with demo_db.session() as session:
        assert session.scalar(select(Business.name)) == "Harbour Physio"
        assert session.scalar(select(Business.public_url)) == "https://book.harbour.example"
    assert demo_db.call(page_publishing.trusted_proxies) == ("127.0.0.1", "10.0.0.0/8")


def test_policy_saved(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.ui.settings.business_page import PolicySettingsPage

    page = _page(qtbot, PolicySettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(lambda: page.spins["slot_step_minutes"].value() > 5, timeout=10_000)
    page.spins["booking_horizon_days"].setValue(90)
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    with demo_db.session() as session:
        assert session.scalar(select(Business.booking_horizon_days)) == 90


def test_provider_hours_and_closures(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.ui.settings.providers_page import ProvidersSettingsPage

    page = _page(qtbot, ProvidersSettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(lambda: bool(page.providers), timeout=10_000)
    provider = page.current
    for day in range(7):
        page.hours.open_boxes[day].setChecked(day == 2)
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    with demo_db.session() as session:
        days = session.scalars(
            select(Availability.weekday).where(Availability.provider_id == provider.id)
        ).all()
    assert days == [2]
    # a closure that ends before it starts is refused where the closures are
    page.closure_from.setDate(QDate.currentDate().addDays(10))
    page.closure_to.setDate(QDate.currentDate().addDays(5))
    page.closure_reason.setText("Conference <b>x</b>")
    add = next(b for b in page.findChildren(QPushButton) if b.text() == "Add closure")
    before = page.closures_model.rowCount()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _any_invalid(page) or bool(page.errors.banner.text()), timeout=10_000)
    page.closure_to.setDate(QDate.currentDate().addDays(12))
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.closures_model.rowCount() == before + 1, timeout=10_000)
    with demo_db.session() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Closure)
                .where(Closure.reason == "Conference <b>x</b>")
            )
            == 1
        )


def test_new_booking_type(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.ui.settings.booking_types_page import BookingTypesSettingsPage

    page = _page(qtbot, BookingTypesSettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(lambda: bool(page.types), timeout=10_000)
    page.chooser.setCurrentIndex(page.chooser.count() - 1)  # "New booking type…"
    assert page.current is None and page.name.text() == ""
    page.name.setText("Home visit")
    page.duration.setValue(0)
    _save(qtbot, page)
    assert page.errors.is_invalid("duration_minutes")
    page.duration.setValue(90)
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.name == "Home visit", timeout=10_000
    )
    assert page.current.duration_minutes == 90


def test_staff_add_and_change_permissions(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.ui.settings.staff_page import StaffSettingsPage

    page = _page(qtbot, StaffSettingsPage, demo_db, demo_ops)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    qtbot.mouseClick(page.findChild(QPushButton, "addStaff"), Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddStaffDialog))
    dialog.full_name.setText("Nia Front-Desk")
    dialog.email.setText("nia@example.com")
    dialog.password.setText("short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.is_invalid("password"), timeout=10_000)
    dialog.password.setText("a good long password")
    dialog.flags["can_manage_inbox"].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    assert page.current is not None and page.current.email == "nia@example.com"
    page.flags["can_view_inventory"].setChecked(True)
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    with demo_db.session() as session:
        staff = session.scalars(
            select(Staff).join(User).where(User.email == "nia@example.com")
        ).one()
        assert staff.can_manage_inbox and staff.can_view_inventory


def test_password_change_and_idle_minutes(qtbot, demo_db, demo_ops) -> None:
    from careops_desktop.core.demo import plan
    from careops_desktop.core.services import auth
    from careops_desktop.ui.settings.account_page import PasswordPage, ThisComputerPage

    page = _page(qtbot, PasswordPage, demo_db, demo_ops, who="staff")
    page.old_password.setText("wrong one")
    page.new_password.setText("a brand new password")
    page.confirm.setText("a brand new password")
    _save(qtbot, page)
    assert page.errors.message("old_password") == "The current password is not right."
    page.old_password.setText(plan.STAFF_PASSWORD)
    page.new_password.setText("a brand new password")
    page.confirm.setText("a brand new password")
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    assert demo_db.call(auth.login, plan.STAFF_EMAIL, "a brand new password").name

    computer = _page(qtbot, ThisComputerPage, demo_db, demo_ops)
    computer.idle_minutes.setValue(3)
    qtbot.mouseClick(computer.save_button, Qt.MouseButton.LeftButton)
    assert idle_lock_minutes() == 3

"""First run: owner account, then the setup wizard through to an active business."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard
from sqlalchemy import func, select

from careops_desktop.core.db import Database
from careops_desktop.core.models import (
    Availability,
    Booking,
    BookingType,
    Business,
    InventoryItem,
    Provider,
    booking_type_forms,
)
from careops_desktop.ui.login.owner import CreateOwnerDialog
from careops_desktop.ui.wizard.wizard import SetupWizard
from tests.ui.shell_helpers import finish, start_controller, wait_dialog, wait_window

PASSWORD = "a long enough password"


def _press(qtbot, wizard: QWizard, button: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def _next(qtbot, wizard: QWizard, expected) -> None:
    current = wizard.currentPage()
    _press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(
        lambda: (
            wizard.currentPage() is expected
            or current.errors.banner.text()
            or any(current.errors.is_invalid(k) for k in current.errors._fields)
        ),
        timeout=10_000,
    )
    assert wizard.currentPage() is expected, current.errors.banner.text() or [
        current.errors.message(k) for k in current.errors._fields
    ]


def _make_owner(qtbot, controller) -> None:
    owner = wait_dialog(qtbot, controller, CreateOwnerDialog)
    owner.full_name.setText("Ada Lovelace")
    owner.email.setText("Ada@Example.com")
    owner.password.setText(PASSWORD)
    owner.confirm.setText(PASSWORD + "x")
    qtbot.mouseClick(owner.create_button, Qt.MouseButton.LeftButton)
    assert owner.errors.message("confirm") == "The two passwords are not the same."
    owner.password.setText("short")
    owner.confirm.setText("short")
    qtbot.mouseClick(owner.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: owner.errors.is_invalid("password"), timeout=10_000)
    assert "at least" in owner.errors.message("password")
    owner.password.setText(PASSWORD)
    owner.confirm.setText(PASSWORD)
    qtbot.mouseClick(owner.create_button, Qt.MouseButton.LeftButton)


def test_first_run_through_the_wizard_to_activation(qloop, qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    controller, task = start_controller(qloop, url)
    _make_owner(qtbot, controller)
    wizard = wait_dialog(qtbot, controller, SetupWizard)

    # business: a bad time zone and email are shown at their fields, nothing is lost
    page = wizard.business_page
    page.name.setText("Sunny Physio")
    page.timezone.setCurrentText("Mars/Olympus_Mons")
    page.contact_email.setText("not an email")
    _press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: page.errors.is_invalid("timezone"), timeout=10_000)
    assert "Mars/Olympus_Mons" in page.errors.message("timezone")
    assert wizard.currentPage() is page
    assert page.name.text() == "Sunny Physio"
    page.timezone.setCurrentText("Europe/London")
    page.contact_email.setText("desk@sunny.example")
    _next(qtbot, wizard, wizard.providers_page)

    # providers: you, with the default Monday–Friday hours
    assert wizard.providers_page.your_name.text() == "Ada Lovelace"
    _next(qtbot, wizard, wizard.types_page)

    # booking types: a zero-length second type is refused at its row
    wizard.types_page.names[1].setText("Long massage")
    wizard.types_page.minutes[1].setValue(60)
    wizard.types_page.prices[1].setValue(45.5)
    _next(qtbot, wizard, wizard.forms_page)
    assert wizard.forms_page.use_starter.isChecked()
    _next(qtbot, wizard, wizard.inventory_page)
    wizard.inventory_page.names[0].setText("Massage oil")
    wizard.inventory_page.quantities[0].setValue(10)
    wizard.inventory_page.thresholds[0].setValue(3)
    _next(qtbot, wizard, wizard.try_page)
    wizard.try_page.wanted.setChecked(True)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.try_page.errors.is_invalid("email"), timeout=10_000)
    assert "email address or a phone" in wizard.try_page.errors.message("email")
    wizard.try_page.contact_email.setText("test.customer@example.com")
    _next(qtbot, wizard, wizard.address_page)
    assert wizard.try_page.result_label.text().startswith("Booked: ")
    # the page's address with its QR code; a name for it is checked, then kept
    address = wizard.address_page
    qtbot.waitUntil(lambda: address.shown_address.startswith("http://"), timeout=10_000)
    assert address.qr.text == address.shown_address and address.qr.matrix
    assert "localhost" not in address.shown_address
    address.public_url.setText("frontdesk.local:8765")
    assert address.qr.text == address.shown_address  # not an address yet: the detected one
    _press(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: address.errors.is_invalid("public_url"), timeout=10_000)
    assert "http://" in address.errors.message("public_url")
    address.public_url.setText("http://frontdesk.local:8765/")
    assert address.qr.text == "http://frontdesk.local:8765" == address.shown_address
    _next(qtbot, wizard, wizard.email_page)
    # the email step opens Settings → Integrations in a dialog
    assert wizard.email_page.open_button.isVisible()
    qtbot.mouseClick(wizard.email_page.open_button, Qt.MouseButton.LeftButton)
    integrations = wizard.email_page.findChild(QDialog)
    assert integrations is not None and integrations.isVisible()
    assert integrations.windowTitle() == "Integrations"
    integrations.accept()
    _next(qtbot, wizard, wizard.review_page)
    qtbot.waitUntil(lambda: wizard.review_page.ready, timeout=10_000)
    _next(qtbot, wizard, wizard.finish_page)
    assert wizard.finish_page.activate_now.isChecked()
    _press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    window = wait_window(qtbot, controller)
    assert wizard.finish_page.activated
    assert window.windowTitle().startswith("Sunny Physio")
    assert finish(qtbot, controller, task) == 0

    database = Database(url)
    try:
        with database.session() as session:
            business = session.scalars(select(Business)).one()
            assert business.is_active and business.timezone == "Europe/London"
            assert business.public_url == "http://frontdesk.local:8765"
            assert session.scalar(select(func.count()).select_from(Provider)) == 1
            assert session.scalar(select(func.count()).select_from(Availability)) == 5
            types = session.scalars(select(BookingType).order_by(BookingType.id)).all()
            assert [(t.name, t.duration_minutes, t.price_minor) for t in types] == [
                ("Consultation", 30, None),
                ("Long massage", 60, 4550),
            ]
            assert session.scalar(select(func.count()).select_from(booking_type_forms)) == 2
            assert session.scalar(select(InventoryItem.low_threshold)) == 3
            assert session.scalar(select(func.count()).select_from(Booking)) == 1
    finally:
        database.close()


def test_back_and_next_updates_instead_of_making_twice(qloop, qtbot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    controller, task = start_controller(qloop, url)
    _make_owner(qtbot, controller)
    wizard = wait_dialog(qtbot, controller, SetupWizard)
    wizard.business_page.name.setText("Fix-It Shop")
    wizard.business_page.timezone.setCurrentText("America/New_York")
    _next(qtbot, wizard, wizard.providers_page)
    _next(qtbot, wizard, wizard.types_page)
    _press(qtbot, wizard, QWizard.WizardButton.BackButton)
    wizard.providers_page.your_name.setText("Ada at the bench")
    _next(qtbot, wizard, wizard.types_page)
    # "Finish later": the wizard closes, the window opens, the business stays inactive
    _press(qtbot, wizard, QWizard.WizardButton.CancelButton)
    wait_window(qtbot, controller)
    assert finish(qtbot, controller, task) == 0
    database = Database(url)
    try:
        with database.session() as session:
            assert session.scalars(select(Provider.name)).all() == ["Ada at the bench"]
            assert session.scalar(select(Business.is_active)) is False
    finally:
        database.close()

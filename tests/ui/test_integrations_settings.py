"""Settings → Integrations and → Automations: saved through the core, secrets to the keyring,
a real test email, a plain "credentials unavailable", and the template preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import templates
from careops_desktop.integrations import integration_settings as cfg
from careops_desktop.integrations import secrets
from careops_desktop.ui.settings.registry import SettingsContext, find_page
from tests.integrations.factories import make_business
from tests.integrations.memory_keyring import MemoryKeyring, memory_keyring
from tests.integrations.smtp_server import SmtpServer, smtp_server

__all__ = ["memory_keyring", "smtp_server"]
OWNER = Actor.system("Owner")


def _page(qtbot: Any, db: Any, ops: Any, key: str) -> Any:
    with db.write_session() as s:
        make_business(s)
    spec = find_page(key)
    assert spec is not None
    page = spec.factory(SettingsContext(ops, None, OWNER))
    qtbot.addWidget(page)
    page.show()
    return page


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_smtp_saved_password_in_keyring_only_and_test_email(
    qtbot: Any,
    db: Any,
    ops: Any,
    db_url: str,
    memory_keyring: MemoryKeyring,
    smtp_server: SmtpServer,
) -> None:
    page = _page(qtbot, db, ops, "integrations")
    qtbot.waitUntil(lambda: "system keyring" in page.keyring_state.text(), timeout=10_000)
    smtp = page.smtp
    qtbot.waitUntil(lambda: smtp.port.value() == 465, timeout=10_000)
    smtp.preset.setCurrentIndex(smtp.preset.findData("outlook"))
    assert (smtp.host.text(), smtp.port.value()) == ("smtp.office365.com", 587)
    smtp.host.setText(smtp_server.host)
    smtp.port.setValue(smtp_server.port)
    smtp.security.setCurrentIndex(smtp.security.findData("none"))
    smtp.from_address.setText("desk@harbour-physio.example.org")
    smtp.from_name.setText("Harbour Physio")
    smtp.password.setText("UI-SECRET-93b1")
    _click(qtbot, smtp.save_button)
    qtbot.waitUntil(lambda: secrets.has_secret("smtp", "password"), timeout=10_000)
    assert db.call(cfg.get_smtp).host == smtp_server.host
    assert smtp.password.text() == ""
    qtbot.waitUntil(lambda: "leave blank" in smtp.password.placeholderText(), timeout=10_000)
    stored = b"".join(p.read_bytes() for p in Path(db_url[10:]).parent.glob("*.sqlite3*"))
    assert b"UI-SECRET-93b1" not in stored

    smtp.test_to.setText("owner@example.com")
    _click(qtbot, smtp.test_button)
    qtbot.waitUntil(lambda: smtp.test_result.text().startswith("Sent."), timeout=15_000)
    (received,) = smtp_server.received
    assert received.rcpt_tos == ["owner@example.com"]
    qtbot.waitUntil(lambda: smtp.test_button.isEnabled(), timeout=5_000)


def test_bad_settings_are_refused_at_the_field_and_test_says_why(
    qtbot: Any, db: Any, ops: Any, memory_keyring: MemoryKeyring
) -> None:
    page = _page(qtbot, db, ops, "integrations")
    smtp = page.smtp
    qtbot.waitUntil(lambda: smtp.port.value() == 465, timeout=10_000)
    smtp.host.setText("smtp example.com")
    smtp.from_address.setText("nope")
    _click(qtbot, smtp.save_button)
    qtbot.waitUntil(lambda: smtp.errors.is_invalid("host"), timeout=10_000)
    assert smtp.errors.is_invalid("from_address")
    smtp.host.setText("127.0.0.1")
    smtp.port.setValue(1)  # nothing listens there
    smtp.security.setCurrentIndex(smtp.security.findData("none"))
    smtp.from_address.setText("desk@harbour-physio.example.org")
    smtp.test_to.setText("owner@example.com")
    _click(qtbot, smtp.test_button)
    qtbot.waitUntil(lambda: smtp.test_result.text().startswith("Not sent:"), timeout=15_000)
    assert "refused the connection" in smtp.test_result.text()


def test_no_keyring_is_said_plainly_and_settings_still_save(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops, "integrations")
    qtbot.waitUntil(
        lambda: page.keyring_state.text().startswith("credentials unavailable:"), timeout=10_000
    )
    sms = page.sms
    qtbot.waitUntil(lambda: sms.base_url.text() != "", timeout=10_000)
    sms.enabled.setChecked(True)
    sms.from_number.setText("+44 7700 900123")
    sms.auth_token.setText("token")
    _click(qtbot, sms.save_button)
    qtbot.waitUntil(lambda: sms.errors.is_invalid("auth_token"), timeout=10_000)
    assert "credentials unavailable" in sms.errors.message("auth_token")
    assert db.call(cfg.get_sms).from_number == "+447700900123"


def test_automation_switches_and_template_preview(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops, "automations")
    qtbot.waitUntil(lambda: page.reminder_hours.value() == 24, timeout=10_000)
    qtbot.waitUntil(lambda: page.subject.text() != "", timeout=10_000)
    page.switches["low_stock"].setChecked(False)
    page.reminder_hours.setValue(48)
    assert page.retry_hours.value() == 24  # messages are retried for a day by default
    page.retry_hours.setValue(72)
    _click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=10_000)
    saved = db.call(templates.get_automations)
    assert (saved.low_stock, saved.reminder_hours, saved.reminder) == (False, 48, True)
    assert saved.retry_hours == 72

    page.template_choice.setCurrentIndex(page.template_choice.findData("reminder"))
    qtbot.waitUntil(lambda: page.subject.text().startswith("Reminder"), timeout=10_000)
    page.subject.setText("See you, {contact_name} <b>!</b>")
    assert "Subject: See you, Ada Lovelace <b>!</b>" in page.preview.toPlainText()
    page.body.setPlainText("{business_name}")
    assert page.preview.toPlainText().endswith("Harbour Physio")
    page.body.setPlainText("Hello {contact_name}, {nonsense}")
    assert "Hello Ada Lovelace, {nonsense}" in page.preview.toPlainText()
    _click(qtbot, page.save_template_button)
    qtbot.waitUntil(lambda: page.template_errors.is_invalid("body"), timeout=10_000)
    page.body.setPlainText("Hello {contact_name}, see you on {booking_time}.")
    _click(qtbot, page.save_template_button)
    qtbot.waitUntil(lambda: page.template_state.text() == "Saved.", timeout=10_000)
    assert db.call(templates.get_template, "reminder").subject == "See you, {contact_name} <b>!</b>"
    _click(qtbot, page.reset_button)
    qtbot.waitUntil(lambda: page.subject.text().startswith("Reminder"), timeout=10_000)
    assert db.call(templates.get_template, "reminder").is_default

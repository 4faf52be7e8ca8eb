"""Settings → Automations: the template editor edits one language at a time, starts on the
business's language, and says what the text costs as an SMS."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import templates
from careops_desktop.ui.settings.registry import SettingsContext, find_page
from tests.integrations.factories import make_business

OWNER = Actor.system("Test owner")


def _page(qtbot: Any, db: Any, ops: Any, timezone: str) -> Any:
    with db.write_session() as s:
        make_business(s, timezone=timezone)
    spec = find_page("automations")
    assert spec is not None
    page = spec.factory(SettingsContext(ops, None, OWNER))
    qtbot.addWidget(page)
    page.show()
    return page


def _choose(page: Any, combo: Any, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_each_language_has_its_own_text(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops, "Europe/Berlin")  # a German business starts on German
    languages = [page.template_language.itemText(i) for i in range(page.template_language.count())]
    assert languages == ["English", "Deutsch", "Español"]
    qtbot.waitUntil(lambda: page.template_language.currentData() == "de", timeout=10_000)
    qtbot.waitUntil(lambda: page.subject.text().startswith("Vielen Dank"), timeout=10_000)
    assert "As a text message:" in page.sms_cost.text() and "GSM-7" in page.sms_cost.text()

    _choose(page, page.template_language, "es")
    qtbot.waitUntil(lambda: page.subject.text().startswith("Gracias"), timeout=10_000)
    page.subject.setText("Reserva, {contact_name}")
    page.body.setPlainText("Hola {contact_name}: el {booking_time}.")
    assert "Subject: Reserva, Ada Lovelace" in page.preview.toPlainText()
    qtbot.mouseClick(page.save_template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.template_state.text() == "Saved.", timeout=10_000)
    assert db.call(templates.get_template, "welcome", "es").subject == "Reserva, {contact_name}"
    assert db.call(templates.get_template, "welcome", "de").is_default
    assert db.call(templates.get_template, "welcome", "en").is_default

    _choose(page, page.template_language, "en")
    qtbot.waitUntil(lambda: page.subject.text().startswith("Thank you"), timeout=10_000)
    _choose(page, page.template_language, "es")
    qtbot.waitUntil(lambda: page.subject.text() == "Reserva, {contact_name}", timeout=10_000)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.subject.text().startswith("Gracias"), timeout=10_000)
    assert db.call(templates.get_template, "welcome", "es").is_default


def test_a_long_text_says_it_costs_more_as_an_sms(qtbot: Any, db: Any, ops: Any) -> None:
    page = _page(qtbot, db, ops, "Europe/London")
    qtbot.waitUntil(lambda: page.subject.text() != "", timeout=10_000)
    page.body.setPlainText("á" * 300)
    assert "5 segment" in page.sms_cost.text()
    assert "UCS-2" in page.sms_cost.text() and "cost more" in page.sms_cost.text()

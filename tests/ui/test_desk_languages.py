"""The desk tabs speak the window's language (issue 22), and a contact's language for
messages is chosen at the desk."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from careops_desktop.core.models import Contact
from careops_desktop.core.services import contacts
from careops_desktop.ui.i18n import install_language
from tests.ui.tab_helpers import demo_owner, open_tab

DESK_TABS = ("dashboard", "inbox", "contacts", "forms", "inventory", "reports")

# per language: what each tab shows (a button, a header, a label)
EXPECTED = {
    "es": {
        "dashboard": ("Reservas recientes", "Cuándo"),
        "inbox": ("Nueva conversación…", "Contacto"),
        "contacts": ("Nuevo contacto…", "Nombre"),
        "forms": ("Respuestas", "Formulario"),
        "inventory": ("Nuevo artículo…", "Artículo"),
        "reports": ("Mostrar informe", "Exportar…"),
    },
    "de": {
        "dashboard": ("Letzte Buchungen", "Wann"),
        "inbox": ("Neue Unterhaltung…", "Kontakt"),
        "contacts": ("Neuer Kontakt…", "Name"),
        "forms": ("Einsendungen", "Formular"),
        "inventory": ("Neuer Artikel…", "Artikel"),
        "reports": ("Bericht anzeigen", "Exportieren…"),
    },
}


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


@pytest.fixture
def speaking(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    language = str(request.param)
    try:
        assert install_language(qapp, language) == language
        yield language
    finally:
        install_language(qapp, "en")


def _header(model: Any, column: int) -> str:
    return str(model.headerData(column, Qt.Orientation.Horizontal))


def _shown(page: Any, key: str) -> tuple[str, str]:
    """(a button or label, a header or second button) of each tab, as shown."""
    if key == "dashboard":
        return page.bookings_title.text(), page.recent_bookings.horizontalHeaderItem(0).text()
    if key == "inbox":
        return page.new_button.text(), _header(page.model, 0)
    if key == "contacts":
        return page.new_button.text(), _header(page.model, 0)
    if key == "forms":
        return page.pages.tabText(0), _header(page.model, 0)
    if key == "inventory":
        return page.new_button.text(), _header(page.model, 0)
    return page.run_button.text(), page.export_button.text()


@pytest.mark.parametrize("speaking", ["es", "de"], indirect=True)
def test_the_desk_tabs_speak_the_window_language(db, ops, bridge, qtbot, speaking) -> None:  # type: ignore[no-untyped-def]
    window = open_tab(qtbot, ops, bridge, demo_owner(db), DESK_TABS)
    for key in DESK_TABS:
        page = window.page(key)
        assert page is not None, key
        assert _shown(page, key) == EXPECTED[speaking][key], key
    contacts_page = window.page("contacts")
    qtbot.waitUntil(lambda: contacts_page.model.has_loaded, timeout=10_000)
    count = contacts_page.model.rowCount()
    words = {"es": "contactos", "de": "Kontakte"}[speaking]
    assert contacts_page.count_label.text().endswith(f" {words}")
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    today = {"es": "Hoy, ", "de": "Heute, "}[speaking]
    assert dashboard.heading.text().startswith(today)
    assert count > 1


def _language(db: Any, contact_id: int) -> str | None:
    with db.session() as session:
        return session.scalar(select(Contact.language).where(Contact.id == contact_id))


def test_a_contact_language_is_chosen_at_the_desk(db, ops, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    actor = demo_owner(db)
    with db.write_session() as session:
        person = contacts.create_contact(session, actor, name="Greta Gruber", email="g@example.de")
    window = open_tab(qtbot, ops, bridge, actor, ("contacts",))
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)
    page.apply_filter({"contact_id": person.id})
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    assert page.language_label.text() == "Messages in the business's language"

    edit = page.edit_current()
    combo = edit.language
    assert combo.accessibleName() == "Language for messages"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "The business's language",
        "English",
        "Deutsch",
        "Español",
    ]
    assert combo.currentData() == ""
    combo.setCurrentIndex(combo.findText("Deutsch"))
    with qtbot.waitSignal(edit.succeeded, timeout=5000):
        edit.ok_button.click()
    assert _language(db, person.id) == "de"
    qtbot.waitUntil(lambda: page.language_label.text() == "Messages in Deutsch", timeout=5000)

    again = page.edit_current()
    assert again.language.currentData() == "de"  # the contact's current language is shown
    again.language.setCurrentIndex(0)
    with qtbot.waitSignal(again.succeeded, timeout=5000):
        again.ok_button.click()
    assert _language(db, person.id) is None
    qtbot.waitUntil(
        lambda: page.language_label.text() == "Messages in the business's language", timeout=5000
    )


def test_a_new_contact_gets_its_language_in_the_same_save(db, ops, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    actor = demo_owner(db)
    window = open_tab(qtbot, ops, bridge, actor, ("contacts",))
    page = window.page("contacts")
    dialog = page.create_new()
    dialog.name.setText("Elena Ruiz")
    dialog.email.setText("elena@example.es")
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    with qtbot.waitSignal(dialog.succeeded, timeout=5000) as signal:
        dialog.ok_button.click()
    assert signal.args[0].language == "es"
    assert _language(db, signal.args[0].id) == "es"

"""In the pseudo-locale every fixed text of the desk tabs is translated (bracketed): a text
that shows plain English there does not go through translation (issue 22)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from careops_desktop.core import i18n
from careops_desktop.ui.i18n import install_language
from careops_desktop.ui.widgets.contact_picker import ContactPicker
from tests.ui.tab_helpers import demo_owner, open_tab

DESK_TABS = ("dashboard", "inbox", "contacts", "forms", "inventory", "reports")
# Qt's standard buttons: translated by Qt's own catalog (qtbase), which has no pseudo-locale
QT_OWN = frozenset({"OK", "Cancel", "< &Back", "&Next >", "Commit", "&Finish"})


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _bracketed(text: str) -> bool:
    return text.strip().startswith("[") and text.strip().endswith("]")


def fixed_texts(page: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the page's buttons, tabs, placeholders, headers and accessible names."""
    found: list[tuple[str, str]] = []
    for button in page.findChildren(QAbstractButton):
        name = button.objectName()
        # a card's title is checked as a label; an alert's words come from the core
        if button.text() and name != "dashboardCard" and not name.startswith("alert_"):
            found.append((f"button {button.objectName()}", button.text()))
    for label in page.findChildren(QLabel, "cardTitle"):
        found.append(("card", label.text()))
    for tabs in page.findChildren(QTabWidget):
        found += [("tab", tabs.tabText(i).split(" (")[0]) for i in range(tabs.count())]
    for edit in page.findChildren(QLineEdit):
        if edit.placeholderText():
            found.append(("placeholder", edit.placeholderText()))
    for view in page.findChildren(QTableView):
        if view.objectName().startswith("section_"):
            continue  # a report's columns: named by the core, translated there
        model = view.model()
        for column in range(view.horizontalHeader().count()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            if header:
                found.append(("header", str(header)))
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QTableView) or type(widget).__name__ == "QToolButton":
            continue  # "Table: <headers>" (checked above) and Qt's own tab-bar arrows
        if widget.accessibleName():
            found.append((f"name {type(widget).__name__}", widget.accessibleName()))
    return found


def test_the_desk_tabs_have_no_untranslated_fixed_text(
    db, ops, bridge, qtbot, qapp: QApplication
) -> None:  # type: ignore[no-untyped-def]
    try:
        install_language(qapp, i18n.PSEUDO_ACCENTED)
        window = open_tab(qtbot, ops, bridge, demo_owner(db), DESK_TABS)
        plain: list[str] = []
        for key in DESK_TABS:
            page = window.page(key)
            assert page is not None
            qtbot.wait(50)
            for where, text in fixed_texts(page):
                if not _bracketed(text):
                    plain.append(f"{key}: {where}: {text!r}")
        assert plain == []
    finally:
        install_language(qapp, "en")


def _dialogs(window: Any, db: Any) -> list[tuple[str, Any]]:
    from sqlalchemy import select

    from careops_desktop.core.models import Contact, InventoryItem
    from careops_desktop.core.services import contacts, inventory
    from careops_desktop.ui.contacts.dialogs import ContactDialog, MergeDialog
    from careops_desktop.ui.forms.editor import FieldDialog
    from careops_desktop.ui.imports.wizard import ImportWizard
    from careops_desktop.ui.inbox.dialogs import NewConversationDialog
    from careops_desktop.ui.inbox.saved_replies import SavedReplyPicker
    from careops_desktop.ui.inventory.dialogs import ItemDialog, StockDialog
    from careops_desktop.ui.login.dialog import LoginDialog
    from careops_desktop.ui.login.owner import CreateOwnerDialog
    from careops_desktop.ui.search_everywhere import SearchEverywhereDialog

    ops, actor = window.ops, window.actor
    with db.session() as session:
        contact_id = session.scalar(select(Contact.id).limit(1))
        item_id = session.scalar(select(InventoryItem.id).limit(1))
    contact = db.call(contacts.get_contact, actor, contact_id)
    item = db.call(inventory.get_item, actor, item_id)
    return [
        ("new contact", ContactDialog(ops, actor, None, window)),
        ("edit contact", ContactDialog(ops, actor, contact, window)),
        ("merge", MergeDialog(ops, actor, contact, window)),
        ("new item", ItemDialog(ops, actor, window)),
        ("restock", StockDialog(ops, actor, item, "restock", window)),
        ("adjust", StockDialog(ops, actor, item, "adjust", window)),
        ("new conversation", NewConversationDialog(ops, actor, window)),
        ("question", FieldDialog(None, window)),
        ("sign in", LoginDialog(ops, parent=window)),
        ("unlock", LoginDialog(ops, unlock_email="o@example.com", parent=window)),
        ("owner", CreateOwnerDialog(ops, window)),
        ("search", SearchEverywhereDialog(ops, actor, window)),
        ("import", ImportWizard(ops, actor, window)),
        ("saved replies", SavedReplyPicker([], window)),
    ]


def _labels(dialog: QWidget) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QWizard

    found = [("title", dialog.windowTitle())]
    for label in dialog.findChildren(QLabel):
        if label.text() and label.objectName() != "pageHeading":  # the business's name
            found.append(("label", label.text()))
    if isinstance(dialog, QWizard):
        for page_id in dialog.pageIds():
            page = dialog.page(page_id)
            found += [("page", page.title())] + (
                [("page", page.subTitle())] * bool(page.subTitle())
            )
    return found


def test_the_desk_dialogs_have_no_untranslated_fixed_text(
    db, ops, bridge, qtbot, qapp: QApplication
) -> None:  # type: ignore[no-untyped-def]
    try:
        install_language(qapp, i18n.PSEUDO_ACCENTED)
        window = open_tab(qtbot, ops, bridge, demo_owner(db), ("contacts",))
        plain: list[str] = []
        for name, dialog in _dialogs(window, db):
            shown = fixed_texts(dialog) + _labels(dialog)
            for picker in dialog.findChildren(ContactPicker):  # a shared widget, not the desk's
                for entry in fixed_texts(picker):
                    shown.remove(entry)
            for where, text in shown:
                if text not in QT_OWN and not _bracketed(text):
                    plain.append(f"{name}: {where}: {text!r}")
            dialog.deleteLater()
        assert plain == []
    finally:
        install_language(qapp, "en")

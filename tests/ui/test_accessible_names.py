"""Every interactive widget has an accessible name: a walk over the main window signed in
as the demo's owner (every tab, every settings page), the setup wizard and the dialogs.

A failure names each unnamed widget: its class, objectName, parent chain and window, so
whoever added it can find it. Name it where it is created: a QFormLayout row label names
its field, and ``careops_desktop.ui.accessible.name_unnamed`` (run by the main window,
the settings view and every dialog) names a field from its form row, grid header,
placeholder, tooltip or the short label before it; anything else (an icon-only button,
a field with no words near it) needs ``setAccessibleName`` where it is created.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact, InventoryItem
from careops_desktop.core.services import bookings, contacts, inventory
from careops_desktop.ui.tabs import TAB_SPECS
from tests.ui.a11y_helpers import reset_reported, unnamed_widgets
from tests.ui.tab_helpers import demo_owner, open_tab


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _settle(qtbot: Any, ops: Any) -> None:
    qtbot.waitUntil(lambda: not ops.pending, timeout=15_000)
    qtbot.wait(30)


def _first(db: Any, column: Any, *where: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.min(column)).where(*where)))


def _dialogs(db: Any, window: Any, tmp_path: Path) -> list[tuple[str, Callable[[], QWidget]]]:
    """The main dialogs, each built as the app builds it (parent: its tab's page)."""
    from careops_desktop.ui.about_dialog import AboutDialog
    from careops_desktop.ui.bookings.dialogs import BookingDialog, CancelDialog, RescheduleDialog
    from careops_desktop.ui.bookings.restore_dialog import RestoreDialog
    from careops_desktop.ui.bookings.time_block_dialog import TimeBlockDialog
    from careops_desktop.ui.contacts.dialogs import ContactDialog, MergeDialog
    from careops_desktop.ui.forms.editor import FieldDialog
    from careops_desktop.ui.imports.wizard import ImportWizard
    from careops_desktop.ui.inbox.dialogs import NewConversationDialog
    from careops_desktop.ui.inbox.saved_replies import SavedReplyPicker
    from careops_desktop.ui.inventory.dialogs import ItemDialog, StockDialog
    from careops_desktop.ui.login.dialog import LoginDialog
    from careops_desktop.ui.login.owner import CreateOwnerDialog
    from careops_desktop.ui.recovery import RecoveryDialog
    from careops_desktop.ui.search_everywhere import SearchEverywhereDialog
    from careops_desktop.ui.settings.staff_page import AddStaffDialog
    from careops_desktop.ui.wizard.wizard import SetupWizard

    ops, actor = window.ops, window.actor
    page = window.page("bookings")
    booking = db.call(
        bookings.get_booking, actor, _first(db, Booking.id, Booking.status == "confirmed")
    )
    contact = db.call(contacts.get_contact, actor, _first(db, Contact.id))
    item = db.call(inventory.get_item, actor, _first(db, InventoryItem.id))
    providers = [(p.id, p.name) for p in page.catalogue.providers]
    return [
        ("New booking", lambda: BookingDialog(ops, actor, page.catalogue, page)),
        ("Reschedule", lambda: RescheduleDialog(ops, actor, page.catalogue, booking, page)),
        ("Cancel booking", lambda: CancelDialog(ops, actor, booking, page.zone, page)),
        ("New contact", lambda: ContactDialog(ops, actor, None, window)),
        ("Edit contact", lambda: ContactDialog(ops, actor, contact, window)),
        ("Merge contacts", lambda: MergeDialog(ops, actor, contact, window)),
        ("New stock item", lambda: ItemDialog(ops, actor, window)),
        ("Restock", lambda: StockDialog(ops, actor, item, "restock", window)),
        ("Adjust stock", lambda: StockDialog(ops, actor, item, "adjust", window)),
        ("New conversation", lambda: NewConversationDialog(ops, actor, window)),
        ("Add staff", lambda: AddStaffDialog(ops, actor, window)),
        ("Form question", lambda: FieldDialog(None, window)),
        ("Sign in", lambda: LoginDialog(ops, parent=window)),
        ("Unlock", lambda: LoginDialog(ops, unlock_email="o@example.com", parent=window)),
        ("Create owner", lambda: CreateOwnerDialog(ops, window)),
        (
            "Recovery",
            lambda: RecoveryDialog(tmp_path / "x.sqlite3", tmp_path, ["damaged"], [], window),
        ),
        ("Setup wizard", lambda: SetupWizard(ops, actor, window)),
        ("Search everywhere", lambda: SearchEverywhereDialog(ops, actor, window)),
        ("Import", lambda: ImportWizard(ops, actor, window)),
        ("About", lambda: AboutDialog(db.url, window)),
        ("Saved replies", lambda: SavedReplyPicker([], window)),
        ("Block time", lambda: TimeBlockDialog(ops, actor, providers, page)),
        ("Restore booking", lambda: RestoreDialog(ops, actor, booking, page.zone, page)),
    ]


def test_every_interactive_widget_has_an_accessible_name(db, ops, bridge, qtbot, tmp_path) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), tuple(s.key for s in TAB_SPECS))
    problems: list[str] = []
    reset_reported()
    for key in window.tab_keys():
        page = window.show_tab(key)
        _settle(qtbot, ops)
        problems += unnamed_widgets(page, f"tab {key!r}")
        if key == "settings":
            for settings_key in page.page_keys():
                settings_page = page.select_page(settings_key)
                _settle(qtbot, ops)
                problems += unnamed_widgets(settings_page, f"settings page {settings_key!r}")
    problems += unnamed_widgets(window, "main window")  # the tab bar, the status bar
    for title, make in _dialogs(db, window, tmp_path):
        dialog = make()
        dialog.show()
        _settle(qtbot, ops)
        problems += unnamed_widgets(dialog, f"dialog {title!r}")
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
        dialog.deleteLater()
        _settle(qtbot, ops)
    unique = list(dict.fromkeys(problems))
    assert not unique, f"{len(unique)} interactive widgets have no accessible name:\n" + "\n".join(
        unique
    )

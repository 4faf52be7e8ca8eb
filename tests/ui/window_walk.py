"""The window's dialogs as the app builds them, for the tests that walk every screen
(accessible names, the pseudo-locale sweep)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact, InventoryItem
from careops_desktop.core.services import bookings, contacts, inventory


def _first(db: Any, column: Any, *where: Any) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.min(column)).where(*where)))


def main_dialogs(db: Any, window: Any, tmp_path: Path) -> list[tuple[str, Callable[[], QWidget]]]:
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

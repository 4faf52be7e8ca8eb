"""File → Import… through the wizard with real widgets: contacts with a duplicate merged,
bookings with a visit outside hours imported as a desk override and confirmations sent
only on request, and a cancelled import that leaves nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWizard
from sqlalchemy import func, select

from careops_desktop.core.models import Booking, Contact, ImportBatch, OutboxMessage
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.ui.imports import ImportWizard
from tests.core.booking_world import build_in
from tests.core.import_helpers import FIXTURES

OWNER = Actor(None, "Ada Owner", Role.OWNER, frozenset(Permission))
LEFT = Qt.MouseButton.LeftButton


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _wizard(qtbot, ops, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ops, OWNER)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path, str(path))
    return wizard


def _next(qtbot, wizard: ImportWizard, which=QWizard.WizardButton.NextButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    qtbot.waitUntil(button.isEnabled, timeout=10_000)
    qtbot.mouseClick(button, LEFT)


def test_contacts_from_a_square_export(qtbot, db, ops) -> None:  # type: ignore[no-untyped-def]
    build_in(db)
    with db.write_session() as s:  # a contact the file's first row duplicates
        s.add(Contact(name="Ada B.", email="ada.brook@example.com"))
    wizard = _wizard(qtbot, ops, FIXTURES / "square_customers.csv")
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.kind_page, timeout=10_000)
    assert (
        "Recognised: Square Appointments customers export." in wizard.kind_page.layout_text.text()
    )
    assert wizard.kind_page.contacts.isChecked()
    _next(qtbot, wizard)
    page = wizard.mapping_page
    headers = wizard.state.table.headers
    assert page.combos[headers.index("Email Address")].currentText() == "Email"
    memo = page.combos[headers.index("Memo")]
    assert memo.currentText() == "Notes"
    memo.setCurrentIndex(memo.findData(""))  # leave the memo out
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.dry_run_page.done, timeout=10_000)
    summary = wizard.dry_run_page.summary.text()
    assert "would add 1 contacts" in summary and "refuse 1 rows" in summary
    assert wizard.dry_run_page.refused_model.rowCount() == 1
    assert "cai@" in wizard.dry_run_page.refused_model.text(0, 2)
    assert _count(db, ImportBatch) == 0  # the dry run wrote nothing
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.choices_page
    explain = wizard.choices_page.explain.text()
    assert "Same email address or phone number as a contact" in explain and ": 1 row." in explain
    _pick(qtbot, wizard.choices_page.buttons["merge"])
    assert wizard.state.duplicates == "merge"
    _next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=10_000)
    assert "added 1 contacts, merged 1 into existing ones" in wizard.import_page.status.text()
    assert not wizard.import_page.confirm.isVisible()
    with db.session() as s:
        merged = s.execute(
            select(Contact.phone, Contact.notes).where(Contact.name == "Ada B.")
        ).one()
    assert merged.phone == "+447400111222" and "Prefers mornings" not in merged.notes
    _next(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)


def _pick(qtbot, radio) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle (its middle may be past the end of its text)."""
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def _visits(tmp_path: Path) -> Path:
    london = ZoneInfo("Europe/London")
    day = datetime.now(london).date() + timedelta(days=7)
    while day.weekday() != 2:
        day += timedelta(days=1)
    sheet = tmp_path / "visits.csv"
    sheet.write_text(
        "Date;Time;Service;Staff;Client;Email\n"
        f"{day};10:00;Consultation;Alice Practitioner;Ann Bee;ann@example.com\n"
        f"{day};10:00;Consultation;Alice Practitioner;Cy Dee;cy@example.com\n"
        f"{day};19:00;Consultation;Bob Practitioner;Eve Fay;eve@example.com\n"
        f"{day};11:00;Consult 60;Alice Practitioner;Gil Ho;gil@example.com\n",
        encoding="cp1252",
    )
    return sheet


def test_bookings_override_and_confirmations_on_request(qtbot, db, ops, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_in(db)
    wizard = _wizard(qtbot, ops, _visits(tmp_path))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.kind_page, timeout=10_000)
    assert wizard.kind_page.bookings.isChecked()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    names = wizard.names_page
    qtbot.waitUntil(lambda: names.loaded, timeout=10_000)
    assert names.grid.rowCount() == 1 and names.grid.item(0, 1).text() == "Consult 60"
    combo = names.combos[("Service", "Consult 60")]
    combo.setCurrentIndex(combo.findText("Consultation"))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.dry_run_page.done, timeout=10_000)
    _next(qtbot, wizard)
    text = wizard.choices_page.explain.text()
    assert text.startswith("Clashing with another booking of the provider: 1 visit;")
    assert "Outside the provider's hours or on a closed day: 1 visit." in text
    assert wizard.choices_page.rows_model.rowCount() == 2
    _pick(qtbot, wizard.choices_page.buttons["override"])
    _next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=10_000)
    assert _count(db, Booking) == 3 and _count(db, OutboxMessage) == 0
    confirm = wizard.import_page.confirm
    assert confirm.isVisible()
    assert confirm.text() == "Send confirmations to the 3 imported future bookings"
    qtbot.mouseClick(confirm, LEFT)
    qtbot.waitUntil(lambda: "queued" in wizard.import_page.status.text(), timeout=10_000)
    assert _count(db, OutboxMessage) == 3


def test_cancel_leaves_nothing_imported(qtbot, db, ops, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_in(db)
    big = tmp_path / "many.csv"
    big.write_text(
        "name,email\n" + "".join(f"Person {i},p{i}@example.com\n" for i in range(20_000)),
        encoding="utf-8",
    )
    wizard = _wizard(qtbot, ops, big)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.kind_page, timeout=10_000)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.dry_run_page.done, timeout=60_000)
    _next(qtbot, wizard)
    _next(qtbot, wizard, QWizard.WizardButton.CommitButton)
    dialog = wizard.state.import_task.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    cancel = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: wizard.import_page.finished, timeout=60_000)
    assert wizard.import_page.status.text() == "The import was cancelled; nothing was imported."
    assert _count(db, Contact) == 1 and _count(db, ImportBatch) == 0


def test_an_unreadable_file_is_explained_on_the_first_step(qtbot, db, ops, tmp_path) -> None:  # type: ignore[no-untyped-def]
    build_in(db)
    empty = tmp_path / "header-only.csv"
    empty.write_text("name,email,phone\n", encoding="utf-8")
    wizard = _wizard(qtbot, ops, empty)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: "no rows under it" in wizard.file_page.status.text(), timeout=10_000)
    assert wizard.currentPage() is wizard.file_page


def test_undo_from_the_audit_log(qtbot, db, ops) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from careops_desktop.core.services import business, imports
    from careops_desktop.ui.settings.audit_page import AuditLogPage
    from careops_desktop.ui.settings.registry import SettingsContext

    build_in(db)
    db.call(business.ensure_business, "Bright Smile Clinic", "Europe/London")
    table = imports.read_source(FIXTURES / "plain.csv")
    options = imports.ImportOptions("contacts", imports.guess_mapping(table.headers, "contacts"))
    db.call(imports.run_import, OWNER, table, options)
    assert _count(db, Contact) == 4
    page = AuditLogPage(SettingsContext(ops, None, OWNER))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.count.text() != "" and ops.pending == 0, timeout=10_000)
    undo = page.import_undo.button
    assert not undo.isEnabled()
    row = next(
        r for r in range(page.model.rowCount()) if page.model.index(r, 2).data() == "imported"
    )
    qtbot.waitUntil(lambda: page.model.row_data(row) is not None, timeout=10_000)
    page.table.selectRow(row)
    assert undo.isEnabled()
    qtbot.mouseClick(undo, LEFT)
    qtbot.waitUntil(
        lambda: page.import_undo.box is not None and page.import_undo.box.isVisible(),
        timeout=10_000,
    )
    box = page.import_undo.box
    assert "Undo the import of plain.csv? The 3 contacts it added will be removed" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    qtbot.waitUntil(lambda: "The import was undone" in page.status.text(), timeout=10_000)
    assert _count(db, Contact) == 1


def test_file_menu_opens_the_wizard(qtbot, db, ops, bridge) -> None:  # type: ignore[no-untyped-def]
    from careops_desktop.ui.main_window import MainWindow
    from tests.ui.test_main_window import SPECS

    window = MainWindow(ops, bridge, OWNER, business_name="Clinic", specs=SPECS, idle_minutes=0)
    qtbot.addWidget(window)
    window.show()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions()
    assert window.import_action.text() == "&Import…"
    window.import_action.trigger()
    wizard = window.import_wizard
    qtbot.waitUntil(wizard.isVisible, timeout=5_000)
    assert wizard.currentPage() is wizard.file_page
    wizard.reject()
    no_contacts = Actor(None, "Ivy", Role.STAFF, frozenset())
    other = MainWindow(ops, bridge, no_contacts, specs=SPECS, idle_minutes=0)
    qtbot.addWidget(other)
    assert not other.import_action.isEnabled()

"""Settings → Audit log: lazy table, filters by person, record and dates, plain text, CSV."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt

from careops_desktop.core.models import AuditEntry
from careops_desktop.core.permissions import Actor, Permission, Role
from careops_desktop.core.services import business
from careops_desktop.ui.settings.audit_page import AuditLogPage
from careops_desktop.ui.settings.registry import SettingsContext, visible_pages
from tests.core.test_audit_viewer import add_entries

HOSTILE = "<img src=x onerror=alert(1)><b>Mallory</b>"
OWNER = Actor(1, "Ada Owner", Role.OWNER, frozenset(Permission))


def _entries(db, days_ago: list[int]) -> None:
    """Entries relative to now (the page starts at the last 30 days)."""
    now = datetime.now(UTC)
    with db.write_session() as session:
        for index, days in enumerate(days_ago):
            session.add(
                AuditEntry(
                    user_id=None,
                    actor_name=HOSTILE if index == 0 else "Booking page",
                    action="create",
                    entity="booking",
                    entity_id=index,
                    details={"note": HOSTILE} if index == 0 else {},
                    created_at=now - timedelta(days=days, minutes=index),
                )
            )


def _page(qtbot, ops, bridge=None, actor: Actor = OWNER) -> AuditLogPage:
    page = AuditLogPage(SettingsContext(ops, bridge, actor))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitUntil(lambda: page.count.text() != "" and ops.pending == 0, timeout=10_000)
    return page


def _cells(page: AuditLogPage, row: int) -> list[str]:
    qtbot_wait = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    return [str(v) for v in qtbot_wait]


def _loaded(qtbot, page: AuditLogPage, row: int) -> list[str]:
    page.model.index(row, 0).data()  # asks for the block
    qtbot.waitUntil(lambda: page.model.row_data(row) is not None, timeout=10_000)
    return _cells(page, row)


def test_only_owners_and_managers_get_the_page() -> None:
    manager = Actor(3, "M", Role.MANAGER, frozenset(Permission))
    staff = Actor(4, "S", Role.STAFF, frozenset({Permission.MANAGE_SETTINGS}))
    assert "audit" in [p.key for p in visible_pages(manager)]
    assert "audit" not in [p.key for p in visible_pages(staff)]


def test_filters_by_person_kind_and_dates(qtbot, db, ops, bridge) -> None:
    db.call(business.ensure_business, "Riverside Clinic", "Europe/London")
    _entries(db, [0, 5, 45])
    page = _page(qtbot, ops, bridge)
    assert page.count.text() == "2 entries"  # the last 30 days
    first = _loaded(qtbot, page, 0)
    assert first[1] == HOSTILE  # shown as written
    assert first[3] == "booking #0" and first[4] == f"note: {HOSTILE}"
    tooltip = page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tooltip and "<img" not in tooltip

    # the booking page's entries only
    index = page.person.findText("Booking page (automatic)")
    assert index > 0
    page.person.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.count.text() == "1 entry", timeout=10_000)
    # …over a longer range
    page.first_day.setDate(page.last_day.date().addDays(-60))
    qtbot.waitUntil(lambda: page.count.text() == "2 entries", timeout=10_000)
    # a kind of record nobody touched in that range
    page.person.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("booking"))
    qtbot.waitUntil(lambda: page.count.text() == "3 entries", timeout=10_000)
    # dates the wrong way round are read as a range, not as nothing
    page.first_day.setDate(QDate.currentDate())
    page.last_day.setDate(QDate.currentDate().addDays(-7))
    qtbot.waitUntil(lambda: page.count.text() == "2 entries", timeout=10_000)


def test_people_and_records_from_the_log_and_live_refresh(qtbot, db, ops, bridge) -> None:
    add_entries(db)  # fixed dates in 2025: outside the last 30 days
    page = _page(qtbot, ops, bridge)
    people = [page.person.itemText(i) for i in range(page.person.count())]
    assert people == ["Everyone", "Ada Owner", "Booking page (automatic)", "Sam Staff"]
    kinds = [page.kind.itemText(i) for i in range(page.kind.count())]
    assert kinds == ["Every kind of record", "booking", "contact", "provider"]
    page.first_day.setDate(QDate(2025, 1, 1))
    qtbot.waitUntil(lambda: page.count.text() == "6 entries", timeout=10_000)
    page.person.setCurrentIndex(page.person.findText("Sam Staff"))
    qtbot.waitUntil(lambda: page.count.text() == "2 entries", timeout=10_000)


def test_a_long_log_loads_in_blocks(qtbot, db, ops) -> None:
    _entries(db, [0] * 1200)
    page = _page(qtbot, ops)
    assert page.count.text() == "1200 entries"
    assert page.model.rowCount() == 1200
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=10_000)
    assert page.model.row_data(1199) is None  # not drawn, not loaded
    assert _loaded(qtbot, page, 1199)[3] == "booking #1199"


def test_export_csv_of_what_the_filters_show(qtbot, db, ops, tmp_path: Path) -> None:
    _entries(db, [0, 5, 45])
    page = _page(qtbot, ops)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_dialog is not None and page.export_dialog.isVisible())
    target = tmp_path / "audit export.csv"
    page.export_dialog.selectFile(str(target))
    page.export_dialog.accept()
    qtbot.waitUntil(lambda: page.exported == target, timeout=15_000)
    assert page.status.text() == f"Exported 2 entries to {target}."
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == 3 and lines[1][1] == HOSTILE


def test_export_to_a_missing_folder_says_so(qtbot, db, ops, tmp_path: Path) -> None:
    _entries(db, [0])
    page = _page(qtbot, ops)
    page.export_to(str(tmp_path / "no such folder" / "audit.csv"))
    qtbot.waitUntil(lambda: "does not exist" in page.status.text(), timeout=15_000)
    assert page.export_button.isEnabled()
    assert not (tmp_path / "no such folder").exists()


def test_staff_see_words_not_entries(qtbot, db, ops) -> None:
    _entries(db, [0])
    clerk = Actor(7, "Desk Clerk", Role.STAFF, frozenset({Permission.MANAGE_SETTINGS}))
    page = AuditLogPage(SettingsContext(ops, None, clerk))
    qtbot.addWidget(page)
    assert page.status.text() == "Owners and managers see the audit log."
    assert page.model.rowCount() == 0 and not page.export_button.isEnabled()

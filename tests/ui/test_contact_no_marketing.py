"""The desk marks a contact "no follow-ups" in the contact dialog (issue 19); it is kept,
shown again when the dialog reopens, audited, and cleared the same way."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from careops_desktop.core.models import AuditEntry, Contact
from careops_desktop.core.services import contacts
from tests.ui.tab_helpers import demo_owner, open_tab


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _flag(db: Any, contact_id: int) -> bool:
    with db.session() as session:
        return bool(session.scalar(select(Contact.no_marketing).where(Contact.id == contact_id)))


def test_no_follow_ups_is_set_and_cleared_at_the_desk(db, ops, bridge, qtbot) -> None:  # type: ignore[no-untyped-def]
    actor = demo_owner(db)
    with db.write_session() as session:
        quiet = contacts.create_contact(session, actor, name="Quiet Person", email="q@example.com")
    window = open_tab(qtbot, ops, bridge, actor, ("contacts",))
    page = window.page("contacts")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)
    page.apply_filter({"contact_id": quiet.id})
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    edit = page.edit_current()
    assert not edit.no_marketing.isChecked()
    qtbot.mouseClick(edit.no_marketing, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(edit.succeeded, timeout=5000):
        edit.ok_button.click()
    assert _flag(db, quiet.id)
    qtbot.waitUntil(lambda: page.current is not None and page.current.contact.no_marketing)
    again = page.edit_current()
    assert again.no_marketing.isChecked()
    again.no_marketing.setChecked(False)
    with qtbot.waitSignal(again.succeeded, timeout=5000):
        again.ok_button.click()
    assert not _flag(db, quiet.id)
    with db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "contact", AuditEntry.entity_id == quiet.id)
            .order_by(AuditEntry.id)
        ).all()
    assert "no_marketing_on" in actions and actions[-1] == "no_marketing_off"

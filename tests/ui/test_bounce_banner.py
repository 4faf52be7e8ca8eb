"""A bouncing address shows on the contact, in the conversation (live, as the bounce is
recorded) and on the staff message that bounced; hostile reasons stay plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from careops_desktop.core.models import OutboxMessage
from careops_desktop.core.services import inbox
from careops_desktop.core.services.inbox import (
    Bounce,
    FailedRecipient,
    IncomingMessage,
    MailKind,
    record_classified,
)
from careops_desktop.ui.inbox.model import message_header
from tests.ui.tab_helpers import open_tab, owner_actor
from tests.ui.test_inbox_tab import _seed

REASON = "550 5.1.1 <b>User unknown</b>"
DAEMON = IncomingMessage(channel="email", sender_address="MAILER-DAEMON@mx.example.org")


def _bounce(db: Any) -> None:
    with db.session() as s:
        message_id = s.scalars(
            select(OutboxMessage.message_id).order_by(OutboxMessage.id.desc())
        ).first()
    bounce = Bounce((FailedRecipient("ada@example.com", "5.1.1", REASON),), (str(message_id),))
    with db.write_session() as s:
        assert record_classified(s, DAEMON, MailKind("bounce", bounce))


def test_the_conversation_and_the_contact_say_the_address_bounces(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    db.call(inbox.reply, owner_actor(), seeded["ada_conversation"], "See you at 3pm.")
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("inbox", "contacts", "dashboard"))
    page = window.page("inbox")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    qtbot.waitUntil(lambda: page.shown is not None, timeout=5000)
    assert page.bounce_banner.isHidden()

    _bounce(db)  # the poll job records a bounce while the thread is open
    expected = f"Email to ada@example.com bounces: {REASON}"
    qtbot.waitUntil(lambda: page.bounce_banner.text() == expected, timeout=5000)
    assert not page.bounce_banner.isHidden()
    assert page.bounce_banner.textFormat() == Qt.TextFormat.PlainText
    qtbot.waitUntil(
        lambda: any(m.delivery_status == "bounced" for m in page.messages.messages()),
        timeout=5000,
    )
    staff = next(m for m in page.messages.messages() if m.sender_type == "staff")
    assert message_header(staff, page.messages.zone).endswith(f"Bounced: {REASON}")
    notes = [m.content for m in page.messages.messages() if m.sender_type == "system"]
    assert notes == [
        f"The email to ada@example.com could not be delivered. The mail server said: {REASON}"
    ]

    contacts_page = window.page("contacts")
    contacts_page.show_contact(seeded["ada"])
    qtbot.waitUntil(lambda: contacts_page.bounce_banner.text() == expected, timeout=5000)
    assert not contacts_page.bounce_banner.isHidden()
    contacts_page.show_contact(seeded["bob"])
    qtbot.waitUntil(lambda: contacts_page.bounce_banner.isHidden(), timeout=5000)

    dashboard = window.page("dashboard")
    dashboard.refresh()
    qtbot.waitUntil(
        lambda: (
            [b.text() for b in dashboard.alert_buttons if b.objectName() == "alert_email_bouncing"]
            == ["⚠  Email to Ada there (ada@example.com) cannot be delivered"]
        ),
        timeout=5000,
    )

"""The Inbox tab on a real database: list, thread, reply (message + outbox row), hostile text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from careops_desktop.core.models import Conversation, Message, OutboxMessage
from careops_desktop.core.services import business, contacts, inbox
from careops_desktop.core.services.inbox import IncomingMessage, record_incoming
from tests.ui.tab_helpers import (
    assert_shown_literally,
    hostile_listener,
    hostile_strings,
    open_tab,
    owner_actor,
)


def _seed(db: Any, hostile: tuple[str, str] = ("Hello", "there")) -> dict[str, int]:
    actor = owner_actor()
    with db.write_session() as session:
        business.ensure_business(session, "Calm Clinic", "Europe/London")
        ada = contacts.create_contact(
            session, actor, name=f"Ada {hostile[1]}", email="ada@example.com"
        )
        bob = contacts.create_contact(session, actor, name="Bob Brown", phone="+447911123456")
    with db.write_session() as session:
        first = record_incoming(
            session,
            IncomingMessage(
                channel="email",
                sender_address="ada@example.com",
                sender_name="Ada",
                subject=f"Question {hostile[1]}",
                content=f"Can I come at 3? {hostile[0]}",
                message_id="<m1@example.com>",
            ),
        )
        record_incoming(
            session,
            IncomingMessage(channel="sms", sender_address="+447911123456", content="Running late"),
        )
        closed = inbox.open_conversation_for(session, bob.id)
    with db.write_session() as session:
        inbox.close(session, actor, closed)
    return {"ada": ada.id, "bob": bob.id, "ada_conversation": first.conversation_id}


def _inbox(qtbot: Any, ops: Any, bridge: Any) -> Any:
    window = open_tab(qtbot, ops, bridge, owner_actor(), ("inbox",))
    page = window.page("inbox")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=5000)
    return window, page


def test_inbox_lists_open_conversations_matching_the_database(db, ops, bridge, qtbot) -> None:
    _seed(db)
    window, page = _inbox(qtbot, ops, bridge)
    with db.session() as session:
        open_count = session.scalar(
            select(func.count(Conversation.id)).where(Conversation.is_open.is_(True))
        )
        unread = session.scalar(
            select(func.count(Conversation.id)).where(Conversation.unread_count > 0)
        )
    assert page.model.rowCount() == open_count
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == f"Inbox ({unread})", timeout=5000)
    # unread rows are bold
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
    font = page.model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()
    # the "All" filter shows the closed one too
    page.state.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.model.rowCount() == open_count + 1, timeout=5000)
    # search runs in SQL
    page.search.setText("Bob")
    page.search.flush()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)


def test_opening_a_thread_marks_it_read_and_a_reply_is_queued(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    qtbot.waitUntil(lambda: page.shown is not None, timeout=5000)
    assert [m.content for m in page.messages.messages()] == ["Can I come at 3? Hello"]
    qtbot.waitUntil(
        lambda: _unread(db, seeded["ada_conversation"]) == 0, timeout=5000
    )  # opening marked it read

    page.reply_edit.setFocus()
    qtbot.keyClicks(page.reply_edit, "See you at 3pm.")
    qtbot.keyClick(page.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(page.messages.messages()) == 2, timeout=5000)
    assert page.reply_edit.toPlainText() == ""
    reply = page.messages.messages()[-1]
    assert (reply.content, reply.delivery_status, reply.sender_type) == (
        "See you at 3pm.",
        "queued",
        "staff",
    )
    with db.session() as session:
        row = session.scalars(
            select(OutboxMessage).where(OutboxMessage.chat_message_id == reply.id)
        ).one()
        assert (row.recipient, row.body, row.status, row.kind) == (
            "ada@example.com",
            "See you at 3pm.",
            "queued",
            "reply",
        )
        assert row.subject.startswith("Re: Question")


def _unread(db: Any, conversation_id: int) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(Conversation.unread_count).where(Conversation.id == conversation_id)
            )
        )


def test_an_empty_reply_or_a_missing_address_is_shown_at_the_field(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    qtbot.waitUntil(lambda: page.shown is not None, timeout=5000)
    # opening marked it read; wait for the thread to reload after that event
    qtbot.waitUntil(lambda: page.shown.unread_count == 0 and ops.pending == 0, timeout=5000)
    page.send_reply()
    assert page.reply_errors.message("content") == "Write a message first."
    # Ada has no phone: SMS is not offered, and the core's refusal would show at the channel
    sms = page.channel.findData("sms")
    assert not page.channel.model().item(sms).isEnabled()
    page.channel.setCurrentIndex(sms)
    page.reply_edit.setPlainText("hi")
    page.send_reply()
    qtbot.waitUntil(lambda: page.reply_errors.message("phone") != "", timeout=5000)
    assert "has no phone number" in page.reply_errors.message("phone")
    with db.session() as session:
        assert session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_close_and_reopen(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.is_open, timeout=5000)
    page.close_button.click()
    qtbot.waitUntil(lambda: page.shown is not None and not page.shown.is_open, timeout=5000)
    assert page.close_button.text() == "Reopen"
    page.close_button.click()
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.is_open, timeout=5000)


def test_start_a_conversation_with_a_contact(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    dialog = page.create_new()
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == 2, timeout=5000)
    dialog.ok_button.click()  # nobody chosen
    assert dialog.errors.message("contact") == "Choose who to write to."
    dialog.picker.select(seeded["bob"])
    dialog.channel.setCurrentIndex(dialog.channel.findData("sms"))
    dialog.content.setPlainText("Your order is ready")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: page.shown is not None and page.shown.contact_id == seeded["bob"], timeout=5000
    )
    with db.session() as session:
        sms = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "sms")).one()
        assert (sms.recipient, sms.body) == ("+447911123456", "Your order is ready")
        assert (
            session.scalar(select(func.count(Message.id)).where(Message.sender_type == "staff"))
            == 1
        )


@pytest.mark.parametrize("which", [0, 1])
def test_hostile_text_is_shown_literally(db, ops, bridge, qtbot, which: int) -> None:
    with hostile_listener() as (port, got_request):
        hostile = hostile_strings(port)
        seeded = _seed(db, hostile)
        window, page = _inbox(qtbot, ops, bridge)
        page.apply_filter({"conversation_id": seeded["ada_conversation"]})
        qtbot.waitUntil(lambda: page.shown is not None, timeout=5000)
        qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
        assert_shown_literally(qtbot, window, (hostile[which],), got_request)
        # the message cards show the text as written (DisplayRole is plain text)
        card = page.messages.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
        assert hostile[0] in card

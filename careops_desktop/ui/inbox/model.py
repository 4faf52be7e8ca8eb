"""The inbox's models: the conversation list (lazy, over ids) and one thread's messages.

The conversation filter is the core's :class:`ConversationFilter`; ``inbox.ids`` does
the search and order in SQL (as ``inbox.list_conversations``) and ``inbox.rows_by_id``
loads the rows drawn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox
from careops_desktop.core.services.inbox import ConversationFilter, ConversationRow, MessageView
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.table_model import Column, RowStyle
from careops_desktop.ui.widgets.local_time import fmt_datetime, fmt_short

AnyIndex = QModelIndex | QPersistentModelIndex
MESSAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 10

DELIVERY_WORDS = {
    "none": "",
    "queued": QT_TRANSLATE_NOOP("InboxModel", "Queued"),
    "sending": QT_TRANSLATE_NOOP("InboxModel", "Sending…"),
    "sent": QT_TRANSLATE_NOOP("InboxModel", "Sent"),
    "failed": QT_TRANSLATE_NOOP("InboxModel", "Failed"),
    "bounced": QT_TRANSLATE_NOOP("InboxModel", "Bounced"),
    "received": QT_TRANSLATE_NOOP("InboxModel", "Received"),
}
OPEN_CONVERSATIONS = ConversationFilter(open_filter=True)  # the tab opens on these
CHANNEL_WORDS = {
    "email": QT_TRANSLATE_NOOP("InboxModel", "Email"),
    "sms": QT_TRANSLATE_NOOP("InboxModel", "SMS"),
    "system": QT_TRANSLATE_NOOP("InboxModel", "Note"),
    "web": QT_TRANSLATE_NOOP("InboxModel", "Booking page"),
}
SENDER_WORDS = {
    "customer": QT_TRANSLATE_NOOP("InboxModel", "Customer"),
    "staff": QT_TRANSLATE_NOOP("InboxModel", "Staff"),
    "system": QT_TRANSLATE_NOOP("InboxModel", "System"),
}


class ConversationSource:
    """``fetch_ids``/``fetch_rows`` for :class:`IdTableModel`: the ids of every matching
    conversation, then the rows of each block drawn (database worker)."""

    def __init__(self, actor: Actor) -> None:
        self._actor = actor

    def fetch_ids(
        self, session: Session, flt: ConversationFilter | None, _sort: str | None, _desc: bool
    ) -> Sequence[int]:
        flt = flt or OPEN_CONVERSATIONS
        return inbox.ids(session, self._actor, flt)

    def fetch_rows(self, session: Session, ids: Sequence[int]) -> Mapping[int, ConversationRow]:
        return inbox.rows_by_id(session, self._actor, ids)


def conversation_columns(zone_of: Any) -> list[Column]:
    """Who, what was said last, and when (``zone_of()`` gives the business zone)."""
    return [
        Column("contact_name", translate("InboxModel", "Contact")),
        Column("last_message_preview", translate("InboxModel", "Last message"), tooltip=True),
        Column(
            "updated_at",
            translate("InboxModel", "When"),
            format=lambda value: fmt_short(value, zone_of()),
        ),
    ]


def conversation_style(row: ConversationRow) -> RowStyle:
    """Unread conversations in bold; closed ones greyed."""
    if row.unread_count > 0:
        return RowStyle(bold=True)
    if not row.is_open:
        return RowStyle(foreground="#6b7280")
    return RowStyle()


def delivery_text(message: MessageView) -> str:
    """A message's delivery state in words, with the reason of a failure."""
    words = DELIVERY_WORDS.get(message.delivery_status)
    if message.delivery_status == "failed" and message.delivery_error:
        return translate("InboxModel", "Failed: {reason}").format(reason=message.delivery_error)
    if message.delivery_status == "bounced" and message.delivery_error:
        return translate("InboxModel", "Bounced: {reason}").format(reason=message.delivery_error)
    if words is None:
        return message.delivery_status
    return translate("InboxModel", words) if words else ""


def message_header(message: MessageView, zone: ZoneInfo) -> str:
    """``Ada Lovelace · Email · Mon 10 Mar 2025 14:30 · Sent`` (plain text)."""
    sender_words = SENDER_WORDS.get(message.sender_type)
    sender = message.sender_name or (
        translate("InboxModel", sender_words) if sender_words else message.sender_type.capitalize()
    )
    channel_words = CHANNEL_WORDS.get(message.channel)
    parts = [
        sender,
        translate("InboxModel", channel_words) if channel_words else message.channel,
        fmt_datetime(message.created_at, zone),
    ]
    state = delivery_text(message)
    if state and message.direction == "out" and message.sender_type != "system":
        parts.append(state)
    return " · ".join(parts)


class MessagesModel(QAbstractListModel):
    """One thread's messages, oldest first; DisplayRole is header and body as plain text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: list[MessageView] = []
        self.zone = ZoneInfo("UTC")

    def set_messages(self, messages: Sequence[MessageView]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    def messages(self) -> list[MessageView]:
        return list(self._messages)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        message = self._messages[index.row()]
        if role == MESSAGE_ROLE:
            return message
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{message_header(message, self.zone)}\n{message.content}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{message_header(message, self.zone)}. {message.content}"
        return None

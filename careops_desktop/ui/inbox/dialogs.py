"""Start a conversation with a contact: pick the contact, write, send (through the outbox)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inbox
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.contact_picker import ContactPicker

CHANNELS = (
    (QT_TRANSLATE_NOOP("InboxChannels", "Email"), "email"),
    (QT_TRANSLATE_NOOP("InboxChannels", "SMS"), "sms"),
)


def channel_choices() -> list[tuple[str, str]]:
    """(words in the window's language, channel) for a "Send by" box."""
    return [(translate("InboxChannels", words), value) for words, value in CHANNELS]


class NewConversationDialog(CommandDialog):
    """``succeeded(MessageView)`` once the first message is queued."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        parent: QWidget | None = None,
        contact_id: int | None = None,
    ) -> None:
        super().__init__(ops, self.tr("New conversation"), self.tr("Send"), parent)
        self._actor = actor
        self.picker = ContactPicker(ops, actor)
        self.channel = QComboBox()
        for words, value in channel_choices():
            self.channel.addItem(words, value)
        self.subject = QLineEdit()
        self.subject.setMaxLength(300)
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("Your message"))
        self.content.setTabChangesFocus(True)
        self.form.addRow(self.tr("Contact"), self.errors.wrap("contact", self.picker))
        self.form.addRow(self.tr("Send by"), self.errors.wrap("channel", self.channel))
        self.errors.add_alias("email", "channel")
        self.errors.add_alias("phone", "channel")
        self.form.addRow(self.tr("Subject"), self.errors.wrap("subject", self.subject))
        self.form.addRow(self.tr("Message"), self.errors.wrap("content", self.content))
        self.resize(560, 520)
        if contact_id is not None:
            self.picker.select(contact_id)

    def submit(self) -> None:
        contact_id = self.picker.selected_id()
        if contact_id is None:
            self.show_errors({"contact": self.tr("Choose who to write to.")})
            return
        self.run(
            inbox.start_conversation,
            self._actor,
            contact_id,
            self.content.toPlainText(),
            self.channel.currentData(),
            self.subject.text(),
        )

"""A warning line under a contact or conversation whose email address bounces (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from careops_desktop.core.services.inbox import (
    FailingAddress,
    failing_for_contact,
    failing_for_conversation,
)
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import set_plain

STYLE = "color: #b91c1c; font-weight: bold;"


class BounceBanner(QLabel):
    """Hidden unless the shown contact's email address bounces; then says so, plain text."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # customer-given addresses: never markup
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("bounce_banner")
        self.setStyleSheet(STYLE)
        self.ops = ops
        self._wanted: tuple[str, int] | None = None
        self.setVisible(False)

    def show_for_contact(self, contact_id: int | None) -> None:
        """Look up (off the Qt thread) whether ``contact_id``'s address bounces."""
        self._ask(("contact", contact_id) if contact_id is not None else None)

    def show_for_conversation(self, conversation_id: int | None) -> None:
        """Look up whether the address of ``conversation_id``'s contact bounces."""
        self._ask(("conversation", conversation_id) if conversation_id is not None else None)

    def _ask(self, wanted: tuple[str, int] | None) -> None:
        self._wanted = wanted
        if wanted is None:
            self.show_failure(None)
            return
        kind, ident = wanted
        fn = failing_for_contact if kind == "contact" else failing_for_conversation

        def arrived(failure: FailingAddress | None) -> None:
            if self._wanted == wanted:
                self.show_failure(failure)

        self.ops.query(fn, ident, on_done=arrived, owner=self)

    def show_failure(self, failure: FailingAddress | None) -> None:
        """Show ``failure`` in words, or hide the banner."""
        if failure is None:
            set_plain(self, "")
            self.setVisible(False)
            return
        set_plain(self, failure.text)
        self.setVisible(True)

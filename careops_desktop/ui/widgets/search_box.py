"""A search field that waits until the typing stops before it asks for results."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEFAULT_DELAY_MS = 250


class SearchBox(QLineEdit):
    """A QLineEdit with a clear button that emits ``searchChanged(text)`` once typing pauses.

    ``searchChanged`` carries the stripped text, fires ``delay_ms`` after the last
    keystroke, at once on Enter or when cleared (button or Escape), and never
    twice in a row for the same text.
    """

    searchChanged = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        placeholder: str | None = None,
        delay_ms: int = DEFAULT_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        if placeholder is None:
            placeholder = self.tr("Search…")
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setMaxLength(200)
        self.setAccessibleName(placeholder.rstrip("…"))
        self._last_emitted = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._on_changed)
        self.returnPressed.connect(self.flush)

    def term(self) -> str:
        """The current search term, stripped."""
        return self.text().strip()

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_changed(self, text: str) -> None:
        # the clear button and setText() do not send textEdited
        if not text:
            self.flush()

    def flush(self) -> None:
        """Emit the current term now (if it differs from the last one emitted)."""
        self._timer.stop()
        term = self.term()
        if term != self._last_emitted:
            self._last_emitted = term
            self.searchChanged.emit(term)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)

"""Field errors shown at the field: a red outline and the words under it, as plain text.

A dialog wraps each input with :meth:`FieldErrors.wrap` and, when the core
refuses with ``ValidationError(fields)``, calls :meth:`FieldErrors.show`::

    errors = FieldErrors(banner_parent=self)
    form.addRow("Name", errors.wrap("name", self.name_edit))
    ...
    except ValidationError as exc: errors.show(exc.fields)

Messages for keys that have no field (and ``"__all__"``) go to the banner.
Editing a field clears its error.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.ui.plain import plain_label

ERROR_COLOUR = "#dc2626"
INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 2px;"


class FieldErrors:
    """Keeps the error label of each wrapped field and the banner for the rest."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.banner = plain_label(wrap=True)
        self.banner.setObjectName("fieldErrorsBanner")
        self.banner.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.banner.hide()

    def wrap(self, key: str, widget: QWidget) -> QWidget:
        """A container holding ``widget`` and, under it, the hidden error label for ``key``."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = plain_label(wrap=True)
        label.setObjectName(f"error_{key}")
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.hide()
        layout.addWidget(label)
        self._fields[key] = (widget, label)
        self._clear_on_edit(key, widget)
        return box

    def add_alias(self, key: str, existing: str) -> None:
        """Show errors for ``key`` at the field registered as ``existing``."""
        if existing in self._fields:
            self._fields[key] = self._fields[existing]

    def _clear_on_edit(self, key: str, widget: QWidget) -> None:
        def clear(*_args: object) -> None:
            self.clear_field(key)

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(clear)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.textChanged.connect(clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(clear)
        elif isinstance(widget, QDateTimeEdit):
            widget.dateTimeChanged.connect(clear)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(clear)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(clear)

    def show(self, errors: Mapping[str, str]) -> None:
        """Mark each field named in ``errors``; the rest go to the banner. Clears old errors."""
        self.clear()
        general: list[str] = []
        first: QWidget | None = None
        for key, message in errors.items():
            entry = self._fields.get(key)
            if entry is None:
                general.append(message if key == "__all__" else f"{key}: {message}")
                continue
            widget, label = entry
            widget.setProperty("invalid", True)
            widget.setStyleSheet(INVALID_STYLE)
            label.setText(message)
            label.show()
            widget.setToolTip("")
            if first is None:
                first = widget
        if general:
            self.banner.setText("\n".join(general))
            self.banner.show()
        if first is not None:
            first.setFocus()

    def clear_field(self, key: str) -> None:
        entry = self._fields.get(key)
        if entry is None:
            return
        widget, label = entry
        if widget.property("invalid"):
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")
        label.clear()
        label.hide()

    def clear(self) -> None:
        for key in list(self._fields):
            self.clear_field(key)
        self.banner.clear()
        self.banner.hide()

    def message(self, key: str) -> str:
        """The error shown at ``key`` (blank when none); the banner's text for ``"__all__"``."""
        if key == "__all__":
            return self.banner.text()
        entry = self._fields.get(key)
        return entry[1].text() if entry else ""

    def is_invalid(self, key: str) -> bool:
        entry = self._fields.get(key)
        return bool(entry and entry[0].property("invalid"))

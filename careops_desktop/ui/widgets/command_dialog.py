"""A dialog whose OK runs one core command, showing refusals in the dialog itself.

Subclasses lay out their fields in ``self.form`` (wrapping each with
``self.errors.wrap(key, widget)``) and implement :meth:`CommandDialog.submit`,
which calls :meth:`run` with the core function. While the command runs, OK is
disabled; a ``ValidationError`` marks its fields, any other refusal shows in
the banner at the top, and the dialog stays open with what was typed. On
success ``succeeded(result)`` is emitted and the dialog closes.

Dialogs are opened with ``open()`` (window-modal, never a nested event loop). When one
closes, the keyboard focus goes back to the widget that had it when it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.ui.accessible import NamedOnShow
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.widgets.field_errors import FieldErrors


class CommandDialog(NamedOnShow, QDialog):
    """Fields, an error banner and OK/Cancel; OK calls :meth:`submit`."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ops: Ops,
        title: str,
        ok_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text if ok_text is not None else self.tr("Save"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.errors.banner)
        self.body.addLayout(self.form)
        self.body.addWidget(self.buttons)
        self._running = False
        self._return_focus = QApplication.focusWidget()  # the keyboard goes back there

    def done(self, result: int) -> None:
        """Close; the keyboard focus returns to the widget that had it before the dialog."""
        super().done(result)
        back = self._return_focus
        if back is not None and shiboken6.isValid(back) and back.isVisible():
            back.window().activateWindow()
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def running(self) -> bool:
        return self._running

    def _on_ok(self) -> None:
        if self._running:
            return
        self.errors.clear()
        self.submit()

    def submit(self) -> None:
        """Check what the dialog can check itself, then call :meth:`run`.

        Subclasses override this; a dialog without a command just closes.
        """
        self.accept()

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``fn(session, *args)`` as a command; close on success, show refusals here."""
        self._running = True
        self.ok_button.setEnabled(False)
        self.ops.command(
            fn, *args, on_done=self._done, on_error=self._refused, owner=self, **kwargs
        )

    def _done(self, result: Any) -> None:
        self._running = False
        self.ok_button.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _refused(self, exc: CareOpsError) -> None:
        self._running = False
        self.ok_button.setEnabled(True)
        if not self.handle_refusal(exc):
            if isinstance(exc, ValidationError):
                self.errors.show(exc.fields)
            else:
                self.errors.show({"__all__": str(exc)})
        self.failed.emit(exc)

    def handle_refusal(self, exc: CareOpsError) -> bool:
        """Override to show a refusal in a special way (e.g. offer other times); True if done."""
        return False

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show errors found before asking the core (nothing was sent)."""
        self.errors.show(errors)
        self.failed.emit(ValidationError(errors))

"""A settings page: fields loaded from the core, one Save that runs a core command.

Refusals are shown at the fields (``ValidationError``) or in the page's banner; "Saved."
appears beside the button after a save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.widgets.field_errors import FieldErrors

SaveJob = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class SettingsFormPage(QWidget):
    """Subclasses fill ``self.form``, implement :meth:`load` and :meth:`save_job`."""

    def __init__(self, context: SettingsContext, intro: str, save_text: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.save_button = QPushButton(save_text or self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.status = plain_label()
        self.status.setObjectName("saveStatus")
        self.setMaximumWidth(860)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(plain_label(intro, wrap=True))
        self.outer.addWidget(self.errors.banner)
        self.outer.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        self.outer.addLayout(buttons)
        self.extra = QVBoxLayout()
        self.outer.addLayout(self.extra)
        self.outer.addStretch(1)

    def load(self) -> None:
        """Ask the core for the values to show (subclasses)."""

    def save_job(self) -> SaveJob | None:
        return None

    def saved(self, result: Any) -> None:
        """The save succeeded (subclasses may show the result)."""

    def save(self) -> None:
        job = self.save_job()
        if job is None:
            return
        fn, args, kwargs = job
        self.errors.clear()
        set_plain(self.status, "")
        self.save_button.setEnabled(False)
        self.ops.command(fn, *args, on_done=self._done, on_error=self.refused, owner=self, **kwargs)

    def _done(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        set_plain(self.status, self.tr("Saved."))
        self.saved(result)

    def refused(self, exc: CareOpsError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})

"""A wizard page that saves through ``ops`` when the person presses Next (or Finish).

``QWizardPage.validatePage`` must answer at once, so a page answers "not yet", runs its
save as a command on the database worker, and on success moves the wizard on itself.
A ``ValidationError`` is shown at the fields (keys as in :mod:`.steps`); other refusals in
the page's banner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.field_errors import FieldErrors

SaveJob = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


def errors_by_row(
    fields: dict[str, str], rows: list[int], letter: str, names: tuple[str, ...]
) -> dict[str, str]:
    """Re-key a grid page's errors from the saved list to the rows shown.

    The core names entry ``i`` of the saved list ``f"{letter}{i}.{name}"``; that entry is
    the grid's row ``rows[i]``. A key without an entry number counts as entry 0, an entry
    past the saved list goes to row 0, and a field not in ``names`` to ``names[0]``.
    """
    mapped: dict[str, str] = {}
    for key, text in fields.items():
        prefix, _, name = key.partition(".")
        index = int(prefix[1:]) if prefix[1:].isdigit() else 0
        row = rows[index] if index < len(rows) else 0
        field = name if name in names else names[0]
        mapped[f"{letter}{row}.{field}"] = text
    return mapped


class StepPage(QWizardPage):
    """Subclasses build their fields into ``self.body`` and implement :meth:`save_job`."""

    def __init__(self, ops: Ops, actor: Actor, title: str, intro: str) -> None:
        super().__init__()
        self.ops = ops
        self.actor = actor
        self.setTitle(title)
        self.errors = FieldErrors()
        self._passed = False
        self._saving = False
        layout = QVBoxLayout(self)
        text = plain_label(intro, wrap=True)
        text.setObjectName("pageIntro")
        layout.addWidget(text)
        layout.addWidget(self.errors.banner)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        layout.addStretch(1)

    def save_job(self) -> SaveJob | None:
        """The command to run on Next: ``(fn, args, kwargs)``, or None if nothing to save."""
        return None

    def saved(self, result: Any) -> None:
        """Called on the Qt thread with the command's result before the wizard moves on."""

    def show_errors(self, fields: dict[str, str]) -> None:
        self.errors.show(fields)

    def validatePage(self) -> bool:
        if self._passed:
            self._passed = False
            return True
        if self._saving:
            return False
        job = self.save_job()
        if job is None:
            return True
        fn, args, kwargs = job
        self._saving = True
        self.errors.clear()
        self.ops.command(fn, *args, on_done=self._done, on_error=self._failed, owner=self, **kwargs)
        return False

    def _done(self, result: Any) -> None:
        self._saving = False
        self.saved(result)
        self._passed = True
        wizard = self.wizard()
        if wizard is None:
            return
        if self.isFinalPage() or wizard.nextId() == -1:
            wizard.accept()
        else:
            wizard.next()

    def _failed(self, exc: CareOpsError) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})

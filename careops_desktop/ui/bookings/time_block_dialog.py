"""The "Block time" dialog (lunch, a meeting, training) and the Edit / Remove of a block.

:class:`TimeBlockDialog` adds a block, or edits one (a repeating block: the whole
series); :func:`offer_block_actions` is the menu a click on blocked time opens, and
:func:`remove_with_confirmation` asks before removing (a repeating block: "only this
week" or "the whole series").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QTimeEdit,
    QWidget,
)

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import time_blocks
from careops_desktop.core.services.time_blocks import TimeBlockView
from careops_desktop.ui.bookings import block_undo
from careops_desktop.ui.bookings.undo_notice import UndoStack
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.calendar_data import TimeBlockMark
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import date_edit_format, fmt_day

EVERYONE = QT_TRANSLATE_NOOP("TimeBlockDialog", "Everyone (the whole business)")
SUGGESTED_REASONS = (  # suggestions in the window's language; what is chosen is stored as typed
    QT_TRANSLATE_NOOP("TimeBlockDialog", "Lunch"),
    QT_TRANSLATE_NOOP("TimeBlockDialog", "Meeting"),
    QT_TRANSLATE_NOOP("TimeBlockDialog", "Training"),
    QT_TRANSLATE_NOOP("TimeBlockDialog", "Break"),
    QT_TRANSLATE_NOOP("TimeBlockDialog", "Admin time"),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _qtime(moment: time) -> QTime:
    return QTime(moment.hour, moment.minute)


class TimeBlockDialog(CommandDialog):
    """Who, which day, from–to, why, and an optional weekly repeat with a last day.

    ``block``: edit that block (the whole series); else add one prefilled with
    ``provider_id``, ``start`` and ``end`` (local wall-clock). ``undo``: the tab's
    stack, where the saved change is offered for undo.
    """

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        providers: list[tuple[int, str]],
        parent: QWidget | None = None,
        *,
        provider_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        block: TimeBlockView | None = None,
        undo: UndoStack | None = None,
    ) -> None:
        if block is not None:
            title = translate("TimeBlockDialog", "Edit blocked time")
            button = translate("TimeBlockDialog", "Save")
        else:
            title = button = translate("TimeBlockDialog", "Block time")
        super().__init__(ops, title, button, parent)
        self.setObjectName("timeBlockDialog")
        self._actor = actor
        self._block = block
        if block is not None:
            provider_id = block.provider_id
            start = datetime.combine(block.day, block.start_time)
            end = start + timedelta(minutes=block.minutes)
        start = start or datetime.combine(date.today(), time(12))
        end = end or start + timedelta(hours=1)
        self.provider = QComboBox()
        self.provider.setAccessibleName(self.tr("Provider"))
        for pid, name in providers:
            self.provider.addItem(name, pid)
        self.provider.addItem(self.tr(EVERYONE), None)
        self.provider.setCurrentIndex(max(0, self.provider.findData(provider_id)))
        self.day = QDateEdit(_qdate(start.date()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_edit_format())
        self.day.setAccessibleName(self.tr("Day"))
        self.start = QTimeEdit(_qtime(start.time()))
        self.end = QTimeEdit(_qtime(end.time()))
        for edit, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(name)
        times = QWidget()
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(self.end)
        row.addStretch(1)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([self.tr(reason) for reason in SUGGESTED_REASONS])
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMinimumContentsLength(28)
        line = self.reason.lineEdit()
        if line is not None:
            line.setMaxLength(time_blocks.REASON_MAX)
        self.reason.setCurrentText(block.reason if block is not None else self.tr("Lunch"))
        self.repeat = QCheckBox(self.tr("Repeat every week"))
        self.has_end = QCheckBox(self.tr("Until"))
        self.until = QDateEdit(_qdate(start.date() + timedelta(weeks=12)))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_edit_format())
        self.until.setAccessibleName(self.tr("Last week"))
        repeat_box = QWidget()
        repeat_row = QHBoxLayout(repeat_box)
        repeat_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.repeat, self.has_end, self.until):
            repeat_row.addWidget(widget)
        repeat_row.addStretch(1)
        if block is not None:
            self.repeat.setChecked(block.repeats_weekly)
            self.has_end.setChecked(block.repeat_until is not None)
            if block.repeat_until is not None:
                self.until.setDate(_qdate(block.repeat_until))
        self.form.addRow(self.tr("With"), self.errors.wrap("provider_id", self.provider))
        self.form.addRow(self.tr("Day"), self.errors.wrap("start", self.day))
        self.form.addRow(self.tr("From – to"), self.errors.wrap("end", times))
        self.form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.form.addRow(self.tr("Repeat"), self.errors.wrap("repeat_until", repeat_box))
        if block is not None and block.repeats_weekly:
            self.form.addRow(
                "", plain_label(self.tr("Changes apply to every week of this series."), wrap=True)
            )
        self.repeat.toggled.connect(self._repeat_changed)
        self.has_end.toggled.connect(self._repeat_changed)
        self._repeat_changed()
        self.reason.setFocus()
        if undo is not None:
            self.succeeded.connect(lambda saved: self._offer_undo(undo, saved))

    def _offer_undo(self, stack: UndoStack, saved: TimeBlockView) -> None:
        owner = self.parent()
        if self._block is None:
            block_undo.offer_added(stack, self.ops, self._actor, saved, owner)
        else:
            block_undo.offer_edited(stack, self.ops, self._actor, self._block, saved, owner)

    def _repeat_changed(self, *_args: object) -> None:
        self.has_end.setEnabled(self.repeat.isChecked())
        self.until.setEnabled(self.repeat.isChecked() and self.has_end.isChecked())

    def values(self) -> dict[str, object]:
        """What the core is asked to store (local wall-clock times)."""
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        start = datetime.combine(day, time(self.start.time().hour(), self.start.time().minute()))
        end = datetime.combine(day, time(self.end.time().hour(), self.end.time().minute()))
        if self.end.time() == QTime(0, 0) and self.start.time() != QTime(0, 0):
            end += timedelta(days=1)  # "to 00:00": until midnight
        repeats = self.repeat.isChecked()
        return {
            "provider_id": self.provider.currentData(),
            "start": start,
            "end": end,
            "reason": self.reason.currentText(),
            "repeats_weekly": repeats,
            "repeat_until": (
                self.until.date().toPython() if repeats and self.has_end.isChecked() else None
            ),
        }

    def submit(self) -> None:
        if self._block is None:
            self.run(time_blocks.add_block, self._actor, **self.values())
        else:
            self.run(time_blocks.update_block, self._actor, self._block.id, **self.values())


def remove_with_confirmation(
    parent: QWidget, ops: Ops, actor: Actor, mark: TimeBlockMark, undo: UndoStack | None = None
) -> QMessageBox:
    """Ask, then remove the block (a repeating one: only this week, or the whole series);
    the removal is offered on ``undo`` (the same ``only_day`` restores it)."""
    box = QMessageBox(parent)
    box.setObjectName("removeBlockConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("TimeBlockDialog", "Remove blocked time"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    when = fmt_day(mark.day)
    if mark.repeats:
        box.setText(
            translate(
                "TimeBlockDialog", "Remove “{reason}” on {day} only, or every week of the series?"
            ).format(reason=mark.label, day=when)
        )
        only = box.addButton(
            translate("TimeBlockDialog", "Only this week"), QMessageBox.ButtonRole.AcceptRole
        )
        series = box.addButton(
            translate("TimeBlockDialog", "The whole series"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
    else:
        box.setText(
            translate(
                "TimeBlockDialog", "Remove “{reason}” on {day}? The time becomes bookable again."
            ).format(reason=mark.label, day=when)
        )
        only = None
        series = box.addButton(
            translate("TimeBlockDialog", "Remove"), QMessageBox.ButtonRole.DestructiveRole
        )
    box.addButton(translate("TimeBlockDialog", "Keep it"), QMessageBox.ButtonRole.RejectRole)

    def removed(only_day: date | None) -> Callable[[TimeBlockView], None] | None:
        if undo is None:
            return None
        return lambda gone: block_undo.offer_removed(undo, ops, actor, gone, only_day, parent)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        if only is not None and clicked is only:
            ops.command(
                time_blocks.remove_block,
                actor,
                mark.block_id,
                only_day=mark.day,
                on_done=removed(mark.day),
                owner=parent,
            )
        elif clicked is series:
            ops.command(
                time_blocks.remove_block,
                actor,
                mark.block_id,
                on_done=removed(None),
                owner=parent,
            )

    box.finished.connect(finished)
    box.open()
    return box


def offer_block_actions(
    parent: QWidget,
    ops: Ops,
    actor: Actor,
    providers: list[tuple[int, str]],
    mark: TimeBlockMark,
    where: QPoint,
    undo: UndoStack | None = None,
) -> QMenu:
    """The Edit / Remove menu for a click on blocked time, at ``where`` (global)."""
    menu = QMenu(parent)
    menu.setObjectName("timeBlockMenu")
    edit = menu.addAction(translate("TimeBlockDialog", "Edit blocked time…"))
    remove = menu.addAction(translate("TimeBlockDialog", "Remove blocked time…"))

    def open_editor(block: TimeBlockView) -> None:
        TimeBlockDialog(ops, actor, providers, parent, block=block, undo=undo).open()

    edit.triggered.connect(
        lambda: ops.query(time_blocks.get_block, mark.block_id, on_done=open_editor, owner=parent)
    )
    remove.triggered.connect(lambda: remove_with_confirmation(parent, ops, actor, mark, undo))
    menu.popup(where)
    return menu

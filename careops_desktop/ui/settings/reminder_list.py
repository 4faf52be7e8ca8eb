"""Settings → Automations → "Reminders by booking type": each type's list of reminders.

Pick a booking type; its reminders are rows (email or text message, hours before the
visit) that can be added, changed and removed (at most ``answers.MAX_RULES``), with
"Book your next visit after N days" for the type. The preview below shows, live, the
reminder the selected row sends — the business's reminder template filled with sample
values, exactly as the customer will read it (a text has no subject; its length is
counted). "Save reminders" stores the list through ``answers.set_type_reminders``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, ValidationError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import answers, templates
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.field_errors import FieldErrors

CHANNEL_NAMES = (
    ("email", QT_TRANSLATE_NOOP("ReminderListEditor", "Email")),
    ("sms", QT_TRANSLATE_NOOP("ReminderListEditor", "Text message (SMS)")),
)
SMS_SEGMENT = 160
SMS_PART = 153  # each part of a longer text


@dataclass
class RuleRow:
    """One reminder's widgets."""

    box: QWidget
    channel: QComboBox
    hours: QSpinBox
    remove: QPushButton


def sms_length_words(text: str) -> str:
    """ "120 characters: 1 text message"; a longer text goes in parts of 153 characters."""
    parts = 1 if len(text) <= SMS_SEGMENT else -(-len(text) // SMS_PART)
    if parts == 1:
        words = translate("ReminderListEditor", "{length} characters: 1 text message")
    else:
        words = translate("ReminderListEditor", "{length} characters: {parts} text messages")
    return words.format(length=len(text), parts=parts)


class ReminderListEditor(QWidget):
    """The reminder lists of every booking type, one type at a time (see the module doc)."""

    def __init__(self, ops: Ops, actor: Actor, sample: Callable[[], Mapping[str, object]]) -> None:
        super().__init__()
        self.ops, self.actor, self.sample = ops, actor, sample
        self.types: list[answers.TypeReminders] = []
        self.rows: list[RuleRow] = []
        self.selected = 0
        self.template: templates.Template | None = None
        self.errors = FieldErrors()
        self.type_choice = QComboBox()
        self.type_choice.setObjectName("reminderType")
        self.type_choice.setAccessibleName(self.tr("Booking type"))
        self.type_choice.currentIndexChanged.connect(self._show_type)
        self.standard_note = plain_label(wrap=True)
        self.standard_note.setObjectName("reminderStandardNote")
        self.standard_note.setVisible(False)
        self.rows_box = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add reminder"))
        self.add_button.setObjectName("addReminder")
        self.add_button.clicked.connect(lambda: self.add_row("sms", 2))
        self.rebook_days = QSpinBox()
        self.rebook_days.setObjectName("rebookDays")
        self.rebook_days.setRange(*answers.REBOOK_DAYS_RANGE)
        self.rebook_days.setSuffix(self.tr(" days after a completed visit"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("reminderPreview")
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(150)
        self.save_button = QPushButton(self.tr("Save reminders"))
        self.save_button.setObjectName("saveReminders")
        self.save_button.clicked.connect(self.save)
        self.state = plain_label()
        self.state.setObjectName("reminderState")
        form = QFormLayout()
        form.addRow(self.tr("Booking type"), self.type_choice)
        form.addRow("", self.standard_note)
        rules = QVBoxLayout()
        rules.addLayout(self.rows_box)
        rules.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        holder = QWidget()
        holder.setLayout(rules)
        form.addRow(self.tr("Reminders"), self.errors.wrap("rules", holder))
        form.addRow(
            self.tr('"Book your next visit"'),
            self.errors.wrap("rebook_after_days", self.rebook_days),
        )
        form.addRow(self.tr("Preview"), self.preview)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        self.ops.query(answers.list_type_reminders, on_done=self._loaded, owner=self)
        self.ops.query(templates.get_template, "reminder", on_done=self._template, owner=self)

    def _template(self, template: templates.Template) -> None:
        self.template = template
        self.update_preview()

    def _loaded(self, types: list[answers.TypeReminders]) -> None:
        keep = self.type_choice.currentData()
        self.types = types
        self.type_choice.blockSignals(True)
        self.type_choice.clear()
        for entry in types:
            name = (
                entry.name
                if entry.is_active
                else self.tr("{name} (inactive)").format(name=entry.name)
            )
            self.type_choice.addItem(name, entry.booking_type_id)
        found = self.type_choice.findData(keep) if keep is not None else -1
        self.type_choice.setCurrentIndex(max(0, found))
        self.type_choice.blockSignals(False)
        has_types = bool(types)
        for widget in (self.add_button, self.save_button, self.rebook_days):
            widget.setEnabled(has_types)
        if not has_types:
            set_plain(
                self.standard_note,
                self.tr("Add a booking type first (Settings → Booking types)."),
            )
            self.standard_note.setVisible(True)
        self._show_type()

    def current(self) -> answers.TypeReminders | None:
        type_id = self.type_choice.currentData()
        return next((t for t in self.types if t.booking_type_id == type_id), None)

    def _show_type(self) -> None:
        self.errors.clear()
        set_plain(self.state, "")
        for row in list(self.rows):
            self._drop(row)
        entry = self.current()
        if entry is None:
            self.update_preview()
            return
        self.standard_note.setVisible(not entry.own)
        if entry.own:
            set_plain(self.standard_note, "")
        else:
            hours = entry.rules[0].hours_before if entry.rules else 24
            set_plain(
                self.standard_note,
                self.tr(
                    "This type has the standard reminder: one, %n hours before, by email "
                    "(by text when there is no email address). Save to give it a list of its own.",
                    "",
                    hours,
                ),
            )
        for rule in entry.rules:
            self.add_row(rule.channel or "email", rule.hours_before)
        self.rebook_days.setValue(entry.rebook_after_days)
        self.selected = 0
        self.update_preview()

    # -- rows ---------------------------------------------------------------------------

    def add_row(self, channel: str, hours: int) -> None:
        """Add one reminder row (the Add button: a text 2 hours before)."""
        if len(self.rows) >= answers.MAX_RULES:
            self.errors.show(
                {
                    "rules": self.tr(
                        "A booking type can have at most %n reminders.", "", answers.MAX_RULES
                    )
                }
            )
            return
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        channel_box = QComboBox()
        channel_box.setAccessibleName(self.tr("Reminder channel"))
        for key, name in CHANNEL_NAMES:
            channel_box.addItem(self.tr(name), key)
        channel_box.setCurrentIndex(max(0, channel_box.findData(channel)))
        hours_box = QSpinBox()
        hours_box.setAccessibleName(self.tr("Hours before the visit"))
        hours_box.setRange(*answers.HOURS_RANGE)
        hours_box.setSuffix(self.tr(" hours before"))
        hours_box.setValue(hours)
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove this reminder"))
        line.addWidget(channel_box, 2)
        line.addWidget(hours_box, 1)
        line.addWidget(remove)
        row = RuleRow(box, channel_box, hours_box, remove)
        self.rows.append(row)
        self.rows_box.addWidget(box)
        channel_box.currentIndexChanged.connect(lambda *_: self._select(row))
        hours_box.valueChanged.connect(lambda *_: self._select(row))
        remove.clicked.connect(lambda: self._remove(row))
        self.add_button.setEnabled(len(self.rows) < answers.MAX_RULES)
        self._select(row)

    def _select(self, row: RuleRow) -> None:
        if row in self.rows:
            self.selected = self.rows.index(row)
        set_plain(self.state, "")
        self.update_preview()

    def _drop(self, row: RuleRow) -> None:
        self.rows.remove(row)
        self.rows_box.removeWidget(row.box)
        row.box.hide()
        row.box.deleteLater()

    def _remove(self, row: RuleRow) -> None:
        self._drop(row)
        self.add_button.setEnabled(True)
        self.selected = min(self.selected, max(0, len(self.rows) - 1))
        self.update_preview()

    def rules(self) -> list[tuple[str, int]]:
        """The rows as (channel, hours), as they will be saved."""
        return [(str(r.channel.currentData()), r.hours.value()) for r in self.rows]

    # -- preview and save -----------------------------------------------------------------

    def update_preview(self) -> None:
        """The selected reminder as the customer will read it (sample values, plain text)."""
        rules = self.rules()
        if not rules:
            self.preview.setPlainText(self.tr("No reminders are sent for this booking type."))
            return
        if self.template is None:
            return
        channel, hours = rules[min(self.selected, len(rules) - 1)]
        values = dict(self.sample())
        subject = templates.fill(self.template.subject, values, one_line=True)
        body = templates.fill(self.template.body, values)
        if channel == "sms":
            head = self.tr("By text message, %n hours before the visit ({length}):", "", hours)
            head = head.format(length=sms_length_words(body))
            self.preview.setPlainText(f"{head}\n\n{body}")
        else:
            head = self.tr("By email, %n hours before the visit:", "", hours)
            subject_line = self.tr("Subject: {subject}").format(subject=subject)
            self.preview.setPlainText(f"{head}\n\n{subject_line}\n\n{body}")

    def save(self) -> None:
        entry = self.current()
        if entry is None:
            return
        self.errors.clear()
        set_plain(self.state, "")
        self.save_button.setEnabled(False)
        self.ops.command(
            answers.set_type_reminders,
            self.actor,
            entry.booking_type_id,
            self.rules(),
            self.rebook_days.value(),
            on_done=self._saved,
            on_error=self._refused,
            owner=self,
        )

    def _saved(self, saved: answers.TypeReminders) -> None:
        self.save_button.setEnabled(True)
        self.types = [
            saved if t.booking_type_id == saved.booking_type_id else t for t in self.types
        ]
        self._show_type()
        set_plain(self.state, self.tr("Saved."))

    def _refused(self, exc: CareOpsError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.fields)
        else:
            self.errors.show({"__all__": str(exc)})

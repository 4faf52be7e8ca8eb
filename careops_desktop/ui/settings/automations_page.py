"""Settings → Automations: which messages go out by themselves, and their editable text.

The switches and the reminder lead time save through ``templates.set_automations``. The
template editor edits one language's text at a time (the business's language first; each
contact reads their own) and shows a live preview filled with sample values (plain text,
exactly as the customer will read it, dates in that language) and what it costs as an SMS;
saving checks the placeholders in the core.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import CareOpsError, NotFound, ValidationError
from careops_desktop.core.i18n import NATIVE_NAMES, SHIPPED, use_language
from careops_desktop.core.services import templates
from careops_desktop.core.services.bookings import booking_time_text
from careops_desktop.core.services.business import get_business
from careops_desktop.integrations.sms_segments import MAX_SEGMENTS, sms_size
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext
from careops_desktop.ui.settings.reminder_list import ReminderListEditor
from careops_desktop.ui.widgets.field_errors import FieldErrors
from careops_desktop.ui.widgets.wrapping_check import wrapping_check

SWITCH_LABELS = (
    ("welcome", QT_TRANSLATE_NOOP("AutomationsPage", "Welcome message to a new customer")),
    (
        "confirmation",
        QT_TRANSLATE_NOOP("AutomationsPage", "Booking confirmation (with calendar invitation)"),
    ),
    ("reminder", QT_TRANSLATE_NOOP("AutomationsPage", "Reminder before each booking")),
    (
        "form_reminder",
        QT_TRANSLATE_NOOP("AutomationsPage", "Reminder to fill in a form before it is due"),
    ),
    ("low_stock", QT_TRANSLATE_NOOP("AutomationsPage", "Low-stock alert to owners and managers")),
    (
        "reply_answers",
        QT_TRANSLATE_NOOP(
            "AutomationsPage",
            "Act on replies to reminders: C or YES confirms the visit, X or NO cancels it",
        ),
    ),
    (
        "followup_no_show",
        QT_TRANSLATE_NOOP(
            "AutomationsPage", "After a no-show: “We missed you” with the booking page link"
        ),
    ),
    (
        "followup_rebook",
        QT_TRANSLATE_NOOP(
            "AutomationsPage",
            "After a completed visit: “Book your next visit” (days per type below)",
        ),
    ),
)
TEMPLATE_NAMES = {
    "welcome": QT_TRANSLATE_NOOP("AutomationsPage", "Welcome"),
    "confirmation": QT_TRANSLATE_NOOP("AutomationsPage", "Booking confirmation"),
    "reminder": QT_TRANSLATE_NOOP("AutomationsPage", "Booking reminder"),
    "form_link": QT_TRANSLATE_NOOP("AutomationsPage", "Form link"),
    "form_reminder": QT_TRANSLATE_NOOP("AutomationsPage", "Form reminder"),
    "low_stock": QT_TRANSLATE_NOOP("AutomationsPage", "Low-stock alert"),
    "cancellation": QT_TRANSLATE_NOOP("AutomationsPage", "Booking cancelled"),
    "reschedule": QT_TRANSLATE_NOOP("AutomationsPage", "Booking moved"),
    "reply_confirmed": QT_TRANSLATE_NOOP("AutomationsPage", "Answer to a reply that confirms"),
    "reply_cancelled": QT_TRANSLATE_NOOP("AutomationsPage", "Answer to a reply that cancels"),
    "reply_call_us": QT_TRANSLATE_NOOP(
        "AutomationsPage", "Answer to a reply that cancels too late"
    ),
    "followup_no_show": QT_TRANSLATE_NOOP("AutomationsPage", "Follow-up after a no-show"),
    "followup_rebook": QT_TRANSLATE_NOOP("AutomationsPage", "Follow-up: book your next visit"),
    "series_confirmation": QT_TRANSLATE_NOOP("AutomationsPage", "Series booked"),
    "series_changes": QT_TRANSLATE_NOOP("AutomationsPage", "Series changed"),
    "waitlist_offer": QT_TRANSLATE_NOOP("AutomationsPage", "Waitlist: a time has freed up"),
}
SAMPLE_START = datetime(2026, 5, 7, 9, 0, tzinfo=UTC)
SAMPLE_ZONE = ZoneInfo("Europe/London")
SAMPLE_TOKEN = "3f9cQx7-vB2_kLm9PzR4tY8wN1cF6hJ3sD5gA0eU-iO"  # as long as a real one: SMS cost
SAMPLE: dict[str, object] = {  # dates are written in the reader's language when filled
    "contact_name": "Ada Lovelace",
    "booking_time": templates.Localized(booking_time_text, SAMPLE_START, SAMPLE_ZONE),
    "business_name": "Your business",
    "manage_link": "http://192.168.1.20:8765/manage/" + SAMPLE_TOKEN,
    "form_link": "http://192.168.1.20:8765/forms/" + SAMPLE_TOKEN,
    "booking_type": "Initial assessment",
    "provider_name": "Dr Grace Hopper",
    "item_name": "Examination gloves",
    "quantity": "3 boxes",
    "booking_link": "http://192.168.1.20:8765",
    "claim_link": "http://192.168.1.20:8765/waitlist/claim/" + SAMPLE_TOKEN,
    "offer_until": templates.Localized(
        booking_time_text, SAMPLE_START.replace(hour=11), SAMPLE_ZONE
    ),
    "rebook_link": "http://192.168.1.20:8765/book/initial-assessment",
    "business_phone": "0117 496 0000",
}


@read_only
def business_name(session: Session) -> str:
    """The business's name for the preview (a sample before setup)."""
    try:
        return get_business(session).name
    except NotFound:
        return translate("AutomationsPage", "Your business")


class AutomationsPage(SettingsFormPage):
    """Switches and reminder hours (top, with Save), the template editor below."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            translate(
                "AutomationsPage", "Messages CareOps sends by itself. Each can be switched off."
            ),
        )
        self.switches: dict[str, QCheckBox] = {}
        for key, label in SWITCH_LABELS:
            row, box = wrapping_check(translate("AutomationsPage", str(label)))
            box.setObjectName(f"switch_{key}")
            self.switches[key] = box
            self.form.addRow("", self.errors.wrap(key, row))
        self.reminder_hours = QSpinBox()
        self.reminder_hours.setObjectName("reminderHours")
        self.reminder_hours.setRange(*templates.REMINDER_HOURS_RANGE)
        self.reminder_hours.setSuffix(self.tr(" hours before"))
        self.form.addRow(
            self.tr("Standard reminder"), self.errors.wrap("reminder_hours", self.reminder_hours)
        )
        self.retry_hours = QSpinBox()
        self.retry_hours.setObjectName("retryHours")
        self.retry_hours.setRange(*templates.RETRY_HOURS_RANGE)
        self.retry_hours.setSuffix(self.tr(" hours"))
        self.retry_hours.setToolTip(
            self.tr(
                "A message the mail or SMS service cannot take is tried again after 1 minute, "
                "then 2, 4, 8 … up to every 6 hours, for this long; then it is marked failed "
                "and can be retried from the Dashboard."
            )
        )
        self.form.addRow(
            self.tr("Keep trying to send for"), self.errors.wrap("retry_hours", self.retry_hours)
        )
        self.sample = dict(SAMPLE)
        self.sample["business_name"] = self.tr("Your business")
        self.sample["booking_type"] = self.tr("Initial assessment")
        self.sample["item_name"] = self.tr("Examination gloves")
        self.sample["quantity"] = self.tr("3 boxes")
        self._build_reminder_list()
        self._build_editor()
        self.load()

    def _build_reminder_list(self) -> None:
        """Each booking type's reminders, with a live preview (issue 19)."""
        self.reminder_list = ReminderListEditor(self.ops, self.actor, lambda: self.sample)
        self.reminder_list.setObjectName("reminderList")
        title = plain_label(self.tr("Reminders by booking type"))
        title.setObjectName("sectionTitle")
        self.extra.addSpacing(12)
        self.extra.addWidget(title)
        self.extra.addWidget(self.reminder_list)

    def _build_editor(self) -> None:
        self.template_errors = FieldErrors()
        self.template_choice = QComboBox()
        self.template_choice.setObjectName("templateChoice")
        for key in templates.TEMPLATE_KEYS:
            name = TEMPLATE_NAMES.get(key)
            self.template_choice.addItem(
                translate("AutomationsPage", str(name)) if name else key, key
            )
        self.template_choice.currentIndexChanged.connect(self._load_template)
        self.template_language = QComboBox()
        self.template_language.setObjectName("templateLanguage")
        self.template_language.setToolTip(
            self.tr(
                "Each customer gets messages in their own language (set on the contact), "
                "else in the business's language. Edit each language's text here."
            )
        )
        for language in SHIPPED:  # each language in its own name
            self.template_language.addItem(NATIVE_NAMES[language], language)
        self.template_language.currentIndexChanged.connect(self._load_template)
        self.subject = QLineEdit()
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        self.body.setTabChangesFocus(True)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("templatePreview")
        self.preview.setReadOnly(True)
        self.subject.textChanged.connect(self.update_preview)
        self.body.textChanged.connect(self.update_preview)
        self.template_state = plain_label()
        self.template_state.setObjectName("templateState")
        self.sms_cost = plain_label(wrap=True)
        self.sms_cost.setObjectName("templateSmsCost")
        self.save_template_button = QPushButton(self.tr("Save template"))
        self.save_template_button.setObjectName("saveTemplate")
        self.save_template_button.clicked.connect(self.save_template)
        self.reset_button = QPushButton(self.tr("Back to the standard text"))
        self.reset_button.setObjectName("resetTemplate")
        self.reset_button.clicked.connect(self.reset_template)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template_choice)
        form.addRow(self.tr("Language"), self.template_language)
        form.addRow(self.tr("Subject"), self.template_errors.wrap("subject", self.subject))
        form.addRow(self.tr("Text"), self.template_errors.wrap("body", self.body))
        form.addRow(self.tr("Preview"), self.preview)
        form.addRow("", self.sms_cost)
        placeholders = ", ".join("{" + p + "}" for p in sorted(templates.PLACEHOLDERS))
        form.addRow(
            "",
            plain_label(self.tr("Placeholders: {names}").format(names=placeholders), wrap=True),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_template_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.template_state, 1)
        title = plain_label(self.tr("Message templates"))
        title.setObjectName("sectionTitle")
        self.extra.addSpacing(12)
        self.extra.addWidget(title)
        self.extra.addWidget(self.template_errors.banner)
        self.extra.addLayout(form)
        self.extra.addLayout(buttons)

    # -- switches -----------------------------------------------------------------------

    def load(self) -> None:
        self.ops.query(
            templates.get_automations, on_done=self._show, on_error=self.refused, owner=self
        )
        self.ops.query(business_name, on_done=self._show_name, owner=self)
        self.ops.query(templates.business_language, on_done=self._show_language, owner=self)
        self.reminder_list.load()
        self._load_template()

    def _show_language(self, language: str) -> None:
        """Start on the business's language (the one most customers read)."""
        index = self.template_language.findData(language)
        if index >= 0:
            self.template_language.setCurrentIndex(index)  # loads that language's text

    def _show_name(self, name: str) -> None:
        self.sample["business_name"] = name
        self.update_preview()
        self.reminder_list.update_preview()

    def _show(self, automations: templates.Automations) -> None:
        for key, box in self.switches.items():
            box.setChecked(bool(getattr(automations, key)))
        self.reminder_hours.setValue(automations.reminder_hours)
        self.retry_hours.setValue(automations.retry_hours)

    def save_job(self) -> SaveJob | None:
        values: dict[str, Any] = {key: box.isChecked() for key, box in self.switches.items()}
        values["reminder_hours"] = self.reminder_hours.value()
        values["retry_hours"] = self.retry_hours.value()
        return (templates.set_automations, (self.actor,), values)

    # -- templates ----------------------------------------------------------------------

    def _key(self) -> str:
        return str(self.template_choice.currentData())

    def _language(self) -> str:
        return str(self.template_language.currentData())

    def _load_template(self) -> None:
        self.template_errors.clear()
        set_plain(self.template_state, "")
        self.ops.query(
            templates.get_template,
            self._key(),
            self._language(),
            on_done=self._show_template,
            on_error=self._template_refused,
            owner=self,
        )

    def _show_template(self, template: templates.Template) -> None:
        if template.key != self._key() or template.language != self._language():
            return  # the person chose another template or language meanwhile
        self.subject.setText(template.subject)
        self.body.setPlainText(template.body)
        set_plain(
            self.template_state,
            self.tr("Standard text.") if template.is_default else self.tr("Your text."),
        )

    def update_preview(self) -> None:
        """Fill the typed template with sample values, as the customer would read it (dates
        in the template's language), and say what it costs sent as an SMS."""
        with use_language(self._language()):
            subject = templates.fill(self.subject.text(), self.sample, one_line=True)
            body = templates.fill(self.body.toPlainText(), self.sample)
        self.preview.setPlainText(
            self.tr("Subject: {subject}").format(subject=subject) + "\n\n" + body
        )
        size = sms_size(body)
        text = self.tr(
            "As a text message: %n segment(s) ({encoding}, {count} characters).", "", size.segments
        ).format(encoding=size.encoding, count=len(body))
        if size.segments > MAX_SEGMENTS:
            text += " " + self.tr(
                "Long text messages cost more and may arrive split; consider a shorter text."
            )
        set_plain(self.sms_cost, text)

    def save_template(self) -> None:
        self.template_errors.clear()
        self.ops.command(
            templates.set_template,
            self.actor,
            self._key(),
            self.subject.text(),
            self.body.toPlainText(),
            self._language(),
            on_done=self._template_saved,
            on_error=self._template_refused,
            owner=self,
        )

    def reset_template(self) -> None:
        self.template_errors.clear()
        self.ops.command(
            templates.reset_template,
            self.actor,
            self._key(),
            self._language(),
            on_done=self._template_saved,
            on_error=self._template_refused,
            owner=self,
        )

    def _template_saved(self, template: templates.Template) -> None:
        self._show_template(template)
        set_plain(self.template_state, self.tr("Saved."))

    def _template_refused(self, exc: CareOpsError) -> None:
        if isinstance(exc, ValidationError):
            self.template_errors.show(exc.fields)
        else:
            self.template_errors.show({"__all__": str(exc)})

"""The "Repeat…" dialog of New booking: a weekly series, checked date by date before saving.

Every N weeks on the ticked weekdays, for a number of visits or up to a last
date. The dates are checked on the database worker (``bookings.plan_series``,
the same rules as one desk booking); each clashing date says why and offers a
combo with the nearest free times and "Skip", and Save stays refused until the
desk has chosen for every clash. Save books them all in one transaction
(``bookings.book_series``); if a date was taken meanwhile nothing is booked,
the banner names the date and the list is checked again.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.bookings import (
    PlannedVisit,
    RepeatRule,
    SeriesPlan,
    SeriesRefused,
    VisitChoice,
)
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.widgets.command_dialog import CommandDialog
from careops_desktop.ui.widgets.local_time import date_edit_format, fmt_datetime, to_local

CHOOSE = QT_TRANSLATE_NOOP("RepeatDialog", "Choose a time or Skip…")
SKIP = QT_TRANSLATE_NOOP("RepeatDialog", "Skip this date")
AS_PLANNED = QT_TRANSLATE_NOOP("RepeatDialog", "Book as planned")
MARKS = {"ok": "✓", "busy": "!", "blocked": "✗"}


def _as_date(value: object) -> date:
    assert isinstance(value, date)
    return value


class RepeatDialog(CommandDialog):
    """Repeat the booking being made; ``succeeded`` gets the :class:`SeriesReceipt`."""

    def __init__(
        self,
        ops: Ops,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        contact_id: int,
        booking_type_id: int,
        provider_id: int | None,
        start_utc: datetime,
        zone: ZoneInfo,
        notes: str = "",
    ) -> None:
        super().__init__(
            ops,
            translate("RepeatDialog", "Repeat booking"),
            translate("RepeatDialog", "Book all"),
            parent,
        )
        self.setObjectName("repeatDialog")
        self._actor = actor
        self._contact_id = contact_id
        self._type_id = booking_type_id
        self._provider_id = provider_id
        self._notes = notes
        self.zone = zone
        local = to_local(start_utc, zone)
        self._first_day: date = local.date()
        self._time: time = local.time().replace(tzinfo=None, second=0, microsecond=0)
        self.plan: SeriesPlan | None = None
        self.combos: dict[date, QComboBox] = {}
        self.body.insertWidget(
            1,
            plain_label(
                self.tr(
                    "First visit {when}. Choose how it repeats; "
                    "every date is checked before anything is booked."
                ).format(when=fmt_datetime(start_utc, zone)),
                wrap=True,
            ),
        )
        self.every = QSpinBox()
        self.every.setRange(1, 52)
        self.every.setSuffix(self.tr(" week(s)"))
        self.every.setAccessibleName(self.tr("Repeat every"))
        self.form.addRow(self.tr("Every"), self.errors.wrap("every_weeks", self.every))
        days = QWidget()
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.weekdays: list[QCheckBox] = []
        for index in range(7):  # Monday first, as the core counts weekdays
            box = QCheckBox(QLocale().dayName(index + 1, QLocale.FormatType.ShortFormat))
            box.setChecked(index == self._first_day.weekday())
            row.addWidget(box)
            self.weekdays.append(box)
        self.form.addRow(self.tr("On", "weekdays"), self.errors.wrap("weekdays", days))
        ends = QWidget()
        ends_row = QHBoxLayout(ends)
        ends_row.setContentsMargins(0, 0, 0, 0)
        self.by_count = QRadioButton(self.tr("After"))
        self.by_count.setChecked(True)
        self.count = QSpinBox()
        self.count.setRange(1, 104)
        self.count.setValue(6)
        self.count.setSuffix(self.tr(" visits"))
        self.by_date = QRadioButton(self.tr("On", "the last date"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_edit_format())
        last = QDate(self._first_day.year, self._first_day.month, self._first_day.day)
        self.until.setDate(last.addDays(7 * 8))
        for widget in (self.by_count, self.count, self.by_date, self.until):
            ends_row.addWidget(widget)
        ends_row.addStretch(1)
        self.form.addRow(self.tr("Ends"), self.errors.wrap("count", ends))
        self.errors.add_alias("until", "count")
        self.check = QPushButton(self.tr("Check dates"))
        self.check.setObjectName("checkDates")
        self.check.setShortcut("Ctrl+R")
        self.check.setToolTip(self.tr("Check every date again (Ctrl+R)"))
        self.check.clicked.connect(self.check_dates)
        self.summary = plain_label(wrap=True)
        check_row = QWidget()
        check_line = QHBoxLayout(check_row)
        check_line.setContentsMargins(0, 0, 0, 0)
        check_line.addWidget(self.check)
        check_line.addWidget(self.summary, 1)
        self.form.addRow(check_row)
        self.list_box = QWidget()
        self.grid = QGridLayout(self.list_box)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list_box)
        scroll.setMinimumHeight(260)
        self.body.insertWidget(self.body.count() - 1, scroll)
        for signal in (
            self.every.valueChanged,
            self.count.valueChanged,
            self.until.dateChanged,
            self.by_count.toggled,
        ):
            signal.connect(self._stale)
        for box in self.weekdays:
            box.toggled.connect(self._stale)
        self.resize(760, 640)
        self.check_dates()

    def rule(self) -> RepeatRule:
        """The rule as the fields say it now."""
        by_count = self.by_count.isChecked()
        return RepeatRule(
            first_day=self._first_day,
            local_time=self._time,
            weekdays=tuple(i for i, box in enumerate(self.weekdays) if box.isChecked()),
            every_weeks=self.every.value(),
            count=self.count.value() if by_count else None,
            until=None if by_count else _as_date(self.until.date().toPython()),
        )

    def _stale(self, *_args: object) -> None:
        self.plan = None
        self.ok_button.setEnabled(False)
        set_plain(self.summary, self.tr("The rule changed: press Check dates (Ctrl+R)."))

    def check_dates(self) -> None:
        """Ask the database worker for the plan of the rule as it is now."""
        self.errors.clear()
        self.ok_button.setEnabled(False)
        set_plain(self.summary, self.tr("Checking every date…"))
        self.ops.query(
            bookings.plan_series,
            booking_type_id=self._type_id,
            provider_id=self._provider_id,
            rule=self.rule(),
            on_done=self._show_plan,
            on_error=self._plan_failed,
            owner=self,
        )

    def _plan_failed(self, exc: CareOpsError) -> None:
        set_plain(self.summary, self.tr("The dates could not be checked."))
        self._refused(exc)

    def _clear_list(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()

    def _show_plan(self, plan: SeriesPlan) -> None:
        if plan.rule_text != bookings.rule_text(self.rule()):
            return  # the rule changed while this plan was made: a newer check follows
        self._clear_list()
        self.plan = plan
        for row, visit in enumerate(plan.visits):
            mark = plain_label(MARKS.get(visit.kind, "✗"))
            mark.setObjectName("visitOk" if visit.kind == "ok" else "visitClash")
            mark.setStyleSheet("color: #1b7f3b;" if visit.kind == "ok" else "color: #b3261e;")
            when = fmt_datetime(visit.start, self.zone) if visit.start else visit.label
            self.grid.addWidget(mark, row, 0)
            when_label = plain_label(when)
            when_label.setToolTip(visit.label)
            self.grid.addWidget(when_label, row, 1)
            self.grid.addWidget(plain_label(visit.words, wrap=True), row, 2)
            self.grid.addWidget(self._choice_for(visit), row, 3)
        self.grid.setRowStretch(len(plan.visits), 1)
        clashes = sum(1 for v in plan.visits if v.kind != "ok")
        total = len(plan.visits)
        if clashes:
            text = counted(
                self.tr(
                    "{total} dates; %n clash(es): choose another time or Skip for each.",
                    "",
                    clashes,
                ),
                clashes,
            )
        else:
            text = self.tr("{total} dates, all free.")
        set_plain(self.summary, text.format(total=total))
        self.ok_button.setEnabled(True)

    def _choice_for(self, visit: PlannedVisit) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Choice for {date}").format(date=visit.label))
        if visit.kind == "ok":
            combo.addItem(self.tr(AS_PLANNED), VisitChoice(visit.start, self._provider_id))
        else:
            combo.addItem(self.tr(CHOOSE), None)
            for slot in visit.alternatives:
                label = self.tr("{when} — {provider}").format(
                    when=fmt_datetime(slot.start_utc, self.zone), provider=slot.provider_name
                )
                combo.addItem(label, VisitChoice(slot.start_utc, slot.provider_id))
        combo.addItem(self.tr(SKIP), VisitChoice(None))
        self.combos[visit.day] = combo
        return combo

    def choices(self) -> dict[date, VisitChoice | None]:
        """Per date what the desk chose (None: not chosen yet)."""
        return {day: combo.currentData() for day, combo in self.combos.items()}

    def submit(self) -> None:
        if self.plan is None:
            self.show_errors({"__all__": self.tr("Press Check dates first.")})
            return
        chosen = self.choices()
        missing = [v.label for v in self.plan.visits if chosen.get(v.day) is None]
        if missing:
            self.show_errors(
                {
                    "__all__": self.tr("Choose another time or Skip for {dates}.").format(
                        dates="; ".join(missing)
                    )
                }
            )
            return
        picks = {day: choice for day, choice in chosen.items() if choice is not None}
        if all(choice.start is None for choice in picks.values()):
            self.show_errors(
                {"__all__": self.tr("Every date is skipped: there is nothing to book.")}
            )
            return
        self.run(
            bookings.book_series,
            self._actor,
            contact_id=self._contact_id,
            booking_type_id=self._type_id,
            provider_id=self._provider_id,
            rule=self.rule(),
            choices=picks,
            notes=self._notes,
        )

    def handle_refusal(self, exc: CareOpsError) -> bool:
        if isinstance(exc, SeriesRefused):  # taken meanwhile: say which, then look again
            self.errors.show({"__all__": str(exc)})
            self.ops.query(
                bookings.plan_series,
                booking_type_id=self._type_id,
                provider_id=self._provider_id,
                rule=self.rule(),
                on_done=self._show_plan,
                on_error=self._plan_failed,
                owner=self,
            )
            return True
        return False


def attach_repeat(dialog: Any, actor: Actor) -> QPushButton:
    """Add "Repeat…" (Ctrl+Shift+R) to a New booking dialog: it opens :class:`RepeatDialog`
    for the chosen contact, type, provider and first start; once the series is booked the
    New booking dialog reports its first visit and closes."""
    button: QPushButton = dialog.buttons.addButton(
        translate("RepeatDialog", "Repeat…"), QDialogButtonBox.ButtonRole.ActionRole
    )
    button.setObjectName("repeatBooking")
    button.setShortcut("Ctrl+Shift+R")
    button.setToolTip(
        translate("RepeatDialog", "Book this every week or every few weeks (Ctrl+Shift+R)")
    )

    def open_repeat() -> None:
        dialog.errors.clear()
        slot = dialog.chooser.chosen()
        contact_id = dialog.picker.selected_id()
        errors: dict[str, str] = {}
        if dialog.new_contact.isChecked() or contact_id is None:
            errors["contact_id"] = translate(
                "RepeatDialog", "Choose a saved contact to book a series."
            )
        if slot is None:
            errors["start"] = translate("RepeatDialog", "Choose the first visit's start time.")
        if errors or slot is None:
            dialog.show_errors(errors)
            return
        repeat = RepeatDialog(
            dialog.ops,
            actor,
            dialog,
            contact_id=contact_id,
            booking_type_id=dialog.chooser.booking_type.currentData(),
            provider_id=dialog.chooser.provider.currentData() or slot.provider_id,
            start_utc=slot.start_utc,
            zone=dialog.chooser.zone,
            notes=dialog.notes.toPlainText(),
        )

        def booked(receipt: Any) -> None:
            dialog.succeeded.emit(receipt.bookings[0])
            dialog.accept()

        repeat.succeeded.connect(booked)
        repeat.open()
        dialog.repeat_dialog = repeat

    button.clicked.connect(open_repeat)
    return button

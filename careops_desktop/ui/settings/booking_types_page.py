"""Settings → Booking types: what customers can book, how long, for how much, with whom."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.db import read_only
from careops_desktop.core.services import bookings, providers
from careops_desktop.core.services.bookings import BookingTypeView
from careops_desktop.core.services.providers import ProviderView
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext


def save_booking_type(
    session: Any,
    actor: Any,
    type_id: int | None,
    values: dict[str, Any],
    active: bool,
    forms_per: str | None = None,
    capacity: int = 1,
) -> BookingTypeView:
    """Create or update one booking type, its seats per session (more than 1: a class) and
    whether it is offered (one transaction); ``forms_per``: a series sends its forms with
    every "visit" or once per "series"."""
    if type_id is None:
        view = bookings.create_booking_type(session, actor, **values)
    else:
        view = bookings.update_booking_type(session, actor, type_id, **values)
    bookings.set_capacity(session, actor, view.id, capacity)
    bookings.set_booking_type_active(session, actor, view.id, active)
    if forms_per is not None and forms_per != view.forms_per:
        bookings.set_forms_per(session, actor, view.id, forms_per)
    return bookings.get_booking_type(session, view.id)


@read_only
def load_catalogue(session: Any) -> tuple[list[BookingTypeView], list[ProviderView]]:
    """Every booking type and every active provider, for the page."""
    return bookings.list_booking_types(session, True), providers.list_providers(session)


def _minutes(maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSuffix(translate("BookingTypesSettingsPage", " min"))
    return spin


class BookingTypesSettingsPage(SettingsFormPage):
    """Pick a booking type (or "New booking type…"), edit, Save."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(context, self.tr("The services customers can book."))
        self.chooser = QComboBox()
        self.chooser.setObjectName("typeChooser")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.name = QLineEdit()
        self.name.setObjectName("typeName")
        self.duration = _minutes(24 * 60)
        self.duration.setObjectName("typeDuration")
        self.buffer_before = _minutes(240)
        self.buffer_after = _minutes(240)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("typeCapacity")
        self.capacity.setRange(1, bookings.CAPACITY_MAX)
        self.capacity.setSpecialValueText(self.tr("1 (one customer at a time)"))
        self.capacity.setToolTip(
            self.tr("More than 1 makes this a class: customers share a session.")
        )
        self.price = QDoubleSpinBox()
        self.price.setRange(0, 1_000_000)
        self.price.setSpecialValueText(self.tr("no price"))
        self.location = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.active = QCheckBox(self.tr("Offered to customers"))
        self.forms_per = QComboBox()  # recurring series (bookings.series)
        self.forms_per.setObjectName("typeFormsPer")
        self.forms_per.addItem(self.tr("With every visit"), "visit")
        self.forms_per.addItem(self.tr("With the first visit only"), "series")
        self.providers_box = QWidget()
        self.providers_layout = QVBoxLayout(self.providers_box)
        self.providers_layout.setContentsMargins(0, 0, 0, 0)
        self.provider_checks: dict[int, QCheckBox] = {}
        self.form.addRow(self.tr("Booking type"), self.chooser)
        for key, label, widget in (
            ("name", self.tr("Name"), self.name),
            ("duration_minutes", self.tr("Length"), self.duration),
            ("buffer_before_minutes", self.tr("Free time before"), self.buffer_before),
            ("buffer_after_minutes", self.tr("Free time after"), self.buffer_after),
            ("capacity", self.tr("Seats per session"), self.capacity),
            ("price_minor", self.tr("Price"), self.price),
            ("location", self.tr("Where"), self.location),
            ("description", self.tr("Description"), self.description),
            ("provider_ids", self.tr("Offered by"), self.providers_box),
            ("forms_per", self.tr("Forms in a series"), self.forms_per),
        ):
            self.form.addRow(label, self.errors.wrap(key, widget))
        self.form.addRow("", self.active)
        self.types: list[BookingTypeView] = []
        self.load()

    @property
    def current(self) -> BookingTypeView | None:
        index = self.chooser.currentIndex()
        return self.types[index] if 0 <= index < len(self.types) else None

    def load(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else (self.current.id if self.current else None)
        self.ops.query(
            load_catalogue,
            on_done=lambda result: self._fill(result[0], result[1], chosen),
            on_error=self.refused,
            owner=self,
        )

    def _fill(
        self, types: list[BookingTypeView], people: list[ProviderView], chosen: int | None
    ) -> None:
        self.types = list(types)
        for check in self.provider_checks.values():
            self.providers_layout.removeWidget(check)
            check.deleteLater()
        self.provider_checks = {}
        for provider in people:
            check = QCheckBox(provider.name.replace("&", "&&"))
            self.providers_layout.addWidget(check)
            self.provider_checks[provider.id] = check
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for booking_type in self.types:
            self.chooser.addItem(
                booking_type.name
                if booking_type.is_active
                else self.tr("{name} (not offered)").format(name=booking_type.name)
            )
        self.chooser.addItem(self.tr("New booking type…"))
        index = next((i for i, t in enumerate(self.types) if t.id == chosen), 0)
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._chosen(index)

    def _chosen(self, _index: int) -> None:
        current = self.current
        self.errors.clear()
        self.name.setText(current.name if current else "")
        self.duration.setValue(current.duration_minutes if current else 30)
        self.buffer_before.setValue(current.buffer_before_minutes if current else 0)
        self.buffer_after.setValue(current.buffer_after_minutes if current else 0)
        self.capacity.setValue(current.capacity if current else 1)
        price = current.price_minor if current and current.price_minor is not None else 0
        self.price.setValue(price / 100)
        self.location.setText(current.location if current else "")
        self.description.setPlainText(current.description if current else "")
        self.active.setChecked(current.is_active if current else True)
        self.forms_per.setCurrentIndex(
            max(0, self.forms_per.findData(current.forms_per if current else "visit"))
        )
        offered = set(current.provider_ids) if current else set(self.provider_checks)
        for provider_id, check in self.provider_checks.items():
            check.setChecked(provider_id in offered)

    def save_job(self) -> SaveJob:
        current = self.current
        values: dict[str, Any] = {
            "name": self.name.text(),
            "duration_minutes": self.duration.value(),
            "buffer_before_minutes": self.buffer_before.value(),
            "buffer_after_minutes": self.buffer_after.value(),
            "price_minor": round(self.price.value() * 100) or None,
            "location": self.location.text(),
            "description": self.description.toPlainText(),
            "provider_ids": [pid for pid, c in self.provider_checks.items() if c.isChecked()],
        }
        return (
            save_booking_type,
            (
                self.actor,
                current.id if current else None,
                values,
                self.active.isChecked(),
            ),
            {"forms_per": self.forms_per.currentData(), "capacity": self.capacity.value()},
        )

    def saved(self, result: Any) -> None:
        self.load(select_id=result.id)

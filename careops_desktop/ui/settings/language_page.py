"""Settings → Language: the window's language (this computer, next start) and the
business's formats for dates, times, numbers and money (the database, at once).

The language is a personal choice kept in QSettings (:func:`ui.i18n.store_language`); the
formats are the business's ``locale`` (``business.update_profile(locale=...)``, saved off
the Qt thread like the Business page), shown in QLocale and Babel from then on.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from PySide6.QtWidgets import QComboBox

from careops_desktop.core.i18n import NATIVE_NAMES, choosable, current_language
from careops_desktop.core.i18n.formats import locale_for_zone, valid_locale
from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import business
from careops_desktop.core.services.business import BusinessProfile
from careops_desktop.ui.i18n import apply_business_locale, store_language
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.qsettings_keys import LANGUAGE_KEY
from careops_desktop.ui.settings.base import SaveJob, SettingsFormPage
from careops_desktop.ui.settings.registry import SettingsContext

SHOW_PSEUDO_ENV = "CAREOPS_SHOW_PSEUDO"
FORMAT_LOCALES: tuple[str, ...] = (
    "en_GB",
    "en_US",
    "en_IE",
    "en_AU",
    "en_CA",
    "en_NZ",
    "de_DE",
    "de_AT",
    "de_CH",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CO",
    "es_CL",
    "fr_FR",
    "fr_BE",
    "fr_CH",
    "it_IT",
    "nl_NL",
    "nl_BE",
    "pt_PT",
    "pt_BR",
    "pl_PL",
    "sv_SE",
    "da_DK",
)
SAMPLE_MOMENT = datetime(2026, 3, 3, 14, 30)
SAMPLE_MINOR_UNITS = 4500


def locale_name(tag: str, language: str | None = None) -> str:
    """``tag`` (``de_DE``) named in ``language`` (the window's): ``German (Germany)``."""
    try:
        locale = Locale.parse(tag)
        reader = Locale.parse((language or current_language()).split("-", 1)[0])
    except (UnknownLocaleError, ValueError):
        return tag
    return str(locale.get_display_name(reader) or tag)


def sample_texts(tag: str, currency: str) -> tuple[str, str, str]:
    """A sample date, time and money amount (45.00 in ``currency``) as ``tag`` writes them."""
    locale = Locale.parse(valid_locale(tag) or "en_GB")
    day: date = SAMPLE_MOMENT.date()
    clock: time = SAMPLE_MOMENT.time()
    try:
        digits = babel_numbers.get_currency_precision(currency)
        money = babel_numbers.format_currency(
            Decimal(SAMPLE_MINOR_UNITS).scaleb(-digits), currency, locale=locale
        )
    except (ValueError, KeyError):
        money = babel_numbers.format_decimal(Decimal(SAMPLE_MINOR_UNITS).scaleb(-2), locale=locale)
    return (
        babel_dates.format_date(day, format="full", locale=locale),
        babel_dates.format_time(clock, format="short", locale=locale),
        money,
    )


class LanguagePage(SettingsFormPage):
    """The window's language for the next start, and the business's formats (with a preview)."""

    def __init__(self, context: SettingsContext) -> None:
        super().__init__(
            context,
            self.tr(
                "The language of the window belongs to this computer; the formats of dates, "
                "times, numbers and money belong to the business."
            ),
        )
        self.save_button.setText(self.tr("Save"))
        self.may_change_formats = context.actor.can(Permission.MANAGE_SETTINGS)
        self.language = QComboBox()
        self.language.setObjectName("windowLanguage")
        self.language.setAccessibleName(self.tr("Language of the window"))
        self.language.addItem(self.tr("Follow the system"), "")
        show_pseudo = os.environ.get(SHOW_PSEUDO_ENV) == "1"
        for code in choosable(include_pseudo=show_pseudo):
            self.language.addItem(NATIVE_NAMES.get(code, code), code)
        stored = str(self._settings_value() or "")
        index = self.language.findData(stored)
        self.language.setCurrentIndex(max(index, 0))
        self.form.addRow(self.tr("Language of the window"), self.language)
        self.language_note = plain_label(
            self.tr("The window shows the chosen language from the next start.")
        )
        self.language_note.setObjectName("languageNote")
        self.form.addRow("", self.language_note)

        self.formats = QComboBox()
        self.formats.setObjectName("businessLocale")
        self.formats.setAccessibleName(self.tr("Dates, times, numbers and money"))
        self.formats.addItem(
            self.tr("Automatic (from the time zone: {locale})").format(locale="…"), ""
        )
        for tag in FORMAT_LOCALES:
            self.formats.addItem(locale_name(tag), tag)
        self.formats.setEnabled(False)  # until the business's setting is known
        self.formats.currentIndexChanged.connect(self._show_preview)
        self.form.addRow(
            self.tr("Dates, times, numbers and money"), self.errors.wrap("locale", self.formats)
        )
        self.preview = plain_label(wrap=True)
        self.preview.setObjectName("formatPreview")
        self.preview.setAccessibleName(self.tr("Preview of the formats"))
        self.form.addRow(self.tr("Preview"), self.preview)
        if not self.may_change_formats:
            self.formats_note = plain_label(
                self.tr("Only people who may change the settings can choose the formats.")
            )
            self.form.addRow("", self.formats_note)
        self.profile: BusinessProfile | None = None
        self.load()

    # -- the window's language (QSettings, no database) ---------------------------------

    def _settings_value(self) -> Any:
        from PySide6.QtCore import QSettings

        return QSettings().value(LANGUAGE_KEY, "")

    def chosen(self) -> str:
        """The language picked in the combo ("" = follow the system)."""
        return str(self.language.currentData() or "")

    # -- the business's formats (the database, off the Qt thread) -----------------------

    def load(self) -> None:
        self.ops.query(business.get_profile, on_done=self._show, on_error=self.refused, owner=self)

    def automatic_locale(self) -> str:
        return locale_for_zone(self.profile.timezone if self.profile else None)

    def _show(self, profile: BusinessProfile) -> None:
        self.profile = profile
        self.formats.blockSignals(True)
        self.formats.setItemText(
            0,
            self.tr("Automatic (from the time zone: {locale})").format(
                locale=locale_name(self.automatic_locale())
            ),
        )
        tag = valid_locale(profile.locale) or ""
        if tag and self.formats.findData(tag) < 0:
            self.formats.addItem(locale_name(tag), tag)
        self.formats.setCurrentIndex(max(self.formats.findData(tag), 0))
        self.formats.blockSignals(False)
        self.formats.setEnabled(self.may_change_formats)
        self._show_preview()

    def chosen_locale(self) -> str:
        """The locale the formats combo stands for (the automatic one resolved)."""
        return str(self.formats.currentData() or "") or self.automatic_locale()

    def _show_preview(self, *_index: object) -> None:
        currency = self.profile.currency if self.profile else "EUR"
        day, clock, money = sample_texts(self.chosen_locale(), currency)
        set_plain(
            self.preview,
            self.tr("{date} at {time} · {money}").format(date=day, time=clock, money=money),
        )

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        """The language is kept at once; the formats are saved through the core."""
        store_language(self.chosen())
        if not self.may_change_formats or self.profile is None:
            set_plain(self.status, self.tr("Saved."))
            return
        super().save()

    def save_job(self) -> SaveJob | None:
        return business.update_profile, (self.actor,), {"locale": self.formats.currentData() or ""}

    def saved(self, result: Any) -> None:
        profile: BusinessProfile = result
        apply_business_locale(business.locale_of(profile))
        self._show(profile)

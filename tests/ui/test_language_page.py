"""Settings → Language: the window's language for the next start, the business's formats;
and the Settings tab in German."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select, update

from careops_desktop.core.i18n import formats
from careops_desktop.core.models import Business
from careops_desktop.ui.i18n import (
    LANGUAGE_ENV,
    apply_business_locale,
    chosen_language,
    install_language,
)
from careops_desktop.ui.qsettings_keys import LANGUAGE_KEY
from careops_desktop.ui.settings.language_page import FORMAT_LOCALES, LanguagePage
from careops_desktop.ui.settings.registry import SettingsContext, find_page
from tests.ui.conftest import demo_actor
from tests.ui.tab_helpers import open_tab


def _page(qtbot: Any, demo_db: Any, demo_ops: Any, who: str = "owner") -> LanguagePage:
    page = LanguagePage(SettingsContext(demo_ops, None, demo_actor(demo_db, who)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.profile is not None, timeout=10_000)
    return page


def _save(qtbot: Any, page: LanguagePage) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.save_button.isEnabled() and bool(page.status.text() or page.errors.banner.text())
        ),
        timeout=10_000,
    )


def test_the_page_is_registered_for_everyone() -> None:
    spec = find_page("language")
    assert spec is not None and spec.permission is None
    assert spec.label == "Language"


def test_choosing_spanish_is_kept_for_the_next_start(
    qtbot: Any, demo_db: Any, demo_ops: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo_db, demo_ops)
    names = [page.language.itemText(i) for i in range(page.language.count())]
    assert names == ["Follow the system", "English", "Deutsch", "Español"]
    assert "next start" in page.language_note.text()
    page.language.setCurrentIndex(page.language.findText("Español"))
    _save(qtbot, page)
    assert page.status.text() == "Saved."
    assert QSettings().value(LANGUAGE_KEY) == "es"
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert chosen_language() == "es"
    page.language.setCurrentIndex(0)  # follow the system again
    _save(qtbot, page)
    assert QSettings().value(LANGUAGE_KEY) == ""


def test_pseudo_locales_only_when_asked_for(
    qtbot: Any, demo_db: Any, demo_ops: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREOPS_SHOW_PSEUDO", "1")
    page = _page(qtbot, demo_db, demo_ops)
    codes = [page.language.itemData(i) for i in range(page.language.count())]
    assert codes == ["", "en", "de", "es", "en-XA", "ar-XB"]


def test_choosing_a_locale_saves_it_for_the_business_with_a_preview(
    qtbot: Any, demo_db: Any, demo_ops: Any
) -> None:
    with demo_db.session() as session:
        session.execute(update(Business).values(currency="EUR", timezone="Europe/London"))
        session.commit()
    before = formats.business_locale()
    try:
        page = _page(qtbot, demo_db, demo_ops)
        assert page.formats.isEnabled()
        assert (
            page.formats.itemText(0) == "Automatic (from the time zone: English (United Kingdom))"
        )
        assert "€45.00" in page.preview.text()
        for tag in ("en_GB", "en_US", "de_DE", "es_MX", "pt_PT"):
            assert tag in FORMAT_LOCALES
        page.formats.setCurrentIndex(page.formats.findData("de_DE"))
        assert page.formats.currentText() == "German (Germany)"
        assert "45,00\xa0€" in page.preview.text()  # a no-break space, as CLDR writes it
        assert "Dienstag, 3. März 2026" in page.preview.text()
        assert "14:30" in page.preview.text()
        _save(qtbot, page)
        assert page.status.text() == "Saved.", page.errors.banner.text()
        with demo_db.session() as session:
            assert session.scalar(select(Business.locale)) == "de_DE"
        assert QLocale().name() == "de_DE"
        assert formats.business_locale() == "de_DE"
        page.formats.setCurrentIndex(0)  # back to the time zone's
        _save(qtbot, page)
        with demo_db.session() as session:
            assert session.scalar(select(Business.locale)) is None
        assert formats.business_locale() == "en_GB"
    finally:
        apply_business_locale(before)


def test_staff_choose_their_language_but_not_the_formats(
    qtbot: Any, demo_db: Any, demo_ops: Any
) -> None:
    page = _page(qtbot, demo_db, demo_ops, who="staff")
    assert not page.formats.isEnabled()
    page.language.setCurrentIndex(page.language.findData("de"))
    _save(qtbot, page)
    assert QSettings().value(LANGUAGE_KEY) == "de"


def test_the_settings_tab_speaks_german(
    qtbot: Any, qapp: QApplication, demo_db: Any, demo_ops: Any, bridge: Any
) -> None:
    try:
        assert install_language(qapp, "de") == "de"
        window = open_tab(qtbot, demo_ops, bridge, demo_actor(demo_db), ("settings",))
        view = window.show_tab("settings")
        titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        for german in ("Betrieb", "Buchungsseite", "Terminarten", "Mitarbeiter", "Sprache"):
            assert german in titles, titles
        language = view.select_page("language")
        qtbot.waitUntil(lambda: not demo_ops.pending, timeout=15_000)
        texts = [label.text() for label in language.findChildren(QLabel)]
        assert "Sprache des Fensters" in texts, texts
        assert language.language.itemText(0) == "Systemeinstellung verwenden"
        assert language.save_button.text() == "Speichern"
        staff = view.select_page("staff")
        qtbot.waitUntil(lambda: not demo_ops.pending, timeout=15_000)
        assert any("Mitarbeiter" in label.text() for label in staff.findChildren(QLabel))
    finally:
        install_language(qapp, "en")


def test_settings_dates_follow_the_business_locale(qapp: QApplication) -> None:
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from careops_desktop.ui.settings.dates_text import day_text, wall_moment_text, weekday_name

    before = formats.business_locale()
    try:
        apply_business_locale("de_DE")
        assert weekday_name(date(2026, 3, 4)) == "Mittwoch"
        assert day_text(date(2026, 3, 3)) == "Di. 03.03.26"
        berlin = ZoneInfo("Europe/Berlin")
        assert wall_moment_text(datetime(2026, 3, 3, 14, 30, tzinfo=berlin)) == "03.03.26 14:30"
        # clocks going back: 02:30 happens twice, so the zone says which
        assert wall_moment_text(datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=berlin)) == (
            "27.10.24 02:30 CET"
        )
        apply_business_locale("en_US")
        us = wall_moment_text(datetime(2026, 3, 3, 14, 30, tzinfo=berlin))
        assert us.replace("\u202f", " ") == "3/3/26 2:30 PM"  # CLDR: a narrow space before PM
    finally:
        apply_business_locale(before)


def test_the_offered_formats_are_carried_by_the_bundle() -> None:
    """build.spec keeps Babel's data for FORMAT_LANGUAGES only: every locale Settings offers
    (and every shipped language) must be among them."""
    from careops_desktop.core.i18n.languages import FORMAT_LANGUAGES, SHIPPED
    from careops_desktop.ui.settings.language_page import FORMAT_LOCALES

    assert {tag.split("_")[0] for tag in FORMAT_LOCALES} | set(SHIPPED) <= set(FORMAT_LANGUAGES)

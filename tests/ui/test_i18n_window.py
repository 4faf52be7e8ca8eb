"""The window's language: the stored choice, the environment override, the layout direction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from careops_desktop.core import i18n
from careops_desktop.ui.i18n import (
    LANGUAGE_ENV,
    chosen_language,
    install_language,
    store_language,
    translate,
)


def test_the_stored_language_wins_over_the_system_and_loses_to_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    store_language("es-MX", settings)
    assert chosen_language(settings) == "es"
    store_language("klingon", settings)  # unknown: follow the system
    assert chosen_language(settings) in i18n.SHIPPED
    monkeypatch.setenv(LANGUAGE_ENV, "de")
    store_language("es", settings)
    assert chosen_language(settings) == "de"


def test_mirrored_pseudo_locale_flips_the_layout_and_back(qapp: QApplication) -> None:
    try:
        assert install_language(qapp, i18n.PSEUDO_MIRRORED) == i18n.PSEUDO_MIRRORED
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert i18n.current_language() == i18n.PSEUDO_MIRRORED
        assert translate("NoSuchContext", "Not in any catalog") == "Not in any catalog"
    finally:
        install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert i18n.current_language() == "en"


def test_the_business_locale_sets_qt_and_babel_formats(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale

    from careops_desktop.core.i18n import formats
    from careops_desktop.ui.i18n import apply_business_locale

    before = formats.business_locale()
    try:
        assert apply_business_locale("de_DE") == "de_DE"
        assert QLocale().name() == "de_DE"
        assert QLocale().firstDayOfWeek() == Qt.DayOfWeek.Monday
        assert apply_business_locale("not a locale") == formats.FALLBACK_LOCALE
    finally:
        apply_business_locale(before)

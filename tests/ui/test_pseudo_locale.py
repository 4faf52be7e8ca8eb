"""The pseudo-locale sweep: every screen of the window in ``en-XA`` (accented, 40 % longer,
bracketed) shows no English text that is not data, and no label or button is narrower
than its text; in Spanish no screen shows an English text the catalogs translate; in the
mirrored ``ar-XB`` the layout runs right to left.

Walks every tab, every settings page, every setup wizard page and the main dialogs (the
same list as the accessibility walk: tests/ui/window_walk.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.localedata import locale_identifiers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard

from careops_desktop.core import i18n
from careops_desktop.ui.i18n import install_language
from careops_desktop.ui.tabs import TAB_SPECS
from tests.text_checks import data_vocabulary
from tests.ui.tab_helpers import demo_owner, open_tab
from tests.ui.text_sweep import Shown, clipped, texts_of, untranslated
from tests.ui.window_walk import main_dialogs

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window (and the core) in the language the test asks for; English afterwards."""
    chosen = install_language(qapp, request.param)
    try:
        yield chosen
    finally:
        install_language(qapp, "en")


def _settle(qtbot: Any, ops: Any) -> None:
    qtbot.waitUntil(lambda: not ops.pending, timeout=15_000)
    qtbot.wait(30)


def _every_screen(
    db: Any, ops: Any, bridge: Any, qtbot: Any, tmp_path: Path
) -> Iterator[tuple[str, QWidget]]:
    """Each screen shown in turn, as ``(name, widget)``: tabs, settings pages, dialogs and
    every page of the setup wizard."""
    window = open_tab(qtbot, ops, bridge, demo_owner(db), tuple(s.key for s in TAB_SPECS))
    for key in window.tab_keys():
        page = window.show_tab(key)
        _settle(qtbot, ops)
        yield f"tab {key!r}", page
        if key == "settings":
            for settings_key in page.page_keys():
                settings_page = page.select_page(settings_key)
                _settle(qtbot, ops)
                yield f"settings page {settings_key!r}", settings_page
    yield "main window", window
    for title, make in main_dialogs(db, window, tmp_path):
        dialog = make()
        dialog.show()
        _settle(qtbot, ops)
        yield f"dialog {title!r}", dialog
        if isinstance(dialog, QWizard):
            for page_id in dialog.pageIds():
                yield f"dialog {title!r} page {page_id}", dialog.page(page_id)
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
        dialog.deleteLater()
        _settle(qtbot, ops)


@pytest.mark.parametrize("language", [i18n.PSEUDO_ACCENTED], indirect=True)
def test_every_screen_is_translated_and_fits(db, ops, bridge, qtbot, tmp_path, language) -> None:
    # locales named by Babel (Settings → Language) are CLDR's words, not the catalog's
    names = {str(Locale.parse(tag).get_display_name("en")) for tag in locale_identifiers()}
    data = sorted({*data_vocabulary(db), *names}, key=len, reverse=True)
    problems: list[str] = []
    narrow: list[str] = []
    for name, screen in _every_screen(db, ops, bridge, qtbot, tmp_path):
        problems += [f"{name}: {p}" for p in untranslated(texts_of(screen), data)]
        narrow += [f"{name}: {p}" for p in clipped(screen)]
    problems = list(dict.fromkeys(problems))
    narrow = list(dict.fromkeys(narrow))
    assert not problems, f"{len(problems)} texts are not translated:\n" + "\n".join(problems)
    assert not narrow, f"{len(narrow)} labels do not fit their text:\n" + "\n".join(narrow)


def _english_with_spanish() -> dict[str, str]:
    """Every English text of the window's Spanish catalogs whose translation differs."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "resources" / "i18n" / "window").glob("*_es.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or message.get("numerus") == "yes":
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = translation.text or ""
            if text and text.replace("&", "") != source.replace("&", ""):
                found[source.replace("&", "")] = text
    return found


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_window_in_spanish_shows_spanish_everywhere(
    db, ops, bridge, qtbot, tmp_path, language
) -> None:
    english = _english_with_spanish()
    assert len(english) > 500  # the catalogs are there
    for value in data_vocabulary(db):  # a booking type may be called what a text says
        english.pop(value, None)
    left: list[str] = []
    for name, screen in _every_screen(db, ops, bridge, qtbot, tmp_path):
        shown: list[Shown] = list(texts_of(screen))
        left += [
            f"{name}: {s.where}: {s.text!r}" for s in shown if s.text.replace("&", "") in english
        ]
    left = list(dict.fromkeys(left))
    assert not left, f"{len(left)} texts are still English:\n" + "\n".join(left)


@pytest.mark.parametrize("language", [i18n.PSEUDO_MIRRORED], indirect=True)
def test_the_mirrored_locale_lays_the_window_out_right_to_left(
    db, ops, bridge, qtbot, tmp_path, language
) -> None:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), tuple(s.key for s in TAB_SPECS))
    _settle(qtbot, ops)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    tabs = window.findChild(QTabWidget)
    assert tabs is not None
    bar = tabs.tabBar()
    assert bar.tabRect(0).center().x() > bar.tabRect(1).center().x()  # the first tab on the right
    shot = window.grab()
    assert not shot.isNull() and shot.width() > 600
    target = tmp_path / "window-rtl.png"
    assert shot.save(str(target)) and target.stat().st_size > 10_000

"""The window's frame in other languages and locales (issue 22).

The main window's tabs and menus in Spanish, the setup wizard in German; dates, times and
the week calendar in the business's locale (QLocale): German day names in the calendar's
header, a Sunday-first week for an en_US business (dates, navigation and dragging agree),
and the business's locale applied at sign-in and when the business changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit, QWidget, QWizard

from careops_desktop.core.db import Database
from careops_desktop.core.events import SettingsChanged
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import business
from careops_desktop.ui.i18n import apply_business_locale, install_language
from careops_desktop.ui.main_window import MainWindow
from careops_desktop.ui.tabs import TAB_SPECS, TabContext, TabSpec
from careops_desktop.ui.widgets.calendar_data import (
    CalendarColumn,
    CalendarData,
    days_of_week,
    week_start,
)
from careops_desktop.ui.widgets.local_time import fmt_date, fmt_datetime, fmt_range, fmt_short
from careops_desktop.ui.widgets.week_calendar import WeekCalendar
from careops_desktop.ui.widgets.week_paint import column_title, hour_text
from careops_desktop.ui.wizard.hours import WeeklyHoursEditor
from careops_desktop.ui.wizard.wizard import SetupWizard
from tests.core.booking_world import DESK, LONDON, World, at, build_in
from tests.core.test_slots import add_booking
from tests.ui.conftest import demo_actor
from tests.ui.shell_helpers import copy_demo, finish, start_controller, wait_window
from tests.ui.tab_helpers import open_tab

LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
FIRST = datetime(2027, 4, 3, 14, 30, tzinfo=UTC)  # 01:30 (UTC+11), shown twice
SECOND = datetime(2027, 4, 3, 15, 0, tzinfo=UTC)  # 01:30 again (UTC+10:30)
MONDAY = date(2025, 3, 10)


@pytest.fixture
def language(qapp: QApplication) -> Any:
    """Switch the window's language for one test; English again afterwards."""

    def switch(tag: str) -> None:
        install_language(qapp, tag)

    yield switch
    install_language(qapp, "en")


class BlankPage(QWidget):
    def __init__(self, context: TabContext) -> None:
        super().__init__()


def _week(day: date) -> CalendarData:
    columns = tuple(CalendarColumn(d.isoformat(), f"{d:%a}", d) for d in days_of_week(day))
    return CalendarData(columns=columns)


# -- the main window and the wizard in another language -----------------------------------


def test_the_main_window_in_spanish_has_spanish_tabs_and_menus(
    ops: Any, bridge: Any, qtbot: Any, language: Any
) -> None:
    language("es")
    specs = [TabSpec(s.key, s.title, s.permission, BlankPage) for s in TAB_SPECS]
    window = MainWindow(ops, bridge, Actor.system(), business_name="Sol", specs=specs)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Panel",
        "Bandeja de entrada",
        "Reservas",
        "Contactos",
        "Formularios",
        "Inventario",
        "Informes",
        "Configuración",
    ]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "&Archivo" and menus[-1] == "A&yuda"  # (Search: the desk's menu)
    assert window.sign_out_action.text() == "&Cerrar sesión"
    assert window.quit_action.text() == "&Salir"
    assert window.import_action.text() == "&Importar…"
    assert window.user_label.text().startswith("Sesión iniciada como ")
    assert window.busy_label.text() == "Trabajando…"
    window.close()


def test_the_setup_wizard_in_german(ops: Any, qtbot: Any, language: Any) -> None:
    language("de")
    apply_business_locale("de_DE")
    wizard = SetupWizard(ops, Actor.system())
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == "CareOps einrichten"
    assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Später abschließen"
    assert wizard.business_page.title() == "Ihr Betrieb"
    assert wizard.business_page.subTitle() == "Schritt 1 von 10"
    assert wizard.providers_page.title() == "Wer Buchungen annimmt"
    assert wizard.types_page.names[0].text() == "Beratung"
    assert wizard.try_page.contact_name.text() == "Testkunde"
    assert wizard.finish_page.title() == "Fertig"
    assert wizard.finish_page.activate_now.text() == ("Jetzt aktivieren: Online-Buchungen annehmen")
    texts = _label_texts(wizard.providers_page.hours)
    assert {"Geöffnet", "Von", "Bis", "Montag", "Sonntag"} <= set(texts)
    wizard.close()


def _label_texts(root: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in root.findChildren(QLabel)]


# -- formats in the business's locale -------------------------------------------------------


def test_window_formats_follow_the_business_locale() -> None:
    apply_business_locale("en_GB")
    assert fmt_datetime(FIRST, LORD_HOWE) == "Sun, 4 Apr 2027 01:30 UTC+11"
    assert fmt_date(date(2025, 3, 10)) == "10 Mar 2025"
    apply_business_locale("de_DE")
    assert fmt_datetime(FIRST, LORD_HOWE) == "So., 4. Apr. 2027 01:30 UTC+11"
    # a wall time the clock shows twice keeps its mark, and a range never reads 01:30–01:30
    assert fmt_range(FIRST, SECOND, LORD_HOWE) == ("So., 4. Apr. 2027 01:30 UTC+11–01:30 UTC+10:30")
    assert fmt_date(date(2025, 3, 10)) == "10. März 2025"
    assert fmt_short(FIRST, LORD_HOWE, date(2027, 1, 1)) == "So., 4. Apr. 01:30 UTC+11"
    apply_business_locale("es_ES")
    assert fmt_date(date(2025, 3, 10)) == "10 de mar de 2025"
    apply_business_locale("en_US")
    assert fmt_datetime(datetime(2025, 3, 10, 14, 30, tzinfo=UTC), ZoneInfo("UTC")) == (
        "Mon, Mar 10, 2025 2:30\u202fPM"
    )


def test_the_calendar_names_days_in_german(qtbot: Any) -> None:
    apply_business_locale("de_DE")
    calendar = WeekCalendar()
    qtbot.addWidget(calendar)
    calendar.set_data(_week(MONDAY))
    calendar.resize(1400, 600)
    calendar.show()
    metrics = QFontMetricsF(calendar.font())
    first = calendar.data().columns[0]
    assert first.day == MONDAY  # Monday first in Germany
    assert column_title(first, 400, metrics) == "Montag, 10. März"
    assert column_title(first, metrics.horizontalAdvance("Mo. 10") + 1, metrics) == "Mo. 10"
    assert column_title(first, 1, metrics) == "Mo."
    assert hour_text(8) == "08:00"
    image = calendar.grab()  # paints without trouble
    assert not image.isNull()


def test_a_sunday_first_locale_starts_the_week_on_sunday() -> None:
    apply_business_locale("en_US")
    wednesday = date(2025, 3, 12)
    assert week_start(wednesday) == date(2025, 3, 9)  # Sunday
    assert days_of_week(wednesday)[0].weekday() == 6
    assert days_of_week(wednesday)[-1] == date(2025, 3, 15)  # Saturday
    assert hour_text(14) == "2:00\u202fPM"
    apply_business_locale("de_DE")
    assert week_start(wednesday) == MONDAY


def test_the_hours_editor_starts_on_the_locales_first_day(qtbot: Any) -> None:
    apply_business_locale("en_US")
    editor = WeeklyHoursEditor()
    qtbot.addWidget(editor)
    grid = editor.layout()
    first_row = grid.itemAtPosition(1, 0).widget()
    assert first_row.text() == "Sunday"
    # the boxes stay in weekday order (Monday = 0) for the core
    assert editor.open_boxes[6] is grid.itemAtPosition(1, 1).widget()
    assert [r.weekday for r in editor.hours()] == [0, 1, 2, 3, 4]


def test_date_pickers_follow_the_business_locale(qtbot: Any) -> None:
    apply_business_locale("de_DE")
    german = QCalendarWidget()
    editor = QDateEdit()
    qtbot.addWidget(german)
    qtbot.addWidget(editor)
    assert german.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert editor.locale().name() == "de_DE"
    apply_business_locale("en_US")
    american = QCalendarWidget()
    qtbot.addWidget(american)
    assert american.firstDayOfWeek() == Qt.DayOfWeek.Sunday


# -- a Sunday-first week on the real Bookings tab: dates, navigation and dragging agree ------


def test_a_sunday_first_week_drags_and_steps_consistently(
    db: Database, ops: Any, bridge: Any, qtbot: Any
) -> None:
    world: World = build_in(db)
    apply_business_locale("en_US")
    day = datetime.now(LONDON).date() + timedelta(days=3)
    while day.weekday() >= 4:  # Monday to Thursday: the next day is an open weekday
        day += timedelta(days=1)
    booking_id = add_booking(db, world, world.alice, at(day, 10))  # 10:00–11:00
    window = open_tab(qtbot, ops, bridge, DESK, ("bookings",))
    page = window.page("bookings")
    qtbot.waitUntil(lambda: page.page_data is not None, timeout=8000)
    page.span.setCurrentIndex(page.span.findData(7))
    page.go_to(day)
    qtbot.waitUntil(lambda: ops.pending == 0 and page.page_data.request.days == 7, timeout=8000)
    columns = page.calendar.data().columns
    sunday = week_start(day)
    assert sunday.weekday() == 6
    assert [c.day for c in columns] == [sunday + timedelta(days=i) for i in range(7)]
    assert page.page_data.request.first == sunday
    calendar = page.calendar
    rect = calendar.block_rect(booking_id)
    assert rect is not None
    layout = calendar.layout_now()
    assert layout.column_at(rect.center().x(), len(columns)) == (day - sunday).days
    # drag it a day later: the ghost lands on that date at the time under the mouse
    start = rect.center().toPoint()
    next_day = day + timedelta(days=1)
    end = calendar.point_for(next_day.isoformat(), datetime.combine(next_day, time(14, 30)))
    assert end is not None
    qtbot.mousePress(calendar, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(calendar, start + (end.toPoint() - start) * step / 6)
    target = calendar.drag.target
    assert target is not None and target.verdict.kind == "free"
    assert target.start == datetime.combine(next_day, time(14))
    calendar.drag.cancel()
    qtbot.mouseRelease(calendar, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
    # the next week starts on the next Sunday
    page.step(1)
    qtbot.waitUntil(
        lambda: ops.pending == 0 and page.page_data.request.first == sunday + timedelta(7),
        timeout=8000,
    )
    assert page.calendar.data().columns[0].day == sunday + timedelta(days=7)
    window.close()


# -- the business's locale is applied at sign-in and when the business changes --------------


def test_the_business_locale_is_applied_at_sign_in(
    qloop: Any, qtbot: Any, demo_template: Path, tmp_path: Path
) -> None:
    url = copy_demo(demo_template, tmp_path)
    database = Database(url)
    try:
        database.call(business.update_profile, demo_actor(database), locale="de_DE")
    finally:
        database.close()
    apply_business_locale("en_GB")
    controller, task = start_controller(qloop, url, demo=True)
    wait_window(qtbot, controller, timeout=60_000)
    assert QLocale().name() == "de_DE"
    assert finish(qtbot, controller, task) == 0


def test_the_business_locale_follows_a_settings_change(
    demo_db: Database, demo_ops: Any, bridge: Any, qtbot: Any
) -> None:
    apply_business_locale("en_GB")
    specs = [TabSpec("dashboard", "Dashboard", None, BlankPage)]
    actor = demo_actor(demo_db)
    window = MainWindow(demo_ops, bridge, actor, business_name="Demo", specs=specs)
    qtbot.addWidget(window)
    picker = QCalendarWidget(window.page("dashboard"))  # open before the change
    editor = QDateEdit(window.page("dashboard"))
    assert picker.firstDayOfWeek() == Qt.DayOfWeek.Monday
    demo_db.call(business.update_profile, actor, locale="en_US")
    with qtbot.waitSignal(window.businessLocaleChanged, timeout=5000) as changed:
        bridge.settingsChanged.emit(SettingsChanged(area="business"))
    assert changed.args == ["en_US"]
    assert QLocale().name() == "en_US"
    assert week_start(date(2025, 3, 12)).weekday() == 6
    assert picker.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert editor.locale().name() == "en_US"
    window.close()

"""The week calendar: layout maths, painting, clicks and hostile text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from careops_desktop.ui.widgets.calendar_data import (
    BusyBlock,
    CalendarBlock,
    CalendarColumn,
    CalendarData,
    ClosedDay,
    OpenRange,
    days_of_week,
    hour_range,
    place_in_lanes,
    snap_minutes,
    week_start,
)
from careops_desktop.ui.widgets.week_calendar import STATUS_COLOURS, WeekCalendar, tooltip_html

MONDAY = date(2025, 3, 10)


def _block(
    block_id: int, day: date, start: time, minutes: int, status: str = "confirmed", column: str = ""
) -> CalendarBlock:
    begin = datetime.combine(day, start)
    return CalendarBlock(
        id=block_id,
        start=begin,
        end=begin + timedelta(minutes=minutes),
        title=f"Client {block_id}",
        subtitle="Massage",
        status=status,
        column=column or day.isoformat(),
    )


def _week(blocks: tuple[CalendarBlock, ...] = (), **kwargs: object) -> CalendarData:
    columns = tuple(CalendarColumn(d.isoformat(), f"{d:%a}", d) for d in days_of_week(MONDAY))
    return CalendarData(columns=columns, blocks=blocks, **kwargs)  # type: ignore[arg-type]


def test_overlapping_blocks_share_lanes_and_touching_blocks_do_not() -> None:
    a = _block(1, MONDAY, time(9), 60)
    b = _block(2, MONDAY, time(9, 30), 60)
    c = _block(3, MONDAY, time(10), 30)  # touches a's end, overlaps b
    d = _block(4, MONDAY, time(11), 30)  # after the cluster
    placed = {p.block.id: (p.lane, p.lanes) for p in place_in_lanes([d, c, b, a])}
    assert placed == {1: (0, 2), 2: (1, 2), 3: (0, 2), 4: (0, 1)}


def test_hour_range_covers_hours_blocks_and_explicit_bounds() -> None:
    early = _block(1, MONDAY, time(6, 45), 30)
    late = _block(2, MONDAY, time(20), 90)
    data = _week((early, late), open_hours=(OpenRange(MONDAY.isoformat(), time(9), time(17)),))
    assert hour_range(data) == (6, 22)
    assert hour_range(_week()) == (8, 18)
    assert hour_range(_week(first_hour=7, last_hour=12)) == (7, 12)
    # a block that runs past midnight is clipped to the day
    overnight = _block(3, MONDAY, time(23), 120)
    assert hour_range(_week((overnight,))) == (8, 24)


def test_week_helpers() -> None:
    assert week_start(date(2025, 3, 13)) == MONDAY
    assert week_start(date(2025, 3, 16), first_weekday=6) == date(2025, 3, 16)
    assert days_of_week(MONDAY)[-1] == date(2025, 3, 16)
    assert snap_minutes(599.9, 15) == 585
    assert snap_minutes(10, 0) == 10


@pytest.fixture
def calendar(qtbot):  # type: ignore[no-untyped-def]
    widget = WeekCalendar()
    qtbot.addWidget(widget)
    widget.set_clock(lambda: datetime.combine(MONDAY + timedelta(days=2), time(11, 20)))
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixel(widget: WeekCalendar, x: float, y: float) -> QColor:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(x * ratio), int(y * ratio))


def test_blocks_are_painted_in_their_status_colour(calendar: WeekCalendar) -> None:
    blocks = tuple(
        _block(i + 1, MONDAY + timedelta(days=i), time(10), 60, status)
        for i, status in enumerate(STATUS_COLOURS)
    )
    calendar.set_data(_week(blocks))
    for block in blocks:
        rect = calendar.block_rect(block.id)
        assert rect is not None
        sample = _pixel(calendar, rect.right() - 4, rect.bottom() - 4)
        assert sample.name() == QColor(STATUS_COLOURS[block.status][0]).name(), block.status


def test_click_activates_and_double_click_on_empty_space_requests_a_slot(
    calendar: WeekCalendar, qtbot
) -> None:  # type: ignore[no-untyped-def]
    wednesday = MONDAY + timedelta(days=2)
    calendar.set_data(_week((_block(7, wednesday, time(9), 60),)))
    rect = calendar.block_rect(7)
    assert rect is not None
    with qtbot.waitSignal(calendar.bookingActivated) as activated:
        qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert activated.args == [7]
    assert calendar.selected_booking() == 7
    with qtbot.waitSignal(calendar.bookingOpened) as opened:
        qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened.args == [7]

    point = calendar.point_for(wednesday.isoformat(), datetime.combine(wednesday, time(14, 40)))
    assert point is not None
    with qtbot.waitSignal(calendar.slotRequested) as requested:
        qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=point.toPoint())
    key, when = requested.args
    assert key == wednesday.isoformat()
    assert when == datetime.combine(wednesday, time(14, 30))  # snapped down to 15 minutes


def test_clicks_outside_the_grid_request_nothing(calendar: WeekCalendar, qtbot) -> None:  # type: ignore[no-untyped-def]
    calendar.set_data(_week())
    received: list[object] = []
    calendar.slotRequested.connect(lambda *args: received.append(args))
    calendar.bookingActivated.connect(received.append)
    qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # the header corner
    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))  # empty grid
    assert received == []


def test_keyboard_moves_between_blocks_and_enter_opens(calendar: WeekCalendar, qtbot) -> None:  # type: ignore[no-untyped-def]
    calendar.set_data(_week((_block(1, MONDAY, time(9), 30), _block(2, MONDAY, time(11), 30))))
    calendar.setFocus()
    qtbot.keyClick(calendar, Qt.Key.Key_Down)
    assert calendar.selected_booking() == 1
    qtbot.keyClick(calendar, Qt.Key.Key_Down)
    assert calendar.selected_booking() == 2
    with qtbot.waitSignal(calendar.bookingOpened) as opened:
        qtbot.keyClick(calendar, Qt.Key.Key_Return)
    assert opened.args == [2]


def test_selection_is_dropped_when_the_booking_leaves(calendar: WeekCalendar) -> None:
    calendar.set_data(_week((_block(1, MONDAY, time(9), 30),)))
    calendar.select_booking(1)
    calendar.set_data(_week((_block(1, MONDAY, time(10), 30),)))
    assert calendar.selected_booking() == 1
    calendar.set_data(_week())
    assert calendar.selected_booking() is None
    assert calendar.block_rect(1) is None


def test_day_view_has_one_column_per_provider(calendar: WeekCalendar) -> None:
    columns = (
        CalendarColumn("p:1", "Dr Ada", MONDAY),
        CalendarColumn("p:2", "Room B", MONDAY),
    )
    blocks = (
        _block(1, MONDAY, time(9), 60, column="p:1"),
        _block(2, MONDAY, time(9), 60, column="p:2"),
        _block(3, MONDAY, time(9), 60, column="p:9"),  # provider not shown
    )
    calendar.set_data(CalendarData(columns=columns, blocks=blocks))
    first, second = calendar.block_rect(1), calendar.block_rect(2)
    assert first is not None and second is not None
    assert first.top() == second.top() and first.right() < second.left()
    assert calendar.block_rect(3) is None
    assert calendar.width() / 2 > first.left()


def test_opening_hours_closures_and_busy_time_are_painted(calendar: WeekCalendar) -> None:
    key = MONDAY.isoformat()
    tuesday = (MONDAY + timedelta(days=1)).isoformat()
    busy_day = MONDAY + timedelta(days=3)
    data = _week(
        open_hours=(OpenRange(key, time(9), time(17)),),
        closures=(ClosedDay(tuesday, "Staff training"),),
        busy=(
            BusyBlock(
                busy_day.isoformat(),
                datetime.combine(busy_day, time(12)),
                datetime.combine(busy_day, time(13)),
                "Dentist",
            ),
        ),
    )
    calendar.set_data(data)
    open_point = calendar.point_for(key, datetime.combine(MONDAY, time(12, 10)))
    shut_point = calendar.point_for(key, datetime.combine(MONDAY, time(8, 15)))
    busy_point = calendar.point_for(busy_day.isoformat(), datetime.combine(busy_day, time(12, 45)))
    free_point = calendar.point_for(busy_day.isoformat(), datetime.combine(busy_day, time(14, 15)))
    assert open_point and shut_point and busy_point and free_point
    open_px = _pixel(calendar, open_point.x() + 30, open_point.y())
    shut_px = _pixel(calendar, shut_point.x() + 30, shut_point.y())
    assert open_px.lightness() > shut_px.lightness()  # closed time is shaded
    busy_px = _pixel(calendar, busy_point.x() + 30, busy_point.y())
    free_px = _pixel(calendar, free_point.x() + 30, free_point.y())
    assert busy_px != free_px  # busy time is greyed


def test_the_now_line_is_drawn_on_todays_column(calendar: WeekCalendar) -> None:
    wednesday = MONDAY + timedelta(days=2)
    calendar.set_data(_week())
    point = calendar.point_for(wednesday.isoformat(), datetime.combine(wednesday, time(11, 20)))
    assert point is not None
    red = _pixel(calendar, point.x() + 20, point.y())
    assert red.red() > 180 and red.green() < 80
    elsewhere = calendar.point_for(MONDAY.isoformat(), datetime.combine(MONDAY, time(11, 20)))
    assert elsewhere is not None
    assert _pixel(calendar, elsewhere.x() + 20, elsewhere.y()).green() > 80


def test_hostile_text_is_painted_and_tooltipped_literally(calendar: WeekCalendar) -> None:
    hostile = '<img src="http://127.0.0.1:9/x"><b>x</b>'
    block = CalendarBlock(
        9,
        datetime.combine(MONDAY, time(9)),
        datetime.combine(MONDAY, time(10)),
        hostile,
        hostile,
        "confirmed",
        MONDAY.isoformat(),
    )
    calendar.set_data(_week((block,)))
    calendar.grab()  # paints without interpreting anything
    tip = tooltip_html(block)
    assert "<img" not in tip and "&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;" in tip
    assert "&lt;b&gt;x&lt;/b&gt;" in tip

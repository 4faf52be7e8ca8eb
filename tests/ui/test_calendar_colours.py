"""Provider colours and status styles on the real calendar widget, the legend, narrow lanes,
and the drag feedback's rules (pure), including generated colours and times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette

from careops_desktop.ui.theme import dark_palette
from careops_desktop.ui.widgets.block_style import block_look, luminance, readable_text
from careops_desktop.ui.widgets.calendar_data import (
    CalendarBlock,
    CalendarColumn,
    CalendarData,
    days_of_week,
)
from careops_desktop.ui.widgets.calendar_drop_rules import (
    BusyTime,
    DropIndex,
    DropRules,
    ProviderDay,
)
from careops_desktop.ui.widgets.calendar_legend import CalendarLegend
from careops_desktop.ui.widgets.week_calendar import WeekCalendar

MONDAY = date(2025, 3, 10)
PINK, YELLOW = "#db2777", "#fde047"


def _block(
    block_id: int, start: time, minutes: int = 60, status: str = "confirmed", color: str = PINK
) -> CalendarBlock:
    begin = datetime.combine(MONDAY, start)
    return CalendarBlock(
        id=block_id,
        start=begin,
        end=begin + timedelta(minutes=minutes),
        title=f"Nina Client{block_id}",
        subtitle="Massage",
        status=status,
        column=MONDAY.isoformat(),
        provider_id=1,
        color=color,
    )


def _week(blocks: tuple[CalendarBlock, ...]) -> CalendarData:
    columns = tuple(CalendarColumn(d.isoformat(), f"{d:%a}", d) for d in days_of_week(MONDAY))
    return CalendarData(columns=columns, blocks=blocks)


@pytest.fixture
def calendar(qtbot):  # type: ignore[no-untyped-def]
    widget = WeekCalendar()
    qtbot.addWidget(widget)
    widget.set_clock(lambda: datetime.combine(MONDAY, time(7)))
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixel(widget: WeekCalendar, x: float, y: float) -> QColor:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(x * ratio), int(y * ratio))


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_text_on_any_provider_colour_has_readable_contrast(r: int, g: int, b: int) -> None:
    fill = QColor(r, g, b)
    assert _contrast(fill, readable_text(fill)) >= 4.5


@given(st.text(max_size=12), st.sampled_from(["confirmed", "arrived", "no_show", "cancelled"]))
def test_any_stored_colour_text_gives_a_look(colour: str, status: str) -> None:
    """A hostile or broken colour string never breaks painting: it falls back."""
    look = block_look(status, colour, QColor("#ffffff"))
    assert look.fill.isValid() and _contrast(look.fill, look.text) >= 4.5


def test_blocks_take_the_provider_colour_and_status_styles(calendar: WeekCalendar) -> None:
    blocks = (
        _block(1, time(9)),
        _block(2, time(11), status="cancelled"),
        _block(3, time(13), status="arrived"),
        _block(4, time(15), status="no_show", color=YELLOW),
    )
    calendar.set_data(_week(blocks))
    base = calendar.palette().color(QPalette.ColorRole.Base)
    rects = {b.id: calendar.block_rect(b.id) for b in blocks}
    assert all(rects.values())
    confirmed = _pixel(calendar, rects[1].right() - 6, rects[1].bottom() - 6)
    assert confirmed.name() == QColor(PINK).name()
    pale = _pixel(calendar, rects[2].right() - 6, rects[2].bottom() - 6)
    assert _contrast(pale, base) < _contrast(QColor(PINK), base)  # faded toward the page
    outline = _pixel(calendar, rects[3].left() + 2, rects[3].center().y())
    text = calendar.palette().color(QPalette.ColorRole.WindowText)
    assert outline.name() == text.name()  # arrived: outlined in the text colour
    drawn = {d.block.id: d.lines for d in calendar.layout_now().drawn}
    assert drawn[3][0].startswith("▶") and drawn[4][0].startswith("⚠")
    assert not drawn[1][0].startswith(("▶", "⚠", "✓"))


def test_dark_palette_keeps_outline_and_text_readable(calendar: WeekCalendar) -> None:
    calendar.setPalette(dark_palette())
    calendar.set_data(
        _week((_block(3, time(13), status="arrived"), _block(2, time(9), status="cancelled")))
    )
    rect = calendar.block_rect(3)
    assert rect is not None
    outline = _pixel(calendar, rect.left() + 2, rect.center().y())
    assert luminance(outline) > 0.5  # a light outline on the dark page
    look = block_look("cancelled", PINK, dark_palette().color(QPalette.ColorRole.Base))
    assert _contrast(look.fill, look.text) >= 4.5


def test_narrow_lanes_show_initials_and_say_crowded(calendar: WeekCalendar) -> None:
    blocks = tuple(_block(i, time(10)) for i in range(1, 7))  # six side by side
    calendar.set_data(_week(blocks))
    assert calendar.crowded()
    first_lines = [d.lines[0] for d in calendar.layout_now().drawn if d.lines]
    assert first_lines and all(len(line) <= 3 for line in first_lines)  # "NC", not the name
    calendar.resize(700, 700)  # narrower still: a count over the group
    calendar.set_data(_week((*blocks, _block(7, time(14)))))
    badges = calendar.layout_now().badges
    assert [(b.count, b.column) for b in badges] == [(6, MONDAY.isoformat())]
    calendar.set_data(_week(blocks[:1]))
    assert not calendar.crowded()


def test_double_clicking_a_day_header_asks_for_that_day(calendar: WeekCalendar, qtbot) -> None:  # type: ignore[no-untyped-def]
    calendar.set_data(_week(()))
    wednesday = MONDAY + timedelta(days=2)
    point = calendar.point_for(wednesday.isoformat(), datetime.combine(wednesday, time(12)))
    assert point is not None
    with qtbot.waitSignal(calendar.dayRequested) as asked:
        qtbot.mouseDClick(calendar, Qt.MouseButton.LeftButton, pos=QPoint(int(point.x()), 5))
    assert asked.args == [wednesday]


def test_the_legend_lists_providers_and_statuses(qtbot) -> None:  # type: ignore[no-untyped-def]
    legend = CalendarLegend()
    qtbot.addWidget(legend)
    legend.set_providers([("Alice <b>A</b>", PINK), ("Bob", "not a colour")])
    legend.resize(900, 30)
    legend.show()
    qtbot.waitExposed(legend)
    legend.grab()  # paints without error, markup as plain text
    description = legend.accessibleDescription()
    assert "Alice <b>A</b>" in description and "Cancelled" in description


# -- the drag feedback's rules (pure) -------------------------------------------------------


def _index() -> DropIndex:
    rules = DropRules(
        step_minutes=15,
        days=(
            ProviderDay(1, MONDAY, ((time(9), time(12)), (time(13), time(17)))),
            ProviderDay(2, MONDAY, (), "Training day"),
        ),
        busy=(
            BusyTime(
                1, datetime.combine(MONDAY, time(15)), datetime.combine(MONDAY, time(16)), "Home"
            ),
        ),
        provider_names=((1, "Alice"), (2, "Bob")),
    )
    return DropIndex(rules, (_block(1, time(9)), _block(2, time(10, 30), status="cancelled")))


def _verdict(index: DropIndex, provider: int, start: time, minutes: int = 60) -> str:
    begin = datetime.combine(MONDAY, start)
    now = datetime.combine(MONDAY, time(8))
    return index.verdict(provider, begin, begin + timedelta(minutes=minutes), 99, now).kind


def test_verdicts_from_the_page_data() -> None:
    index = _index()
    assert _verdict(index, 1, time(9, 30)) == "taken"
    assert _verdict(index, 1, time(10, 30)) == "free"  # a cancelled booking takes no time
    assert _verdict(index, 1, time(11, 30)) == "outside_hours"  # across lunch
    assert _verdict(index, 1, time(15)) == "busy"
    assert _verdict(index, 2, time(10)) == "closed"
    assert _verdict(index, 1, time(7)) == "past"
    # the booking itself does not block its own time
    begin = datetime.combine(MONDAY, time(9, 15))
    now = datetime.combine(MONDAY, time(8))
    assert index.verdict(1, begin, begin + timedelta(minutes=30), 1, now).kind == "free"


@given(st.integers(0, 24 * 60 - 1), st.integers(1, 300))
def test_taken_matches_a_plain_overlap_scan(start_minute: int, length: int) -> None:
    """The bisect shortcut agrees with checking every booking (generated times)."""
    blocks = tuple(_block(i, time(8 + i, (i * 7) % 60), minutes=20 + 13 * i) for i in range(1, 10))
    index = DropIndex(DropRules(), blocks)
    begin = datetime.combine(MONDAY, time(0)) + timedelta(minutes=start_minute)
    end = begin + timedelta(minutes=length)
    expected = any(b.start < end and b.end > begin for b in blocks)
    assert (index.clash(1, begin, end, 0) is not None) == expected

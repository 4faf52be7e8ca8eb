"""What the Inbox list shows beside a thread: whole dates in "When", and a highlighted
row only for the conversation actually shown (screenshot pass, issue 15)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtGui import QFontMetrics
from sqlalchemy import select

from careops_desktop.core.models import Conversation
from careops_desktop.ui.inbox.view import when_width
from careops_desktop.ui.widgets.local_time import fmt_short
from tests.ui.test_inbox_tab import _inbox, _seed


def test_the_when_column_fits_an_earlier_day_in_bold(db, ops, bridge, qtbot) -> None:
    _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    zone = ZoneInfo("Europe/London")
    today = datetime(2026, 12, 7, 9, 0, tzinfo=zone)
    bold = page.table.font()
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for days in range(1, 370, 7):  # every weekday and month name of a year back
        moment = today - timedelta(days=days, minutes=days)
        if moment.year != today.year:
            continue
        text = fmt_short(moment, zone, today.date())
        assert metrics.horizontalAdvance(text) + 8 <= page.table.horizontalHeader().sectionSize(2)
    assert page.table.horizontalHeader().sectionSize(2) == when_width(page.table)


def test_a_closed_conversation_opened_from_elsewhere_leaves_no_row_highlighted(
    db, ops, bridge, qtbot
) -> None:
    seeded = _seed(db)
    _window, page = _inbox(qtbot, ops, bridge)
    listed = seeded["ada_conversation"]
    page.apply_filter({"conversation_id": listed})
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.id == listed, timeout=5000)
    rows = page.table.selectionModel().selectedRows()
    assert [page.model.id_at(r.row()) for r in rows] == [listed]

    closed = _closed_conversation(db)
    assert page.model.row_of(closed) is None  # the list shows open conversations
    page.apply_filter({"conversation_id": closed})
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.id == closed, timeout=5000)
    assert page.table.selectionModel().selectedRows() == []


def _closed_conversation(db) -> int:
    with db.session() as session:
        return session.scalars(select(Conversation.id).where(Conversation.is_open.is_(False))).one()

"""What the Inbox list shows beside a thread: whole dates in "When", and a highlighted
row only for the conversation actually shown (screenshot pass, issue 15)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtGui import QFontMetrics
from sqlalchemy import select

from careops_desktop.core.models import Conversation
from careops_desktop.core.services.inbox import (
    Bounce,
    FailedRecipient,
    FailingAddress,
    IncomingMessage,
    record_bounce,
    record_incoming,
)
from careops_desktop.ui.inbox.view import when_width
from careops_desktop.ui.widgets.local_time import fmt_short
from tests.ui.test_inbox_tab import _inbox, _seed

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("UTC"))


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


def _long_thread(db, seeded: dict[str, int]) -> None:
    with db.write_session() as session:
        for n in range(40):
            record_incoming(
                session,
                IncomingMessage(
                    channel="email",
                    sender_address="ada@example.com",
                    content=f"Message {n}: " + "a few words to fill the card " * 6,
                    in_reply_to="<m1@example.com>",
                ),
            )


def test_the_newest_message_stays_in_sight_when_the_bounce_banner_appears(
    db, ops, bridge, qtbot
) -> None:
    seeded = _seed(db)
    _long_thread(db, seeded)
    _window, page = _inbox(qtbot, ops, bridge)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    bar = page.thread_view.verticalScrollBar()
    qtbot.waitUntil(lambda: page.messages.rowCount() == 41 and bar.maximum() > 0, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    before = bar.maximum()

    failure = FailingAddress("ada@example.com", "5.1.1", "User unknown " * 12, NOW)
    page.bounce_banner.show_failure(failure)  # two lines above the thread: the view shrinks
    qtbot.waitUntil(lambda: bar.maximum() > before, timeout=5000)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)

    page.bounce_banner.show_failure(None)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() == before, timeout=5000)
    bar.setValue(0)  # the person scrolls back to read: the place is kept
    page.bounce_banner.show_failure(failure)
    qtbot.wait(200)
    assert bar.value() == 0


def test_a_thread_opened_with_its_banner_shows_its_newest_message(db, ops, bridge, qtbot) -> None:
    seeded = _seed(db)
    _long_thread(db, seeded)
    bounce = Bounce((FailedRecipient("ada@example.com", "5.1.1", "User unknown " * 12),))
    with db.write_session() as session:
        record_bounce(session, bounce, NOW)
    _window, page = _inbox(qtbot, ops, bridge)
    page.apply_filter({"conversation_id": seeded["ada_conversation"]})
    bar = page.thread_view.verticalScrollBar()
    qtbot.waitUntil(lambda: page.bounce_banner.isVisible() and bar.maximum() > 0, timeout=5000)
    qtbot.wait(300)
    assert bar.value() == bar.maximum()

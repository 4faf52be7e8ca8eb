"""The Inventory tab on the small demo database: items and low stock, movements, restock and
adjust (refusals at the field), usage per booking type, hostile text."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from careops_desktop.core.models import InventoryItem, StockMovement
from careops_desktop.ui.inventory.dialogs import StockDialog
from tests.ui.tab_helpers import (
    assert_shown_literally,
    demo_owner,
    hostile_listener,
    hostile_strings,
    open_tab,
)


@pytest.fixture
def db(demo_db: Any) -> Any:
    return demo_db


def _inventory(qtbot: Any, ops: Any, bridge: Any, db: Any) -> tuple[Any, Any]:
    window = open_tab(qtbot, ops, bridge, demo_owner(db), ("inventory",))
    page = window.page("inventory")
    qtbot.waitUntil(lambda: page.model.has_loaded, timeout=8000)
    return window, page


def _make_low(db: Any) -> int:
    with db.write_session() as session:
        item = session.scalars(select(InventoryItem).order_by(InventoryItem.id).limit(1)).one()
        item.low_threshold = item.quantity + 5
        return item.id


def test_items_match_the_database_and_low_stock_stands_out(db, ops, bridge, qtbot) -> None:
    low_id = _make_low(db)
    _window, page = _inventory(qtbot, ops, bridge, db)
    with db.session() as session:
        active = session.scalar(
            select(func.count(InventoryItem.id)).where(InventoryItem.is_active.is_(True))
        )
        low = session.scalar(
            select(func.count(InventoryItem.id)).where(
                InventoryItem.is_active.is_(True),
                InventoryItem.quantity <= InventoryItem.low_threshold,
            )
        )
    assert page.model.rowCount() == active
    row = page.model.row_of(low_id)
    qtbot.waitUntil(lambda: page.model.row_data(row) is not None, timeout=5000)
    background = page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#fee2e2"
    assert page.model.index(row, 4).data() == "Low stock"
    page.apply_filter({"low_stock": True})
    qtbot.waitUntil(lambda: page.model.rowCount() == low, timeout=5000)


def test_movements_restock_and_adjust(db, ops, bridge, qtbot) -> None:
    with db.session() as session:
        item = session.scalars(select(InventoryItem).order_by(InventoryItem.id).limit(1)).one()
        moves = session.scalar(
            select(func.count(StockMovement.id)).where(StockMovement.item_id == item.id)
        )
    _window, page = _inventory(qtbot, ops, bridge, db)
    page.apply_filter({"item_id": item.id})
    qtbot.waitUntil(lambda: page.movements.rowCount() == min(moves, 200), timeout=5000)
    page.restock_button.click()
    dialog = next(d for d in page.findChildren(StockDialog) if d.isVisible())
    dialog.amount.setValue(12)
    dialog.note.setText("Delivery 42")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.current.quantity == item.quantity + 12, timeout=5000)
    qtbot.waitUntil(lambda: page.movements.row_at(0).note == "Delivery 42", timeout=5000)
    # an adjustment below zero is refused at the field, nothing changes
    page.adjust_button.click()
    adjust = next(d for d in page.findChildren(StockDialog) if d.isVisible())
    adjust.amount.setValue(-(item.quantity + 13))
    with qtbot.waitSignal(adjust.failed, timeout=5000):
        adjust.ok_button.click()
    assert "only" in adjust.errors.message("delta")
    adjust.amount.setValue(-2)
    with qtbot.waitSignal(adjust.succeeded, timeout=5000):
        adjust.ok_button.click()
    qtbot.waitUntil(lambda: page.current.quantity == item.quantity + 10, timeout=5000)
    with db.session() as session:
        assert session.get(InventoryItem, item.id).quantity == item.quantity + 10


def test_new_item_and_usage_per_booking_type(db, ops, bridge, qtbot) -> None:
    _window, page = _inventory(qtbot, ops, bridge, db)
    before = page.model.rowCount()
    dialog = page.create_new()
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.ok_button.click()  # no name
    assert dialog.errors.message("name") != ""
    dialog.name.setText("Gauze")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=5000)
    page.pages.setCurrentIndex(1)
    page.period.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.usage.rowCount() > 0, timeout=5000)
    assert all(row.quantity != 0 for row in page.usage.rows())


def test_hostile_text_is_shown_literally(db, ops, bridge, qtbot) -> None:
    with hostile_listener() as (port, got_request):
        hostile = hostile_strings(port)
        with db.write_session() as session:
            item = session.scalars(select(InventoryItem).order_by(InventoryItem.id).limit(1)).one()
            item.name = hostile[0]
            item.unit = hostile[1][:32]
            item_id = item.id
            session.add(
                StockMovement(item_id=item_id, delta=1, reason="adjustment", note=hostile[1])
            )
            item.quantity += 1
        window, page = _inventory(qtbot, ops, bridge, db)
        page.apply_filter({"item_id": item_id})
        qtbot.waitUntil(lambda: page.movements.rowCount() > 0, timeout=5000)
        qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5000)
        assert page.item_title.text() == hostile[0]
        assert_shown_literally(qtbot, window, hostile, got_request)

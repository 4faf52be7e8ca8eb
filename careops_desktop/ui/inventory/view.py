"""The Inventory tab: items (low stock highlighted), an item's movements, restock and
adjust, and the stock each booking type used in a period."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careops_desktop.core.errors import CareOpsError, NotFound
from careops_desktop.core.permissions import Permission
from careops_desktop.core.services import inventory
from careops_desktop.core.services.inventory import ItemFilter, ItemView, MovementView, UsageRow
from careops_desktop.ui.i18n import QT_TRANSLATE_NOOP, counted, translate
from careops_desktop.ui.inventory.dialogs import ItemDialog, StockDialog
from careops_desktop.ui.inventory.tables import (
    ItemSource,
    item_columns,
    item_style,
    movement_columns,
    movement_style,
    usage_columns,
)
from careops_desktop.ui.plain import plain_label, set_plain
from careops_desktop.ui.table_model import IdTableModel
from careops_desktop.ui.tabs import TabContext
from careops_desktop.ui.ui_state import remember_header
from careops_desktop.ui.widgets.data_table import data_table
from careops_desktop.ui.widgets.local_time import load_zone
from careops_desktop.ui.widgets.rows_model import RowsModel
from careops_desktop.ui.widgets.search_box import SearchBox

MOVEMENTS_SHOWN = 200
PERIODS = (
    (QT_TRANSLATE_NOOP("InventoryView", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("InventoryView", "Last 90 days"), 90),
    (QT_TRANSLATE_NOOP("InventoryView", "Last 365 days"), 365),
)


class InventoryView(QWidget):
    """Items beside the chosen item's history; stock used per booking type below."""

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.context = context
        self.ops = context.ops
        self.actor = context.actor
        self.zone = ZoneInfo("UTC")
        self.current: ItemView | None = None
        self.can_change = self.actor.can(Permission.MANAGE_INVENTORY) or self.actor.can(
            Permission.MANAGE_SETTINGS
        )
        source = ItemSource(self.actor)
        self.search = SearchBox(placeholder=self.tr("Search items…"))
        self.low_only = QCheckBox(self.tr("Low stock only"))
        self.new_button = QPushButton(self.tr("New item…"))
        self.count_label = plain_label()
        self.model = IdTableModel(
            self.ops,
            item_columns(lambda: self.zone),
            fetch_ids=source.fetch_ids,
            fetch_rows=source.fetch_rows,
            refresh_on=[context.events.stockSettled],  # once per burst of changes
            initial_filter=ItemFilter(),
            row_style=item_style,
            prefetch_first_block=True,  # built ahead of its tab (ui/prebuild.py)
            parent=self,
        )
        self.table = data_table(self.model, (220, 80, 80, 80, low_width(self)))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        remember_header(self.table.horizontalHeader(), "inventory/items")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.low_only)
        bar.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.item_title = plain_label(wrap=True)
        font = self.item_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.item_title.setFont(font)
        self.item_state = plain_label(wrap=True)
        self.restock_button = QPushButton(self.tr("Restock…"))
        self.adjust_button = QPushButton(self.tr("Adjust…"))
        self.movements = RowsModel(movement_columns(lambda: self.zone), row_style=movement_style)
        self.movements_table = data_table(self.movements, fit_contents=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_title)
        right_layout.addWidget(self.item_state)
        actions = QHBoxLayout()
        actions.addWidget(self.restock_button)
        actions.addWidget(self.adjust_button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        right_layout.addWidget(plain_label(self.tr("Movements, newest first")))
        right_layout.addWidget(self.movements_table, 1)
        items_page = QSplitter(Qt.Orientation.Horizontal)
        items_page.addWidget(left)
        items_page.addWidget(right)
        items_page.setStretchFactor(0, 3)
        items_page.setStretchFactor(1, 2)

        self.period = QComboBox()
        for words, days in PERIODS:
            self.period.addItem(translate("InventoryView", words), days)
        self.usage = RowsModel(usage_columns(), row_id=lambda row: int(row.item_id))
        self.usage_table = data_table(self.usage, fit_contents=True)
        self.usage_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        usage_page = QWidget()
        usage_layout = QVBoxLayout(usage_page)
        period_row = QHBoxLayout()
        period_row.addWidget(plain_label(self.tr("Stock used by bookings that started in the")))
        period_row.addWidget(self.period)
        period_row.addStretch(1)
        usage_layout.addLayout(period_row)
        usage_layout.addWidget(self.usage_table, 1)

        self.pages = QTabWidget()
        self.pages.addTab(items_page, self.tr("Items"))
        self.pages.addTab(usage_page, self.tr("Usage per booking type"))
        QVBoxLayout(self).addWidget(self.pages)

        self.new_button.setVisible(self.can_change)
        self.search.searchChanged.connect(self._filter_changed)
        self.low_only.toggled.connect(self._filter_changed)
        self.new_button.clicked.connect(self.create_new)
        self.restock_button.clicked.connect(lambda: self._stock_dialog("restock"))
        self.adjust_button.clicked.connect(lambda: self._stock_dialog("adjust"))
        self.table.selectionModel().selectionChanged.connect(self._item_chosen)
        self.model.loaded.connect(self._list_loaded)
        self.period.currentIndexChanged.connect(self._load_usage)
        context.events.stockSettled.connect(self._stock_events)
        context.events.bookingsSettled.connect(self._load_usage)
        context.events.settingsChanged.connect(self._load_zone)
        self._show_item(None)
        self._load_zone()
        self.model.refresh()
        self._load_usage()

    # -- main window API ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def create_new(self) -> ItemDialog | None:
        if not self.can_change:
            return None
        dialog = ItemDialog(self.ops, self.actor, self)
        dialog.succeeded.connect(lambda result: self.show_item(result.items[0].id))
        dialog.open()
        return dialog

    def apply_filter(self, flt: Any) -> None:
        """``{"low_stock": True}`` or ``{"item_id": id}``."""
        if not isinstance(flt, dict):
            return
        self.pages.setCurrentIndex(0)
        if "low_stock" in flt:
            self.low_only.setChecked(bool(flt["low_stock"]))
        if "item_id" in flt:
            self.show_item(int(flt["item_id"]))

    # -- loading ----------------------------------------------------------------------------

    def _load_zone(self, *_event: object) -> None:
        def loaded(zone: ZoneInfo) -> None:
            self.zone = zone
            self.model.layoutChanged.emit()
            self.movements.layoutChanged.emit()

        self.ops.query(load_zone, on_done=loaded, owner=self)

    def _filter_changed(self, *_args: object) -> None:
        self.model.set_filter(ItemFilter(self.search.term(), self.low_only.isChecked()))

    def _list_loaded(self, count: int) -> None:
        set_plain(self.count_label, counted(self.tr("%Ln item(s)", "", count), count))
        if self.current is not None:
            row = self.model.row_of(self.current.id)
            if row is not None:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)

    def _item_chosen(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item_id = self.model.id_at(rows[0].row())
            if item_id is not None:
                self.show_item(item_id)

    def show_item(self, item_id: int) -> None:
        def arrived(item: ItemView) -> None:
            self._show_item(item)
            self.ops.query(
                inventory.movement_history,
                self.actor,
                item.id,
                MOVEMENTS_SHOWN,
                on_done=self._show_movements,
                owner=self,
            )

        def failed(exc: CareOpsError) -> None:
            if isinstance(exc, NotFound):
                self._show_item(None)
            else:
                self.ops.show_error(str(exc))

        self.ops.query(
            inventory.get_item, self.actor, item_id, on_done=arrived, on_error=failed, owner=self
        )

    def _show_item(self, item: ItemView | None) -> None:
        self.current = item
        self.restock_button.setEnabled(item is not None and self.can_change)
        self.adjust_button.setEnabled(item is not None and self.can_change)
        if item is None:
            set_plain(self.item_title, self.tr("No item selected"))
            set_plain(self.item_state, self.tr("Choose an item to see its movements."))
            self.movements.set_rows([])
            return
        set_plain(self.item_title, item.name)
        locale = QLocale()
        state = self.tr("{quantity} {unit} in stock; low at {threshold} or fewer.").format(
            quantity=locale.toString(item.quantity),
            unit=item.unit,
            threshold=locale.toString(item.low_threshold),
        )
        if item.is_low:
            state = self.tr("LOW STOCK — {state}").format(state=state)
        set_plain(self.item_state, state)
        self.item_state.setStyleSheet("color: #991b1b; font-weight: bold;" if item.is_low else "")

    def _show_movements(self, rows: list[MovementView]) -> None:
        if self.current is not None and all(r.item_id == self.current.id for r in rows):
            self.movements.set_rows(rows)

    def _load_usage(self, *_args: object) -> None:
        days = int(self.period.currentData())
        end = datetime.now(ZoneInfo("UTC"))
        start = end - timedelta(days=days)

        def arrived(rows: list[UsageRow]) -> None:
            self.usage.set_rows(rows)

        self.ops.query(inventory.usage_by_booking_type, start, end, on_done=arrived, owner=self)

    def _stock_dialog(self, mode: str) -> StockDialog | None:
        if self.current is None:
            return None
        dialog = StockDialog(self.ops, self.actor, self.current, mode, self)
        dialog.open()
        return dialog

    def _stock_events(self, events: list[Any]) -> None:
        if self.current is not None and any(
            getattr(event, "item_id", None) == self.current.id for event in events
        ):
            self.show_item(self.current.id)
        self._load_usage()


def low_width(widget: QWidget) -> int:
    """Pixels for the "Low" column: its badge in bold (low rows are bold), plus margins."""
    bold = widget.font()
    bold.setBold(True)
    badge = translate("InventoryTables", "Low stock")
    return max(90, QFontMetrics(bold).horizontalAdvance(badge) + 20)

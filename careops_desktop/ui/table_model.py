"""A table over ids: the core finds and sorts the ids, rows are loaded in blocks as drawn.

How a tab uses it (all SQL stays in the core; the model only calls two functions)::

    def contact_ids(session, flt, sort_key, descending):        # runs on the DB worker
        order = ("-" if descending else "") + (sort_key or "name")
        return contacts.ids(                                      # every match, in order
            session, actor, contacts.ContactFilter(flt or ""), order
        )

    def contact_rows(session, ids):                               # runs on the DB worker
        return contacts.rows_by_id(session, actor, ids)

    model = IdTableModel(
        ops,
        [Column("name", "Name", sort_key="name"),
         Column("email", "Email", sort_key="email"),
         Column("created_at", "Added", sort_key="created_at", format=format_local_time)],
        fetch_ids=contact_ids,
        fetch_rows=contact_rows,
        refresh_on=[bridge.contactsChanged],
        initial_sort=("name", False),
    )
    view.setModel(model)                      # a QTableView; enable view.setSortingEnabled(True)
    model.set_filter("smith")                 # from the search box; refetches the ids

``fetch_ids(session, filter, sort_key, descending) -> Sequence[int]`` returns every id
matching the filter in order (ints are cheap: 20,000 of them are a few hundred KB).
``fetch_rows(session, ids) -> Mapping[int, row]`` returns the rows for one block; a row is
a frozen dataclass or a mapping; ``Column.key`` names its attribute or key. Both are run as
read transactions on the database worker through ``ops``. Display text is always a plain
string (the default delegate draws it as plain text); tooltips are escaped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.ui.i18n import translate
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import safe_tooltip

log = logging.getLogger(__name__)

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2
DEFAULT_BLOCK = 200
# roles as plain ints: data() is called ~30 times per visible cell per paint, and comparing
# an int with a Qt enum member goes through Python's enum machinery each time
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
STYLE_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
    )
)
ANSWERED_ROLES = frozenset(
    {DISPLAY_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, ID_ROLE, ROW_ROLE, *STYLE_ROLES}
)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: ``key`` of the row, a title, and how to sort and show it.

    ``sort_key`` is handed to ``fetch_ids`` when the person sorts by this column (None:
    not sortable). ``format`` turns the value into text (default ``str``; None shows "").
    """

    key: str
    title: str
    sort_key: str | None = None
    format: Callable[[Any], str] | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: bool = False

    def text(self, row: Any) -> str:
        value = row.get(self.key) if isinstance(row, Mapping) else getattr(row, self.key, None)
        if value is None:
            return ""
        if self.format is not None:
            return self.format(value)
        if isinstance(value, bool):
            return translate("TableModel", "Yes") if value else translate("TableModel", "No")
        return str(value)


@dataclass(frozen=True)
class RowStyle:
    """How a row stands out: bold (unread), a text colour, a background (low stock)."""

    bold: bool = False
    foreground: str | None = None
    background: str | None = None


@read_only
def _fetch_ids_read(session: Session, fn: Callable[..., Sequence[int]], *args: Any) -> list[int]:
    return [int(i) for i in fn(session, *args)]


@read_only
def _fetch_rows_read(
    session: Session, fn: Callable[..., Mapping[int, Any]], ids: list[int]
) -> dict[int, Any]:
    return dict(fn(session, ids))


class IdTableModel(QAbstractTableModel):
    """A read-only table of rows identified by ids, loaded lazily in blocks.

    Signals: ``loaded(int)`` after a (re)load of the ids with the row count;
    ``blockLoaded(int, int)`` with the first and last row of a block that arrived.
    Rows load as they are drawn; ``prefetch_first_block=True`` also loads the first block
    once the ids first arrive (for a page built before its tab is shown).
    """

    loaded = Signal(int)
    blockLoaded = Signal(int, int)

    def __init__(
        self,
        ops: Ops,
        columns: Sequence[Column],
        *,
        fetch_ids: Callable[..., Sequence[int]],
        fetch_rows: Callable[..., Mapping[int, Any]],
        refresh_on: Iterable[SignalInstance] = (),
        initial_filter: Any = None,
        initial_sort: tuple[str | None, bool] = (None, False),
        row_style: Callable[[Any], RowStyle] | None = None,
        block_size: int = DEFAULT_BLOCK,
        prefetch_first_block: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._columns = list(columns)
        self._fetch_ids = fetch_ids
        self._fetch_rows = fetch_rows
        self._row_style = row_style
        self._block_size = max(1, block_size)
        self._filter = initial_filter
        self._sort_key, self._descending = initial_sort
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._blocks: dict[int, list[Any]] = {}
        self._requested: set[int] = set()
        self._generation = 0
        self._ids_in_flight = False
        self._reload_again = False
        self._has_loaded = False
        self._prefetch_first = prefetch_first_block
        for signal in refresh_on:
            signal.connect(self.refresh)

    # -- what the tab calls ------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def filter(self) -> Any:
        return self._filter

    @property
    def sort_key(self) -> str | None:
        return self._sort_key

    @property
    def has_loaded(self) -> bool:
        """True once the first list of ids has arrived."""
        return self._has_loaded

    def set_filter(self, value: Any) -> None:
        """Show only the ids ``fetch_ids`` returns for ``value``; reloads."""
        self._filter = value
        self.refresh()

    def set_sort(self, sort_key: str | None, descending: bool = False) -> None:
        self._sort_key, self._descending = sort_key, descending
        self.refresh()

    def refresh(self, *_event: object) -> None:
        """Reload the ids (and drop cached rows). Bursts of calls coalesce into one reload."""
        if self._ids_in_flight:
            self._reload_again = True
            return
        self._ids_in_flight = True
        self._reload_again = False
        self._ops.query(
            _fetch_ids_read,
            self._fetch_ids,
            self._filter,
            self._sort_key,
            self._descending,
            on_done=self._ids_arrived,
            on_error=self._ids_failed,
            owner=self,
        )

    def ids(self) -> tuple[int, ...]:
        return tuple(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {value: index for index, value in enumerate(self._ids)}
        return self._row_of.get(item_id)

    def row_data(self, row: int) -> Any | None:
        """The loaded row object at ``row`` (None while its block is still loading)."""
        block = self._blocks.get(row // self._block_size)
        if block is None:
            return None
        offset = row % self._block_size
        return block[offset] if offset < len(block) else None

    # -- Qt model interface ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self._columns[section].title
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: AnyIndex, role: int = DISPLAY_ROLE) -> Any:
        role = int(role)
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        row_number = index.row()
        if role == ID_ROLE:
            return self.id_at(row_number)
        row = self.row_data(row_number)
        if row is None:
            if role in (DISPLAY_ROLE, ROW_ROLE):
                self._request_block(row_number // self._block_size)
            return "" if role == DISPLAY_ROLE else None
        column = self._columns[index.column()]
        if role == DISPLAY_ROLE:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == TOOLTIP_ROLE:
            return safe_tooltip(column.text(row)) if column.tooltip else None
        if role == ALIGNMENT_ROLE:
            return int(column.align.value)
        if self._row_style is not None:  # a style role (the only ones left)
            return self._styled(row, role)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    # -- loading -----------------------------------------------------------------------

    def _styled(self, row: Any, role: int) -> Any:
        assert self._row_style is not None
        style = self._row_style(row)
        if role == int(Qt.ItemDataRole.FontRole) and style.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == int(Qt.ItemDataRole.ForegroundRole) and style.foreground:
            return QBrush(QColor(style.foreground))
        if role == int(Qt.ItemDataRole.BackgroundRole) and style.background:
            return QBrush(QColor(style.background))
        return None

    def _ids_arrived(self, ids: list[int]) -> None:
        first_load = not self._has_loaded
        self._ids_in_flight = False
        self._generation += 1
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._blocks.clear()
        self._requested.clear()
        self.endResetModel()
        self._has_loaded = True
        if first_load and self._prefetch_first:
            self._request_block(0)  # the rows a first show draws, while the page is hidden
        self.loaded.emit(len(ids))
        if self._reload_again:
            self.refresh()

    def _ids_failed(self, exc: BaseException) -> None:
        self._ids_in_flight = False
        self._ops.show_error(str(exc))
        if self._reload_again:
            self.refresh()

    def _request_block(self, block: int) -> None:
        if block in self._requested or block in self._blocks:
            return
        first = block * self._block_size
        ids = self._ids[first : first + self._block_size]
        if not ids:
            return
        self._requested.add(block)
        generation = self._generation

        def arrived(rows: dict[int, Any]) -> None:
            if generation != self._generation:
                return
            self._blocks[block] = [rows.get(item_id) for item_id in ids]
            self._requested.discard(block)
            last = first + len(ids) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))
            self.blockLoaded.emit(first, last)

        def failed(exc: BaseException) -> None:
            self._requested.discard(block)
            self._ops.show_error(str(exc))

        self._ops.query(
            _fetch_rows_read, self._fetch_rows, ids, on_done=arrived, on_error=failed, owner=self
        )

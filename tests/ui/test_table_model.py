"""IdTableModel: ids first, rows in blocks as drawn, sort and filter in SQL, refresh on events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.models import Contact
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import contacts
from careops_desktop.ui.table_model import ID_ROLE, ROW_ROLE, Column, IdTableModel, RowStyle

ORDER = {"name": Contact.name, "email": Contact.email, "id": Contact.id}


def contact_ids(session: Session, text: str | None, sort_key: str | None, desc: bool) -> list[int]:
    column = ORDER[sort_key or "id"]
    query = select(Contact.id).order_by(column.desc() if desc else column, Contact.id)
    if text:
        query = query.where(Contact.name.contains(text))
    return list(session.scalars(query))


def contact_rows(session: Session, ids: list[int]) -> dict[int, Any]:
    fetched.append(len(ids))
    rows = session.scalars(select(Contact).where(Contact.id.in_(ids)))
    return {c.id: contacts.view_of(c) for c in rows}


fetched: list[int] = []


def _seed(db, count: int) -> None:
    with db.write_session() as session:
        for i in range(count):
            session.add(Contact(name=f"Person {i:03d}", email=f"p{i}@example.com"))


def _model(ops, bridge=None, **kwargs: Any) -> IdTableModel:
    return IdTableModel(
        ops,
        [
            Column("name", "Name", sort_key="name", tooltip=True),
            Column("email", "Email", sort_key="email"),
            Column("phone", "Phone"),
        ],
        fetch_ids=contact_ids,
        fetch_rows=contact_rows,
        refresh_on=[bridge.contactsChanged] if bridge else [],
        initial_sort=("id", False),
        block_size=50,
        **kwargs,
    )


def test_rows_load_in_blocks_as_asked(ops, db, qtbot) -> None:
    _seed(db, 300)
    fetched.clear()
    model = _model(ops)
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        model.refresh()
    assert loaded.args == [300]
    assert model.rowCount() == 300 and model.columnCount() == 3
    assert fetched == []  # nothing drawn yet, no row fetched
    assert model.index(299, 0).data() == ""  # asks for the last block
    with qtbot.waitSignal(model.blockLoaded, timeout=10_000) as block:
        pass
    assert block.args == [250, 299]
    assert fetched == [50]
    assert model.index(299, 0).data() == "Person 299"
    assert model.index(299, 2).data() == ""  # no phone
    assert model.index(299, 0).data(ID_ROLE) == model.id_at(299)
    assert model.index(299, 0).data(ROW_ROLE).email == "p299@example.com"
    assert model.row_of(model.id_at(10)) == 10
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Email"


def test_the_first_block_can_be_fetched_before_it_is_drawn(ops, db, qtbot) -> None:
    _seed(db, 120)
    fetched.clear()
    model = _model(ops, prefetch_first_block=True)
    with qtbot.waitSignal(model.blockLoaded, timeout=10_000) as block:
        model.refresh()
    assert block.args == [0, 49]
    assert fetched == [50]  # the first block only, nothing drawn
    assert model.row_data(0) is not None and model.row_data(50) is None
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.refresh()  # later reloads load rows as they are drawn again
    qtbot.wait(100)
    assert fetched == [50] and model.row_data(0) is None


def test_sort_and_filter_reload_the_ids(ops, db, qtbot) -> None:
    _seed(db, 30)
    model = _model(ops)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.refresh()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    model.index(0, 0).data()
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "Person 029", timeout=10_000)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # the phone column is not sortable
    assert model.sort_key == "name"
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        model.set_filter("Person 01")
    assert loaded.args == [10]


def test_a_core_event_refreshes_the_model(ops, db, bridge, qtbot) -> None:
    _seed(db, 5)
    model = _model(ops, bridge)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.refresh()
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        db.call(contacts.create_contact, Actor.system(), name="<b>x</b>", email="x@example.com")
    assert loaded.args == [6]
    model.index(5, 0).data()
    qtbot.waitUntil(lambda: model.index(5, 0).data() == "<b>x</b>", timeout=10_000)
    assert "&lt;b&gt;x&lt;/b&gt;" in model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_row_style_and_a_real_view(ops, db, qtbot) -> None:
    _seed(db, 3)
    model = _model(ops, row_style=lambda row: RowStyle(bold=row.name.endswith("1")))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.refresh()
    view.show()
    qtbot.waitUntil(lambda: model.index(1, 0).data() == "Person 001", timeout=10_000)
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None

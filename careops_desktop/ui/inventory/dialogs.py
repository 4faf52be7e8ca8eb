"""New item, restock and adjust dialogs; refusals are shown at their fields."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import inventory
from careops_desktop.core.services.inventory import ItemView
from careops_desktop.ui.ops import Ops
from careops_desktop.ui.plain import plain_label
from careops_desktop.ui.widgets.command_dialog import CommandDialog

AMOUNT_LIMIT = 1_000_000


def _spin(low: int, high: int, value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class ItemDialog(CommandDialog):
    """A new stock item; ``succeeded(ItemView)``."""

    def __init__(self, ops: Ops, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ops, self.tr("New stock item"), self.tr("Add"), parent)
        self._actor = actor
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.unit = QLineEdit(self.tr("pcs"))
        self.unit.setMaxLength(32)
        self.quantity = _spin(0, AMOUNT_LIMIT)
        self.low_threshold = _spin(0, AMOUNT_LIMIT, 5)
        self.form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.form.addRow(self.tr("Unit"), self.errors.wrap("unit", self.unit))
        self.form.addRow(self.tr("In stock now"), self.errors.wrap("quantity", self.quantity))
        self.form.addRow(
            self.tr("Low at or below"), self.errors.wrap("low_threshold", self.low_threshold)
        )

    def submit(self) -> None:
        self.run(
            inventory.create_item,
            self._actor,
            name=self.name.text(),
            unit=self.unit.text(),
            quantity=self.quantity.value(),
            low_threshold=self.low_threshold.value(),
        )


class StockDialog(CommandDialog):
    """Restock (``mode="restock"``: add an amount) or adjust (a signed correction)."""

    def __init__(
        self, ops: Ops, actor: Actor, item: ItemView, mode: str, parent: QWidget | None = None
    ) -> None:
        restock = mode == "restock"
        super().__init__(
            ops,
            (self.tr("Restock {item}") if restock else self.tr("Adjust {item}")).format(
                item=item.name
            ),
            self.tr("Restock") if restock else self.tr("Adjust"),
            parent,
        )
        self._actor = actor
        self._item = item
        self._restock = restock
        self.body.insertWidget(
            0,
            plain_label(
                self.tr("“{item}”: {quantity} {unit} in stock.").format(
                    item=item.name, quantity=QLocale().toString(item.quantity), unit=item.unit
                ),
                wrap=True,
            ),
        )
        key = "amount" if restock else "delta"
        self.amount = _spin(1 if restock else -AMOUNT_LIMIT, AMOUNT_LIMIT, 1 if restock else 0)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(
            self.tr("e.g. delivery note number")
            if restock
            else self.tr("Why: counted shelf, breakage…")
        )
        words = self.tr("Amount received") if restock else self.tr("Change (+ or −)")
        self.form.addRow(words, self.errors.wrap(key, self.amount))
        self.form.addRow(self.tr("Note"), self.errors.wrap("note", self.note))

    def submit(self) -> None:
        action = inventory.restock if self._restock else inventory.adjust
        self.run(action, self._actor, self._item.id, self.amount.value(), self.note.text())

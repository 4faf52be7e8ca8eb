"""A conversation's messages as cards: a header line and the body, painted as plain text.

Incoming messages sit on the left, staff replies on the right, system notes in
the middle. ``QPainter.drawText`` never interprets markup, so customer text is
shown exactly as written.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from careops_desktop.core.services.inbox import MessageView
from careops_desktop.ui.inbox.model import MESSAGE_ROLE, MessagesModel, message_header

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 8
GAP = 6
CARD_SHARE = 0.78  # a card takes this share of the width
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.TextFlag.TextWrapAnywhere)

CARD_COLOURS = {  # (light, dark)
    "in": ("#f3f4f6", "#2b2d31"),
    "out": ("#dbeafe", "#1e3a5f"),
    "system": ("#fef9c3", "#3f3a1a"),
    "failed": ("#fee2e2", "#5b1f1f"),
}


class MessageDelegate(QStyledItemDelegate):
    """Paints one message card; heights follow the view's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _card_width(self) -> int:
        return max(160, int((self._view.viewport().width() - 2 * PAD) * CARD_SHARE))

    def _texts(self, index: AnyIndex) -> tuple[MessageView, str]:
        message: MessageView = index.data(MESSAGE_ROLE)
        model = index.model()
        zone = model.zone if isinstance(model, MessagesModel) else None
        header = message_header(message, zone) if zone is not None else message.sender_name
        return message, header

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        message, header = self._texts(index)
        metrics = QFontMetrics(option.font)
        inner = self._card_width() - 2 * PAD
        head = metrics.boundingRect(QRect(0, 0, inner, 10_000), WRAP, header).height()
        body = metrics.boundingRect(QRect(0, 0, inner, 100_000), WRAP, message.content).height()
        return QSize(self._view.viewport().width() - 4, head + body + 2 * PAD + GAP + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        message, header = self._texts(index)
        painter.save()
        try:
            dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
            kind = "system" if message.sender_type == "system" else message.direction
            if message.delivery_status in ("failed", "bounced"):
                kind = "failed"
            fill = QColor(CARD_COLOURS[kind][1 if dark else 0])
            width = self._card_width()
            rect = option.rect.adjusted(PAD, GAP // 2, -PAD, -GAP // 2)
            if kind == "system":
                left = rect.left() + (rect.width() - width) // 2
            elif message.direction == "out":
                left = rect.right() - width
            else:
                left = rect.left()
            card = QRect(left, rect.top(), width, rect.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(card, 6, 6)
            if option.state & QStyle.StateFlag.State_Selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
                painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 6, 6)
            text = option.palette.color(QPalette.ColorRole.Text)
            metrics = QFontMetrics(option.font)
            inner = card.adjusted(PAD, PAD, -PAD, -PAD)
            head_h = metrics.boundingRect(QRect(0, 0, inner.width(), 10_000), WRAP, header).height()
            muted = QColor(text)
            muted.setAlpha(170)
            painter.setFont(option.font)
            painter.setPen(muted)
            painter.drawText(QRect(inner.left(), inner.top(), inner.width(), head_h), WRAP, header)
            painter.setPen(text)
            body = QRect(inner.left(), inner.top() + head_h + 4, inner.width(), inner.height())
            painter.drawText(body, WRAP, message.content)
        finally:
            painter.restore()


class ThreadView(QListView):
    """The list of message cards, scrolled to the newest; copy a message from its menu,
    or ask to save an incoming email's original (``saveOriginalRequested(message id)``)."""

    saveOriginalRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(MessageDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setAccessibleName(self.tr("Messages"))
        self._at_end = True  # showing the newest: stay there when the view shrinks or grows
        self.verticalScrollBar().valueChanged.connect(self._note_place)
        self.verticalScrollBar().rangeChanged.connect(self._keep_end)

    def _note_place(self, value: int) -> None:
        self._at_end = value >= self.verticalScrollBar().maximum() - 4

    def _keep_end(self, _low: int, high: int) -> None:
        """A banner above appeared or cards grew: the newest message stays in sight,
        unless the person had scrolled back to read."""
        if self._at_end:
            self.verticalScrollBar().setValue(high)

    def _menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        message: MessageView = index.data(MESSAGE_ROLE)
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy message text"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(message.content))
        if message.direction == "in" and message.channel == "email":
            save = menu.addAction(self.tr("Save original email…"))
            save.triggered.connect(lambda: self.saveOriginalRequested.emit(message.id))
        menu.popup(self.viewport().mapToGlobal(pos))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # card heights follow the width

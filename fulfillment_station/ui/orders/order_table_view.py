"""The order list's view: :class:`OrderTableView`, a ``QTableView`` set up for scanning a long
list of orders, and :class:`OrderCellDelegate`, which paints its cells.

The benchmarks build the same view, so what they time is what the packer sees.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QPainter,
    QPalette,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from fulfillment_station.services.order_filters import Column
from fulfillment_station.ui.orders.order_table import OrderFilterProxy

#: Starting widths in pixels; the packer can resize and move columns.
COLUMN_WIDTHS: dict[Column, int] = {
    Column.NUMBER: 170,
    Column.DATE: 130,
    Column.CUSTOMER: 170,
    Column.COUNTRY: 60,
    Column.ITEMS: 75,
    Column.TOTAL: 100,
    Column.STATUS: 95,
    Column.FULFILLMENT: 95,
}
ROW_HEIGHT = 24

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_TEXT_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight
_GROUPS = (QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText)
_MAX_LINES = 20_000  # laid-out cell texts kept; about 1 KB each


class OrderCellDelegate(QStyledItemDelegate):
    """Paints a cell as ``QStyledItemDelegate`` does; cells whose text was seen before, at
    about half the cost.

    A repaint of the table is part of every keystroke in the search box, and Qt's delegate
    spends it in two places: it asks the model for seven roles per cell (font, alignment,
    colour, check state, icon, text, background), each a call into Python, of which the
    order model answers two; and it lays each cell's text out twice, elision included, on
    every paint. Here the text and alignment come from the proxy in one call each, and each
    text is laid out once per column width, kept as a ``QStaticText``.

    The style still draws the cell's background and selection. A text painted for the first
    time, the cell with the keyboard focus, and every cell in a right-to-left layout go
    through Qt's own painting (with the cheap data lookup): a text is kept only once it is
    seen again, and focus frames look exactly as the style draws them.
    ``tests/ui/test_order_table_view.py`` compares the whole table against Qt's delegate,
    pixel for pixel. Should the model ever answer font, colour or icon roles, they must be
    painted here too.
    """

    def __init__(self, proxy: OrderFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._lines: dict[tuple[str, int, Any], tuple[QStaticText, int]] = {}
        self._seen: set[tuple[str, int, Any]] = set()  # painted once, by Qt
        self._pens: dict[tuple[int, int, int], QColor] = {}

    @property
    def kept_layouts(self) -> int:
        """How many cell texts are kept laid out."""
        return len(self._lines)

    def forget_layouts(self) -> None:
        """Lay texts out afresh (the font changed)."""
        self._lines.clear()
        self._seen.clear()

    def initStyleOption(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row, column = index.row(), index.column()
        option.index = index  # type: ignore[assignment]
        option.displayAlignment = self._proxy.data_at(row, column, _ALIGNMENT)
        text = self._proxy.data_at(row, column, _DISPLAY)
        if text is not None:
            option.features |= _HAS_DISPLAY
            option.text = text

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = option.state.value
        widget = option.widget
        if state & _HAS_FOCUS or widget is None or widget.isRightToLeft():
            super().paint(painter, option, index)
            return
        row, column = index.row(), index.column()
        style = widget.style()
        text = self._proxy.data_at(row, column, _DISPLAY)
        if not text:
            style.drawPrimitive(_PANEL, option, painter, widget)
            return
        rect = option.rect
        margin = style.pixelMetric(_TEXT_MARGIN, None, widget) + 1
        width = rect.width() - 2 * margin
        alignment = self._proxy.data_at(row, column, _ALIGNMENT)
        key = (text, width, alignment)
        line = self._lines.get(key)
        if line is None:
            if key not in self._seen:
                # A text seen once (an order number, a date) may never be painted again:
                # Qt lays it out, for less than making and keeping a static text costs.
                if len(self._seen) >= _MAX_LINES:
                    self._seen.clear()
                self._seen.add(key)
                super().paint(painter, option, index)
                return
            line = self._lay_out(key, option)
        style.drawPrimitive(_PANEL, option, painter, widget)
        static, height = line
        painter.setPen(self._pen(option, state))
        # As QCommonStyle places it: the line's box centred in whole pixels.
        painter.drawStaticText(rect.x() + margin, rect.y() + (rect.height() - height) // 2, static)

    def _lay_out(
        self, key: tuple[str, int, Any], option: QStyleOptionViewItem
    ) -> tuple[QStaticText, int]:
        text, width, alignment = key
        if len(self._lines) >= _MAX_LINES:
            self._lines.clear()
        font = option.font
        if not alignment & _ALIGN_RIGHT:
            # Left-aligned (most columns): one layout, and a second only to elide.
            static = _static_text(text, font)
            if static.size().width() > width:
                static = _static_text(
                    option.fontMetrics.elidedText(text, option.textElideMode, width), font
                )
        else:
            # Aligned within the cell's width by the layout itself, as Qt's delegate does:
            # the same sub-pixel glyph positions, so the same pixels.
            shown = option.fontMetrics.elidedText(text, option.textElideMode, width)
            static = _static_text(shown, font, alignment & _HORIZONTAL, width)
        line = self._lines[key] = (static, round(static.size().height()))
        return line

    def _pen(self, option: QStyleOptionViewItem, state: int) -> QColor:
        # QCommonStyle's choice: the text colour of the palette group the cell is in.
        group = (0 if state & _ACTIVE else 1) if state & _ENABLED else 2
        selected = 1 if state & _SELECTED else 0
        palette = option.palette
        key = (palette.cacheKey(), group, selected)
        pen = self._pens.get(key)
        if pen is None:
            if len(self._pens) > 64:
                self._pens.clear()
            pen = self._pens[key] = palette.color(_GROUPS[group], _ROLES[selected])
        return pen


def _static_text(
    text: str, font: QFont, alignment: Any = None, width: int | None = None
) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # API text is never markup
    option = QTextOption() if alignment is None else QTextOption(alignment)
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)  # one line, as the style lays it out
    static.setTextOption(option)
    if width is not None:
        static.setTextWidth(width)
    static.prepare(font=font)
    return static


class OrderTableView(QTableView):
    """The order table: whole rows selected (several with Shift/Ctrl), sortable by any
    column, one line per order, columns the packer can move and resize.

    A right click or the menu key asks for the order menu (``order_menu_requested``): the
    window decides what is in it."""

    #: where the menu goes (global) and the row clicked (-1: the menu key, or below the
    #: last row: the selection as it is)
    order_menu_requested = Signal(QPoint, int)

    def __init__(self, proxy: OrderFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.cells = OrderCellDelegate(proxy, self)
        self.setItemDelegate(self.cells)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)  # one line per order; wrapping makes each repaint 1/3 dearer
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionsMovable(True)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            rows = sorted(index.row() for index in self.selectionModel().selectedRows())
            if not rows:
                event.ignore()
                return
            self.scrollTo(self.model().index(rows[0], 0))
            rect = self.visualRect(self.model().index(rows[0], 0))
            corner = rect.bottomLeft() if rect.isValid() else self.viewport().rect().topLeft()
            self.order_menu_requested.emit(self.viewport().mapToGlobal(corner), -1)
        else:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
            self.order_menu_requested.emit(
                event.globalPos(), index.row() if index.isValid() else -1
            )
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.cells.forget_layouts()
        super().changeEvent(event)

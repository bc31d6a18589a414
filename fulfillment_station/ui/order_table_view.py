"""The order list's view: :class:`OrderTableView`, a ``QTableView`` set up for scanning a long
list of orders, and :class:`OrderCellDelegate`, which paints its cells.

The benchmarks build the same view, so what they time is what the packer sees.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from fulfillment_station.ui.order_table import Column, OrderFilterProxy

#: Starting widths in pixels; the packer can resize and move columns.
COLUMN_WIDTHS: dict[Column, int] = {
    Column.NUMBER: 170, Column.DATE: 130, Column.CUSTOMER: 170, Column.COUNTRY: 60,
    Column.ITEMS: 75, Column.TOTAL: 100, Column.STATUS: 95, Column.FULFILLMENT: 95,
}
ROW_HEIGHT = 24

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay


class OrderCellDelegate(QStyledItemDelegate):
    """Paints a cell exactly as ``QStyledItemDelegate`` does, but asks the proxy for its text
    and alignment directly.

    For every cell it paints, Qt's delegate asks the model for seven roles (font, alignment,
    colour, check state, icon, text, background), each a call into Python; the order model
    answers only text and alignment. Asking for those two in one Python call makes a repaint
    of the table about a quarter cheaper, and a repaint is part of every keystroke in the
    search box. Should the model ever answer font, colour or icon roles, they must be set
    here too (``tests/ui/test_order_table_view.py`` compares this against Qt's delegate
    pixel for pixel).
    """

    def __init__(self, proxy: OrderFilterProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row, column = index.row(), index.column()
        option.index = index  # type: ignore[assignment]
        option.displayAlignment = self._proxy.data_at(row, column, _ALIGNMENT)
        text = self._proxy.data_at(row, column, _DISPLAY)
        if text is not None:
            option.features |= _HAS_DISPLAY
            option.text = text


class OrderTableView(QTableView):
    """The order table: whole rows selected (several with Shift/Ctrl), sortable by any
    column, one line per order, columns the packer can move and resize."""

    def __init__(self, proxy: OrderFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setItemDelegate(OrderCellDelegate(proxy, self))
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

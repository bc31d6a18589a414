"""The order table view: its cell delegate paints exactly what Qt's own delegate paints."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate

from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.services.order_filters import Column
from fulfillment_station.ui.orders.order_table import OrderFilterProxy, OrderTableModel
from fulfillment_station.ui.orders.order_table_view import OrderCellDelegate, OrderTableView
from tests.helpers.factories import build_order, cached_summaries, make_orders
from tests.ui.test_order_table import NOW

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


def _grab(view: OrderTableView) -> QImage:
    view.viewport().grab()  # a text is kept laid out from its second paint on
    return view.viewport().grab().toImage()


def test_cells_look_as_qt_would_paint_them(qtbot: Any, tmp_path: Path) -> None:
    orders = [
        build_order(
            "long",
            number="#1",
            customer={
                "name": "Maximiliane Wolkenstein-Rodenegg von Trostburg und Hauenstein",
                "email": "max@example.at",
            },
        ),
        *make_orders(30, seed=3),
    ]
    model = OrderTableModel(cached_summaries(tmp_path, orders))
    proxy = OrderFilterProxy(model, clock=lambda: NOW)
    view = OrderTableView(proxy)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitExposed(view)
    assert isinstance(view.itemDelegate(), OrderCellDelegate)
    # a shipment under way (status text with a suffix), a selection, the current cell
    model.set_pending({OrderRef("shop", orders[2].id): "shipping…"})
    view.selectionModel().setCurrentIndex(
        proxy.index(3, Column.CUSTOMER),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setFocus()

    ours = _grab(view)
    assert view.cells.kept_layouts > 60  # the picture is of kept texts, not Qt's painting
    view.setItemDelegate(QStyledItemDelegate(view))
    qt_own = _grab(view)

    assert ours == qt_own
    # ... and it is a picture of text, not two equally blank views
    colours = {
        ours.pixel(x, y) for x in range(0, ours.width(), 3) for y in range(0, ours.height(), 3)
    }
    assert len(colours) > 20


def test_the_delegate_sizes_cells_from_the_same_text(qtbot: Any, tmp_path: Path) -> None:
    model = OrderTableModel(cached_summaries(tmp_path, make_orders(5, seed=4)))
    proxy = OrderFilterProxy(model, clock=lambda: NOW)
    view = OrderTableView(proxy)
    qtbot.addWidget(view)
    ours = view.sizeHintForColumn(Column.CUSTOMER)
    view.setItemDelegate(QStyledItemDelegate(view))
    assert ours == view.sizeHintForColumn(Column.CUSTOMER) > 0
    assert (
        proxy.data_at(0, Column.TOTAL, Qt.ItemDataRole.TextAlignmentRole)
        & Qt.AlignmentFlag.AlignRight
    )

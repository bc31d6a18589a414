"""The one base of the table models: rows, Qt's index checks, headers, number alignment and
in-place edits behave the same in every table, seen through a real QTableView."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

import fulfillment_station.ui as ui_package
from fulfillment_station.ui.common.table_model import RowTableModel

pytestmark = pytest.mark.gui


@dataclass
class Parcel:
    name: str
    kilos: int


class ParcelsModel(RowTableModel[Parcel]):
    editable_columns = frozenset({1})
    number_columns = frozenset({1})

    def header_words(self) -> list[str]:
        return ["Parcel", "Kilos"]

    def cell(self, row: Parcel, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.name, row.kilos)[column]
        return None

    def set_cell(self, row: Parcel, column: int, value: Any) -> bool:
        try:
            kilos = int(value)
        except (TypeError, ValueError):
            return False
        if kilos < 0:
            return False
        row.kilos = kilos
        return True


def test_rows_headers_and_alignment_reach_a_view(qtbot: Any) -> None:
    model = ParcelsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([Parcel("A", 2), Parcel("B", 5)])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Kilos"
    assert model.headerData(7, Qt.Orientation.Horizontal) is None
    assert model.data(model.index(1, 0)) == "B"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(1, 1), Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.data(model.index(1, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    # A table is flat: a valid parent has no children, an invalid index no data.
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
    assert model.row_at(5) is None
    assert model.find_row(lambda p: p.name == "B") == 1


def test_edits_go_through_set_cell_and_refuse_what_it_refuses(qtbot: Any) -> None:
    model = ParcelsModel()
    model.set_rows([Parcel("A", 2)])
    kilos, name = model.index(0, 1), model.index(0, 0)
    assert model.flags(kilos) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(name) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(kilos, "7")
    assert model.rows[0].kilos == 7
    with qtbot.assertNotEmitted(model.dataChanged):
        assert not model.setData(kilos, "seven")
        assert not model.setData(kilos, "-1")
        assert not model.setData(name, "Z")  # not an editable column
    assert model.rows[0] == Parcel("A", 7)


def test_inserted_and_removed_rows_are_signalled(qtbot: Any) -> None:
    model = ParcelsModel()
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.append_row(Parcel("C", 1)) == 0
    assert inserted.args[1:] == [0, 0]
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_row(0)
    with qtbot.assertNotEmitted(model.rowsRemoved):
        model.remove_row(3)  # out of range: nothing to remove
    assert model.rows == []


def test_every_table_model_of_the_app_shares_the_base() -> None:
    """One base for the table models: a new QAbstractTableModel subclass in ui/ would bring
    back the copied row bookkeeping this base replaced."""
    import sys

    from PySide6.QtCore import QAbstractTableModel

    import fulfillment_station.ui.dialogs.bulk_ship_dialog
    import fulfillment_station.ui.dialogs.connection_dialog
    import fulfillment_station.ui.dialogs.create_order_dialog
    import fulfillment_station.ui.orders.detail_pane
    import fulfillment_station.ui.orders.order_table
    import fulfillment_station.ui.pack.pack_mode
    import fulfillment_station.ui.panels.outbox_panel
    import fulfillment_station.ui.panels.print_queue_panel  # noqa: F401

    models = {
        cls
        for name, module in sys.modules.items()
        if name.startswith(ui_package.__name__ + ".")
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == name and issubclass(cls, QAbstractTableModel)
    }
    assert len(models) >= 8
    assert {cls.__name__ for cls in models if not issubclass(cls, RowTableModel)} == set()

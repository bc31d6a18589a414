"""The bulk ship dialog: one tracking number per selected order, typed, scanned or imported.

Each row's carrier follows its tracking number (``parse_tracking``) until the packer sets one.
Enter in a tracking cell commits it and moves to the next order, so a run of scans fills the
table. "Import CSV…" reads ``order number, carrier, tracking[, LINE:QTY;LINE:QTY]`` and reports
each bad row by number. The result is a list of ``BulkShipItem``; after sending, the caller
hands back the outcome per order with :meth:`BulkShipDialog.show_results`, and "Retry failed"
offers just the failed items again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.requests import BulkShipItem
from fulfillment_station.domain.workflow import check_shipment
from fulfillment_station.scanning.tracking import CheckVerdict, default_table, parse_tracking
from fulfillment_station.services.bulk_ship_csv import MAX_TEXT_CHARS, parse_bulk_ship_csv
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.table_model import RowTableModel
from fulfillment_station.ui.dialogs.ship_dialog import plain_label, sentence

AnyIndex = QModelIndex | QPersistentModelIndex
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Column(IntEnum):
    ORDER = 0
    CUSTOMER = 1
    TRACKING = 2
    CARRIER = 3
    RESULT = 4


@dataclass
class BulkRow:
    order: Order
    tracking: str = ""
    carrier: str = ""
    carrier_by_hand: bool = False
    lines: dict[str, int] = field(default_factory=dict)
    note: str = ""  # the tracking verdict, then the send result
    ok: bool | None = None

    def item(self) -> BulkShipItem:
        return BulkShipItem(
            order_id=self.order.id,
            carrier=self.carrier,
            tracking_number=self.tracking,
            lines=dict(self.lines),
        )


class BulkShipModel(RowTableModel[BulkRow]):
    editable_columns = frozenset({Column.TRACKING, Column.CARRIER})

    def __init__(self, orders: Sequence[Order], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = [BulkRow(order) for order in orders]

    def header_words(self) -> list[str]:
        words = {
            Column.ORDER: self.tr("Order"),
            Column.CUSTOMER: self.tr("Customer"),
            Column.TRACKING: self.tr("Tracking number"),
            Column.CARRIER: self.tr("Carrier"),
            Column.RESULT: self.tr("Result"),
        }
        return [words[column] for column in Column]

    def cell(self, row: BulkRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                Column.ORDER: row.order.number,
                Column.CUSTOMER: row.order.customer.name,
                Column.TRACKING: row.tracking,
                Column.CARRIER: row.carrier,
                Column.RESULT: row.note,
            }[Column(column)]
        return None

    def set_cell(self, row: BulkRow, column: int, value: Any) -> bool:
        if column == Column.TRACKING:
            self._apply_tracking(row, str(value))
            return True
        row.carrier = str(value).strip()
        row.carrier_by_hand = bool(row.carrier)
        return True

    def set_tracking(self, row_no: int, text: str, carrier: str = "") -> None:
        self._apply_tracking(self.rows[row_no], text, carrier)
        self.refresh_rows(row_no, row_no)

    def _apply_tracking(self, row: BulkRow, text: str, carrier: str = "") -> None:
        parse = parse_tracking(text)
        row.tracking = (parse.number or parse.normalised) if text.strip() else ""
        if carrier.strip():
            row.carrier, row.carrier_by_hand = carrier.strip(), True
        elif not row.carrier_by_hand and parse.carrier is not None:
            row.carrier = default_table().carriers[parse.carrier].name
        if not row.tracking:
            row.note = ""
        elif not parse.recognised:
            row.note = self.tr("Unknown format: check it")
        elif parse.check_digit == CheckVerdict.INVALID:
            row.note = self.tr("Check digit wrong: rescan")
        else:
            row.note = self.tr("OK")
        row.ok = None

    def row_of_number(self, number: str) -> int | None:
        wanted = number.strip().lstrip("#")
        return self.find_row(lambda row: row.order.number == wanted)

    def set_results(self, per_order: Mapping[str, tuple[bool, str]]) -> None:
        for row in self.rows:
            if row.order.id in per_order:
                ok, message = per_order[row.order.id]
                row.ok = ok
                row.note = (
                    self.tr("Shipped")
                    if ok
                    else self.tr("Failed: {message}").format(message=translate_message(message))
                )
                if ok and message:
                    row.note += f" ({translate_message(message)})"
        self.refresh_rows()


class _NextRowDelegate(QStyledItemDelegate):
    """Enter in a cell editor commits and asks for the next row (scanners end with Enter)."""

    next_requested = Signal(int)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setProperty("row", index.row())
        return editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
            self.next_requested.emit(int(watched.property("row")))
            return True
        return super().eventFilter(watched, event)


class BulkShipDialog(QDialog):
    retry_failed_requested = Signal(list)

    def __init__(
        self, orders: Sequence[Order], capabilities: Capabilities, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._caps = capabilities
        self._items: list[BulkShipItem] = []
        self.setWindowTitle(self.tr("Ship %n order(s)", "", len(orders)))
        self.model = BulkShipModel(orders, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.horizontalHeader().setSectionResizeMode(
            Column.RESULT, QHeaderView.ResizeMode.Stretch
        )
        self.delegate = _NextRowDelegate(self.table)
        self.delegate.next_requested.connect(self._next_row)
        self.table.setItemDelegate(self.delegate)

        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self._choose_csv)
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self._retry_failed)
        self.error_label = plain_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Ship all"))
        self.ok_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if not capabilities.supports(Operation.BULK_SHIP):
            layout.addWidget(
                plain_label(translate_message(capabilities.why_not(Operation.BULK_SHIP)))
            )
        layout.addWidget(
            plain_label(
                self.tr("Scan or type each order's tracking number; Enter moves to the next order.")
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self.import_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.buttons)
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, Column.TRACKING))
        self.table.setFocus()

    # -- typing and scanning --------------------------------------------------------------------

    def _next_row(self, row: int) -> None:
        nxt = row + 1
        if nxt < self.model.rowCount():
            index = self.model.index(nxt, Column.TRACKING)
            self.table.setCurrentIndex(index)
            self.table.edit(index)
        else:
            self.ok_button.setFocus()

    # -- CSV ------------------------------------------------------------------------------------

    def _choose_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import tracking numbers"), "", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            with Path(path).open("rb") as handle:  # bounded: a wrong file can be huge
                text = handle.read(MAX_TEXT_CHARS + 1).decode("utf-8-sig", errors="replace")
        except (OSError, UnicodeDecodeError) as exc:
            self.error_label.setText(
                self.tr("Could not read {path}: {why}").format(path=path, why=exc)
            )
            return
        self.import_csv(text)

    def import_csv(self, text: str) -> list[str]:
        """Fill rows from CSV ``text`` (read by ``services.bulk_ship_csv``, which never
        raises); return (and show) one sentence per bad row."""
        parsed = parse_bulk_ship_csv(text, [row.order for row in self.model.rows])
        for shipment in parsed.shipments:
            self.model.set_tracking(
                shipment.order_index, shipment.tracking, carrier=shipment.carrier
            )
            self.model.rows[shipment.order_index].lines = dict(shipment.lines)
        errors = [translate_message(problem) for problem in parsed.problems]
        self.error_label.setText("\n".join(errors))
        return errors

    # -- result ---------------------------------------------------------------------------------

    def validate(self) -> list[str]:
        problems = []
        for row in self.model.rows:
            try:
                check_shipment(row.order, row.lines or None)
            except DomainError as exc:
                problems.append(
                    self.tr("Order {n}: {why}").format(n=row.order.number, why=sentence(exc))
                )
                continue
            if not row.tracking:
                problems.append(
                    self.tr("Order {n} has no tracking number.").format(n=row.order.number)
                )
            elif not row.carrier:
                problems.append(self.tr("Order {n} has no carrier.").format(n=row.order.number))
            elif parse_tracking(row.tracking).check_digit == CheckVerdict.INVALID:
                problems.append(
                    self.tr(
                        "Order {n}'s tracking number has a wrong check digit; rescan it."
                    ).format(n=row.order.number)
                )
        return problems

    def accept(self) -> None:
        problems = self.validate()
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        self._items = [row.item() for row in self.model.rows]
        super().accept()

    def items(self) -> list[BulkShipItem]:
        if not self._items:
            raise RuntimeError("the dialog was not accepted")
        return list(self._items)

    def show_results(self, per_order: Mapping[str, tuple[bool, str]]) -> None:
        """Show each order's outcome; offer "Retry failed" when any failed."""
        self.model.set_results(per_order)
        failed = len(self.failed_items())
        self.retry_button.setVisible(failed > 0)
        self.error_label.setText(
            self.tr("%n order(s) failed.", "", failed) if failed else self.tr("All orders shipped.")
        )

    def failed_items(self) -> list[BulkShipItem]:
        return [row.item() for row in self.model.rows if row.ok is False]

    def _retry_failed(self) -> None:
        self.retry_failed_requested.emit(self.failed_items())

"""The create-order dialog: a manual or replacement order, for stores whose API can create one.

Customer (and the customer id where the store requires one), ship-to address
(``edit_dialog.AddressForm``), lines of SKU, quantity and unit price in a small table model
with Add/Remove (a SKU the catalogue knows brings its name, price and the store's product id),
and the currency. The result is a ``CreateOrderRequest``. When the
store refuses with ``OutOfStock``, :meth:`CreateOrderDialog.show_out_of_stock` marks each short
SKU next to its line, so the packer can fix the lines and try again without retyping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.connectors.errors import ConnectorError, OutOfStock
from fulfillment_station.domain.models import Customer, Order
from fulfillment_station.domain.requests import CreateOrderRequest, NewOrderLine
from fulfillment_station.services.new_orders import (
    CHANNEL_DOCUMENTED,
    CUSTOMER_ID_REQUIRED,
    PRICE_REQUIRED,
    REFERENCE_DOCUMENTED,
    CatalogueItem,
)
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.table_model import RowTableModel
from fulfillment_station.ui.dialogs.edit_dialog import AddressForm
from fulfillment_station.ui.dialogs.ship_dialog import plain_label

AnyIndex = QModelIndex | QPersistentModelIndex
CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD")


class Column(IntEnum):
    SKU = 0
    QUANTITY = 1
    PRICE = 2
    PROBLEM = 3


@dataclass
class _Line:
    sku: str = ""
    quantity: int = 1
    problem: str = ""
    unit_price: Decimal | None = None
    name: str = ""
    product_id: str | None = None


class NewLinesModel(RowTableModel[_Line]):
    """The lines of the new order; SKU, quantity and price are editable, the problem is ours."""

    editable_columns = frozenset({Column.SKU, Column.QUANTITY, Column.PRICE})

    def __init__(
        self, parent: QObject | None = None, catalogue: Mapping[str, CatalogueItem] | None = None
    ) -> None:
        super().__init__(parent)
        self.rows = [_Line()]
        self._catalogue = {k.casefold(): v for k, v in (catalogue or {}).items()}

    def header_words(self) -> list[str]:
        words = {
            Column.SKU: self.tr("SKU"),
            Column.QUANTITY: self.tr("Quantity"),
            Column.PRICE: self.tr("Unit price"),
            Column.PROBLEM: self.tr("Problem"),
        }
        return [words[column] for column in Column]

    def cell(self, line: _Line, column_no: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            column = Column(column_no)
            if column is Column.SKU:
                return line.sku
            if column is Column.QUANTITY:
                return line.quantity if role == Qt.ItemDataRole.EditRole else str(line.quantity)
            if column is Column.PRICE:
                return "" if line.unit_price is None else f"{line.unit_price:.2f}"
            return line.problem
        return None

    def set_cell(self, line: _Line, column: int, value: Any) -> bool:
        if column == Column.SKU:
            line.sku = str(value).strip()
            known = self._catalogue.get(line.sku.casefold())
            # What the app knows of this product: its name, the store's id for it and, when
            # no price was typed yet, its last price.
            line.name = known.name if known else ""
            line.product_id = known.product_id if known else None
            if known is not None and line.unit_price is None:
                line.unit_price = known.unit_price
        elif column == Column.PRICE:
            text = str(value).strip().replace(",", ".")
            if not text:
                line.unit_price = None
            else:
                try:
                    price = Decimal(text)
                except InvalidOperation:
                    return False
                if not price.is_finite() or price < 0:
                    return False
                line.unit_price = price.quantize(Decimal("0.01"))
        else:
            try:
                line.quantity = int(value)
            except (TypeError, ValueError):
                return False
        line.problem = ""
        return True

    def add_line(self, sku: str = "", quantity: int = 1) -> int:
        return self.append_row(_Line(sku, quantity))

    def remove_line(self, row: int) -> None:
        self.remove_row(row)

    def mark(self, skus: Iterable[str], problem: str) -> int:
        """Set ``problem`` on every line whose SKU is in ``skus``; return how many."""
        wanted = {s.strip().casefold() for s in skus}
        marked = 0
        for line in self.rows:
            line.problem = problem if line.sku.casefold() in wanted else ""
            marked += line.sku.casefold() in wanted
        self.refresh_rows()
        return marked


class _SkuDelegate(QStyledItemDelegate):
    """Completes SKUs from the catalogue hint while typing."""

    def __init__(self, skus: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._skus = list(skus)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if index.column() == Column.SKU and self._skus and isinstance(editor, QLineEdit):
            completer = QCompleter(self._skus, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            # Inline: no popup to steal a scanner's keys or the Enter that ends the cell.
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            editor.setCompleter(completer)
        return editor


class CreateOrderDialog(QDialog):
    """With ``submit``, OK hands the request to it and the dialog stays open until
    :meth:`finish` brings the store's answer (from any thread): the created order closes it,
    an OUT_OF_STOCK refusal marks the short lines in it. Without ``submit`` OK closes it and
    the caller reads :meth:`request`."""

    _answered = Signal(object)

    def __init__(
        self,
        capabilities: Capabilities,
        catalogue_hint: Sequence[str] | Mapping[str, CatalogueItem] | None = None,
        parent: QWidget | None = None,
        *,
        submit: Callable[[CreateOrderRequest], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._caps = capabilities
        self._request: CreateOrderRequest | None = None
        self._submit = submit
        self.created: Order | None = None
        self._answered.connect(self._on_answer)
        catalogue: Mapping[str, CatalogueItem] = (
            catalogue_hint
            if isinstance(catalogue_hint, Mapping)
            else {sku: CatalogueItem(sku) for sku in catalogue_hint or ()}
        )
        self.setWindowTitle(self.tr("New order"))
        layout = QVBoxLayout(self)
        self.refusal: str | None = None
        if not capabilities.supports(Operation.CREATE):
            self.refusal = translate_message(capabilities.why_not(Operation.CREATE))

        customer_box = QGroupBox(self.tr("Customer"))
        customer_form = QFormLayout(customer_box)
        self.customer_name = QLineEdit()
        self.customer_email = QLineEdit()
        self.customer_phone = QLineEdit()
        customer_form.addRow(self.tr("Name"), self.customer_name)
        customer_form.addRow(self.tr("Email"), self.customer_email)
        customer_form.addRow(self.tr("Phone"), self.customer_phone)
        self.customer_id: QLineEdit | None = None
        if capabilities.dialect in CUSTOMER_ID_REQUIRED:
            self.customer_id = QLineEdit()
            self.customer_id.setPlaceholderText(
                self.tr("required by {store}").format(store=capabilities.display_name)
            )
            customer_form.addRow(self.tr("Customer id"), self.customer_id)
        self._prices_required = capabilities.dialect in PRICE_REQUIRED
        self.reference: QLineEdit | None = None
        self.channel_name: QLineEdit | None = None
        if capabilities.dialect in REFERENCE_DOCUMENTED:
            self.reference = QLineEdit()
            self.reference.setPlaceholderText(self.tr("optional, e.g. the order number elsewhere"))
            customer_form.addRow(self.tr("Reference"), self.reference)
        if capabilities.dialect in CHANNEL_DOCUMENTED:
            self.channel_name = QLineEdit()
            self.channel_name.setMaxLength(30)
            self.channel_name.setPlaceholderText(self.tr("optional, e.g. Replacement"))
            customer_form.addRow(self.tr("Sales channel"), self.channel_name)
        self.address = AddressForm(self.tr("Ship to"))

        self.model = NewLinesModel(self, catalogue)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(_SkuDelegate(list(catalogue), self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.horizontalHeader().setSectionResizeMode(
            Column.PROBLEM, QHeaderView.ResizeMode.Stretch
        )
        self.table.setCurrentIndex(self.model.index(0, Column.SKU))
        self.add_button = QPushButton(self.tr("Add line"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_line)
        self.remove_button.clicked.connect(self._remove_line)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_button)
        line_buttons.addWidget(self.remove_button)
        line_buttons.addStretch(1)

        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        currency_form = QFormLayout()
        currency_form.addRow(self.tr("Currency"), self.currency)

        self.error_label = plain_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create order"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        if self.refusal:
            layout.addWidget(plain_label(self.refusal))
            self.ok_button.setEnabled(False)
        elif (support := capabilities.operations.get(Operation.CREATE)) and support.note:
            layout.addWidget(plain_label(translate_message(support.note)))
        layout.addWidget(customer_box)
        layout.addWidget(self.address)
        layout.addWidget(self.table)
        layout.addLayout(line_buttons)
        layout.addLayout(currency_form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.customer_name.setFocus()

    def _add_line(self) -> None:
        index = self.model.index(self.model.add_line(), Column.SKU)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def _remove_line(self) -> None:
        current = self.table.currentIndex()
        self.model.remove_line(current.row() if current.isValid() else self.model.rowCount() - 1)

    def finish(self, answer: Order | BaseException) -> None:
        """The store's answer to the submitted request; safe to call from any thread."""
        self._answered.emit(answer)

    def _on_answer(self, answer: object) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(answer, Order):
            self.created = answer
            super().accept()
        elif isinstance(answer, OutOfStock) and answer.skus:
            self.show_out_of_stock(answer.skus)
        elif isinstance(answer, ConnectorError):
            self.error_label.setText(translate_message(answer.user_message))
        else:
            self.error_label.setText(
                self.tr("The order was not created: {error}").format(error=str(answer))
            )

    def show_out_of_stock(self, skus: Sequence[str]) -> None:
        """Mark the lines the store said are short (``OutOfStock.skus``)."""
        self.model.mark(skus, self.tr("Out of stock"))
        self.error_label.setText(
            self.tr("Out of stock: {skus}. Change or remove these lines.").format(
                skus=", ".join(skus)
            )
        )

    def validate(self) -> list[str]:
        if self.refusal:
            return [self.refusal]
        problems: list[str] = []
        lines = [line for line in self.model.rows if line.sku or line.quantity != 1]
        if not lines:
            problems.append(self.tr("Add at least one line with a SKU."))
        for number, line in enumerate(self.model.rows, start=1):
            if not line.sku and line in lines:
                problems.append(self.tr("Line {n} has no SKU.").format(n=number))
            if line.sku and line.quantity < 1:
                problems.append(
                    self.tr("Line {n} needs a quantity of at least 1.").format(n=number)
                )
            if line.sku and self._prices_required and not line.unit_price:
                problems.append(
                    self.tr(
                        "Line {n} needs its unit price: {store} records the "
                        "order at the prices sent."
                    ).format(n=number, store=self._caps.display_name)
                )
        if self.customer_id is not None and not self.customer_id.text().strip():
            problems.append(
                self.tr("Enter the customer id: {store} needs it to create the order.").format(
                    store=self._caps.display_name
                )
            )
        if not self.address.is_blank() and (missing := self.address.missing_sentence()):
            problems.append(missing)
        currency = self.currency.currentText().strip()
        if not (len(currency) == 3 and currency.isalpha()):
            problems.append(self.tr("The currency must be a three-letter code, like USD."))
        return problems

    def accept(self) -> None:
        problems = self.validate()
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        self._request = CreateOrderRequest(
            lines=[
                NewOrderLine(
                    sku=line.sku,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    name=line.name or None,
                    product_id=line.product_id,
                )
                for line in self.model.rows
                if line.sku
            ],
            customer=Customer(
                name=self.customer_name.text().strip(),
                email=self.customer_email.text().strip() or None,
                phone=self.customer_phone.text().strip() or None,
            ),
            customer_id=(
                self.customer_id.text().strip() or None if self.customer_id is not None else None
            ),
            ship_to=None if self.address.is_blank() else self.address.address(),
            currency=self.currency.currentText().strip().upper(),
            external_reference=(
                self.reference.text().strip() or None if self.reference is not None else None
            ),
            channel_name=(
                self.channel_name.text().strip() or None if self.channel_name is not None else None
            ),
        )
        if self._submit is None:
            super().accept()
            return
        self.ok_button.setEnabled(False)
        self.error_label.setText(self.tr("Creating the order…"))
        self._submit(self._request)

    def request(self) -> CreateOrderRequest:
        if self._request is None:
            raise RuntimeError("the dialog was not accepted")
        return self._request

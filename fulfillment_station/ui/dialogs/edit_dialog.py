"""The edit dialog: notes, shipping address and status, as far as the store's API allows.

Fields the API cannot change stay visible but disabled, with a tooltip saying why. The address
is checked with ``Address.missing_required`` before anything is returned. The result is an
``OrderUpdate`` carrying only the fields that changed. ``AddressForm`` is shared with the
create-order dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.domain.messages import STATUS_WORDS
from fulfillment_station.domain.models import Address, Order, OrderStatus
from fulfillment_station.domain.requests import OrderUpdate
from fulfillment_station.domain.workflow import can_transition
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.dialogs.ship_dialog import plain_label


class AddressForm(QGroupBox):
    """One line edit per ``Address`` field; :meth:`address` reads them back."""

    FIELDS: tuple[str, ...] = (
        "name",
        "company",
        "line1",
        "line2",
        "city",
        "region",
        "postal_code",
        "country",
    )

    def __init__(
        self, title: str, address: Address | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        labels = {
            "name": self.tr("Name"),
            "company": self.tr("Company"),
            "line1": self.tr("Address line 1"),
            "line2": self.tr("Address line 2"),
            "city": self.tr("City"),
            "region": self.tr("State or region"),
            "postal_code": self.tr("Postal code"),
            "country": self.tr("Country"),
        }
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        for name in self.FIELDS:
            edit = QLineEdit()
            value = getattr(address, name, None) if address is not None else None
            edit.setText(value or "")
            form.addRow(labels[name], edit)
            self.edits[name] = edit

    def address(self) -> Address:
        values: dict[str, str | None] = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            optional = Address.model_fields[name].default is None
            values[name] = (text or None) if optional else text
        return Address(**values)

    def is_blank(self) -> bool:
        return not any(edit.text().strip() for edit in self.edits.values())

    def missing_sentence(self) -> str:
        """A sentence naming the required fields left empty, or ''."""
        missing = self.address().missing_required()
        if not missing:
            return ""
        names = {
            "name": self.tr("name"),
            "line1": self.tr("address line 1"),
            "city": self.tr("city"),
            "country": self.tr("country"),
        }
        return self.tr("The address needs a {fields}.").format(
            fields=", ".join(names.get(f, f) for f in missing)
        )

    def focus_first_missing(self) -> None:
        missing = self.address().missing_required()
        if missing:
            self.edits[missing[0]].setFocus()


class EditOrderDialog(QDialog):
    def __init__(
        self, order: Order, capabilities: Capabilities, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._order = order
        self._caps = capabilities
        self._request: OrderUpdate | None = None
        self.setWindowTitle(self.tr("Edit order {n}").format(n=order.number))
        can_update = capabilities.supports(Operation.UPDATE)

        layout = QVBoxLayout(self)
        self.notes = QPlainTextEdit(order.notes or "")
        self.notes.setTabChangesFocus(True)
        self.address = AddressForm(self.tr("Shipping address"), order.ship_to)
        self.status = QComboBox()
        # Status words in the packer's language; the data stays the canonical status.
        self.status.addItem(translate_message(STATUS_WORDS[order.status]), order.status)
        for status in OrderStatus:
            if status in capabilities.settable_statuses and can_transition(order.status, status):
                self.status.addItem(translate_message(STATUS_WORDS[status]), status)

        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        layout.addWidget(self.address)
        for name, widget in (
            ("notes", self.notes),
            ("ship_to", self.address),
            ("status", self.status),
        ):
            why = self._why_fixed(name, can_update)
            if why:
                widget.setEnabled(False)
                widget.setToolTip(why)
        if self.status.isEnabled() and self.status.count() == 1:
            self.status.setEnabled(False)
            self.status.setToolTip(
                self.tr("{store} cannot move an order that is {status} to another status.").format(
                    store=capabilities.display_name, status=order.status.value
                )
            )

        self.error_label = plain_label()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(can_update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _why_fixed(self, name: str, can_update: bool) -> str:
        if not can_update:
            return translate_message(self._caps.why_not(Operation.UPDATE))
        if name not in self._caps.updatable_fields:
            what = {
                "notes": self.tr("the notes"),
                "ship_to": self.tr("the shipping address"),
                "status": self.tr("the status"),
            }[name]
            return self.tr("{store}'s API cannot change {what}.").format(
                store=self._caps.display_name, what=what
            )
        return ""

    def changes(self) -> OrderUpdate:
        """The changes made so far (fields left as they were are ``None``)."""
        changes: dict[str, object] = {}
        if self.notes.isEnabled() and self.notes.toPlainText() != (self._order.notes or ""):
            changes["notes"] = self.notes.toPlainText()
        if self.address.isEnabled() and not (
            self._order.ship_to is None and self.address.is_blank()
        ):
            address = self.address.address()
            if address != self._order.ship_to:
                changes["ship_to"] = address
        status = self.status.currentData()
        if self.status.isEnabled() and status != self._order.status:
            changes["status"] = status
        return OrderUpdate(**changes)

    def accept(self) -> None:
        update = self.changes()
        if update.ship_to is not None:
            missing = self.address.missing_sentence()
            if missing:
                self.error_label.setText(missing)
                self.address.focus_first_missing()
                return
        if update.is_empty():
            self.error_label.setText(self.tr("Nothing has changed."))
            return
        self._request = update
        super().accept()

    def request(self) -> OrderUpdate:
        if self._request is None:
            raise RuntimeError("the dialog was not accepted")
        return self._request

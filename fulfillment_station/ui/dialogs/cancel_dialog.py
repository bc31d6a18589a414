"""The cancel dialog: a reason where the store takes one, and a deliberate confirmation.

The safe button ("Keep order") is the default, so a stray Enter never cancels; cancelling takes
the button that names the order. Orders ``domain.workflow.check_cancel`` rejects are refused
with its sentence. The result is a ``CancelRequest``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.requests import CancelRequest
from fulfillment_station.domain.workflow import check_cancel
from fulfillment_station.ui.dialogs.ship_dialog import plain_label, sentence


class CancelDialog(QDialog):
    def __init__(
        self, order: Order, capabilities: Capabilities, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._order = order
        self._caps = capabilities
        self._request: CancelRequest | None = None
        self.setWindowTitle(self.tr("Cancel order {n}").format(n=order.number))
        self.refusal: str | None = None
        try:
            check_cancel(order)
        except DomainError as exc:
            self.refusal = sentence(exc)

        layout = QVBoxLayout(self)
        self.buttons = QDialogButtonBox()
        self.keep_button = QPushButton(self.tr("Keep order"))
        self.cancel_button = QPushButton(self.tr("Cancel order {n}").format(n=order.number))
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = plain_label()
        self.reason = QComboBox()
        self.notify: QCheckBox | None = None

        if self.refusal is not None:
            layout.addWidget(plain_label(self.refusal))
            self.cancel_button.setEnabled(False)
            layout.addWidget(self.buttons)
            return

        form = QFormLayout()
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                "",
                self.tr("Customer asked to cancel"),
                self.tr("Out of stock"),
                self.tr("Payment problem"),
                self.tr("Duplicate order"),
                self.tr("Suspected fraud"),
                self.tr("Cannot deliver to address"),
            ]
        )
        reason_label = (
            self.tr("Reason (required)")
            if capabilities.cancel_reason
            else self.tr("Reason (kept in this app)")
        )
        form.addRow(reason_label, self.reason)
        layout.addLayout(form)
        if capabilities.notify_customer:
            self.notify = QCheckBox(self.tr("Email the customer"))
            self.notify.setChecked(True)
            layout.addWidget(self.notify)
        layout.addWidget(plain_label(self.tr("Cancelling cannot be undone.")))
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def accept(self) -> None:
        if self.refusal is not None:
            self.error_label.setText(self.refusal)
            return
        if self._caps.cancel_reason and not self.reason_text():
            self.error_label.setText(self.tr("Choose or type a reason for cancelling."))
            self.reason.setFocus()
            return
        self._request = CancelRequest(
            reason=self.reason_text() or None,
            notify_customer=self.notify.isChecked() if self.notify is not None else None,
        )
        super().accept()

    def request(self) -> CancelRequest:
        if self._request is None:
            raise RuntimeError("the dialog was not accepted")
        return self._request

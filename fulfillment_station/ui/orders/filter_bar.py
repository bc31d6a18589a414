"""The filter bar under the preset tabs: status, fulfillment, channel/marketplace, fulfillment
method and a created-date range. It narrows whatever the current preset shows; its state is a
plain dict so the window can remember it.

:meth:`FilterBar.configure` fits the bar to the connection's store: a filter shows only where
that store's orders carry the field (its ``Capabilities.filters``): fulfillment methods
(FBM/FBA/FBS) on Nexus only, a channel where the store has channels or marketplaces. Status,
fulfillment and created dates are on every order, so they always show; so does the customer
filter (part of a name or email, matched against the cached orders, which every store names).
"With returns" shows where the store says which orders have returns (Nexus ``has_returns``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities, Filter
from fulfillment_station.domain import FulfillmentStatus, OrderStatus
from fulfillment_station.services.order_filters import FilterState

ANY = ""
#: Qt's pattern for the date range: the order list's Date column (2026-11-05 14:30) begins so.
DATE_FORMAT = "yyyy-MM-dd"


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._captions: dict[QComboBox, QLabel] = {}
        self.status = self._combo(
            self.tr("Status"), layout, [(s.value.capitalize(), s.value) for s in OrderStatus]
        )
        self.fulfillment = self._combo(
            self.tr("Fulfillment"),
            layout,
            [(f.value.capitalize(), f.value) for f in FulfillmentStatus],
        )
        self.channel = self._combo(self.tr("Channel"), layout, [])
        self.method = self._combo(
            self.tr("Method"), layout, [("FBM", "FBM"), ("FBA", "FBA"), ("FBS", "FBS")]
        )
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Customer name or email"))
        self.customer.setClearButtonEnabled(True)
        self.customer.textChanged.connect(self.changed)
        layout.addWidget(self.customer)
        self.returns = self._combo(
            self.tr("Returns"),
            layout,
            [(self.tr("With returns"), "yes"), (self.tr("Without returns"), "no")],
        )
        self.use_dates = QCheckBox(self.tr("Created"))
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            # The dates read as the list's Date column they filter (2026-11-05), in every
            # language; a locale's short form ("5/11/26") is ambiguous across desks.
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
            edit.dateChanged.connect(self.changed)
        self.use_dates.toggled.connect(self._dates_toggled)
        layout.addWidget(self.use_dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)

    def configure(self, capabilities: Capabilities) -> None:
        """Show only the filters this store's orders can be narrowed by (see the module
        docstring); a hidden filter is also cleared, so it cannot narrow unseen."""
        filters = capabilities.filters
        shown = {
            self.channel: bool(filters & {Filter.CHANNEL, Filter.MARKETPLACE}),
            self.method: Filter.FULFILLMENT_METHOD in filters,
            self.returns: Filter.HAS_RETURNS in filters,
        }
        for combo, visible in shown.items():
            if not visible:
                combo.setCurrentIndex(0)
            combo.setVisible(visible)
            self._captions[combo].setVisible(visible)

    def _combo(self, label: str, layout: QHBoxLayout, items: list[tuple[str, str]]) -> QComboBox:
        caption = QLabel(label)
        layout.addWidget(caption)
        combo = QComboBox()
        self._captions[combo] = caption
        combo.addItem(self.tr("Any"), ANY)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self.changed)
        layout.addWidget(combo)
        return combo

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def set_channels(self, channels: list[str]) -> None:
        """The channels/marketplaces the cached orders come from (kept selected if present)."""
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("Any"), ANY)
        for name in sorted(set(channels)):
            self.channel.addItem(name, name)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(max(index, 0))
        self.channel.blockSignals(False)

    def apply_to(self, state: FilterState) -> FilterState:
        """``state`` (a preset) narrowed by the bar."""
        status, fulfill = self.status.currentData(), self.fulfillment.currentData()
        if status:
            state = replace(
                state,
                statuses=(state.statuses & {status}) if state.statuses else frozenset({status}),
            )
        if fulfill:
            state = replace(
                state,
                fulfillments=(state.fulfillments & {fulfill})
                if state.fulfillments
                else frozenset({fulfill}),
            )
        channel = self.channel.currentData()
        if channel:
            state = replace(state, channel=channel)
        if self.method.currentData():
            state = replace(state, fulfillment_method=self.method.currentData())
        if customer := self.customer.text().strip():
            state = replace(state, customer=customer)
        if returns := self.returns.currentData():
            state = replace(state, has_returns=returns == "yes")
        if self.use_dates.isChecked():
            state = replace(
                state,
                created_from=_date(self.date_from.date()),
                created_to=_date(self.date_to.date()),
            )
        return state

    def clear(self) -> None:
        for combo in (self.status, self.fulfillment, self.channel, self.method, self.returns):
            combo.setCurrentIndex(0)
        self.customer.clear()
        self.use_dates.setChecked(False)

    # -- remembered between runs --------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "status": self.status.currentData(),
            "fulfillment": self.fulfillment.currentData(),
            "channel": self.channel.currentData(),
            "method": self.method.currentData(),
            "returns": self.returns.currentData(),
            "customer": self.customer.text(),
            "dates": self.use_dates.isChecked(),
        }

    def restore(self, saved: dict[str, Any]) -> None:
        for combo, key in (
            (self.status, "status"),
            (self.fulfillment, "fulfillment"),
            (self.method, "method"),
            (self.returns, "returns"),
        ):
            index = combo.findData(saved.get(key, ANY))
            combo.setCurrentIndex(max(index, 0))
        channel = saved.get("channel") or ANY
        if channel and self.channel.findData(channel) < 0:
            self.channel.addItem(channel, channel)
        self.channel.setCurrentIndex(max(self.channel.findData(channel), 0))
        customer = saved.get("customer")
        self.customer.setText(customer if isinstance(customer, str) else "")
        self.use_dates.setChecked(bool(saved.get("dates")))


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

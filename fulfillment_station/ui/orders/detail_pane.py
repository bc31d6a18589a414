"""The order detail pane: header with badges, ship-to with a copy button, line items, totals,
shipments with tracking links, timeline and notes. Every API string is shown as plain text:
a customer name with HTML in it stays text.

User-facing text goes through Qt's translator (context = the class name; ``format_address``
uses "OrderDetailPane"); money and dates are formatted for the locale by ``ui.common.i18n``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.domain import Address, LineItem, Order, OrderStatus
from fulfillment_station.domain.holds import hold_messages
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.money import format_money
from fulfillment_station.ui.common.i18n import current_locale, format_datetime, translate_message
from fulfillment_station.ui.common.table_model import RowTableModel
from fulfillment_station.ui.orders.order_table import FULFILLMENT_STYLE, STATUS_STYLE, tr_label

Index = QModelIndex | QPersistentModelIndex

#: Item columns the pane lets go of, in this order, while it is too narrow to show every column
#: without scrolling sideways (a 1366 px screen): the packer reads SKU, name and counts; the
#: barcode is the scanner's. They come back when the pane is widened.
NARROW_DROPS = (2, 6, 4)  # Barcode, Price, Fulfilled
#: The item name's narrowest before another column goes.
NAME_MIN_WIDTH = 140


#: Payment states the stores' APIs send, in the packer's words; any other stays the store's.
PAYMENT_WORDS: dict[str, object] = {
    "paid": QT_TRANSLATE_NOOP("PaymentStatus", "paid"),
    "unpaid": QT_TRANSLATE_NOOP("PaymentStatus", "unpaid"),
    "pending": QT_TRANSLATE_NOOP("PaymentStatus", "payment pending"),
    "authorized": QT_TRANSLATE_NOOP("PaymentStatus", "payment authorized"),
    "refunded": QT_TRANSLATE_NOOP("PaymentStatus", "refunded"),
    "partially_refunded": QT_TRANSLATE_NOOP("PaymentStatus", "partly refunded"),
    "voided": QT_TRANSLATE_NOOP("PaymentStatus", "payment voided"),
}


def payment_text(status: str) -> str:
    key = status.strip().lower().replace(" ", "_").replace("-", "_")
    word = PAYMENT_WORDS.get(key)
    return QCoreApplication.translate("PaymentStatus", str(word)) if word else status


def plain_label(text: str = "", *, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # API text is never rich text
    label.setText(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def format_address(address: Address | None) -> str:
    if address is None:
        return QCoreApplication.translate("OrderDetailPane", "(no address)")
    city_line = " ".join(p for p in (address.postal_code, address.city, address.region) if p)
    parts = [
        address.name,
        address.company,
        address.line1,
        address.line2,
        city_line,
        address.country,
    ]
    return "\n".join(p for p in parts if p)


class LineItemsModel(RowTableModel[LineItem]):
    HEADERS = (
        QT_TRANSLATE_NOOP("LineItemsModel", "SKU"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Name"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Barcode"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Ordered"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Fulfilled"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Remaining"),
        QT_TRANSLATE_NOOP("LineItemsModel", "Price"),
    )
    number_columns = frozenset({3, 4, 5, 6})

    def __init__(self, locale: str | None = None) -> None:
        super().__init__()
        self._currency = ""
        self.locale = locale or current_locale()

    def set_order(self, order: Order | None) -> None:
        self._currency = order.currency if order is not None else ""
        self.set_rows(order.lines if order is not None else [])

    def header_words(self) -> list[str]:
        return [QCoreApplication.translate("LineItemsModel", header) for header in self.HEADERS]

    def cell(self, line: LineItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                line.sku,
                line.name,
                line.barcode or "",
                line.quantity,
                line.quantity_fulfilled,
                line.remaining,
                format_money(line.unit_price, self._currency, self.locale),
            )[column]
        return None


class OrderDetailPane(QScrollArea):
    """Shows one order; ``show_order(None)`` shows the empty hint. ``locale`` (e.g. ``"es"``)
    formats money and dates; by default the one the translator installed."""

    def __init__(self, parent: QWidget | None = None, *, locale: str | None = None) -> None:
        super().__init__(parent)
        self.locale_name = locale or current_locale()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = plain_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.badges = plain_label()
        self.holds = plain_label()  # why the desk must not ship it (domain.holds)
        self.holds.setStyleSheet("font-weight: bold")
        self.customer = plain_label()
        # Marketplace order id and the shipping service the customer chose and paid for.
        self.facts = plain_label()
        layout.addWidget(self.title)
        layout.addWidget(self.badges)
        layout.addWidget(self.holds)
        layout.addWidget(self.facts)
        layout.addWidget(self.customer)

        ship_box = QGroupBox(self.tr("Ship to"))
        ship_layout = QHBoxLayout(ship_box)
        self.ship_to = plain_label()
        self.copy_address = QPushButton(self.tr("Copy"))
        self.copy_address.setToolTip(self.tr("Copy the ship-to address to the clipboard"))
        self.copy_address.clicked.connect(self._copy_address)
        ship_layout.addWidget(self.ship_to, 1)
        ship_layout.addWidget(self.copy_address, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(ship_box)

        self.lines_model = LineItemsModel(self.locale_name)
        self.lines = QTableView()
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().hide()
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines.setMinimumHeight(160)
        self.lines_note = plain_label()
        layout.addWidget(QLabel(self.tr("Items")))
        layout.addWidget(self.lines)
        layout.addWidget(self.lines_note)
        self.totals = plain_label()
        layout.addWidget(self.totals)

        self.shipments = QListWidget()
        self.shipments.setMaximumHeight(90)
        self.shipments.itemActivated.connect(self._open_tracking)
        layout.addWidget(QLabel(self.tr("Shipments")))
        layout.addWidget(self.shipments)
        self.timeline = QListWidget()
        self.timeline.setMaximumHeight(140)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.timeline)
        self.notes = plain_label()
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.setWidget(body)
        self._order: Order | None = None
        self._api_events: list[tuple[datetime, str]] = []
        self._local_events: list[tuple[datetime, str]] = []
        self.show_order(None)

    @property
    def order(self) -> Order | None:
        return self._order

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_item_columns()

    def _fit_item_columns(self) -> None:
        """Every item column where they fit; else ``NARROW_DROPS`` go one by one."""
        header = self.lines.horizontalHeader()
        frame = 2 * self.lines.frameWidth() + self.lines.verticalScrollBar().sizeHint().width()
        room = self.lines.width() - frame

        def needed(shown: list[int]) -> int:
            return NAME_MIN_WIDTH + sum(
                max(self.lines.sizeHintForColumn(c), header.sectionSizeHint(c))
                for c in shown
                if c != 1
            )

        shown = list(range(self.lines_model.columnCount()))
        for column in NARROW_DROPS:
            if needed(shown) <= room:
                break
            shown.remove(column)
        for column in range(self.lines_model.columnCount()):
            self.lines.setColumnHidden(column, column not in shown)

    def show_order(self, order: Order | None) -> None:
        self._order = order
        self.lines_model.set_order(order)
        self._fit_item_columns()  # its texts may be wider or narrower
        self.shipments.clear()
        self.timeline.clear()
        if order is None:
            self.title.setText(self.tr("No order selected"))
            for label in (
                self.badges,
                self.holds,
                self.facts,
                self.customer,
                self.ship_to,
                self.totals,
                self.notes,
                self.lines_note,
            ):
                label.setText("")
            self.copy_address.setEnabled(False)
            return
        self.title.setText(self.tr("Order {number}").format(number=order.number))
        status = tr_label(STATUS_STYLE[order.status][0]).upper()
        if order.status is OrderStatus.UNKNOWN:
            status = self.tr("UNKNOWN STATUS ({status})").format(status=order.api_status or "?")
        badges = [status, tr_label(FULFILLMENT_STYLE[order.fulfillment_status][0]).upper()]
        badges += [
            p
            for p in (
                order.channel or order.marketplace,
                order.fulfillment_method,
                payment_text(order.payment_status or ""),
            )
            if p
        ]
        if order.has_returns:
            badges.append(self.tr("RETURNS"))
        self.badges.setText("  ·  ".join(badges))
        reasons = [translate_message(m) for m in hold_messages(order)]
        self.holds.setText(
            self.tr("On hold, do not ship: {reasons}").format(reasons="; ".join(reasons))
            if reasons
            else ""
        )
        facts = []
        if order.marketplace_order_id:
            facts.append(self.tr("Marketplace order {id}").format(id=order.marketplace_order_id))
        if order.service_requested:
            facts.append(
                self.tr("Service paid for: {service}").format(service=order.service_requested)
            )
        self.facts.setText("  ·  ".join(facts))
        contact = [
            p for p in (order.customer.name, order.customer.email, order.customer.phone) if p
        ]
        self.customer.setText(
            self.tr("Customer: {contact}").format(contact=" · ".join(contact)) if contact else ""
        )
        self.ship_to.setText(format_address(order.ship_to))
        self.copy_address.setEnabled(order.ship_to is not None)
        self.lines_note.setText(
            "" if order.lines else self.tr("This store's API gives no line items for its orders.")
        )
        money = {
            name: format_money(getattr(order, name), order.currency, self.locale_name)
            for name in ("subtotal", "shipping", "tax", "total")
        }
        totals = [
            self.tr(
                "Subtotal {subtotal}  ·  Shipping {shipping}  ·  Tax {tax}  ·  Total {total}"
            ).format(**money)
        ]
        # Each discount the store itemises, with its name (the store's words, plain text).
        for discount in order.discounts:
            if not discount.amount:
                continue
            amount = format_money(-discount.amount, order.currency, self.locale_name)
            name = discount.name.strip() or (discount.code or "").strip()
            code = (discount.code or "").strip()
            if name and code and code != name:
                totals.append(
                    self.tr("Discount {name} (code {code}): {amount}").format(
                        name=name, code=code, amount=amount
                    )
                )
            elif name:
                totals.append(self.tr("Discount {name}: {amount}").format(name=name, amount=amount))
            else:
                totals.append(self.tr("Discount: {amount}").format(amount=amount))
        self.totals.setText("\n".join(totals))
        for s in order.shipments:
            when = format_datetime(s.shipped_at, self.locale_name) if s.shipped_at else ""
            units = sum(sl.quantity for sl in s.lines)
            tracking = s.tracking_number or self.tr("(no tracking)")
            where = {"in_transit": self.tr("in transit"), "delivered": self.tr("delivered")}.get(
                (s.status or "").lower(), s.status or ""
            )
            text = f"{when}  {s.carrier} {s.service or ''}  {tracking}  ·  " + self.tr(
                "%n item(s)", "", units
            )
            if where:
                text += f"  ·  {where}"
            if s.warehouse_id:
                text += "  ·  " + self.tr("from warehouse {id}").format(id=s.warehouse_id)
            for n, box in enumerate(s.packages, 1):
                size = "×".join(
                    f"{v:f}" for v in (box.length, box.width, box.height) if v is not None
                )
                text += "\n    " + self.tr(
                    "Parcel {n}: {weight} kg {size} · %n item(s)",
                    "",
                    sum(sl.quantity for sl in box.lines),
                ).format(
                    n=n,
                    weight=f"{box.weight:f}" if box.weight is not None else "?",
                    size=f"{size} cm" if size else "",
                )
            self.shipments.addItem(text)
            item = self.shipments.item(self.shipments.count() - 1)
            if s.tracking_url:
                item.setData(Qt.ItemDataRole.UserRole, s.tracking_url)
                item.setToolTip(self.tr("Open the tracking page (Enter or double-click)"))
        if not order.shipments:
            self.shipments.addItem(self.tr("No shipments yet"))
        self._api_events = [
            (event.at, f"{event.kind}: {event.message}") for event in order.timeline
        ]
        self._local_events = []
        self._fill_timeline()
        notes = [
            self.tr("Notes: {notes}").format(notes=order.notes) if order.notes else "",
            self.tr("Gift message: {message}").format(message=order.gift_message)
            if order.gift_message
            else "",
        ]
        self.notes.setText("\n".join(n for n in notes if n))

    def add_local_events(self, order_id: str, events: list[tuple[datetime, str]]) -> None:
        """Merge this desk's own history of the order (the audit log: who shipped, cancelled
        or edited it from here, and how it went) into the timeline."""
        if self._order is None or self._order.id != order_id:
            return  # another order was opened meanwhile
        self._local_events = events
        self._fill_timeline()

    def _fill_timeline(self) -> None:
        self.timeline.clear()
        local = self.tr("this desk")
        merged = [(at, text, False) for at, text in self._api_events]
        merged += [(at, text, True) for at, text in self._local_events]
        for at, text, is_local in sorted(merged, key=lambda e: e[0]):
            prefix = f"[{local}] " if is_local else ""
            self.timeline.addItem(f"{format_datetime(at, self.locale_name)}  {prefix}{text}")

    def _copy_address(self) -> None:
        if self._order is not None and self._order.ship_to is not None:
            QGuiApplication.clipboard().setText(format_address(self._order.ship_to))

    def _open_tracking(self, item: Any) -> None:
        url = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(url, str) and url.startswith("https://"):
            QDesktopServices.openUrl(QUrl(url))

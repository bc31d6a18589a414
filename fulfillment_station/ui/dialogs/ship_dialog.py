"""The ship (and fulfill) dialog: what leaves the desk, validated before it becomes a request.

The dialog never talks to a store. It checks quantities with ``domain.workflow.check_shipment``,
recognises the tracking number with ``scanning.tracking.parse_tracking`` (an invalid check digit
needs an explicit override; an unknown format is only a warning), stops on a tracking number
already used on another order (``services.tracking_reuse``: going on is an explicit override,
written to the audit log before the dialog closes), offers "Ship anyway…" on an order held for
a reason a packer may judge (never the default button; it asks for the reason, which the outbox
audits with the desk and the packer: read it as :attr:`ShipDialog.hold_override`) and hands
back a ``ShipRequest`` or, in fulfill mode, a ``FulfillRequest``. What a store cannot take (partial
shipments, customer notification, tracking numbers, parcels) follows its ``Capabilities``.

It also holds the small pieces the other write dialogs share: a plain-text label (API strings
are untrusted and must never be read as rich text) and the carrier combo with auto-detection.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Literal

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.holds import may_override
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.requests import FulfillRequest, Package, ShipRequest, TrackingInfo
from fulfillment_station.domain.weight import Weight
from fulfillment_station.domain.workflow import check_shipment
from fulfillment_station.scanning.tracking import (
    CheckVerdict,
    TrackingParse,
    default_table,
    parse_tracking,
)
from fulfillment_station.services.store_labels import (
    LabelDefaults,
    checkout_choice,
    lines_weight,
)
from fulfillment_station.services.tracking_reuse import TrackingGuard, TrackingReuse
from fulfillment_station.store.db import StoreError
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.scanner_filter import ACCEPTS_SCANS
from fulfillment_station.ui.common.theme import Scheme, banner_style, scheme_of
from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

log = logging.getLogger(__name__)

#: Which write the dialog makes: ``Operation.SHIP`` or ``Operation.FULFILL``.
Mode = Literal[Operation.SHIP, Operation.FULFILL]
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` literally (store data may contain markup)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def sentence(error: DomainError) -> str:
    """A domain error as one plain sentence for the packer, in the UI language."""
    text = translate_message(error.message).strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else ""


class CarrierCombo(QComboBox):
    """An editable carrier choice, filled from the carrier table, set by tracking numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for code, carrier in default_table().carriers.items():
            self.addItem(carrier.name, code)
        self._chosen_by_hand = False
        self.textActivated.connect(self._on_hand_choice)

    def _on_hand_choice(self, _text: str) -> None:
        self._chosen_by_hand = True

    def carrier(self) -> str:
        return self.currentText().strip()

    def detect(self, parse: TrackingParse) -> None:
        """Follow the tracking number unless the packer picked a carrier by hand."""
        if self._chosen_by_hand or parse.carrier is None:
            return
        index = self.findData(parse.carrier)
        if index >= 0:
            self.setCurrentIndex(index)


class _EnterFilter(QObject):
    """Eats Enter in a scanner field (scanners end with Enter) and calls ``on_enter`` instead,
    so a scan never accepts the dialog before the number has been checked."""

    def __init__(self, on_enter: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_enter = on_enter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self._on_enter()
            return True
        return super().eventFilter(watched, event)


def scanner_field(field: QLineEdit, on_enter: Callable[[], None]) -> None:
    field.installEventFilter(_EnterFilter(on_enter, field))


class _ShipmentRow:
    """Carrier + service + tracking number of one shipment, with its own verdict."""

    def __init__(self, owner: ShipDialog) -> None:
        self.carrier = CarrierCombo()
        self.service = QLineEdit()
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(owner.tr("Type or scan"))
        # A label scanned here is this shipment's number, not an order to open.
        self.tracking.setProperty(ACCEPTS_SCANS, True)
        self.verdict = plain_label()
        self.verdict.setObjectName("trackingVerdict")
        self.override = QCheckBox(owner.tr("Ship anyway with this tracking number"))
        self.override.setVisible(False)
        #: another order that already carries this number (set when the number is checked)
        self.reuse: TrackingReuse | None = None
        self.reuse_label = plain_label()
        self.reuse_label.setObjectName("trackingReuse")
        self.reuse_label.setVisible(False)
        self.reuse_override = QCheckBox(
            owner.tr("Ship anyway: this label belongs to this parcel (recorded in the audit log)")
        )
        self.reuse_override.setVisible(False)
        self.tracking.textChanged.connect(self.on_text)

    def parse(self) -> TrackingParse:
        return parse_tracking(self.tracking.text())

    def on_text(self, _text: str = "") -> None:
        parse = self.parse()
        self.carrier.detect(parse)
        bad_digit = parse.recognised and parse.check_digit == CheckVerdict.INVALID
        self.override.setVisible(bad_digit)
        if not bad_digit:
            self.override.setChecked(False)
        self.show_reuse(None)  # a changed number must be checked again

    def show_reuse(self, reuse: TrackingReuse | None) -> None:
        self.reuse = reuse
        self.reuse_label.setText(translate_message(reuse.message()) if reuse else "")
        self.reuse_label.setVisible(reuse is not None)
        self.reuse_override.setVisible(reuse is not None)
        if reuse is None:
            self.reuse_override.setChecked(False)

    def number(self) -> str | None:
        parse = self.parse()
        return (parse.number or parse.normalised) or None


@dataclass
class _Parcel:
    """One box in the dialog: its group box, size/weight fields and units per line."""

    box: QGroupBox
    fields: dict[str, QDoubleSpinBox]
    units: dict[str, QSpinBox]


class ShipDialog(QDialog):
    """Ship or fulfill ``order``; read the result with :meth:`request` after ``Accepted``."""

    def __init__(
        self,
        order: Order,
        capabilities: Capabilities,
        parent: QWidget | None = None,
        *,
        mode: Mode = Operation.SHIP,
        now: Callable[[], datetime] | None = None,
        more_shipments: bool | None = None,
        weigher: ScaleWeigher | None = None,
        label_defaults: LabelDefaults | None = None,
        tracking_guard: TrackingGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self._order = order
        self._label_defaults = label_defaults or LabelDefaults("", "")
        self._guard = tracking_guard
        self._caps = capabilities
        self._mode: Mode = mode
        self._now = now or (lambda: datetime.now(UTC))
        # Squarespace's fulfillment takes several shipments; Price2b's takes one.
        self._more = (
            mode is Operation.FULFILL and capabilities.dialect == "squarespace"
            if more_shipments is None
            else more_shipments
        )
        self._request: ShipRequest | FulfillRequest | None = None
        title = (
            self.tr("Fulfill order {n}") if mode is Operation.FULFILL else self.tr("Ship order {n}")
        )
        self.setWindowTitle(title.format(n=order.number))

        layout = QVBoxLayout(self)
        self.refusal: str | None = None
        #: why the order is held, where a packer may ship it anyway ("Ship anyway…")
        self.hold_refusal: str | None = None
        self.hold_reason: QLineEdit | None = None
        try:
            check_shipment(order)
        except DomainError as exc:
            if exc.field == "holds" and may_override(order):
                self.hold_refusal = sentence(exc)
            else:
                self.refusal = sentence(exc)

        self.quantities: dict[str, QSpinBox] = {}
        self.rows: list[_ShipmentRow] = []
        self.error_label = plain_label()
        self.error_label.setObjectName("errorLabel")
        self.warning_label = plain_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Fulfill") if mode is Operation.FULFILL else self.tr("Ship"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        if self.refusal is not None:
            layout.addWidget(plain_label(self.refusal))
            self.ok_button.setEnabled(False)
            layout.addWidget(self.buttons)
            return

        if self.hold_refusal is not None:
            layout.addWidget(self._hold_box(self.hold_refusal))
        layout.addWidget(self._lines_box())
        self._shipments_layout = QVBoxLayout()
        layout.addLayout(self._shipments_layout)
        self._add_shipment()
        if self._more:
            self.add_shipment_button = QPushButton(self.tr("Add another shipment"))
            self.add_shipment_button.clicked.connect(self._add_shipment)
            layout.addWidget(self.add_shipment_button)

        form = QFormLayout()
        self.ship_date = QDateEdit()
        self.ship_date.setCalendarPopup(True)
        today = self._now().date()
        self.ship_date.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Ship date"), self.ship_date)
        layout.addLayout(form)

        self.package_box: QGroupBox | None = None
        self.package_fields: dict[str, QDoubleSpinBox] = {}
        self.parcels: list[_Parcel] = []
        if self._buys_label():
            # Shipping buys the store's label: carrier and service from the customer's
            # checkout choice, else the desk's defaults; the parcel weighed from its lines.
            carrier, service = checkout_choice(order)
            row = self.rows[0]
            row.carrier.setCurrentText(carrier or self._label_defaults.carrier)
            row.service.setText(service or self._label_defaults.service)
            if order.service_requested:
                layout.addWidget(
                    plain_label(
                        self.tr("The customer chose: {service}").format(
                            service=order.service_requested
                        )
                    )
                )
            self._parcels_layout = QVBoxLayout()
            layout.addLayout(self._parcels_layout)
            self._add_parcel()
            self.package_box = self.parcels[0].box
            self.package_fields = self.parcels[0].fields
            self.add_parcel_button = QPushButton(self.tr("Add another parcel"))
            self.add_parcel_button.clicked.connect(self._add_parcel)
            layout.addWidget(self.add_parcel_button)
        # The desk's scale fills the parcel weight as soon as it is stable (no key press).
        self.weigher = weigher if self.package_fields else None
        if self.weigher is not None:
            # What the scale says when it cannot weigh (over capacity, ...), under the weight.
            self.scale_label = plain_label()
            box_form = self.package_box.layout() if self.package_box else None
            if isinstance(box_form, QFormLayout):
                box_form.addRow(self.scale_label)
            self.weigher.stable.connect(self._weighed)
            self.weigher.problem.connect(self.scale_label.setText)
            self.finished.connect(self._stop_weigher)
            self.weigher.start()

        self.notify: QCheckBox | None = None
        if capabilities.notify_customer:
            self.notify = QCheckBox(self.tr("Email the customer"))
            self.notify.setChecked(True)
            layout.addWidget(self.notify)
        if not capabilities.carries_tracking:
            layout.addWidget(
                plain_label(
                    self.tr("The store will not see the tracking number; it is kept in this app")
                )
            )
        layout.addWidget(self.warning_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._style_warnings()
        self._hold_gate()
        # A scan made the moment the dialog opens lands in the tracking field, not a quantity.
        self.rows[0].tracking.setFocus()

    # -- building -------------------------------------------------------------------------------

    def _hold_box(self, refusal: str) -> QGroupBox:
        """The hold's sentence and "Ship anyway…": never the default button, so a scanner's
        Enter cannot override; it asks for the reason the outbox audits (desk, packer,
        reason) when the shipment is queued."""
        box = QGroupBox(self.tr("On hold"))
        form = QVBoxLayout(box)
        form.addWidget(plain_label(refusal))
        self.ship_anyway_button = QPushButton(self.tr("Ship anyway…"))
        self.ship_anyway_button.setAutoDefault(False)
        self.ship_anyway_button.setDefault(False)
        self.ship_anyway_button.clicked.connect(self._ask_hold_reason)
        form.addWidget(self.ship_anyway_button)
        reason = self.hold_reason = QLineEdit()
        reason.setPlaceholderText(
            self.tr("Why ship it anyway? (recorded with your name and this desk)")
        )
        reason.setMaxLength(500)
        reason.setVisible(False)
        # Enter in the reason confirms nothing: the packer presses Ship.
        scanner_field(reason, lambda: None)
        reason.textChanged.connect(lambda _t: self._hold_gate())
        form.addWidget(reason)
        return box

    def _ask_hold_reason(self) -> None:
        if self.hold_reason is None:
            return
        self.hold_reason.setVisible(True)
        self.ship_anyway_button.setEnabled(False)
        self.hold_reason.setFocus()
        self._hold_gate()

    def _hold_gate(self) -> None:
        """Ship stays off while the order is held and no reason is given."""
        if self.hold_refusal is not None:
            self.ok_button.setEnabled(self.hold_override is not None)

    @property
    def hold_override(self) -> str | None:
        """The packer's reason to ship the held order anyway, once given (else None)."""
        if self.hold_refusal is None or self.hold_reason is None:
            return None
        if self.hold_reason.isHidden():  # "Ship anyway…" not pressed
            return None
        text = " ".join(self.hold_reason.text().split())
        return text or None

    def _lines_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Units to ship"))
        grid = QGridLayout(box)
        for row, line in enumerate(self._order.lines):
            if line.remaining <= 0:
                continue
            label = plain_label(f"{line.sku or line.id}  {line.name}".strip(), wrap=False)
            spin = QSpinBox()
            spin.setRange(0, line.remaining)
            spin.setValue(line.remaining)
            spin.setSuffix(self.tr(" of {n}").format(n=line.remaining))
            spin.setEnabled(self._caps.partial_shipment)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            self.quantities[line.id] = spin
        if not self._caps.partial_shipment:
            note = self.tr(
                "{store} cannot ship some lines only: everything that remains ships together."
            ).format(store=self._caps.display_name)
            grid.addWidget(plain_label(note), len(self._order.lines), 0, 1, 2)
        return box

    def _add_shipment(self) -> None:
        row = _ShipmentRow(self)
        row.tracking.textChanged.connect(self._clear_messages)
        row.tracking.textChanged.connect(lambda _text: self._describe(row))
        scanner_field(row.tracking, lambda: self._on_scanned(row))
        form = QFormLayout()
        if self.rows:
            form.addRow(plain_label(self.tr("Shipment {n}").format(n=len(self.rows) + 1)))
        form.addRow(self.tr("Tracking number"), row.tracking)
        form.addRow(self.tr("Carrier"), row.carrier)
        form.addRow(self.tr("Service"), row.service)
        form.addRow(row.verdict)
        form.addRow(row.override)
        form.addRow(row.reuse_label)
        form.addRow(row.reuse_override)
        self._shipments_layout.addLayout(form)
        self.rows.append(row)
        row.tracking.setFocus()

    def _buys_label(self) -> bool:
        return self._caps.returns_label and self._mode is Operation.SHIP

    def _add_parcel(self) -> None:
        """One more box: its weight and size, and how many of each line's units it holds
        (the first box holds everything until units are moved to another)."""
        first = not self.parcels
        box = QGroupBox(self.tr("Parcel {n}").format(n=len(self.parcels) + 1))
        form = QFormLayout(box)
        fields: dict[str, QDoubleSpinBox] = {}
        for key, label, suffix in (
            ("weight", self.tr("Weight"), " kg"),
            ("length", self.tr("Length"), " cm"),
            ("width", self.tr("Width"), " cm"),
            ("height", self.tr("Height"), " cm"),
        ):
            spin = QDoubleSpinBox()
            spin.setRange(0, 10000)
            spin.setDecimals(2)
            spin.setSuffix(suffix)
            spin.setSpecialValueText(self.tr("not given"))
            form.addRow(label, spin)
            fields[key] = spin
        units: dict[str, QSpinBox] = {}
        for line in self._order.lines:
            if line.remaining <= 0:
                continue
            count = QSpinBox()
            count.setRange(0, line.remaining)
            count.setValue(line.remaining if first else 0)
            count.valueChanged.connect(self._clear_messages)
            form.addRow(
                plain_label(self.tr("Units of {sku}").format(sku=line.sku or line.id), wrap=False),
                count,
            )
            units[line.id] = count
        parcel = _Parcel(box, fields, units)
        self.parcels.append(parcel)
        if first:
            weight = lines_weight(self._order, {k: s.value() for k, s in units.items()})
            if weight is not None:
                fields["weight"].setValue(float(weight))
            for line_id, shipped in self.quantities.items():
                shipped.valueChanged.connect(
                    lambda value, lid=line_id: self._only_parcel_follows(lid, value)
                )
        self._parcels_layout.addWidget(box)

    def _only_parcel_follows(self, line_id: str, value: int) -> None:
        # With one parcel, it holds whatever ships; the packer splits units once there are two.
        if len(self.parcels) == 1 and line_id in self.parcels[0].units:
            self.parcels[0].units[line_id].setValue(value)

    # -- behaviour ------------------------------------------------------------------------------

    def _stop_weigher(self, _result: int) -> None:
        if self.weigher is not None:
            self.weigher.stop()

    def _weighed(self, weight: Weight) -> None:
        spin = self.package_fields["weight"]
        spin.setValue(float(weight.in_unit("kg", 2)))
        spin.setToolTip(self.tr("Weighed on the scale"))
        self.scale_label.clear()

    def _clear_messages(self) -> None:
        self.error_label.clear()

    def _style_warnings(self) -> None:
        """Warnings and errors in the theme's warning colours (not plain black), wrapped."""
        app = QGuiApplication.instance()
        scheme = scheme_of(app) if isinstance(app, QGuiApplication) else Scheme.LIGHT
        error = banner_style("error", scheme)
        rules = [
            f"QLabel#{name} {{ color: {error.foreground}; font-weight: bold; }}"
            for name in ("errorLabel", "trackingVerdict", "trackingReuse")
        ]
        self.setStyleSheet("\n".join(rules))
        self.error_label.setWordWrap(True)

    def _check_reuse(self, row: _ShipmentRow) -> None:
        number = row.number()
        reuse = None
        if self._guard is not None and number:
            reuse = self._guard.check(
                number, order_id=self._order.id, order_number=self._order.number
            )
        was_ticked = row.reuse_override.isChecked() and row.reuse == reuse
        row.show_reuse(reuse)
        row.reuse_override.setChecked(was_ticked)

    def _on_scanned(self, row: _ShipmentRow) -> None:
        row.on_text()
        self._describe(row)
        self._check_reuse(row)
        # Focus moves on, so the next Enter (on a button) is a deliberate one.
        if row.reuse_override.isVisible():
            row.reuse_override.setFocus()
        elif row.override.isVisible():
            row.override.setFocus()
        else:
            row.carrier.setFocus()

    def _describe(self, row: _ShipmentRow) -> None:
        parse = row.parse()
        if not parse.normalised:
            row.verdict.clear()
        elif not parse.recognised:
            row.verdict.setText(
                self.tr(
                    "The app does not know this tracking number format; check it before shipping."
                )
            )
        elif parse.check_digit == CheckVerdict.INVALID:
            row.verdict.setText(
                self.tr("The check digit of this {carrier} number is wrong; rescan it.").format(
                    carrier=row.carrier.carrier()
                )
            )
        else:
            row.verdict.setText(
                self.tr("{carrier} tracking number.").format(carrier=row.carrier.carrier())
            )

    def _tracking_needed(self) -> bool:
        # Price2b creates the tracking number when it ships; a fulfill records one made elsewhere.
        return self._mode is Operation.SHIP and not self._caps.returns_label

    def validate(self) -> list[str]:
        """Every reason the dialog cannot be accepted, as sentences (empty when it can)."""
        if self.refusal is not None:
            return [self.refusal]
        problems: list[str] = []
        try:
            check_shipment(self._order, self.lines(), hold_override=self.hold_override)
        except DomainError as exc:
            if exc.field == "holds" and self.hold_refusal is not None:
                problems.append(
                    self.tr('{sentence} Press "Ship anyway…" and say why, or cancel.').format(
                        sentence=self.hold_refusal
                    )
                )
            else:
                problems.append(sentence(exc))
        warnings: list[str] = []
        if self._buys_label():
            problems += self._parcel_problems()
        for row in self.rows:
            self._describe(row)
            self._check_reuse(row)
            if row.reuse is not None and not row.reuse_override.isChecked():
                problems.append(
                    self.tr(
                        '{sentence} Rescan the parcel\'s own label, or tick "Ship anyway".'
                    ).format(sentence=translate_message(row.reuse.message()))
                )
            parse = row.parse()
            if not row.carrier.carrier():
                problems.append(self.tr("Choose a carrier."))
            if not parse.normalised:
                if self._tracking_needed():
                    problems.append(self.tr("Scan or type the tracking number."))
                continue
            if not parse.recognised:
                warnings.append(row.verdict.text())
            elif parse.check_digit == CheckVerdict.INVALID and not row.override.isChecked():
                problems.append(
                    self.tr(
                        "The tracking number's check digit is wrong: rescan it, or tick "
                        '"Ship anyway with this tracking number".'
                    )
                )
        self.warning_label.setText(" ".join(warnings))
        return problems

    def _parcel_problems(self) -> list[str]:
        problems = []
        if not self.rows[0].service.text().strip():
            problems.append(
                self.tr(
                    "Enter the carrier's service level: {store} needs it to sell the label."
                ).format(store=self._caps.display_name)
            )
        if len(self.parcels) > 1:
            for line_id, count in self.lines().items():
                packed = sum(p.units[line_id].value() for p in self.parcels if line_id in p.units)
                if packed != count:
                    line = self._order.line(line_id)
                    problems.append(
                        self.tr(
                            "The parcels hold {packed} of {sku} but {count} ship: move the units "
                            "so the boxes hold what ships."
                        ).format(
                            packed=packed,
                            count=count,
                            sku=(line.sku if line is not None and line.sku else line_id),
                        )
                    )
            if any(not p.fields["weight"].value() for p in self.parcels):
                problems.append(self.tr("Enter the weight of each parcel."))
        return problems

    def lines(self) -> dict[str, int]:
        return {line_id: spin.value() for line_id, spin in self.quantities.items()}

    def accept(self) -> None:
        problems = self.validate()
        if problems:
            self.error_label.setText(" ".join(dict.fromkeys(problems)))
            return
        if not self._record_overrides():
            return
        self._request = self._build()
        super().accept()

    def _record_overrides(self) -> bool:
        """Audit each accepted duplicate; a duplicate that cannot be audited does not ship."""
        for row in self.rows:
            if row.reuse is None or self._guard is None:
                continue
            try:
                self._guard.record_override(row.reuse)
            except (sqlite3.Error, StoreError, OSError) as exc:
                log.error(
                    "could not audit the tracking override on order %s: %s", self._order.number, exc
                )
                self.error_label.setText(
                    self.tr(
                        "Shipping anyway could not be written to the audit log, so nothing was "
                        "shipped. Check the disk, then try again."
                    )
                )
                return False
        return True

    def _shipped_at(self) -> datetime:
        now = self._now()
        qdate = self.ship_date.date()
        chosen = date(qdate.year(), qdate.month(), qdate.day())
        return now if chosen == now.date() else datetime.combine(chosen, time(12), UTC)

    def _build(self) -> ShipRequest | FulfillRequest:
        lines = check_shipment(self._order, self.lines(), hold_override=self.hold_override)
        notify = self.notify.isChecked() if self.notify is not None else None
        shipped_at = self._shipped_at()
        infos = []
        for row in self.rows:
            parse = row.parse()
            number = row.number()
            infos.append(
                TrackingInfo(
                    carrier=row.carrier.carrier(),
                    service=row.service.text().strip() or None,
                    tracking_number=number,
                    tracking_url=parse.url if number else None,
                    shipped_at=shipped_at,
                )
            )
        if self._mode is Operation.FULFILL:
            return FulfillRequest(shipments=infos, lines=lines, notify_customer=notify)
        first = infos[0]
        return ShipRequest(
            carrier=first.carrier,
            service=first.service,
            tracking_number=first.tracking_number,
            tracking_url=first.tracking_url,
            shipped_at=shipped_at,
            lines=lines,
            packages=self._packages(lines),
            notify_customer=notify,
        )

    def _packages(self, lines: dict[str, int]) -> list[Package]:
        """Every parcel with its size, weight and items (a lone parcel holds what ships)."""
        packages = []
        for parcel in self.parcels:
            values = {
                k: Decimal(str(round(s.value(), 2)))
                for k, s in parcel.fields.items()
                if s.value() > 0
            }
            held = (
                dict(lines)
                if len(self.parcels) == 1
                else {k: s.value() for k, s in parcel.units.items() if s.value() > 0}
            )
            if held:
                packages.append(Package(lines=held, **values))
        return packages

    def request(self) -> ShipRequest | FulfillRequest:
        if self._request is None:
            raise RuntimeError("the dialog was not accepted")
        return self._request


class HoldReasonDialog(QDialog):
    """Asks why a held order is packed anyway (pack mode's F2). Neither button is a default:
    Enter (a scanner's, or a stray key) confirms nothing, and a blank reason is refused."""

    def __init__(self, order: Order, refusal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pack order {n} anyway?").format(n=order.number))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(refusal))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            self.tr("Why pack it anyway? (recorded with your name and this desk)")
        )
        self.reason.setMaxLength(500)
        scanner_field(self.reason, lambda: None)
        layout.addWidget(self.reason)
        # Plain buttons, not a QDialogButtonBox: a button box makes its accept button the
        # default when shown, and Enter would press it.
        buttons = QHBoxLayout()
        self.pack_button = QPushButton(self.tr("Pack anyway"))
        cancel = QPushButton(self.tr("Cancel"))
        for button in (self.pack_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        self.pack_button.setEnabled(False)
        self.reason.textChanged.connect(
            lambda text: self.pack_button.setEnabled(bool(text.strip()))
        )
        self.pack_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addLayout(buttons)
        self.reason.setFocus()

    def text(self) -> str:
        return " ".join(self.reason.text().split())

    def accept(self) -> None:
        if self.text():
            super().accept()

"""Labels the store sells: buying one with a shipment, fetching its bytes, printing them as
they came. No Qt; the Ship dialog, pack mode, the outbox worker and the CLI call these.

Where a store sells labels (``Capabilities.returns_label``: Price2b's ``ship``), shipping *is*
buying the label: :func:`label_ship_request` builds the request (carrier and service from the
order's checkout choice, else the desk's defaults; the parcel's weight from its lines; every
package with its items), the outbox sends it, and :func:`print_store_label` fetches
``label_url`` and prints the store's own bytes to the label printer (``PrintService`` turns a
PDF into a ZPL graphic for a thermal printer). The bytes stay in the print queue, so Reprint
prints the same label. A store that sells none gets the carrier label's tracking number
scanned; the app then draws at most an address label marked NO POSTAGE (see
``PrintService.print_label``).

Hooking into pack mode (``ui/pack/pack_host.py`` ``ship``): build the request with
:func:`pack_ship_request` instead of ``ShipRequest(carrier="Other", ...)``, and when
:func:`prints_after_ship` is true print no label after queueing: the outbox worker's
:class:`StoreLabelPrinter` prints the store's label when its answer brings it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from fulfillment_station.connectors.base import (
    Capabilities,
    Connector,
    Operation,
    RebuildsLabelUrl,
    ShipResult,
)
from fulfillment_station.connectors.errors import NotFound
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import Order, Shipment
from fulfillment_station.domain.requests import Package, ShipRequest
from fulfillment_station.store.settings import Settings

if TYPE_CHECKING:  # the print service loads reportlab; only its callers need it at run time
    from fulfillment_station.services.print_service import PrintOutcome, PrintService

log = logging.getLogger(__name__)

_NO_LABEL_YET = QT_TRANSLATE_NOOP(
    "Labels", "Order {order} has no label bought from the store yet; ship it to buy one."
)


@dataclass(frozen=True, slots=True)
class LabelDefaults:
    """The desk's carrier and service for labels bought when the order names none."""

    carrier: str
    service: str


def label_defaults_from(settings: Settings) -> LabelDefaults:
    return LabelDefaults(
        carrier=str(settings["printers.label_carrier"]).strip(),
        service=str(settings["printers.label_service"]).strip(),
    )


def sells_labels(capabilities: Capabilities) -> bool:
    """Shipping through this store buys its label (the tracking number comes back)."""
    return capabilities.returns_label and capabilities.supports(Operation.SHIP)


def checkout_choice(order: Order) -> tuple[str | None, str | None]:
    """(carrier, service) the customer chose at checkout, where the order says: a service
    written ``"carrier service"`` (e.g. ``"fedex INTERNATIONAL_ECONOMY"``) gives both."""
    chosen = (order.service_requested or "").strip()
    if not chosen:
        return None, None
    carrier, _, service = chosen.partition(" ")
    return (carrier, service.strip()) if service.strip() else (None, chosen)


def lines_weight(order: Order, lines: Mapping[str, int]) -> Decimal | None:
    """The weight of these units from the order's lines, or None when a line has none."""
    total = Decimal("0")
    for line_id, quantity in lines.items():
        line = order.line(line_id)
        if line is None or line.weight is None:
            return None
        total += line.weight * quantity
    return total if total > 0 else None


def label_ship_request(
    order: Order,
    defaults: LabelDefaults,
    *,
    lines: Mapping[str, int] | None = None,
    packages: Sequence[Package] = (),
    carrier: str | None = None,
    service: str | None = None,
    notify_customer: bool | None = None,
    warehouse_id: int | None = None,
) -> ShipRequest:
    """The ship request that buys the store's label for these units.

    Carrier and service: the ones given, else the order's checkout choice, else the desk's
    defaults. ``lines`` defaults to all that remains. Without packages there is one parcel
    holding every unit, weighed from the lines; a package without items gets none here (the
    caller says which units go in which box).
    """
    wanted = (
        dict(lines) if lines else {ln.id: ln.remaining for ln in order.lines if ln.remaining > 0}
    )
    chosen_carrier, chosen_service = checkout_choice(order)
    parcels = list(packages) or [Package(weight=lines_weight(order, wanted), lines=wanted)]
    return ShipRequest(
        carrier=(carrier or chosen_carrier or defaults.carrier or "").strip(),
        service=(service or chosen_service or defaults.service or None),
        lines=wanted,
        packages=parcels,
        notify_customer=notify_customer,
        warehouse_id=warehouse_id,
    )


def pack_ship_request(
    order: Order,
    lines: Mapping[str, int],
    capabilities: Capabilities,
    settings: Settings,
    *,
    tracking: str | None = None,
    carrier: str | None = None,
) -> ShipRequest:
    """What pack mode sends once every unit is scanned: the store's label bought where it
    sells one and no tracking number was scanned, else the scanned carrier label's number."""
    if tracking is None and sells_labels(capabilities):
        return label_ship_request(
            order, label_defaults_from(settings), lines=lines, carrier=carrier
        )
    return ShipRequest(carrier=carrier or "Other", tracking_number=tracking, lines=dict(lines))


def prints_after_ship(request: ShipRequest, capabilities: Capabilities) -> bool:
    """Whether the label comes back from the store with the ship (the outbox worker prints
    it): pack mode must not draw one of its own then."""
    return request.tracking_number is None and sells_labels(capabilities)


def label_url(connector: Connector, shipment: Shipment) -> str | None:
    """Where the store keeps this shipment's label: the URL its ship answer gave, else the one
    the connector can rebuild from the shipment id (a lost answer, a later reprint)."""
    if shipment.label_url:
        return shipment.label_url
    if shipment.id and isinstance(connector, RebuildsLabelUrl):
        return connector.label_url_for(shipment.id)
    return None


def fetch_store_label(connector: Connector, shipment: Shipment) -> bytes:
    """The label bytes exactly as the store serves them (``NotFound`` when it has none)."""
    url = label_url(connector, shipment)
    if url is None:
        raise NotFound("this shipment has no label at the store")
    return connector.fetch_label(url)


def latest_labelled_shipment(order: Order) -> Shipment | None:
    """The newest shipment of the order that the store can have a label for."""
    for shipment in reversed(order.shipments):
        if shipment.label_url or shipment.id:
            return shipment
    return None


def print_store_label(
    print_service: PrintService,
    connector: Connector,
    order: Order,
    shipment: Shipment | None = None,
    *,
    reprint: bool = False,
) -> PrintOutcome:
    """Fetch the store's label for ``shipment`` (the order's newest when not given) and print
    its bytes once (again only with ``reprint``)."""
    from fulfillment_station.services.print_service import PrintOutcome

    shipment = shipment or latest_labelled_shipment(order)
    if shipment is None:
        return PrintOutcome("label", None, False, _NO_LABEL_YET.format(order=order.number))
    data = fetch_store_label(connector, shipment)
    return print_service.print_label(order, shipment, reprint=reprint, label_bytes=data)


class StoreLabelPrinter:
    """The outbox worker's hook: when the store's answer to a ship brings a label, fetch it and
    print it. It never raises: the shipment is done at the store whatever becomes of the
    label (a failure is logged and the label can be printed again from the order)."""

    def __init__(
        self,
        connector: Connector,
        print_service: PrintService,
        order_of: Callable[[str], Order | None],
    ) -> None:
        self._connector = connector
        self._print_service = print_service
        self._order_of = order_of
        self.outcomes: list[PrintOutcome] = []

    def __call__(self, order_id: str, result: ShipResult) -> None:
        shipment = result.shipment
        if shipment is None or not (shipment.label_url or shipment.id):
            return
        try:
            order = result.order or self._order_of(order_id) or self._connector.get_order(order_id)
            outcome = print_store_label(self._print_service, self._connector, order, shipment)
        except Exception as exc:  # a label must never fail the shipment: see the docstring
            log.warning("label for order %s not printed: %s", order_id, exc)
            return
        log.info("label for order %s: %s", order_id, outcome.message)
        self.outcomes.append(outcome)

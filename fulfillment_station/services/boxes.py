"""An order packed into several boxes, as the store's API takes it (no Qt): pack mode's boxes
step (built elsewhere) collects :class:`PackedBox` values (the box type, the line units in it,
its stable weight, and its own tracking number where each box has one) and hands them to
:func:`ship_requests_for_boxes`.

- A store that buys the labels (Price2b, ``returns_label``) gets **one** ship request with one
  ``packages[]`` entry per box: weight (kg), inner dimensions (cm) and the box's items.
- A store that takes partial shipments (Nexus, ``partial_shipment``) gets **one shipment per
  box**, each with the box's lines and its own tracking number.
- Any other store gets one shipment with every line; the boxes are only on the slip.

:func:`box_shipping` says which of the three a store is (pack mode asks one label per box
only where each box is a shipment of its own).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from fulfillment_station.connectors.base import Capabilities, Operation
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.requests import Package, ShipRequest
from fulfillment_station.domain.weight import Weight
from fulfillment_station.services.weighing import BoxType


@dataclass(frozen=True, slots=True)
class PackedBox:
    lines: Mapping[str, int]  # line id -> units in this box
    box: BoxType | None = None
    weight: Weight | None = None  # the scale's stable weight of the closed box
    tracking_number: str | None = None  # its own label's number (partial-shipment stores)
    extra: Mapping[str, str] = field(default_factory=dict)

    def package(self) -> Package:
        dimensions = self.box.dimensions_cm if self.box is not None else None
        return Package(
            weight=None if self.weight is None else self.weight.in_unit("kg", 3),
            length=dimensions[0] if dimensions else None,
            width=dimensions[1] if dimensions else None,
            height=dimensions[2] if dimensions else None,
            lines={line: units for line, units in self.lines.items() if units > 0},
        )


NO_BOX = QT_TRANSLATE_NOOP("Boxes", "There is no box to ship.")
EMPTY_BOX = QT_TRANSLATE_NOOP(
    "Boxes", "Box {number} is empty; take it away or pack an item into it."
)
NO_TRACKING = QT_TRANSLATE_NOOP("Boxes", "Box {number} has no tracking number; scan its label.")


class BoxesNotShippable(ValueError):
    """The boxes cannot make a shipment (empty box, a box without its tracking number);
    ``message`` is the packer's sentence."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _merged(boxes: Sequence[PackedBox]) -> dict[str, int]:
    lines: dict[str, int] = {}
    for packed in boxes:
        for line, units in packed.lines.items():
            if units > 0:
                lines[line] = lines.get(line, 0) + units
    return lines


def ship_requests_for_boxes(
    capabilities: Capabilities,
    boxes: Sequence[PackedBox],
    *,
    carrier: str,
    service: str | None = None,
    notify_customer: bool | None = None,
    warehouse_id: int | None = None,
) -> list[ShipRequest]:
    """The ship request(s) that send ``boxes`` the way the store takes them (module doc)."""
    if not boxes:
        raise BoxesNotShippable(NO_BOX)
    for number, packed in enumerate(boxes, start=1):
        if not any(units > 0 for units in packed.lines.values()):
            raise BoxesNotShippable(EMPTY_BOX.format(number=number))
    notify = notify_customer if capabilities.notify_customer else None
    if capabilities.returns_label:
        return [
            ShipRequest(
                carrier=carrier,
                service=service,
                notify_customer=notify,
                warehouse_id=warehouse_id,
                lines=_merged(boxes),
                packages=[packed.package() for packed in boxes],
            )
        ]
    if capabilities.partial_shipment and len(boxes) > 1:
        requests = []
        for number, packed in enumerate(boxes, start=1):
            if not (packed.tracking_number or "").strip():
                raise BoxesNotShippable(NO_TRACKING.format(number=number))
            requests.append(
                ShipRequest(
                    carrier=carrier,
                    service=service,
                    notify_customer=notify,
                    tracking_number=packed.tracking_number,
                    lines={line: units for line, units in packed.lines.items() if units > 0},
                )
            )
        return requests
    return [
        ShipRequest(
            carrier=carrier,
            service=service,
            notify_customer=notify,
            tracking_number=boxes[0].tracking_number,
            lines=_merged(boxes),
        )
    ]


class BoxShipping(StrEnum):
    """How a store takes an order packed in several boxes (module doc)."""

    PACKAGES = "packages"  # one ship request, one ``packages[]`` entry per box (Price2b)
    SHIPMENTS = "shipments"  # one partial shipment per box, each with its tracking number
    ONE = "one"  # one shipment with every line; the boxes are only on the slip


def box_shipping(capabilities: Capabilities) -> BoxShipping:
    """How ``capabilities``' store takes boxes: the seeds document packages only for Price2b's
    ship (it sells the label), partial shipments with line quantities for Nexus; Squarespace
    fulfills the whole order, Inventory Cloud and the generic REST API take one status change."""
    if capabilities.returns_label and capabilities.supports(Operation.SHIP):
        return BoxShipping.PACKAGES
    if capabilities.partial_shipment and capabilities.supports(Operation.SHIP):
        return BoxShipping.SHIPMENTS
    return BoxShipping.ONE


def merged_lines(boxes: Sequence[PackedBox]) -> dict[str, int]:
    """Every unit of ``boxes`` by line id (the shipment the boxes make together)."""
    return _merged(boxes)

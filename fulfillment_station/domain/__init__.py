"""The canonical order model, money and the workflow rules. Imports nothing above it."""

from fulfillment_station.domain.errors import DomainError, InvalidTransition, NotShippable
from fulfillment_station.domain.models import (
    Address,
    Customer,
    FulfillmentStatus,
    Hold,
    HoldKind,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
    TimelineEvent,
    parse_order,
)

__all__ = [
    "Address",
    "Customer",
    "DomainError",
    "FulfillmentStatus",
    "Hold",
    "HoldKind",
    "InvalidTransition",
    "LineItem",
    "NotShippable",
    "Order",
    "OrderStatus",
    "Shipment",
    "ShipmentLine",
    "TimelineEvent",
    "parse_order",
]

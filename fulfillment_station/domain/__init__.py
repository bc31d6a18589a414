"""The canonical order model, money and the workflow rules. Imports nothing above it."""

from fulfillment_station.domain.errors import DomainError, InvalidTransition, NotShippable
from fulfillment_station.domain.models import (
    Address,
    Customer,
    FulfillmentStatus,
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

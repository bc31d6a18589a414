"""What the packer asks a store to do: the write requests every connector accepts and the
outbox stores. They describe intent in canonical terms; each connector turns them into its
dialect's body (and says through its capabilities what it cannot carry)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from fulfillment_station.domain.models import Address, Customer, OrderStatus, UtcDateTime


class _Request(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Package(_Request):
    """One parcel (Price2b ``packages``): weight in kg, dimensions in cm, its line units."""

    weight: Decimal | None = None
    length: Decimal | None = None
    width: Decimal | None = None
    height: Decimal | None = None
    lines: dict[str, int] = Field(default_factory=dict)


class TrackingInfo(_Request):
    carrier: str
    service: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    shipped_at: UtcDateTime | None = None


class ShipRequest(_Request):
    """Ship (part of) an order. ``lines`` maps line id -> units; empty means all that remains.
    ``tracking_number`` may be empty where the API creates it (Price2b ship returns one)."""

    carrier: str
    service: str | None = None
    tracking_number: str | None = None
    tracking_url: str | None = None
    shipped_at: UtcDateTime | None = None
    lines: dict[str, int] = Field(default_factory=dict)
    packages: list[Package] = Field(default_factory=list)
    notify_customer: bool | None = None
    warehouse_id: int | None = None

    def tracking(self) -> TrackingInfo:
        return TrackingInfo(
            carrier=self.carrier,
            service=self.service,
            tracking_number=self.tracking_number,
            tracking_url=self.tracking_url,
            shipped_at=self.shipped_at,
        )


class FulfillRequest(_Request):
    """Mark an order fulfilled, with the shipment(s) made outside the API."""

    shipments: list[TrackingInfo] = Field(default_factory=list)
    lines: dict[str, int] = Field(default_factory=dict)
    notify_customer: bool | None = None


class BulkShipItem(_Request):
    order_id: str
    carrier: str
    tracking_number: str
    service: str | None = None
    lines: dict[str, int] = Field(default_factory=dict)


class CancelRequest(_Request):
    reason: str | None = None
    notify_customer: bool | None = None


class OrderUpdate(_Request):
    """Fields to change; ``None`` leaves a field as it is."""

    notes: str | None = None
    ship_to: Address | None = None
    status: OrderStatus | None = None

    def is_empty(self) -> bool:
        return self.notes is None and self.ship_to is None and self.status is None


class NewOrderLine(_Request):
    sku: str
    quantity: int = Field(gt=0)
    name: str | None = None
    unit_price: Decimal | None = None
    product_id: str | None = None


class CreateOrderRequest(_Request):
    """A manual or replacement order."""

    lines: list[NewOrderLine] = Field(min_length=1)
    customer: Customer = Field(default_factory=Customer)
    customer_id: str | None = None
    ship_to: Address | None = None
    currency: str = "USD"
    channel_name: str | None = None
    external_reference: str | None = None
    created_at: datetime | None = None
    notes: str | None = None

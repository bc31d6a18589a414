"""The canonical order model every dialect maps to, and what ``--json`` prints.

Money is Decimal (serialised as strings), datetimes are timezone-aware UTC (serialised
ISO 8601 with ``Z``). ``raw`` keeps the API's untouched payload for support; it is left out
of JSON unless asked for.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    model_validator,
)

from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.money import Money


class OrderStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    PROCESSING = "processing"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    # A status string the API sent that no mapping table knows. It is kept visible (the
    # original text stays in ``Order.api_status``) and no action treats it as shipped.
    UNKNOWN = "unknown"


class FulfillmentStatus(StrEnum):
    UNFULFILLED = "unfulfilled"
    PARTIAL = "partial"
    FULFILLED = "fulfilled"


def parse_utc(value: Any) -> datetime:
    """Accept an aware datetime or an ISO 8601 string with an offset; return it in UTC."""
    if type(value) is datetime and value.tzinfo is UTC:
        return value  # already what we keep (the connectors' parsers hand these over)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{value[:40]!r} is not an ISO 8601 date and time") from None
    if not isinstance(value, datetime):
        raise ValueError("expected a date and time")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("date and time has no time zone; a UTC offset is required")
    return value.astimezone(UTC)


def format_utc(value: datetime) -> str:
    text = value.astimezone(UTC).isoformat()
    return text.replace("+00:00", "Z")


UtcDateTime = Annotated[
    datetime,
    BeforeValidator(parse_utc),
    PlainSerializer(format_utc, return_type=str, when_used="json"),
]


def _cut(limit: int) -> Any:
    """A validator that cuts an absurdly long text (what an API may send) to ``limit``
    characters, so no slip, label or table row has to lay out a 100 000-letter name."""

    def cut(value: Any) -> Any:
        if isinstance(value, str) and len(value) > limit:
            return value[: limit - 1] + "\u2026"
        return value

    return BeforeValidator(cut)


#: Names, address lines, SKUs, numbers: one line on paper.
ShortText = Annotated[str, _cut(200)]
#: Notes and gift messages: a paragraph, not a book.
LongText = Annotated[str, _cut(2000)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Customer(_Model):
    name: ShortText = ""
    email: ShortText | None = None
    phone: ShortText | None = None


class Address(_Model):
    name: ShortText = ""
    company: ShortText | None = None
    line1: ShortText = ""
    line2: ShortText | None = None
    city: ShortText = ""
    region: ShortText | None = None
    postal_code: ShortText | None = None
    country: ShortText = ""

    def missing_required(self) -> list[str]:
        """Fields a carrier needs that are empty, in form order."""
        required = ("name", "line1", "city", "country")
        return [f for f in required if not getattr(self, f).strip()]


#: More units than this on one line is garbage, not an order (10**30 was accepted once).
MAX_QUANTITY = 1_000_000


class LineItem(_Model):
    id: str
    sku: ShortText = ""
    name: ShortText = ""
    quantity: int = Field(ge=0, le=MAX_QUANTITY)
    quantity_fulfilled: int = Field(default=0, ge=0, le=MAX_QUANTITY)
    unit_price: Money = Decimal("0")
    barcode: ShortText | None = None
    weight: Decimal | None = None

    @property
    def remaining(self) -> int:
        return self.quantity - self.quantity_fulfilled

    @model_validator(mode="after")
    def _fulfilled_within_ordered(self) -> LineItem:
        if self.quantity_fulfilled > self.quantity:
            raise ValueError(
                f"quantity_fulfilled {self.quantity_fulfilled} exceeds quantity {self.quantity}"
            )
        return self


class ShipmentLine(_Model):
    line_id: str
    quantity: int = Field(gt=0, le=MAX_QUANTITY)


class ShipmentPackage(_Model):
    """One box of a shipment: weight in kg, dimensions in cm, the units it holds."""

    weight: Decimal | None = None
    length: Decimal | None = None
    width: Decimal | None = None
    height: Decimal | None = None
    lines: list[ShipmentLine] = Field(default_factory=list)


class Shipment(_Model):
    id: str | None = None
    carrier: ShortText = ""
    service: ShortText | None = None
    tracking_number: ShortText | None = None
    tracking_url: str | None = None
    shipped_at: UtcDateTime | None = None
    lines: list[ShipmentLine] = Field(default_factory=list)
    label_url: str | None = None
    # Where the parcel is (in_transit, delivered...), as the store words it.
    status: str | None = None
    packages: list[ShipmentPackage] = Field(default_factory=list)
    warehouse_id: str | None = None


class Discount(_Model):
    """A promotion redeemed at checkout, as the store names it (Squarespace
    ``discountLines``): ``amount`` is what it took off the order (positive)."""

    name: ShortText = ""
    code: ShortText | None = None
    amount: Money = Decimal("0")


class TimelineEvent(_Model):
    at: UtcDateTime
    kind: str
    message: str = ""


class HoldKind(StrEnum):
    """Why the desk must not ship an order (see ``domain.holds``)."""

    MARKETPLACE_FULFILLED = "marketplace_fulfilled"  # the marketplace ships it (FBA, FBS)
    NOT_PAID = "not_paid"  # payment only authorised, pending or missing
    REFUNDED = "refunded"  # payment refunded or voided
    TEST_ORDER = "test_order"  # paid with a test payment method
    PENDING = "pending"  # the store has not confirmed the order yet
    PACKER = "packer"  # set at a desk, with the packer's reason


class Hold(_Model):
    kind: HoldKind
    reason: str = ""


class Order(_Model):
    id: str
    number: ShortText
    dialect: str
    status: OrderStatus
    api_status: ShortText | None = None
    fulfillment_status: FulfillmentStatus = FulfillmentStatus.UNFULFILLED
    payment_status: ShortText | None = None
    channel: ShortText | None = None
    marketplace: ShortText | None = None
    fulfillment_method: ShortText | None = None
    currency: str = "USD"
    subtotal: Money = Decimal("0")
    tax: Money = Decimal("0")
    shipping: Money = Decimal("0")
    total: Money = Decimal("0")
    customer: Customer = Field(default_factory=Customer)
    ship_to: Address | None = None
    bill_to: Address | None = None
    lines: list[LineItem] = Field(default_factory=list)
    shipments: list[Shipment] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    notes: LongText | None = None
    gift_message: LongText | None = None
    #: Why this desk must not ship the order (empty: nothing stops it). The connector maps the
    #: store's own fields; a packer's hold is kept locally and merged by the cache.
    holds: list[Hold] = Field(default_factory=list)
    # The shipping service the customer chose (and paid for) at checkout, where the API says.
    service_requested: ShortText | None = None
    # Each promotion the store itemises (Squarespace ``discountLines``); the slip and the
    # detail pane list them so the money adds up.
    discounts: list[Discount] = Field(default_factory=list)
    # The marketplace's own order id (Price2b ``channel_order_id``).
    marketplace_order_id: ShortText | None = None
    # The order has at least one return (Nexus ``has_returns``); None where the API is silent.
    has_returns: bool | None = None
    created_at: UtcDateTime
    updated_at: UtcDateTime
    raw: dict[str, Any] | None = None

    def line(self, line_id: str) -> LineItem | None:
        for line in self.lines:
            if line.id == line_id:
                return line
        return None

    @property
    def deliver_to(self) -> Address | None:
        """The ship-to address as a label and a slip carry it: the store's own, with a missing
        name taken from the customer the store names (Generic REST's addresses have no name;
        the order still goes to its customer)."""
        address = self.ship_to
        if address is None or address.name.strip() or not self.customer.name.strip():
            return address
        return address.model_copy(update={"name": self.customer.name.strip()})

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def to_json_dict(self, *, raw: bool = False) -> dict[str, Any]:
        """The canonical JSON form (what ``--json`` prints)."""
        return self.model_dump(mode="json", exclude=None if raw else {"raw"})

    def to_json(self, *, raw: bool = False) -> str:
        return self.model_dump_json(exclude=None if raw else {"raw"})


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def domain_error_from(exc: ValidationError) -> DomainError:
    """Turn pydantic's error into a DomainError that names the first bad field."""
    first = exc.errors()[0]
    field = _field_path(tuple(first.get("loc", ()))) or None
    message = str(first.get("msg", "invalid value")).removeprefix("Value error, ")
    return DomainError(message, field=field)


def parse_order(data: Any) -> Order:
    """Validate a canonical order dict (or JSON text); bad input raises DomainError."""
    try:
        if isinstance(data, str | bytes):
            return Order.model_validate_json(data)
        return Order.model_validate(data)
    except ValidationError as exc:
        raise domain_error_from(exc) from None

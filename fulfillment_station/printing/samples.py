"""Sample orders for a printer test page, the docs' example documents and the benchmarks.

Names are deliberately multilingual (accents, Cyrillic, Greek, CJK) so a test page shows at a
glance whether the fonts work.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from fulfillment_station.domain.models import (
    Address,
    Customer,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
)
from fulfillment_station.printing.settings import PageSize, PrintSettings

_PRODUCTS = (
    ("MUG-CER-01", "Ceramic mug, café crème", "4006381333931", "12.50", "0.8"),
    ("TEA-EARL-100", "Earl Grey tea, 100 g", "5012345678900", "6.90", "0.25"),
    ("SCARF-WOOL-RD", "Шерстяной шарф, красный", "0712345678911", "29.00", "0.3"),
    ("OLIVE-OIL-500", "Ελαιόλαδο 500 ml", "5201234567892", "11.40", "0.6"),
    ("CHOPSTICK-SET", "筷子套装 (5 pairs)", "6901234567892", "8.75", "0.2"),
    ("NOTEBOOK-A5", "Notebook A5, dotted", None, "4.20", "0.35"),
)

STORE_ADDRESS = Address(
    name="Fulfillment Station Demo Store",
    line1="12 Harbour Road",
    line2="Unit 4",
    city="Portland",
    region="OR",
    postal_code="97201",
    country="US",
)


def sample_settings(page_size: PageSize = "letter", **changes: object) -> PrintSettings:
    values: dict[str, object] = {
        "store_name": "Fulfillment Station Demo Store",
        "return_address": STORE_ADDRESS,
        "page_size": page_size,
    }
    values.update(changes)
    return PrintSettings(**values)  # type: ignore[arg-type]


def sample_order(
    number: str = "1001",
    *,
    lines: int = 4,
    customer: str = "Zoë Ñandú-Łukasiewicz",
    gift_message: str | None = None,
    notes: str | None = "Please leave at the back door.",
    country: str = "US",
) -> Order:
    items = []
    for i in range(lines):
        sku, name, barcode, price, weight = _PRODUCTS[i % len(_PRODUCTS)]
        suffix = f" #{i // len(_PRODUCTS) + 1}" if i >= len(_PRODUCTS) else ""
        items.append(
            LineItem(
                id=f"L{i + 1}",
                sku=f"{sku}{'-' + str(i) if suffix else ''}",
                name=name + suffix,
                quantity=1 + i % 3,
                unit_price=Decimal(price),
                barcode=barcode,
                weight=Decimal(weight),
            )
        )
    subtotal = sum((item.unit_price * item.quantity for item in items), Decimal("0"))
    shipping, tax = Decimal("7.95"), (subtotal * Decimal("0.08")).quantize(Decimal("0.01"))
    address = Address(
        name=customer,
        company="Acme & Søn GmbH",
        line1="1600 Amphitheatre Pkwy",
        line2="Apt. 5B",
        city="Mountain View",
        region="CA",
        postal_code="94043",
        country=country,
    )
    created = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    return Order(
        id=f"ord_{number}",
        number=number,
        dialect="nexus",
        status=OrderStatus.PROCESSING,
        currency="USD",
        subtotal=subtotal,
        tax=tax,
        shipping=shipping,
        total=subtotal + tax + shipping,
        customer=Customer(name=customer, email="zoe@example.com"),
        ship_to=address,
        bill_to=address.model_copy(update={"company": None, "line1": "500 Billing Street"}),
        lines=items,
        notes=notes,
        gift_message=gift_message,
        created_at=created,
        updated_at=created,
    )


def sample_shipment(carrier: str = "USPS", tracking: str = "9400111899223100012345") -> Shipment:
    return Shipment(
        carrier=carrier,
        service="Priority Mail" if carrier == "USPS" else "Ground",
        tracking_number=tracking,
        shipped_at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC),
    )

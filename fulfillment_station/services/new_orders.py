"""Creating orders on the stores that document it (Squarespace, Inventory Cloud, Generic REST):
what each needs from the packer, and what the app already knows about the products. No Qt; the
create dialog and ``orders create`` use it.

- A customer id is required where the seed says so: Inventory Cloud (``customer_id`` on the
  order, seed 003) and Generic REST (``customerId`` "Yes", seed 004).
- Prices: Squarespace takes ``unitPricePaid`` per line and the order's totals as sent, so a
  line without a price would make a zero-value order; the dialog asks for one there. The
  other two price the lines themselves (their answer carries the prices).
- Products: the public Squarespace API identifies a product by its ``variantId`` and Generic
  REST by ``productId``; the catalogue read from cached orders gives each SKU its id, its
  name and its last price, so the request names the product the way the store does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fulfillment_station.domain.models import Order

CUSTOMER_ID_REQUIRED = frozenset({"inventory-cloud", "generic-rest"})
PRICE_REQUIRED = frozenset({"squarespace"})
#: The order's own reference (Squarespace ``externalOrderReference``, Inventory Cloud
#: ``external_id``) and sales channel (Squarespace ``channelName``), where documented.
REFERENCE_DOCUMENTED = frozenset({"squarespace", "inventory-cloud"})
CHANNEL_DOCUMENTED = frozenset({"squarespace"})


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    sku: str
    name: str = ""
    unit_price: Decimal | None = None
    product_id: str | None = None


def _raw_product_ids(order: Order) -> dict[str, str]:
    """SKU -> the store's product id, from the order's own payload where it names one."""
    raw: Any = order.raw or {}
    found: dict[str, str] = {}
    for key, id_key in (("lineItems", "variantId"), ("items", "productId")):
        items = raw.get(key) if isinstance(raw, dict) else None
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and isinstance(item.get(id_key), str) and \
                    isinstance(item.get("sku"), str):
                found[item["sku"]] = item[id_key]
    return found


def catalogue_from_orders(orders: Iterable[Order]) -> dict[str, CatalogueItem]:
    """Every SKU the orders name, with its name, latest price and the store's product id."""
    catalogue: dict[str, CatalogueItem] = {}
    for order in sorted(orders, key=lambda o: o.created_at):
        ids = _raw_product_ids(order)
        for line in order.lines:
            if not line.sku:
                continue
            product_id = ids.get(line.sku)
            if product_id is None and order.dialect == "generic-rest":
                product_id = line.id  # Generic REST lines are keyed by their productId
            previous = catalogue.get(line.sku)
            catalogue[line.sku] = CatalogueItem(
                sku=line.sku, name=line.name or (previous.name if previous else ""),
                unit_price=line.unit_price if line.unit_price > 0 else (
                    previous.unit_price if previous else None),
                product_id=product_id or (previous.product_id if previous else None))
    return catalogue

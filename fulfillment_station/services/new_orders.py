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
- The dialog waits for the store's answer with the dialog still open: on the outbox worker,
  :func:`create_through_outbox` queues and sends the create and hands back the order or the
  refusal, for ``CreateOrderDialog.finish`` (hooking it up: the dialog's ``submit`` submits
  ``lambda ctx: create_through_outbox(ctx.resources.outbox_service, request)`` to the outbox
  worker and passes the task's answer to ``finish``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fulfillment_station.connectors.errors import ConnectorError, OutOfStock, UnknownOutcome
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.requests import CreateOrderRequest
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.store.outbox import ActionState

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
            if (
                isinstance(item, dict)
                and isinstance(item.get(id_key), str)
                and isinstance(item.get("sku"), str)
            ):
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
                sku=line.sku,
                name=line.name or (previous.name if previous else ""),
                unit_price=line.unit_price
                if line.unit_price > 0
                else (previous.unit_price if previous else None),
                product_id=product_id or (previous.product_id if previous else None),
            )
    return catalogue


def create_through_outbox(
    service: OutboxService, request: CreateOrderRequest, *, packer: str = ""
) -> Order | ConnectorError:
    """Queue the create in the outbox and send it now (this action only, one step, for the
    dialog that waits on it): the created order, or the store's refusal as an error the
    dialog can show (``OutOfStock`` names the request's SKUs the store's message names, so
    the short lines can be marked). A create left waiting (the store unreachable) stays
    queued and is reported as ``UnknownOutcome``: the outbox sends it later, never twice."""
    record = service.create(request, packer=packer)
    outcome = service.send_now(record.id)
    if outcome is not None:
        if outcome.record.state is ActionState.DONE and isinstance(outcome.result, Order):
            return outcome.result
        if outcome.record.state is ActionState.FAILED:
            return _refusal(
                outcome.record.error_code,
                outcome.record.api_message,
                outcome.record.message,
                request,
            )
    return UnknownOutcome(
        user_message=QT_TRANSLATE_NOOP(
            "NewOrders",
            "The store has not answered yet; the new order waits in the outbox and "
            "is sent once the store can be reached.",
        )
    )


def _refusal(
    code: str | None, api_message: str, message: str, request: CreateOrderRequest
) -> ConnectorError:
    if code == "OUT_OF_STOCK":
        text = api_message.casefold()
        short = [line.sku for line in request.lines if line.sku.casefold() in text]
        return OutOfStock(api_message, code=code, details={"skus": [{"sku": sku} for sku in short]})
    return ConnectorError(api_message, code=code, user_message=message or None)

"""Data folders for the duplicate-tracking tests (desk slice): a real order cache, outbox and
audit log in the files the app uses, holding a shipment under a known tracking number."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.connectors.base import Operation
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.services.actions import Action
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.db import connect
from fulfillment_station.store.outbox import Outbox
from tests.store.factories import build_order

UPS = "1Z999AA10123456784"


def cache_with_shipped_order(
    root: Path, *, connection: str = "shop", order_id: str = "A1", tracking: str = UPS
) -> None:
    """Order ``#A1`` in ``cache-shop.sqlite3``, shipped by the store with ``tracking``."""
    order = build_order(
        order_id,
        status="shipped",
        fulfillment_status="fulfilled",
        shipments=[{"carrier": "UPS", "tracking_number": tracking}],
    )
    with OrderCache(root / f"cache-{connection}.sqlite3") as cache:
        cache.upsert_many([order], connection=connection)


def outbox_with_queued_ship(
    root: Path, *, connection: str = "shop", order_id: str = "B2", tracking: str = UPS
) -> None:
    """A ship of order ``#B2`` with ``tracking`` waiting in ``outbox-shop.sqlite3``."""
    conn = connect(root / f"outbox-{connection}.sqlite3")
    try:
        outbox: Outbox[Action] = Outbox(
            conn, AuditLog(conn, station="Desk 1"), decode=Action.model_validate
        )
        action = Action(
            kind=Operation.SHIP,
            connection_id=connection,
            order_id=order_id,
            payload=ShipRequest(carrier="UPS", tracking_number=tracking),
        )
        outbox.enqueue(action, build_order(order_id))
    finally:
        conn.close()

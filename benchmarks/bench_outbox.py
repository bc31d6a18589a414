"""Outbox figures: how long queueing a shipment takes (the packer waits for it: re-read, check,
durable write), and end-to-end shipments per second through the outbox to a local NexusCommerce
sandbox, plus the time to resume after a crash with actions left half-sent."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fulfillment_station.connectors import connect
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox

TOKEN = "bench-token"
SHIPMENTS = 200
OPEN = frozenset({OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING})


def _outbox(path: Path) -> tuple[Any, Outbox[Action]]:
    store = open_store(path)
    return store, Outbox(store, AuditLog(store, station="bench"), decode=Action.model_validate)


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="fs-bench-outbox-") as tmp:
        root = Path(tmp)
        with (
            SandboxServer(
                "nexus", db_path=root / "sandbox.sqlite", token=TOKEN, orders=SHIPMENTS * 3, seed=5
            ) as server,
            connect("nexus", server.base_url, TOKEN) as connector,
        ):
            pool = [
                o.id
                for o in connector.list_orders()
                if o.status in OPEN and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
            ]
            half = len(pool) // 2
            store, outbox = _outbox(root / "desk.sqlite3")
            service = OutboxService(outbox, connector, connection_id="bench")

            queue_ms = []
            for n, order_id in enumerate(pool[:half]):
                started = time.perf_counter()
                service.ship(
                    order_id, ShipRequest(carrier="DHL", tracking_number=f"JD0146{n:014d}")
                )
                queue_ms.append((time.perf_counter() - started) * 1000)
            yield {
                "name": "outbox_queue_shipment_p95",
                "unit": "ms",
                "target": None,
                "value": round(statistics.quantiles(queue_ms, n=20)[-1], 2),
            }

            started = time.perf_counter()
            service.run_until_idle()
            elapsed = time.perf_counter() - started
            assert outbox.counts()[ActionState.DONE] == half
            yield {
                "name": "outbox_shipments_per_second_nexus",
                "unit": "actions/s",
                "target": None,
                "value": round(half / elapsed, 1),
            }

            # A crash with every remaining action claimed ("sending"): the restart re-reads
            # each order before deciding whether to send.
            rest = pool[half : half * 2]
            for n, order_id in enumerate(rest):
                record = service.ship(
                    order_id, ShipRequest(carrier="DHL", tracking_number=f"JD0147{n:014d}")
                )
                outbox.claim(record.id)
            store.close()
            store, outbox = _outbox(root / "desk.sqlite3")
            started = time.perf_counter()
            OutboxService(outbox, connector, connection_id="bench").run_until_idle()
            elapsed = time.perf_counter() - started
            assert outbox.counts()[ActionState.DONE] == half + len(rest)
            store.close()
            yield {
                "name": "outbox_resume_after_crash_per_action",
                "unit": "ms",
                "target": None,
                "value": round(elapsed / max(1, len(rest)) * 1000, 2),
            }

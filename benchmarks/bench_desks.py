"""Several desks on one station database: eight headless desk processes
(``services.desk``: claim next → pack with PackSession → ship through the outbox → release)
work one NexusCommerce sandbox's open orders through one throwaway PostgreSQL server.

Figures: claim-next latency p50/p95 (as the desk's pack flow sees it), notify latency p95 (a
desk's change to another desk's listener: server timestamp in the payload to arrival), orders
packed per minute across the desks, and the counts of double claims (an order claimed by two
desks) and double shipments (the sandbox applied two shipments to one order); both must be 0.

The sandbox holds ``FS_BENCH_DESK_ORDERS`` orders (default 100,000; about half are open) and
every desk's candidate list is all of the open ones; the shift is bounded by
``FS_BENCH_DESK_SHIFT`` orders per desk (default 150) so the run fits a few minutes on a small
machine: the figures are per claim and per order, not for the whole queue.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.station.listener import ChangeListener
from tests.helpers.station_pg import ThrowawayPostgres

TOKEN = "bench-desks-token"
DESKS = 8
ORDERS = int(os.environ.get("FS_BENCH_DESK_ORDERS", "100000"))
SHIFT = int(os.environ.get("FS_BENCH_DESK_SHIFT", "150"))
OPEN_STATUSES = ("pending", "confirmed", "processing")


def _open_orders(db_path: Path) -> list[str]:
    """The open orders, oldest first, straight from the sandbox's file (listing 100,000 orders
    through the API eight times would measure the sandbox, not the desks)."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT id, status FROM orders ORDER BY created_key, seq").fetchall()
    finally:
        conn.close()
    return [order_id for order_id, status in rows if status.lower() in OPEN_STATUSES]


def _pct(values: list[float], q: int) -> float:
    return round(statistics.quantiles(values, n=100)[q - 1], 2) if len(values) > 1 else 0.0


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="fs-bench-desks-") as tmp:
        root = Path(tmp)
        seeding = time.perf_counter()
        server = SandboxServer(
            "nexus", db_path=root / "sandbox.sqlite", token=TOKEN, orders=ORDERS, seed=5
        )
        seeded_s = time.perf_counter() - seeding
        server.start()
        try:
            with ThrowawayPostgres() as pg:
                yield from _shift(root, server, pg, seeded_s)
        finally:
            server.close()


def _shift(
    root: Path, server: SandboxServer, pg: ThrowawayPostgres, seeded_s: float
) -> Iterator[dict[str, Any]]:
    candidates = _open_orders(server.db_path)
    orders_file = root / "candidates.txt"
    orders_file.write_text("\n".join(candidates), encoding="utf-8")
    with psycopg.connect(pg.url) as conn:
        from fulfillment_station.station import schema

        schema.migrate(conn)

    notify_ms: list[float] = []

    def heard(event: Any) -> None:
        if event.change == "shipped":
            notify_ms.append((datetime.now(UTC) - event.at).total_seconds() * 1000)

    listener = ChangeListener(lambda: psycopg.connect(pg.url), on_event=heard)
    listener.start()
    assert listener.wait_listening(30)
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fulfillment_station.services.desk",
                "--dialect",
                "nexus",
                "--base-url",
                server.base_url,
                "--token",
                TOKEN,
                "--store",
                str(root / f"desk{n}.sqlite"),
                "--desk",
                f"desk{n}",
                "--station-db",
                pg.url,
                "--orders-file",
                str(orders_file),
                "--max-orders",
                str(SHIFT),
                "--timeout",
                "900",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for n in range(DESKS)
    ]
    events: list[dict[str, Any]] = []
    for proc in procs:
        out, _err = proc.communicate(timeout=1200)
        events += [json.loads(line) for line in out.splitlines()]
    elapsed = time.perf_counter() - started
    listener.stop()

    claim_ms = [e["claim_ms"] for e in events if e["event"] == "claimed"]
    shipped = [e for e in events if e["event"] == "shipped"]
    # Every desk's claim of the shift: an order claimed by two desks is a double claim.
    with psycopg.connect(pg.url) as conn:
        claimed_by = conn.execute(
            "SELECT order_id, count(DISTINCT desk) FROM audit "
            "WHERE kind = 'claim' GROUP BY order_id"
        ).fetchall()
    double_claims = sum(1 for _order, desks in claimed_by if desks > 1)
    applied = Counter(
        e["order_id"] for e in server.db.journal()["effects"] if e["kind"] == "shipment"
    )
    double_shipments = sum(1 for n in applied.values() if n > 1)
    base = {
        "desks": DESKS,
        "orders": ORDERS,
        "open_orders": len(candidates),
        "shipped": len(shipped),
    }
    yield {
        "name": "desks_sandbox_seed",
        "unit": "s",
        "target": None,
        "value": round(seeded_s, 1),
        **base,
    }
    yield {
        "name": "desks_claim_next_p50",
        "unit": "ms",
        "target": None,
        "value": _pct(claim_ms, 50),
        **base,
    }
    yield {
        "name": "desks_claim_next_p95",
        "unit": "ms",
        "target": None,
        "value": _pct(claim_ms, 95),
        **base,
    }
    yield {
        "name": "desks_notify_p95",
        "unit": "ms",
        "target": 1000,
        "value": _pct(notify_ms, 95),
        "notifications": len(notify_ms),
    }
    yield {
        "name": "desks_orders_packed_per_minute",
        "unit": "orders/min",
        "target": None,
        "value": round(len(shipped) / elapsed * 60, 1),
        **base,
    }
    yield {
        "name": "desks_double_claims",
        "unit": "orders",
        "target": 0,
        "value": double_claims,
        **base,
    }
    yield {
        "name": "desks_double_shipments",
        "unit": "orders",
        "target": 0,
        "value": double_shipments,
        **base,
    }

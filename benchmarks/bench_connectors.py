"""Connector overhead: listing 10,000 orders from a local sandbox through each dialect's
connector, against plain httpx paging of the same pages (target: under 30 % more time)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from benchmarks.bench_sandbox import TOKEN, WALKERS, sandbox_process
from fulfillment_station.connectors import connect

ORDERS = 10_000
ROUNDS = 3


def run() -> Iterator[dict[str, Any]]:
    for dialect, walk in WALKERS.items():
        with tempfile.TemporaryDirectory() as tmp, sandbox_process(
                dialect, ORDERS, Path(tmp)) as base_url:
            plain_times, connector_times = [], []
            for _ in range(ROUNDS):
                with httpx.Client(base_url=base_url,
                                  headers={"Authorization": f"Bearer {TOKEN}",
                                           "User-Agent": "bench"}) as client:
                    started = time.perf_counter()
                    plain_count = walk(client)
                    plain_times.append(time.perf_counter() - started)
                with connect(dialect, base_url, TOKEN) as connector:
                    started = time.perf_counter()
                    count = sum(1 for _ in connector.iter_orders())
                    connector_times.append(time.perf_counter() - started)
            plain, through = statistics.median(plain_times), statistics.median(connector_times)
            yield {"name": f"connector_list_10k_{dialect}_seconds", "value": round(through, 3),
                   "unit": "s", "target": None, "orders": count,
                   "plain_httpx_seconds": round(plain, 3), "plain_orders": plain_count}
            yield {"name": f"connector_overhead_ratio_{dialect}",
                   "value": round(through / plain - 1, 3), "unit": "ratio", "target": 0.30}

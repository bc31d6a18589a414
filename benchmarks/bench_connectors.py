"""Connector overhead: listing 10,000 orders from a local sandbox through each dialect's
connector, against plain httpx paging of the same pages (target: under 30 % more time).

Each round pages plainly and then through the connector, back to back, and the ratio is the
median of the rounds' own ratios: other work on the machine changes both walks of a round
alike, so pairing them keeps that noise out of the figure. The CPU figure is what the
connector costs this process per order beyond plain paging (parsing, mostly); the sandbox's
own work is in its process, so this one does not move with how busy the server is.
"""

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
ROUNDS = 5


def run() -> Iterator[dict[str, Any]]:
    for dialect, walk in WALKERS.items():
        with (
            tempfile.TemporaryDirectory() as tmp,
            sandbox_process(dialect, ORDERS, Path(tmp)) as base_url,
        ):
            plain_times, connector_times, ratios, cpu_extra = [], [], [], []
            for _ in range(ROUNDS):
                with httpx.Client(
                    base_url=base_url,
                    headers={"Authorization": f"Bearer {TOKEN}", "User-Agent": "bench"},
                ) as client:
                    cpu, started = time.process_time(), time.perf_counter()
                    plain_count = walk(client)
                    plain_times.append(time.perf_counter() - started)
                    plain_cpu = time.process_time() - cpu
                with connect(dialect, base_url, TOKEN) as connector:
                    cpu, started = time.process_time(), time.perf_counter()
                    count = sum(1 for _ in connector.iter_orders())
                    connector_times.append(time.perf_counter() - started)
                    cpu_extra.append(time.process_time() - cpu - plain_cpu)
                ratios.append(connector_times[-1] / plain_times[-1] - 1)
            plain, through = statistics.median(plain_times), statistics.median(connector_times)
            yield {
                "name": f"connector_list_10k_{dialect}_seconds",
                "value": round(through, 3),
                "unit": "s",
                "target": None,
                "orders": count,
                "plain_httpx_seconds": round(plain, 3),
                "plain_orders": plain_count,
            }
            yield {
                "name": f"connector_overhead_ratio_{dialect}",
                "value": round(statistics.median(ratios), 3),
                "unit": "ratio",
                "target": 0.30,
                "rounds": [round(r, 3) for r in ratios],
            }
            yield {
                "name": f"connector_cpu_per_order_{dialect}_us",
                "value": round(statistics.median(cpu_extra) / count * 1e6, 1),
                "unit": "us",
                "target": None,
            }

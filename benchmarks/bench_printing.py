"""Packing slip speed: one slip's median render time, and a 500-slip batch into one PDF.

Targets from docs/architecture.md: median < 30 ms per slip; 500 slips < 15 s.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterator
from typing import Any

from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip, render_slips_batch

NAMES = ("Zoë Ñandú", "Юлия Смирнова", "Γιώργος Παπαδόπουλος", "王小明", "Anne O'Neil")


def run() -> Iterator[dict[str, Any]]:
    settings = sample_settings("letter")
    order = sample_order("1001", lines=5)
    render_slip(order, settings)  # fonts load once per process; not what a packer waits for
    times = []
    for _ in range(40):
        start = time.perf_counter()
        render_slip(order, settings)
        times.append((time.perf_counter() - start) * 1000)
    yield {
        "name": "packing_slip_median",
        "value": round(statistics.median(times), 2),
        "unit": "ms",
        "target": 30,
    }

    orders = [
        sample_order(f"B{n:04d}", lines=1 + n % 8, customer=NAMES[n % len(NAMES)])
        for n in range(500)
    ]
    start = time.perf_counter()
    pdf = render_slips_batch(orders, settings)
    elapsed = time.perf_counter() - start
    assert pdf.startswith(b"%PDF")
    yield {"name": "slip_batch_500", "value": round(elapsed, 2), "unit": "s", "target": 15}


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure))

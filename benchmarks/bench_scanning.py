"""Scanning costs on the scan -> order-opened path (docs/architecture.md budget: 100 ms end to end).

The scanning layer's share must be tiny: classify one scan and recognise a tracking number in
well under a millisecond, feed one key to the burst detector in microseconds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from fulfillment_station.scanning.barcodes import classify_scan
from fulfillment_station.scanning.burst import BurstDetector
from fulfillment_station.scanning.tracking import default_table, parse_tracking

SCANS = (
    "]C1420100233424\x1d9200190132607600833457",
    "1Z999AA10123456784",
    "0036000291452",
    "(01)00614141999996(17)250101",
    "1001921334250001000300779017972697",
    "RB123456785GB",
    "ORD-100234",
    "TBA502887274000",
)


def _median_us(action: Callable[[], Any], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        action()
        samples.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(samples)


def _classify_all() -> None:
    for scan in SCANS:
        classify_scan(scan)


def _parse_all() -> None:
    for scan in SCANS:
        parse_tracking(scan)


def _burst_keys() -> None:
    detector = BurstDetector()
    for index, char in enumerate("9400111201080805483016\r"):
        detector.feed(char, index * 3.0)


def run() -> Iterator[dict[str, Any]]:
    default_table()  # loaded once per process; not part of a scan's cost
    yield {
        "name": "scanning.classify_scan_median",
        "unit": "us",
        "value": round(_median_us(_classify_all, 300) / len(SCANS), 1),
        "target": 1000,
    }
    yield {
        "name": "scanning.parse_tracking_median",
        "unit": "us",
        "value": round(_median_us(_parse_all, 300) / len(SCANS), 1),
        "target": 1000,
    }
    yield {
        "name": "scanning.burst_feed_per_key_median",
        "unit": "us",
        "value": round(_median_us(_burst_keys, 300) / 23, 2),
        "target": 50,
    }


if __name__ == "__main__":
    import json

    for figure in run():
        print(json.dumps(figure))

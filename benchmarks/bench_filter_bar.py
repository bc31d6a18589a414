"""Filter bar figures: one customer or returns filter over 100,000 list rows (the criteria of
``services.order_filters.filter_structured`` the bar adds), p95 of the rounds. The target
is a keystroke within a frame (16 ms)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from typing import Any

from fulfillment_station.domain.summaries import OrderSummary
from fulfillment_station.services.order_filters import FilterState, filter_structured

ROWS = 100_000
ROUNDS = 20


def _rows() -> list[OrderSummary]:
    return [
        OrderSummary(
            pk=i,
            order_id=str(i),
            number=f"#{i}",
            created_at=0.0,
            updated_at=0.0,
            shipped_at=None,
            customer=f"Customer Name{i % 977}",
            email=f"c{i}@example.com",
            item_count=1,
            total="1.00",
            problems=0,
            search_text=f"{i}\ncustomer name{i % 977}\nc{i}@example.com\n1z999aa1{i:010d}",
            search_skus="",
            search_barcodes="",
            holds="",
            connection="shop",
            dialect="nexus",
            status="confirmed",
            api_status=None,
            fulfillment="unfulfilled",
            channel=None,
            marketplace=None,
            fulfillment_method=None,
            country="US",
            currency="USD",
            has_returns=i % 2,
        )
        for i in range(ROWS)
    ]


def run() -> Iterator[dict[str, Any]]:
    rows = _rows()
    candidates = list(range(len(rows)))
    for name, state in (
        ("customer_name", FilterState(customer="name12")),
        ("customer_one_letter", FilterState(customer="c")),
        ("with_returns", FilterState(has_returns=True)),
    ):
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            filter_structured(rows, candidates, state, 0.0)
            times.append(time.perf_counter() - start)
        yield {
            "name": f"filter_bar_{name}_100k_p95",
            "value": round(statistics.quantiles(times, n=20)[-1] * 1000, 1),
            "unit": "ms",
        }

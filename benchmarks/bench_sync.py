"""Sync cost per dialect: requests and seconds to bring 10,000 orders from a local sandbox (in
its own process, as a real store is) into an empty cache, and to sync again with nothing
changed.

Where the list is a summary (Nexus, Price2b, Generic REST) the cache must hold the detail, so
a first sync reads every order once. Figures per such dialect:

* ``before``: what the app did before the cache held the whole order - Nexus read details one
  at a time; Price2b and Generic REST wrote the list's summaries (cheap, but notes,
  shipments, addresses... were lost on every sync).
* ``after``: details read ``DETAIL_READS_IN_FLIGHT`` at a time.
* ``again``: a second sync with nothing changed reads no detail (only the list).
* ``again_refresh``: the same once ``REFRESH_AFTER`` has passed: the bounded refresh re-reads
  the open orders whose detail is oldest (``extra_requests`` over ``again``), at most
  ``REFRESH_MAX_PER_SYNC`` and ``REFRESH_SHARE`` of the walk's requests.

Squarespace and Inventory Cloud list whole orders: one figure each. Requests are the list
pages plus the detail reads (a loopback sandbox answers every one; no retries happen).
``FS_BENCH_SYNC_ORDERS`` lowers the order count for a quick look.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.bench_sandbox import TOKEN, sandbox_process
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Capabilities, Connector
from fulfillment_station.services import sync as sync_module
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.cache import OrderCache

ORDERS = int(os.environ.get("FS_BENCH_SYNC_ORDERS", "10000"))
DIALECTS = ("nexus", "price2b", "generic-rest", "squarespace", "inventory-cloud")


def _one_sync(
    connector: Connector, cache: OrderCache, clock: Callable[[], float] = time.time
) -> tuple[int, int, float]:
    """(requests, orders, seconds) of one sync into ``cache``."""
    pages = 0

    def progress(_done: int, _total: int | None) -> None:
        nonlocal pages
        pages += 1

    started = time.perf_counter()
    result = SyncService(connector, cache, "bench", clock=clock).run(progress=progress)
    requests = pages + result.details_read + result.refreshed
    return requests, result.seen, time.perf_counter() - started


def _summaries_only(connector: Connector) -> None:
    """Make ``connector`` sync as the app did before for Price2b and Generic REST."""
    caps: Capabilities = replace(connector.capabilities, list_is_summary=False)
    connector.__class__ = type(
        f"SummaryOnly{type(connector).__name__}", (type(connector),), {"CAPABILITIES": caps}
    )


def _figure(
    dialect: str, phase: str, requests: int, orders: int, seconds: float, **extra: Any
) -> dict[str, Any]:
    return {
        "name": f"sync_{dialect}_{phase}",
        "value": round(seconds, 2),
        "unit": "s",
        "target": None,
        "requests": requests,
        "orders": orders,
        "seconds_per_10k": round(seconds * 10_000 / max(orders, 1), 2),
        "requests_per_10k": round(requests * 10_000 / max(orders, 1)),
        **extra,
    }


def run() -> Iterator[dict[str, Any]]:
    for dialect in DIALECTS:
        with (
            tempfile.TemporaryDirectory() as tmp,
            sandbox_process(dialect, ORDERS, Path(tmp)) as base_url,
        ):
            folder = Path(tmp)
            summary = connect(dialect, base_url, TOKEN).capabilities.list_is_summary
            if summary:
                with (
                    connect(dialect, base_url, TOKEN) as connector,
                    OrderCache(folder / "before.sqlite3") as cache,
                ):
                    if dialect == "nexus":
                        in_flight = sync_module.DETAIL_READS_IN_FLIGHT
                        sync_module.DETAIL_READS_IN_FLIGHT = 1
                        try:
                            before = _one_sync(connector, cache)
                        finally:
                            sync_module.DETAIL_READS_IN_FLIGHT = in_flight
                        note = "details read one at a time"
                    else:
                        _summaries_only(connector)
                        before = _one_sync(connector, cache)
                        note = "list summaries only: the cache lost each order's detail"
                    yield _figure(dialect, "before", *before, how=note)
            with (
                connect(dialect, base_url, TOKEN) as connector,
                OrderCache(folder / "after.sqlite3") as cache,
            ):
                after = _one_sync(connector, cache)
                yield _figure(
                    dialect,
                    "after" if summary else "full_list",
                    *after,
                    details_in_flight=sync_module.DETAIL_READS_IN_FLIGHT if summary else 0,
                )
                again = _one_sync(connector, cache)
                yield _figure(dialect, "again", *again, how="nothing changed since")
                if summary:
                    # The bounded refresh of open orders whose detail is old: what a sync
                    # costs once REFRESH_AFTER has passed (before it: the "again" figure).
                    later = time.time() + sync_module.REFRESH_AFTER.total_seconds() + 1
                    refresh = _one_sync(connector, cache, clock=lambda t=later: t)
                    yield _figure(
                        dialect,
                        "again_refresh",
                        *refresh,
                        extra_requests=refresh[0] - again[0],
                        how="nothing changed, detail older than REFRESH_AFTER: open orders re-read",
                    )

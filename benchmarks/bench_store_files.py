"""What the outbox's self-defence costs: opening with the header check and ``quick_check``
against a bare open, recovering an outbox with a damaged page, and queueing a shipment with
``synchronous=FULL`` (an acknowledged action survives a power cut) against NORMAL.

Each figure at ``ACTIONS`` queued actions, on the machine's own disk (not tmpfs: fsync is the
point of the FULL figure).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ACTIONS = 5_000
QUEUE_SAMPLES = 200


def _median_ms(fn: Any, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def run() -> Iterator[dict[str, Any]]:
    from fulfillment_station.services.actions import Action
    from fulfillment_station.store import audit, outbox
    from fulfillment_station.store.db import CACHE, DURABLE, connect, migrate
    from fulfillment_station.store.outbox_recovery import open_outbox_store
    from tests.helpers.files_damage import (
        fill_outbox,
        outbox_row_pages,
        plain_order,
        scribble_page,
        ship_action,
    )

    with tempfile.TemporaryDirectory(prefix="fs-bench-files-", dir=Path.home()) as tmp:
        root = Path(tmp)
        path = root / "outbox.sqlite3"
        keys = fill_outbox(path, (plain_order(f"o{i:05d}") for i in range(ACTIONS)))

        def bare_open() -> None:
            conn = connect(path)
            migrate(conn, "outbox", outbox.MIGRATIONS)
            migrate(conn, "audit", audit.MIGRATIONS)
            conn.close()

        def checked_open() -> None:
            opened = open_outbox_store(path)
            assert opened.notice is None
            opened.conn.close()

        yield {
            "name": "outbox_open_bare",
            "unit": "ms",
            "target": None,
            "actions": ACTIONS,
            "value": _median_ms(bare_open),
        }
        yield {
            "name": "outbox_open_checked",
            "unit": "ms",
            "target": None,
            "actions": ACTIONS,
            "value": _median_ms(checked_open),
        }

        for synchronous in (CACHE, DURABLE):
            conn = connect(root / f"queue-{synchronous}.sqlite3", synchronous=synchronous)
            box: outbox.Outbox[Action] = outbox.Outbox(
                conn, audit.AuditLog(conn, station="bench"), decode=Action.model_validate
            )
            times = []
            for n in range(QUEUE_SAMPLES):
                order = plain_order(f"q{n:05d}")
                started = time.perf_counter()
                box.enqueue(ship_action(order.id, f"JD0146{n:014d}"), order)
                times.append((time.perf_counter() - started) * 1000)
            conn.close()
            yield {
                "name": f"outbox_queue_p95_synchronous_{synchronous.lower()}",
                "unit": "ms",
                "target": None,
                "value": round(statistics.quantiles(times, n=20)[-1], 2),
            }

        pages = outbox_row_pages(path, keys)
        scribble_page(path, sorted(pages)[len(pages) // 2])
        started = time.perf_counter()
        opened = open_outbox_store(path)
        elapsed = (time.perf_counter() - started) * 1000
        opened.conn.close()
        yield {
            "name": "outbox_recover_damaged_page",
            "unit": "ms",
            "target": None,
            "actions": ACTIONS,
            "recovered": opened.recovered,
            "lost": opened.lost,
            "value": round(elapsed, 1),
        }

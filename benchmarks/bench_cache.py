"""Order cache and order list figures at 100,000 orders (docs/architecture.md: filter keystroke p95
< 50 ms, resident memory < 500 MB).

The cache file is written by a child process, so the memory figure is that of a process that
only loaded the summaries into the table model (as the app does), not one still holding
100,000 pydantic Orders. A keystroke is timed from setting the search text to the end of
the event processing that repaints a 1200x800 table, i.e. until the packer sees the result,
with the search box's pair index built (the window builds it in the background after loading).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ORDERS = 100_000
BATCH = 10_000
CONNECTION = "bench"

# Realistic typing: each query is typed letter by letter, then the box is cleared.
QUERIES = ("muller", "#104233", "tee-m-nvy", "1z4", "customer4711@", "lukasz wojcik", "sao")


def _fleet(n: int) -> Iterator[Any]:
    """``n`` varied orders: 10,000 generated ones, repeated with new ids, numbers, emails."""
    from tests.helpers.factories import make_orders

    base = make_orders(BATCH, seed=1)
    for i in range(n):
        order = base[i % BATCH]
        if i < BATCH:
            yield order
            continue
        customer = order.customer.model_copy(update={"email": f"customer{i}@example.com"})
        yield order.model_copy(
            update={"id": f"ord_{i:07d}", "number": f"#{100000 + i}", "customer": customer}
        )


def build_cache(path: str) -> None:
    """Child process: fill the cache and print the upsert timing of the first batch."""
    from fulfillment_station.store.cache import OrderCache

    with OrderCache(path) as cache:
        batch: list[Any] = []
        first: float | None = None
        for order in _fleet(ORDERS):
            batch.append(order)
            if len(batch) == BATCH:
                start = time.perf_counter()
                cache.upsert_many(batch, connection=CONNECTION)
                if first is None:
                    first = time.perf_counter() - start
                batch = []
    print(json.dumps({"upsert_10k_s": first}))


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # peak, not current, where /proc is missing

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _reference_loop_ms() -> float:
    """A fixed pure-Python loop (about 3 ms on an idle 2-core CI machine): the other figures
    of this module scale with it when the machine is busy."""
    data = list(range(100_000))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        [i for i in data if i % 3]
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def run() -> Iterator[dict[str, Any]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.services.order_filters import Column
    from fulfillment_station.services.search_index import PairIndex
    from fulfillment_station.store.cache import OrderCache
    from fulfillment_station.ui.orders.order_table import OrderFilterProxy, OrderTableModel
    from fulfillment_station.ui.orders.order_table_view import OrderTableView
    from fulfillment_station.ui.shell.heap import settle_long_lived

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "cache.sqlite3")
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                f"from benchmarks.bench_cache import build_cache; build_cache({path!r})",
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        upsert = json.loads(child.stdout.strip().splitlines()[-1])["upsert_10k_s"]
        yield {"name": "cache_upsert_10k", "value": round(upsert, 2), "unit": "s", "target": None}

        with OrderCache(path) as cache:
            loads: list[float] = []
            load_cpu: list[float] = []
            for _ in range(3):
                start, cpu = time.perf_counter(), time.thread_time()
                rows = cache.load_summaries()
                loads.append(time.perf_counter() - start)
                load_cpu.append(time.thread_time() - cpu)
        yield {
            "name": "cache_load_summaries_100k",
            "value": round(min(loads) * 1000),
            "unit": "ms",
            "target": 1000,
        }
        yield {
            "name": "cache_load_summaries_100k_cpu",
            "value": round(min(load_cpu) * 1000),
            "unit": "ms",
            "target": None,
        }

        app = QApplication.instance() or QApplication([])
        model = OrderTableModel(rows)
        del rows
        proxy = OrderFilterProxy(model)
        view = OrderTableView(proxy)  # the main window's table
        view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        view.resize(1200, 800)
        view.show()
        app.processEvents()
        settle_long_lived()  # as the window does once its rows are loaded
        # ... and then it builds the search box's pair index on its reader thread (searches
        # scan until it is ready); here it is built before typing starts.
        columns = model.search_columns
        snapshot, texts = columns.index_snapshot()
        start = time.perf_counter()
        columns.attach_index(snapshot, PairIndex.build(texts))
        yield {
            "name": "search_index_build_100k",
            "value": round(time.perf_counter() - start, 2),
            "unit": "s",
            "target": None,
        }
        del texts

        wall: list[float] = []
        cpu_ms: list[float] = []
        for query in QUERIES:
            for text in [*(query[:i] for i in range(1, len(query) + 1)), ""]:
                start, cpu = time.perf_counter(), time.thread_time()
                proxy.set_filter_text(text)
                # Two passes: the view lays out on a zero-time timer in the first, and the
                # paint that posts runs in the second. With one pass each keystroke was
                # timed with the previous one's repaint.
                app.processEvents()
                app.processEvents()
                wall.append((time.perf_counter() - start) * 1000)
                cpu_ms.append((time.thread_time() - cpu) * 1000)
        yield {
            "name": "filter_keystroke_100k_p95",
            "value": round(_p95(wall), 1),
            "unit": "ms",
            "target": 50,
        }
        yield {
            "name": "filter_keystroke_100k_median",
            "value": round(statistics.median(wall), 1),
            "unit": "ms",
            "target": None,
        }
        # GUI-thread CPU time: the same keystrokes without the time other processes took the
        # core (benchmarks often share a machine); wall time above is what counts.
        yield {
            "name": "filter_keystroke_100k_cpu_p95",
            "value": round(_p95(cpu_ms), 1),
            "unit": "ms",
            "target": None,
        }

        start = time.perf_counter()
        view.sortByColumn(Column.TOTAL, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        yield {
            "name": "sort_by_total_100k",
            "value": round((time.perf_counter() - start) * 1000),
            "unit": "ms",
            "target": None,
        }

        yield {
            "name": "reference_python_loop_100k",
            "value": round(_reference_loop_ms(), 2),
            "unit": "ms",
            "target": None,
        }
        yield {
            "name": "rss_with_100k_in_model",
            "value": round(_rss_mb()),
            "unit": "MB",
            "target": 500,
        }
        view.close()
        view.deleteLater()
        app.processEvents()

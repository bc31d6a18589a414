"""Pack mode figures (docs/architecture.md: scan -> order opened < 100 ms).

* ``pack.scan_to_open_*``: an order-number scan reaches ``PackModeView.on_scan`` and the order is
  on screen (found by ``OrderCache.find``, loaded by ``OrderCache.get``, session built, table
  and header filled, events processed) with 100,000 orders in the cache. The host answers
  synchronously here; the real one adds a hop to the worker thread and back.
* ``pack.progress_save_median``: one scan's progress save (a small WAL commit), which runs on
  the GUI thread.
* ``pack.orders_per_hour`` / ``pack.scans_per_order``: a scripted packer packs 100 three-item
  orders with scans only against a fake host that answers at once; the hour is app time (what
  the app spends handling the scans), not the packer's hands.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ORDERS = 100_000
BATCH = 10_000
CONNECTION = "bench"
OPEN_SAMPLES = 60
PACKED_ORDERS = 100
UPS = "1Z999AA10123456784"


class _CacheHost:
    """A PackHost over an OrderCache that answers at once; printing and shipping do nothing."""

    def __init__(self, cache: Any, queue: list[Any] | None = None) -> None:
        from fulfillment_station.services.pack_session import PrintOutcome

        self.cache = cache
        self.queue = queue or []
        self._outcome = PrintOutcome()

    def find_orders(self, scan: str, done: Callable[..., None], failed: Any) -> None:
        from fulfillment_station.domain.summaries import OrderRef

        done(
            [
                OrderRef(m.connection, m.order_id)
                for m in self.cache.find(scan)
                if m.kind in ("number", "tracking")
            ]
        )

    def load_order(self, ref: Any, done: Callable[..., None], failed: Any) -> None:
        done(self.cache.get(ref.order_id, connection=ref.connection))

    def print_documents(
        self, order: Any, reprint: bool, done: Callable[..., None], failed: Any
    ) -> None:
        done(self._outcome)

    def ship(
        self,
        order: Any,
        lines: Any,
        tracking: Any,
        carrier: Any,
        done: Callable[[], None],
        failed: Any,
    ) -> None:
        done()

    def next_order_after(self, ref: Any, done: Callable[..., None], failed: Any) -> None:
        position = self.queue.index(ref) if ref in self.queue else -1
        done(self.queue[position + 1] if position + 1 < len(self.queue) else None)


class _Silent:
    def play_success(self) -> None: ...

    def play_error(self) -> None: ...

    def play_complete(self) -> None: ...


def _fleet(n: int) -> Iterator[Any]:
    """``n`` orders: 10,000 generated ones, repeated with new ids and numbers."""
    from tests.helpers.factories import make_orders

    base = make_orders(BATCH, seed=3)
    for i in range(n):
        order = base[i % BATCH]
        if i >= BATCH:
            order = order.model_copy(update={"id": f"ord_{i:07d}", "number": f"#{100000 + i}"})
        yield order


def _fill(cache: Any) -> None:
    batch: list[Any] = []
    for order in _fleet(ORDERS):
        batch.append(order)
        if len(batch) == BATCH:
            cache.upsert_many(batch, connection=CONNECTION)
            batch = []


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _scan_to_open(tmp: Path) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.domain.workflow import SHIPPABLE
    from fulfillment_station.services.pack_session import PackCommand, command_payload
    from fulfillment_station.store.cache import OrderCache
    from fulfillment_station.store.pack_progress import PackProgress, SavedProgress
    from fulfillment_station.ui.pack.pack_mode import PackModeView, PackPhase

    app = QApplication.instance() or QApplication([])
    with OrderCache(tmp / "cache.sqlite3") as cache, PackProgress(tmp / "pack.sqlite3") as progress:
        _fill(cache)
        numbers = [
            s.number
            for s in cache.load_summaries()[::997]
            if s.status in {st.value for st in SHIPPABLE} and s.fulfillment != "fulfilled"
        ][:OPEN_SAMPLES]
        view = PackModeView(_CacheHost(cache), progress, _Silent())
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        samples: list[float] = []
        for number in numbers:
            start = time.perf_counter()
            view.on_scan(number)
            app.processEvents()
            samples.append((time.perf_counter() - start) * 1000)
            if view.phase is not PackPhase.PACKING:
                raise RuntimeError(f"{number} did not open: {view.message.text()}")
            view.on_scan(command_payload(PackCommand.CANCEL))
        view.close()
        saves: list[float] = []
        state = SavedProgress(
            counts={"L1": 1, "L2": 0, "L3": 2}, history=(("L1", 1), ("L3", 1), ("L3", 1))
        )
        for i in range(200):
            start = time.perf_counter_ns()
            progress.save(CONNECTION, f"ord_{i % 5}", state)
            saves.append((time.perf_counter_ns() - start) / 1000)
    yield {
        "name": "pack.scan_to_open_median",
        "unit": "ms",
        "value": round(statistics.median(samples), 2),
        "target": 100,
    }
    yield {
        "name": "pack.scan_to_open_p95",
        "unit": "ms",
        "value": round(_percentile(samples, 0.95), 2),
        "target": 100,
    }
    yield {
        "name": "pack.progress_save_median",
        "unit": "us",
        "value": round(statistics.median(saves), 1),
        "target": 2000,
    }


def _scripted_packer(tmp: Path) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.domain.summaries import OrderRef
    from fulfillment_station.store.cache import OrderCache
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.pack.pack_mode import PackModeView, PackPhase
    from tests.helpers.factories import build_order

    barcodes = ("036000291452", "4006381333931", "5901234123457")
    orders = [
        build_order(
            f"P{i:03d}",
            number=f"#P{i:05d}",
            lines=[
                {
                    "id": f"L{n}",
                    "sku": f"SKU-{n}",
                    "name": f"Item {n}",
                    "quantity": 1,
                    "unit_price": "1",
                    "barcode": code,
                }
                for n, code in enumerate(barcodes, start=1)
            ],
        )
        for i in range(PACKED_ORDERS)
    ]
    app = QApplication.instance() or QApplication([])
    with (
        OrderCache(tmp / "packer.sqlite3") as cache,
        PackProgress(tmp / "packer-progress.sqlite3") as progress,
    ):
        cache.upsert_many(orders, connection=CONNECTION)
        queue = [OrderRef(CONNECTION, o.id) for o in orders]
        host = _CacheHost(cache, queue)
        view = PackModeView(host, progress, _Silent())
        shipped: list[str] = []
        view.order_shipped.connect(lambda order: shipped.append(order.id))
        view.show()
        app.processEvents()
        scans = 0
        elapsed = 0.0
        script = [orders[0].number]
        while len(shipped) < PACKED_ORDERS:
            script.extend(barcodes)
            script.append(UPS)
            for code in script:
                start = time.perf_counter()
                view.on_scan(code)
                app.processEvents()
                elapsed += time.perf_counter() - start
                scans += 1
            script = []
            if view.phase is PackPhase.IDLE:
                break
        view.close()
    if len(shipped) != PACKED_ORDERS:
        raise RuntimeError(f"the scripted packer shipped {len(shipped)} orders, not 100")
    yield {
        "name": "pack.orders_per_hour",
        "unit": "orders/h",
        "value": round(PACKED_ORDERS / elapsed * 3600),
        "target": 1000,
    }
    yield {
        "name": "pack.scans_per_order",
        "unit": "scans",
        "value": round(scans / PACKED_ORDERS, 2),
        "target": 5,
    }


#: Item scans timed at the largest font size (each one repaints the whole view).
RENDER_SAMPLES = 200


def _scan_render_largest_font(tmp: Path) -> Iterator[dict[str, Any]]:
    """``pack.item_scan_repaint_largest_font_ms``: one item scan until pack mode has painted
    it, at 1366x768 with the largest font size setting (the texts are fitted to their boxes on
    every change, the rows drawn at 48 pt)."""
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.store.cache import OrderCache
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.store.settings import OPTIONS_BY_KEY
    from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView
    from tests.helpers.factories import build_order

    largest = int(OPTIONS_BY_KEY["pack.font_size"].maximum or 48)
    order = build_order(
        "R1",
        number="#R00001",
        lines=[
            {
                "id": f"L{n}",
                "sku": f"SKU-{n:04d}-LONG-ENOUGH-TO-FIT",
                "name": f"Stainless steel bottle with bamboo lid, model {n}",
                "quantity": 9999,
                "unit_price": "1",
                "barcode": f"BC{n:04d}",
            }
            for n in range(1, 9)
        ],
    )
    app = QApplication.instance() or QApplication([])
    with (
        OrderCache(tmp / "render.sqlite3") as cache,
        PackProgress(tmp / "render-progress.sqlite3") as progress,
    ):
        cache.upsert_many([order], connection=CONNECTION)
        options = PackModeOptions(font_point_size=largest)
        view = PackModeView(_CacheHost(cache), progress, _Silent(), options)
        view.resize(1366, 768)
        view.show()
        app.processEvents()
        view.on_scan(order.number)
        app.processEvents()
        samples = []
        for i in range(RENDER_SAMPLES):
            start = time.perf_counter()
            view.on_scan(f"BC{i % 8 + 1:04d}")
            app.processEvents()
            view.repaint()
            samples.append((time.perf_counter() - start) * 1000)
        view.close()
    yield {
        "name": "pack.item_scan_repaint_largest_font_ms",
        "unit": "ms",
        "value": round(statistics.median(samples), 2),
        "p95": round(_percentile(samples, 0.95), 2),
        "target": 100,
    }


def run() -> Iterator[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="bench-pack-") as tmp:
        yield from _scan_to_open(Path(tmp))
        yield from _scripted_packer(Path(tmp))
        yield from _scan_render_largest_font(Path(tmp))

"""Last scan -> label bytes handed to the printer: ``PrintService.print_label`` drawing a ZPL
label, queueing it durably and sending it to a raw 9100 printer on loopback.

Target: < 1 s (the packer waits for the label with the parcel in hand). The first label of a
process is reported separately (one-off table loading). A PDF label, for printers that do not
speak ZPL, is measured the same way.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.settings import Settings
from tests.printing.fake_printer import FakeRawPrinter

LABELS = 60
TARGET_MS = 1000


def _label_times(label_format: str, labels: int) -> list[float]:
    """Milliseconds per ``print_label`` call, each a new order (nothing is skipped)."""
    printer = FakeRawPrinter().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            queue = PrintQueue.open(Path(tmp) / "station.db")
            settings = Settings.defaults().replace(
                {
                    "station.store_name": "Bench Store",
                    "printers.label_printer": f"tcp://127.0.0.1:{printer.port}",
                    "printers.label_format": label_format,
                }
            )
            service = PrintService(queue, settings)
            shipment = sample_shipment()
            times: list[float] = []
            for n in range(labels):
                order = sample_order(f"L{n:04d}", lines=3)
                start = time.perf_counter()
                outcome = service.print_label(order, shipment)
                times.append((time.perf_counter() - start) * 1000)
                if not outcome.sent:
                    raise RuntimeError(outcome.message)
                if not printer.wait_for_job():
                    raise RuntimeError("the fake printer received no label")
            queue.close()
    finally:
        printer.close()
    return times


def run() -> Iterator[dict[str, Any]]:
    times = _label_times("zpl", LABELS + 1)
    first, rest = times[0], sorted(times[1:])
    yield {
        "name": "print_label_zpl_first",
        "value": round(first, 2),
        "unit": "ms",
        "target": TARGET_MS,
    }
    yield {
        "name": "print_label_zpl_median",
        "value": round(statistics.median(rest), 2),
        "unit": "ms",
        "target": TARGET_MS,
    }
    yield {
        "name": "print_label_zpl_p95",
        "value": round(rest[int(len(rest) * 0.95) - 1], 2),
        "unit": "ms",
        "target": TARGET_MS,
    }
    # A PDF label (for an ordinary printer) is drawn with reportlab: slower, same target.
    pdf = sorted(_label_times("pdf", 21)[1:])
    yield {
        "name": "print_label_pdf_median",
        "value": round(statistics.median(pdf), 2),
        "unit": "ms",
        "target": TARGET_MS,
    }


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure))

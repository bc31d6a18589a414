"""Store label figures: the time to turn a store's 4x6 PDF label (Price2b's, as the sandbox
serves it) into the ZPL graphic a thermal printer gets, at 203 and 300 dpi, and its size."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from typing import Any

from fulfillment_station.printing.label_raster import label_for_printer
from fulfillment_station.sandbox.dialects.price2b import label_pdf

ROUNDS = 15


def run() -> Iterator[dict[str, Any]]:
    pdf = label_pdf(
        [
            (14, True, "FEDEX GROUND"),
            (11, False, "Ada Lovelace"),
            (11, False, "12 Harbour Road"),
            (11, False, "Portland OR 97201 US"),
        ],
        "794644790303",
    )
    for dpi in (203, 300):
        times = []
        zpl = b""
        for _ in range(ROUNDS):
            start = time.perf_counter()
            zpl, _fmt = label_for_printer(pdf, "zpl", dpi)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        yield {
            "name": f"store_label_pdf_to_zpl_{dpi}dpi_median",
            "value": round(statistics.median(times) * 1000, 1),
            "unit": "ms",
            "zpl_bytes": len(zpl),
        }

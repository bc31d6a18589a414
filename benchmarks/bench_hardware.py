"""A stable weight on the scale -> the weight captured: the time from the moment a serial
scale's reading turns stable (the box stops swinging) to ``read_stable`` returning it, for each
protocol over a real pseudo-terminal with the scale simulator (tests/helpers/scale_sim.py).

Target: < 300 ms to the screen. ``scale_stable_to_screen_*`` goes all the way: the
``ScaleWeigher`` thread, its queued signal and a field on the GUI thread (as in the Ship
dialog); ``scale_stable_to_captured_*`` is the reading alone. Polled protocols (MT-SICS,
NCI) include the poll interval, the continuous one (CAS) the frame interval of the scale.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from collections.abc import Iterator
from typing import Any

from fulfillment_station.hardware.scale import read_stable
from fulfillment_station.hardware.serial_scale import SerialScale
from tests.helpers.scale_sim import ScaleSimulator

TRIALS = 20
TARGET_MS = 300


def _latencies(protocol: str) -> list[float]:
    times: list[float] = []
    with ScaleSimulator(
        protocol,
        weight="1.000",
        state="motion",  # type: ignore[arg-type]
        frame_interval=0.1,
    ) as sim:
        scale = SerialScale(sim.path, protocol, name="bench")  # type: ignore[arg-type]
        try:
            for trial in range(TRIALS):
                sim.put(f"{1 + trial / 100:.3f}", "motion")
                captured: list[float] = []

                def capture(into: list[float]) -> None:
                    read_stable(scale, timeout=5)
                    into.append(time.perf_counter())

                reader = threading.Thread(target=capture, args=(captured,))
                reader.start()
                time.sleep(0.15)  # the box swings a while; the reader keeps reading
                settled = time.perf_counter()
                sim.put(f"{1 + trial / 100:.3f}", "stable")
                reader.join(timeout=10)
                if not captured:
                    raise RuntimeError(f"{protocol}: no stable weight captured")
                times.append((captured[0] - settled) * 1000)
        finally:
            scale.close()
    return times


def _to_screen(protocol: str) -> list[float]:
    """Through ``ScaleWeigher`` into a spin box on the GUI thread, as the Ship dialog shows
    it: from the reading turning stable to the field holding the weight."""
    from PySide6.QtWidgets import QApplication, QDoubleSpinBox

    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

    app = QApplication.instance() or QApplication([])
    times: list[float] = []
    with ScaleSimulator(
        protocol,
        weight="0.000",
        state="stable",  # type: ignore[arg-type]
        frame_interval=0.1,
    ) as sim:
        weigher = ScaleWeigher(
            lambda: SerialScale(
                sim.path,
                protocol,  # type: ignore[arg-type]
                name="bench",
            )
        )
        field = QDoubleSpinBox()
        field.setRange(0, 1000)
        field.setDecimals(3)
        shown: list[float] = []
        weigher.stable.connect(
            lambda w: (field.setValue(float(w.in_unit("kg", 3))), shown.append(time.perf_counter()))
        )
        weigher.start()
        try:
            for trial in range(TRIALS):
                sim.put("0.000", "stable")  # the platter is emptied between boxes
                _spin(app, 0.2)
                sim.put(f"{1 + trial / 100:.3f}", "motion")
                _spin(app, 0.15)
                before = len(shown)
                settled = time.perf_counter()
                sim.put(f"{1 + trial / 100:.3f}", "stable")
                deadline = settled + 5
                while len(shown) == before and time.perf_counter() < deadline:
                    app.processEvents()  # the GUI thread's event loop, turned by hand
                    time.sleep(0.001)
                if len(shown) == before:
                    raise RuntimeError(f"{protocol}: the weight never reached the field")
                times.append((shown[before] - settled) * 1000)
        finally:
            weigher.stop()
    return times


def _spin(app: Any, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)  # lets the weigher thread run; bounded by the deadline


def run() -> Iterator[dict[str, Any]]:
    for protocol in ("sics", "cas"):
        times = sorted(_to_screen(protocol))
        yield {
            "name": f"scale_stable_to_screen_{protocol}_median",
            "value": round(statistics.median(times), 1),
            "unit": "ms",
            "target": TARGET_MS,
        }
        yield {
            "name": f"scale_stable_to_screen_{protocol}_max",
            "value": round(times[-1], 1),
            "unit": "ms",
            "target": TARGET_MS,
        }
    for protocol in ("sics", "cas", "avery"):
        times = sorted(_latencies(protocol))
        yield {
            "name": f"scale_stable_to_captured_{protocol}_median",
            "value": round(statistics.median(times), 1),
            "unit": "ms",
            "target": TARGET_MS,
        }
        yield {
            "name": f"scale_stable_to_captured_{protocol}_max",
            "value": round(times[-1], 1),
            "unit": "ms",
            "target": TARGET_MS,
        }


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure))

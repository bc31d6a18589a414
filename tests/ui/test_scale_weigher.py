"""The live scale for screens: a box sitting on the scale is announced once, an emptied platter
makes the next box (even of the same weight) a new load."""

from __future__ import annotations

from typing import Any

import pytest

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.serial_scale import SerialScale
from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher
from tests.helpers.scale_sim import ScaleSimulator

pytestmark = pytest.mark.gui


def test_each_load_is_announced_once(qtbot: Any) -> None:
    with ScaleSimulator("cas", weight="0.000", unit="kg") as sim:
        weigher = ScaleWeigher(lambda: SerialScale(sim.path, "cas", name="Desk"))
        announced: list[Weight] = []
        weigher.stable.connect(announced.append)
        weigher.start()
        try:
            with qtbot.waitSignal(weigher.stable, timeout=5000):
                sim.put("0.800", "stable")
            frames = len(sim.sent)
            qtbot.waitUntil(lambda: len(sim.sent) >= frames + 10, timeout=5000)
            assert announced == [Weight.of("0.8", "kg")]  # still the same box

            sim.put("0.000", "stable")  # taken off
            frames = len(sim.sent)
            qtbot.waitUntil(lambda: len(sim.sent) >= frames + 5, timeout=5000)
            with qtbot.waitSignal(weigher.stable, timeout=5000):
                sim.put("0.800", "stable")  # the next box weighs the same
            assert announced == [Weight.of("0.8", "kg")] * 2
        finally:
            weigher.stop()
        assert not weigher.running

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


def test_a_usb_scale_unplugged_and_plugged_back_keeps_weighing(qtbot: Any) -> None:
    """The HID layer over an in-process ``hid.device`` fake (no kernel HID device can be made
    here): the cable is pulled and put back; the weigher says nothing, keeps running and
    announces the next box."""
    from fulfillment_station.hardware.hid_scale import HidScale
    from tests.hardware.test_hid_device import STABLE, FakeHidDevice, UsbSocket, data_report

    socket = UsbSocket()
    weigher = ScaleWeigher(
        lambda: HidScale(
            "/dev/hidraw3",
            "Desk",
            device_factory=lambda: FakeHidDevice(socket),
            reconnect_every_s=0.02,
        )
    )
    problems: list[str] = []
    weigher.problem.connect(problems.append)
    weigher.start()
    try:
        with qtbot.waitSignal(weigher.stable, timeout=5000) as first:
            socket.send(data_report(STABLE, 3, -3, 800))
        assert first.args == [Weight.of("0.8", "kg")]
        socket.unplug()
        qtbot.waitUntil(lambda: socket.failed_reads == 1, timeout=5000)  # it noticed
        socket.plug()
        qtbot.waitUntil(lambda: socket.opened == 2, timeout=5000)
        with qtbot.waitSignal(weigher.stable, timeout=5000) as second:
            socket.send(data_report(STABLE, 3, -3, 1500))
        assert second.args == [Weight.of("1.5", "kg")]
        assert weigher.running and problems == []
    finally:
        weigher.stop()

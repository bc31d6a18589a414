"""The layer of ``HidScale`` that talks to ``hid.device``: open by path, a non-blocking read
loop, stale reports drained, a scale unplugged and plugged in again.

There is no ``/dev/uhid`` (nor ``modprobe``) on the test machine, so no kernel HID device can
be created: :class:`FakeHidDevice` implements exactly the ``hid.device`` methods ``HidScale``
calls (``open_path``, ``set_nonblocking``, ``read``, ``write``, ``close``), with hidapi's
behaviour on Linux hidraw (``read`` of an unplugged device raises ``OSError``; a non-blocking
``read`` with nothing queued returns an empty list; the kernel queues at most 64 reports), and
replays Scale Data Reports built byte by byte as the HID Point of Sale Usage Tables (v1.02,
Scales page 0x8D) define them: report id 3, Scale Status 0x70 + n, Weight Unit 0x50 + n, Data
Scaling (signed power of ten), Data Weight (16-bit little-endian)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from decimal import Decimal

import pytest

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.hid_scale import MAX_DRAIN, HidScale
from fulfillment_station.hardware.scale import ScaleError, ScaleStatus

# Selector values (usage minus the usage's base), as in the tables.
ZERO, MOTION, STABLE, UNDER_ZERO = 2, 3, 4, 5
KG, OUNCE = 3, 11


def data_report(status: int, unit: int, exponent: int, weight: int) -> list[int]:
    """A Scale Data Report as a scale sends it (hidapi hands it over as a list of ints)."""
    return [3, status, unit, exponent & 0xFF, *weight.to_bytes(2, "little")]


#: A Dymo-style "Scale Status Report" (report id 4): not a weight, skipped by the reader.
STATUS_REPORT = [4, 0x70 + STABLE, 0]


class UsbSocket:
    """Where the scale is plugged: its hidraw path, whether it is there, and the reports the
    kernel holds for a reader (64 at most, the oldest dropped, as hidraw does)."""

    def __init__(self, path: bytes = b"/dev/hidraw3") -> None:
        self.path = path
        self.plugged = True
        self.plugged_in = 1  # counts plug-ins: a device opened before an unplug stays dead
        self.queue: deque[list[int]] = deque(maxlen=64)
        self.opened = 0
        self.written: list[list[int]] = []
        self.flood: list[int] | None = None  # a report sent again at every read
        self.failed_reads = 0  # reads of a device that had gone

    def send(self, *reports: list[int]) -> None:
        if self.plugged:
            self.queue.extend(reports)

    def unplug(self) -> None:
        self.plugged = False
        self.queue.clear()

    def plug(self, path: bytes | None = None) -> None:
        self.path = path or self.path
        self.plugged = True
        self.plugged_in += 1


class FakeHidDevice:
    """Exactly the ``hid.device`` methods ``HidScale`` calls."""

    def __init__(self, socket: UsbSocket) -> None:
        self.socket = socket
        self.plugged_in: int | None = None  # which plug-in it was opened on
        self.nonblocking = False

    def open_path(self, path: bytes) -> None:
        if not self.socket.plugged or path != self.socket.path:
            raise OSError("open failed")
        self.plugged_in = self.socket.plugged_in
        self.socket.opened += 1

    def set_nonblocking(self, v: int) -> int:
        self.nonblocking = bool(v)
        return 0

    def read(self, max_length: int, timeout_ms: int = 0) -> list[int]:
        if self.plugged_in is None:
            raise ValueError("not open")
        if not self.socket.plugged or self.plugged_in != self.socket.plugged_in:
            self.socket.failed_reads += 1
            raise OSError("read error")  # hid_read() returned -1: the device is gone
        if self.socket.flood is not None:
            return self.socket.flood[:max_length]
        if not self.socket.queue:
            # A blocking read here would wait for the next report: the reader must not.
            assert self.nonblocking, "a blocking read with nothing queued would hang"
            return []
        return self.socket.queue.popleft()[:max_length]

    def write(self, buff: Sequence[int]) -> int:
        if not self.socket.plugged or self.plugged_in != self.socket.plugged_in:
            raise OSError("write error")
        self.socket.written.append(list(buff))
        return len(buff)

    def close(self) -> None:
        self.plugged_in = None


def scale_on(socket: UsbSocket, **options: float) -> HidScale:
    return HidScale(
        socket.path.decode(), "Desk scale", device_factory=lambda: FakeHidDevice(socket), **options
    )


def test_the_scale_is_opened_by_its_path_and_read_without_blocking() -> None:
    socket = UsbSocket()
    scale = scale_on(socket)
    assert socket.opened == 1 and scale.connected
    socket.send(data_report(STABLE, KG, -3, 1250))
    reading = scale.read(1.0)
    assert reading.status is ScaleStatus.STABLE
    assert reading.stable_weight == Weight.of("1.250", "kg")
    # Nothing queued: the read polls (the fake fails a blocking read) and gives up on time.
    started = time.monotonic()
    assert scale.read(0.2).status is ScaleStatus.NO_ANSWER
    assert 0.15 < time.monotonic() - started < 1.0
    scale.close()
    assert not scale.connected


def test_a_report_arriving_while_the_read_waits_is_taken() -> None:
    socket = UsbSocket()
    scale = scale_on(socket, poll_s=0.005)
    socket.send(STATUS_REPORT)  # not a weight: the read goes on waiting
    assert scale.read(0.05).status is ScaleStatus.NO_ANSWER
    socket.send(data_report(STABLE, OUNCE, -1, 45))  # 4.5 oz
    reading = scale.read(0.5)
    assert reading.stable_weight == Weight.of("4.5", "oz")


def test_a_wrong_path_is_one_sentence_naming_the_scale() -> None:
    socket = UsbSocket()
    with pytest.raises(ScaleError) as caught:
        HidScale("/dev/hidraw9", "Desk scale", device_factory=lambda: FakeHidDevice(socket))
    assert "Desk scale" in str(caught.value) and "open failed" in str(caught.value)


def test_stale_reports_are_drained_and_the_newest_is_the_reading() -> None:
    """The scale kept reporting while nobody read: the queue holds the last 64 reports (the
    first box being lifted off, the platter empty, the next box swinging, then steady). The
    read answers with the newest, and the next read does not replay the old ones."""
    socket = UsbSocket()
    scale = scale_on(socket)
    old_box = [data_report(STABLE, KG, -3, 2480)] * 30
    lifted = [data_report(MOTION, KG, -3, w) for w in (1900, 700, 0)]
    empty = [data_report(ZERO, KG, -3, 0)] * 10  # stable at center of zero
    swinging = [data_report(MOTION, KG, -3, w) for w in (300, 900, 1330, 1290, 1305)]
    steady = [data_report(STABLE, KG, -3, 1300), STATUS_REPORT]
    socket.send(*old_box, *lifted, *empty, *swinging, *steady)
    assert len(socket.queue) == 50
    reading = scale.read(0.5)
    assert reading.status is ScaleStatus.STABLE
    assert reading.weight == Weight.of("1.300", "kg")
    assert not socket.queue
    assert scale.read(0.05).status is ScaleStatus.NO_ANSWER


def test_a_flooding_scale_cannot_keep_a_read_going() -> None:
    socket = UsbSocket()
    scale = scale_on(socket)
    socket.flood = data_report(UNDER_ZERO, KG, -3, 20)
    started = time.monotonic()
    reading = scale.read(0.5)
    assert reading.status is ScaleStatus.UNDER_ZERO and reading.weight == Weight.of(
        Decimal("-0.020"), "kg"
    )
    assert time.monotonic() - started < 0.5  # MAX_DRAIN reports, then it answers
    assert MAX_DRAIN >= 64  # more than the kernel can queue: a real queue is always emptied


def test_an_unplugged_scale_is_reopened_when_it_is_plugged_in_again() -> None:
    socket = UsbSocket()
    scale = scale_on(socket, reconnect_every_s=0.02)
    socket.send(data_report(STABLE, KG, -3, 500))
    assert scale.read(0.5).weight == Weight.of("0.5", "kg")
    socket.unplug()
    # Gone: reads say "no answer" (the weigher keeps waiting) while it is tried again.
    assert scale.read(0.1).status is ScaleStatus.NO_ANSWER
    assert not scale.connected
    socket.plug()
    socket.send(data_report(STABLE, KG, -3, 750))
    reading = scale.read(1.0)
    assert reading.weight == Weight.of("0.75", "kg")
    assert scale.connected and socket.opened == 2
    scale.zero()
    assert socket.written == [[2, 0b10]]  # Scale Control Report: Zero Scale


def test_a_scale_gone_for_longer_than_the_grace_period_is_said_once_in_one_sentence() -> None:
    socket = UsbSocket()
    scale = scale_on(socket, reconnect_every_s=0.02, reconnect_grace_s=0.2)
    socket.unplug()
    started = time.monotonic()
    with pytest.raises(ScaleError) as caught:
        for _ in range(100):  # bounded: each read lasts 0.05 s at most
            scale.read(0.05)
    assert "Desk scale" in str(caught.value)
    assert time.monotonic() - started < 2.0
    with pytest.raises(ScaleError):
        scale.zero()


def test_a_scale_plugged_back_at_another_path_is_not_opened_in_its_place() -> None:
    """hidraw numbers follow the order of plug-ins: the path may now be another device.
    The reader waits for its own path (Settings → Scale names the new one)."""
    socket = UsbSocket()
    scale = scale_on(socket, reconnect_every_s=0.02, reconnect_grace_s=0.3)
    socket.unplug()
    socket.plug(b"/dev/hidraw4")
    socket.send(data_report(STABLE, KG, -3, 100))
    with pytest.raises(ScaleError):
        for _ in range(100):
            scale.read(0.05)
    assert socket.opened == 1

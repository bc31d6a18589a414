"""USB HID point-of-sale scales (Dymo, Mettler Toledo, Fairbanks, Stamps.com, Pitney Bowes,
...): the Scales usage page 0x8D of the HID Point of Sale Usage Tables, read through ``hidapi``.

These scales send the *Scale Data Report* whenever the weight changes (and a few times a second
while it moves). Its standard 6-byte layout:

==== ===========================================================================
byte meaning
==== ===========================================================================
0    report id: 3 for the data report (others, e.g. 4 "status", are skipped)
1    scale status: usage 0x70 + n, n = 1 fault, 2 stable at center of zero,
     3 in motion, 4 weight stable, 5 under zero, 6 over weight limit,
     7 requires calibration, 8 requires re-zeroing
2    weight unit: usage 0x50 + n, n = 1 mg, 2 g, 3 kg, 4 carats, 5 taels, 6 grains,
     7 pennyweights, 8 metric ton, 9 avoir ton, 10 troy ounce, 11 ounce, 12 pound
3    data scaling: a signed 8-bit power of ten (0xFF = -1: the weight is in tenths)
4, 5 data weight: unsigned 16-bit, little-endian
==== ===========================================================================

``decode_report`` is pure (bytes in, :class:`ScaleReading` out) so it is tested with report
bytes as the tables define them; :class:`HidScale` is the ``hidapi`` wrapper:

- it opens the device by its path and reads it **non-blocking**, polling until the read's
  time is up (a blocking ``read`` cannot be interrupted when the packer leaves pack mode);
- each read **drains** every report queued since the last one and keeps the newest (the
  kernel queues up to 64 reports while nobody reads: the first ones describe a box that has
  long left the platter);
- an unplugged scale (``read`` raises) is **reopened** by the same path, once every
  ``reconnect_every_s``, while reads say "no answer"; after ``reconnect_grace_s`` without it
  the read raises :class:`ScaleError` with one sentence for the packer.

The device object is ``hid.device()`` unless a ``device_factory`` is given: the tests give an
in-process fake with exactly the methods used here (there is no ``/dev/uhid`` to create a
kernel HID device in the test machine).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.scale import (
    CANNOT_OPEN,
    DISCONNECTED,
    ScaleError,
    ScaleReading,
    ScaleStatus,
)

log = logging.getLogger(__name__)

SCALE_USAGE_PAGE = 0x8D
DATA_REPORT_ID = 3
REPORT_LENGTH = 6

#: Scale Status selector n (usage 0x70 + n) -> status.
HID_STATUS: dict[int, ScaleStatus] = {
    1: ScaleStatus.FAULT,
    2: ScaleStatus.ZERO,
    3: ScaleStatus.MOTION,
    4: ScaleStatus.STABLE,
    5: ScaleStatus.UNDER_ZERO,
    6: ScaleStatus.OVER_CAPACITY,
    7: ScaleStatus.NEEDS_CALIBRATION,
    8: ScaleStatus.NEEDS_REZERO,
}

#: Weight Unit selector n (usage 0x50 + n) -> unit name understood by ``domain.weight``.
HID_UNITS: dict[int, str] = {
    1: "mg",
    2: "g",
    3: "kg",
    4: "ct",
    5: "tael",
    6: "gr",
    7: "dwt",
    8: "t",
    9: "ton",
    10: "ozt",
    11: "oz",
    12: "lb",
}

# Vendors whose HID scales do not all declare the Scales usage page in their descriptor the way
# hidapi reports it (older firmware); listed so Settings can still offer them.
KNOWN_SCALE_VENDORS: dict[int, str] = {
    0x0922: "Dymo",
    0x0EB8: "Mettler Toledo",
    0x0B67: "Fairbanks",
    0x1446: "Stamps.com",
    0x2474: "Stamps.com",
    0x7B7C: "Elane",
    0x0D8F: "Pitney Bowes",
    0x6096: "Sanford Dymo",
}


def decode_report(report: bytes | bytearray | Sequence[int]) -> ScaleReading | None:
    """The reading in a Scale Data Report, or ``None`` for a report of another kind."""
    data = bytes(report)
    if len(data) < REPORT_LENGTH or data[0] != DATA_REPORT_ID:
        return None
    raw_status, raw_unit, raw_scaling = data[1], data[2], data[3]
    status = HID_STATUS.get(raw_status, ScaleStatus.ERROR)
    exponent = raw_scaling - 256 if raw_scaling > 127 else raw_scaling
    magnitude = int.from_bytes(data[4:6], "little")
    detail = data[:REPORT_LENGTH].hex(" ")
    unit = HID_UNITS.get(raw_unit)
    if unit is None:
        # A weight in an unknown unit cannot be used; say so rather than guess grams.
        return ScaleReading(ScaleStatus.ERROR, None, "", detail)
    value = Decimal(magnitude).scaleb(exponent)
    if status is ScaleStatus.UNDER_ZERO:
        value = -value  # the data weight is unsigned; the status carries the sign
    if status in (
        ScaleStatus.FAULT,
        ScaleStatus.ERROR,
        ScaleStatus.NEEDS_CALIBRATION,
        ScaleStatus.NEEDS_REZERO,
    ):
        return ScaleReading(status, None, unit, detail)
    return ScaleReading(status, Weight.of(value, unit), unit, detail)


@dataclass(frozen=True, slots=True)
class HidScaleInfo:
    """A scale found on USB: ``path`` opens it; ``label`` is what Settings shows."""

    path: str
    vendor_id: int
    product_id: int
    label: str


def _hid() -> Any:
    import hid  # type: ignore[import-not-found]  # hidapi: imported here so the rest of the app runs without libusb/hidraw

    return hid


def find_hid_scales() -> list[HidScaleInfo]:
    """HID scales plugged in now: the Scales usage page, or a known scale vendor."""
    try:
        devices = _hid().enumerate()
    except (ImportError, OSError) as exc:
        log.warning("cannot list USB HID devices: %s", exc)
        return []
    found: dict[str, HidScaleInfo] = {}
    for device in devices:
        vendor = int(device.get("vendor_id") or 0)
        if device.get("usage_page") != SCALE_USAGE_PAGE and vendor not in KNOWN_SCALE_VENDORS:
            continue
        raw_path = device.get("path") or b""
        path = raw_path.decode("utf-8", "replace") if isinstance(raw_path, bytes) else str(raw_path)
        product = str(device.get("product_string") or "").strip() or "USB scale"
        maker = str(device.get("manufacturer_string") or "").strip() or KNOWN_SCALE_VENDORS.get(
            vendor, ""
        )
        label = f"{maker} {product}".strip()
        found.setdefault(
            path, HidScaleInfo(path, vendor, int(device.get("product_id") or 0), label)
        )
    return list(found.values())


class HidDevice(Protocol):
    """The part of ``hid.device`` (cython-hidapi) this module uses."""

    def open_path(self, path: bytes) -> None: ...

    def set_nonblocking(self, v: int) -> int: ...

    def read(self, max_length: int, timeout_ms: int = 0) -> Sequence[int]: ...

    def write(self, buff: Sequence[int]) -> int: ...

    def close(self) -> None: ...


#: Bytes asked of each ``read``: a full-speed interrupt report is at most 64.
MAX_REPORT = 64
#: Reports drained at most per read (the kernel's hidraw queue holds 64): a scale flooding
#: reports cannot keep a read going for ever.
MAX_DRAIN = 256


class HidScale:
    """One open HID scale. ``read`` returns the newest data report's reading (module doc)."""

    def __init__(
        self,
        path: str,
        name: str = "",
        *,
        device_factory: Callable[[], HidDevice] | None = None,
        poll_s: float = 0.01,
        reconnect_every_s: float = 0.5,
        reconnect_grace_s: float = 30.0,
    ) -> None:
        self.name = name or path
        self.path = path
        self._factory: Callable[[], HidDevice] = device_factory or (lambda: _hid().device())
        self.poll_s = poll_s
        self.reconnect_every_s = reconnect_every_s
        self.reconnect_grace_s = reconnect_grace_s
        self._lost_since: float | None = None  # monotonic time the scale went away
        self._next_attempt = 0.0
        try:
            self._device: HidDevice | None = self._open()
        except (ImportError, OSError, ValueError) as exc:
            raise ScaleError(
                CANNOT_OPEN.format(name=self.name, detail=str(exc) or "no access")
            ) from None

    def _open(self) -> HidDevice:
        device = self._factory()
        try:
            device.open_path(self.path.encode("utf-8"))
            device.set_nonblocking(1)
        except BaseException:
            with contextlib.suppress(OSError, ValueError):
                device.close()
            raise
        return device

    @property
    def connected(self) -> bool:
        return self._device is not None

    def read(self, timeout: float) -> ScaleReading:
        """The newest reading queued, else the next one within ``timeout`` seconds; a
        reading with status ``NO_ANSWER`` when none came (or the scale is unplugged and not
        back yet)."""
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            device = self._device or self._reconnect()
            if device is not None:
                try:
                    newest = self._drain(device)
                except (OSError, ValueError) as exc:
                    self._lose(exc)
                    continue
                if newest is not None:
                    return newest
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return ScaleReading(ScaleStatus.NO_ANSWER)
            time.sleep(
                min(self.poll_s if device is not None else self.reconnect_every_s, remaining)
            )

    def _drain(self, device: HidDevice) -> ScaleReading | None:
        """Every report queued now, the newest data report's reading kept."""
        newest: ScaleReading | None = None
        for _ in range(MAX_DRAIN):
            report = device.read(MAX_REPORT)
            if not report:
                break
            reading = decode_report(report)
            if reading is not None:
                newest = reading
        return newest

    def _lose(self, exc: BaseException) -> None:
        log.info("scale %s went away: %s", self.name, exc)
        if self._device is not None:
            with contextlib.suppress(OSError, ValueError):
                self._device.close()
        self._device = None
        now = time.monotonic()
        if self._lost_since is None:
            self._lost_since = now
        self._next_attempt = now + self.reconnect_every_s

    def _reconnect(self) -> HidDevice | None:
        """The scale opened again by its path, or None (not yet); raises once it has been
        gone longer than the grace period."""
        now = time.monotonic()
        lost_since = self._lost_since if self._lost_since is not None else now
        if now - lost_since > self.reconnect_grace_s:
            raise ScaleError(DISCONNECTED.format(name=self.name, detail="unplugged"))
        if now < self._next_attempt:
            return None
        try:
            self._device = self._open()
        except (OSError, ValueError) as exc:
            log.debug("scale %s not back yet: %s", self.name, exc)
            self._next_attempt = now + self.reconnect_every_s
            return None
        log.info("scale %s is back", self.name)
        self._lost_since = None
        return self._device

    def zero(self) -> bool:
        # Scale Control Report (id 2): bit 1 "Zero Scale". Scales without it ignore the report.
        device = self._device
        if device is None:
            raise ScaleError(DISCONNECTED.format(name=self.name, detail="unplugged"))
        try:
            device.write([2, 0b10])
        except (OSError, ValueError) as exc:
            self._lose(exc)
            raise ScaleError(DISCONNECTED.format(name=self.name, detail=str(exc))) from None
        return True

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            with contextlib.suppress(OSError, ValueError):
                device.close()

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
bytes as the tables define them; :class:`HidScale` is the thin ``hidapi`` wrapper.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

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


def decode_report(report: bytes | bytearray | list[int]) -> ScaleReading | None:
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


class HidScale:
    """One open HID scale. ``read`` returns the next data report's reading."""

    def __init__(self, path: str, name: str = "") -> None:
        self.name = name or path
        self.path = path
        try:
            self._device = _hid().device()
            self._device.open_path(path.encode("utf-8"))
        except (ImportError, OSError, ValueError) as exc:
            raise ScaleError(
                CANNOT_OPEN.format(name=self.name, detail=str(exc) or "no access")
            ) from None

    def read(self, timeout: float) -> ScaleReading:
        import time

        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                report = self._device.read(64, max(1, int(remaining * 1000)))
            except (OSError, ValueError) as exc:
                raise ScaleError(DISCONNECTED.format(name=self.name, detail=str(exc))) from None
            if not report:
                break
            reading = decode_report(report)
            if reading is not None:
                return reading
        return ScaleReading(ScaleStatus.NO_ANSWER)

    def zero(self) -> bool:
        # Scale Control Report (id 2): bit 1 "Zero Scale". Scales without it ignore the report.
        try:
            self._device.write([2, 0b10])
        except (OSError, ValueError) as exc:
            raise ScaleError(DISCONNECTED.format(name=self.name, detail=str(exc))) from None
        return True

    def close(self) -> None:
        self._device.close()

"""The HID POS scale decoder, fed report bytes as the HID Point of Sale Usage Tables define the
Scale Data Report (page 0x8D): report id 3, status, unit, signed exponent, weight LE16."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.hid_scale import decode_report
from fulfillment_station.hardware.scale import ScaleStatus


def report(status: int, unit: int, exponent: int, weight: int, report_id: int = 3) -> bytes:
    return bytes([report_id, status, unit, exponent & 0xFF]) + weight.to_bytes(2, "little")


# Scale Status usages 0x71..0x78 -> selector values 1..8.
@pytest.mark.parametrize(
    ("selector", "status", "has_weight"),
    [
        (1, ScaleStatus.FAULT, False),
        (2, ScaleStatus.ZERO, True),
        (3, ScaleStatus.MOTION, True),
        (4, ScaleStatus.STABLE, True),
        (5, ScaleStatus.UNDER_ZERO, True),
        (6, ScaleStatus.OVER_CAPACITY, True),
        (7, ScaleStatus.NEEDS_CALIBRATION, False),
        (8, ScaleStatus.NEEDS_REZERO, False),
    ],
)
def test_every_documented_status(selector: int, status: ScaleStatus, has_weight: bool) -> None:
    reading = decode_report(report(selector, 3, -3, 1250 if selector != 2 else 0))
    assert reading is not None
    assert reading.status is status
    assert (reading.weight is not None) is has_weight
    # Only a stable report yields a weight that may be used.
    assert (reading.stable_weight is not None) is (status in (ScaleStatus.STABLE, ScaleStatus.ZERO))


# Weight Unit usages 0x51..0x5C -> selector values 1..12; 1000 raw at exponent 0.
@pytest.mark.parametrize(
    ("selector", "grams"),
    [
        (1, Decimal("1")),  # milligram
        (2, Decimal("1000")),  # gram
        (3, Decimal("1000000")),  # kilogram
        (4, Decimal("200")),  # carat
        (5, Decimal("37799")),  # tael
        (6, Decimal("64.79891")),  # grain
        (7, Decimal("1555.17384")),  # pennyweight
        (8, Decimal("1000000000")),  # metric ton
        (9, Decimal("907184740")),  # avoirdupois (short) ton
        (10, Decimal("31103.4768")),  # troy ounce
        (11, Decimal("28349.523125")),  # ounce
        (12, Decimal("453592.37")),  # pound
    ],
)
def test_every_documented_unit(selector: int, grams: Decimal) -> None:
    reading = decode_report(report(4, selector, 0, 1000))
    assert reading is not None and reading.stable_weight is not None
    assert reading.stable_weight.grams == grams


def test_dymo_ounces_in_tenths() -> None:
    # A Dymo M10 with 12.3 oz: unit 11 (ounce), scaling 0xFF (-1), weight 123.
    reading = decode_report(bytes([0x03, 0x04, 0x0B, 0xFF, 0x7B, 0x00]))
    assert reading is not None and reading.stable_weight is not None
    assert reading.stable_weight == Weight.of("12.3", "oz")
    assert reading.unit == "oz"


def test_little_endian_weight_and_grams_report() -> None:
    # 0x0401 = 1025 g at exponent 0: the low byte comes first.
    reading = decode_report(bytes([3, 4, 2, 0, 0x01, 0x04]))
    assert reading is not None and reading.stable_weight == Weight(Decimal(1025))


def test_under_zero_is_negative_and_not_taken() -> None:
    reading = decode_report(report(5, 3, -3, 40))
    assert reading is not None and reading.weight == Weight.of("-0.040", "kg")
    assert reading.stable_weight is None


def test_other_reports_and_short_reads_are_skipped() -> None:
    assert decode_report(report(4, 3, 0, 10, report_id=4)) is None  # a status report
    assert decode_report(bytes([3, 4, 3])) is None
    assert decode_report(b"") is None


def test_unknown_unit_or_status_is_an_error_without_weight() -> None:
    for data in (report(4, 13, 0, 10), report(4, 0, 0, 10), report(9, 3, 0, 10)):
        reading = decode_report(data)
        assert reading is not None
        assert reading.status is ScaleStatus.ERROR or reading.weight is None
        assert reading.stable_weight is None

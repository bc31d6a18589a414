"""classify_scan: what a packer's scan is, or why it is junk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulfillment_station.scanning.barcodes import ScanKind, classify_scan
from fulfillment_station.scanning.tracking import CheckVerdict

GS = "\x1d"


def test_usps_gs1_128_label_gives_tracking_number_and_zip() -> None:
    result = classify_scan(f"]C1420100233424{GS}9200190132607600833457\r")
    assert result.kind is ScanKind.TRACKING
    assert result.value == "9200190132607600833457"
    assert result.tracking is not None and result.tracking.carrier == "usps"
    assert result.postal_code == "100233424"
    assert result.symbology == "]C1"
    assert result.reason is None


def test_421_gives_country_and_postal_code() -> None:
    result = classify_scan(f"]C1421840100233424{GS}9200190132607600833457")
    assert (result.kind, result.country, result.postal_code) == (
        ScanKind.TRACKING,
        "840",
        "100233424",
    )


def test_parenthesised_usps_line_is_a_tracking_number() -> None:
    result = classify_scan("(420) 10023 3424 (92) 00190132607600833457")
    assert result.kind is ScanKind.TRACKING
    assert result.value == "9200190132607600833457"


def test_lone_routing_barcode_is_junk_with_a_hint() -> None:
    result = classify_scan("]C142010023")
    assert result.is_junk
    assert "postal code barcode (10023)" in (result.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "]C10100614141999996",
        "(01)00614141999996(17)250101",
        "]E0614141999996",
        "614141999996",
        "0614141999996",
        "00614141999996",
    ],
)
def test_product_codes_share_one_gtin_key(text: str) -> None:
    result = classify_scan(text)
    assert result.kind is ScanKind.PRODUCT
    assert result.gtin == result.value == "00614141999996"


def test_ean_symbology_with_bad_check_digit_is_junk() -> None:
    result = classify_scan("]E0614141999997")
    assert result.is_junk and "check digit" in (result.reason or "")


def test_gs1_product_with_bad_check_digit_is_junk() -> None:
    assert classify_scan("]C10100614141999997").is_junk


def test_sscc_carton_label() -> None:
    result = classify_scan("]C100106141411234567897")
    assert (result.kind, result.value) == (ScanKind.SSCC, "106141411234567897")
    assert classify_scan("]C100106141411234567898").is_junk


def test_gs1_without_useful_element_is_junk() -> None:
    result = classify_scan("]C117250101")
    assert result.is_junk and "no product" in (result.reason or "")


def test_broken_gs1_with_separator_is_junk() -> None:
    result = classify_scan(f"0100614141{GS}99")
    assert result.is_junk and "GS1" in (result.reason or "")


@pytest.mark.parametrize(
    ("text", "carrier"),
    [
        ("1Z999AA10123456784", "ups"),
        ("]C01Z999AA10123456784", "ups"),
        ("]C11001921334250001000300779017972697", "fedex"),  # not GS1 data despite ]C1
        ("9400 1112 0108 0805 4830 16", "usps"),
        ("TBA502887274000", "amazon"),
        ("RB123456785GB", "royal_mail"),
        ("3318810025", "dhl"),
    ],
)
def test_tracking_numbers(text: str, carrier: str) -> None:
    result = classify_scan(text)
    assert result.kind is ScanKind.TRACKING
    assert result.tracking is not None and result.tracking.carrier == carrier


def test_distinctive_tracking_with_wrong_check_digit_says_why() -> None:
    result = classify_scan("1Z999AA10123456785")
    assert result.kind is ScanKind.TRACKING
    assert result.tracking is not None
    assert result.tracking.check_digit is CheckVerdict.INVALID
    assert "UPS" in (result.reason or "") and "check digit" in (result.reason or "")


def test_all_digit_number_with_wrong_check_digit_is_a_reference() -> None:
    result = classify_scan("3318810026")  # DHL shape, wrong digit: may be an order number
    assert result.kind is ScanKind.REFERENCE
    assert result.value == "3318810026"
    assert result.tracking is not None and "DHL" in (result.reason or "")


def test_twelve_digits_valid_as_upc_and_fedex_keeps_both() -> None:
    # 012345678983 is a valid FedEx Express number and (by chance) not a UPC; find the
    # product reading first, keep the FedEx reading for codes valid as both.
    fedex_only = classify_scan("012345678983")
    assert fedex_only.kind is ScanKind.TRACKING
    both = classify_scan("123456789012")
    assert both.kind is ScanKind.PRODUCT
    assert both.tracking is not None and both.tracking.carrier == "fedex"


@pytest.mark.parametrize("text", ["ORD-1001", "#1001", "  1001 ", "Box 3 of 4"])
def test_references(text: str) -> None:
    result = classify_scan(text)
    assert result.kind is ScanKind.REFERENCE
    assert result.value == text.strip()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("\r\n", "empty"),
        ("]C1", "empty"),
        ("ABC\x07DEF", "U+0007"),
        ("ORD\x00", "U+0000"),
        ("caf\ufffd", "U+FFFD"),
        ("9" * 513, "513 characters"),
    ],
)
def test_junk(text: str, reason: str) -> None:
    result = classify_scan(text)
    assert result.is_junk
    assert result.value == ""
    assert reason in (result.reason or "")


@given(st.text(max_size=80))
def test_never_raises_and_junk_always_has_a_reason(text: str) -> None:
    result = classify_scan(text)
    assert (result.kind is ScanKind.JUNK) == bool(result.is_junk)
    if result.is_junk:
        assert result.reason


@pytest.mark.parametrize(
    ("text", "also_reference"),
    [
        ("3318810025", True),  # DHL shape is just ten digits
        ("614141999996", True),  # a UPC without symbology could be an order number
        ("]E0614141999996", False),  # the scanner says it is an EAN/UPC symbol
        ("1Z999AA10123456784", False),
        ("9400 1112 0108 0805 4830 16", False),
    ],
)
def test_plain_digit_scans_may_also_be_order_numbers(text: str, also_reference: bool) -> None:
    assert classify_scan(text).also_reference is also_reference

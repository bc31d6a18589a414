"""Check-digit algorithms against published examples, independent of the carrier table."""

from __future__ import annotations

import pytest

from fulfillment_station.scanning.checkdigits import (
    CheckDigitError,
    expected_check_digit,
    gs1_check_digit,
    gs1_is_valid,
    mod7,
    mod10_weighted,
    mod11_weighted,
)

S10 = {"weights": [7, 9, 5, 3, 2, 4, 6, 8], "complement": True, "remap": {"10": 0, "11": 5}}
FEDEX_EXPRESS = {"weights": [1, 3, 7], "remap": {"10": 0}}


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("03600029145", 2),  # UPC-A 036000291452
        ("400638133393", 1),  # EAN-13 4006381333931
        ("9638507", 4),  # EAN-8 96385074
        ("10614141123456789", 7),  # SSCC 106141411234567897 (GS1 General Specifications)
    ],
)
def test_gs1_mod10(body: str, check: int) -> None:
    assert gs1_check_digit(body) == check
    assert gs1_is_valid(body + str(check))
    assert not gs1_is_valid(body + str((check + 1) % 10))


def test_gs1_rejects_non_digits_and_too_short() -> None:
    assert not gs1_is_valid("12345678901A")
    assert not gs1_is_valid("7")
    assert not gs1_is_valid("")


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("01234567898", 3),  # answers.google.com FedEx Express example 012345678983
        ("12345678901", 2),  # worked example 123456789012 (sum 178, 178 mod 11 = 2)
    ],
)
def test_fedex_express_mod11(body: str, check: int) -> None:
    assert mod11_weighted(body, FEDEX_EXPRESS) == check


def test_s10_mod11_with_the_upu_remapping() -> None:
    assert mod11_weighted("12345678", S10) == 5  # UPU S10 example RR 12345678 5 GB
    assert mod11_weighted("00000000", S10) == 5  # remainder 0 -> 11 -> 5


def test_s10_remap_edges_are_exercised() -> None:
    # A body whose weighted sum is 1 (mod 11) must give 0, one that is 0 must give 5.
    sums = {}
    for n in range(2000):
        body = f"{n:08d}"
        total = sum(int(d) * w for d, w in zip(body, [8, 6, 4, 2, 3, 5, 9, 7], strict=True))
        sums.setdefault(total % 11, body)
    assert mod11_weighted(sums[1], S10) == 0
    assert mod11_weighted(sums[0], S10) == 5
    assert mod11_weighted(sums[3], S10) == 8


def test_ups_letters_fold_onto_digits() -> None:
    params = {"weights": [1, 2], "letter_offset": 3}
    # 1Z999AA10123456784: body 999AA1012345678, check 4 (UPS developer sample number)
    assert mod10_weighted("999AA1012345678", params) == 4
    with pytest.raises(CheckDigitError):
        mod10_weighted("999AA1012345678", {"weights": [1, 2]})


def test_mod7() -> None:
    assert mod7("331881002", {}) == 5  # DHL Express 3318810025
    with pytest.raises(CheckDigitError):
        mod7("12A", {})


def test_unknown_algorithm_is_an_error() -> None:
    with pytest.raises(CheckDigitError, match="unknown"):
        expected_check_digit("luhn-ish", "123", {})


def test_missing_weights_is_an_error() -> None:
    with pytest.raises(CheckDigitError, match="weights"):
        mod10_weighted("123", {})

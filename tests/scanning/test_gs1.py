"""AIM identifiers, GS1 element strings and GTIN keys."""

from __future__ import annotations

import pytest

from fulfillment_station.scanning.gs1 import (
    GS,
    Gs1Error,
    GtinError,
    gtin_key,
    is_gtin,
    parse_element_string,
    same_product,
    split_aim,
)


@pytest.mark.parametrize(
    ("text", "aim", "data"),
    [
        ("]C10100614141999996", "]C1", "0100614141999996"),
        ("]E0036000291452", "]E0", "036000291452"),
        ("]Q3https://example.test", "]Q3", "https://example.test"),
        ("]d2010061414199999617250101", "]d2", "010061414199999617250101"),
        ("1Z999AA10123456784", None, "1Z999AA10123456784"),
        ("]", None, "]"),
    ],
)
def test_split_aim(text: str, aim: str | None, data: str) -> None:
    assert split_aim(text) == (aim, data)


def test_fixed_and_variable_fields_with_gs_separators() -> None:
    data = f"0100614141999996172501011 0AB-12{GS}21XYZ".replace(" ", "")
    assert parse_element_string(data) == [
        ("01", "00614141999996"),
        ("17", "250101"),
        ("10", "AB-12"),
        ("21", "XYZ"),
    ]


def test_usps_routing_then_tracking_number() -> None:
    data = f"420100233424{GS}9200190132607600833457"
    assert parse_element_string(data) == [("420", "100233424"), ("92", "00190132607600833457")]


def test_421_carries_country_and_postal_code() -> None:
    assert parse_element_string(f"421840100233424{GS}00106141411234567897") == [
        ("421", "840100233424"),
        ("00", "106141411234567897"),
    ]


def test_parenthesised_human_readable_form() -> None:
    assert parse_element_string("(00) 1 0614141 123456789 7") == [("00", "106141411234567897")]
    assert parse_element_string("(01)00614141999996(3103)000525") == [
        ("01", "00614141999996"),
        ("3103", "000525"),
    ]


def test_trailing_and_redundant_separators_are_fine() -> None:
    assert parse_element_string(f"{GS}0100614141999996{GS}17250101{GS}") == [
        ("01", "00614141999996"),
        ("17", "250101"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("0100614141", "cut short"),
        ("(01)0061414199999X", "digits"),
        ("(01)006141419999", "needs 14"),
        ("(88)123", "unknown application identifier"),
        ("881234", "unknown application identifier"),
        (GS, "empty"),
        (f"10{GS}01", "no data"),
        ("10" + "A" * 21, "longer than 20"),
    ],
)
def test_unreadable_element_strings(data: str, message: str) -> None:
    with pytest.raises(Gs1Error, match=message):
        parse_element_string(data)


def test_upc_ean_and_gtin14_forms_of_one_product_compare_equal() -> None:
    assert gtin_key("036000291452") == "00036000291452"
    assert gtin_key("0036000291452") == "00036000291452"
    assert gtin_key("00036000291452") == "00036000291452"
    assert same_product("036000291452", "00036000291452")
    assert gtin_key("96385074") == "00000096385074"


def test_case_gtin_with_an_indicator_digit_is_a_different_product() -> None:
    assert gtin_key("10614141999993") != gtin_key("00614141999996")
    assert not same_product("10614141999993", "614141999996")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("036000291453", "wrong check digit"),
        ("03600029145", "11 digits"),
        ("0360002914AB", "digits only"),
        ("", "digits only"),
    ],
)
def test_gtin_errors_are_plain_sentences(code: str, message: str) -> None:
    with pytest.raises(GtinError, match=message):
        gtin_key(code)
    assert not is_gtin(code)
    assert not same_product(code, code)

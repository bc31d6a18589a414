"""Tracking-number recognition with public test vectors, each paired with a corrupted copy.

Sources of the valid vectors: the UPS developer sample 1Z999AA10123456784 (also in the nexus
seed), the answers.google.com FedEx Express example 012345678983, and the test numbers
published in the jkeen/tracking_number_data repository (UPS, FedEx, USPS, DHL, Amazon, Canada
Post, S10). Every corrupted vector differs from its valid twin in exactly one character.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulfillment_station.resources import RESOURCES_DIR
from fulfillment_station.scanning.tracking import (
    CarrierTable,
    CarrierTableError,
    CheckVerdict,
    default_table,
    describe,
    normalise,
    parse_tracking,
)

# (carrier, valid as printed, corrupted copy, number the carrier tracks)
VECTORS = [
    ("ups", "1Z999AA10123456784", "1Z999AA10123456785", "1Z999AA10123456784"),
    ("ups", "1Z879E930346834440", "1Z879E930346834441", "1Z879E930346834440"),
    ("ups", "1z 5r8 939 03 5756 7127", "1z 5r8 939 03 5756 7137", "1Z5R89390357567127"),
    ("fedex", "986578788855", "986578788865", "986578788855"),
    ("fedex", "0123 4567 8983", "0123 4567 8993", "012345678983"),
    ("fedex", "0414 4176 0228 964", "0414 4176 0228 864", "041441760228964"),
    ("fedex", "9611020987654312345672", "9611020987654312346672", "987654312345672"),
    (
        "fedex",
        "1001921334250001000300779017972697",
        "1001921334250001000300779017972797",
        "779017972697",
    ),
    (
        "fedex",
        "9622001900000000000000776632517510",
        "9622001900000000000000776632517610",
        "776632517510",
    ),
    ("fedex", "61299998820821171811", "61299998820821171821", "61299998820821171811"),
    (
        "usps",
        "9400 1112 0108 0805 4830 16",
        "9400 1112 0108 0805 4830 26",
        "9400111201080805483016",
    ),
    (
        "usps",
        "92748931507708513018050063",
        "92748931507708513018050064",
        "92748931507708513018050063",
    ),
    (
        "usps",
        "420 22153 9101026837331000039521",
        "420 22153 9101026837331000039522",
        "9101026837331000039521",
    ),
    (
        "usps",
        "4201002334249200190132607600833457",
        "4201002334249200190132607600833458",
        "9200190132607600833457",
    ),
    ("usps", "7196 9010 7560 0307 7385", "7196 9010 7560 0307 7386", "71969010756003077385"),
    ("usps", "RB123456785US", "RB123456784US", "RB123456785US"),
    ("royal_mail", "RB123456785GB", "RB123456775GB", "RB123456785GB"),
    ("canada_post", "RB123456785CA", "RB123456795CA", "RB123456785CA"),
    ("canada_post", "0073938000549297", "0073938000549287", "0073938000549297"),
    ("upu_s10", "RR123456785CN", "RR123456786CN", "RR123456785CN"),
    ("dhl", "3318810025", "3318810026", "3318810025"),
    ("dhl", "8487135506", "8487135505", "8487135506"),
    ("dhl", "73891051146", "73891051145", "73891051146"),
]


def _one_character_apart(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@pytest.mark.parametrize(("carrier", "valid", "corrupted", "number"), VECTORS)
def test_valid_vector_is_recognised(carrier: str, valid: str, corrupted: str, number: str) -> None:
    result = parse_tracking(valid)
    assert result.carrier == carrier
    assert result.number == number
    assert result.check_digit is CheckVerdict.VALID


@pytest.mark.parametrize(("carrier", "valid", "corrupted", "number"), VECTORS)
def test_corrupted_vector_fails_the_check(
    carrier: str, valid: str, corrupted: str, number: str
) -> None:
    assert _one_character_apart(valid, corrupted)
    result = parse_tracking(corrupted)
    mine = [c for c in result.candidates if c.carrier == carrier]
    assert mine, "the corrupted number must still have the carrier's shape"
    assert all(c.check_digit is CheckVerdict.INVALID for c in mine)
    assert result.check_digit is not CheckVerdict.VALID


def test_every_carrier_in_the_table_has_vectors() -> None:
    assert {carrier for carrier, *_ in VECTORS} | {"amazon"} == set(default_table().carriers)


def test_amazon_has_no_check_digit_and_says_so() -> None:
    result = parse_tracking("TBA502887274000")
    assert result.carrier == "amazon"
    assert result.check_digit is CheckVerdict.NONE
    assert "cannot be verified" in "\n".join(describe(result))
    assert not parse_tracking("TBA50288727400A").recognised


def test_seed_fedex_number_has_a_wrong_check_digit() -> None:
    # The price2b seed's 794644790303 is a placeholder: FedEx's mod-11 rule gives 4, not 3.
    result = parse_tracking("794644790303")
    assert result.carrier == "fedex"
    assert result.check_digit is CheckVerdict.INVALID


def test_urls_come_from_the_table_with_the_normalised_number() -> None:
    assert parse_tracking("1z999aa1-0123-4567-84").url == (
        "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    )
    assert parse_tracking("RR123456785CN").url is None  # no universal S10 tracking page


def test_impb_routing_prefix_gives_the_ship_to_zip() -> None:
    result = parse_tracking("(420) 10023 3424 (92) 00190132607600833457")
    assert result.number == "9200190132607600833457"
    assert result.best is not None and result.best.postal_code == "100233424"


def test_aim_prefix_and_gs_separator_are_ignored() -> None:
    result = parse_tracking("]C1420221539\x1d101026837331000039521")
    assert result.carrier == "usps"
    assert result.check_digit is CheckVerdict.VALID


def test_smartpost_22_is_ambiguous_between_usps_and_fedex() -> None:
    result = parse_tracking("9261292700768711948021")
    assert result.ambiguous
    assert {c.carrier for c in result.candidates} == {"usps", "fedex"}
    assert "FedEx" in "\n".join(describe(result))


def test_valid_candidate_outranks_invalid_one() -> None:
    # 20 digits fit USPS and FedEx SmartPost; only USPS's check digit works for this one.
    result = parse_tracking("03071790000523483741")
    assert result.carrier == "usps"
    assert not result.ambiguous
    assert [c.check_digit for c in result.candidates] == [CheckVerdict.VALID, CheckVerdict.INVALID]


@pytest.mark.parametrize("text", ["", "   ", "hello", "ORD-1001", "12", "1Z12", "é" * 12, "9" * 41])
def test_not_tracking_numbers(text: str) -> None:
    result = parse_tracking(text)
    assert not result.recognised
    assert result.carrier is None and result.to_dict()["candidates"] == []
    assert "not a tracking number" in describe(result)[0]


@given(st.text(max_size=60))
def test_never_raises(text: str) -> None:
    parse_tracking(text).to_dict()


@given(
    st.sampled_from(
        [
            "9400111201080805483016",
            "0073938000549297",
            "041441760228964",
            "92748931507708513018050063",
        ]
    ),
    st.integers(min_value=0, max_value=21),
    st.integers(min_value=1, max_value=9),
)
def test_mod10_3_1_formats_catch_every_single_digit_error(
    number: str, position: int, delta: int
) -> None:
    position %= len(number)
    digit = (int(number[position]) + delta) % 10
    corrupted = number[:position] + str(digit) + number[position + 1 :]
    carrier = parse_tracking(number).carrier
    mine = [c for c in parse_tracking(corrupted).candidates if c.carrier == carrier]
    assert all(c.check_digit is CheckVerdict.INVALID for c in mine)


def _table_data() -> dict:
    text = (RESOURCES_DIR / "carriers.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_table_from_a_path_matches_the_packaged_one(tmp_path: Path) -> None:
    path = tmp_path / "carriers.json"
    path.write_text(json.dumps(_table_data()), encoding="utf-8")
    assert CarrierTable.load(path) == CarrierTable.load()


def test_a_table_can_be_injected() -> None:
    data = _table_data()
    data["carriers"]["ups"]["url"] = "https://example.test/{number}"
    table = CarrierTable.from_dict(data)
    assert parse_tracking("1Z999AA10123456784", table).url == (
        "https://example.test/1Z999AA10123456784"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["formats"][0].update(carrier="nope"), "unknown carrier"),
        (lambda d: d["formats"][0]["check"].update(algorithm="crc32"), "unknown algorithm"),
        (lambda d: d["formats"][0].update(patterns=["^1Z.*$"]), "number"),
    ],
)
def test_malformed_table_is_rejected(change, message: str) -> None:
    data = _table_data()
    change(data)
    with pytest.raises(CarrierTableError, match=message):
        CarrierTable.from_dict(data)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("ups", "UPS"),
        ("Fedex", "FedEx"),
        ("usps", "USPS"),
        ("canada_post", "Canada Post"),
        ("Canada Post", "Canada Post"),
        ("  PostNL ", "PostNL"),
    ],
)
def test_carrier_display_name_as_a_customer_reads_it(written: str, shown: str) -> None:
    from fulfillment_station.scanning.tracking import carrier_display_name

    assert carrier_display_name(written) == shown

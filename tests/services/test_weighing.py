"""Weighing at the service level: the expected weight of a box (item weights + tare), the
desk's tolerance, and the verdict that stops a packer who forgot an item."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from fulfillment_station.domain.models import LineItem
from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.scale import ScaleError, read_stable
from fulfillment_station.services.weighing import (
    Verdict,
    box_for_scan,
    box_types_from,
    check_box,
    expected_weight,
    open_scale,
)
from fulfillment_station.store.settings import Settings, SettingsError
from tests.helpers.scale_sim import ScaleSimulator

MUG = LineItem(id="1", sku="MUG", name="Mug", quantity=2, weight=Decimal("0.35"))
TEA = LineItem(id="2", sku="TEA", name="Tea tin", quantity=1, weight=Decimal("0.2"))
CARD = LineItem(id="3", sku="CARD", name="Gift card", quantity=1, weight=None)


def desk(**updates: object) -> Settings:
    return Settings.defaults().replace(
        {
            "scale.box_types": [
                {
                    "name": "Small",
                    "length_cm": "20",
                    "width_cm": "15",
                    "height_cm": "10",
                    "tare_g": "150",
                    "barcode": "BOX-S",
                },
                {
                    "name": "Large",
                    "length_cm": "40",
                    "width_cm": "30",
                    "height_cm": "20",
                    "tare_g": "400",
                    "barcode": "BOX-L",
                },
            ],
            "scale.tolerance_g": 50,
            "scale.tolerance_percent": 5,
            **updates,
        }
    )


def test_box_types_are_settings_data() -> None:
    settings = desk()
    small, large = box_types_from(settings)
    assert small.dimensions_cm == (Decimal(20), Decimal(15), Decimal(10))
    assert small.tare == Weight.of(150, "g")
    assert box_for_scan(settings, "box-l") == large
    assert box_for_scan(settings, "Small") == small
    assert box_for_scan(settings, "4006381333931") is None
    # The file round trip keeps them.
    assert box_types_from(Settings.from_json(settings.to_json())) == [small, large]


def test_a_box_type_with_a_negative_tare_is_refused_plainly() -> None:
    with pytest.raises(SettingsError, match="Box Tiny: the tare must be a number"):
        desk(**{"scale.box_types": [{"name": "Tiny", "tare_g": "-5"}]})


def test_expected_weight_is_items_plus_tare() -> None:
    small = box_types_from(desk())[0]
    expected = expected_weight([(MUG, 2), (TEA, 1)], "kg", small)
    assert expected == Weight.of("1.050", "kg")  # 2 x 0.35 + 0.2 + 0.15


def test_a_missing_item_is_caught_by_weight() -> None:
    settings = desk()
    small = box_types_from(settings)[0]
    # The tea tin was forgotten: 0.85 kg on the scale for 1.05 kg expected.
    verdict = check_box(settings, Weight.of("0.85", "kg"), [(MUG, 2), (TEA, 1)], "kg", small)
    assert verdict.verdict is Verdict.LIGHTER and verdict.stops_packer
    assert str(verdict.message) == (
        "Lighter by 0.200 kg than expected (0.850 kg on the scale, 1.050 kg expected): a "
        "missing item?"
    )
    assert verdict.audit_details() == {
        "verdict": "lighter",
        "measured_g": "850",
        "tolerance_g": "52.5",
        "expected_g": "1050",
    }


def test_an_extra_item_is_caught_and_small_differences_pass() -> None:
    settings = desk()
    heavier = check_box(
        settings, Weight.of("1.45", "kg"), [(MUG, 2), (TEA, 1)], "kg", box_types_from(settings)[0]
    )
    assert heavier.verdict is Verdict.HEAVIER and "Heavier by 0.400 kg" in heavier.message
    within = check_box(
        settings, Weight.of("1.09", "kg"), [(MUG, 2), (TEA, 1)], "kg", box_types_from(settings)[0]
    )
    assert within.verdict is Verdict.OK and not within.stops_packer


def test_tolerance_in_grams_wins_for_light_boxes() -> None:
    settings = desk()
    # 0.2 kg expected: 5 % is 10 g, so the 50 g floor applies; 240 g is within, 260 g not.
    assert check_box(settings, Weight.of(240, "g"), [(TEA, 1)], "kg").verdict is Verdict.OK
    assert check_box(settings, Weight.of(260, "g"), [(TEA, 1)], "kg").verdict is Verdict.HEAVIER


def test_store_weights_in_pounds_against_a_kilogram_scale() -> None:
    mug_lb = MUG.model_copy(update={"weight": Decimal("1")})  # 1 lb each
    verdict = check_box(desk(), Weight.of("0.907", "kg"), [(mug_lb, 2)], "lb")
    assert verdict.verdict is Verdict.OK


def test_an_item_without_weight_cannot_be_compared() -> None:
    verdict = check_box(desk(), Weight.of("1", "kg"), [(MUG, 1), (CARD, 1)], "kg")
    assert verdict.verdict is Verdict.NOT_COMPARED and not verdict.stops_packer
    assert "Gift card has no weight" in verdict.message


def test_the_scale_from_settings_reads_a_stable_weight() -> None:
    assert open_scale(desk()) is None  # typed by hand
    with pytest.raises(ScaleError, match="No serial port"):
        open_scale(desk(**{"scale.source": "serial"}))
    with ScaleSimulator("avery", weight="0.850") as sim:
        scale = open_scale(
            desk(**{"scale.source": "serial", "scale.device": sim.path, "scale.protocol": "avery"})
        )
        assert scale is not None
        try:
            reading = read_stable(scale, timeout=3)
        finally:
            scale.close()
    assert reading.stable_weight == Weight.of("0.85", "kg")


def test_an_override_of_a_weight_stop_is_audited(tmp_path: Any) -> None:
    from fulfillment_station.services.weighing import WEIGHT_OVERRIDE, record_override
    from fulfillment_station.store.audit import AuditLog
    from fulfillment_station.store.db import connect

    settings = desk()
    verdict = check_box(
        settings, Weight.of("0.85", "kg"), [(MUG, 2), (TEA, 1)], "kg", box_types_from(settings)[0]
    )
    conn = connect(tmp_path / "audit.db")
    try:
        audit = AuditLog(conn, station="Desk 1")
        record_override(
            audit, verdict, order_id="o-1", order_number="1001", packer="Marta", box_number=2
        )
        [entry] = AuditLog(conn, station="Desk 1").for_order("o-1")
    finally:
        conn.close()
    assert (entry.kind, entry.packer, entry.outcome) == (WEIGHT_OVERRIDE, "Marta", "overridden")
    assert entry.summary == ("Box 2: 850 g on the scale, 1050 g expected, tolerance 52.5 g")
    assert entry.message.startswith("Lighter by 0.200 kg than expected")

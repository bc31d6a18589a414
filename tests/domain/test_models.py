"""The canonical model: money as Decimal strings, aware UTC datetimes, JSON round trip and
errors that name the bad field."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from fulfillment_station.domain import DomainError, Order, OrderStatus, parse_order
from fulfillment_station.domain.money import round_money, to_decimal


def order_dict(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "o1",
        "number": "N-1",
        "dialect": "nexus",
        "status": "processing",
        "created_at": "2026-03-12T09:00:00.000Z",
        "updated_at": "2026-03-12T10:00:00+02:00",
        "subtotal": 26.98,
        "tax": "0",
        "shipping": "1.00",
        "total": "27.98",
        "lines": [
            {"id": "a", "sku": "SKU-001", "name": "Blue Widget", "quantity": 2, "unit_price": 13.49}
        ],
        "raw": {"secret_field": "kept for support"},
    }
    base.update(overrides)
    return base


def test_money_is_decimal_and_serialised_as_exact_strings() -> None:
    order = parse_order(order_dict())
    assert order.subtotal == Decimal("26.98")
    assert order.lines[0].unit_price == Decimal("13.49")  # float 13.49 kept exact
    data = order.to_json_dict()
    assert data["subtotal"] == "26.98"
    assert data["total"] == "27.98"
    assert data["lines"][0]["unit_price"] == "13.49"
    assert order.lines[0].unit_price * 2 == order.subtotal


def test_datetimes_become_aware_utc_and_serialise_with_z() -> None:
    order = parse_order(order_dict())
    assert order.updated_at == datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    assert order.updated_at.utcoffset() == timedelta(0)
    assert order.to_json_dict()["updated_at"] == "2026-03-12T08:00:00Z"


def test_json_round_trip_is_lossless_and_raw_only_on_request() -> None:
    order = parse_order(order_dict())
    text = order.to_json()
    assert "raw" not in json.loads(text)
    again = parse_order(text)
    assert again == order.model_copy(update={"raw": None})
    assert order.to_json_dict(raw=True)["raw"] == {"secret_field": "kept for support"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"created_at": "2026-03-12T09:00:00"}, "created_at"),  # naive: no zone
        ({"created_at": "yesterday"}, "created_at"),
        ({"total": "12,50"}, "total"),
        ({"total": "NaN"}, "total"),
        ({"status": "teleported"}, "status"),
        ({"lines": [{"id": "a", "quantity": -1}]}, "lines[0].quantity"),
        ({"lines": [{"id": "a", "quantity": 1, "quantity_fulfilled": 2}]}, "lines[0]"),
        ({"number": None}, "number"),
    ],
)
def test_bad_input_raises_domain_error_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(DomainError) as info:
        parse_order(order_dict(**overrides))
    assert info.value.field == field
    assert field in str(info.value)


def test_missing_required_field_is_named() -> None:
    data = order_dict()
    del data["number"]
    with pytest.raises(DomainError, match="number"):
        parse_order(data)


def test_unknown_status_is_a_real_status_that_keeps_the_api_text() -> None:
    order = parse_order(order_dict(status="unknown", api_status="on_hold_fraud"))
    assert order.status is OrderStatus.UNKNOWN
    assert order.to_json_dict()["api_status"] == "on_hold_fraud"


def test_other_timezones_are_converted() -> None:
    tz = timezone(timedelta(hours=-5))
    order = Order(
        id="x",
        number="1",
        dialect="d",
        status=OrderStatus.PENDING,
        created_at=datetime(2026, 1, 1, 7, 0, tzinfo=tz),
        updated_at=datetime(2026, 1, 1, 7, 0, tzinfo=tz),
    )
    assert order.created_at.hour == 12 and order.created_at.tzinfo == UTC


def test_money_helpers() -> None:
    assert to_decimal("  12.30 ") == Decimal("12.30")
    assert to_decimal(0.1) + to_decimal(0.2) == Decimal("0.3")
    assert round_money(Decimal("2.345")) == Decimal("2.35")
    with pytest.raises(ValueError):
        to_decimal(True)


def test_money_is_formatted_to_the_currency_minor_unit() -> None:
    from fulfillment_station.domain.money import format_money

    assert format_money(Decimal("7.5"), "USD", "en_US") == "$7.50"
    assert format_money(Decimal("199.905"), "EUR", "en_US") == "€199.91"
    assert format_money(Decimal("1200"), "JPY", "en_US") == "¥1,200"
    assert format_money(Decimal("3"), None, "en_US") == "3.00"
    # A locale that says nothing about formats ("C") gets the fallback's.
    assert format_money(Decimal("7.5"), "USD", "C.UTF-8") == "$7.50"

"""The field readers the connectors share: tolerant of what stores send (numbers as text, text
as numbers, no offset), and every refusal a BadResponse naming the order and the field."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from fulfillment_station.connectors import inventory_cloud, nexus
from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.connectors.parsing import (
    iso_utc,
    money,
    optional_int,
    order_from,
    required_text,
    required_when,
    text,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("SKU-1", "SKU-1"),
        ("", None),
        (None, None),
        (42, "42"),
        (2.5, "2.5"),
        (Decimal("7.10"), "7.10"),
    ],
)
def test_text_accepts_text_and_numbers(value: Any, expected: str | None) -> None:
    assert text({"sku": value}, "sku", "A1") == expected
    assert text({}, "sku", "A1") is None


@pytest.mark.parametrize("value", [True, ["a"], {"a": 1}])
def test_text_refuses_other_json_naming_order_and_field(value: Any) -> None:
    with pytest.raises(BadResponse) as info:
        text({"sku": value}, "sku", "A1", "items[3].sku")
    assert info.value.field == "items[3].sku" and info.value.order_id == "A1"
    assert f"got {type(value).__name__}" in str(info.value)


def test_required_text_names_the_missing_field() -> None:
    assert required_text({"currency": "EUR"}, "currency", "A1") == "EUR"
    for data in ({}, {"currency": ""}, {"currency": None}):
        with pytest.raises(BadResponse) as info:
            required_text(data, "currency", "A1")
        assert info.value.field == "currency" and "is missing" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (13.49, Decimal("13.49")),
        ("12.50", Decimal("12.50")),
        (" 3 ", Decimal("3")),
        (7, Decimal("7")),
        (None, Decimal("0")),
    ],
)
def test_money_reads_numbers_and_numeric_text_exactly(value: Any, expected: Decimal) -> None:
    amount = money({"price": value}, "price", "A1")
    assert amount == expected and str(amount) == str(expected)


@pytest.mark.parametrize("value", ["lots", "NaN", float("inf"), True, [1]])
def test_money_refuses_what_is_not_an_amount(value: Any) -> None:
    with pytest.raises(BadResponse) as info:
        money({"price": value}, "price", "A1", "items[0].price")
    assert info.value.field == "items[0].price" and info.value.order_id == "A1"


def test_required_money_is_missing_not_zero() -> None:
    with pytest.raises(BadResponse) as info:
        money({}, "totalAmount", "A1", required=True)
    assert info.value.field == "totalAmount" and "is missing" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-20T14:30:00Z", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),
        ("2026-01-20T16:30:00+02:00", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),
        ("2026-01-20T14:30:00", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),  # no offset: UTC
    ],
)
def test_dates_become_aware_utc(value: str, expected: datetime) -> None:
    when = required_when({"createdAt": value}, "createdAt", "A1")
    assert when == expected and when.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "is missing"),
        ("  ", "is missing"),
        (1700000000, "is missing"),
        ("soon", "is not an ISO 8601 date and time"),
        ("9999-12-31T23:59:59-05:00", "is out of range"),
    ],
)
def test_unreadable_dates_name_the_field(value: Any, message: str) -> None:
    with pytest.raises(BadResponse) as info:
        required_when({"createdAt": value}, "createdAt", "A1")
    assert info.value.field == "createdAt" and message in str(info.value)


def test_iso_utc_names_the_field_it_is_given() -> None:
    with pytest.raises(BadResponse) as info:
        iso_utc("2026-02-30T00:00:00Z", "shipments[1].shipped_date", "A1")
    assert info.value.field == "shipments[1].shipped_date"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        ("12", 12),
        (None, None),
        (True, None),
        ("many", None),
        (float("inf"), None),
        ([3], None),
    ],
)
def test_paging_counts_are_read_or_ignored(value: Any, expected: int | None) -> None:
    assert optional_int(value) == expected


def test_a_list_total_of_infinity_is_no_total() -> None:
    # Python's JSON decoder reads the literal Infinity; the count only feeds progress.
    assert inventory_cloud.parse_list({"data": [], "total": float("inf")}) == ([], None)


def test_a_count_with_thousands_of_digits_is_unreadable_not_a_stall() -> None:
    payload = {
        "id": "N1",
        "status": "pending",
        "created_at": "2026-01-20T14:30:00Z",
        "line_items": [{"sku": "S", "quantity": "1e999999"}],
    }
    with pytest.raises(BadResponse) as info:
        nexus.parse_order(payload)
    assert info.value.field == "line_items[0].quantity" and info.value.order_id == "N1"


def test_order_from_validates_once_and_names_what_the_model_refuses() -> None:
    created = datetime(2026, 1, 20, 14, 30, tzinfo=UTC)
    fields: dict[str, Any] = {
        "id": "A1",
        "number": "1001",
        "dialect": "generic-rest",
        "status": "pending",
        "created_at": created,
        "updated_at": created,
        "lines": [{"id": "L1", "quantity": 1, "quantity_fulfilled": 0}],
        "timeline": [{"at": created, "kind": "order_created", "message": "Order created"}],
    }
    order = order_from(fields, "A1")
    assert order.lines[0].id == "L1" and order.timeline[0].at == created
    fields["lines"][0]["quantity_fulfilled"] = 2
    with pytest.raises(BadResponse) as info:
        order_from(fields, "A1")
    assert info.value.order_id == "A1" and info.value.field == "lines[0]"
    assert "exceeds quantity" in str(info.value)

"""The field readers every connector reads a store's answer with (``FieldReader``): tolerant of
what stores send (numbers as text, text as numbers, an empty string for no value), and every
refusal a BadResponse naming the order and the field's path the same way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from fulfillment_station.connectors import inventory_cloud, nexus
from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.connectors.parsing import FieldReader, order_from
from fulfillment_station.domain import OrderStatus

READ = FieldReader("A1")
STRICT_DATES = FieldReader("A1", naive_utc=False)


def refusal(read: Callable[[], object]) -> BadResponse:
    with pytest.raises(BadResponse) as info:
        read()
    return info.value


# -- one way of reporting --------------------------------------------------------------------


@pytest.mark.parametrize(
    "read",
    [
        lambda d: READ.text(d, "v", "items[3].v"),
        lambda d: READ.required_text(d, "v", "items[3].v"),
        lambda d: READ.ident(d, "v", "items[3].v"),
        lambda d: READ.money(d, "v", "items[3].v"),
        lambda d: READ.money_object(d, "v", "items[3].v"),
        lambda d: READ.number(d, "v", "items[3].v"),
        lambda d: READ.weight(d, "v", "items[3].v"),
        lambda d: READ.count(d, "v", "items[3].v"),
        lambda d: READ.when(d, "v", "items[3].v"),
        lambda d: READ.required_when(d, "v", "items[3].v"),
        lambda d: READ.obj(d, "v", "items[3].v"),
        lambda d: READ.values(d, "v", "items[3].v"),
        lambda d: READ.cursor(d, "v", "items[3].v"),
    ],
)
def test_every_reader_names_the_order_and_the_path_it_is_given(
    read: Callable[[dict[str, Any]], object],
) -> None:
    err = refusal(lambda: read({"v": True}))  # no reader takes a boolean
    assert err.field == "items[3].v" and err.order_id == "A1"
    assert "A1" in str(err)


def test_the_path_defaults_to_the_key() -> None:
    assert refusal(lambda: READ.count({"quantity": "two"}, "quantity")).field == "quantity"


# -- text and ids ----------------------------------------------------------------------------


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
    assert READ.text({"sku": value}, "sku") == expected
    assert READ.text({}, "sku") is None


@pytest.mark.parametrize("value", [True, ["a"], {"a": 1}])
def test_text_refuses_other_json(value: Any) -> None:
    err = refusal(lambda: READ.text({"sku": value}, "sku", "items[3].sku"))
    assert f"got {type(value).__name__}" in str(err)


def test_required_text_names_the_missing_field() -> None:
    assert READ.required_text({"currency": "EUR"}, "currency") == "EUR"
    for data in ({}, {"currency": ""}, {"currency": None}):
        err = refusal(lambda data=data: READ.required_text(data, "currency"))
        assert err.field == "currency" and "is missing" in str(err)


@pytest.mark.parametrize(("value", "expected"), [("ord_1", "ord_1"), (5001, "5001")])
def test_an_id_is_text_or_a_whole_number(value: Any, expected: str) -> None:
    assert READ.ident({"id": value}, "id") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "is missing"), ("", "is missing"), ("  ", "is missing"), (1.5, "is not an id")],
)
def test_no_id_or_a_fraction_is_refused(value: Any, message: str) -> None:
    err = refusal(lambda: FieldReader(None).ident({"id": value}, "id"))
    assert err.field == "id" and message in str(err) and err.order_id is None


# -- statuses and cursors --------------------------------------------------------------------

TABLE = {"pending": OrderStatus.PENDING, "FULFILLED": OrderStatus.SHIPPED}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("pending", OrderStatus.PENDING),
        (" Pending ", OrderStatus.PENDING),
        ("fulfilled", OrderStatus.SHIPPED),
        ("on_hold", OrderStatus.UNKNOWN),
    ],
)
def test_a_status_goes_through_the_dialects_table_whatever_its_case(
    word: str, expected: OrderStatus
) -> None:
    assert READ.status({"status": word}, "status", TABLE) == (expected, word)


def test_a_status_is_a_word_and_required_unless_said_otherwise() -> None:
    err = refusal(lambda: READ.status({"status": 3}, "status", TABLE))
    assert err.field == "status" and "got int" in str(err)
    assert "is missing" in str(refusal(lambda: READ.status({}, "status", TABLE)))
    assert READ.status({}, "status", TABLE, required=False) == (OrderStatus.UNKNOWN, None)


def test_a_cursor_is_text_or_nothing() -> None:
    assert READ.cursor({"next": "abc"}, "next") == "abc"
    assert READ.cursor({"next": ""}, "next") is None and READ.cursor({}, "next") is None
    assert refusal(lambda: READ.cursor({"next": 7}, "next", "meta.next")).field == "meta.next"


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (13.49, Decimal("13.49")),
        ("12.50", Decimal("12.50")),
        (" 3 ", Decimal("3")),
        (7, Decimal("7")),
        (-2, Decimal("-2")),  # a refund or a discount
        (None, Decimal("0")),
    ],
)
def test_money_reads_numbers_and_numeric_text_exactly(value: Any, expected: Decimal) -> None:
    amount = READ.money({"price": value}, "price")
    assert amount == expected and str(amount) == str(expected)


@pytest.mark.parametrize(
    "value", ["lots", "NaN", "-Infinity", float("inf"), "1e999999", "1000000000000", [1]]
)
def test_money_refuses_what_is_not_an_amount(value: Any) -> None:
    assert refusal(lambda: READ.money({"price": value}, "price")).field == "price"


def test_required_money_is_missing_not_zero() -> None:
    err = refusal(lambda: READ.money({}, "totalAmount", required=True))
    assert err.field == "totalAmount" and "is missing" in str(err)


def test_a_money_object_gives_its_amount_and_currency() -> None:
    data = {"total": {"value": "10.80", "currency": "BRL"}, "bare": 3, "odd": {"value": 1}}
    assert READ.money_object(data, "total") == (Decimal("10.80"), "BRL")
    assert READ.money_object(data, "bare") == (Decimal(3), None)
    assert READ.money_object(data, "odd") == (Decimal(1), None)
    assert READ.money_object(data, "absent") == (Decimal(0), None)
    err = refusal(lambda: READ.money_object({"total": {"value": "lots"}}, "total"))
    assert err.field == "total"  # the object is the field, as the store's document names it


def test_a_number_may_be_unknown_a_weight_cannot_be_negative() -> None:
    assert READ.number({}, "weight") is None and READ.weight({}, "weight") is None
    assert READ.number({"weight": "-1"}, "weight") == Decimal(-1)
    assert READ.weight({"weight": "0.25"}, "weight") == Decimal("0.25")
    err = refusal(lambda: READ.weight({"weight": -0.5}, "weight", "items[0].weight"))
    assert err.field == "items[0].weight" and "cannot be negative" in str(err)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2, 2),
        ("3", 3),
        (" 4 ", 4),
        (2.0, 2),
        ("5.0", 5),
        (0, 0),
        (5_000_000, 5_000_000),
        (None, None),
    ],
)
def test_a_count_reads_whole_numbers(value: Any, expected: int | None) -> None:
    # How many units are too many is the order model's call (it names lines[n].quantity).
    assert READ.count({"quantity": value}, "quantity") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("two", "is not a whole number"),
        (2.5, "is not a whole number"),
        (True, "is not a whole number"),
        ("1e999999", "is not a whole number"),  # unreadable, not a minute-long int()
        (-1, "cannot be negative"),
        ("-3", "cannot be negative"),
    ],
)
def test_a_count_refuses_what_is_not_a_whole_number_of_things(value: Any, message: str) -> None:
    err = refusal(lambda: READ.count({"quantity": value}, "quantity", "items[1].quantity"))
    assert err.field == "items[1].quantity" and message in str(err)


def test_a_required_count_is_missing_not_zero() -> None:
    err = refusal(lambda: READ.count({}, "quantity", "items[0].quantity", required=True))
    assert err.field == "items[0].quantity" and "is missing" in str(err)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12, 12), ("12", 12), (None, None), (True, None), ("many", None), (float("inf"), None)],
)
def test_paging_counts_are_read_or_ignored(value: Any, expected: int | None) -> None:
    assert FieldReader.paging_count({"total": value}, "total") == expected


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
    err = refusal(lambda: nexus.parse_order(payload))
    assert err.field == "line_items[0].quantity" and err.order_id == "N1"


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-20T14:30:00Z", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),
        ("2026-01-20T16:30:00+02:00", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),
        ("2026-01-20T14:30:00", datetime(2026, 1, 20, 14, 30, tzinfo=UTC)),  # no offset: UTC
    ],
)
def test_dates_become_aware_utc(value: str, expected: datetime) -> None:
    when = READ.required_when({"createdAt": value}, "createdAt")
    assert when == expected and when.tzinfo is UTC


def test_a_dialect_that_promises_an_offset_refuses_a_date_without_one() -> None:
    err = refusal(lambda: STRICT_DATES.when({"createdOn": "2026-01-20T14:30:00"}, "createdOn"))
    assert err.field == "createdOn" and "has no UTC offset" in str(err)
    at = STRICT_DATES.when({"createdOn": "2026-01-20T14:30:00Z"}, "createdOn")
    assert at == datetime(2026, 1, 20, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_blank_date_is_no_date(value: Any) -> None:
    assert READ.when({"updatedAt": value}, "updatedAt") is None
    assert STRICT_DATES.when({"updatedAt": value}, "updatedAt") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "is missing"),
        ("  ", "is missing"),
        (1700000000, "is not a date and time"),
        ("soon", "is not an ISO 8601 date and time"),
        ("2026-02-30T00:00:00Z", "is not an ISO 8601 date and time"),
        ("9999-12-31T23:59:59-05:00", "is out of range"),
    ],
)
def test_unreadable_dates_name_the_field(value: Any, message: str) -> None:
    for reader in (READ, STRICT_DATES):
        err = refusal(lambda r=reader: r.required_when({"c": value}, "c", "shipments[1].c"))
        assert err.field == "shipments[1].c" and message in str(err)


# -- nested objects and lists ----------------------------------------------------------------


def test_nested_objects_and_lists_are_empty_when_absent_and_refused_when_not_one() -> None:
    assert READ.obj({}, "customer") == {} and READ.values({"x": None}, "x") == []
    assert READ.objects({"items": [{"a": 1}]}, "items") == [{"a": 1}]
    assert "is not an object" in str(refusal(lambda: READ.obj({"customer": "Ann"}, "customer")))
    assert "is not a list" in str(refusal(lambda: READ.values({"items": {}}, "items")))
    err = refusal(lambda: READ.objects({"items": [{}, "two"]}, "items", "data.items"))
    assert err.field == "data.items[1]" and "is not an object" in str(err)


def test_an_address_is_read_in_the_canonical_terms_through_the_dialects_keys() -> None:
    keys = {"name": "full_name", "line1": "street", "line2": "street2", "country": "cc"}
    data = {"ship": {"street": "Main St 1", "street2": "", "cc": "US", "zip": 1}}
    assert READ.address(data, "ship", keys) == {
        "name": "",  # what a carrier needs is text, never None
        "line1": "Main St 1",
        "line2": None,
        "country": "US",
    }
    assert READ.address({"ship": None}, "ship", keys) is None
    err = refusal(lambda: READ.address({"ship": {"cc": ["US"]}}, "ship", keys))
    assert err.field == "ship.cc" and err.order_id == "A1"
    assert refusal(lambda: READ.address({"ship": "Main St"}, "ship", keys)).field == "ship"


# -- the order as a whole --------------------------------------------------------------------


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
    err = refusal(lambda: order_from(fields, "A1"))
    assert err.order_id == "A1" and err.field == "lines[0]"
    assert "exceeds quantity" in str(err)

"""Generated training data: deterministic, valid against the canonical model, realistic."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fulfillment_station.domain import FulfillmentStatus, OrderStatus, parse_order
from fulfillment_station.sandbox.data import (
    PROFILES,
    generate_records,
    generate_records_parallel,
    gs1_check_digit,
)
from fulfillment_station.sandbox.db import SandboxDB

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("dialect", sorted(PROFILES))
def test_orders_are_valid_and_money_adds_up(dialect: str) -> None:
    orders = [parse_order(r.order) for r in generate_records(dialect, 400, seed=3, now=NOW)]
    assert len({o.id for o in orders}) == 400
    assert len({o.number for o in orders}) == 400
    allowed = {s for s, _ in PROFILES[dialect].statuses}
    for o in orders:
        assert o.status.value in allowed
        assert o.subtotal == sum(line.unit_price * line.quantity for line in o.lines)
        assert o.total == o.subtotal + o.tax + o.shipping
        assert 1 <= len(o.lines) <= 12
        assert o.created_at <= o.updated_at <= NOW
        if o.status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED):
            assert o.fulfillment_status is FulfillmentStatus.FULFILLED and o.shipments
        if o.status is OrderStatus.CANCELLED:
            assert not o.shipments


def test_data_is_deterministic_and_parallel_equals_serial() -> None:
    a = [r.order for r in generate_records("price2b", 21000, seed=5, now=NOW)]
    b = [r.order for r in generate_records_parallel("price2b", 21000, seed=5, now=NOW)]
    assert a == b
    c = [r.order for r in generate_records("price2b", 50, seed=6, now=NOW)]
    assert c != a[:50]


def test_data_is_realistic() -> None:
    orders = [parse_order(r.order) for r in generate_records("nexus", 2000, seed=1, now=NOW)]
    names = " ".join(o.customer.name for o in orders)
    assert any("\u0400" <= ch <= "\u04ff" for ch in names)  # Cyrillic
    assert any("\u0370" <= ch <= "\u03ff" for ch in names)  # Greek
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names)  # CJK
    assert any(ch in "éüçãöß" for ch in names)
    assert len({o.ship_to.country for o in orders if o.ship_to}) >= 8
    statuses = {o.fulfillment_status for o in orders}
    assert FulfillmentStatus.PARTIAL in statuses
    assert any(o.status is OrderStatus.CANCELLED for o in orders)
    assert any(o.notes for o in orders) and any(o.gift_message for o in orders)
    for o in orders[:200]:
        for line in o.lines:
            assert line.barcode and len(line.barcode) in (12, 13)
            assert gs1_check_digit(line.barcode[:-1]) == line.barcode[-1]
    assert any(o.created_at.date() == NOW.date() for o in orders)


def test_seeding_is_marked_complete_and_survives_reopen(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.sqlite"
    db = SandboxDB(path)
    assert not db.is_seeded()
    assert db.seed(generate_records("generic-rest", 120, seed=2, now=NOW)) == 120
    db.close()
    again = SandboxDB(path)
    assert again.is_seeded() and again.count_all() == 120
    first = again.query(limit=1)[0]
    assert first.order.dialect == "generic-rest"
    assert again.get(first.order.id) is not None
    again.close()

"""The order cache: round trips, idempotent upserts, scans, full-walk diffs and the rule that
a failed sync never loses cached orders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.domain.models import Order
from fulfillment_station.domain.search_text import normalize_text
from fulfillment_station.domain.summaries import OrderRef, Problem
from fulfillment_station.store.cache import COMPONENT, MIGRATIONS, CodeMatch, OrderCache
from fulfillment_station.store.db import StoreError, connect, schema_version
from tests.helpers.factories import build_order, make_orders

SHIPMENT = {
    "id": "S1",
    "carrier": "UPS",
    "tracking_number": "1Z999AA10123456784",
    "shipped_at": "2026-11-02T09:00:00Z",
    "lines": [{"line_id": "L1", "quantity": 1}],
}


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[OrderCache]:
    with OrderCache(tmp_path / "cache.sqlite3") as c:
        yield c


def test_round_trip_gives_back_an_equal_order(cache: OrderCache) -> None:
    orders = make_orders(40, seed=3)
    cache.upsert_many(orders)
    for order in orders:
        assert cache.get(order.id) == order
    assert cache.get(orders[0].id, connection="nexus") == orders[0]
    assert orders[0].raw and cache.get(orders[0].id).raw == orders[0].raw  # raw is kept
    assert cache.get("no-such-order") is None


def test_upsert_is_idempotent_and_reports_new_and_changed(cache: OrderCache) -> None:
    orders = make_orders(10)
    first = cache.upsert_many(orders)
    assert first.new == [o.id for o in orders] and first.changed == []

    again = cache.upsert_many(orders)
    assert (again.new, again.changed, again.unchanged) == ([], [], 10)
    assert len(cache) == 10

    edited = orders[4].model_copy(update={"notes": "Leave at the back door"})
    result = cache.upsert_many([orders[3], edited])
    assert (result.new, result.changed, result.unchanged) == ([], [orders[4].id], 1)
    assert cache.get(orders[4].id) == edited


def test_summary_columns_follow_the_order(cache: OrderCache) -> None:
    order = build_order(
        "A7",
        number="#1007",
        status="processing",
        fulfillment_status="partial",
        total="129.90",
        currency="EUR",
        channel="marketplace",
        marketplace="eBay",
        customer={"name": "Zoë Müller", "email": "zoe@example.de"},
        lines=[
            {
                "id": "L1",
                "sku": "MUG-1",
                "quantity": 2,
                "quantity_fulfilled": 1,
                "barcode": "4006381333931",
            },
            {"id": "L2", "sku": "TEE-2", "quantity": 3},
        ],
        shipments=[SHIPMENT],
    )
    cache.upsert_many([order], connection="shop-eu")
    (row,) = cache.load_summaries()
    assert (row.connection, row.order_id, row.number) == ("shop-eu", "A7", "#1007")
    assert (row.status, row.fulfillment, row.item_count) == ("processing", "partial", 5)
    assert (row.total, row.currency, row.country) == ("129.90", "EUR", "DE")
    assert (row.channel, row.marketplace, row.customer) == ("marketplace", "eBay", "Zoë Müller")
    assert row.created_at == order.created_at.timestamp()
    assert row.shipped_at == order.shipments[0].shipped_at.timestamp()
    for word in ("#1007", "zoe muller", "zoe@example.de", "1z999aa10123456784"):
        assert normalize_text(word) in row.search_text
    assert (row.search_skus, row.search_barcodes) == ("mug-1\ntee-2", "4006381333931")


def test_same_order_id_on_two_connections_are_two_orders(cache: OrderCache) -> None:
    cache.upsert_many([build_order("X1", total="1.00")], connection="shop-a")
    cache.upsert_many([build_order("X1", total="2.00")], connection="shop-b")
    assert len(cache) == 2
    assert cache.get("X1", connection="shop-b").total == 2
    assert [r.total for r in cache.load_summaries("shop-a")] == ["1.00"]


def test_migrations_from_empty_file_and_reopen_keep_the_orders(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    orders = make_orders(5)
    with OrderCache(path) as cache:
        cache.upsert_many(orders)
    with OrderCache(path) as cache:
        assert [cache.get(o.id) for o in orders] == orders
    conn = connect(path)
    assert schema_version(conn, COMPONENT) == len(MIGRATIONS)
    conn.close()


def test_find_by_number_tracking_sku_and_barcode_as_scanned(cache: OrderCache) -> None:
    shipped = build_order(
        "B1",
        number="#2001",
        shipments=[SHIPMENT],
        lines=[{"id": "L1", "sku": "MUG-1", "quantity": 1, "barcode": "4006381333931"}],
    )
    other = build_order("B2", number="#2002", lines=[{"id": "L1", "sku": "mug-1", "quantity": 1}])
    cache.upsert_many([shipped, other])

    assert cache.find("2001") == [CodeMatch("nexus", "B1", "number")]
    assert cache.find("#2001") == [CodeMatch("nexus", "B1", "number")]
    assert cache.find(" 1z999aa1 0123456784 ") == [CodeMatch("nexus", "B1", "tracking")]
    assert cache.find("4006381333931") == [CodeMatch("nexus", "B1", "barcode")]
    assert cache.find("MUG-1") == [CodeMatch("nexus", "B1", "sku"), CodeMatch("nexus", "B2", "sku")]
    assert cache.find("1Z999AA1012345678") == []  # exact only: one digit short
    assert cache.find("   ") == []


def test_find_forgets_codes_the_order_no_longer_has(cache: OrderCache) -> None:
    order = build_order("C1", shipments=[SHIPMENT])
    cache.upsert_many([order])
    relabelled = order.model_copy(
        update={"shipments": [order.shipments[0].model_copy(update={"tracking_number": "JD0146"})]}
    )
    cache.upsert_many([relabelled])
    assert cache.find("1Z999AA10123456784") == []
    assert cache.find("jd0146") == [CodeMatch("nexus", "C1", "tracking")]


def test_search_matches_every_word_accent_and_case_blind(cache: OrderCache) -> None:
    cache.upsert_many(
        [
            build_order("D1", customer={"name": "Jürgen Groß", "email": "jg@example.de"}),
            build_order("D2", customer={"name": "Jurgen Smith", "email": "js@example.com"}),
            build_order("D3", customer={"name": "Łukasz Żółkiewski", "email": "lz@example.pl"}),
        ]
    )
    assert {r.order_id for r in cache.search("jurgen")} == {"D1", "D2"}
    assert cache.search("JÜRGEN gross") == [OrderRef("nexus", "D1")]
    assert cache.search("lukasz zolk") == [OrderRef("nexus", "D3")]
    assert cache.search("js@example") == [OrderRef("nexus", "D2")]
    cache.upsert_many(
        [
            build_order(
                "D4", lines=[{"id": "L1", "sku": "S", "quantity": 1, "barcode": "4006381333931"}]
            )
        ]
    )
    assert cache.search("381333") == [OrderRef("nexus", "D4")]  # digits search barcodes too
    assert cache.search("100%_") == []
    assert cache.search("") == []


def test_delete_missing_drops_only_unseen_orders_of_that_connection(cache: OrderCache) -> None:
    orders = make_orders(6)
    cache.upsert_many(orders, connection="shop-a")
    cache.upsert_many(orders[:2], connection="shop-b")
    seen = [o.id for o in orders[:4]]
    assert cache.delete_missing("shop-a", seen) == sorted(o.id for o in orders[4:])
    assert {r.order_id for r in cache.load_summaries("shop-a")} == set(seen)
    assert len(cache.load_summaries("shop-b")) == 2
    assert cache.find(orders[5].number) == []  # its scan codes went with it


def test_an_empty_walk_never_wipes_the_cache(cache: OrderCache) -> None:
    cache.upsert_many(make_orders(3), connection="shop")
    with pytest.raises(StoreError, match="cache was kept"):
        cache.delete_missing("shop", [])
    assert len(cache) == 3
    assert len(cache.delete_missing("shop", [], allow_empty=True)) == 3


def test_a_sync_batch_that_fails_writes_nothing(cache: OrderCache) -> None:
    cache.upsert_many(make_orders(3), connection="shop", cursor="2026-11-01T00:00:00Z")

    def failing_page() -> Iterator[Order]:
        yield from make_orders(2, start=100)
        raise ConnectionError("network dropped mid-page")

    with pytest.raises(ConnectionError):
        cache.upsert_many(failing_page(), connection="shop", cursor="2026-11-20T00:00:00Z")
    assert len(cache) == 3
    assert cache.get_sync_cursor("shop") == "2026-11-01T00:00:00Z"


def test_a_write_that_fails_inside_the_transaction_rolls_back(cache: OrderCache) -> None:
    cache.upsert_many([build_order("G0")], connection="shop")
    good = build_order("G1", channel="a-channel-not-seen-before")
    broken = build_order("G2").model_copy(update={"total": "not money"})  # cannot serialise
    with pytest.raises(ValueError, match="format"):
        cache.upsert_many([good, broken], connection="shop")
    assert [r.order_id for r in cache.load_summaries()] == ["G0"]
    assert cache.upsert_many([good], connection="shop").new == ["G1"]
    assert cache.load_summaries()[-1].channel == "a-channel-not-seen-before"


def test_sync_cursor_per_connection(cache: OrderCache) -> None:
    assert cache.get_sync_cursor("shop-a") is None
    cache.set_sync_cursor("shop-a", "2026-11-20T10:00:00Z")
    cache.upsert_many([build_order()], connection="shop-b", cursor="2026-11-21T00:00:00Z")
    assert cache.get_sync_cursor("shop-a") == "2026-11-20T10:00:00Z"
    assert cache.get_sync_cursor("shop-b") == "2026-11-21T00:00:00Z"
    with pytest.raises(ValueError, match="connection"):
        cache.upsert_many([build_order()], cursor="2026-11-21T00:00:00Z")


def test_summaries_for_returns_the_touched_orders(cache: OrderCache) -> None:
    orders = make_orders(1200)
    result = cache.upsert_many(orders, connection="shop")
    rows = cache.summaries_for("shop", result.touched[::2])
    assert [r.order_id for r in rows] == result.touched[::2]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, Problem(0)),
        ({"status": "unknown", "api_status": "on-hold"}, Problem.UNKNOWN_STATUS),
        ({"ship_to": None}, Problem.ADDRESS_INCOMPLETE),
        (
            {"ship_to": {"name": "A", "line1": "", "city": "Oslo", "country": "NO"}},
            Problem.ADDRESS_INCOMPLETE,
        ),
        ({"ship_to": None, "fulfillment_method": "Store pickup"}, Problem(0)),
        ({"ship_to": None, "status": "shipped", "fulfillment_status": "fulfilled"}, Problem(0)),
        (
            {"status": "cancelled", "fulfillment_status": "partial"},
            Problem.CANCELLED_AFTER_SHIPPING,
        ),
        ({"status": "cancelled"}, Problem(0)),
    ],
)
def test_problem_flags(cache: OrderCache, fields: dict[str, object], expected: Problem) -> None:
    cache.upsert_many([build_order("P1", **fields)])
    assert Problem(cache.load_summaries()[0].problems) == expected


def test_facet_counts_group_the_cache(cache: OrderCache) -> None:
    cache.upsert_many(
        [
            build_order("F1"),
            build_order("F2"),
            build_order("F3", status="unknown"),
            build_order(
                "F4", status="shipped", fulfillment_status="fulfilled", shipments=[SHIPMENT]
            ),
        ]
    )
    shipped_day = build_order("x", shipments=[SHIPMENT]).shipments[0].shipped_at.timestamp()
    counts = cache.facet_counts(today_start=shipped_day - 3600)
    assert counts[("pending", "unfulfilled", False, False, False)] == 2
    assert counts[("unknown", "unfulfilled", True, False, False)] == 1
    assert counts[("shipped", "fulfilled", False, True, False)] == 1
    assert (
        cache.facet_counts(today_start=shipped_day + 3600)[
            ("shipped", "fulfilled", False, False, False)
        ]
        == 1
    )

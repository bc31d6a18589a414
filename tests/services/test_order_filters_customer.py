"""The customer and returns criteria of the filter engine, on rows as the cache makes them."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.domain.summaries import OrderSummary
from fulfillment_station.services.order_filters import FilterState, filter_structured
from fulfillment_station.store.cache import OrderCache
from tests.helpers.factories import build_order


def cached_rows(tmp_path: Path) -> list[OrderSummary]:
    orders = [
        build_order("A1", number="1001", customer={"name": "Jürgen Müller"}, has_returns=True),
        build_order(
            "A2",
            number="1002",
            customer={"name": "Ana", "email": "ana@muller.example"},
            has_returns=False,
        ),
        build_order("A3", number="7777", customer={"name": "Bea Stone"}),
    ]
    with OrderCache(tmp_path / "cache.sqlite3") as cache:
        cache.upsert_many(orders, connection="shop")
        return cache.load_summaries("shop")


def ids(rows: list[OrderSummary], state: FilterState) -> list[str]:
    return [rows[i].order_id for i in filter_structured(rows, range(len(rows)), state, 0.0)]


def test_customer_matches_name_or_email_without_case_or_accents(tmp_path: Path) -> None:
    rows = cached_rows(tmp_path)
    assert ids(rows, FilterState(customer="MULLER")) == ["A1", "A2"]
    assert ids(rows, FilterState(customer="stone")) == ["A3"]
    assert ids(rows, FilterState(customer="7777")) == []  # an order number is not a customer


def test_returns_keeps_only_what_the_store_said(tmp_path: Path) -> None:
    rows = cached_rows(tmp_path)
    assert ids(rows, FilterState(has_returns=True)) == ["A1"]
    assert ids(rows, FilterState(has_returns=False)) == ["A2"]  # A3: the store was silent


def test_orders_cached_before_the_returns_column_get_it_from_their_body(tmp_path: Path) -> None:
    """A cache file from before schema v3: the migration fills has_returns from the orders
    it holds, so the filter works without waiting for each order to change."""
    import sqlite3

    path = tmp_path / "cache.sqlite3"
    with OrderCache(path) as cache:
        cache.upsert_many(
            [
                build_order("A1", has_returns=True),
                build_order("A2", has_returns=False),
                build_order("A3"),
            ],
            connection="shop",
        )
    conn = sqlite3.connect(path)
    with conn:  # back to the v2 file an older app wrote
        conn.execute("ALTER TABLE orders DROP COLUMN has_returns")
        conn.execute("DROP TABLE IF EXISTS detail_reads")  # schema v4's, newer than v2
        conn.execute("UPDATE schema_version SET version = 2 WHERE component = 'order_cache'")
    conn.close()
    with OrderCache(path) as cache:
        returns = {row.order_id: row.has_returns for row in cache.load_summaries("shop")}
    assert returns == {"A1": 1, "A2": 0, "A3": None}

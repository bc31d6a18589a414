"""The duplicate-tracking check over a real data folder: cache, outbox, audit log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fulfillment_station.services.tracking_reuse import OVERRIDE_KIND, TrackingGuard
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect
from tests.helpers.desk_tracking import UPS, cache_with_shipped_order, outbox_with_queued_ship


def test_a_number_the_store_reported_on_another_order_is_found_with_both_numbers(
    tmp_path: Path,
) -> None:
    cache_with_shipped_order(tmp_path)
    guard = TrackingGuard(tmp_path, connection="shop")
    # As a scanner may read it: spaces and lower case do not hide it.
    reuse = guard.check("1z 999aa1 0123456784", order_id="C3", order_number="#C3")
    assert reuse is not None
    assert (reuse.other_number, reuse.order_number, reuse.source) == ("#A1", "#C3", "cache")
    assert "#A1" in reuse.message() and "#C3" in reuse.message()


def test_the_same_order_again_is_not_a_duplicate(tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)
    outbox_with_queued_ship(tmp_path, order_id="A1")
    guard = TrackingGuard(tmp_path, connection="shop")
    assert guard.check(UPS, order_id="A1", order_number="#A1") is None
    # Another store's order with the same id is another order.
    other_store = TrackingGuard(tmp_path, connection="other")
    assert other_store.check(UPS, order_id="A1", order_number="#A1") is not None


def test_a_shipment_still_in_the_outbox_is_found(tmp_path: Path) -> None:
    outbox_with_queued_ship(tmp_path)
    reuse = TrackingGuard(tmp_path, connection="shop").check(UPS, order_id="C3", order_number="#C3")
    assert reuse is not None and reuse.other_number == "#B2"


def test_a_shipment_only_in_the_audit_log_is_found(tmp_path: Path) -> None:
    conn = connect(tmp_path / "outbox-shop.sqlite3")
    try:
        AuditLog(conn, station="Desk 1").record(
            order_id="D4",
            order_number="#D4",
            kind="ship",
            outcome="done",
            summary=f"Ship: 1 unit via UPS {UPS}",
            connection_id="shop",
        )
    finally:
        conn.close()
    reuse = TrackingGuard(tmp_path, connection="shop").check(UPS, order_id="C3", order_number="#C3")
    assert reuse is not None and (reuse.other_number, reuse.source) == ("#D4", "audit")


def test_an_unused_number_and_an_empty_folder_pass(tmp_path: Path) -> None:
    assert (
        TrackingGuard(tmp_path / "none", connection="shop").check(
            UPS, order_id="C3", order_number="#C3"
        )
        is None
    )
    cache_with_shipped_order(tmp_path)
    assert (
        TrackingGuard(tmp_path, connection="shop").check(
            "1Z999AA10123456700", order_id="C3", order_number="#C3"
        )
        is None
    )


def test_a_damaged_file_is_skipped_and_the_others_still_checked(tmp_path: Path) -> None:
    (tmp_path / "cache-broken.sqlite3").write_bytes(b"not a database at all" * 100)
    outbox_with_queued_ship(tmp_path)
    reuse = TrackingGuard(tmp_path, connection="shop").check(UPS, order_id="C3", order_number="#C3")
    assert reuse is not None and reuse.other_number == "#B2"


def test_an_override_is_written_to_the_audit_log(tmp_path: Path) -> None:
    cache_with_shipped_order(tmp_path)
    guard = TrackingGuard(tmp_path, connection="shop", station="Desk 1", packer="Ana")
    reuse = guard.check(UPS, order_id="C3", order_number="#C3")
    assert reuse is not None
    guard.record_override(reuse)
    conn = sqlite3.connect(tmp_path / "outbox-shop.sqlite3")
    try:
        rows = conn.execute("SELECT kind, order_number, packer, summary FROM audit_log").fetchall()
    finally:
        conn.close()
    assert rows == [
        (
            OVERRIDE_KIND,
            "#C3",
            "Ana",
            f"Shipped with tracking number {UPS}, already used on order #A1",
        )
    ]

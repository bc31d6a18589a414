"""The shift report's override count takes every kind of override a desk writes (weight beyond
tolerance, a tracking number used before, shipping a held order) as well as supervisor
releases; a wrong-item scan is counted on its own. Real PostgreSQL, audit rows as the desks'
copies write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg

from fulfillment_station.station import reports, schema


def test_every_override_kind_counts_and_other_rows_do_not(station_url: str) -> None:
    now = datetime.now(UTC)
    rows = [
        ("Ana", "wrong_scan", ""),
        ("Ana", "weight_override", "overridden"),
        ("Ana", "tracking_override", "override"),
        ("Ana", "hold_override", "override"),
        ("Ana", "ship", "done"),  # not an override
        ("Ana", "claim", "claimed"),
        ("Sam", "supervisor_release", "released"),
        ("Ben", "wrong_scan", ""),
        ("Ben", "wrong_scan", ""),
    ]
    with psycopg.connect(station_url) as conn:
        schema.migrate(conn)
        with conn.transaction():
            for n, (packer, kind, outcome) in enumerate(rows):
                conn.execute(
                    "INSERT INTO audit (event_id, desk, packer, at, kind, outcome) "
                    "VALUES (%s, 'Desk 1', %s, %s, %s, %s)",
                    (f"e{n}", packer, now, kind, outcome),
                )
        found = reports.scans(conn, now - timedelta(hours=1), now + timedelta(hours=1))
    assert [(r.who, r.wrong_scans, r.overrides) for r in found] == [
        ("Ana", 1, 3),
        ("Ben", 2, 0),
        ("Sam", 0, 1),
    ]

"""The shift's numbers, read from the station database's shared audit log (every desk's
outbox outcomes and desk events): orders, items and boxes per packer and per desk per hour,
pack time per order, wrong-item scans and overrides, and the end-of-day shipments per carrier
(the manifest a driver signs; its PDF is ``printing/manifest.py``). No Qt; the CLI
(``fulfillment-station station-db report ...``) and a window view read the same functions.

A shipment counts once it is ``done`` (the store's answer proved it). Pack time is from the
desk's claim of the order to that answer (the last claim before it, so an order a packer
closed and another finished counts the finisher's time).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from fulfillment_station.connectors.base import SHIPPING_WRITES

if TYPE_CHECKING:
    import psycopg  # only when a station database is set: loaded on first use


_SHIPPED = (
    "kind IN ("
    + ", ".join(f"'{op.value}'" for op in sorted(SHIPPING_WRITES))
    + ") AND outcome = 'done'"
)


@dataclass(frozen=True)
class HourRow:
    hour: datetime
    who: str
    """The packer or the desk, as asked."""
    orders: int
    items: int
    boxes: int


@dataclass(frozen=True)
class PackTimeRow:
    order_id: str
    order_number: str
    desk: str
    packer: str
    seconds: float


@dataclass(frozen=True)
class ScanRow:
    who: str
    wrong_scans: int
    overrides: int


@dataclass(frozen=True)
class ManifestRow:
    carrier: str
    tracking: str
    order_number: str
    items: int
    boxes: int
    desk: str
    packer: str
    at: datetime


def per_hour(
    conn: psycopg.Connection, since: datetime, until: datetime, *, by: str = "packer"
) -> list[HourRow]:
    """Orders, items and boxes shipped per hour and per packer (``by="packer"``) or desk."""
    if by not in ("packer", "desk"):
        raise ValueError("by is packer or desk")
    rows = conn.execute(
        f"SELECT date_trunc('hour', at), {by}, count(DISTINCT order_id), sum(items), "
        f"sum(boxes) FROM audit WHERE {_SHIPPED} AND at >= %s AND at < %s "
        f"GROUP BY 1, 2 ORDER BY 1, 2",
        (since, until),
    ).fetchall()
    return [
        HourRow(hour, who, int(n), int(items or 0), int(boxes or 0))
        for hour, who, n, items, boxes in rows
    ]


def pack_times(conn: psycopg.Connection, since: datetime, until: datetime) -> list[PackTimeRow]:
    rows = conn.execute(
        f"""SELECT s.order_id, s.order_number, s.desk, s.packer,
                   extract(epoch FROM s.at - c.at)
            FROM (SELECT DISTINCT ON (connection_id, order_id) * FROM audit
                  WHERE {_SHIPPED} AND at >= %s AND at < %s
                  ORDER BY connection_id, order_id, at) s
            JOIN LATERAL (SELECT at FROM audit k WHERE k.kind = 'claim'
                          AND k.connection_id = s.connection_id AND k.order_id = s.order_id
                          AND k.at <= s.at ORDER BY k.at DESC LIMIT 1) c ON true
            ORDER BY s.at""",
        (since, until),
    ).fetchall()
    return [
        PackTimeRow(order_id, number, desk, packer, float(seconds))
        for order_id, number, desk, packer, seconds in rows
    ]


#: Audit kinds that are a packer (or supervisor) going past a stop: the desks' own audit rows
#: (weight beyond tolerance: ``services.weighing``; a tracking number used before:
#: ``services.tracking_reuse``; shipping a held order: ``services.outbox_service``) reach
#: the station's log through ``StationCoordinator.sync_local_audit``.
OVERRIDE_KINDS = (
    "override",
    "supervisor_release",
    "weight_override",
    "tracking_override",
    "hold_override",
)


def scans(
    conn: psycopg.Connection, since: datetime, until: datetime, *, by: str = "packer"
) -> list[ScanRow]:
    """Wrong-item scans and overrides (shipping unscanned, supervisor releases) per packer or
    desk."""
    if by not in ("packer", "desk"):
        raise ValueError("by is packer or desk")
    rows = conn.execute(
        f"SELECT {by}, count(*) FILTER (WHERE kind = 'wrong_scan'), "
        f"count(*) FILTER (WHERE kind = ANY(%(overrides)s)) FROM audit "
        f"WHERE (kind = 'wrong_scan' OR kind = ANY(%(overrides)s)) AND at >= %(since)s "
        f"AND at < %(until)s GROUP BY 1 ORDER BY 1",
        {"overrides": list(OVERRIDE_KINDS), "since": since, "until": until},
    ).fetchall()
    return [ScanRow(who, int(wrong), int(overrides)) for who, wrong, overrides in rows]


def manifest(
    conn: psycopg.Connection, since: datetime, until: datetime, carrier: str | None = None
) -> list[ManifestRow]:
    """Every shipment the store confirmed in the period, by carrier then time."""
    sql = (
        f"SELECT carrier, tracking, order_number, items, boxes, desk, packer, at FROM audit "
        f"WHERE {_SHIPPED} AND at >= %s AND at < %s"
    )
    params: list[Any] = [since, until]
    if carrier:
        sql += " AND carrier = %s"
        params.append(carrier)
    rows = conn.execute(sql + " ORDER BY carrier, at", params).fetchall()
    return [ManifestRow(*row) for row in rows]


# Spreadsheets run a cell that starts with one of these as a formula; API text must not.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(rows: Sequence[Any], handle: TextIO, row_type: type[Any]) -> int:
    """One header line (the row type's fields) and one line per row; returns the row count."""
    writer = csv.writer(handle)
    writer.writerow([f.name for f in fields(row_type)])
    for row in rows:
        writer.writerow([_cell(v) for v in astuple(row)])
    return len(rows)


@dataclass(frozen=True)
class ShiftNumbers:
    """Everything the shift view shows, read in one go (on a worker thread)."""

    day: str
    hourly: list[HourRow]
    pack_times: list[PackTimeRow]
    scans: list[ScanRow]
    manifest: list[ManifestRow]


def day_bounds(day: date | None) -> tuple[datetime, datetime]:
    """Local midnight to the next local midnight, as aware datetimes."""
    day = day or date.today()
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    return start, end


def load_shift(
    conn: psycopg.Connection, since: datetime, until: datetime, *, day: str, by: str = "packer"
) -> ShiftNumbers:
    return ShiftNumbers(
        day,
        per_hour(conn, since, until, by=by),
        pack_times(conn, since, until),
        scans(conn, since, until, by=by),
        manifest(conn, since, until),
    )

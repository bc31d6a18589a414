"""The audit log: every action and its outcome, who did it, where and when.

Rows are only ever appended. The outbox writes its rows through :meth:`AuditLog.record` inside
the same transaction as the state change they describe, so the log and the outbox never
disagree after a crash. :meth:`AuditLog.for_order` feeds the order timeline;
:meth:`AuditLog.export_csv` writes the log for a supervisor's spreadsheet.

Times are stored as fixed-width UTC text (``YYYY-MM-DDTHH:MM:SS.ffffffZ``) so that SQL compares
them in time order; :func:`to_db_time` and :func:`from_db_time` are the one place that format
lives.

The table belongs to the ``audit`` component of the store's versioned migrations.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from fulfillment_station.store.db import Migration, migrate, transaction

_DB_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_db_time(value: datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("a stored time needs a time zone")
    return value.astimezone(UTC).strftime(_DB_TIME_FORMAT)


def from_db_time(text: str) -> datetime:
    return datetime.strptime(text, _DB_TIME_FORMAT).replace(tzinfo=UTC)


#: Migrations of the ``audit`` component (see :func:`fulfillment_station.store.db.migrate`).
MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        station TEXT NOT NULL,
        packer TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        order_number TEXT NOT NULL,
        action_id INTEGER,
        idempotency_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        outcome TEXT NOT NULL,
        message TEXT NOT NULL
    );
    CREATE INDEX audit_log_order ON audit_log (order_id, id);
    CREATE INDEX audit_log_at ON audit_log (at);
    """,
]

_COLUMNS = (
    "id",
    "at",
    "station",
    "packer",
    "connection_id",
    "order_id",
    "order_number",
    "action_id",
    "idempotency_key",
    "kind",
    "summary",
    "outcome",
    "message",
)

#: The header of the CSV export, in column order.
CSV_HEADER = _COLUMNS


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """:func:`~fulfillment_station.store.db.transaction`, or the caller's open transaction,
    which this write then becomes part of (so the outbox and the log commit together)."""
    if conn.in_transaction:
        yield conn
    else:
        with transaction(conn):
            yield conn


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    station: str
    packer: str
    connection_id: str
    order_id: str
    order_number: str
    action_id: int | None
    idempotency_key: str
    kind: str
    summary: str
    outcome: str
    message: str

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> AuditEntry:
        values = dict(zip(_COLUMNS, row, strict=True))
        values["at"] = from_db_time(str(values["at"]))
        return cls(**values)  # type: ignore[arg-type]


# Spreadsheets run a cell that starts with one of these as a formula; API text (customer
# names, error messages) must never become one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class AuditLog:
    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        station: str,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._conn = conn
        self._station = station
        self._clock = clock
        migrate(conn, "audit", MIGRATIONS)

    @property
    def station(self) -> str:
        return self._station

    def record(
        self,
        *,
        order_id: str,
        kind: str,
        summary: str,
        outcome: str,
        message: str = "",
        order_number: str = "",
        packer: str = "",
        connection_id: str = "",
        action_id: int | None = None,
        idempotency_key: str = "",
        at: datetime | None = None,
    ) -> AuditEntry:
        """Append one row. Inside the caller's transaction it is part of it; otherwise it is
        committed before this returns."""
        when = at or self._clock()
        values = (
            to_db_time(when),
            self._station,
            packer,
            connection_id,
            order_id,
            order_number,
            action_id,
            idempotency_key,
            kind,
            summary,
            outcome,
            message,
        )
        with write_transaction(self._conn):
            cursor = self._conn.execute(
                f"INSERT INTO audit_log ({', '.join(_COLUMNS[1:])}) "
                f"VALUES ({', '.join('?' * len(values))})",
                values,
            )
        row_id = cursor.lastrowid
        assert row_id is not None
        return AuditEntry(row_id, from_db_time(values[0]), *values[1:])

    def for_order(self, order_id: str, connection_id: str | None = None) -> list[AuditEntry]:
        """The order's history, oldest first (for the order timeline)."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM audit_log WHERE order_id = ?"
        params: list[object] = [order_id]
        if connection_id is not None:
            sql += " AND connection_id = ?"
            params.append(connection_id)
        rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [AuditEntry.from_row(row) for row in rows]

    def entries(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        action_id: int | None = None,
    ) -> list[AuditEntry]:
        """Rows oldest first; ``since`` inclusive, ``until`` exclusive."""
        where: list[str] = []
        params: list[object] = []
        if since is not None:
            where.append("at >= ?")
            params.append(to_db_time(since))
        if until is not None:
            where.append("at < ?")
            params.append(to_db_time(until))
        if action_id is not None:
            where.append("action_id = ?")
            params.append(action_id)
        sql = f"SELECT {', '.join(_COLUMNS)} FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [AuditEntry.from_row(row) for row in rows]

    def export_csv(
        self,
        dest: str | os.PathLike[str] | TextIO,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        """Write the log (header + one row per entry) as UTF-8 CSV; returns the row count.

        Cells that a spreadsheet would run as a formula get a leading apostrophe.
        """
        if isinstance(dest, str | os.PathLike):
            with Path(dest).open("w", encoding="utf-8", newline="") as handle:
                return self._write_csv(handle, since, until)
        return self._write_csv(dest, since, until)

    def _write_csv(self, handle: TextIO, since: datetime | None, until: datetime | None) -> int:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        entries = self.entries(since=since, until=until)
        for entry in entries:
            row = [getattr(entry, name) for name in CSV_HEADER]
            row[1] = to_db_time(entry.at)
            writer.writerow([_csv_safe(value) for value in row])
        return len(entries)

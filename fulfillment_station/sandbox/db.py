"""The sandbox's SQLite store: orders (canonical JSON + columns to filter and page on), the
write journal, applied effects, idempotency keys and a small key-value table.

One connection shared by uvicorn's worker threads behind a lock; every write is one
transaction, so a write the server applied is on disk before any answer goes out.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from fulfillment_station.domain import Order
from fulfillment_station.sandbox.data import SandboxRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL,
    status TEXT NOT NULL,
    fulfillment_status TEXT NOT NULL,
    channel TEXT,
    fulfillment_method TEXT,
    customer_id TEXT,
    customer_name TEXT,
    has_returns INTEGER NOT NULL DEFAULT 0,
    created_key TEXT NOT NULL,
    updated_key TEXT NOT NULL,
    doc TEXT NOT NULL,
    extra TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_created ON orders(created_key, seq);
CREATE INDEX IF NOT EXISTS orders_updated ON orders(updated_key, seq);
CREATE INDEX IF NOT EXISTS orders_status ON orders(status);
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    body TEXT NOT NULL,
    idempotency_key TEXT,
    status INTEGER,
    dropped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS effects (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    order_id TEXT,
    detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


#: The largest row position SQLite takes (a signed 64-bit integer). A list asked to skip more
#: is refused by the dialect with its own validation answer, not a plain-text 500.
MAX_POSITION = 2**63 - 1

_INSERT = (
    "INSERT INTO orders (id, number, status, fulfillment_status, channel, fulfillment_method,"
    " customer_id, customer_name, has_returns, created_key, updated_key, doc, extra)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def utc_text(value: datetime, fraction_digits: int = 6) -> str:
    """``YYYY-MM-DDTHH:MM:SS[.fff...]`` in UTC, the year always four digits (``strftime("%Y")``
    writes year 999 as ``999``, which neither sorts nor parses as ISO 8601)."""
    v = value.astimezone(UTC)
    text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    if fraction_digits:
        text += "." + f"{v.microsecond:06d}"[:fraction_digits]
    return text


def time_key(value: str | datetime) -> str:
    """A fixed-width UTC text form that sorts like the instant it names."""
    if isinstance(value, str):
        if len(value) == 24 and value[-1] == "Z" and value[19] == ".":
            return value[:23] + "000"  # the generator's millisecond form: no parse needed
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return utc_text(value)


@dataclass
class StoredOrder:
    seq: int
    order: Order
    extra: dict[str, Any]


class SandboxDB:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- orders -----------------------------------------------------------------------------

    def count_all(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM orders").fetchone()[0])

    def is_seeded(self) -> bool:
        return bool(self.kv_get("seeded"))

    def seed(self, records: Iterable[SandboxRecord], batch: int = 5000) -> int:
        """Fill an empty database fast. Journaling is off while it runs (the data can be made
        again from the seed); the ``seeded`` mark is written last, so a seeding cut short is
        detected and redone on the next start."""
        with self._lock:
            self._conn.execute("DELETE FROM orders")
            self._conn.execute("PRAGMA journal_mode=OFF")
            self._conn.execute("PRAGMA synchronous=OFF")
            total = 0
            try:
                it = iter(records)
                self._conn.execute("BEGIN")
                while chunk := list(itertools.islice(it, batch)):
                    self._conn.executemany(_INSERT, [_row(r.order, r.extra) for r in chunk])
                    total += len(chunk)
                self._conn.execute("COMMIT")
            finally:
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
            self.kv_set("seeded", True)
        return total

    def get(self, order_id: str) -> StoredOrder | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT seq, doc, extra FROM orders WHERE id = ?", (order_id,)
            ).fetchone()
        return _stored(row) if row else None

    def get_by_number(self, number: str) -> StoredOrder | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT seq, doc, extra FROM orders WHERE number = ?", (number,)
            ).fetchone()
        return _stored(row) if row else None

    def query(
        self,
        where: Sequence[tuple[str, Any]] = (),
        order_by: str = "seq ASC",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredOrder]:
        """``where`` holds (SQL fragment with one ``?`` or none, parameter) pairs written by
        dialect code (never by the client); they are ANDed."""
        sql, params = _where(where)
        text = f"SELECT seq, doc, extra FROM orders{sql} ORDER BY {order_by}"
        if limit is not None:
            text += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        with self._lock:
            rows = self._conn.execute(text, params).fetchall()
        return [_stored(r) for r in rows]

    def count(self, where: Sequence[tuple[str, Any]] = ()) -> int:
        sql, params = _where(where)
        with self._lock:
            return int(
                self._conn.execute(f"SELECT count(*) FROM orders{sql}", params).fetchone()[0]
            )

    def insert_order(
        self, order: Order, extra: dict[str, Any], conn: sqlite3.Connection | None = None
    ) -> None:
        """Add a new order; pass ``conn`` inside ``transaction()`` to pair it with its effect."""
        doc = order.model_dump(mode="json", exclude={"raw"})
        if conn is not None:
            with self._lock:
                conn.execute(_INSERT, _row(doc, extra))
            return
        with self.transaction() as own:
            own.execute(_INSERT, _row(doc, extra))

    def save(
        self,
        order: Order,
        extra: dict[str, Any] | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        """Replace an order's stored state; call inside ``transaction()`` to pair it with the
        effect it records."""
        doc = order.model_dump(mode="json", exclude={"raw"})
        if extra is None:
            stored = self.get(order.id)
            extra = stored.extra if stored else {}
        row = _row(doc, extra)
        target = conn or self._conn
        with self._lock:
            target.execute(
                "UPDATE orders SET number=?, status=?, fulfillment_status=?, channel=?,"
                " fulfillment_method=?, customer_id=?, customer_name=?, has_returns=?,"
                " created_key=?, updated_key=?, doc=?, extra=? WHERE id=?",
                (*row[1:], order.id),
            )

    # -- journal, effects, idempotency, kv ---------------------------------------------------

    def journal_request(
        self,
        method: str,
        path: str,
        query: str,
        body: str,
        idempotency_key: str | None,
        status: int | None,
        dropped: bool,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO journal (at, method, path, query, body, idempotency_key, status,"
                " dropped) VALUES (?,?,?,?,?,?,?,?)",
                (
                    time_key(datetime.now(UTC)),
                    method,
                    path,
                    query,
                    body,
                    idempotency_key,
                    status,
                    int(dropped),
                ),
            )

    def record_effect(
        self, conn: sqlite3.Connection, kind: str, order_id: str | None, detail: dict[str, Any]
    ) -> None:
        conn.execute(
            "INSERT INTO effects (at, kind, order_id, detail) VALUES (?,?,?,?)",
            (time_key(datetime.now(UTC)), kind, order_id, json.dumps(detail, ensure_ascii=False)),
        )

    def journal(self) -> dict[str, list[dict[str, Any]]]:
        with self._lock:
            requests = [
                {
                    "seq": r[0],
                    "at": r[1],
                    "method": r[2],
                    "path": r[3],
                    "query": r[4],
                    "body": r[5],
                    "idempotency_key": r[6],
                    "status": r[7],
                    "dropped": bool(r[8]),
                }
                for r in self._conn.execute("SELECT * FROM journal ORDER BY seq")
            ]
            effects = [
                {
                    "seq": r[0],
                    "at": r[1],
                    "kind": r[2],
                    "order_id": r[3],
                    "detail": json.loads(r[4]),
                }
                for r in self._conn.execute("SELECT * FROM effects ORDER BY seq")
            ]
        return {"requests": requests, "effects": effects}

    def idempotent_response(self, key: str) -> tuple[int, Any] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT status, body FROM idempotency WHERE key = ?", (key,)
            ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def remember_response(self, conn: sqlite3.Connection, key: str, status: int, body: Any) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO idempotency (key, status, body) VALUES (?,?,?)",
            (key, status, json.dumps(body, ensure_ascii=False)),
        )

    def kv_get(self, key: str) -> Any:
        with self._lock:
            row = self._conn.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def kv_set(self, key: str, value: Any, conn: sqlite3.Connection | None = None) -> None:
        with self._lock:
            (conn or self._conn).execute(
                "INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (key, json.dumps(value))
            )


def _where(where: Sequence[tuple[str, Any]]) -> tuple[str, list[Any]]:
    if not where:
        return "", []
    clauses, params = [], []
    for clause, param in where:
        clauses.append(clause)
        if "?" in clause:
            params.append(param)
    return " WHERE " + " AND ".join(clauses), params


def _row(doc: dict[str, Any], extra: dict[str, Any]) -> tuple[Any, ...]:
    return (
        doc["id"],
        doc["number"],
        doc["status"],
        doc["fulfillment_status"],
        doc["channel"],
        doc["fulfillment_method"],
        extra.get("customer_id"),
        (doc.get("customer") or {}).get("name", ""),
        int(bool(extra.get("has_returns"))),
        time_key(doc["created_at"]),
        time_key(doc["updated_at"]),
        orjson.dumps(doc).decode(),
        orjson.dumps(extra).decode(),
    )


def _stored(row: tuple[Any, ...]) -> StoredOrder:
    return StoredOrder(row[0], Order.model_validate_json(row[1]), json.loads(row[2]))

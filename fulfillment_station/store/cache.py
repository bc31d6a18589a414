"""The local order cache: every order the app has seen, per connection, in one SQLite file.

Tables: ``orders`` holds one row per (connection, order id) with the columns the order list
filters and sorts on, the normalised search terms in three columns (the order's own: number,
customer, ship-to name, email, tracking numbers; its SKUs; its barcodes) and ``problems``
flags; ``order_bodies`` holds the canonical JSON (``Order.to_json(raw=True)``) apart, so list
scans stay small; ``order_labels`` holds each distinct combination of the few-valued columns
once, so that loading 100,000 summaries reads one integer instead of ten strings;
``order_codes`` maps exact scan codes (order number, tracking number, SKU, barcode) to orders
for the scanner; ``sync_state`` keeps each connection's updated-since cursor.

Free text: the order table filters the summaries it holds in memory; :meth:`OrderCache.search`
scans the search columns with LIKE (tens of ms at 100,000 orders). An FTS5 trigram index was
measured and left out: it about doubled the time of every sync write (10,000 orders:
3.4 s -> 6.1 s) and only sped up this secondary path.

Writes are transactional: a sync batch is written completely or not at all, so a failed sync
never loses what the cache had. This module knows nothing about Qt.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from fulfillment_station.domain.holds import holds_text, with_packer_holds
from fulfillment_station.domain.models import (
    FulfillmentStatus,
    HoldKind,
    Order,
    OrderStatus,
    parse_order,
)
from fulfillment_station.domain.search_text import normalize_code, normalize_text, search_tokens
from fulfillment_station.domain.summaries import Facet, OrderRef, OrderSummary, Problem
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.store.db import Migration, StoreError, connect, migrate, transaction

COMPONENT = "order_cache"
_SEP = "\n"  # between fields of the search text; never inside a search token
_CHUNK = 500  # bound parameters per IN (...) query, well under SQLite's limit


class CodeMatch(NamedTuple):
    """An order found by an exact scan; ``kind`` is number, tracking, sku or barcode."""

    connection: str
    order_id: str
    kind: str


@dataclass(frozen=True)
class UpsertResult:
    """Order ids of one upsert batch by outcome, in input order."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> list[str]:
        return [*self.new, *self.changed]


# --- derived columns ---


def problem_flags(order: Order) -> Problem:
    flags = Problem(0)
    if order.status == OrderStatus.UNKNOWN:
        flags |= Problem.UNKNOWN_STATUS
    still_to_ship = (
        order.status in SHIPPABLE and order.fulfillment_status != FulfillmentStatus.FULFILLED
    )
    is_pickup = "pickup" in (order.fulfillment_method or "").lower()
    deliver_to = order.deliver_to
    if still_to_ship and not is_pickup and (deliver_to is None or deliver_to.missing_required()):
        flags |= Problem.ADDRESS_INCOMPLETE
    if (
        order.status == OrderStatus.CANCELLED
        and order.fulfillment_status != FulfillmentStatus.UNFULFILLED
    ):
        flags |= Problem.CANCELLED_AFTER_SHIPPING
    return flags


def shipped_at(order: Order) -> float | None:
    """When goods of the order last left: the newest dated shipment, else the newest
    ``shipment`` timeline event, else ``updated_at`` for an order the API calls shipped
    without shipment records (generic REST has none)."""
    dated = [s.shipped_at for s in order.shipments if s.shipped_at is not None]
    if dated:
        return max(dated).timestamp()
    events = [e.at for e in order.timeline if e.kind == "shipment"]
    if events:
        return max(events).timestamp()
    if order.status == OrderStatus.SHIPPED:
        return order.updated_at.timestamp()
    return None


def search_texts(order: Order) -> tuple[str, str, str]:
    """The order's normalised search terms as (own terms, SKUs, barcodes), each joined by
    newlines. SKUs and barcodes come from a catalogue shared by many orders; keeping them apart
    lets a search skip those columns for a word that no catalogue term contains (a name, an
    email, an order number), which is most words and two thirds of the text."""
    own = [order.number, order.customer.name, order.customer.email or ""]
    if order.ship_to is not None and order.ship_to.name != order.customer.name:
        own.append(order.ship_to.name)
    own.extend(s.tracking_number or "" for s in order.shipments)
    skus = [line.sku for line in order.lines]
    barcodes = [line.barcode or "" for line in order.lines]
    return tuple(  # type: ignore[return-value]
        _SEP.join(dict.fromkeys(normalize_text(p) for p in parts if p))
        for parts in (own, skus, barcodes)
    )


def order_codes(order: Order) -> set[tuple[str, str]]:
    """(kind, normalised code) pairs a scanner may read for this order."""
    codes = {("number", normalize_code(order.number))}
    codes.update(("sku", normalize_code(line.sku)) for line in order.lines)
    codes.update(("barcode", normalize_code(line.barcode or "")) for line in order.lines)
    codes.update(("tracking", normalize_code(s.tracking_number or "")) for s in order.shipments)
    return {(kind, code) for kind, code in codes if code}


# --- schema ---

_SCHEMA_V1 = """
CREATE TABLE orders (
    pk INTEGER PRIMARY KEY,
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    dialect TEXT NOT NULL,
    number TEXT NOT NULL,
    status TEXT NOT NULL,
    api_status TEXT,
    fulfillment_status TEXT NOT NULL,
    channel TEXT,
    marketplace TEXT,
    fulfillment_method TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    shipped_at REAL,
    customer_name TEXT NOT NULL,
    email TEXT,
    country TEXT NOT NULL,
    item_count INTEGER NOT NULL,
    total TEXT NOT NULL,
    currency TEXT NOT NULL,
    problems INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL,
    search_skus TEXT NOT NULL,
    search_barcodes TEXT NOT NULL,
    label_id INTEGER NOT NULL REFERENCES order_labels (id),
    digest BLOB NOT NULL,
    UNIQUE (connection, order_id)
);
-- Each distinct combination of the few-valued columns, once. Loading 100,000 summaries reads
-- one integer per order instead of ten short strings (measured: about half the load time),
-- and the rows share one tuple of strings in memory. NULLs are stored as '' so that UNIQUE
-- holds.
CREATE TABLE order_labels (
    id INTEGER PRIMARY KEY,
    connection TEXT NOT NULL,
    dialect TEXT NOT NULL,
    status TEXT NOT NULL,
    api_status TEXT NOT NULL,
    fulfillment_status TEXT NOT NULL,
    channel TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    fulfillment_method TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    UNIQUE (connection, dialect, status, api_status, fulfillment_status, channel, marketplace,
            fulfillment_method, country, currency)
);
-- The JSON lives apart so that scans of the list columns stay small and fast.
CREATE TABLE order_bodies (
    pk INTEGER PRIMARY KEY REFERENCES orders (pk) ON DELETE CASCADE,
    body TEXT NOT NULL
);
CREATE INDEX orders_number ON orders (number);
CREATE INDEX orders_status ON orders (status, fulfillment_status);
CREATE INDEX orders_created ON orders (created_at);
CREATE INDEX orders_updated ON orders (connection, updated_at);
CREATE INDEX orders_shipped ON orders (shipped_at);
CREATE INDEX orders_channel ON orders (channel, marketplace);

CREATE TABLE order_codes (
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    PRIMARY KEY (code, kind, connection, order_id),
    FOREIGN KEY (connection, order_id) REFERENCES orders (connection, order_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX order_codes_order ON order_codes (connection, order_id);

CREATE TABLE sync_state (
    connection TEXT PRIMARY KEY,
    cursor TEXT
);
"""


# Holds (domain.holds): the reasons, joined, for the list and the "To pack" preset; a
# packer's hold is kept apart from the store's copy so that a sync never drops it.
_SCHEMA_V2 = """
ALTER TABLE orders ADD COLUMN holds TEXT NOT NULL DEFAULT '';
CREATE TABLE packer_holds (
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (connection, order_id)
) WITHOUT ROWID;
"""

# Returns (Nexus ``has_returns``) for the filter bar: 1 or 0 where the store says, NULL where
# it is silent. Rows cached before the column get it from the order they hold (a sync only
# rewrites orders that changed).
_SCHEMA_V3 = """
ALTER TABLE orders ADD COLUMN has_returns INTEGER;
UPDATE orders SET has_returns = (
    SELECT json_extract(body, '$.has_returns') FROM order_bodies
    WHERE order_bodies.pk = orders.pk AND json_valid(body)
);
"""

# When each order was last read in detail from the store (``services.sync``'s refresh of open
# orders whose list is a summary, and an order opened on screen): a change no summary shows is
# caught by reading the oldest again. An order never marked counts as read long ago.
_SCHEMA_V4 = """
CREATE TABLE detail_reads (
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    read_at REAL NOT NULL,
    PRIMARY KEY (connection, order_id),
    FOREIGN KEY (connection, order_id) REFERENCES orders (connection, order_id)
        ON DELETE CASCADE
) WITHOUT ROWID;
"""

MIGRATIONS: list[Migration] = [_SCHEMA_V1, _SCHEMA_V2, _SCHEMA_V3, _SCHEMA_V4]

_SUMMARY_COLUMNS = (
    "pk, order_id, number, created_at, updated_at, shipped_at, customer_name, email, "
    "item_count, total, problems, search_text, search_skus, search_barcodes, holds, has_returns, "
    "label_id"
)
_LABEL_COLUMNS = (
    "connection",
    "dialect",
    "status",
    "api_status",
    "fulfillment_status",
    "channel",
    "marketplace",
    "fulfillment_method",
    "country",
    "currency",
)
_LABEL_INSERT = (
    f"INSERT INTO order_labels ({', '.join(_LABEL_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _LABEL_COLUMNS)}) ON CONFLICT DO NOTHING"
)
_LABEL_SELECT = "SELECT id FROM order_labels WHERE " + " AND ".join(
    f"{c} = ?" for c in _LABEL_COLUMNS
)

_ROW_COLUMNS = (
    "connection",
    "order_id",
    "dialect",
    "number",
    "status",
    "api_status",
    "fulfillment_status",
    "channel",
    "marketplace",
    "fulfillment_method",
    "created_at",
    "updated_at",
    "shipped_at",
    "customer_name",
    "email",
    "country",
    "item_count",
    "total",
    "currency",
    "problems",
    "search_text",
    "search_skus",
    "search_barcodes",
    "holds",
    "has_returns",
    "label_id",
    "digest",
)
_UPSERT_SQL = (
    f"INSERT INTO orders ({', '.join(_ROW_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ROW_COLUMNS)}) "
    "ON CONFLICT (connection, order_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ROW_COLUMNS[2:])
)

_BODY_SQL = (
    "INSERT INTO order_bodies (pk, body) "
    "SELECT pk, ? FROM orders WHERE connection = ? AND order_id = ? "
    "ON CONFLICT (pk) DO UPDATE SET body = excluded.body"
)


def _label(connection: str, order: Order) -> tuple[str, ...]:
    ship_to = order.ship_to
    return (
        connection,
        order.dialect,
        order.status.value,
        order.api_status or "",
        order.fulfillment_status.value,
        order.channel or "",
        order.marketplace or "",
        order.fulfillment_method or "",
        ship_to.country if ship_to is not None else "",
        order.currency,
    )


def _row_values(
    connection: str, order: Order, label_id: int, digest: bytes, packer_hold: str | None = None
) -> tuple[object, ...]:
    ship_to = order.ship_to
    return (
        connection,
        order.id,
        order.dialect,
        order.number,
        order.status.value,
        order.api_status,
        order.fulfillment_status.value,
        order.channel,
        order.marketplace,
        order.fulfillment_method,
        order.created_at.timestamp(),
        order.updated_at.timestamp(),
        shipped_at(order),
        order.customer.name,
        order.customer.email,
        ship_to.country if ship_to is not None else "",
        order.item_count,
        format(order.total, "f"),
        order.currency,
        int(problem_flags(order)),
        *search_texts(order),
        holds_text(with_packer_holds(order, [packer_hold] if packer_hold else []).holds),
        None if order.has_returns is None else int(order.has_returns),
        label_id,
        digest,
    )


@contextmanager
def _restore_on_error(target: dict[Any, Any], saved: dict[Any, Any]) -> Iterator[None]:
    try:
        yield
    except BaseException:
        target.clear()
        target.update(saved)
        raise


class OrderCache:
    """The order cache in the SQLite file at ``path`` (created and migrated on open).

    Use it from one thread (the sync worker's); the GUI gets summaries through signals.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._label_ids: dict[tuple[str, ...], int] = {}
        self._conn = connect(self.path)
        try:
            migrate(self._conn, COMPONENT, MIGRATIONS)
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> OrderCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes ---

    def upsert_many(
        self,
        orders: Iterable[Order],
        *,
        connection: str | None = None,
        cursor: str | None = None,
    ) -> UpsertResult:
        """Insert or update ``orders`` in one transaction and report what was new or changed.

        ``connection`` is the configured connection the orders came from (default: each
        order's dialect). ``cursor``, when given, is stored as that connection's sync cursor
        in the same transaction, so the cursor never runs ahead of the data.
        """
        latest: dict[tuple[str, str], Order] = {}
        for order in orders:
            if any(h.kind == HoldKind.PACKER for h in order.holds):
                # A copy read back from this cache: the packer's hold lives in packer_holds.
                order = order.model_copy(
                    update={"holds": [h for h in order.holds if h.kind != HoldKind.PACKER]}
                )
            latest[(connection or order.dialect, order.id)] = order
        if cursor is not None and connection is None:
            raise ValueError("a sync cursor needs the connection it belongs to")
        new: list[str] = []
        changed: list[str] = []
        unchanged = 0
        rows: list[tuple[object, ...]] = []
        bodies: list[tuple[str, str, str]] = []
        codes: list[tuple[str, str, str, str]] = []
        label_ids = dict(self._label_ids)
        # Label ids learnt in a transaction that rolls back would point at nothing.
        with _restore_on_error(self._label_ids, label_ids), transaction(self._conn):
            known = self._digests(list(latest))
            held = self._packer_holds(list(latest))
            for (conn_id, order_id), order in latest.items():
                body = order.to_json(raw=True)
                digest = hashlib.blake2b(body.encode(), digest_size=16).digest()
                old = known.get((conn_id, order_id))
                if old == digest:
                    unchanged += 1
                    continue
                (changed if old is not None else new).append(order_id)
                label_id = self._label_id(_label(conn_id, order))
                rows.append(
                    _row_values(conn_id, order, label_id, digest, held.get((conn_id, order_id)))
                )
                bodies.append((body, conn_id, order_id))
                codes.extend((code, kind, conn_id, order_id) for kind, code in order_codes(order))
            self._conn.executemany(
                "DELETE FROM order_codes WHERE connection = ? AND order_id = ?",
                [(r[0], r[1]) for r in rows],
            )
            self._conn.executemany(_UPSERT_SQL, rows)
            self._conn.executemany(_BODY_SQL, bodies)
            self._conn.executemany(
                "INSERT OR IGNORE INTO order_codes (code, kind, connection, order_id) "
                "VALUES (?, ?, ?, ?)",
                codes,
            )
            if cursor is not None:
                self._set_cursor(connection or "", cursor)
        return UpsertResult(new=new, changed=changed, unchanged=unchanged)

    def delete_missing(
        self, connection: str, seen_ids: Iterable[str], *, allow_empty: bool = False
    ) -> list[str]:
        """After a complete walk of ``connection``, drop the cached orders it no longer lists.

        An empty walk is refused unless ``allow_empty``: a walk that returned nothing is far
        more often a fault than a store with no orders, and the cache must survive faults.
        """
        seen = set(seen_ids)
        if not seen and not allow_empty:
            raise StoreError(
                "The store listed no orders; the cache was kept. Check the connection and sync "
                "again."
            )
        with transaction(self._conn):
            self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS seen_ids (id TEXT PRIMARY KEY)")
            self._conn.execute("DELETE FROM seen_ids")
            self._conn.executemany("INSERT INTO seen_ids (id) VALUES (?)", ((i,) for i in seen))
            deleted = self._conn.execute(
                "DELETE FROM orders WHERE connection = ? "
                "AND order_id NOT IN (SELECT id FROM seen_ids) RETURNING order_id",
                (connection,),
            ).fetchall()
            self._conn.execute("DELETE FROM seen_ids")
        return sorted(row[0] for row in deleted)

    def get_sync_cursor(self, connection: str) -> str | None:
        """The last updated-since cursor stored for ``connection`` (None: walk everything)."""
        row = self._conn.execute(
            "SELECT cursor FROM sync_state WHERE connection = ?", (connection,)
        ).fetchone()
        return row[0] if row else None

    def set_sync_cursor(self, connection: str, cursor: str | None) -> None:
        with transaction(self._conn):
            self._set_cursor(connection, cursor)

    def mark_detail_read(self, connection: str, order_ids: Sequence[str], at: float) -> None:
        """Note that these cached orders were just read in detail from the store (orders not
        in the cache are skipped)."""
        with transaction(self._conn):
            self._conn.executemany(
                "INSERT INTO detail_reads (connection, order_id, read_at) "
                "SELECT connection, order_id, ? FROM orders WHERE connection = ? AND order_id = ? "
                "ON CONFLICT (connection, order_id) DO UPDATE SET read_at = excluded.read_at",
                [(at, connection, order_id) for order_id in order_ids],
            )

    def detail_read_at(self, connection: str, order_id: str) -> float | None:
        """When the order was last read in detail (None: never noted)."""
        row = self._conn.execute(
            "SELECT read_at FROM detail_reads WHERE connection = ? AND order_id = ?",
            (connection, order_id),
        ).fetchone()
        return float(row[0]) if row else None

    def stalest_open_orders(self, connection: str, *, read_before: float, limit: int) -> list[str]:
        """Up to ``limit`` orders still to ship (a shippable status, not fully shipped) whose
        detail was read before ``read_before``, the longest unread first."""
        if limit <= 0:
            return []
        statuses = sorted(s.value for s in SHIPPABLE)
        rows = self._conn.execute(
            "SELECT o.order_id FROM orders o LEFT JOIN detail_reads r "
            "ON r.connection = o.connection AND r.order_id = o.order_id "
            f"WHERE o.connection = ? AND o.status IN ({', '.join('?' for _ in statuses)}) "
            "AND o.fulfillment_status != ? AND COALESCE(r.read_at, 0) < ? "
            "ORDER BY COALESCE(r.read_at, 0), o.created_at LIMIT ?",
            (connection, *statuses, FulfillmentStatus.FULFILLED.value, read_before, limit),
        ).fetchall()
        return [row[0] for row in rows]

    # --- reads ---

    def get(self, order_id: str, *, connection: str | None = None) -> Order | None:
        """The cached order, or None. Without ``connection`` the first match by id is used."""
        if connection is None:
            row = self._conn.execute(
                "SELECT b.body FROM orders o JOIN order_bodies b USING (pk) "
                "WHERE o.order_id = ? ORDER BY o.pk LIMIT 1",
                (order_id,),
            ).fetchone()
        else:
            row = self._conn.execute(
                "SELECT b.body FROM orders o JOIN order_bodies b USING (pk) "
                "WHERE o.connection = ? AND o.order_id = ?",
                (connection, order_id),
            ).fetchone()
        if not row:
            return None
        order = parse_order(row[0])
        if connection is not None:
            reason = self._packer_holds([(connection, order_id)]).get((connection, order_id))
            order = with_packer_holds(order, [reason] if reason else [])
        return order

    def get_many(self, order_ids: Sequence[str], *, connection: str) -> list[Order]:
        """The cached orders of ``connection`` among ``order_ids`` (missing ones left out)."""
        out: list[Order] = []
        for start in range(0, len(order_ids), _CHUNK):
            chunk = order_ids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._conn.execute(
                "SELECT b.body FROM orders o JOIN order_bodies b USING (pk) "
                f"WHERE o.connection = ? AND o.order_id IN ({marks})",
                (connection, *chunk),
            ).fetchall()
            out.extend(parse_order(row[0]) for row in rows)
        held = self._packer_holds([(connection, o.id) for o in out])
        return [
            with_packer_holds(o, [r]) if (r := held.get((connection, o.id))) else o for o in out
        ]

    # --- a packer's holds ---

    def set_packer_hold(self, connection: str, order_id: str, reason: str | None) -> None:
        """Put the order on hold with the packer's ``reason`` (None or '' lifts it)."""
        text = " ".join((reason or "").split())[:500]
        with transaction(self._conn):
            if text:
                self._conn.execute(
                    "INSERT INTO packer_holds (connection, order_id, reason) VALUES (?, ?, ?) "
                    "ON CONFLICT (connection, order_id) DO UPDATE SET reason = excluded.reason",
                    (connection, order_id, text),
                )
            else:
                self._conn.execute(
                    "DELETE FROM packer_holds WHERE connection = ? AND order_id = ?",
                    (connection, order_id),
                )
            row = self._conn.execute(
                "SELECT b.body FROM orders o JOIN order_bodies b USING (pk) "
                "WHERE o.connection = ? AND o.order_id = ?",
                (connection, order_id),
            ).fetchone()
            if row is not None:
                order = with_packer_holds(parse_order(row[0]), [text] if text else [])
                self._conn.execute(
                    "UPDATE orders SET holds = ? WHERE connection = ? AND order_id = ?",
                    (holds_text(order.holds), connection, order_id),
                )

    def _packer_holds(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        return self._column_by_key("packer_holds", "reason", keys)

    def _column_by_key(
        self, table: str, column: str, keys: list[tuple[str, str]]
    ) -> dict[tuple[str, str], Any]:
        """``column`` of ``table`` for each (connection, order_id) in ``keys`` that has a row,
        read a chunk of ids per statement (SQLite caps the bound parameters). ``table`` and
        ``column`` are this module's own names, never input."""
        by_connection: dict[str, list[str]] = {}
        for conn_id, order_id in keys:
            by_connection.setdefault(conn_id, []).append(order_id)
        found: dict[tuple[str, str], Any] = {}
        for conn_id, ids in by_connection.items():
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                for order_id, value in self._conn.execute(
                    f"SELECT order_id, {column} FROM {table} "
                    f"WHERE connection = ? AND order_id IN ({marks})",
                    (conn_id, *chunk),
                ):
                    found[(conn_id, order_id)] = value
        return found

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0])

    def load_summaries(self, connection: str | None = None) -> list[OrderSummary]:
        """Every cached order (of ``connection``, or all) as table rows, oldest pk first."""
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM orders"
        params: tuple[str, ...] = ()
        if connection is not None:
            sql += " WHERE connection = ?"
            params = (connection,)
        rows = self._conn.execute(sql + " ORDER BY pk", params).fetchall()
        return self._summaries(rows)

    def summaries_for(self, connection: str, order_ids: Sequence[str]) -> list[OrderSummary]:
        """Table rows for ``order_ids`` of ``connection`` (e.g. an upsert's ``touched``)."""
        out: list[OrderSummary] = []
        for start in range(0, len(order_ids), _CHUNK):
            chunk = order_ids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM orders "
                f"WHERE connection = ? AND order_id IN ({marks}) ORDER BY pk",
                (connection, *chunk),
            ).fetchall()
            out.extend(self._summaries(rows))
        return out

    def find(self, text: str) -> list[CodeMatch]:
        """Orders whose number, tracking number, SKU or barcode is exactly ``text`` (as a
        scanner reads it: spaces, a leading ``#`` and case do not matter)."""
        code = normalize_code(text)
        if not code:
            return []
        rows = self._conn.execute(
            "SELECT connection, order_id, kind FROM order_codes WHERE code = ? "
            "ORDER BY CASE kind WHEN 'number' THEN 0 WHEN 'tracking' THEN 1 "
            "WHEN 'barcode' THEN 2 ELSE 3 END, connection, order_id",
            (code,),
        ).fetchall()
        return [CodeMatch(*row) for row in rows]

    def search(self, text: str, *, limit: int | None = None) -> list[OrderRef]:
        """Orders whose search text contains every word of ``text`` (the order table's free
        text rule), newest first."""
        tokens = search_tokens(text)
        if not tokens:
            return []
        where: list[str] = []
        params: list[object] = []
        for token in tokens:
            escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append(
                "("
                + " OR ".join(
                    f"{column} LIKE ? ESCAPE '\\'"
                    for column in ("search_text", "search_skus", "search_barcodes")
                )
                + ")"
            )
            params.extend([f"%{escaped}%"] * 3)
        sql = (
            f"SELECT connection, order_id FROM orders WHERE {' AND '.join(where)} "
            "ORDER BY created_at DESC"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [OrderRef(*row) for row in self._conn.execute(sql, params)]

    def facet_counts(self, today_start: float, connection: str | None = None) -> Counter[Facet]:
        """How many orders fall into each :class:`Facet`; preset counts are sums of these.

        ``today_start`` is the epoch second the packer's local day began.
        """
        sql = (
            "SELECT status, fulfillment_status, problems != 0, "
            "COALESCE(shipped_at >= ?, 0), holds != '', COUNT(*) FROM orders"
        )
        params: list[object] = [today_start]
        if connection is not None:
            sql += " WHERE connection = ?"
            params.append(connection)
        sql += " GROUP BY 1, 2, 3, 4, 5"
        counts: Counter[Facet] = Counter()
        for status, fulfillment, problem, today, held, n in self._conn.execute(sql, params):
            counts[Facet(status, fulfillment, bool(problem), bool(today), bool(held))] += n
        return counts

    # --- internals ---

    def _summaries(self, rows: list[tuple[Any, ...]]) -> list[OrderSummary]:
        labels = self._labels()
        new = tuple.__new__
        # The label columns come before has_returns in OrderSummary (it has a default).
        return [new(OrderSummary, row[:-2] + labels[row[-1]] + row[-2:-1]) for row in rows]

    def _labels(self) -> dict[int, tuple[str | None, ...]]:
        """label id -> the label columns in OrderSummary order ('' back to None)."""
        cols = ", ".join(_LABEL_COLUMNS)
        out: dict[int, tuple[str | None, ...]] = {}
        for label_id, *values in self._conn.execute(f"SELECT id, {cols} FROM order_labels"):
            (
                connection,
                dialect,
                status,
                api,
                fulfillment,
                channel,
                market,
                method,
                country,
                currency,
            ) = (sys.intern(v) for v in values)
            out[label_id] = (
                connection,
                dialect,
                status,
                api or None,
                fulfillment,
                channel or None,
                market or None,
                method or None,
                country,
                currency,
            )
        return out

    def _label_id(self, label: tuple[str, ...]) -> int:
        known = self._label_ids.get(label)
        if known is None:
            self._conn.execute(_LABEL_INSERT, label)
            known = int(self._conn.execute(_LABEL_SELECT, label).fetchone()[0])
            self._label_ids[label] = known
        return known

    def _digests(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
        return self._column_by_key("orders", "digest", keys)

    def _set_cursor(self, connection: str, cursor: str | None) -> None:
        self._conn.execute(
            "INSERT INTO sync_state (connection, cursor) VALUES (?, ?) "
            "ON CONFLICT (connection) DO UPDATE SET cursor = excluded.cursor",
            (connection, cursor),
        )

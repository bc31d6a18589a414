"""Scan progress of orders being packed, kept in SQLite so a crash or a power cut mid-pack
loses nothing: the packer reopens the order and sees the same counts.

One row per (connection, order id) holds the whole state of that order's pack as a small JSON
document: units scanned per line, the scan history (what Undo takes back, oldest first) and
whether the documents were printed. Saving the whole document in one statement keeps every
save atomic without a transaction spanning several rows. The row is removed once the order is
shipped. This module knows nothing about Qt; the caller gives the file path.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from fulfillment_station.store.db import Migration, StoreError, connect, migrate, transaction

COMPONENT = "pack_progress"

MIGRATIONS: list[Migration] = [
    """
CREATE TABLE pack_progress (
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (connection, order_id)
);
"""
]


@dataclass(frozen=True)
class SavedProgress:
    """What was scanned for one order. ``history`` holds (line id, units) per scan."""

    counts: dict[str, int] = field(default_factory=dict)
    history: tuple[tuple[str, int], ...] = ()
    printed: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "counts": self.counts,
                "history": [list(h) for h in self.history],
                "printed": self.printed,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> SavedProgress:
        data = json.loads(text)
        counts = {str(k): int(v) for k, v in dict(data.get("counts", {})).items()}
        history = tuple((str(line), int(qty)) for line, qty in data.get("history", []))
        return cls(counts=counts, history=history, printed=bool(data.get("printed", False)))


class PackProgress:
    """The pack progress file at ``path`` (created and migrated on open).

    Use it from one thread; each save is one small WAL commit (see benchmarks/bench_pack.py).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn = connect(self.path)
        try:
            migrate(self._conn, COMPONENT, MIGRATIONS)
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PackProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def load(self, connection: str, order_id: str) -> SavedProgress | None:
        """The saved progress of the order, or None if nothing was scanned for it."""
        row = self._conn.execute(
            "SELECT state FROM pack_progress WHERE connection = ? AND order_id = ?",
            (connection, order_id),
        ).fetchone()
        if row is None:
            return None
        try:
            return SavedProgress.from_json(row[0])
        except (ValueError, TypeError, AttributeError) as exc:
            raise StoreError(
                f"The saved scan progress of order {order_id} is damaged ({exc}); reset the "
                "order in pack mode and scan it again."
            ) from exc

    def save(self, connection: str, order_id: str, progress: SavedProgress) -> None:
        try:
            with transaction(self._conn):
                self._conn.execute(
                    "INSERT INTO pack_progress (connection, order_id, state, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (connection, order_id) DO UPDATE SET "
                    "state = excluded.state, updated_at = excluded.updated_at",
                    (connection, order_id, progress.to_json(), time.time()),
                )
        except sqlite3.Error as exc:
            raise StoreError(
                f"The scan progress could not be saved ({exc}); check the disk and scan again."
            ) from exc

    def clear(self, connection: str, order_id: str) -> None:
        """Forget the order's progress (it was shipped)."""
        with transaction(self._conn):
            self._conn.execute(
                "DELETE FROM pack_progress WHERE connection = ? AND order_id = ?",
                (connection, order_id),
            )

    def open_orders(self) -> list[tuple[str, str]]:
        """(connection, order id) of every order with saved progress, most recent first: what
        a packer was in the middle of when the app stopped."""
        rows = self._conn.execute(
            "SELECT connection, order_id FROM pack_progress ORDER BY updated_at DESC"
        ).fetchall()
        return [(str(c), str(o)) for c, o in rows]

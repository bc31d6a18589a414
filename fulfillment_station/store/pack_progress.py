"""Scan progress of orders being packed, kept in SQLite so a crash or a power cut mid-pack
loses nothing: the packer reopens the order and sees the same counts.

One row per (connection, order id) holds the whole state of that order's pack as a small JSON
document: units scanned per line, the scan history (what Undo takes back, oldest first),
whether the documents were printed and, since format 2, the boxes the order is packed in
(where each box starts in the history, its type and the weight the scale gave it). A row
written before boxes were saved (format 1, schema 1) reads as one box. Saving the whole
document in one statement keeps every save atomic without a transaction spanning several
rows. The row is removed once the order is shipped. This module knows nothing about Qt; the
caller gives the file path.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from fulfillment_station.store.db import Migration, StoreError, connect, migrate, transaction

log = logging.getLogger(__name__)

COMPONENT = "pack_progress"
#: The JSON document's format this build writes: 2 added ``boxes``.
FORMAT = 2

MIGRATIONS: list[Migration] = [
    """
CREATE TABLE pack_progress (
    connection TEXT NOT NULL,
    order_id TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (connection, order_id)
);
""",
    # Schema 2: rows say which document format they hold (1: before boxes were saved), so a
    # file from an older build opens and its orders resume in one box.
    "ALTER TABLE pack_progress ADD COLUMN format INTEGER NOT NULL DEFAULT 1;",
]


@dataclass(frozen=True)
class SavedBox:
    """One box of an order packed in several: the index in the scan history where it starts,
    its type as the desk defined it when the box was started (name, inner dimensions in cm
    and tare in grams, as decimal strings; empty when the box has no type) and the stable
    weight the scale gave it, in grams (None until weighed)."""

    start: int
    name: str = ""
    length_cm: str = ""
    width_cm: str = ""
    height_cm: str = ""
    tare_g: str = ""
    barcode: str = ""
    typed: bool = False  # whether the box has a type at all (a type may have an empty name)
    weight_g: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "typed": self.typed,
            "name": self.name,
            "length_cm": self.length_cm,
            "width_cm": self.width_cm,
            "height_cm": self.height_cm,
            "tare_g": self.tare_g,
            "barcode": self.barcode,
            "weight_g": self.weight_g,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> SavedBox:
        def text(key: str) -> str:
            value = data.get(key, "")
            return value if isinstance(value, str) else ""

        start = data.get("start")
        if isinstance(start, bool) or not isinstance(start, int) or start < 0:
            raise ValueError(f"a box starts at {start!r}")
        weight = data.get("weight_g")
        return cls(
            start=start,
            name=text("name"),
            length_cm=text("length_cm"),
            width_cm=text("width_cm"),
            height_cm=text("height_cm"),
            tare_g=text("tare_g"),
            barcode=text("barcode"),
            typed=data.get("typed") is True,
            weight_g=weight if isinstance(weight, str) else None,
        )


@dataclass(frozen=True)
class SavedProgress:
    """What was scanned for one order. ``history`` holds (line id, units) per scan;
    ``boxes`` the boxes in packing order (empty: one box without a type, as before format 2).
    """

    counts: dict[str, int] = field(default_factory=dict)
    history: tuple[tuple[str, int], ...] = ()
    printed: bool = False
    boxes: tuple[SavedBox, ...] = ()

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "counts": self.counts,
                "history": [list(h) for h in self.history],
                "printed": self.printed,
                "boxes": [box.to_dict() for box in self.boxes],
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> SavedProgress:
        data = json.loads(text)
        counts = {str(k): int(v) for k, v in dict(data.get("counts", {})).items()}
        history = tuple((str(line), int(qty)) for line, qty in data.get("history", []))
        return cls(
            counts=counts,
            history=history,
            printed=bool(data.get("printed", False)),
            boxes=_boxes_from(data.get("boxes"), len(history)),
        )


def _boxes_from(raw: object, scans: int) -> tuple[SavedBox, ...]:
    """The saved boxes, or none (one box) when they cannot be trusted: the counts are what
    matters to the packer, so a damaged box list costs the split, not the scans."""
    if raw is None:
        return ()
    try:
        if not isinstance(raw, list):
            raise ValueError("the boxes are not a list")
        boxes = tuple(SavedBox.from_dict(dict(item)) for item in raw)
        starts = [box.start for box in boxes]
        if starts and (starts[0] != 0 or starts != sorted(set(starts)) or starts[-1] > scans):
            raise ValueError(f"boxes start at {starts} in {scans} scans")
    except (ValueError, TypeError) as exc:
        log.warning("the saved boxes are damaged (%s); the order resumes in one box", exc)
        return ()
    return boxes


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
                    "INSERT INTO pack_progress (connection, order_id, state, updated_at, format)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (connection, order_id) DO UPDATE SET "
                    "state = excluded.state, updated_at = excluded.updated_at, "
                    "format = excluded.format",
                    (connection, order_id, progress.to_json(), time.time(), FORMAT),
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

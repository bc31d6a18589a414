"""Is this tracking number already on another order? The desk's guard against a wrong label.

A packer who scans the previous box's label would ship two orders under one parcel. Before a
shipment leaves the desk (Ship dialog, pack mode, ``orders ship``), :meth:`TrackingGuard.check`
looks the number up in everything this data folder knows:

* every connection's order cache (``cache-*.sqlite3``: the tracking numbers the stores report),
* every outbox (``outbox-*.sqlite3``: shipments queued or sent from this desk, even when the
  store keeps no tracking numbers),
* the audit logs in those outboxes and the CLI's own (``cli-audit.sqlite3``).

Files are opened read-only and one that is missing, locked too long or damaged is skipped with
a log line: the check never stops a desk whose files are fine. Going on anyway is an explicit
override, written to the audit log (:meth:`TrackingGuard.record_override`) before the shipment
is sent; when that write fails the override does not happen.

Tracking numbers are compared as scanners read them (``domain.search_text.normalize_code``: no
spaces, no leading ``#``, upper case). "Another order" means another order id, or the same id
on another connection.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fulfillment_station.connectors.base import SHIPPING_WRITES
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect

log = logging.getLogger(__name__)

#: The audit log file of shipments made with the command line (which has no outbox).
CLI_AUDIT_FILE = "cli-audit.sqlite3"
#: The audit ``kind`` of an accepted duplicate.
OVERRIDE_KIND = "tracking_override"
_READ_TIMEOUT_S = 2.0
# Audit kinds whose summary carries the tracking numbers of a shipment.
# "fulfil": files written before the rename.
_SHIPPING_KINDS = (*sorted(op.value for op in SHIPPING_WRITES), "fulfil")

ALREADY_USED = QT_TRANSLATE_NOOP(
    "TrackingGuard",
    "Tracking number {tracking} is already used on order {other}. Check that "
    "the label on this parcel belongs to order {order}.",
)
OVERRIDE_SUMMARY = QT_TRANSLATE_NOOP(
    "TrackingGuard", "Shipped with tracking number {tracking}, already used on order {other}"
)


@dataclass(frozen=True)
class TrackingReuse:
    """``tracking`` is already on order ``other_number`` while order ``order_number`` ships."""

    tracking: str
    order_id: str
    order_number: str
    other_connection: str
    other_order_id: str
    other_number: str
    #: where it was found: "cache", "outbox" or "audit"
    source: str

    def message(self) -> Message:
        return ALREADY_USED.format(
            tracking=self.tracking, other=self.other_number, order=self.order_number
        )


@dataclass(frozen=True)
class _Hit:
    connection: str
    order_id: str
    number: str
    source: str


def _like_pattern(code: str) -> str:
    escaped = code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_READ_TIMEOUT_S
        )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        log.warning("tracking check skips %s: %s", path, exc)
        return None


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _cache_hits(conn: sqlite3.Connection, code: str) -> Iterator[_Hit]:
    rows = conn.execute(
        "SELECT c.connection, c.order_id, o.number FROM order_codes c "
        "JOIN orders o ON o.connection = c.connection AND o.order_id = c.order_id "
        "WHERE c.code = ? AND c.kind = 'tracking'",
        (code,),
    ).fetchall()
    for connection, order_id, number in rows:
        yield _Hit(str(connection), str(order_id), str(number), "cache")


def _numbers_in_action(action: object) -> list[tuple[str, list[str]]]:
    """(order id, tracking numbers) of each shipment in a stored action's JSON."""
    if not isinstance(action, dict):
        return []
    payload = action.get("payload")
    order_id = str(action.get("order_id", ""))
    if not isinstance(payload, dict):
        return []
    found: list[tuple[str, list[str]]] = []
    if isinstance(payload.get("items"), list):  # a bulk shipment
        for item in payload["items"]:
            if isinstance(item, dict):
                found.append((str(item.get("order_id", "")), [str(item.get("tracking_number"))]))
    if payload.get("tracking_number"):
        found.append((order_id, [str(payload["tracking_number"])]))
    if isinstance(payload.get("shipments"), list):
        found.append(
            (
                order_id,
                [
                    str(s.get("tracking_number"))
                    for s in payload["shipments"]
                    if isinstance(s, dict)
                ],
            )
        )
    return found


def _outbox_hits(conn: sqlite3.Connection, code: str) -> Iterator[_Hit]:
    # The LIKE narrows to the rows that can match; the JSON tells which order carries it.
    rows = conn.execute(
        "SELECT connection_id, order_id, order_number, action, orders_before FROM outbox "
        "WHERE state != 'dismissed' AND replace(upper(action), ' ', '') LIKE ? ESCAPE '\\'",
        (_like_pattern(code),),
    ).fetchall()
    for connection, first_id, first_number, action_json, before_json in rows:
        try:
            action = json.loads(action_json)
            before = json.loads(before_json) if before_json else {}
        except ValueError:
            continue
        for order_id, numbers in _numbers_in_action(action):
            if code not in {normalize_code(n) for n in numbers}:
                continue
            if order_id == first_id:
                number = str(first_number)
            else:
                snapshot = before.get(order_id) if isinstance(before, dict) else None
                number = (
                    str(snapshot.get("number", order_id))
                    if isinstance(snapshot, dict)
                    else order_id
                )
            yield _Hit(str(connection), order_id, number, "outbox")


def _audit_hits(conn: sqlite3.Connection, code: str) -> Iterator[_Hit]:
    marks = ", ".join("?" * len(_SHIPPING_KINDS))
    rows = conn.execute(
        "SELECT connection_id, order_id, order_number FROM audit_log "
        f"WHERE kind IN ({marks}) AND outcome NOT IN ('failed', 'dismissed') "
        "AND replace(upper(summary), ' ', '') LIKE ? ESCAPE '\\'",
        (*_SHIPPING_KINDS, _like_pattern(code)),
    ).fetchall()
    for connection, order_id, number in rows:
        yield _Hit(str(connection), str(order_id), str(number), "audit")


class TrackingGuard:
    """The duplicate-tracking check over the data folder ``root`` of one desk.

    ``connection`` is the connection the shipments being checked belong to (``None`` for the
    command line, which knows only the store's address: then any hit on another order id
    counts). ``station`` and ``packer`` go into the override's audit row.
    """

    def __init__(
        self, root: Path, *, connection: str | None, station: str = "", packer: str = ""
    ) -> None:
        self.root = Path(root)
        self.connection = connection
        self.station = station
        self.packer = packer

    def _files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        files = sorted(self.root.glob("cache-*.sqlite3")) + sorted(
            self.root.glob("outbox-*.sqlite3")
        )
        cli = self.root / CLI_AUDIT_FILE
        return [*files, cli] if cli.is_file() else files

    def _is_same_order(self, hit: _Hit, order_id: str) -> bool:
        if hit.order_id != order_id:
            return False
        return self.connection is None or hit.connection in ("", self.connection)

    def check(
        self, tracking: str | None, *, order_id: str, order_number: str
    ) -> TrackingReuse | None:
        """The first other order that already carries ``tracking``, or ``None``."""
        code = normalize_code(tracking or "")
        if len(code) < 4:  # not a tracking number anyone could reuse by mistake
            return None
        for path in self._files():
            conn = _open_read_only(path)
            if conn is None:
                continue
            try:
                tables = _tables(conn)
                sources: list[Iterator[_Hit]] = []
                if {"orders", "order_codes"} <= tables:
                    sources.append(_cache_hits(conn, code))
                if "outbox" in tables:
                    sources.append(_outbox_hits(conn, code))
                if "audit_log" in tables:
                    sources.append(_audit_hits(conn, code))
                for hits in sources:
                    for hit in hits:
                        if not self._is_same_order(hit, order_id):
                            return TrackingReuse(
                                tracking=(tracking or "").strip(),
                                order_id=order_id,
                                order_number=order_number,
                                other_connection=hit.connection,
                                other_order_id=hit.order_id,
                                other_number=hit.number,
                                source=hit.source,
                            )
            except sqlite3.Error as exc:
                log.warning("tracking check skips %s: %s", path, exc)
            finally:
                conn.close()
        return None

    def _audit_file(self) -> Path:
        if self.connection is None:
            return self.root / CLI_AUDIT_FILE
        return self.root / f"outbox-{self.connection}.sqlite3"

    def record_override(self, reuse: TrackingReuse) -> None:
        """Write the packer's decision to ship anyway to the audit log. Raises
        ``sqlite3.Error`` / ``StoreError`` (e.g. a full disk) when it could not be written: the
        shipment must then not go ahead."""
        self._record(
            reuse.order_id,
            reuse.order_number,
            OVERRIDE_KIND,
            OVERRIDE_SUMMARY.format(tracking=reuse.tracking, other=reuse.other_number),
            "override",
        )

    def record_shipment(self, *, order_id: str, order_number: str, summary: str) -> None:
        """For the command line only (the desk's outbox logs its own): a shipment it made, so
        that the next check finds its tracking number."""
        self._record(order_id, order_number, "ship", summary, "done")

    def _record(
        self, order_id: str, order_number: str, kind: str, summary: str, outcome: str
    ) -> None:
        conn = connect(self._audit_file())
        try:
            AuditLog(conn, station=self.station).record(
                order_id=order_id,
                order_number=order_number,
                kind=kind,
                summary=summary,
                outcome=outcome,
                packer=self.packer,
                connection_id=self.connection or "",
            )
        finally:
            conn.close()

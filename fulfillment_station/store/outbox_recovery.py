"""Opening the outbox file so that a damaged one is never replaced by an empty one in silence.

The outbox holds writes the packer was told are queued; losing the file loses shipments. So
at open (:func:`open_outbox_store`):

- a sound file opens as it is (``synchronous=FULL``, see ``store.db.DURABLE``);
- a file that fails its check (not SQLite, cut short, a damaged page, tables that are not an
  outbox's) is renamed aside as ``<name>.damaged-<time>`` and kept; a fresh outbox is made and
  every action that can still be read is copied into it, row by row with its id, state,
  attempts and audit trail, so a half-sent action is still checked before it is sent again;
- an empty (0-byte) or missing file where an outbox lived before is reported, never taken for
  a first start. "Lived before" is known from a marker file next to it
  (``<name>.marker``), written once the outbox has its tables: a crash while creating a new
  outbox leaves no marker, so a first start is still quiet.

Each of these gives one sentence (``OpenedOutbox.notice``) for the CLI, the headless driver and
the GUI's banner; the log has the detail. A file written by a newer app is refused as before
(``StoreError``), left untouched.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.store import audit as audit_store
from fulfillment_station.store import outbox as outbox_store
from fulfillment_station.store.db import DURABLE, StoreError, connect, migrate, transaction
from fulfillment_station.store.file_checks import (
    HEADER_SIZE,
    SQLITE_MAGIC,
    make_private,
    move_aside,
    put_back,
    sqlite_problem,
)

log = logging.getLogger(__name__)

MARKER_SUFFIX = ".marker"
SQLITE_READONLY = 8
SQLITE_CANTOPEN = 14
#: Upper bound on row ids probed when a damaged file no longer says how many rows it had.
MAX_PROBED_ROWS = 200_000
#: Without a bound, probing stops after this many ids in a row that hold nothing readable.
UNBOUNDED_GAP = 1_000

DAMAGED = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file was damaged ({problem}), so it was kept as {kept} and "
    "{recovered} waiting actions were recovered from it; {lost} could not be read, so check "
    "these orders on the store: {orders}.",
)
DAMAGED_NONE_LOST = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file was damaged ({problem}), so it was kept as {kept} and "
    "all {recovered} waiting actions were recovered from it.",
)
EMPTY = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file was found empty although it held the queue before; it "
    "was kept as {kept}. Check on the store the orders shipped at this desk since {since}.",
)
MISSING = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file is missing although it held the queue before, so a new "
    "one was started. Check on the store the orders shipped at this desk since {since}.",
)
CANNOT_SET_ASIDE = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file {path} is damaged ({problem}) and cannot be set aside "
    "({error}); nothing was changed. Copy it for support before changing anything.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "OutboxRecovery",
    "The outbox file {path} cannot be written (it is read-only). Nothing "
    "was changed; make it writable and start again.",
)

#: The tables copied from a damaged outbox, in the order they are copied.
_TABLES = ("outbox", "outbox_orders", "audit_log")


@dataclass(frozen=True)
class OpenedOutbox:
    conn: sqlite3.Connection
    #: one sentence for the packer when something was wrong, else ``None``
    notice: Message | None = None
    #: where the damaged or empty file was kept
    kept: Path | None = None
    #: open actions (not done or dismissed) copied into the fresh outbox
    recovered: int = 0
    #: rows of the damaged outbox that could not be read
    lost: int = 0


def marker_path(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def open_outbox_store(path: Path | str) -> OpenedOutbox:
    """The outbox file at ``path``, opened with its tables, after the checks above."""
    path = Path(path)
    marker = marker_path(path)
    since = _marker_time(marker)
    problem = sqlite_problem(path)
    notice: Message | None = None
    kept: Path | None = None
    recovered = lost = 0
    if problem == "empty" and since is None:
        problem = None  # a crash between creating the file and its first table: a first start
    if problem is None and since is not None and not path.exists():
        notice = MISSING.format(since=since)
        log.error("outbox %s is missing; its marker says it existed since %s", path, since)
    if problem is None:
        try:
            conn = _open_with_tables(path)
        except _NotAnOutbox as exc:
            problem = str(exc)
        else:
            _write_marker(marker)
            return OpenedOutbox(conn, notice)
    log.error("outbox %s: %s; moving it aside and recovering what can be read", path, problem)
    try:
        kept = move_aside(path)
    except OSError as exc:
        raise StoreError(
            CANNOT_SET_ASIDE.format(path=str(path), problem=problem, error=exc.strerror or str(exc))
        ) from exc
    try:
        conn = _open_with_tables(path)
    except BaseException:
        # No fresh outbox (a full disk): the queue stays where it was, under its own name,
        # rather than behind an empty file that the next start would call a lost queue.
        put_back(kept, path)
        raise
    if problem == "empty":
        notice = EMPTY.format(kept=str(kept), since=since or "?")
    else:
        recovered, lost = _salvage(kept, conn)
        if lost:
            notice = DAMAGED.format(
                problem=problem,
                kept=str(kept),
                recovered=recovered,
                lost=lost,
                orders=_orders_of_lost_actions(conn) or "?",
            )
        else:
            notice = DAMAGED_NONE_LOST.format(problem=problem, kept=str(kept), recovered=recovered)
    log.error("outbox %s: %s", path, notice)
    _write_marker(marker)
    return OpenedOutbox(conn, notice, kept, recovered, lost)


class _NotAnOutbox(Exception):
    """A sound SQLite file whose tables are not the outbox's."""


def _open_with_tables(path: Path) -> sqlite3.Connection:
    try:
        conn = connect(path, synchronous=DURABLE)
    except StoreError as exc:
        cause = exc.__cause__
        if isinstance(cause, sqlite3.Error) and _is_read_only(cause, path):
            raise StoreError(READ_ONLY.format(path=str(path))) from cause
        raise
    try:
        migrate(conn, "outbox", outbox_store.MIGRATIONS)
        migrate(conn, "audit", audit_store.MIGRATIONS)
        missing = _missing_columns(conn)
    except StoreError:  # written by a newer app: refused, left as it is
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        if _is_read_only(exc, path):
            raise StoreError(READ_ONLY.format(path=str(path))) from exc
        raise _NotAnOutbox(f"its tables are not an outbox's ({exc})") from exc
    if missing:
        conn.close()
        raise _NotAnOutbox(f"its tables are not an outbox's (no {', '.join(missing)})")
    return conn


def _missing_columns(conn: sqlite3.Connection) -> list[str]:
    """Columns the outbox reads that the file's tables lack (a file of the right name with
    another store's tables, or tables cut down by hand)."""
    wanted = {
        "outbox": {
            "id",
            "idempotency_key",
            "connection_id",
            "order_id",
            "state",
            "action",
            "orders_before",
            "message_data",
        },
        "outbox_orders": {"action_id", "connection_id", "order_id"},
        "audit_log": {"id", "order_id", "outcome"},
    }
    missing: list[str] = []
    for table, columns in wanted.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        missing += [f"{table}.{c}" for c in sorted(columns - have)]
    return missing


def _is_read_only(exc: sqlite3.Error, path: Path) -> bool:
    """Whether ``exc`` comes from a file or folder that cannot be written (a WAL file on a
    read-only disk cannot even be opened: its shared-memory file cannot be made)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if (code is not None and code & 0xFF == SQLITE_READONLY) or "readonly" in str(exc):
        return True
    return (
        code is not None
        and code & 0xFF == SQLITE_CANTOPEN
        and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    )


def _marker_time(marker: Path) -> str | None:
    try:
        text = marker.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return "?"  # a marker that cannot be read still says an outbox was here
    try:
        since = json.loads(text).get("since")
    except (ValueError, AttributeError):
        return "?"
    return since if isinstance(since, str) and since else "?"


def _write_marker(marker: Path) -> None:
    if marker.exists():
        make_private(marker)
        return
    since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = {
        "since": since,
        "why": "An outbox lives next to this file; if it is ever found "
        "empty or missing, Fulfillment Station says so instead of starting an empty queue.",
    }
    try:
        marker.write_text(json.dumps(note) + "\n", encoding="utf-8")
        make_private(marker)
    except OSError as exc:  # the outbox itself is fine; only the warning would be missed
        log.warning("could not write the outbox marker %s: %s", marker, exc)


# -- salvage ----------------------------------------------------------------------------------


def _salvage(damaged: Path, target: sqlite3.Connection) -> tuple[int, int]:
    """Copy every readable row of the damaged file into ``target``: returns (open actions
    recovered, outbox rows that could not be read)."""
    copy = _readable_copy(damaged)
    try:
        source = sqlite3.connect(
            f"{copy.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
        )
    except sqlite3.Error as exc:
        log.error("the damaged outbox %s cannot be opened at all: %s", damaged, exc)
        _remove_copy(copy)
        return 0, 0
    lost = 0
    try:
        with transaction(target):
            for table in _TABLES:
                columns = _common_columns(source, target, table)
                if not columns:
                    continue
                unreadable = _copy_rows(source, target, table, columns)
                if table == "outbox":
                    lost = unreadable
            _link_orders(target)
            total = target.execute("SELECT COALESCE(SUM(version), 0) FROM schema_version")
            target.execute(f"PRAGMA user_version = {int(total.fetchone()[0])}")
        recovered = target.execute(
            "SELECT COUNT(*) FROM outbox WHERE state NOT IN ('done', 'dismissed')"
        ).fetchone()[0]
    finally:
        source.close()
        _remove_copy(copy)
    return int(recovered), lost


def _readable_copy(damaged: Path) -> Path:
    """A copy of the damaged file (and its WAL) that SQLite will read as far as it goes: the
    page count in its header is set to the pages really there, because SQLite believes the
    header and calls a cut-short file malformed before reading its first table. The kept
    file itself is never changed."""
    copy = damaged.with_name(damaged.name + ".salvage")
    data = bytearray(damaged.read_bytes())
    if len(data) >= HEADER_SIZE and data.startswith(SQLITE_MAGIC):
        size = struct.unpack(">H", data[16:18])[0]
        size = 65536 if size == 1 else size
        if size >= 512 and not size & (size - 1):
            pages = len(data) // size
            del data[pages * size :]
            data[28:32] = struct.pack(">I", pages)
    copy.write_bytes(bytes(data))
    make_private(copy)
    wal = damaged.with_name(damaged.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def _remove_copy(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        copy.with_name(copy.name + suffix).unlink(missing_ok=True)


def _orders_of_lost_actions(conn: sqlite3.Connection) -> str:
    """The order numbers of actions the audit trail shows as still open but that are not in
    the recovered outbox (their row was on a lost page), as "#1001, #1002"."""
    rows = conn.execute(
        "SELECT DISTINCT a.order_number FROM audit_log a"
        " WHERE a.action_id IS NOT NULL"
        "   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.id = a.action_id)"
        "   AND NOT EXISTS (SELECT 1 FROM audit_log f WHERE f.action_id = a.action_id"
        "                   AND f.outcome IN ('done', 'dismissed'))"
        " ORDER BY a.order_number LIMIT 21"
    ).fetchall()
    numbers = [str(row[0]) for row in rows]
    return ", ".join(numbers[:20]) + (", ..." if len(numbers) > 20 else "")


def _common_columns(
    source: sqlite3.Connection, target: sqlite3.Connection, table: str
) -> list[str]:
    try:
        have = [row[1] for row in source.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error as exc:
        log.error("damaged outbox: the columns of %s cannot be read: %s", table, exc)
        return []
    wanted = {row[1] for row in target.execute(f"PRAGMA table_info({table})")}
    return [c for c in have if c in wanted]


def _row_id_bound(source: sqlite3.Connection, table: str) -> int | None:
    """The highest row id the file still admits to (its last row, or the AUTOINCREMENT
    counter), or ``None`` when neither can be read."""
    found: list[int] = []
    for sql, params in (
        (f"SELECT MAX(rowid) FROM {table}", ()),
        ("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)),
    ):
        try:
            row = source.execute(sql, params).fetchone()
        except sqlite3.Error:
            continue
        if row and isinstance(row[0], int):
            found.append(row[0])
    return min(max(found), MAX_PROBED_ROWS) if found else None


def _copy_rows(
    source: sqlite3.Connection, target: sqlite3.Connection, table: str, columns: Sequence[str]
) -> int:
    """Copy ``table`` one row id at a time, so a damaged page costs only its own rows.
    Returns how many row ids could not be read."""
    names = ", ".join(columns)
    select = f"SELECT rowid, {names} FROM {table} WHERE rowid = ?"
    insert = (
        f"INSERT OR IGNORE INTO {table} (rowid, {names}) "
        f"VALUES (?, {', '.join('?' * len(columns))})"
    )
    unreadable = 0
    bound = _row_id_bound(source, table)
    last_seen = 0
    for rowid in range(1, (bound or MAX_PROBED_ROWS) + 1):
        if bound is None and rowid - last_seen > UNBOUNDED_GAP:
            break  # nothing readable for a long run of ids: past the end of what survived
        try:
            row = source.execute(select, (rowid,)).fetchone()
        except sqlite3.Error:
            unreadable += 1
            continue
        if row is None:
            continue
        last_seen = rowid
        if table == "outbox" and not _usable_action(dict(zip(columns, row[1:], strict=True))):
            unreadable += 1
            continue
        try:
            target.execute(insert, row)
        except sqlite3.IntegrityError:
            continue  # a link to an action that was on a lost page: nothing to link
    log.warning("damaged outbox: table %s copied, %d row ids unreadable", table, unreadable)
    return unreadable


def _usable_action(values: dict[str, object]) -> bool:
    """Whether a salvaged outbox row can be sent or shown again (its JSON parts whole)."""
    try:
        outbox_store.ActionState(str(values.get("state")))
        json.loads(str(values["action"]))
        before = json.loads(str(values["orders_before"]))
        return isinstance(before, dict) and bool(values.get("idempotency_key"))
    except (KeyError, ValueError, TypeError):
        return False


def _link_orders(target: sqlite3.Connection) -> None:
    """The queue order per order (``outbox_orders``) for every recovered action whose links
    were on a damaged page: its own order and every order it holds a snapshot of (the orders
    it touches, see ``Outbox.enqueue``)."""
    rows = target.execute(
        "SELECT id, connection_id, order_id, orders_before FROM outbox o WHERE NOT EXISTS "
        "(SELECT 1 FROM outbox_orders l WHERE l.action_id = o.id)"
    ).fetchall()
    for action_id, connection_id, order_id, before in rows:
        order_ids = dict.fromkeys([order_id, *json.loads(before)])
        target.executemany(
            "INSERT OR IGNORE INTO outbox_orders (action_id, connection_id, order_id) "
            "VALUES (?, ?, ?)",
            [(action_id, connection_id, oid) for oid in order_ids],
        )

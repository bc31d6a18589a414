"""Shared SQLite plumbing for the store: opening a connection with the settings every store
file needs, explicit transactions, and a small versioned migrations runner.

Each store component (order cache, outbox, ...) passes its own ordered list of migrations and
a component name; the applied version is kept per component in ``schema_version`` so several
components can share one file. ``PRAGMA user_version`` mirrors the sum of all component
versions, which is handy when inspecting a file by hand, but is never relied on.

Connections are opened in autocommit mode (``isolation_level=None``) and every write that must
be atomic goes through :func:`transaction`, so no statement is ever committed by accident.
Every file is user-only (0600 on POSIX, its journal files follow) and a full disk inside a
transaction becomes :class:`DiskFull`, a plain sentence with the transaction rolled back.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from fulfillment_station import APP_NAME
from fulfillment_station.store.file_checks import (
    DISK_FULL,
    SIDECAR_SUFFIXES,
    is_disk_full,
    make_private,
    private_dir,
)

#: A migration is SQL text (one or more statements) or a function that receives the open
#: connection inside the migration's transaction (for steps that depend on what SQLite offers).
Migration = str | Callable[[sqlite3.Connection], None]

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A store file cannot be used; the message says what the packer can do about it."""

    @property
    def message(self) -> str:
        """The packer's sentence (a ``Message`` where one was given, so it is translated)."""
        first = self.args[0] if self.args else None
        return first if isinstance(first, str) else str(self)


class DiskFull(StoreError):
    """No room left on the disk: the transaction was rolled back, what was committed before
    is intact."""


#: ``synchronous`` for files whose every commit is a promise to the packer (the outbox: a
#: queued shipment must survive a power cut once "queued" is shown): FULL syncs the WAL on
#: every commit. NORMAL (the default) survives an app crash, and a power cut loses at most
#: the last commits, never the file: right for caches that are rebuilt from the store.
DURABLE = "FULL"
CACHE = "NORMAL"


def connect(
    path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, synchronous: str = CACHE
) -> sqlite3.Connection:
    """Open ``path`` (created if missing, user-only) with WAL, foreign keys and a busy
    timeout."""
    if synchronous not in (DURABLE, CACHE):
        raise ValueError(f"synchronous must be {DURABLE} or {CACHE}, not {synchronous!r}")
    target = Path(path)
    if not target.parent.exists():
        private_dir(target.parent)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(target, timeout=busy_timeout_ms / 1000, isolation_level=None)
        # SQLite creates the WAL and shared-memory files with the database file's mode, so
        # tightening the file first keeps them private too.
        for name in (target, *(target.with_name(target.name + s) for s in SIDECAR_SUFFIXES)):
            make_private(name)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        _use_wal(conn, busy_timeout_ms)
        conn.execute(f"PRAGMA synchronous = {synchronous}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if is_disk_full(exc, target.parent):
            raise DiskFull(DISK_FULL.format(folder=str(target.parent))) from exc
        raise StoreError(
            f"The data file {target} cannot be opened ({exc}). It was left as it is; "
            f"copy it for support before changing anything."
        ) from exc
    return conn


def _use_wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Switch the file to WAL. The switch needs an exclusive lock and SQLite does not apply the
    busy timeout to it, so two workers opening a new file at once retry here instead."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one write transaction: all of it is committed, or none of it."""
    # IMMEDIATE takes the write lock up front, so a concurrent writer waits on busy_timeout
    # instead of failing half-way through the block.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        # SQLite may already have rolled back (e.g. disk full); the original error matters.
        if conn.in_transaction:
            # Nothing was committed either way; the first error is the one to tell.
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            folder = _folder_of(conn)
            if is_disk_full(exc, Path(folder)):
                raise DiskFull(DISK_FULL.format(folder=folder)) from exc
        raise


def _folder_of(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        row = None
    return str(Path(row[2]).parent) if row and row[2] else "."


def split_statements(script: str) -> list[str]:
    """Split SQL text into complete statements (triggers with ``BEGIN ... END`` stay whole)."""
    statements: list[str] = []
    pending = ""
    pieces = script.split(";")
    for i, piece in enumerate(pieces):
        pending += piece if i == len(pieces) - 1 else piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:60]!r}")
    return statements


def schema_version(conn: sqlite3.Connection, component: str) -> int:
    """The migration version applied for ``component`` (0 for a new file)."""
    _ensure_version_table(conn)
    row = conn.execute(
        "SELECT version FROM schema_version WHERE component = ?", (component,)
    ).fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, component: str, migrations: Sequence[Migration]) -> int:
    """Apply the migrations of ``component`` that the file does not have yet, each in its own
    transaction, and return the resulting version (``len(migrations)``).

    A file written by a newer app (more migrations than this build knows) is refused rather
    than guessed at.
    """
    current = schema_version(conn, component)
    if current > len(migrations):
        raise StoreError(
            f"The data file was written by a newer version of {APP_NAME} "
            f"({component} schema {current}, this version knows {len(migrations)}); "
            f"update the app to open it."
        )
    for version in range(current + 1, len(migrations) + 1):
        step = migrations[version - 1]
        with transaction(conn):
            # Two connections may open a new file at once (the sync worker and the reader):
            # re-check under the write lock so a step is never applied twice.
            if schema_version(conn, component) >= version:
                continue
            if callable(step):
                step(conn)
            else:
                for statement in split_statements(step):
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (component, version) VALUES (?, ?) "
                "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                (component, version),
            )
            total = conn.execute("SELECT COALESCE(SUM(version), 0) FROM schema_version")
            conn.execute(f"PRAGMA user_version = {int(total.fetchone()[0])}")
    return len(migrations)


def _ensure_version_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " component TEXT PRIMARY KEY,"
        " version INTEGER NOT NULL)"
    )

"""The print queue: a slip or label waits here (SQLite) until a printer has taken it.

A job holds the document (its bytes, or the path of a file), the printer's name and where it
stands:

``pending``   queued, not sent yet; with ``last_error`` set it is *held*: its printer said it
              cannot print (out of paper, head open, ...) before anything was sent, so it is
              sent by itself once the printer can print (``hold``, ``held``)
``printing``  claimed for sending; set in its own transaction *before* the bytes go out
``done``      the printer took the bytes
``failed``    the printer failed; ``last_error`` says why and the job can be retried

A job is never printed twice by accident: only a pending or failed job can be claimed, the claim
is one atomic UPDATE, and a printed job moves to ``done`` straight after the send. A job found
in ``printing`` when the app starts again may or may not have come out of the printer, so
``recover_interrupted`` marks it failed with a message asking the packer to check, instead of
sending it again. Printing a document again is always an explicit new job (``reprint``).

The queue sits beside the printing layer, not above it: it sends through any callable that
takes the bytes (a ``Printer.send``), and records the exception's message when that fails.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, from_store, stored_data
from fulfillment_station.store.audit import from_db_time, to_db_time, utc_now
from fulfillment_station.store.db import Migration, StoreError, connect, migrate, transaction


class JobState(StrEnum):
    PENDING = "pending"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


class JobKind(StrEnum):
    SLIP = "slip"
    LABEL = "label"


FORMATS = ("pdf", "png", "zpl")
INTERRUPTED_MESSAGE = QT_TRANSLATE_NOOP(
    "PrintQueue",
    "The app stopped while this job was printing; check the printer and reprint "
    "it if nothing came out.",
)

MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('slip', 'label')),
        order_id TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('pdf', 'png', 'zpl')),
        data BLOB,
        path TEXT,
        printer TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'printing', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        reprint_of INTEGER REFERENCES print_jobs (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((data IS NULL) <> (path IS NULL))
    );
    CREATE INDEX print_jobs_state ON print_jobs (state);
    CREATE INDEX print_jobs_order ON print_jobs (order_id);
    """,
    # 2: the failure's template and parameters (JSON), so a Spanish desk reads it in Spanish
    # after a restart; NULL for plain text and for rows written before this version.
    "ALTER TABLE print_jobs ADD COLUMN last_error_data TEXT;",
]

_COLUMNS = (
    "id, kind, order_id, format, printer, state, attempts, last_error, reprint_of, "
    "created_at, updated_at, data, path, last_error_data"
)


class JobNotPrintable(StoreError):
    """The job is done, already printing, missing, or its file is gone."""


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: int
    kind: JobKind
    order_id: str
    format: str
    printer: str
    state: JobState
    attempts: int
    last_error: str | None
    reprint_of: int | None
    created_at: datetime
    updated_at: datetime
    data: bytes | None
    path: str | None

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> PrintJob:
        return cls(
            id=int(row[0]),
            kind=JobKind(row[1]),
            order_id=str(row[2]),
            format=str(row[3]),
            printer=str(row[4]),
            state=JobState(row[5]),
            attempts=int(row[6]),
            last_error=None
            if row[7] is None
            else from_store(str(row[7]), None if row[13] is None else str(row[13])),
            reprint_of=None if row[8] is None else int(row[8]),
            created_at=from_db_time(str(row[9])),
            updated_at=from_db_time(str(row[10])),
            data=None if row[11] is None else bytes(row[11]),
            path=None if row[12] is None else str(row[12]),
        )


class PrintQueue:
    """Print jobs in one SQLite file; every method commits before it returns."""

    def __init__(
        self, conn: sqlite3.Connection, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.conn = conn
        self.clock = clock
        migrate(conn, "print_queue", MIGRATIONS)

    @classmethod
    def open(cls, path: Path | str, *, clock: Callable[[], datetime] = utc_now) -> PrintQueue:
        return cls(connect(path), clock=clock)

    def close(self) -> None:
        self.conn.close()

    def enqueue(
        self,
        kind: JobKind | str,
        order_id: str,
        fmt: str,
        printer: str,
        *,
        data: bytes | None = None,
        path: Path | str | None = None,
        reprint_of: int | None = None,
    ) -> PrintJob:
        """Queue a document: its bytes, or the path of a file holding them."""
        if (data is None) == (path is None):
            raise ValueError("a print job needs either the document's bytes or a file path")
        if fmt not in FORMATS:
            raise ValueError(f"print format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        now = to_db_time(self.clock())
        with transaction(self.conn):
            cursor = self.conn.execute(
                "INSERT INTO print_jobs (kind, order_id, format, data, path, printer, "
                "reprint_of, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    JobKind(kind).value,
                    order_id,
                    fmt,
                    data,
                    None if path is None else str(path),
                    printer,
                    reprint_of,
                    now,
                    now,
                ),
            )
        return self.get(int(cursor.lastrowid or 0))

    def reprint(self, job_id: int, printer: str | None = None) -> PrintJob:
        """A new pending job with the same document (optionally on another printer)."""
        job = self.get(job_id)
        return self.enqueue(
            job.kind,
            job.order_id,
            job.format,
            printer or job.printer,
            data=job.data,
            path=job.path,
            reprint_of=job.id,
        )

    def get(self, job_id: int) -> PrintJob:
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM print_jobs WHERE id = ?", (job_id,)
        ).fetchone()
        if row is None:
            raise JobNotPrintable(f"Print job {job_id} does not exist.")
        return PrintJob.from_row(row)

    def jobs(
        self, states: Iterable[JobState] | None = None, order_id: str | None = None
    ) -> list[PrintJob]:
        """Jobs oldest first, optionally only in ``states`` and/or for one order."""
        sql = f"SELECT {_COLUMNS} FROM print_jobs WHERE 1 = 1"
        params: list[object] = []
        if states is not None:
            wanted = [JobState(s).value for s in states]
            sql += f" AND state IN ({', '.join('?' * len(wanted))})"
            params += wanted
        if order_id is not None:
            sql += " AND order_id = ?"
            params.append(order_id)
        rows = self.conn.execute(sql + " ORDER BY id", params).fetchall()
        return [PrintJob.from_row(row) for row in rows]

    def claim(self, job_id: int) -> PrintJob:
        """Move a pending or failed job to ``printing`` (one attempt more), atomically."""
        with transaction(self.conn):
            cursor = self.conn.execute(
                "UPDATE print_jobs SET state = 'printing', attempts = attempts + 1, "
                "updated_at = ? WHERE id = ? AND state IN ('pending', 'failed')",
                (to_db_time(self.clock()), job_id),
            )
        if cursor.rowcount != 1:
            job = self.get(job_id)
            if job.state is JobState.DONE:
                raise JobNotPrintable(
                    f"Print job {job_id} has already printed; use reprint to print it again."
                )
            raise JobNotPrintable(f"Print job {job_id} is already being printed.")
        return self.get(job_id)

    def mark_done(self, job_id: int) -> PrintJob:
        self._finish(job_id, JobState.DONE, None)
        return self.get(job_id)

    def mark_failed(self, job_id: int, message: str) -> PrintJob:
        self._finish(job_id, JobState.FAILED, message)
        return self.get(job_id)

    def _finish(self, job_id: int, state: JobState, message: str | None) -> None:
        with transaction(self.conn):
            cursor = self.conn.execute(
                "UPDATE print_jobs SET state = ?, last_error = ?, last_error_data = ?, "
                "updated_at = ? WHERE id = ? AND state = 'printing'",
                (
                    state.value,
                    None if message is None else str.__str__(message),
                    None if message is None else stored_data(message),
                    to_db_time(self.clock()),
                    job_id,
                ),
            )
        if cursor.rowcount != 1:
            raise JobNotPrintable(f"Print job {job_id} was not being printed.")

    def print_job(self, job_id: int, send: Callable[[bytes], object]) -> PrintJob:
        """Claim the job, send its document once, and record the outcome.

        If ``send`` raises, the job is left ``failed`` with the exception's message (a
        ``PrinterError``'s sentence) and the exception propagates to the caller.
        """
        job = self.claim(job_id)
        try:
            send(self._document(job))
        except Exception as exc:
            message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            self.mark_failed(job.id, message if isinstance(message, str) else str(message))
            raise
        return self.mark_done(job.id)

    def hold(self, job_id: int, message: str) -> PrintJob:
        """Keep a job waiting (``pending``) with the reason its printer gave, when nothing was
        sent to the printer: it is safe to send by itself later, unlike a failed send."""
        with transaction(self.conn):
            cursor = self.conn.execute(
                "UPDATE print_jobs SET state = 'pending', last_error = ?, last_error_data = ?, "
                "updated_at = ? WHERE id = ? AND state IN ('pending', 'failed')",
                (str.__str__(message), stored_data(message), to_db_time(self.clock()), job_id),
            )
        if cursor.rowcount != 1:
            raise JobNotPrintable(f"Print job {job_id} is not waiting to print.")
        return self.get(job_id)

    def held(self) -> list[PrintJob]:
        """Jobs held until their printer can print, oldest first."""
        return [job for job in self.jobs([JobState.PENDING]) if job.last_error is not None]

    def recover_interrupted(self) -> list[PrintJob]:
        """After a crash: jobs left ``printing`` become ``failed`` (never re-sent unasked)."""
        with transaction(self.conn):
            ids = [
                int(row[0])
                for row in self.conn.execute("SELECT id FROM print_jobs WHERE state = 'printing'")
            ]
            self.conn.execute(
                "UPDATE print_jobs SET state = 'failed', last_error = ?, last_error_data = ?, "
                "updated_at = ? WHERE state = 'printing'",
                (
                    str.__str__(INTERRUPTED_MESSAGE),
                    INTERRUPTED_MESSAGE.to_json(),
                    to_db_time(self.clock()),
                ),
            )
        return [self.get(job_id) for job_id in ids]

    @staticmethod
    def _document(job: PrintJob) -> bytes:
        if job.data is not None:
            return job.data
        try:
            return Path(job.path or "").read_bytes()
        except OSError as exc:
            raise JobNotPrintable(
                f"The file {job.path} for this print job cannot be read ({exc.strerror}); "
                "print the document again."
            ) from None

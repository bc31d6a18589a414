"""How desks of one warehouse stay out of each other's way: claims on orders, shared outbox
visibility before a write, and the shared audit log. No Qt; the window and pack mode call it
through the narrow :class:`Coordinator` interface.

* :class:`LocalCoordinator` — a single desk: every claim is granted, nothing is shared, no
  server. The app uses it when no station database is set.
* :class:`StationCoordinator` — the station database (PostgreSQL). A claim is one statement
  (``INSERT ... ON CONFLICT DO UPDATE ... WHERE expired``), so two desks scanning the same order
  in the same millisecond cannot both get it. :meth:`~StationCoordinator.claim_next` walks the
  packer's candidate list in order and skips candidates another desk is taking at that moment
  with ``pg_try_advisory_xact_lock`` (the ``SKIP LOCKED`` of rows that do not exist yet), so
  eight desks asking at once get eight different orders. Holding a candidate's lock, it asks
  ``station_order_offerable`` (schema), which reads with a snapshot newer than the statement's,
  so a desk that claimed and shipped that order while the statement ran is seen; a scan waits
  for the same lock before its claim. "Next order" never offers an order a desk shipped or
  cancelled (``orders_done``), one with a shipment or cancel waiting in a desk's outbox, or one
  a desk found on hold (``orders_held``, until ``held_recheck_s`` has passed: a held order is
  not claimed, re-read and let go by every desk in turn). A claim is a lease: the desk's
  :class:`LeaseKeeper` renews it; a desk that dies loses its claims after ``lease_s``.

Degraded, never blocked: when the server cannot be reached every call still answers at once
from what the desk knows (its own claims, the orders it last saw taken elsewhere, the desks it
last saw alive), :attr:`~StationCoordinator.status` says coordination is off, and what happened
meanwhile is written to the server when it returns. "Next order" then only takes orders that
the rendezvous hash of the order id gives to this desk among the desks last seen alive, so desks
cut off from the server at the same time still pick different orders.

Nothing is lost: audit events are first appended to the desk's own SQLite file
(``station_pending``) and copied to the server in order, idempotently (each has a unique
``event_id``); the local audit log of the outbox is copied after a cursor
(:meth:`~StationCoordinator.sync_local_audit`). The local outbox stays the durable path of the
desk's writes; the station database only lets other desks see them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from fulfillment_station.connectors.base import SHIPPING_WRITES, Operation
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.station import schema
from fulfillment_station.station.config import (
    DEFAULT_HEARTBEAT_S,
    DEFAULT_LEASE_S,
    StationDbConfig,
    load_password,
)
from fulfillment_station.store.db import Migration, migrate, transaction
from fulfillment_station.store.secrets import NoKeyringError, TokenStore

if TYPE_CHECKING:
    # psycopg (and its C library) loads on the first use of a station database, not at
    # start: a desk without one never pays for it (python -m benchmarks gui, cold start).
    import psycopg

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Outbox action kinds that put goods in a box: a second one from another desk is refused.
#: Plain strings: they are compared with, and sent as, the kind column's text.
SHIPMENT_KINDS = frozenset(op.value for op in SHIPPING_WRITES)
#: Shared outbox states that still mean "this write may reach the store".
OPEN_STATES = ("pending", "sending", "retrying", "failed")
#: (Also ``station_order_offerable`` in the schema: an open one keeps "next order" away.)
#: Local audit outcome -> the shared outbox state it leaves the action in.
_STATE_OF_OUTCOME = {
    "queued": "pending",
    "retried": "pending",
    "interrupted": "pending",
    "narrowed": "pending",
    "retrying": "retrying",
    "failed": "failed",
    "done": "done",
    "dismissed": "dismissed",
}
#: How long a packer's hold (set at one desk) keeps "next order" at the others off the order
#: when nobody lifts it: a day, past any shift.
PACKER_HOLD_RECHECK_S = 24 * 3600.0
#: The longest wait between two attempts to reach a lost server.
_MAX_RETRY_S = 5.0
_BATCH = 500


class CoordinationStatus(StrEnum):
    SINGLE = "single"
    """No station database: this desk works alone."""
    ON = "on"
    """The station database answers: desks are coordinated."""
    OFF = "off"
    """The station database is set but unreachable: packing goes on, coordination is off."""


class ReleaseReason(StrEnum):
    CLOSED = "closed"
    """The packer closed the order (progress kept); another desk may take it."""
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    """A cancel is queued here: the claim ends now; the queued cancel keeps "next order" off
    the order until the store confirms it (then it is finished as cancelled)."""
    HELD = "held"
    SUPERVISOR = "supervisor"
    """A supervisor released another desk's claim (with a reason, audited)."""


#: Reasons that finish an order: "next order" never offers it again.
FINISHING = frozenset({ReleaseReason.SHIPPED, ReleaseReason.CANCELLED})


class RefusalKind(StrEnum):
    HELD = "held"
    FINISHED = "finished"
    PENDING_ELSEWHERE = "pending_elsewhere"


HELD_BY = QT_TRANSLATE_NOOP(
    "Station",
    "Order {order} is being packed at {desk} by {packer} since {since}: take another order.",
)
FINISHED_BY = QT_TRANSLATE_NOOP(
    "Station", "Order {order} was already finished at {desk} at {since}."
)
PENDING_AT = QT_TRANSLATE_NOOP(
    "Station",
    "A shipment for order {order} is already waiting to be sent at {desk} "
    "(queued {since}): do not ship it again.",
)
COORDINATION_OFF = QT_TRANSLATE_NOOP(
    "Station",
    "Coordination with the other desks is off (station database unreachable); "
    "packing goes on here.",
)
COORDINATION_ON = QT_TRANSLATE_NOOP("Station", "Coordinated with the other desks.")
CLAIM_BADGE = QT_TRANSLATE_NOOP("Station", "Packing at {desk} · {packer} · since {since}")


def status_message(status: CoordinationStatus) -> Message | None:
    """The status bar's sentence for ``status`` (None for a desk working alone)."""
    if status is CoordinationStatus.ON:
        return COORDINATION_ON
    if status is CoordinationStatus.OFF:
        return COORDINATION_OFF
    return None


@dataclass(frozen=True)
class Claim:
    connection_id: str
    order_id: str
    desk: str
    packer: str
    since: datetime
    coordinated: bool
    """False when granted on local knowledge only (the station database was unreachable)."""


@dataclass(frozen=True)
class ClaimHolder:
    """Another desk's live claim, as the order list shows it."""

    order_id: str
    desk: str
    packer: str
    since: datetime

    @property
    def badge(self) -> Message:
        return CLAIM_BADGE.format(
            desk=self.desk,
            packer=self.packer or "-",
            since=self.since.astimezone().strftime("%H:%M"),
        )


@dataclass(frozen=True)
class Refusal:
    order_id: str
    kind: RefusalKind
    desk: str
    packer: str
    since: datetime

    @property
    def message(self) -> Message:
        since = self.since.astimezone().strftime("%H:%M")
        if self.kind is RefusalKind.HELD:
            return HELD_BY.format(
                order=self.order_id, desk=self.desk, packer=self.packer or "-", since=since
            )
        if self.kind is RefusalKind.FINISHED:
            return FINISHED_BY.format(order=self.order_id, desk=self.desk, since=since)
        return PENDING_AT.format(order=self.order_id, desk=self.desk, since=since)


STATION_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Station", "The station database cannot be reached now: try again in a moment."
)


class StationUnreachable(DomainError):
    """A read that needs the station database (a report) while it cannot be reached."""


class WriteRefused(DomainError):
    """The station database says this write would duplicate another desk's (or the order is
    another desk's now); ``refusal`` has who and since when."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal


@dataclass(frozen=True)
class PendingWrite:
    idempotency_key: str
    desk: str
    kind: str
    state: str
    queued_at: datetime


@dataclass(frozen=True)
class ChangeEvent:
    """One change announced by a desk (see ``listener.py``)."""

    change: str
    """claimed, released, shipped, cancelled, held, closed, supervisor, outbox_<state>"""
    connection_id: str
    order_id: str
    desk: str
    at: datetime

    @classmethod
    def from_payload(cls, payload: str) -> ChangeEvent:
        data = json.loads(payload)
        return cls(
            change=str(data["change"]),
            connection_id=str(data["connection_id"]),
            order_id=str(data["order_id"]),
            desk=str(data["desk"]),
            at=datetime.fromisoformat(str(data["at"]).replace("Z", "+00:00")),
        )


@dataclass
class AuditEvent:
    """One row of the shared audit log, made at this desk."""

    kind: str
    order_id: str = ""
    order_number: str = ""
    outcome: str = ""
    summary: str = ""
    message: str = ""
    items: int = 0
    boxes: int = 0
    carrier: str = ""
    tracking: str = ""
    seconds: float | None = None
    idempotency_key: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    event_id: str = field(default_factory=lambda: uuid.uuid4().hex)


class Coordinator(Protocol):
    """What the pack flow and the window call. Every method answers at once (a lost server
    makes it answer from local knowledge) and never raises for a network problem."""

    @property
    def desk(self) -> str: ...

    @property
    def status(self) -> CoordinationStatus: ...

    def claim(self, order_id: str) -> Claim | Refusal: ...

    def claim_next(self, candidates: Sequence[str]) -> Claim | None: ...

    def release(self, order_id: str, reason: ReleaseReason = ReleaseReason.CLOSED) -> None: ...

    def heartbeat(self) -> CoordinationStatus: ...

    def reserve_write(self, order_id: str, idempotency_key: str, kind: str) -> None: ...

    def pending_elsewhere(self, order_id: str) -> list[PendingWrite]: ...

    def record(self, event: AuditEvent) -> None: ...


class Queueable(Protocol):
    """What :meth:`StationCoordinator.before_queue` reads of an outbox action."""

    @property
    def kind(self) -> str: ...

    @property
    def idempotency_key(self) -> str: ...

    @property
    def order_ids(self) -> tuple[str, ...]: ...


class LocalCoordinator:
    """A single desk: claims are always granted, nothing is shared, nothing needs a server."""

    def __init__(self, *, desk: str, packer: str = "", connection_id: str = "") -> None:
        self._desk = desk
        self.packer = packer
        self.connection_id = connection_id

    @property
    def desk(self) -> str:
        return self._desk

    @property
    def status(self) -> CoordinationStatus:
        return CoordinationStatus.SINGLE

    def claim(self, order_id: str) -> Claim | Refusal:
        return Claim(
            self.connection_id,
            order_id,
            self._desk,
            self.packer,
            datetime.now(UTC),
            coordinated=True,
        )

    def claim_next(self, candidates: Sequence[str]) -> Claim | None:
        for order_id in candidates:
            claim = self.claim(order_id)
            assert isinstance(claim, Claim)
            return claim
        return None

    def release(self, order_id: str, reason: ReleaseReason = ReleaseReason.CLOSED) -> None:
        return None

    def heartbeat(self) -> CoordinationStatus:
        return CoordinationStatus.SINGLE

    def hold_placed(self, order_id: str) -> None:
        return None

    def hold_lifted(self, order_id: str) -> None:
        return None

    def reserve_write(self, order_id: str, idempotency_key: str, kind: str) -> None:
        return None

    def pending_elsewhere(self, order_id: str) -> list[PendingWrite]:
        return []

    def record(self, event: AuditEvent) -> None:
        return None

    def before_queue(self, action: Queueable) -> None:
        return None

    def not_offered_among(self, order_ids: Sequence[str]) -> set[str] | None:
        return set()


def connect_station_db(conninfo: str) -> psycopg.Connection:
    """A new connection to the station database (psycopg is imported here, on first use)."""
    import psycopg

    return psycopg.connect(conninfo)


class LeaseKeeper:
    """Renews this desk's claims every ``interval_s`` on a connection of its own, from a
    thread, so a long pack (or a busy GUI thread) never lets a live desk's claims expire.
    A dead desk's keeper dies with it: that is what makes its claims expire."""

    def __init__(
        self,
        connect: Callable[[], psycopg.Connection],
        *,
        desk: str,
        lease_s: float,
        interval_s: float,
    ) -> None:
        self._connect = connect
        self._desk = desk
        self._lease_s = lease_s
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="station-lease", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        import psycopg

        conn: psycopg.Connection | None = None
        while not self._stop.is_set():
            try:
                if conn is None:
                    conn = self._connect()
                    conn.autocommit = True
                conn.execute(
                    "UPDATE claims SET expires_at = now() + %s * interval '1 s' WHERE desk = %s",
                    (self._lease_s, self._desk),
                )
                conn.execute("UPDATE desks SET last_seen = now() WHERE desk = %s", (self._desk,))
            except (psycopg.Error, OSError) as exc:
                log.info("lease renewal failed (%s); trying again", exc)
                if conn is not None:
                    with contextlib.suppress(psycopg.Error):
                        conn.close()
                conn = None
            self._stop.wait(self._interval_s)
        if conn is not None:
            with contextlib.suppress(psycopg.Error):
                conn.close()


#: The desk's own SQLite tables for what the station database has not been told yet.
LOCAL_MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE station_pending (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        event TEXT NOT NULL
    );
    CREATE TABLE station_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
]


def rendezvous_owner(order_id: str, desks: Iterable[str]) -> str:
    """The desk that "next order" gives ``order_id`` to while coordination is off: the desk
    with the highest hash of (desk, order). Every desk computes the same answer alone."""

    def score(desk: str) -> bytes:
        return hashlib.blake2b(f"{desk}\x00{order_id}".encode(), digest_size=8).digest()

    return max(desks, key=score)


class _Unreachable(Exception):
    pass


class StationCoordinator:
    """The station database (see the module docstring). ``local`` is the desk's store file
    connection (the one its outbox and audit log live in); ``connect`` opens a psycopg
    connection (tests and the benchmark pass their own)."""

    def __init__(
        self,
        config: StationDbConfig,
        local: sqlite3.Connection,
        *,
        desk: str,
        packer: str = "",
        connection_id: str,
        password: str | None = None,
        connect: Callable[[], psycopg.Connection] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self._local = local
        self._desk = desk
        self.packer = packer
        self.connection_id = connection_id
        self._connect = connect or (lambda: connect_station_db(config.conninfo(password)))
        self._clock = clock
        self._conn: psycopg.Connection | None = None
        self._lock = threading.RLock()
        self._status = CoordinationStatus.OFF
        self._retry_at = 0.0
        self._retry_s = 0.5
        self._was_on = False
        self._held: dict[str, datetime] = {}
        self._reassert = False
        self._taken_elsewhere: dict[str, tuple[str, str, datetime]] = {}
        self._finished_here: set[str] = set()
        self._live_desks: set[str] = {desk}
        self._window: list[str] = []
        self.on_status: Callable[[CoordinationStatus], None] | None = None
        migrate(local, "station", LOCAL_MIGRATIONS)
        row = local.execute("SELECT value FROM station_meta WHERE key = 'file_id'").fetchone()
        if row is None:
            self._file_id = uuid.uuid4().hex
            with transaction(local):
                local.execute(
                    "INSERT INTO station_meta (key, value) VALUES ('file_id', ?)", (self._file_id,)
                )
        else:
            self._file_id = str(row[0])
        self._online(lambda conn: None)

    # --- the interface ------------------------------------------------------------------------

    @property
    def desk(self) -> str:
        return self._desk

    @property
    def status(self) -> CoordinationStatus:
        return self._status

    def claim(self, order_id: str) -> Claim | Refusal:
        """Take ``order_id`` for this desk, or say who has it (or who finished it)."""
        result = self._online(lambda conn: self._claim(conn, order_id))
        if result is _OFFLINE:
            if order_id in self._taken_elsewhere:
                desk, packer, since = self._taken_elsewhere[order_id]
                return Refusal(order_id, RefusalKind.HELD, desk, packer, since)
            return self._grant_locally(order_id)
        assert isinstance(result, Claim | Refusal)
        if isinstance(result, Claim):
            self._held[order_id] = result.since
        return result

    def claim_next(self, candidates: Sequence[str]) -> Claim | None:
        """The first of ``candidates`` (the packer's list, in its order) no desk holds or has
        finished, claimed for this desk; ``None`` when every one is taken."""
        self._window = list(candidates)
        result = self._online(lambda conn: self._claim_next(conn, self._window))
        if result is _OFFLINE:
            for order_id in candidates:
                if (
                    order_id not in self._taken_elsewhere
                    and order_id not in self._held
                    and order_id not in self._finished_here
                    and rendezvous_owner(order_id, self._live_desks) == self._desk
                ):
                    return self._grant_locally(order_id)
            return None
        if isinstance(result, Claim):
            self._held[result.order_id] = result.since
            return result
        return None

    def release(self, order_id: str, reason: ReleaseReason = ReleaseReason.CLOSED) -> None:
        """End this desk's claim (the order shipped, was cancelled, held or closed)."""
        self._held.pop(order_id, None)
        if reason in FINISHING:
            self._finished_here.add(order_id)
        self.record(AuditEvent(kind="release", order_id=order_id, outcome=str(reason)))
        self._online(lambda conn: self._release(conn, order_id, reason))

    def supervisor_release(self, order_id: str, *, reason: str, supervisor: str) -> bool:
        """Free an order another desk holds (or marked finished), with a reason; audited.
        False when the server cannot be reached (nothing was changed)."""
        if not reason.strip():
            raise ValueError("A supervisor release needs a reason.")

        def work(conn: psycopg.Connection) -> bool:
            with conn.transaction():
                held = conn.execute(
                    "DELETE FROM claims WHERE connection_id = %s AND order_id = %s "
                    "RETURNING desk, packer",
                    (self.connection_id, order_id),
                ).fetchone()
                conn.execute(
                    "DELETE FROM orders_done WHERE connection_id = %s AND order_id = %s",
                    (self.connection_id, order_id),
                )
                conn.execute(
                    "DELETE FROM orders_held WHERE connection_id = %s AND order_id = %s",
                    (self.connection_id, order_id),
                )
                conn.execute(
                    "UPDATE shared_outbox SET state = 'released', updated_at = now() "
                    "WHERE connection_id = %s AND order_id = %s AND state = ANY(%s)",
                    (self.connection_id, order_id, list(OPEN_STATES)),
                )
                holder = f"{held[0]} ({held[1]})" if held else "no desk"
                self._insert_audit(
                    conn,
                    AuditEvent(
                        kind="supervisor_release",
                        order_id=order_id,
                        outcome="released",
                        message=f"{supervisor}: {reason} (held by {holder})",
                    ),
                    packer=supervisor,
                )
            return True

        return self._online(work) is True

    def claims_elsewhere(self, limit: int = 10_000) -> list[ClaimHolder] | None:
        """The live claims of the other desks on this connection (the order list's badges);
        None when the server cannot be reached."""

        def work(conn: psycopg.Connection) -> list[ClaimHolder]:
            with conn.transaction():
                rows = conn.execute(
                    "SELECT order_id, desk, packer, claimed_at FROM claims "
                    "WHERE connection_id = %s AND desk <> %s AND expires_at >= now() "
                    "ORDER BY claimed_at LIMIT %s",
                    (self.connection_id, self._desk, limit),
                ).fetchall()
            return [ClaimHolder(*row) for row in rows]

        result = self._online(work)
        return None if result is _OFFLINE else result  # type: ignore[return-value]

    def hold_placed(self, order_id: str) -> None:
        """A packer put the order on hold at this desk: the claim ends and "next order" at
        every desk leaves the order out until the hold is lifted here (a packer's hold lives
        in this desk's cache, not at the store, so another desk cannot see it by re-reading;
        the mark lapses after :data:`PACKER_HOLD_RECHECK_S` at most)."""
        self._held.pop(order_id, None)
        self.record(AuditEvent(kind="release", order_id=order_id, outcome=str(ReleaseReason.HELD)))
        self._online(
            lambda conn: self._release(
                conn, order_id, ReleaseReason.HELD, recheck_s=PACKER_HOLD_RECHECK_S
            )
        )

    def hold_lifted(self, order_id: str) -> None:
        """A packer lifted the order's hold here: "next order" may offer it again at once."""

        def work(conn: psycopg.Connection) -> None:
            with conn.transaction():
                conn.execute(
                    "DELETE FROM orders_held WHERE connection_id = %s AND order_id = %s",
                    (self.connection_id, order_id),
                )

        self._online(work)

    def heartbeat(self) -> CoordinationStatus:
        """Renew this desk's claims, tell the server what happened while it was away, and
        learn which desks are alive and which orders are taken (for a later outage)."""
        self._online(self._heartbeat)
        return self._status

    def reserve_write(self, order_id: str, idempotency_key: str, kind: str) -> None:
        """Before queueing a write: refuse (``WriteRefused``) a shipment while another desk
        holds the order or has one waiting for it, and make this one visible to the others.
        Unreachable server: allowed (the store's answer and the local outbox still guard)."""
        result = self._online(lambda conn: self._reserve(conn, order_id, idempotency_key, kind))
        if isinstance(result, Refusal):
            self.record(
                AuditEvent(
                    kind="write_refused",
                    order_id=order_id,
                    outcome=kind,
                    message=str(result.message),
                )
            )
            raise WriteRefused(result)

    def pending_elsewhere(self, order_id: str) -> list[PendingWrite]:
        """Writes for ``order_id`` other desks have queued and not finished ([] offline)."""

        def work(conn: psycopg.Connection) -> list[PendingWrite]:
            rows = conn.execute(
                "SELECT idempotency_key, desk, kind, state, queued_at FROM shared_outbox "
                "WHERE connection_id = %s AND order_id = %s AND desk <> %s AND state = ANY(%s) "
                "ORDER BY queued_at",
                (self.connection_id, order_id, self._desk, list(OPEN_STATES)),
            ).fetchall()
            conn.rollback()
            return [PendingWrite(*row) for row in rows]

        result = self._online(work)
        return [] if result is _OFFLINE else result  # type: ignore[return-value]

    def not_offered_among(self, order_ids: Sequence[str]) -> set[str] | None:
        """Which of ``order_ids`` "next order" will not offer now: shipped or cancelled by a
        desk, or found on hold at the store (until its recheck); None when unreachable."""

        def work(conn: psycopg.Connection) -> set[str]:
            with conn.transaction():
                rows = conn.execute(
                    "SELECT order_id FROM orders_done WHERE connection_id = %(conn)s "
                    "AND order_id = ANY(%(ids)s) UNION ALL SELECT order_id FROM orders_held "
                    "WHERE connection_id = %(conn)s AND order_id = ANY(%(ids)s) "
                    "AND recheck_at > now()",
                    {"conn": self.connection_id, "ids": list(order_ids)},
                ).fetchall()
            return {row[0] for row in rows} | (self._finished_here & set(order_ids))

        result = self._online(work)
        return None if result is _OFFLINE else result  # type: ignore[return-value]

    def before_queue(self, action: Queueable) -> None:
        """``OutboxService(before_queue=...)``: :meth:`reserve_write` for each order of an
        action (a bulk shipment reserves every order it ships)."""
        order_ids = list(action.order_ids)
        for order_id in order_ids:
            key = action.idempotency_key
            if len(order_ids) > 1:
                key = f"{key}:{order_id}"
            self.reserve_write(order_id, key, str(action.kind))
        if str(action.kind) == Operation.CANCEL:
            for order_id in order_ids:
                if order_id in self._held:
                    self.release(order_id, ReleaseReason.CANCELLING)

    def record(self, event: AuditEvent) -> None:
        """Append an audit event: kept locally at once, copied to the server in order."""
        body = json.dumps({**event.__dict__, "at": event.at.isoformat()})
        with transaction(self._local):
            self._local.execute("INSERT INTO station_pending (event) VALUES (?)", (body,))

    def flush(self) -> int:
        """Copy pending local events to the server; returns how many are still waiting."""
        self._online(self._flush)
        row = self._local.execute("SELECT count(*) FROM station_pending").fetchone()
        return int(row[0])

    def sync_local_audit(self) -> int:
        """Copy the desk's outbox audit rows (``store/audit.py``) the server has not seen, and
        the shared outbox states they imply; returns how many were copied."""
        result = self._online(self._sync_audit)
        return result if isinstance(result, int) else 0

    def read(self, work: Callable[[psycopg.Connection], T]) -> T:
        """Run the read-only ``work`` (a report) on this desk's connection; raises
        :class:`StationUnreachable` when the server cannot be reached."""

        def in_transaction(conn: psycopg.Connection) -> T:
            with conn.transaction():
                return work(conn)

        result = self._online(in_transaction)
        if result is _OFFLINE:
            raise StationUnreachable(STATION_UNREACHABLE)
        return result  # type: ignore[return-value]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # --- the connection and degraded mode ------------------------------------------------------

    def _online(self, work: Callable[[psycopg.Connection], T]) -> T | object:
        import psycopg

        with self._lock:
            conn = self._conn
            if conn is None:
                if self._clock() < self._retry_at:
                    return _OFFLINE
                try:
                    conn = self._open()
                except (psycopg.Error, OSError) as exc:
                    self._lost(exc)
                    return _OFFLINE
            for _attempt in range(3):
                try:
                    return work(conn)
                except psycopg.errors.TransactionRollback as exc:
                    # A deadlock or serialization failure: the server is fine, try again.
                    log.info("station database asked for a retry (%s)", exc)
                    conn.rollback()
                except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                    self._lost(exc)
                    return _OFFLINE
            return _OFFLINE

    def _open(self) -> psycopg.Connection:
        conn = self._connect()
        schema.migrate(conn)
        conn.execute("SET idle_in_transaction_session_timeout = '60s'")
        conn.commit()
        self._conn = conn
        self._retry_s = 0.5
        # Only a desk that was connected before catches up here; a first connection waits for
        # the caller's heartbeat (a supervisor's tool never shows up as a desk).
        came_back = self._was_on and self._status is CoordinationStatus.OFF
        self._was_on = True
        self._set_status(CoordinationStatus.ON)
        if came_back:
            log.info("station database reachable again at %s", self.config.redacted_url())
            self._reassert = True
            self._heartbeat(conn)
        return conn

    def _lost(self, exc: BaseException) -> None:
        import psycopg

        log.warning("station database unreachable (%s): coordination off", exc)
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
        self._conn = None
        self._retry_at = self._clock() + self._retry_s
        self._retry_s = min(_MAX_RETRY_S, self._retry_s * 2)
        self._set_status(CoordinationStatus.OFF)

    def _set_status(self, status: CoordinationStatus) -> None:
        if status is not self._status:
            self._status = status
            if self.on_status is not None:
                self.on_status(status)

    def _grant_locally(self, order_id: str) -> Claim:
        now = datetime.now(UTC)
        self._held[order_id] = now
        claim = Claim(self.connection_id, order_id, self._desk, self.packer, now, coordinated=False)
        self.record(AuditEvent(kind="claim", order_id=order_id, outcome="uncoordinated", at=now))
        return claim

    # --- SQL ------------------------------------------------------------------------------

    _CLAIM_SQL = """
        INSERT INTO claims (connection_id, order_id, desk, packer, expires_at)
        SELECT %(conn)s, %(order)s, %(desk)s, %(packer)s, now() + %(lease)s * interval '1 s'
        WHERE NOT EXISTS (SELECT 1 FROM orders_done
                          WHERE connection_id = %(conn)s AND order_id = %(order)s)
        ON CONFLICT (connection_id, order_id) DO UPDATE
            SET desk = EXCLUDED.desk, packer = EXCLUDED.packer,
                expires_at = EXCLUDED.expires_at,
                claimed_at = CASE WHEN claims.desk = EXCLUDED.desk
                                  THEN claims.claimed_at ELSE now() END
            WHERE claims.desk = EXCLUDED.desk OR claims.expires_at < now()
        RETURNING claimed_at
    """

    def _params(self, order_id: str) -> dict[str, Any]:
        return {
            "conn": self.connection_id,
            "order": order_id,
            "desk": self._desk,
            "packer": self.packer,
            "lease": self.config.lease_s,
        }

    def _lock_order(self, conn: psycopg.Connection, order_id: str) -> None:
        """The advisory lock "next order" tries (see ``_NEXT_SQL``), waited for: the next
        statement's snapshot is taken after it, so it sees a desk that finished the order."""
        conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s || ':' || %s, 0))",
            (self.connection_id, order_id),
        )

    def _claim(self, conn: psycopg.Connection, order_id: str) -> Claim | Refusal:
        with conn.transaction():
            self._lock_order(conn, order_id)
            row = conn.execute(self._CLAIM_SQL, self._params(order_id)).fetchone()
            if row is not None:
                # Opened deliberately (pack mode only claims an order it can pack): whatever
                # hold a desk saw earlier is lifted, so "next order" may offer it again later.
                conn.execute(
                    "DELETE FROM orders_held WHERE connection_id = %s AND order_id = %s",
                    (self.connection_id, order_id),
                )
                self._insert_audit(
                    conn, AuditEvent(kind="claim", order_id=order_id, outcome="claimed")
                )
                return Claim(
                    self.connection_id, order_id, self._desk, self.packer, row[0], coordinated=True
                )
            holder = conn.execute(
                "SELECT desk, packer, claimed_at FROM claims WHERE connection_id = %s "
                "AND order_id = %s",
                (self.connection_id, order_id),
            ).fetchone()
            if holder is not None:
                return Refusal(order_id, RefusalKind.HELD, *holder)
            done = conn.execute(
                "SELECT desk, reason, at FROM orders_done WHERE connection_id = %s "
                "AND order_id = %s",
                (self.connection_id, order_id),
            ).fetchone()
            if done is None:  # released between our two reads: try once more
                again = conn.execute(self._CLAIM_SQL, self._params(order_id)).fetchone()
                if again is not None:
                    self._insert_audit(
                        conn, AuditEvent(kind="claim", order_id=order_id, outcome="claimed")
                    )
                    return Claim(
                        self.connection_id,
                        order_id,
                        self._desk,
                        self.packer,
                        again[0],
                        coordinated=True,
                    )
                return Refusal(order_id, RefusalKind.HELD, "another desk", "", datetime.now(UTC))
            return Refusal(order_id, RefusalKind.FINISHED, done[0], done[1], done[2])

    _NEXT_SQL = """
        INSERT INTO claims (connection_id, order_id, desk, packer, expires_at)
        SELECT %(conn)s, c.order_id, %(desk)s, %(packer)s, now() + %(lease)s * interval '1 s'
        FROM unnest(%(ids)s::text[]) AS c(order_id)
        WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM claims k WHERE k.connection_id = %(conn)s
                                    AND k.order_id = c.order_id AND k.expires_at >= now())
                    AND NOT EXISTS (SELECT 1 FROM orders_done d
                                    WHERE d.connection_id = %(conn)s AND d.order_id = c.order_id)
                    AND NOT EXISTS (SELECT 1 FROM orders_held h
                                    WHERE h.connection_id = %(conn)s AND h.order_id = c.order_id
                                    AND h.recheck_at > now())
              -- CASE, not AND: the fresh re-check must come after the lock is taken.
              THEN CASE WHEN pg_try_advisory_xact_lock(
                                 hashtextextended(%(conn)s || ':' || c.order_id, 0))
                        THEN station_order_offerable(%(conn)s, c.order_id)
                        ELSE false END
              ELSE false END
        LIMIT 1
        ON CONFLICT (connection_id, order_id) DO UPDATE
            SET desk = EXCLUDED.desk, packer = EXCLUDED.packer,
                expires_at = EXCLUDED.expires_at, claimed_at = now()
            WHERE claims.expires_at < now()
        RETURNING order_id, claimed_at
    """

    def _claim_next(self, conn: psycopg.Connection, candidates: list[str]) -> Claim | None:
        ids = [c for c in candidates if c not in self._finished_here]
        # A desk that lost a race retries; each lost race means another desk got an order.
        for _attempt in range(16):
            with conn.transaction():
                row = conn.execute(self._NEXT_SQL, {**self._params(""), "ids": ids}).fetchone()
                if row is not None:
                    self._insert_audit(
                        conn, AuditEvent(kind="claim", order_id=row[0], outcome="claimed")
                    )
            if row is not None:
                return Claim(
                    self.connection_id, row[0], self._desk, self.packer, row[1], coordinated=True
                )
            with conn.transaction():
                free = conn.execute(
                    "SELECT count(*) FROM unnest(%(ids)s::text[]) AS c(order_id) "
                    "WHERE station_order_offerable(%(conn)s, c.order_id)",
                    {"ids": ids, "conn": self.connection_id},
                ).fetchone()
            if not free or not free[0]:
                return None
        return None

    def _release(
        self,
        conn: psycopg.Connection,
        order_id: str,
        reason: ReleaseReason,
        *,
        recheck_s: float | None = None,
    ) -> None:
        with conn.transaction():
            conn.execute(
                "DELETE FROM claims WHERE connection_id = %s AND order_id = %s AND desk = %s",
                (self.connection_id, order_id, self._desk),
            )
            if reason in FINISHING:
                self._finish(conn, order_id, reason)
            elif reason is ReleaseReason.HELD:
                self._mark_held(conn, order_id, recheck_s)
        self._flush(conn)

    def _finish(self, conn: psycopg.Connection, order_id: str, reason: ReleaseReason) -> None:
        conn.execute(
            "INSERT INTO orders_done (connection_id, order_id, desk, packer, reason) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (self.connection_id, order_id, self._desk, self.packer, str(reason)),
        )
        conn.execute(
            "DELETE FROM claims WHERE connection_id = %s AND order_id = %s AND desk = %s",
            (self.connection_id, order_id, self._desk),
        )

    def _mark_held(
        self, conn: psycopg.Connection, order_id: str, recheck_s: float | None = None
    ) -> None:
        conn.execute(
            "INSERT INTO orders_held (connection_id, order_id, desk, packer, recheck_at) "
            "VALUES (%(conn)s, %(order)s, %(desk)s, %(packer)s, "
            "now() + %(recheck)s * interval '1 s') "
            # A packer's day-long mark is not shortened by a desk that re-read the hold.
            "ON CONFLICT (connection_id, order_id) DO UPDATE SET desk = EXCLUDED.desk, "
            "packer = EXCLUDED.packer, at = now(), "
            "recheck_at = GREATEST(orders_held.recheck_at, EXCLUDED.recheck_at)",
            {
                **self._params(order_id),
                "recheck": self.config.held_recheck_s if recheck_s is None else recheck_s,
            },
        )

    def _reserve(
        self, conn: psycopg.Connection, order_id: str, key: str, kind: str
    ) -> Refusal | None:
        with conn.transaction():
            # Locks the claim row (when there is one) so a takeover cannot slip in between.
            holder = conn.execute(
                "SELECT desk, packer, claimed_at, expires_at >= now() FROM claims "
                "WHERE connection_id = %s AND order_id = %s FOR UPDATE",
                (self.connection_id, order_id),
            ).fetchone()
            if kind in SHIPMENT_KINDS:
                if holder is not None and holder[0] != self._desk and holder[3]:
                    return Refusal(order_id, RefusalKind.HELD, holder[0], holder[1], holder[2])
                other = conn.execute(
                    "SELECT desk, packer, queued_at FROM shared_outbox WHERE connection_id = %s "
                    "AND order_id = %s AND desk <> %s AND state = ANY(%s) AND kind = ANY(%s) "
                    "ORDER BY queued_at LIMIT 1",
                    (
                        self.connection_id,
                        order_id,
                        self._desk,
                        list(OPEN_STATES),
                        list(SHIPMENT_KINDS),
                    ),
                ).fetchone()
                if other is not None:
                    return Refusal(order_id, RefusalKind.PENDING_ELSEWHERE, *other)
            conn.execute(
                "INSERT INTO shared_outbox (idempotency_key, desk, connection_id, order_id, "
                "kind, state, packer) VALUES (%s, %s, %s, %s, %s, 'pending', %s) "
                "ON CONFLICT DO NOTHING",
                (key, self._desk, self.connection_id, order_id, kind, self.packer),
            )
        return None

    def _heartbeat(self, conn: psycopg.Connection) -> None:
        with conn.transaction():
            conn.execute(
                "INSERT INTO desks (desk, packer, last_seen) VALUES (%s, %s, now()) "
                "ON CONFLICT (desk) DO UPDATE SET packer = EXCLUDED.packer, last_seen = now()",
                (self._desk, self.packer),
            )
            if self._reassert:
                # Orders taken while the server was away: claim them now where still free.
                for order_id in sorted(self._held):  # one order of locks on every desk
                    self._lock_order(conn, order_id)
                    row = conn.execute(self._CLAIM_SQL, self._params(order_id)).fetchone()
                    if row is None:
                        log.warning(
                            "order %s was taken by another desk while coordination was off",
                            order_id,
                        )
                self._reassert = False
            conn.execute(
                "UPDATE claims SET expires_at = now() + %s * interval '1 s' WHERE desk = %s",
                (self.config.lease_s, self._desk),
            )
            live = conn.execute(
                "SELECT desk FROM desks WHERE last_seen >= now() - %s * interval '1 s'",
                (self.config.lease_s,),
            ).fetchall()
            self._live_desks = {row[0] for row in live} | {self._desk}
            if self._window:
                taken = conn.execute(
                    "SELECT order_id, desk, packer, claimed_at FROM claims WHERE "
                    "connection_id = %(conn)s AND order_id = ANY(%(ids)s) AND desk <> %(desk)s "
                    "UNION ALL SELECT order_id, desk, reason, at FROM orders_done WHERE "
                    "connection_id = %(conn)s AND order_id = ANY(%(ids)s)",
                    {"conn": self.connection_id, "ids": self._window, "desk": self._desk},
                ).fetchall()
                self._taken_elsewhere = {row[0]: (row[1], row[2], row[3]) for row in taken}
        self._flush(conn)
        self._sync_audit(conn)

    def _flush(self, conn: psycopg.Connection) -> None:
        while True:
            rows = self._local.execute(
                "SELECT id, event FROM station_pending ORDER BY id LIMIT ?", (_BATCH,)
            ).fetchall()
            if not rows:
                return
            with conn.transaction():
                finished: dict[str, ReleaseReason] = {}
                held: set[str] = set()
                for _row_id, body in rows:
                    data = json.loads(body)
                    data["at"] = datetime.fromisoformat(data["at"])
                    event = AuditEvent(**data)
                    self._insert_audit(conn, event)
                    if event.kind == "release" and event.outcome in FINISHING:
                        finished[event.order_id] = ReleaseReason(event.outcome)
                    elif event.kind == "release" and event.outcome == ReleaseReason.HELD:
                        held.add(event.order_id)
                # Released while the server was away: finish the orders there too, in one
                # order on every desk, so two desks catching up at once cannot deadlock.
                for order_id in sorted(finished):
                    self._finish(conn, order_id, finished[order_id])
                for order_id in sorted(held - set(finished)):
                    self._mark_held(conn, order_id)
            with transaction(self._local):
                self._local.execute("DELETE FROM station_pending WHERE id <= ?", (rows[-1][0],))

    def _insert_audit(
        self, conn: psycopg.Connection, event: AuditEvent, *, packer: str | None = None
    ) -> None:
        conn.execute(
            "INSERT INTO audit (event_id, desk, packer, at, connection_id, order_id, "
            "order_number, kind, outcome, summary, message, idempotency_key, items, boxes, "
            "carrier, tracking, seconds) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
            "%s, %s, %s, %s, %s, %s) ON CONFLICT (event_id) DO NOTHING",
            (
                event.event_id,
                self._desk,
                self.packer if packer is None else packer,
                event.at,
                self.connection_id,
                event.order_id,
                event.order_number,
                event.kind,
                event.outcome,
                event.summary,
                event.message,
                event.idempotency_key,
                event.items,
                event.boxes,
                event.carrier,
                event.tracking,
                event.seconds,
            ),
        )

    def _sync_audit(self, conn: psycopg.Connection) -> int:
        if (
            self._local.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").fetchone()
            is None
        ):
            return 0
        row = self._local.execute(
            "SELECT value FROM station_meta WHERE key = 'audit_cursor'"
        ).fetchone()
        cursor = int(row[0]) if row else 0
        copied = 0
        while True:
            rows = self._local.execute(
                "SELECT id, at, packer, connection_id, order_id, order_number, action_id, "
                "idempotency_key, kind, summary, outcome, message FROM audit_log "
                "WHERE id > ? ORDER BY id LIMIT ?",
                (cursor, _BATCH),
            ).fetchall()
            if not rows:
                return copied
            with conn.transaction():
                for (
                    local_id,
                    at,
                    packer,
                    connection_id,
                    order_id,
                    number,
                    action_id,
                    key,
                    kind,
                    summary,
                    outcome,
                    message,
                ) in rows:
                    shipped = _shipment_of(self._local, action_id) if outcome == "done" else None
                    carrier, tracking, items, boxes = shipped or ("", "", 0, 0)
                    conn.execute(
                        "INSERT INTO audit (event_id, desk, packer, at, connection_id, order_id, "
                        "order_number, kind, outcome, summary, message, idempotency_key, items, "
                        "boxes, carrier, tracking) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, "
                        "%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (event_id) DO NOTHING",
                        (
                            f"{self._file_id}:{local_id}",
                            self._desk,
                            packer,
                            datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC),
                            connection_id,
                            order_id,
                            number,
                            kind,
                            outcome,
                            summary,
                            message,
                            key,
                            items,
                            boxes,
                            carrier,
                            tracking,
                        ),
                    )
                    state = _STATE_OF_OUTCOME.get(outcome)
                    if kind == Operation.CANCEL and state == "done" and order_id:
                        # The store confirmed the cancel: finished for every desk.
                        self._finish(conn, order_id, ReleaseReason.CANCELLED)
                    if key and state:
                        conn.execute(
                            "INSERT INTO shared_outbox (idempotency_key, desk, connection_id, "
                            "order_id, kind, state, packer) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                            "ON CONFLICT (idempotency_key) DO UPDATE SET state = EXCLUDED.state,"
                            " updated_at = now() WHERE shared_outbox.state <> EXCLUDED.state",
                            (key, self._desk, connection_id, order_id, kind, state, packer),
                        )
                cursor = int(rows[-1][0])
            with transaction(self._local):
                self._local.execute(
                    "INSERT INTO station_meta (key, value) VALUES ('audit_cursor', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(cursor),),
                )
            copied += len(rows)


_OFFLINE = object()


def _shipment_of(
    local: sqlite3.Connection, action_id: int | None
) -> tuple[str, str, int, int] | None:
    """(carrier, tracking, units, boxes) of a shipment action in the desk's outbox, for the shift's
    numbers and the manifest; None for other actions."""
    if action_id is None:
        return None
    row = local.execute(
        "SELECT action, orders_before FROM outbox WHERE id = ?", (action_id,)
    ).fetchone()
    if row is None:
        return None
    action = json.loads(row[0])
    payload = action.get("payload") or {}
    if action.get("kind") not in (Operation.SHIP, Operation.FULFILL):
        return None
    lines = payload.get("lines") or {}
    if isinstance(lines, dict) and lines:
        units = sum(int(v) for v in lines.values())
    else:  # the whole order: what was still to ship before
        units = _remaining_units(json.loads(row[1] or "{}").get(action.get("order_id"), {}))
    tracking = payload.get("tracking_number") or ""
    carrier = payload.get("carrier") or ""
    if not tracking and payload.get("shipments"):
        first = payload["shipments"][0]
        tracking, carrier = first.get("tracking_number") or "", first.get("carrier") or carrier
    boxes = max(1, len(payload.get("packages") or []))
    return str(carrier), str(tracking), units, boxes


def _remaining_units(order: dict[str, Any]) -> int:
    total = 0
    for line in order.get("lines") or []:
        total += int(line.get("quantity", 0)) - int(line.get("quantity_fulfilled", 0) or 0)
    return max(total, 0)


def open_coordinator(
    database_url: str,
    local: sqlite3.Connection,
    *,
    desk: str,
    packer: str = "",
    connection_id: str,
    lease_s: float = DEFAULT_LEASE_S,
    tokens: TokenStore | None = None,
) -> StationCoordinator | LocalCoordinator:
    """The coordinator the settings ask for (``station.database_url``,
    ``station.claim_lease_s``): alone without a URL, the station database with one (password
    from the keyring). Raises ``StationConfigError`` for an address that cannot be used; never
    for an unreachable server (that is coordination off). It tries the server once, so call it
    on a worker thread."""
    if not database_url.strip():
        return LocalCoordinator(desk=desk, packer=packer, connection_id=connection_id)
    config = StationDbConfig(
        database_url.strip(), lease_s=lease_s, heartbeat_s=min(DEFAULT_HEARTBEAT_S, lease_s / 3)
    )
    try:
        password = load_password(config, tokens)
    except NoKeyringError:
        log.warning(
            "no keyring: the station database password must come from libpq (PGPASSWORD or .pgpass)"
        )
        password = None
    return StationCoordinator(
        config, local, desk=desk, packer=packer, connection_id=connection_id, password=password
    )

"""The durable outbox: every write to a store's API is a row here before it is a request.

A row holds an action (``services.actions.Action``, with its idempotency
key), a canonical JSON snapshot of each order it touches as it was when queued, and where the
write stands:

``pending``   queued, not tried yet
``sending``   claimed by a runner; set in its own transaction *before* the request goes out,
              so a row found in ``sending`` after a crash means "outcome unknown"
``retrying``  a transient failure; tried again at ``next_attempt_at`` (kept across restarts)
``failed``    stopped with the API's message; the packer retries or dismisses it
``done``      the effect is on the order (sent by us, or found there when re-read)
``dismissed`` the packer let it go

``verify_first`` is set whenever the outcome of an earlier attempt is unknown; the runner then
re-reads the order(s) and checks the effect before sending again.

First in, first out per order: an action is not due while an earlier action on any of its
orders (same connection) is pending, sending, retrying or failed. A failed action therefore
blocks the later ones on its order until it is retried to done or dismissed, because a later
edit or shipment may only make sense after the earlier one (cancel after a failed ship, a
second parcel after a failed first). :meth:`Outbox.blocked_by` names the blocker for the panel.

The store sits below services, so it does not import the action models: it stores any
:class:`Queueable` (``services.actions.Action`` is one) as canonical JSON, and turns the JSON back
into an action with the ``decode`` function it is given (``Action.model_validate``).

Every state change writes its audit row in the same transaction, so the log never misses or
invents an outcome. Each method commits before it returns.

The packer's message is kept twice: ``message`` as English text (the CLI, the audit log, a
support copy) and, when it is a ``domain.messages.Message``, ``message_data`` as its template
and parameters, so a failure shown in a Spanish panel tomorrow is still shown in Spanish.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from fulfillment_station.domain.messages import from_store, stored_data
from fulfillment_station.domain.models import Order
from fulfillment_station.store.audit import (
    AuditLog,
    from_db_time,
    to_db_time,
    utc_now,
    write_transaction,
)
from fulfillment_station.store.db import Migration, migrate


class ActionState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    RETRYING = "retrying"
    FAILED = "failed"
    DONE = "done"
    DISMISSED = "dismissed"


S = ActionState

#: States that still hold later actions on the same order back.
OPEN_STATES: frozenset[ActionState] = frozenset({S.PENDING, S.SENDING, S.RETRYING, S.FAILED})
#: States that will be sent without the packer doing anything ("N actions waiting").
ACTIVE_STATES: frozenset[ActionState] = frozenset({S.PENDING, S.SENDING, S.RETRYING})


class Queueable(Protocol):
    """What the outbox needs of an action (``services.actions.Action`` has all of it)."""

    @property
    def kind(self) -> str: ...
    @property
    def connection_id(self) -> str: ...
    @property
    def order_id(self) -> str: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def packer(self) -> str: ...
    @property
    def order_ids(self) -> tuple[str, ...]: ...
    def summary(self) -> str: ...
    def model_dump(self, *, mode: str) -> dict[str, Any]: ...


A = TypeVar("A", bound=Queueable)


class OutboxError(Exception):
    """An outbox request that cannot be done; the message says why, in plain words."""


#: Migrations of the ``outbox`` component (see :func:`fulfillment_station.store.db.migrate`).
MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        order_number TEXT NOT NULL,
        kind TEXT NOT NULL,
        action TEXT NOT NULL,
        orders_before TEXT NOT NULL,
        baseline TEXT,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        verify_first INTEGER NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        api_message TEXT NOT NULL DEFAULT '',
        error_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX outbox_state ON outbox (state, next_attempt_at);
    CREATE TABLE outbox_orders (
        action_id INTEGER NOT NULL REFERENCES outbox (id),
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        PRIMARY KEY (action_id, order_id)
    );
    CREATE INDEX outbox_orders_order ON outbox_orders (connection_id, order_id, action_id);
    """,
    # 2: the message's template and parameters (JSON), NULL for plain text such as an
    # unexpected exception's own words, and for rows written before this version.
    "ALTER TABLE outbox ADD COLUMN message_data TEXT;",
]


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces: equal data gives equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def order_snapshot(order: Order) -> dict[str, Any]:
    # ``raw`` is left out: it can be large, and the snapshot is for effect checks and the
    # packer, both of which read the canonical fields.
    return order.to_json_dict(raw=False)


@dataclass(frozen=True)
class ActionRecord(Generic[A]):
    id: int
    action: A
    state: ActionState
    attempts: int
    next_attempt_at: datetime | None
    verify_first: bool
    #: for the packer: what went wrong and what to do (a ``Message`` when it was stored as one)
    message: str
    #: the API's own words, kept verbatim
    api_message: str
    error_code: str | None
    order_number: str
    #: order id -> the order as it was when the action was queued
    before: Mapping[str, Order]
    #: order id -> the order as re-read just before the first send, where the effect check
    #: needs a fresher "before" than the queued snapshot (``None`` if not taken)
    baseline: Mapping[str, Order] | None
    created_at: datetime
    updated_at: datetime

    @property
    def order_before(self) -> Order | None:
        return self.before.get(self.action.order_id)

    @property
    def summary(self) -> str:
        return self.action.summary()


_RECORD_COLUMNS = (
    "id",
    "action",
    "state",
    "attempts",
    "next_attempt_at",
    "verify_first",
    "message",
    "api_message",
    "error_code",
    "order_number",
    "orders_before",
    "baseline",
    "created_at",
    "updated_at",
    "message_data",
)
_SELECT = f"SELECT {', '.join('o.' + c for c in _RECORD_COLUMNS)} FROM outbox o"

_OPEN_SQL = ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATES))

# Waiting (pending or retrying) and not held back by an earlier open action on its orders.
_READY_WHERE = f"""
WHERE o.state IN ('pending', 'retrying')
  AND (:connection_id IS NULL OR o.connection_id = :connection_id)
  AND NOT EXISTS (
      SELECT 1 FROM outbox_orders mine
      JOIN outbox_orders theirs
        ON theirs.connection_id = mine.connection_id
       AND theirs.order_id = mine.order_id
       AND theirs.action_id < mine.action_id
      JOIN outbox e ON e.id = theirs.action_id
      WHERE mine.action_id = o.id AND e.state IN ({_OPEN_SQL}))
"""
_DUE_SQL = f"{_SELECT} {_READY_WHERE} AND o.next_attempt_at <= :now ORDER BY o.id"
_DUE_IDS_SQL = (
    f"SELECT o.id FROM outbox o {_READY_WHERE} AND o.next_attempt_at <= :now ORDER BY o.id"
)
_NEXT_DUE_SQL = f"SELECT MIN(o.next_attempt_at) FROM outbox o {_READY_WHERE}"


def _orders_from_json(text: str) -> dict[str, Order]:
    return {oid: Order.model_validate(data) for oid, data in json.loads(text).items()}


def _orders_to_json(orders: Mapping[str, Order]) -> str:
    return canonical_json({oid: order_snapshot(order) for oid, order in orders.items()})


def _record_from_row(row: Sequence[Any], decode: Callable[[dict[str, Any]], A]) -> ActionRecord[A]:
    v = dict(zip(_RECORD_COLUMNS, row, strict=True))
    before = _orders_from_json(v["orders_before"])
    baseline = _orders_from_json(v["baseline"]) if v["baseline"] is not None else None
    return ActionRecord(
        id=v["id"],
        action=decode(json.loads(v["action"])),
        state=ActionState(v["state"]),
        attempts=v["attempts"],
        next_attempt_at=from_db_time(v["next_attempt_at"]) if v["next_attempt_at"] else None,
        verify_first=bool(v["verify_first"]),
        message=from_store(v["message"], v["message_data"]),
        api_message=v["api_message"],
        error_code=v["error_code"],
        order_number=v["order_number"],
        before=before,
        baseline=baseline,
        created_at=from_db_time(v["created_at"]),
        updated_at=from_db_time(v["updated_at"]),
    )


class Outbox(Generic[A]):
    """The outbox tables on an open store connection (see ``store.db.connect``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        audit: AuditLog,
        *,
        decode: Callable[[dict[str, Any]], A],
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._conn = conn
        self._audit = audit
        self._decode = decode
        self._clock = clock
        migrate(conn, "outbox", MIGRATIONS)

    def now(self) -> datetime:
        return self._clock()

    # --- queueing ------------------------------------------------------------------------

    @property
    def audit(self) -> AuditLog:
        """The audit log this outbox writes to (for entries a service adds of its own)."""
        return self._audit

    def enqueue(self, action: A, order_before: Order | Iterable[Order] | None) -> ActionRecord[A]:
        """Store ``action`` with the state of its order(s) before it; committed on return.

        ``order_before`` is the order (or, for a bulk shipment, every order) as the packer saw
        it; ``None`` only for an order that does not exist yet (create). Queueing the same
        action (same key) twice returns the first record.
        """
        if order_before is None:
            snapshots: dict[str, Order] = {}
        else:
            if isinstance(order_before, Order):
                snapshots = {order_before.id: order_before}
            else:
                snapshots = {order.id: order for order in order_before}
            missing = [oid for oid in action.order_ids if oid not in snapshots]
            if missing:
                raise OutboxError(
                    f"Order {missing[0]} was not loaded before this action; open it and try again."
                )
        stray = set(snapshots) - set(action.order_ids)
        if stray:
            raise OutboxError(f"Order {sorted(stray)[0]} is not part of this action.")

        primary = snapshots.get(action.order_id)
        number = primary.number if primary is not None else action.order_id
        now = to_db_time(self._clock())
        before_json = _orders_to_json(snapshots)
        with write_transaction(self._conn):
            existing = self.get_by_key(action.idempotency_key)
            if existing is not None:
                if existing.action.model_dump(mode="json") != action.model_dump(mode="json"):
                    raise OutboxError(
                        "A different action with the same idempotency key is already queued."
                    )
                return existing
            cursor = self._conn.execute(
                "INSERT INTO outbox (idempotency_key, connection_id, order_id, order_number,"
                " kind, action, orders_before, state, next_attempt_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                (
                    action.idempotency_key,
                    action.connection_id,
                    action.order_id,
                    number,
                    str(action.kind),
                    canonical_json(action.model_dump(mode="json")),
                    before_json,
                    now,
                    now,
                    now,
                ),
            )
            action_id = cursor.lastrowid
            assert action_id is not None
            self._conn.executemany(
                "INSERT INTO outbox_orders (action_id, connection_id, order_id) VALUES (?, ?, ?)",
                [(action_id, action.connection_id, oid) for oid in action.order_ids],
            )
            record = self._require(action_id)
            self._log(record, "queued", "", packer=action.packer)
        return record

    # --- reading -------------------------------------------------------------------------

    def get(self, action_id: int) -> ActionRecord[A] | None:
        row = self._conn.execute(f"{_SELECT} WHERE o.id = ?", (action_id,)).fetchone()
        return _record_from_row(row, self._decode) if row else None

    def get_by_key(self, idempotency_key: str) -> ActionRecord[A] | None:
        row = self._conn.execute(
            f"{_SELECT} WHERE o.idempotency_key = ?", (idempotency_key,)
        ).fetchone()
        return _record_from_row(row, self._decode) if row else None

    def records(
        self,
        states: Iterable[ActionState] | None = None,
        *,
        connection_id: str | None = None,
        order_id: str | None = None,
    ) -> list[ActionRecord[A]]:
        """Records for the outbox panel, oldest first."""
        where: list[str] = []
        params: list[Any] = []
        if states is not None:
            wanted = [ActionState(s).value for s in states]
            if not wanted:
                return []
            where.append(f"o.state IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
        if connection_id is not None:
            where.append("o.connection_id = ?")
            params.append(connection_id)
        if order_id is not None:
            where.append("o.id IN (SELECT action_id FROM outbox_orders WHERE order_id = ?)")
            params.append(order_id)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY o.id"
        return [_record_from_row(row, self._decode) for row in self._conn.execute(sql, params)]

    def counts(self, connection_id: str | None = None) -> dict[ActionState, int]:
        rows = self._conn.execute(
            "SELECT state, COUNT(*) FROM outbox"
            " WHERE (:c IS NULL OR connection_id = :c) GROUP BY state",
            {"c": connection_id},
        ).fetchall()
        out = dict.fromkeys(ActionState, 0)
        out.update({ActionState(state): n for state, n in rows})
        return out

    def pending_count(self, connection_id: str | None = None) -> int:
        """Actions still to go out on their own (pending, sending, retrying)."""
        counts = self.counts(connection_id)
        return sum(counts[s] for s in ACTIVE_STATES)

    def due(
        self, now: datetime | None = None, *, connection_id: str | None = None
    ) -> list[ActionRecord[A]]:
        """Actions to send now, in queue order, none held back by an earlier one."""
        at = to_db_time(now or self._clock())
        rows = self._conn.execute(_DUE_SQL, {"now": at, "connection_id": connection_id})
        return [_record_from_row(row, self._decode) for row in rows]

    def due_ids(
        self, now: datetime | None = None, *, connection_id: str | None = None
    ) -> list[int]:
        """:meth:`due` without loading the records (cheap to call after every step)."""
        at = to_db_time(now or self._clock())
        rows = self._conn.execute(_DUE_IDS_SQL, {"now": at, "connection_id": connection_id})
        return [row[0] for row in rows]

    def next_due_at(self, connection_id: str | None = None) -> datetime | None:
        """When the next action not held back by an earlier one falls due (``None``: nothing
        will fall due by waiting; a failed action may be holding the rest back)."""
        row = self._conn.execute(_NEXT_DUE_SQL, {"connection_id": connection_id}).fetchone()
        return from_db_time(row[0]) if row and row[0] else None

    def blocked_by(self, action_id: int) -> ActionRecord[A] | None:
        """The earliest open action on one of this action's orders, if any."""
        row = self._conn.execute(
            f"""{_SELECT}
            WHERE o.id = (
                SELECT MIN(theirs.action_id) FROM outbox_orders mine
                JOIN outbox_orders theirs
                  ON theirs.connection_id = mine.connection_id
                 AND theirs.order_id = mine.order_id
                 AND theirs.action_id < mine.action_id
                JOIN outbox e ON e.id = theirs.action_id
                WHERE mine.action_id = ? AND e.state IN ({_OPEN_SQL}))""",
            (action_id,),
        ).fetchone()
        return _record_from_row(row, self._decode) if row else None

    # --- the runner's transitions --------------------------------------------------------

    def claim(self, action_id: int) -> ActionRecord[A] | None:
        """Move a pending or retrying action to ``sending`` (committed) and count the
        attempt. ``None`` if it is no longer waiting (another runner took it, or the packer
        dismissed it)."""
        with write_transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ?"
                " WHERE id = ? AND state IN ('pending', 'retrying')",
                (to_db_time(self._clock()), action_id),
            )
            if cursor.rowcount == 0:
                return None
            return self._require(action_id)

    def mark_done(self, action_id: int, message: str = "") -> ActionRecord[A]:
        return self._finish_sending(action_id, S.DONE, "done", message)

    def mark_retrying(
        self,
        action_id: int,
        next_attempt_at: datetime,
        *,
        message: str,
        api_message: str = "",
        error_code: str | None = None,
        verify_first: bool,
    ) -> ActionRecord[A]:
        when = f"; next try at {to_db_time(next_attempt_at)[:19]}Z"
        return self._finish_sending(
            action_id,
            S.RETRYING,
            "retrying",
            message + when,
            next_attempt_at=next_attempt_at,
            api_message=api_message,
            error_code=error_code,
            verify_first=verify_first,
            stored_message=message,
        )

    def mark_failed(
        self,
        action_id: int,
        *,
        message: str,
        api_message: str = "",
        error_code: str | None = None,
        verify_first: bool = False,
    ) -> ActionRecord[A]:
        return self._finish_sending(
            action_id,
            S.FAILED,
            "failed",
            message,
            api_message=api_message,
            error_code=error_code,
            verify_first=verify_first,
        )

    def set_baseline(self, action_id: int, orders: Mapping[str, Order]) -> ActionRecord[A]:
        """Keep the order(s) as re-read just before the first send (committed before the
        send, so a baseline is never taken after our own write)."""
        with write_transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE outbox SET baseline = ?, updated_at = ? WHERE id = ? AND state = 'sending'",
                (_orders_to_json(orders), to_db_time(self._clock()), action_id),
            )
            if cursor.rowcount == 0:
                raise OutboxError(f"Action {action_id} is not being sent.")
            return self._require(action_id)

    def replace_action(self, action_id: int, action: A) -> ActionRecord[A]:
        """Narrow a claimed action's payload (e.g. drop bulk items already shipped)."""
        record = self._require(action_id)
        if record.state != S.SENDING or action.idempotency_key != record.action.idempotency_key:
            raise OutboxError("Only the action being sent can be narrowed, and only to itself.")
        with write_transaction(self._conn):
            self._conn.execute(
                "UPDATE outbox SET action = ?, updated_at = ? WHERE id = ?",
                (
                    canonical_json(action.model_dump(mode="json")),
                    to_db_time(self._clock()),
                    action_id,
                ),
            )
            updated = self._require(action_id)
            self._log(
                updated,
                "narrowed",
                f"Some of it was already on the store; sending the rest: {action.summary()}",
            )
        return updated

    def recover_interrupted(
        self, connection_id: str | None = None, *, grace_s: float = 0.0
    ) -> list[ActionRecord[A]]:
        """After a restart: every ``sending`` action has an unknown outcome. They become due
        after ``grace_s`` (a request the dead process left in flight may still be applied
        meanwhile), to be checked against the re-read order before anything is sent again."""
        now = to_db_time(self._clock())
        due = to_db_time(self._clock() + timedelta(seconds=grace_s))
        with write_transaction(self._conn):
            ids = [
                row[0]
                for row in self._conn.execute(
                    "SELECT id FROM outbox WHERE state = 'sending'"
                    " AND (:c IS NULL OR connection_id = :c) ORDER BY id",
                    {"c": connection_id},
                )
            ]
            recovered = []
            for action_id in ids:
                self._conn.execute(
                    "UPDATE outbox SET state = 'retrying', verify_first = 1,"
                    " next_attempt_at = ?, updated_at = ? WHERE id = ?",
                    (due, now, action_id),
                )
                record = self._require(action_id)
                self._log(
                    record,
                    "interrupted",
                    "The app stopped while sending; the order will "
                    "be checked before anything is sent again.",
                )
                recovered.append(record)
        return recovered

    # --- the packer's buttons ------------------------------------------------------------

    def retry(self, action_id: int, *, packer: str = "") -> ActionRecord[A]:
        """Send a failed (or waiting) action again now; its attempt count starts over."""
        now = to_db_time(self._clock())
        with write_transaction(self._conn):
            record = self._require(action_id)
            if record.state not in (S.FAILED, S.RETRYING, S.PENDING):
                raise OutboxError(f"This action is {record.state.value}; it cannot be retried.")
            self._conn.execute(
                "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?,"
                " updated_at = ? WHERE id = ?",
                (now, now, action_id),
            )
            updated = self._require(action_id)
            self._log(updated, "retried", "", packer=packer)
        return updated

    def dismiss(self, action_id: int, *, packer: str = "") -> ActionRecord[A]:
        """Give up on an action that has not gone through; later actions on its order may
        then go. An action being sent cannot be dismissed: its outcome is not known yet."""
        now = to_db_time(self._clock())
        with write_transaction(self._conn):
            record = self._require(action_id)
            if record.state not in (S.FAILED, S.RETRYING, S.PENDING):
                raise OutboxError(f"This action is {record.state.value}; it cannot be dismissed.")
            self._conn.execute(
                "UPDATE outbox SET state = 'dismissed', next_attempt_at = NULL, updated_at = ?"
                " WHERE id = ?",
                (now, action_id),
            )
            updated = self._require(action_id)
            note = (
                "It may have reached the store: check the order."
                if record.verify_first
                else "Not sent to the store."
            )
            self._log(updated, "dismissed", note, packer=packer)
        return updated

    def purge(self, finished_before: datetime) -> int:
        """Delete done and dismissed actions last changed before ``finished_before`` (their
        story stays in the audit log); returns how many went."""
        with write_transaction(self._conn):
            ids = [
                row[0]
                for row in self._conn.execute(
                    "SELECT id FROM outbox WHERE state IN ('done', 'dismissed') AND updated_at < ?",
                    (to_db_time(finished_before),),
                )
            ]
            self._conn.executemany(
                "DELETE FROM outbox_orders WHERE action_id = ?", [(i,) for i in ids]
            )
            self._conn.executemany("DELETE FROM outbox WHERE id = ?", [(i,) for i in ids])
        return len(ids)

    # --- internals -----------------------------------------------------------------------

    def _require(self, action_id: int) -> ActionRecord[A]:
        record = self.get(action_id)
        if record is None:
            raise OutboxError(f"There is no action {action_id} in the outbox.")
        return record

    def _finish_sending(
        self,
        action_id: int,
        state: ActionState,
        outcome: str,
        audit_message: str,
        *,
        next_attempt_at: datetime | None = None,
        api_message: str = "",
        error_code: str | None = None,
        verify_first: bool = False,
        stored_message: str | None = None,
    ) -> ActionRecord[A]:
        now = to_db_time(self._clock())
        stored = audit_message if stored_message is None else stored_message
        with write_transaction(self._conn):
            cursor = self._conn.execute(
                "UPDATE outbox SET state = ?, next_attempt_at = ?, verify_first = ?,"
                " message = ?, message_data = ?, api_message = ?, error_code = ?,"
                " updated_at = ? WHERE id = ? AND state = 'sending'",
                (
                    state.value,
                    to_db_time(next_attempt_at) if next_attempt_at else None,
                    int(verify_first),
                    str.__str__(stored),
                    stored_data(stored),
                    api_message,
                    error_code,
                    now,
                    action_id,
                ),
            )
            if cursor.rowcount == 0:
                raise OutboxError(
                    f"Action {action_id} is not being sent, so no outcome can be recorded for it."
                )
            record = self._require(action_id)
            message = audit_message
            if api_message and api_message not in message:
                message = f"{message} (API: {api_message})" if message else f"API: {api_message}"
            self._log(record, outcome, message)
        return record

    def _log(
        self, record: ActionRecord[A], outcome: str, message: str, *, packer: str = ""
    ) -> None:
        """One audit row per order the action touches, so each order's timeline shows it."""
        action = record.action
        # The orders it was queued for: a narrowed bulk request still belongs to all of them.
        order_ids = [
            row[0]
            for row in self._conn.execute(
                "SELECT order_id FROM outbox_orders WHERE action_id = ? ORDER BY rowid",
                (record.id,),
            )
        ]
        for order_id in order_ids:
            snapshot = record.before.get(order_id)
            if order_id == action.order_id:
                number = record.order_number
            else:
                number = snapshot.number if snapshot is not None else order_id
            self._audit.record(
                order_id=order_id,
                order_number=number,
                kind=str(action.kind),
                summary=action.summary(),
                outcome=outcome,
                message=message,
                packer=packer or action.packer,
                connection_id=action.connection_id,
                action_id=record.id,
                idempotency_key=action.idempotency_key,
            )

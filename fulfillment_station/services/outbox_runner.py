"""The engine that takes due outbox actions and sends them, so that none is lost and none is
applied twice.

Collaborators are passed in, so a test needs no connector:

* ``send(action) -> result``: performs the write (a connector call). Whatever it returns is
  handed back in :class:`Outcome` (e.g. the updated order, for the cache).
* ``reread(order_id) -> Order | None``: fetches the order as the API has it now; ``None`` when
  the API says there is no such order. For a create action ``order_id`` is the handle the
  new order is filed under (external reference or idempotency key; see ``services.actions``).
* ``clock() -> datetime`` (aware UTC) comes from the outbox; ``rng`` (``random.Random``) gives
  the backoff jitter.

How a service drives it (one runner per connection, on that connection's worker thread)::

    runner = OutboxRunner(outbox, send=..., reread=..., connection_id=connection.id)
    runner.recover()                 # once, at start
    while running:
        for outcome in runner.run_due():
            ...                      # refresh the cache from outcome.result / outcome.reread
        wait until runner.next_wake(), or until something new is queued

``send`` gets the whole :class:`~fulfillment_station.services.actions.Action`; where an API
takes an idempotency key (Squarespace create), the connector sends ``action.idempotency_key``.

Errors raised by ``send`` or ``reread`` are read by duck-typing. These attributes, all
optional, are the ONLY ones read (``getattr`` with the default shown):

``transient: bool = False``         worth trying again later (connection error, timeout, 5xx, 429)
``unknown_outcome: bool = False``   the request may have been applied (timeout after sending,
                                    dropped connection, unreadable answer)
``retry_after: float | None = None`` seconds the API asked us to wait (Retry-After)
``code: str | None = None``         the API's error code, e.g. ``"ALREADY_SHIPPED"``
``api_message: str = ""``           the API's own words, kept verbatim for the packer
``user_message: str = str(exc)``    one plain sentence for the packer (kept as it is when it
                                    is a translatable ``domain.messages.Message``)
``status: int | None = None``       the HTTP status, when there was an answer

(``connectors.errors.ConnectorError`` carries all of them.)

What the runner does with an error from ``send``:

* ``code`` in :data:`ALREADY_DONE_CODES` (e.g. ALREADY_SHIPPED), or ``status`` 409: re-read;
  if our effect is there (same tracking number) the action is done; otherwise it fails with
  the API's message, or for a shipment one naming both tracking numbers.
* ``transient`` or ``unknown_outcome``: ``retrying`` at now + exponential backoff with jitter,
  never sooner than ``retry_after``; after ``BackoffPolicy.max_attempts`` tries, ``failed``.
  ``unknown_outcome`` also sets ``verify_first``: the next attempt re-reads the order(s) and
  counts the action done, without sending, if its effect is already there.
* anything else carrying the attributes (4xx): ``failed`` with the API's message.
* an exception with none of the attributes (a bug): ``failed``, and because nobody can say
  whether the request went out, the next attempt re-reads first.

Counting shipped units (a shipment without a tracking number) needs to know how many were
shipped before this action; the snapshot taken when it was queued is stale if an earlier queued
action shipped units meanwhile. For such actions the runner re-reads the order(s) once before the
first send and keeps that as the baseline (``services.actions.needs_baseline``).

``reread`` may also raise an error with ``status`` 404 for "no such order" (the connectors'
``get_order`` does): it counts as ``None``. Any other error from ``reread`` leaves
``verify_first`` set and is retried or failed by the same rules. A crash at any point leaves the
action ``sending``; :meth:`OutboxRunner.recover` turns those into ``retrying`` with
``verify_first`` at startup.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from fulfillment_station.connectors.base import BulkShipResult, ShipResult
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import Order
from fulfillment_station.services.actions import (
    Action,
    BulkShipRequest,
    bulk_items_missing,
    effect_present,
    needs_baseline,
    shipment_conflict,
    with_payload,
)
from fulfillment_station.store.outbox import ActionRecord, ActionState, Outbox

#: Error codes that say "this was already done": the re-read order decides whether it was
#: done by us (done) or by someone else (a conflict for the packer).
ALREADY_DONE_CODES: frozenset[str] = frozenset(
    {"ALREADY_SHIPPED", "ALREADY_FULFILLED", "ALREADY_CANCELLED"}
)

# What the outbox panel shows; stored with their parameters so they translate on any later day.
UNEXPECTED = QT_TRANSLATE_NOOP("Outbox", "Unexpected error: {error}")
GAVE_UP = QT_TRANSLATE_NOOP("Outbox", "Gave up after {attempts} attempts: {error}")
ALREADY_THERE = QT_TRANSLATE_NOOP("Outbox", "Already on the order; not sent again.")
STORE_HAD_IT = QT_TRANSLATE_NOOP("Outbox", "The store already had this; counted as done.")

WriteAnswer = ShipResult | BulkShipResult | Order | None
"""What a connector's write answers: the shipment, the bulk report, or the order as it is now
(``None`` where the API's answer carries no order)."""

Send = Callable[[Action], WriteAnswer]
Reread = Callable[[str], Order | None]


class ActionError(Protocol):
    """The error taxonomy the connectors' exceptions carry (read by duck-typing)."""

    transient: bool
    unknown_outcome: bool
    retry_after: float | None
    code: str | None
    api_message: str
    user_message: str
    status: int | None


@dataclass(frozen=True)
class ErrorView:
    """An exception seen through :class:`ActionError`, with defaults for what it lacks."""

    transient: bool
    unknown_outcome: bool
    retry_after: float | None
    code: str | None
    api_message: str
    user_message: str
    status: int | None
    #: the exception carries none of the taxonomy: an unexpected error
    unexpected: bool

    @property
    def conflict(self) -> bool:
        return self.code in ALREADY_DONE_CODES or self.status == 409

    @classmethod
    def of(cls, exc: BaseException) -> ErrorView:
        names = (
            "transient",
            "unknown_outcome",
            "retry_after",
            "code",
            "api_message",
            "user_message",
            "status",
        )
        unexpected = not any(hasattr(exc, name) for name in names)
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            try:
                retry_after = float(retry_after)
            except (TypeError, ValueError):
                retry_after = None
            if retry_after is not None and (math.isnan(retry_after) or retry_after < 0):
                retry_after = None
        user_message = getattr(exc, "user_message", "") or str(exc) or type(exc).__name__
        status = getattr(exc, "status", None)
        if not isinstance(user_message, str):
            user_message = str(user_message)
        if unexpected:
            user_message = UNEXPECTED.format(error=user_message)
        return cls(
            transient=bool(getattr(exc, "transient", False)),
            unknown_outcome=bool(getattr(exc, "unknown_outcome", False)),
            retry_after=retry_after,
            code=getattr(exc, "code", None) or None,
            api_message=str(getattr(exc, "api_message", "") or ""),
            user_message=user_message,
            status=status if isinstance(status, int) else None,
            unexpected=unexpected,
        )


@dataclass(frozen=True)
class BackoffPolicy:
    """Exponential backoff with jitter: attempt n waits between half and all of
    ``min(cap, base * 2**(n-1))`` seconds, and never less than the API's Retry-After."""

    base: float = 2.0
    cap: float = 300.0
    max_attempts: int = 10

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * 2.0 ** max(0, attempt - 1))
        wait = ceiling / 2 + rng.uniform(0, ceiling / 2)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return wait


@dataclass(frozen=True)
class Outcome:
    """What one step did to one action."""

    record: ActionRecord[Action]
    #: a request went out in this step
    sent: bool
    #: what ``send`` returned (``None`` when nothing was sent or it failed)
    result: WriteAnswer = None
    #: orders re-read in this step (order id -> order, ``None`` if gone), for the cache
    reread: dict[str, Order | None] = field(default_factory=dict)


def _present(orders: dict[str, Order | None]) -> dict[str, Order]:
    return {oid: order for oid, order in orders.items() if order is not None}


def _before(record: ActionRecord[Action]) -> dict[str, Order]:
    """The orders as they were before this action: the fresh baseline where one was taken."""
    return {**record.before, **(record.baseline or {})}


class _RereadFailed(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class OutboxRunner:
    def __init__(
        self,
        outbox: Outbox[Action],
        send: Send,
        reread: Reread,
        *,
        rng: random.Random | None = None,
        policy: BackoffPolicy | None = None,
        connection_id: str | None = None,
    ) -> None:
        self._outbox = outbox
        self._send = send
        self._reread = reread
        self._rng = rng or random.Random()
        self._policy = policy or BackoffPolicy()
        self._connection_id = connection_id

    def recover(self, grace_s: float = 0.0) -> list[ActionRecord[Action]]:
        """At startup: actions left ``sending`` by a crash become due after ``grace_s``, to be
        checked against the re-read order first."""
        return self._outbox.recover_interrupted(self._connection_id, grace_s=grace_s)

    def next_wake(self) -> datetime | None:
        """When to call :meth:`run_due` next if nothing new is queued."""
        return self._outbox.next_due_at(self._connection_id)

    def run_due(
        self, *, limit: int | None = None, stop: Callable[[], bool] = lambda: False
    ) -> list[Outcome]:
        """Process every due action once, in queue order; an action finished here may let the
        next one on its order go in the same call. ``stop()`` true: no further action is
        started (the one being sent always finishes), the rest stays queued."""
        outcomes: list[Outcome] = []
        seen: set[int] = set()
        while (limit is None or len(outcomes) < limit) and not stop():
            due = [
                i for i in self._outbox.due_ids(connection_id=self._connection_id) if i not in seen
            ]
            if not due:
                break
            seen.add(due[0])
            outcome = self.process(due[0])
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes

    def process(self, action_id: int) -> Outcome | None:
        """Claim one action and take it one step: to done, retrying or failed. ``None`` if it
        was not waiting any more."""
        record = self._outbox.claim(action_id)
        if record is None:
            return None
        try:
            record, action, reread = self._prepare(record)
        except _RereadFailed as exc:
            return Outcome(
                self._after_error(record, exc.cause, verify=record.verify_first), sent=False
            )
        if record.state == ActionState.DONE:
            return Outcome(record, sent=False, reread=reread)
        # Only the send itself is guarded: a store error (disk full) propagates and leaves the
        # action ``sending``, which the next start treats as "outcome unknown".
        try:
            result = self._send(action)
        except Exception as exc:
            return self._after_send_error(record, action, exc)
        return Outcome(self._outbox.mark_done(record.id), sent=True, result=result, reread=reread)

    # --- internals -----------------------------------------------------------------------

    def _prepare(
        self, record: ActionRecord[Action]
    ) -> tuple[ActionRecord[Action], Action, dict[str, Order | None]]:
        """Before sending: check an unknown outcome, take a baseline, narrow a bulk request.
        Returns the record (``done`` if nothing is left to send), what to send, and the orders
        re-read on the way."""
        action = record.action
        baseline_due = needs_baseline(action, record.before) and record.baseline is None
        if not (record.verify_first or baseline_due):
            return record, action, {}
        reread = self._reread_all(action)
        if baseline_due:
            # A baseline is committed before any send, so without one nothing was sent yet:
            # what the store shows now is the state before this action.
            return self._outbox.set_baseline(record.id, _present(reread)), action, reread
        if effect_present(action, _before(record), reread):
            done = self._outbox.mark_done(record.id, ALREADY_THERE)
            return done, action, reread
        return record, self._narrow(record, reread), reread

    def _reread_all(self, action: Action) -> dict[str, Order | None]:
        try:
            return {order_id: self._reread_one(order_id) for order_id in action.order_ids}
        except Exception as exc:
            raise _RereadFailed(exc) from exc

    def _reread_one(self, order_id: str) -> Order | None:
        try:
            return self._reread(order_id)
        except Exception as exc:
            if ErrorView.of(exc).status == 404:
                return None
            raise

    def _narrow(self, record: ActionRecord[Action], now: dict[str, Order | None]) -> Action:
        """Drop the bulk items whose shipment is already on their order."""
        action = record.action
        if not isinstance(action.payload, BulkShipRequest):
            return action
        missing = bulk_items_missing(action.payload, _before(record), now)
        if len(missing) == len(action.payload.items):
            return action
        narrowed = with_payload(action, BulkShipRequest(items=missing))
        return self._outbox.replace_action(record.id, narrowed).action

    def _after_send_error(
        self, record: ActionRecord[Action], action: Action, exc: Exception
    ) -> Outcome:
        view = ErrorView.of(exc)
        if view.conflict:
            try:
                now = self._reread_all(action)
            except _RereadFailed as failed:
                return Outcome(self._after_error(record, failed.cause, verify=True), sent=True)
            if effect_present(action, _before(record), now):
                done = self._outbox.mark_done(record.id, STORE_HAD_IT)
                return Outcome(done, sent=True, reread=now)
            message = shipment_conflict(action, now) or view.user_message
            failed_record = self._outbox.mark_failed(
                record.id, message=message, api_message=view.api_message, error_code=view.code
            )
            return Outcome(failed_record, sent=True, reread=now)
        return Outcome(self._after_error(record, exc, verify=False), sent=True)

    def _after_error(
        self, record: ActionRecord[Action], exc: BaseException, *, verify: bool
    ) -> ActionRecord[Action]:
        """Retry or fail after ``exc``. ``verify`` says the outcome was unknown already."""
        view = ErrorView.of(exc)
        verify_next = verify or view.unknown_outcome or view.unexpected
        if view.unexpected or not (view.transient or view.unknown_outcome):
            return self._outbox.mark_failed(
                record.id,
                message=view.user_message,
                api_message=view.api_message,
                error_code=view.code,
                verify_first=verify_next,
            )
        if record.attempts >= self._policy.max_attempts:
            return self._outbox.mark_failed(
                record.id,
                message=GAVE_UP.format(attempts=record.attempts, error=view.user_message),
                api_message=view.api_message,
                error_code=view.code,
                verify_first=verify_next,
            )
        wait = self._policy.delay(record.attempts, self._rng, view.retry_after)
        return self._outbox.mark_retrying(
            record.id,
            self._outbox.now() + timedelta(seconds=wait),
            message=view.user_message,
            api_message=view.api_message,
            error_code=view.code,
            verify_first=verify_next,
        )

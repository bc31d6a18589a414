"""The packer's writes on one connection: checked against the store, queued in the outbox,
sent through the connection's connector. No Qt: the connection's worker runs it, and so do the
headless driver (``services.headless``) and the tests.

:class:`OutboxService` binds an :class:`~fulfillment_station.store.outbox.Outbox` and an
:class:`~fulfillment_station.services.outbox_runner.OutboxRunner` to one
:class:`~fulfillment_station.connectors.base.Connector`:

* ``ship``/``fulfill``/``cancel``/``update``/``bulk_ship`` first refuse what the connector's
  capabilities lack (``Unsupported`` with the capability's reason), then re-read the order(s)
  from the store, so a packer never queues a shipment for an order that another station shipped
  or cancelled meanwhile, check the request with the domain workflow (``DomainError`` naming the
  field at fault) against the order as it will be once the shipments already waiting for it have
  gone out (so a parcel scanned twice is not queued twice), and queue it. ``create`` queues
  without a re-read (there is no order yet).
  If the store cannot be reached for the re-read, the order the packer has on screen
  (``cached=``) is used instead, so a network outage does not stop the packing desk; the API
  still has the last word when the action is sent.
* ``run_due`` sends what is due, once; ``run_until_idle`` keeps going, waiting for each
  ``next_attempt_at`` with the injected ``sleep``, until nothing is waiting or the deadline
  passes. Both first hand actions left ``sending`` by a crash back to the runner (once per
  service), which re-reads their orders before anything is sent again.

A bulk shipment is one action and one request. The store answers per order; orders it refused
become failed ship actions of their own (one per order, so the packer sees and retries or
dismisses each), queued from inside the send with a key derived from the bulk action's key, so
a crash and re-send never queues the same failure twice. An item refused as "already shipped"
whose re-read order carries our tracking number counts as shipped.

Times come from the outbox's clock, so tests drive them with a fake clock and a fake sleep.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from fulfillment_station.connectors.base import (
    BulkShipError,
    BulkShipResult,
    Connector,
    FindsByExternalId,
    Operation,
    ShipResult,
)
from fulfillment_station.connectors.errors import ConnectorError, Unsupported
from fulfillment_station.domain.errors import DomainError, NotShippable
from fulfillment_station.domain.holds import holds_text, with_packer_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import HoldKind, Order, Shipment, ShipmentLine
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.domain.workflow import (
    apply_shipment,
    check_cancel,
    check_shipment,
    check_transition,
)
from fulfillment_station.services.actions import (
    Action,
    BulkShipRequest,
    Payload,
    shipment_present,
    shipments_of,
)
from fulfillment_station.services.outbox_runner import (
    ALREADY_DONE_CODES,
    BackoffPolicy,
    ErrorView,
    OutboxRunner,
    Outcome,
    WriteAnswer,
)
from fulfillment_station.store.outbox import ACTIVE_STATES, ActionRecord, ActionState, Outbox

Sleep = Callable[[float], None]
log = logging.getLogger(__name__)

#: How long ``run_until_idle`` naps when the next wake-up is already past (clock skew).
_MIN_NAP = 0.01
#: After a crash, wait this long before checking an action whose request was in flight: the
#: store may still apply it (up to the write timeout), and checking earlier could send twice.
RECOVERY_GRACE_S = 20.0


class OutboxService:
    """One connection's write path: validate, queue, send (see the module docstring)."""

    def __init__(
        self,
        outbox: Outbox[Action],
        connector: Connector,
        *,
        connection_id: str,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
        policy: BackoffPolicy | None = None,
        recovery_grace_s: float = RECOVERY_GRACE_S,
        before_queue: Callable[[Action], None] | None = None,
        on_shipped: Callable[[str, ShipResult], None] | None = None,
    ) -> None:
        self._recovery_grace_s = recovery_grace_s
        # Told of every checked action just before it is queued; may refuse it by raising a
        # ``DomainError`` (the station database's "another desk has one waiting").
        self._before_queue = before_queue
        # Hears every ship the store answered (the label it sold is printed from here: see
        # services.store_labels.StoreLabelPrinter). It must not raise: the ship is done.
        self._on_shipped = on_shipped
        self._outbox = outbox
        self._connector = connector
        self._connection_id = connection_id
        self._sleep = sleep
        self._runner = OutboxRunner(
            outbox, self._send, self._reread, rng=rng, policy=policy, connection_id=connection_id
        )
        self._recovered = False

    @property
    def outbox(self) -> Outbox[Action]:
        return self._outbox

    @property
    def connection_id(self) -> str:
        return self._connection_id

    # --- queueing the packer's requests -----------------------------------------------------

    def ship(
        self,
        order_id: str,
        request: ShipRequest,
        *,
        packer: str = "",
        cached: Order | None = None,
        fresh: bool = False,
        hold_override: str | None = None,
    ) -> ActionRecord[Action]:
        """Queue a shipment. A held order is refused with its reason; ``hold_override`` (the
        packer's reason to ship anyway) lifts a hold a packer may judge and is audited.

        ``fresh``: ``cached`` was read from the store for this very shipment (pack mode reads
        the order when the packer opens it), so it is checked without another read; the runner
        still reads the order right before sending."""
        self._require(Operation.SHIP)
        order = (
            cached
            if fresh and cached is not None and cached.id == order_id
            else self._current(order_id, cached)
        )
        self._check_shipment(order, request.lines, hold_override)
        return self._enqueue(Operation.SHIP, order, request, packer, hold_override)

    def fulfill(
        self,
        order_id: str,
        request: FulfillRequest,
        *,
        packer: str = "",
        cached: Order | None = None,
        hold_override: str | None = None,
    ) -> ActionRecord[Action]:
        self._require(Operation.FULFILL)
        order = self._current(order_id, cached)
        self._check_shipment(order, request.lines, hold_override)
        return self._enqueue(Operation.FULFILL, order, request, packer, hold_override)

    def cancel(
        self,
        order_id: str,
        request: CancelRequest,
        *,
        packer: str = "",
        cached: Order | None = None,
    ) -> ActionRecord[Action]:
        self._require(Operation.CANCEL)
        order = self._current(order_id, cached)
        check_cancel(order)
        return self._enqueue(Operation.CANCEL, order, request, packer)

    def update(
        self, order_id: str, update: OrderUpdate, *, packer: str = "", cached: Order | None = None
    ) -> ActionRecord[Action]:
        self._require(Operation.UPDATE)
        caps = self._connector.capabilities
        asked = {
            name for name in ("notes", "ship_to", "status") if getattr(update, name) is not None
        }
        refused = sorted(asked - caps.updatable_fields)
        if refused:
            raise Unsupported(
                f"{caps.display_name}'s API cannot change {', '.join(refused).replace('_', ' ')}."
            )
        if update.status is not None and update.status not in caps.settable_statuses:
            raise Unsupported(
                f"{caps.display_name}'s API cannot set the status to {update.status.value}."
            )
        order = self._current(order_id, cached)
        if update.status is not None and update.status != order.status:
            check_transition(order.status, update.status)
        return self._enqueue(Operation.UPDATE, order, update, packer)

    def create(self, request: CreateOrderRequest, *, packer: str = "") -> ActionRecord[Action]:
        self._require(Operation.CREATE)
        # ``Action.create`` fixes the creation time, so a re-send after a restart carries the
        # very same body under the same idempotency key.
        return self._outbox.enqueue(
            Action.create(self._connection_id, request, packer=packer), None
        )

    def bulk_ship(
        self, items: Sequence[BulkShipItem], *, packer: str = "", cached: Sequence[Order] = ()
    ) -> ActionRecord[Action]:
        self._require(Operation.BULK_SHIP)
        payload = BulkShipRequest(items=list(items))
        on_screen = {order.id: order for order in cached}
        orders = []
        for item in payload.items:
            order = self._current(item.order_id, on_screen.get(item.order_id))
            self._check_shipment(order, item.lines)
            orders.append(order)
        action = Action(
            kind=Operation.BULK_SHIP,
            connection_id=self._connection_id,
            order_id=payload.items[0].order_id,
            payload=payload,
            packer=packer,
        )
        if self._before_queue is not None:
            self._before_queue(action)
        return self._outbox.enqueue(action, orders)

    # --- sending ----------------------------------------------------------------------------

    def recover(self) -> list[ActionRecord[Action]]:
        """Hand actions a crash left ``sending`` back to the runner (done once per service;
        ``run_due`` and ``run_until_idle`` call it)."""
        if self._recovered:
            return []
        self._recovered = True
        return self._runner.recover(self._recovery_grace_s)

    def run_due(
        self, *, limit: int | None = None, stop: Callable[[], bool] = lambda: False
    ) -> list[Outcome]:
        """Send every due action once (at most ``limit`` of them, none more once ``stop()``
        is true), in queue order."""
        self.recover()
        return self._runner.run_due(limit=limit, stop=stop)

    def next_wake(self) -> datetime | None:
        return self._runner.next_wake()

    def send_now(self, action_id: int) -> Outcome | None:
        """Take this one action one step now (for a dialog waiting on its answer), leaving
        every other action to ``run_due``. ``None`` if it is no longer waiting."""
        self.recover()
        return self._runner.process(action_id)

    def run_until_idle(
        self,
        deadline: datetime | None = None,
        *,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> list[Outcome]:
        """Send until nothing is waiting (done, failed or dismissed all round), or until
        ``deadline`` (outbox clock). Returns every outcome on the way; ``on_outcome`` also
        hears of each as it happens (progress for the worker's signals)."""
        outcomes: list[Outcome] = []
        while True:
            step = self.run_due()
            if on_outcome is not None:
                for outcome in step:
                    on_outcome(outcome)
            outcomes += step
            wake = self.next_wake()
            if wake is None:
                return outcomes
            now = self._outbox.now()
            if deadline is not None and now >= deadline:
                return outcomes
            nap = max(_MIN_NAP, (wake - now) / timedelta(seconds=1))
            if deadline is not None:  # never past the deadline, however short the nap
                nap = min(nap, (deadline - now) / timedelta(seconds=1))
            self._sleep(nap)

    def pending_count(self) -> int:
        return self._outbox.pending_count(self._connection_id)

    # --- the runner's collaborators ---------------------------------------------------------

    def _send(self, action: Action) -> WriteAnswer:
        payload = action.payload
        connector = self._connector
        if isinstance(payload, BulkShipRequest):
            return self._send_bulk(action, payload)
        if isinstance(payload, ShipRequest):
            result = connector.ship(action.order_id, payload)
            if self._on_shipped is not None and isinstance(result, ShipResult):
                try:
                    self._on_shipped(action.order_id, result)
                except Exception:  # the store has shipped: never let a label undo that
                    log.exception("after-ship hook failed for order %s", action.order_id)
            return result
        if isinstance(payload, FulfillRequest):
            return connector.fulfill(action.order_id, payload)
        if isinstance(payload, CancelRequest):
            return connector.cancel(action.order_id, payload)
        if isinstance(payload, OrderUpdate):
            return connector.update(action.order_id, payload)
        if isinstance(payload, CreateOrderRequest):
            return connector.create(payload, action.idempotency_key)
        raise AssertionError(f"no connector call for {action.kind}")  # pragma: no cover

    def _reread(self, order_id: str) -> Order | None:
        # A 404 (``NotFound``) is read by the runner as "no such order".
        if self._creating(order_id):
            # A create is filed under its handle (external reference or idempotency key),
            # which is not the id the store gives the new order: look it up by the reference
            # where the connector can. Where it cannot, "not found" lets the runner send again,
            # which an API that takes the idempotency key (Squarespace) answers with the order
            # it made the first time.
            if isinstance(self._connector, FindsByExternalId):
                return self._connector.find_by_external_id(order_id)
            if not self._connector.capabilities.idempotent_create:
                raise CreateOutcomeUnknown(self._connector.capabilities.display_name)
        return self._connector.get_order(order_id)

    def _creating(self, handle: str) -> bool:
        return any(
            record.action.kind == Operation.CREATE
            for record in self._outbox.records(
                [ActionState.SENDING], connection_id=self._connection_id, order_id=handle
            )
        )

    def _send_bulk(self, action: Action, payload: BulkShipRequest) -> BulkShipResult:
        result = self._connector.bulk_ship(payload.items)
        if not result.errors:
            return result
        record = self._outbox.get_by_key(action.idempotency_key)
        before = dict(record.before) if record is not None else {}
        items = {item.order_id: item for item in payload.items}
        refused: list[BulkShipError] = []
        for error in result.errors:
            item = items.get(error.order_id)
            if item is None:  # an answer about an order we did not send: nothing to queue
                refused.append(error)
                continue
            if error.code in ALREADY_DONE_CODES and self._bulk_item_there(item, before):
                continue
            refused.append(error)
            self._queue_bulk_failure(action, item, error, before.get(item.order_id))
        return BulkShipResult(
            result.succeeded + len(result.errors) - len(refused), len(refused), refused
        )

    def _bulk_item_there(self, item: BulkShipItem, before: dict[str, Order]) -> bool:
        try:
            now = self._reread(item.order_id)
        except ConnectorError:
            return False
        return shipment_present([item.tracking_number], item.lines, before.get(item.order_id), now)

    def _queue_bulk_failure(
        self, bulk: Action, item: BulkShipItem, error: BulkShipError, before: Order | None
    ) -> None:
        """A failed ship action for one refused bulk item, shown to the packer like any other."""
        key = hashlib.sha256(f"{bulk.idempotency_key}:{item.order_id}".encode()).hexdigest()
        if self._outbox.get_by_key(key[:32]) is not None:
            return  # queued by an earlier attempt of this bulk shipment
        request = ShipRequest(
            carrier=item.carrier,
            service=item.service,
            tracking_number=item.tracking_number,
            lines=item.lines,
        )
        action = Action(
            kind=Operation.SHIP,
            connection_id=bulk.connection_id,
            order_id=item.order_id,
            payload=request,
            packer=bulk.packer,
            idempotency_key=key[:32],
        )
        if before is None:
            before = self._reread(item.order_id)
            if before is None:
                return
        record = self._outbox.enqueue(action, before)
        claimed = self._outbox.claim(record.id)
        if claimed is None:  # pragma: no cover - only this runner claims its actions
            return
        view = ErrorView.of(_BulkItemRefused(error))
        self._outbox.mark_failed(
            claimed.id,
            message=view.user_message,
            api_message=view.api_message,
            error_code=view.code,
        )

    # --- helpers ----------------------------------------------------------------------------

    def _require(self, op: Operation) -> None:
        caps = self._connector.capabilities
        if not caps.supports(op):
            raise Unsupported(caps.why_not(op))

    def _check_shipment(
        self, order: Order, lines: Mapping[str, int], hold_override: str | None = None
    ) -> None:
        """``check_shipment`` against the order as it will be once the shipments already
        waiting in the outbox for it have gone out: a parcel scanned twice is refused here,
        not sent twice."""
        ahead = order
        for record in self._outbox.records(
            ACTIVE_STATES, connection_id=self._connection_id, order_id=order.id
        ):
            for order_id, numbers, wanted in shipments_of(record.action):
                if order_id != order.id or shipment_present(
                    numbers, wanted, record.before.get(order_id), order
                ):
                    continue  # another order's, or already on the store's copy
                waiting = Shipment(
                    carrier="queued",
                    tracking_number=next((n for n in numbers if n), None),
                    lines=[ShipmentLine(line_id=k, quantity=v) for k, v in wanted.items()],
                )
                try:
                    ahead = apply_shipment(ahead, waiting, self._outbox.now())
                except DomainError:
                    continue  # the store will refuse that one; its record says so
        try:
            check_shipment(ahead, lines or None, hold_override=hold_override)
        except NotShippable as exc:
            if ahead is order or exc.field == "holds":
                raise
            if all(line.remaining == 0 for line in ahead.lines):
                raise NotShippable(
                    "everything on this order is already waiting in the outbox to ship",
                    field="lines",
                ) from None
            raise NotShippable(
                f"{exc.message}, counting the shipments already waiting in the outbox",
                field=exc.field,
            ) from None

    def _current(self, order_id: str, cached: Order | None) -> Order:
        """The order as the store has it now; the packer's copy only if the store cannot be
        reached. A packer's hold exists only in the local copy: it is kept on the fresh one."""
        try:
            fresh = self._connector.get_order(order_id)
        except ConnectorError as exc:
            if cached is None or cached.id != order_id or not ErrorView.of(exc).transient:
                raise
            return cached
        if cached is not None and cached.id == order_id:
            local = [h.reason for h in cached.holds if h.kind == HoldKind.PACKER]
            fresh = with_packer_holds(fresh, local)
        return fresh

    def _enqueue(
        self,
        kind: Operation,
        order: Order,
        payload: Payload,
        packer: str,
        hold_override: str | None = None,
    ) -> ActionRecord[Action]:
        action = Action(
            kind=kind,
            connection_id=self._connection_id,
            order_id=order.id,
            payload=payload,
            packer=packer,
        )
        if self._before_queue is not None:
            self._before_queue(action)
        record = self._outbox.enqueue(action, order)
        if hold_override is not None and order.holds:
            self._outbox.audit.record(
                order_id=order.id,
                order_number=order.number,
                kind="hold_override",
                summary=HOLD_OVERRIDDEN,
                outcome="override",
                message=f"{' '.join(hold_override.split())} (held: {holds_text(order.holds)})",
                packer=packer,
                connection_id=self._connection_id,
                action_id=record.id,
                idempotency_key=action.idempotency_key,
            )
        return record


HOLD_OVERRIDDEN = QT_TRANSLATE_NOOP("Outbox", "Shipped although the order was on hold")
CREATE_UNCONFIRMED = QT_TRANSLATE_NOOP(
    "Outbox",
    "{store} did not confirm this new order, and its API cannot tell whether it was "
    "created. Check the store's order list; retry only if the order is not there.",
)
BULK_ITEM_REFUSED = QT_TRANSLATE_NOOP(
    "Outbox",
    "The store refused to ship order {order} in the bulk shipment: {error}. Fix it, "
    "then retry or dismiss.",
)


class CreateOutcomeUnknown(ConnectorError):
    """A create whose answer was lost, on an API that can neither find the order by our
    reference nor deduplicate a re-send: sending again could make the order twice."""

    def __init__(self, store: str) -> None:
        super().__init__(user_message=CREATE_UNCONFIRMED.format(store=store))


class _BulkItemRefused(Exception):
    """One item of a bulk answer, in the runner's error taxonomy."""

    def __init__(self, error: BulkShipError) -> None:
        self.code = error.code
        self.api_message = error.message
        self.transient = False
        self.user_message = BULK_ITEM_REFUSED.format(order=error.order_id, error=error.message)
        super().__init__(self.user_message)

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.connectors import errors
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.messages import Message
from fulfillment_station.domain.models import (
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
)
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.domain.workflow import SHIPPABLE, apply_cancel, apply_shipment
from fulfillment_station.services.actions import Action, BulkShipRequest, Operation
from fulfillment_station.services.outbox_runner import (
    GAVE_UP,
    BackoffPolicy,
    ErrorView,
    OutboxRunner,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect
from fulfillment_station.store.outbox import ActionState, Outbox
from tests.helpers.clock import T0, FakeClock

UPS = "1Z999AA10123456784"
DHL = "1234567890"


class MidpointRandom(random.Random):
    """Jitter that always lands half-way, so waits are exact in assertions."""

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) / 2


class ApiError(Exception):
    """Carries the runner's error taxonomy, as the connectors' exceptions do."""

    def __init__(
        self,
        user_message: str,
        *,
        transient: bool = False,
        unknown_outcome: bool = False,
        retry_after: float | None = None,
        code: str | None = None,
        api_message: str = "",
    ) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.transient = transient
        self.unknown_outcome = unknown_outcome
        self.retry_after = retry_after
        self.code = code
        self.api_message = api_message


class Crash(BaseException):
    """The app dies here: nothing after this point runs."""


def make_order(
    order_id: str = "o1", quantity: int = 2, status: OrderStatus = OrderStatus.CONFIRMED
) -> Order:
    return Order(
        id=order_id,
        number=f"#{order_id.upper()}",
        dialect="nexus",
        status=status,
        lines=[LineItem(id=f"{order_id}-l1", sku="SKU-1", quantity=quantity)],
        created_at=T0,
        updated_at=T0,
    )


class FakeServer:
    """A store API that applies writes with the domain workflow and remembers each one.

    ``send_plan`` / ``reread_plan`` hold one fault per call (``None`` = behave).
    """

    def __init__(self, clock: FakeClock, orders: list[Order]) -> None:
        self.clock = clock
        self.orders: dict[str, Order | None] = {o.id: o for o in orders}
        self.applied: list[str] = []
        self.sent: list[Action] = []
        self.send_plan: list[str | None] = []
        self.reread_plan: list[str | None] = []
        self.rereads = 0

    def send(self, action: Action) -> Order | None:
        self.sent.append(action)
        fault = self.send_plan.pop(0) if self.send_plan else None
        if fault == "crash_before":
            raise Crash
        if fault == "refused":
            raise ApiError("The store cannot be reached.", transient=True)
        if fault == "rate_limited":
            raise ApiError(
                "The store asks us to slow down.",
                transient=True,
                retry_after=90,
                code="RATE_LIMITED",
            )
        self._apply(action)
        if fault == "timeout":
            raise ApiError(
                "The store did not answer in time.", transient=True, unknown_outcome=True
            )
        if fault == "crash_after":
            raise Crash
        return self.orders[action.order_id]

    def reread(self, order_id: str) -> Order | None:
        self.rereads += 1
        fault = self.reread_plan.pop(0) if self.reread_plan else None
        if fault == "crash":
            raise Crash
        if fault == "refused":
            raise ApiError("The store cannot be reached.", transient=True)
        return self.orders.get(order_id)

    def _apply(self, action: Action) -> None:
        payload = action.payload
        at = self.clock()
        try:
            if isinstance(payload, BulkShipRequest):
                for item in payload.items:
                    self._ship(item.order_id, item.carrier, item.tracking_number, item.lines, at)
            elif isinstance(payload, ShipRequest):
                self._ship(
                    action.order_id, payload.carrier, payload.tracking_number, payload.lines, at
                )
            elif isinstance(payload, CancelRequest):
                self.orders[action.order_id] = apply_cancel(
                    self._order(action.order_id), payload.reason, at
                )
            elif isinstance(payload, OrderUpdate):
                order = self._order(action.order_id)
                self.orders[action.order_id] = order.model_copy(
                    update=payload.model_dump(exclude_none=True)
                )
            else:
                raise AssertionError(f"unsupported {action.kind}")
        except DomainError as exc:
            raise ApiError(
                f"The store refused: {exc.message}",
                code="INVALID_STATUS_TRANSITION",
                api_message=str(exc),
            ) from exc
        self.applied.append(action.idempotency_key)

    def _order(self, order_id: str) -> Order:
        order = self.orders.get(order_id)
        if order is None:
            raise ApiError(
                "Order not found.", code="ORDER_NOT_FOUND", api_message="Order ID does not exist"
            )
        return order

    def _ship(
        self, order_id: str, carrier: str, tracking: str | None, lines: dict[str, int], at: datetime
    ) -> None:
        order = self._order(order_id)
        if order.status not in SHIPPABLE:
            raise ApiError(
                "The order is already shipped.",
                code="ALREADY_SHIPPED",
                api_message="Order already has a confirmed shipment",
            )
        shipment = Shipment(
            carrier=carrier,
            tracking_number=tracking,
            lines=[ShipmentLine(line_id=k, quantity=v) for k, v in lines.items()],
        )
        self.orders[order_id] = apply_shipment(order, shipment, at)


Station = tuple[Outbox[Action], AuditLog, OutboxRunner]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def conns() -> Iterator[list[sqlite3.Connection]]:
    opened: list[sqlite3.Connection] = []
    yield opened
    for conn in opened:
        conn.close()


@pytest.fixture
def start(
    tmp_path: Path, clock: FakeClock, conns: list[sqlite3.Connection]
) -> Callable[..., Station]:
    """Start (or restart, after a crash) the app's outbox on this test's own file."""
    path = tmp_path / "store.sqlite3"

    def start_(server: FakeServer, policy: BackoffPolicy | None = None) -> Station:
        for conn in conns:
            conn.close()
        conns.append(connect(path))
        audit = AuditLog(conns[-1], station="Desk 1", clock=clock)
        outbox = Outbox(conns[-1], audit, decode=Action.model_validate, clock=clock)
        runner = OutboxRunner(
            outbox, server.send, server.reread, rng=MidpointRandom(0), policy=policy
        )
        runner.recover()
        return outbox, audit, runner

    return start_


def ship(order_id: str = "o1", tracking: str | None = UPS, **lines: int) -> Action:
    return Action(
        kind=Operation.SHIP,
        connection_id="shop",
        order_id=order_id,
        packer="Ana",
        payload=ShipRequest(
            carrier="UPS",
            tracking_number=tracking,
            lines={f"{order_id}-{k}": v for k, v in lines.items()},
        ),
    )


def cancel(order_id: str = "o1") -> Action:
    return Action(
        kind=Operation.CANCEL,
        connection_id="shop",
        order_id=order_id,
        payload=CancelRequest(reason="Customer asked"),
    )


def test_action_is_sent_once_and_logged(start: Callable[..., Station], clock: FakeClock) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, audit, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])

    outcomes = runner.run_due()

    assert [(o.record.state, o.sent) for o in outcomes] == [(ActionState.DONE, True)]
    assert outcomes[0].result.status == OrderStatus.SHIPPED
    assert server.applied == [record.action.idempotency_key]
    assert runner.run_due() == []
    assert [e.outcome for e in audit.for_order("o1")] == ["queued", "done"]
    assert outbox.pending_count() == 0


def test_transient_failures_back_off_exponentially(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["refused", "refused"]

    first = runner.run_due()[0].record
    # attempt 1: between 1 and 2 s (base 2); the midpoint jitter makes it 1.5 s
    assert first.state == ActionState.RETRYING
    assert first.next_attempt_at == T0 + timedelta(seconds=1.5)
    assert first.message == "The store cannot be reached."
    assert not first.verify_first  # refused: the request never arrived

    clock.advance(1.4)
    assert runner.run_due() == []
    clock.advance(0.1)
    second = runner.run_due()[0].record
    assert second.next_attempt_at == clock.now + timedelta(seconds=3)  # attempt 2: 2..4 s
    clock.advance(3)
    assert runner.run_due()[0].record.state == ActionState.DONE
    assert len(server.sent) == 3
    assert server.applied == [record.action.idempotency_key]


def test_backoff_is_capped_and_jittered() -> None:
    policy = BackoffPolicy(base=2, cap=60)
    rng = random.Random(7)
    waits = [policy.delay(10, rng) for _ in range(200)]
    assert all(30 <= w <= 60 for w in waits)
    assert len(set(waits)) > 100


def test_retry_after_is_honoured_when_longer_than_backoff(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["rate_limited"]

    record = runner.run_due()[0].record

    assert record.next_attempt_at == T0 + timedelta(seconds=90)
    assert runner.next_wake() == T0 + timedelta(seconds=90)
    clock.advance(89)
    assert runner.run_due() == []
    clock.advance(1)
    assert runner.run_due()[0].record.state == ActionState.DONE


def test_retry_schedule_survives_a_restart(start: Callable[..., Station], clock: FakeClock) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["rate_limited"]
    runner.run_due()

    outbox, _, runner = start(server)  # the app is restarted
    clock.advance(60)
    assert runner.run_due() == []
    clock.advance(30)
    assert runner.run_due()[0].record.state == ActionState.DONE
    assert server.applied == [record.action.idempotency_key]


def test_gives_up_after_max_attempts(start: Callable[..., Station], clock: FakeClock) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server, BackoffPolicy(max_attempts=3))
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["refused"] * 3
    for _ in range(3):
        runner.run_due()
        clock.advance(3600)
    failed = outbox.get(record.id)
    assert failed is not None
    assert failed.state == ActionState.FAILED
    assert failed.message == "Gave up after 3 attempts: The store cannot be reached."
    # Read back from SQLite with its template, so the panel can show it in the desk's language.
    assert isinstance(failed.message, Message) and failed.message.template == GAVE_UP.template


def test_the_error_views_sentence_stays_translatable() -> None:
    view = ErrorView.of(errors.ConnectionFailed("timed out"))
    assert isinstance(view.user_message, Message)
    assert view.user_message.template == errors.ConnectionFailed.user_text.template
    unexpected = ErrorView.of(KeyError("data"))
    assert isinstance(unexpected.user_message, Message)
    assert unexpected.user_message == "Unexpected error: 'data'"


@pytest.mark.parametrize("applied_before_crash", [True, False])
def test_action_left_sending_is_checked_before_resending(
    start: Callable[..., Station], clock: FakeClock, applied_before_crash: bool
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, audit, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["crash_after" if applied_before_crash else "crash_before"]
    with pytest.raises(Crash):
        runner.run_due()
    assert outbox.get(record.id).state == ActionState.SENDING  # type: ignore[union-attr]

    outbox, audit, runner = start(server)  # restart: recover() runs
    outcome = runner.run_due()[0]

    assert outcome.record.state == ActionState.DONE
    assert outcome.sent is not applied_before_crash
    assert server.rereads == 1
    assert len(server.sent) == (1 if applied_before_crash else 2)
    assert server.applied == [record.action.idempotency_key]
    outcomes = [e.outcome for e in audit.for_order("o1")]
    assert outcomes == ["queued", "interrupted", "done"]
    if applied_before_crash:
        assert audit.for_order("o1")[-1].message == "Already on the order; not sent again."


def test_timeout_after_apply_is_not_sent_twice(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["timeout"]

    retrying = runner.run_due()[0].record
    assert retrying.state == ActionState.RETRYING
    assert retrying.verify_first
    clock.advance(10)
    done = runner.run_due()[0]

    assert (done.record.state, done.sent) == (ActionState.DONE, False)
    assert done.reread["o1"] == server.orders["o1"]
    assert len(server.sent) == 1
    assert server.applied == [record.action.idempotency_key]


def test_reread_failure_keeps_the_check_pending(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])
    server.send_plan = ["timeout"]
    runner.run_due()
    server.reread_plan = ["refused"]
    clock.advance(10)

    again = runner.run_due()[0].record
    assert (again.state, again.verify_first) == (ActionState.RETRYING, True)
    clock.advance(10)
    assert runner.run_due()[0].record.state == ActionState.DONE
    assert server.applied == [record.action.idempotency_key]


def test_ship_without_tracking_is_recognised_by_its_lines(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    # e.g. price2b makes the label and the tracking number itself
    server = FakeServer(clock, [make_order(quantity=3)])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(tracking=None, l1=2), server.orders["o1"])
    server.send_plan = ["timeout"]
    runner.run_due()
    clock.advance(10)
    assert runner.run_due()[0].sent is False
    assert server.applied == [record.action.idempotency_key]


def test_untracked_partial_shipments_queued_together_each_go_out(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    # Both were queued against the same snapshot; when the second is checked after a crash,
    # the units of the first must not be taken for its own.
    server = FakeServer(clock, [make_order(quantity=2)])
    outbox, _, runner = start(server)
    snapshot = server.orders["o1"]
    first = outbox.enqueue(ship(tracking=None, l1=1), snapshot)
    second = outbox.enqueue(ship(tracking=None, l1=1), snapshot)
    server.send_plan = [None, "crash_before"]
    with pytest.raises(Crash):
        runner.run_due()

    outbox, _, runner = start(server)
    assert runner.run_due()[0].sent
    assert server.applied == [first.action.idempotency_key, second.action.idempotency_key]
    assert server.orders["o1"].lines[0].quantity_fulfilled == 2  # type: ignore[union-attr]


def test_409_with_our_tracking_number_counts_as_done(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    order = make_order()
    shipped = apply_shipment(order, Shipment(carrier="UPS", tracking_number=UPS), T0)
    server = FakeServer(clock, [shipped])
    outbox, audit, runner = start(server)
    outbox.enqueue(ship(tracking=UPS.lower()), order)  # queued before it shipped

    outcome = runner.run_due()[0]

    assert outcome.record.state == ActionState.DONE
    assert audit.for_order("o1")[-1].message == "The store already had this; counted as done."


def test_409_with_another_tracking_number_is_a_conflict_for_the_packer(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    order = make_order()
    shipped = apply_shipment(order, Shipment(carrier="DHL", tracking_number=DHL), T0)
    server = FakeServer(clock, [shipped])
    outbox, audit, runner = start(server)
    outbox.enqueue(ship(tracking=UPS), order)

    record = runner.run_due()[0].record

    assert record.state == ActionState.FAILED
    assert DHL in record.message
    assert UPS in record.message
    assert record.api_message == "Order already has a confirmed shipment"
    assert record.error_code == "ALREADY_SHIPPED"
    assert DHL in audit.for_order("o1")[-1].message


def test_permanent_error_fails_then_retry_and_dismiss(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order(), make_order("o2")])
    server.orders["o1"] = None  # the store has no such order (yet)
    outbox, audit, runner = start(server)
    first = outbox.enqueue(ship("o1"), make_order())
    second = outbox.enqueue(cancel("o2"), make_order("o2"))

    outcomes = runner.run_due()
    failed = outcomes[0].record
    assert failed.state == ActionState.FAILED
    assert (failed.message, failed.api_message) == ("Order not found.", "Order ID does not exist")
    assert not failed.verify_first
    assert outcomes[1].record.state == ActionState.DONE
    assert runner.run_due() == []  # a failed action waits for the packer

    server.orders["o1"] = make_order()
    outbox.retry(first.id, packer="Ben")
    assert runner.run_due()[0].record.state == ActionState.DONE
    assert [e.outcome for e in audit.for_order("o1")] == ["queued", "failed", "retried", "done"]

    third = outbox.enqueue(cancel("o1"), server.orders["o1"])
    refused = runner.run_due()[0].record  # shipped: it cannot be cancelled any more
    assert (refused.state, refused.error_code) == (ActionState.FAILED, "INVALID_STATUS_TRANSITION")
    assert outbox.dismiss(third.id).state == ActionState.DISMISSED
    assert outbox.get(second.id).state == ActionState.DONE  # type: ignore[union-attr]


def test_later_action_on_the_same_order_waits_for_the_earlier(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order(quantity=3), make_order("o2")])
    outbox, _, runner = start(server)
    first = outbox.enqueue(ship(tracking="A1", l1=1), server.orders["o1"])
    second = outbox.enqueue(ship(tracking="A2", l1=1), server.orders["o1"])
    other = outbox.enqueue(ship("o2"), server.orders["o2"])
    server.send_plan = ["refused"]

    outcomes = runner.run_due()
    assert [o.record.id for o in outcomes] == [first.id, other.id]
    assert outcomes[0].record.state == ActionState.RETRYING
    clock.advance(60)
    assert [o.record.id for o in runner.run_due()] == [first.id, second.id]
    assert [a.idempotency_key for a in server.sent] == [
        first.action.idempotency_key,
        other.action.idempotency_key,
        first.action.idempotency_key,
        second.action.idempotency_key,
    ]
    shipped = [s.tracking_number for s in server.orders["o1"].shipments]  # type: ignore[union-attr]
    assert shipped == ["A1", "A2"]


def test_a_stop_lets_the_action_being_sent_finish_and_keeps_the_rest_queued(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order(f"o{i}") for i in range(4)])
    outbox, _, runner = start(server)
    records = [outbox.enqueue(ship(f"o{i}"), server.orders[f"o{i}"]) for i in range(4)]
    # The packer switches connection while the first shipment is on the wire.
    stopping = iter([False, True])

    outcomes = runner.run_due(stop=lambda: next(stopping))

    assert [(o.record.id, o.record.state) for o in outcomes] == [(records[0].id, ActionState.DONE)]
    assert server.applied == [records[0].action.idempotency_key]
    assert outbox.pending_count() == 3
    # Opened again later, the rest goes out, each once.
    assert [o.record.id for o in runner.run_due()] == [r.id for r in records[1:]]
    assert server.applied == [r.action.idempotency_key for r in records]


def test_failed_action_blocks_later_ones_until_dismissed(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    server.orders["o1"] = None
    outbox, _, runner = start(server)
    first = outbox.enqueue(ship(), make_order())
    second = outbox.enqueue(cancel(), make_order())
    assert [o.record.state for o in runner.run_due()] == [ActionState.FAILED]
    assert server.sent == [first.action]
    assert runner.next_wake() is None  # nothing falls due by waiting: no busy loop
    server.orders["o1"] = make_order()
    outbox.dismiss(first.id)
    assert [o.record.id for o in runner.run_due()] == [second.id]


def test_unexpected_error_fails_and_rereads_before_a_retry(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    record = outbox.enqueue(ship(), server.orders["o1"])

    def broken_send(action: Action) -> Any:
        server.send(action)
        raise RuntimeError("response had no 'data'")

    OutboxRunner(outbox, broken_send, server.reread).run_due()
    failed = outbox.get(record.id)
    assert failed is not None
    assert failed.state == ActionState.FAILED
    assert failed.message == "Unexpected error: response had no 'data'"
    assert failed.verify_first

    outbox.retry(record.id)
    outcome = runner.run_due()[0]
    assert (outcome.record.state, outcome.sent) == (ActionState.DONE, False)
    assert server.applied == [record.action.idempotency_key]


def test_bulk_shipment_resends_only_what_is_missing(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order("o1"), make_order("o2")])
    outbox, audit, runner = start(server)
    bulk = Action(
        kind=Operation.BULK_SHIP,
        connection_id="shop",
        order_id="o1",
        payload=BulkShipRequest(
            items=[
                BulkShipItem(order_id="o1", carrier="DHL", tracking_number="B1"),
                BulkShipItem(order_id="o2", carrier="DHL", tracking_number="B2"),
            ]
        ),
    )
    record = outbox.enqueue(bulk, [server.orders["o1"], server.orders["o2"]])
    server.send_plan = ["crash_before"]
    with pytest.raises(Crash):
        runner.run_due()
    # The store half-applied the bulk request before the connection dropped.
    server.orders["o1"] = apply_shipment(
        server.orders["o1"], Shipment(carrier="DHL", tracking_number="B1"), T0
    )  # type: ignore[arg-type]

    outbox, audit, runner = start(server)
    outcome = runner.run_due()[0]

    assert outcome.record.state == ActionState.DONE, outcome.record.message
    resent = server.sent[-1].payload
    assert isinstance(resent, BulkShipRequest)
    assert [i.order_id for i in resent.items] == ["o2"]
    assert server.sent[-1].idempotency_key == record.action.idempotency_key
    assert [e.outcome for e in audit.for_order("o1")] == [
        "queued",
        "interrupted",
        "narrowed",
        "done",
    ]


def test_cancel_of_an_order_the_store_deleted_counts_as_done(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    # generic REST cancels with DELETE: after a lost answer the order is simply gone
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    outbox.enqueue(cancel(), server.orders["o1"])
    server.send_plan = ["crash_before"]
    with pytest.raises(Crash):
        runner.run_due()
    server.orders["o1"] = None

    outbox, _, runner = start(server)
    assert runner.run_due()[0].record.state == ActionState.DONE


def _random_action(rng: random.Random, order_id: str, n: int) -> Action:
    if rng.random() < 0.3:
        return Action(
            kind=Operation.UPDATE,
            connection_id="shop",
            order_id=order_id,
            payload=OrderUpdate(notes=f"note {n}"),
        )
    tracking = None if rng.random() < 0.2 else f"TRK{n:04d}"
    return ship(order_id, tracking, l1=1)


@pytest.mark.parametrize("seed", range(8))
def test_random_crashes_apply_every_action_exactly_once(
    start: Callable[..., Station], clock: FakeClock, seed: int
) -> None:
    rng = random.Random(seed)
    orders = [make_order(f"o{i}", quantity=100) for i in range(4)]
    server = FakeServer(clock, orders)
    policy = BackoffPolicy(base=1, cap=30, max_attempts=1000)
    outbox, _, runner = start(server, policy)
    send_faults = [
        None,
        None,
        None,
        "refused",
        "rate_limited",
        "timeout",
        "crash_before",
        "crash_after",
    ]
    reread_faults = [None, None, None, "refused", "crash"]
    keys: list[str] = []

    for n in range(40):
        order_id = rng.choice(orders).id
        current = server.orders[order_id]
        assert current is not None
        keys.append(
            outbox.enqueue(_random_action(rng, order_id, n), current).action.idempotency_key
        )
        server.send_plan = [rng.choice(send_faults) for _ in range(3)]
        server.reread_plan = [rng.choice(reread_faults) for _ in range(2)]
        try:
            runner.run_due(limit=rng.randint(0, 3))
        except Crash:
            outbox, _, runner = start(server, policy)
        if rng.random() < 0.2:  # the app is closed between two steps
            outbox, _, runner = start(server, policy)
        clock.advance(rng.uniform(0, 40))

    server.send_plan, server.reread_plan = [], []
    outbox, _, runner = start(server, policy)
    for _ in range(200):
        runner.run_due()
        if outbox.pending_count() == 0:
            break
        clock.advance(60)

    assert [r.state for r in outbox.records()] == [ActionState.DONE] * len(keys)
    # Every note is new and every shipment is one more unit, so each action had to be applied
    # by the store, and exactly once.
    assert Counter(server.applied) == Counter(keys)


def test_connector_errors_are_read_as_the_runner_expects() -> None:
    timeout = ErrorView.of(errors.UnknownOutcome("read timed out"))
    assert (timeout.transient, timeout.unknown_outcome, timeout.unexpected) == (True, True, False)
    slow = ErrorView.of(errors.RateLimited("slow down", status=429, retry_after=30))
    assert (slow.transient, slow.retry_after) == (True, 30.0)
    shipped = ErrorView.of(errors.error_for(409, "ALREADY_SHIPPED", "has a shipment"))
    assert shipped.conflict
    assert shipped.api_message == "has a shipment"
    assert shipped.user_message == errors.AlreadyShipped.user_text
    assert ErrorView.of(errors.error_for(409, None, "changed meanwhile")).conflict
    rejected = ErrorView.of(errors.error_for(422, "MARKETPLACE_REJECTION", "bad carrier"))
    assert (rejected.transient, rejected.conflict, rejected.unexpected) == (False, False, False)


def test_conflict_without_a_code_is_checked_against_the_order(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    order = make_order()
    server = FakeServer(
        clock, [apply_shipment(order, Shipment(carrier="UPS", tracking_number=UPS), T0)]
    )
    outbox, _, _ = start(server)
    outbox.enqueue(ship(), order)

    conflict = ApiError("The order changed meanwhile.", api_message="Conflict")
    conflict.status = 409  # type: ignore[attr-defined]

    def send_409(action: Action) -> Any:
        raise conflict

    outcome = OutboxRunner(outbox, send_409, server.reread).run_due()[0]
    assert outcome.record.state == ActionState.DONE


def test_reread_404_counts_as_no_such_order(
    start: Callable[..., Station], clock: FakeClock
) -> None:
    server = FakeServer(clock, [make_order()])
    outbox, _, runner = start(server)
    outbox.enqueue(cancel(), server.orders["o1"])
    server.send_plan = ["timeout"]
    runner.run_due()
    gone = ApiError("The store does not know this order.")
    gone.status = 404  # type: ignore[attr-defined]

    def reread(order_id: str) -> Order | None:
        raise gone

    clock.advance(60)
    outcome = OutboxRunner(outbox, server.send, reread).run_due()[0]
    assert (outcome.record.state, outcome.sent) == (ActionState.DONE, False)
    assert outcome.reread == {"o1": None}

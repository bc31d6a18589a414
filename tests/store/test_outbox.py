from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import LineItem, Order, OrderStatus
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    NewOrderLine,
    ShipRequest,
)
from fulfillment_station.services.actions import Action, BulkShipRequest, Operation
from fulfillment_station.store.audit import AuditLog, to_db_time
from fulfillment_station.store.db import connect, migrate
from fulfillment_station.store.outbox import MIGRATIONS, ActionState, Outbox, OutboxError
from tests.helpers.clock import T0, FakeClock

OpenOutbox = Callable[[], tuple[Outbox[Action], AuditLog]]


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
def open_outbox(tmp_path: Path, clock: FakeClock, conns: list[sqlite3.Connection]) -> OpenOutbox:
    """Open (or reopen, as after a crash) the outbox in this test's own file."""
    path = tmp_path / "store.sqlite3"

    def open_() -> tuple[Outbox[Action], AuditLog]:
        conns.append(connect(path))
        audit = AuditLog(conns[-1], station="Desk 1", clock=clock)
        return Outbox(conns[-1], audit, decode=Action.model_validate, clock=clock), audit

    return open_


def make_order(order_id: str = "o1", status: OrderStatus = OrderStatus.CONFIRMED) -> Order:
    return Order(
        id=order_id,
        number=f"#{order_id.upper()}",
        dialect="nexus",
        status=status,
        lines=[LineItem(id=f"{order_id}-l1", sku="SKU-1", quantity=2)],
        created_at=T0,
        updated_at=T0,
    )


def ship(order_id: str = "o1", tracking: str = "1Z999AA10123456784") -> Action:
    return Action(
        kind=Operation.SHIP,
        connection_id="shop",
        order_id=order_id,
        packer="Ana",
        payload=ShipRequest(carrier="UPS", tracking_number=tracking),
    )


def cancel(order_id: str = "o1") -> Action:
    return Action(
        kind=Operation.CANCEL,
        connection_id="shop",
        order_id=order_id,
        payload=CancelRequest(reason="Customer asked"),
    )


def test_enqueue_is_committed_before_it_returns(
    open_outbox: OpenOutbox, conns: list[sqlite3.Connection]
) -> None:
    outbox, _ = open_outbox()
    action = ship()
    queued = outbox.enqueue(action, make_order())
    conns[-1].close()  # the app dies right after queueing

    reopened, audit = open_outbox()
    record = reopened.get(queued.id)
    assert record is not None
    assert record.state == ActionState.PENDING
    assert record.action == action
    assert record.action.idempotency_key == action.idempotency_key
    assert record.order_before == make_order()
    assert record.order_number == "#O1"
    assert [e.outcome for e in audit.for_order("o1")] == ["queued"]
    assert audit.for_order("o1")[0].packer == "Ana"


def test_idempotency_key_is_uuid4_hex_and_unique() -> None:
    a, b = ship(), ship()
    assert len(a.idempotency_key) == 32
    assert a.idempotency_key != b.idempotency_key


def test_queueing_the_same_action_twice_keeps_one_record(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    action = ship()
    first = outbox.enqueue(action, make_order())
    again = outbox.enqueue(action, make_order())
    assert again.id == first.id
    assert outbox.pending_count() == 1
    impostor = cancel().model_copy(update={"idempotency_key": action.idempotency_key})
    with pytest.raises(OutboxError, match="same idempotency key"):
        outbox.enqueue(impostor, make_order())


def test_snapshot_must_cover_the_actions_orders(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    with pytest.raises(OutboxError, match="o1 was not loaded"):
        outbox.enqueue(ship("o1"), make_order("o2"))
    create = Action.create(
        "shop",
        CreateOrderRequest(external_reference="EXT-1", lines=[NewOrderLine(sku="MUG", quantity=1)]),
    )
    record = outbox.enqueue(create, None)
    assert record.before == {}
    assert record.order_number == "EXT-1"


def test_claim_is_committed_and_a_crash_leaves_outcome_unknown(
    open_outbox: OpenOutbox, conns: list[sqlite3.Connection], clock: FakeClock
) -> None:
    outbox, _ = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    claimed = outbox.claim(queued.id)
    assert claimed is not None
    assert (claimed.state, claimed.attempts) == (ActionState.SENDING, 1)
    assert outbox.claim(queued.id) is None  # nobody else may take it now
    conns[-1].close()  # the app dies while the request is out

    clock.advance(60)
    reopened, audit = open_outbox()
    assert reopened.get(queued.id).state == ActionState.SENDING  # type: ignore[union-attr]
    assert reopened.due() == []
    recovered = reopened.recover_interrupted()
    assert [r.id for r in recovered] == [queued.id]
    record = recovered[0]
    assert record.state == ActionState.RETRYING
    assert record.verify_first
    assert record.next_attempt_at == clock.now
    assert [r.id for r in reopened.due()] == [queued.id]
    assert audit.for_order("o1")[-1].outcome == "interrupted"


def test_retrying_action_waits_for_its_time(open_outbox: OpenOutbox, clock: FakeClock) -> None:
    outbox, _ = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    outbox.claim(queued.id)
    later = clock.now + timedelta(seconds=30)
    record = outbox.mark_retrying(
        queued.id, later, message="The store did not answer", verify_first=False
    )
    assert (record.state, record.next_attempt_at) == (ActionState.RETRYING, later)
    assert outbox.due() == []
    assert outbox.next_due_at() == later
    clock.advance(30)
    assert [r.id for r in outbox.due()] == [queued.id]


def test_fifo_per_order_failed_blocks_until_dismissed(open_outbox: OpenOutbox) -> None:
    outbox, audit = open_outbox()
    first = outbox.enqueue(ship("o1"), make_order("o1"))
    second = outbox.enqueue(cancel("o1"), make_order("o1"))
    other = outbox.enqueue(ship("o2"), make_order("o2"))
    assert [r.id for r in outbox.due()] == [first.id, other.id]
    assert outbox.blocked_by(second.id).id == first.id  # type: ignore[union-attr]

    outbox.claim(first.id)
    outbox.mark_failed(
        first.id,
        message="The marketplace rejected the shipment.",
        api_message="MARKETPLACE_REJECTION: carrier unknown",
        error_code="MARKETPLACE_REJECTION",
    )
    assert second.id not in [r.id for r in outbox.due()]

    dismissed = outbox.dismiss(first.id, packer="Ben")
    assert dismissed.state == ActionState.DISMISSED
    assert [r.id for r in outbox.due()] == [second.id, other.id]
    assert outbox.blocked_by(second.id) is None
    rows = audit.for_order("o1")
    assert [r.outcome for r in rows] == ["queued", "queued", "failed", "dismissed"]
    assert "MARKETPLACE_REJECTION: carrier unknown" in rows[2].message
    assert rows[3].packer == "Ben"


def test_fifo_blocks_each_order_of_a_bulk_shipment(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    bulk = Action(
        kind=Operation.BULK_SHIP,
        connection_id="shop",
        order_id="o1",
        payload=BulkShipRequest(
            items=[
                BulkShipItem(order_id="o1", carrier="DHL", tracking_number="1"),
                BulkShipItem(order_id="o2", carrier="DHL", tracking_number="2"),
            ]
        ),
    )
    first = outbox.enqueue(bulk, [make_order("o1"), make_order("o2")])
    later = outbox.enqueue(cancel("o2"), make_order("o2"))
    elsewhere = Action(
        kind=Operation.CANCEL, connection_id="other-shop", order_id="o2", payload=CancelRequest()
    )
    independent = outbox.enqueue(elsewhere, make_order("o2"))
    assert [r.id for r in outbox.due()] == [first.id, independent.id]
    assert outbox.blocked_by(later.id).id == first.id  # type: ignore[union-attr]
    assert [r.id for r in outbox.records(order_id="o2", connection_id="shop")] == [
        first.id,
        later.id,
    ]


def test_bulk_action_appears_in_each_orders_audit_timeline(open_outbox: OpenOutbox) -> None:
    outbox, audit = open_outbox()
    bulk = Action(
        kind=Operation.BULK_SHIP,
        connection_id="shop",
        order_id="o1",
        payload=BulkShipRequest(
            items=[
                BulkShipItem(order_id="o1", carrier="DHL", tracking_number="1"),
                BulkShipItem(order_id="o2", carrier="DHL", tracking_number="2"),
            ]
        ),
    )
    record = outbox.enqueue(bulk, [make_order("o1"), make_order("o2")])
    outbox.claim(record.id)
    outbox.mark_done(record.id)
    rows = audit.for_order("o2")
    assert [(r.outcome, r.order_number, r.action_id) for r in rows] == [
        ("queued", "#O2", record.id),
        ("done", "#O2", record.id),
    ]
    assert len(audit.for_order("o1")) == 2


def test_purge_drops_old_finished_actions_but_keeps_their_audit_rows(
    open_outbox: OpenOutbox, clock: FakeClock
) -> None:
    outbox, audit = open_outbox()
    old = outbox.enqueue(ship("o1"), make_order("o1"))
    outbox.claim(old.id)
    outbox.mark_done(old.id)
    waiting = outbox.enqueue(ship("o2"), make_order("o2"))
    clock.advance(86400)
    recent = outbox.enqueue(ship("o3"), make_order("o3"))
    outbox.claim(recent.id)
    outbox.mark_done(recent.id)

    assert outbox.purge(clock.now - timedelta(hours=1)) == 1
    assert [r.id for r in outbox.records()] == [waiting.id, recent.id]
    assert [r.outcome for r in audit.for_order("o1")] == ["queued", "done"]


def test_failed_action_is_retried_on_request(open_outbox: OpenOutbox, clock: FakeClock) -> None:
    outbox, audit = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    outbox.claim(queued.id)
    failed = outbox.mark_failed(
        queued.id,
        message="Tracking number is invalid.",
        api_message="tracking_number: invalid",
        error_code="INVALID",
    )
    assert (failed.message, failed.api_message) == (
        "Tracking number is invalid.",
        "tracking_number: invalid",
    )
    assert outbox.due() == []

    clock.advance(120)
    retried = outbox.retry(queued.id, packer="Ben")
    assert (retried.state, retried.attempts) == (ActionState.PENDING, 0)
    assert [r.id for r in outbox.due()] == [queued.id]
    assert audit.for_order("o1")[-1].outcome == "retried"


def test_buttons_refuse_states_they_do_not_apply_to(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    outbox.claim(queued.id)
    with pytest.raises(OutboxError, match="sending; it cannot be dismissed"):
        outbox.dismiss(queued.id)
    outbox.mark_done(queued.id)
    with pytest.raises(OutboxError, match="done; it cannot be retried"):
        outbox.retry(queued.id)
    with pytest.raises(OutboxError, match="not being sent"):
        outbox.mark_failed(queued.id, message="late answer")
    with pytest.raises(OutboxError, match="no action 999"):
        outbox.retry(999)


def test_panel_lists_and_counts(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    a = outbox.enqueue(ship("o1"), make_order("o1"))
    b = outbox.enqueue(ship("o2"), make_order("o2"))
    c = outbox.enqueue(ship("o3"), make_order("o3"))
    outbox.claim(a.id)
    outbox.mark_done(a.id)
    outbox.claim(b.id)
    outbox.mark_failed(b.id, message="Order not found.")

    assert outbox.pending_count() == 1
    counts = outbox.counts()
    assert (counts[ActionState.DONE], counts[ActionState.FAILED], counts[ActionState.PENDING]) == (
        1,
        1,
        1,
    )
    assert [r.id for r in outbox.records(states=[ActionState.FAILED, ActionState.PENDING])] == [
        b.id,
        c.id,
    ]
    assert outbox.records(states=[]) == []
    assert outbox.pending_count(connection_id="other-shop") == 0


def test_a_failed_actions_message_keeps_its_template_across_a_restart(
    open_outbox: OpenOutbox,
) -> None:
    """A packer reads a failure in their language the next day: the store keeps the template
    and parameters, not only the English words."""
    gave_up = QT_TRANSLATE_NOOP("Outbox", "Gave up after {attempts} attempts: {error}")
    refused = QT_TRANSLATE_NOOP("ConnectorError", "The store refused the API token.")
    outbox, audit = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    outbox.claim(queued.id)
    outbox.mark_failed(queued.id, message=gave_up.format(attempts=5, error=refused))

    reopened, _ = open_outbox()
    message = reopened.records([ActionState.FAILED])[0].message
    assert isinstance(message, Message)
    assert message == "Gave up after 5 attempts: The store refused the API token."
    assert message.template == gave_up.template
    assert message.params["error"].template == refused.template  # type: ignore[union-attr]
    assert audit.for_order("o1")[-1].message == str(message)  # the log stays English


def test_plain_text_messages_stay_plain(open_outbox: OpenOutbox) -> None:
    outbox, _ = open_outbox()
    queued = outbox.enqueue(ship(), make_order())
    outbox.claim(queued.id)
    outbox.mark_failed(queued.id, message="boom")
    message = open_outbox()[0].records([ActionState.FAILED])[0].message
    assert (message, isinstance(message, Message)) == ("boom", False)


def test_an_outbox_file_from_before_stored_messages_is_upgraded(
    tmp_path: Path, clock: FakeClock, conns: list[sqlite3.Connection]
) -> None:
    conns.append(connect(tmp_path / "old.sqlite3"))
    migrate(conns[-1], "outbox", MIGRATIONS[:1])  # the file as the previous version left it
    conns[-1].execute(
        "INSERT INTO outbox (idempotency_key, connection_id, order_id, order_number, kind,"
        " action, orders_before, state, message, created_at, updated_at) VALUES"
        " ('k1', 'c1', 'o1', '#O1', 'ship', ?, '{}', 'failed', 'Old words', ?, ?)",
        (ship().model_dump_json(), to_db_time(T0), to_db_time(T0)),
    )
    outbox = Outbox(
        conns[-1],
        AuditLog(conns[-1], station="Desk 1", clock=clock),
        decode=Action.model_validate,
        clock=clock,
    )
    assert [r.message for r in outbox.records([ActionState.FAILED])] == ["Old words"]

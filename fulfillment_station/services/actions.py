"""What a packer asks the store to do, as plain data, and how to tell it has been done.

An :class:`Action` is one write (ship, fulfill, cancel, update, create, bulk_ship) on one
connection. Its payload is the canonical request the connectors take
(``domain.requests``: ShipRequest, FulfillRequest, CancelRequest, OrderUpdate,
CreateOrderRequest; a bulk shipment is a :class:`BulkShipRequest` of ``BulkShipItem``), and its
``idempotency_key`` (uuid4 hex) goes with it through the outbox, the audit log and, where the
API takes one, the request.

The "is the effect already there?" checks live here and only here, one function per action
kind, over domain Orders: the outbox runner calls :func:`effect_present` before it re-sends a
write whose outcome is unknown, and after a conflict answer (409), so that nothing is sent
twice. Each check compares the order as re-read from the API (``now``; ``None`` when the API
says it does not exist) with the order as it was before the action (``before``).

Choices written down:

* ``order_id`` of a *create* action is the handle the connectors file a new order under:
  the request's ``external_reference``, or else the idempotency key. The re-read for it must
  look the order up by that reference (e.g. ``find_by_external_id``) and give ``None`` when
  there is none.
* ``order_id`` of a *bulk_ship* action is the order it is filed under (the first item's, by
  convention; it stays so when items already shipped are dropped before a re-send). Every
  item's order is in :attr:`Action.order_ids`, and the outbox keeps each of them first in,
  first out.
* A cancelled order that the API no longer returns counts as cancelled: generic REST cancels
  with ``DELETE``.
* Tracking numbers are compared without spaces and case (the scanning layer owns the full
  carrier-aware normalisation; this is the minimum to recognise our own number again).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fulfillment_station.connectors.base import Operation
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.domain.workflow import SHIPPED_STATUSES


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def normalise_tracking(number: str | None) -> str:
    return "".join((number or "").split()).upper()


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BulkShipRequest(_Model):
    """The items of one bulk shipment request (what ``Connector.bulk_ship`` takes)."""

    items: list[BulkShipItem] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _one_item_per_order(cls, value: list[BulkShipItem]) -> list[BulkShipItem]:
        seen: set[str] = set()
        for item in value:
            if item.order_id in seen:
                raise ValueError(f"order {item.order_id!r} appears twice in one bulk shipment")
            seen.add(item.order_id)
        return value


Payload = (
    ShipRequest
    | FulfillRequest
    | CancelRequest
    | OrderUpdate
    | CreateOrderRequest
    | BulkShipRequest
)

#: The writes the outbox sends, and the request each carries: the outbox speaks the same
#: vocabulary as the connectors' capabilities (``Operation``), restricted to these.
PAYLOAD_TYPES: dict[Operation, type[BaseModel]] = {
    Operation.SHIP: ShipRequest,
    Operation.FULFILL: FulfillRequest,
    Operation.CANCEL: CancelRequest,
    Operation.UPDATE: OrderUpdate,
    Operation.CREATE: CreateOrderRequest,
    Operation.BULK_SHIP: BulkShipRequest,
}


class Action(_Model):
    kind: Operation
    connection_id: str = Field(min_length=1)
    order_id: str = Field(min_length=1)
    payload: Payload
    idempotency_key: str = Field(default_factory=new_idempotency_key, pattern=r"^[0-9a-f]{32}$")
    #: who asked for it (shown in the audit log)
    packer: str = ""

    @model_validator(mode="before")
    @classmethod
    def _payload_by_kind(cls, data: Any) -> Any:
        # A stored payload comes back as a dict; the kind says which model it is, so a
        # cancel payload is never mistaken for an edit.
        if isinstance(data, dict) and isinstance(data.get("payload"), dict):
            try:
                model = PAYLOAD_TYPES[Operation(str(data.get("kind")))]
            except (ValueError, KeyError):
                return data  # not a write: the check below names it
            return {**data, "payload": model.model_validate(data["payload"])}
        return data

    @model_validator(mode="after")
    def _payload_fits_kind(self) -> Action:
        expected = PAYLOAD_TYPES.get(self.kind)
        if expected is None:
            raise ValueError(f"{self.kind.value} is not a write the outbox sends")
        if type(self.payload) is not expected:
            raise ValueError(f"a {self.kind.value} action needs a {expected.__name__} payload")
        payload = self.payload
        if isinstance(payload, ShipRequest | BulkShipRequest):
            items = payload.items if isinstance(payload, BulkShipRequest) else [payload]
            if any(not item.carrier.strip() for item in items):
                raise ValueError("choose a carrier")
            if any(qty <= 0 for item in items for qty in item.lines.values()):
                raise ValueError("every quantity to ship must be at least 1")
        if isinstance(payload, OrderUpdate) and payload.is_empty():
            raise ValueError("an edit must change at least one field")
        if isinstance(payload, CreateOrderRequest) and self.order_id != (
            payload.external_reference or self.idempotency_key
        ):
            raise ValueError(
                "a create action is filed under its external reference, or else its idempotency key"
            )
        return self

    @classmethod
    def create(
        cls,
        connection_id: str,
        request: CreateOrderRequest,
        *,
        packer: str = "",
        idempotency_key: str | None = None,
    ) -> Action:
        """A create action filed under the handle the connectors use for the new order.

        ``created_at`` is fixed now, so every retry (even after a restart) sends the same body
        under the same idempotency key; APIs refuse a reused key with a different body."""
        key = idempotency_key or new_idempotency_key()
        if request.created_at is None:
            request = request.model_copy(update={"created_at": datetime.now(UTC)})
        return cls(
            kind=Operation.CREATE,
            connection_id=connection_id,
            order_id=request.external_reference or key,
            payload=request,
            idempotency_key=key,
            packer=packer,
        )

    @property
    def order_ids(self) -> tuple[str, ...]:
        """Every order this action writes to."""
        if isinstance(self.payload, BulkShipRequest):
            return tuple(item.order_id for item in self.payload.items)
        return (self.order_id,)

    def summary(self) -> Message:
        """One line for the audit log (its English) and the outbox panel (translated)."""
        p = self.payload
        if isinstance(p, BulkShipRequest):
            return SUMMARY_BULK.format(count=len(p.items))
        if isinstance(p, ShipRequest):
            via = " ".join(x for x in (p.carrier, p.service or "", p.tracking_number or "") if x)
            return SUMMARY_SHIP.format(items=_units(p.lines), via=via)
        if isinstance(p, FulfillRequest):
            numbers = ", ".join(t.tracking_number for t in p.shipments if t.tracking_number)
            if numbers:
                return SUMMARY_FULFILL_TRACKED.format(items=_units(p.lines), numbers=numbers)
            return SUMMARY_FULFILL.format(items=_units(p.lines))
        if isinstance(p, CancelRequest):
            return SUMMARY_CANCEL_WHY.format(reason=p.reason) if p.reason else SUMMARY_CANCEL
        if isinstance(p, OrderUpdate):
            fields = [n for n in ("notes", "ship_to", "status") if getattr(p, n) is not None]
            return SUMMARY_EDIT.format(fields=", ".join(fields))
        if isinstance(p, CreateOrderRequest):
            return SUMMARY_CREATE.format(order=self.order_id, count=len(p.lines))
        raise AssertionError(f"no summary for {type(p).__name__}")  # pragma: no cover


SUMMARY_BULK = QT_TRANSLATE_NOOP("ActionSummary", "Ship {count} order(s) in one bulk request")
SUMMARY_SHIP = QT_TRANSLATE_NOOP("ActionSummary", "Ship: {items} via {via}")
SUMMARY_FULFILL = QT_TRANSLATE_NOOP("ActionSummary", "Mark fulfilled: {items}")
SUMMARY_FULFILL_TRACKED = QT_TRANSLATE_NOOP(
    "ActionSummary", "Mark fulfilled: {items}, tracking {numbers}"
)
SUMMARY_CANCEL = QT_TRANSLATE_NOOP("ActionSummary", "Cancel")
SUMMARY_CANCEL_WHY = QT_TRANSLATE_NOOP("ActionSummary", "Cancel: {reason}")
SUMMARY_EDIT = QT_TRANSLATE_NOOP("ActionSummary", "Edit {fields}")
SUMMARY_CREATE = QT_TRANSLATE_NOOP("ActionSummary", "Create order {order} with {count} line(s)")
UNITS = QT_TRANSLATE_NOOP("ActionSummary", "{count} item(s)")
ALL_REMAINING = QT_TRANSLATE_NOOP("ActionSummary", "all remaining items")


def _units(lines: Mapping[str, int]) -> Message:
    return UNITS.format(count=sum(lines.values())) if lines else ALL_REMAINING


def with_payload(action: Action, payload: Payload) -> Action:
    """The same action (same key) with a narrower payload, e.g. a bulk shipment whose
    other orders turned out to be shipped already."""
    return action.model_copy(update={"payload": payload})


# --- is the effect already there? ----------------------------------------------------------


def _lines_show_shipment(wanted: Mapping[str, int], before: Order | None, now: Order) -> bool:
    if not now.lines:
        # APIs without line items (inventory cloud) can show a shipment only by status.
        return (
            now.status in SHIPPED_STATUSES or now.fulfillment_status == FulfillmentStatus.FULFILLED
        )
    if not wanted:
        return all(line.remaining == 0 for line in now.lines)
    for line_id, qty in wanted.items():
        line = now.line(line_id)
        earlier = before.line(line_id) if before is not None else None
        base = earlier.quantity_fulfilled if earlier is not None else 0
        if line is None or line.quantity_fulfilled - base < qty:
            return False
    return True


def shipment_present(
    tracking_numbers: list[str | None],
    lines: Mapping[str, int],
    before: Order | None,
    now: Order | None,
) -> bool:
    """A shipment with our tracking number(s) is on the order; or, where the API keeps no
    tracking numbers or makes them itself, the lines (or status) show the units went out."""
    if now is None:
        return False
    wanted = {normalise_tracking(t) for t in tracking_numbers if t and t.strip()}
    on_order = {normalise_tracking(s.tracking_number) for s in now.shipments if s.tracking_number}
    if wanted and wanted <= on_order:
        return True
    if wanted and on_order:
        # The API keeps tracking numbers and ours are not (all) among them.
        return False
    return _lines_show_shipment(lines, before, now)


def ship_effect_present(request: ShipRequest, before: Order | None, now: Order | None) -> bool:
    return shipment_present([request.tracking_number], request.lines, before, now)


def fulfill_effect_present(
    request: FulfillRequest, before: Order | None, now: Order | None
) -> bool:
    numbers = [t.tracking_number for t in request.shipments]
    return shipment_present(numbers, request.lines, before, now)


def cancel_effect_present(request: CancelRequest, before: Order | None, now: Order | None) -> bool:
    return now is None or now.status == OrderStatus.CANCELLED


def update_effect_present(request: OrderUpdate, before: Order | None, now: Order | None) -> bool:
    if now is None:
        return False
    return all(
        getattr(now, name) == getattr(request, name)
        for name in ("notes", "ship_to", "status")
        if getattr(request, name) is not None
    )


def create_effect_present(
    request: CreateOrderRequest, before: Order | None, now: Order | None
) -> bool:
    return now is not None


def bulk_items_missing(
    request: BulkShipRequest,
    before: Mapping[str, Order],
    now: Mapping[str, Order | None],
) -> list[BulkShipItem]:
    """The bulk items whose shipment is not on their order yet."""
    return [
        item
        for item in request.items
        if not shipment_present(
            [item.tracking_number], item.lines, before.get(item.order_id), now.get(item.order_id)
        )
    ]


_SINGLE_CHECKS: dict[Operation, Callable[[Any, Order | None, Order | None], bool]] = {
    Operation.SHIP: ship_effect_present,
    Operation.FULFILL: fulfill_effect_present,
    Operation.CANCEL: cancel_effect_present,
    Operation.UPDATE: update_effect_present,
    Operation.CREATE: create_effect_present,
}


def effect_present(
    action: Action, before: Mapping[str, Order], now: Mapping[str, Order | None]
) -> bool:
    """Whether everything ``action`` asks for is already on the order(s) re-read as ``now``.

    ``before`` and ``now`` are keyed by order id (see :attr:`Action.order_ids`).
    """
    if isinstance(action.payload, BulkShipRequest):
        return not bulk_items_missing(action.payload, before, now)
    check = _SINGLE_CHECKS[action.kind]
    return check(action.payload, before.get(action.order_id), now.get(action.order_id))


def shipments_of(action: Action) -> list[tuple[str, list[str | None], Mapping[str, int]]]:
    """(order id, tracking numbers, lines) of each shipment the action makes."""
    p = action.payload
    if isinstance(p, BulkShipRequest):
        return [(i.order_id, [i.tracking_number], i.lines) for i in p.items]
    if isinstance(p, ShipRequest):
        return [(action.order_id, [p.tracking_number], p.lines)]
    if isinstance(p, FulfillRequest):
        return [(action.order_id, [t.tracking_number for t in p.shipments], p.lines)]
    return []


def needs_baseline(action: Action, before: Mapping[str, Order]) -> bool:
    """Whether the effect check would count shipped units against ``before``.

    The snapshot taken at queueing is too old for that when an earlier action on the same
    order shipped units in between; the runner then re-reads the order just before the first
    send and checks against that instead.
    """
    for order_id, numbers, lines in shipments_of(action):
        if not lines:
            continue  # "everything that remains" is judged without counting
        if not any(numbers):
            return True
        # With a number, the check falls back to counting only where the API keeps no
        # numbers, and an order that already carries one shows that this API keeps them.
        snapshot = before.get(order_id)
        if snapshot is None or not any(s.tracking_number for s in snapshot.shipments):
            return True
    return False


SHIPPED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Outbox",
    "Order {order} is already shipped with tracking number {theirs}, not {mine}. "
    "Check the parcel before shipping it again.",
)
NONE_YET = QT_TRANSLATE_NOOP("Outbox", "(none yet)")


def shipment_conflict(action: Action, now: Mapping[str, Order | None]) -> str | None:
    """When the store says an order is already shipped but not with our shipment: a sentence
    for the packer naming both tracking numbers. ``None`` when there is no such conflict."""
    for order_id, numbers, _ in shipments_of(action):
        order = now.get(order_id)
        if order is None:
            continue
        ours = {normalise_tracking(n) for n in numbers if n}
        theirs = [
            s.tracking_number
            for s in order.shipments
            if s.tracking_number and normalise_tracking(s.tracking_number) not in ours
        ]
        if theirs:
            mine = ", ".join(n for n in numbers if n) or NONE_YET
            return SHIPPED_ELSEWHERE.format(order=order.number, theirs=", ".join(theirs), mine=mine)
    return None

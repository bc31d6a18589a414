"""The order workflow, in one place: which status may follow which, what may be shipped,
how ``fulfillment_status`` follows from the lines, and how a shipment or cancellation changes
an order. The sandbox applies writes with these same rules, and the app validates with them
before it queues anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from fulfillment_station.domain.errors import InvalidTransition, NotShippable
from fulfillment_station.domain.holds import check_not_held
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, status_word
from fulfillment_station.domain.models import (
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentLine,
    TimelineEvent,
)

S = OrderStatus

# Sentence fragments of the refusals below (the views translate and capitalise them).
NOT_SHIPPABLE_STATUS = QT_TRANSLATE_NOOP("Workflow", "an order that is {status} cannot be shipped")
MORE_THAN_REMAINS = QT_TRANSLATE_NOOP(
    "Workflow", "{quantity} to ship but only {remaining} of {item} remain"
)
ALREADY_LEFT = QT_TRANSLATE_NOOP(
    "Workflow", "goods of this order have already shipped; it can no longer be cancelled"
)

#: status -> the statuses it may move to. Shipping moves an order to SHIPPED only when every
#: line is fulfilled; a partial shipment leaves it PROCESSING.
TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PENDING: frozenset({S.CONFIRMED, S.PROCESSING, S.SHIPPED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.PROCESSING, S.SHIPPED, S.CANCELLED}),
    S.PROCESSING: frozenset({S.SHIPPED, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED, S.COMPLETED}),
    S.DELIVERED: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
    # Nothing is done to an order whose status the app cannot read.
    S.UNKNOWN: frozenset(),
}

#: Statuses in which goods may still leave the warehouse.
SHIPPABLE: frozenset[OrderStatus] = frozenset({S.PENDING, S.CONFIRMED, S.PROCESSING})

#: Statuses that say every line has left the warehouse.
SHIPPED_STATUSES: frozenset[OrderStatus] = frozenset({S.SHIPPED, S.DELIVERED, S.COMPLETED})


def can_transition(current: OrderStatus, target: OrderStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: OrderStatus, target: OrderStatus) -> None:
    if current == target:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("Workflow", "the order is already {status}").format(
                status=status_word(current)
            ),
            field="status",
        )
    if not can_transition(current, target):
        raise InvalidTransition(
            QT_TRANSLATE_NOOP(
                "Workflow", "an order that is {status} cannot become {target}"
            ).format(status=status_word(current), target=status_word(target)),
            field="status",
        )


def derive_fulfillment_status(lines: list[LineItem]) -> FulfillmentStatus:
    return fulfillment_from_counts(
        sum(line.quantity for line in lines), sum(line.quantity_fulfilled for line in lines)
    )


def fulfillment_from_counts(ordered: int, fulfilled: int) -> FulfillmentStatus:
    """The fulfillment status of an order with ``ordered`` units of which ``fulfilled`` have
    left (for a parser that has only counts, before any ``LineItem`` exists)."""
    if ordered > 0 and fulfilled >= ordered:
        return FulfillmentStatus.FULFILLED
    if fulfilled > 0:
        return FulfillmentStatus.PARTIAL
    return FulfillmentStatus.UNFULFILLED


def check_shipment(
    order: Order,
    quantities: Mapping[str, int] | None = None,
    *,
    hold_override: str | None = None,
    ignore_holds: bool = False,
) -> dict[str, int]:
    """Validate a shipment of ``quantities`` (line id -> units); ``None`` means all that remains.

    Returns the resolved line -> quantity map (zero lines dropped). Raises NotShippable naming
    the field at fault. A held order is refused with its reason unless ``hold_override`` (the
    packer's audited reason) lifts a hold that may be lifted; ``ignore_holds`` is for recording
    a shipment that already happened (the sandbox, the outbox's look-ahead).
    """
    if order.status == S.CANCELLED:
        raise NotShippable(
            QT_TRANSLATE_NOOP("Workflow", "the order is cancelled; nothing can be shipped"),
            field="status",
        )
    if order.status not in SHIPPABLE:
        raise NotShippable(
            NOT_SHIPPABLE_STATUS.format(status=status_word(order.status)), field="status"
        )
    if not ignore_holds:
        check_not_held(order, override=hold_override)
    if quantities is None:
        resolved = {line.id: line.remaining for line in order.lines if line.remaining > 0}
    else:
        resolved = {}
        for line_id, qty in quantities.items():
            line = order.line(line_id)
            if line is None:
                raise NotShippable(
                    QT_TRANSLATE_NOOP("Workflow", "the order has no line {line}").format(
                        line=repr(line_id)
                    ),
                    field=f"lines[{line_id}]",
                )
            if qty < 0:
                raise NotShippable(
                    QT_TRANSLATE_NOOP("Workflow", "a quantity cannot be negative"),
                    field=f"lines[{line_id}].quantity",
                )
            if qty > line.remaining:
                raise NotShippable(
                    MORE_THAN_REMAINS.format(
                        quantity=qty, remaining=line.remaining, item=line.sku or line_id
                    ),
                    field=f"lines[{line_id}].quantity",
                )
            if qty:
                resolved[line_id] = qty
    if not resolved and not order.lines:
        raise NotShippable(
            QT_TRANSLATE_NOOP(
                "Workflow",
                "the store lists no items on this order, so the app cannot ship it; "
                "ship it in the store's own system",
            ),
            field="lines",
        )
    if not resolved:
        raise NotShippable(
            QT_TRANSLATE_NOOP("Workflow", "nothing is left to ship on this order"), field="lines"
        )
    return resolved


def apply_shipment(order: Order, shipment: Shipment, at: datetime) -> Order:
    """Return ``order`` with ``shipment`` recorded. ``shipment.lines`` empty means everything
    that remains; the returned shipment always lists its lines."""
    wanted = {sl.line_id: sl.quantity for sl in shipment.lines} if shipment.lines else None
    resolved = check_shipment(order, wanted, ignore_holds=True)
    lines = [
        line.model_copy(update={"quantity_fulfilled": line.quantity_fulfilled + resolved[line.id]})
        if line.id in resolved
        else line
        for line in order.lines
    ]
    fulfillment = derive_fulfillment_status(lines)
    status = S.SHIPPED if fulfillment == FulfillmentStatus.FULFILLED else S.PROCESSING
    recorded = shipment.model_copy(
        update={
            "lines": [ShipmentLine(line_id=k, quantity=v) for k, v in resolved.items()],
            "shipped_at": shipment.shipped_at or at,
        }
    )
    units = sum(resolved.values())
    what = f"{recorded.carrier} {recorded.tracking_number or ''}".strip()
    event = TimelineEvent(at=at, kind="shipment", message=f"Shipped {units} item(s) via {what}")
    return order.model_copy(
        update={
            "lines": lines,
            "shipments": [*order.shipments, recorded],
            "fulfillment_status": fulfillment,
            "status": status,
            "api_status": None,
            "timeline": [*order.timeline, event],
            "updated_at": at,
        }
    )


def check_cancel(order: Order) -> None:
    """An order may be cancelled while nothing of it has been shipped."""
    if order.fulfillment_status != FulfillmentStatus.UNFULFILLED:
        raise InvalidTransition(
            ALREADY_LEFT,
            field="status",
        )
    check_transition(order.status, S.CANCELLED)


def apply_cancel(order: Order, reason: str | None, at: datetime) -> Order:
    check_cancel(order)
    message = f"Cancelled: {reason}" if reason else "Cancelled"
    return order.model_copy(
        update={
            "status": S.CANCELLED,
            "api_status": None,
            "timeline": [*order.timeline, TimelineEvent(at=at, kind="cancel", message=message)],
            "updated_at": at,
        }
    )


def apply_status(order: Order, target: OrderStatus, at: datetime) -> Order:
    """A plain status change (e.g. generic REST ``PUT {status}``). Moving to SHIPPED this way
    marks every line fulfilled, since such APIs have no per-line shipment."""
    if target == S.CANCELLED:
        check_cancel(order)
    else:
        check_transition(order.status, target)
    update: dict[str, object] = {"status": target, "api_status": None, "updated_at": at}
    if target == S.SHIPPED:
        lines = [
            line.model_copy(update={"quantity_fulfilled": line.quantity}) for line in order.lines
        ]
        update["lines"] = lines
        update["fulfillment_status"] = derive_fulfillment_status(lines)
    event = TimelineEvent(at=at, kind="status", message=f"Status changed to {target.value}")
    update["timeline"] = [*order.timeline, event]
    return order.model_copy(update=update)

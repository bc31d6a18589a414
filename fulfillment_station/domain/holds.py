"""Holds: why the desk must not ship an order, in one place.

An order is held when the store says someone else ships it (Nexus FBA/FBS: the marketplace's
own warehouse), when it is not paid (payment only authorised or pending), refunded or voided,
a test order (Squarespace ``testmode``), still pending (the store has not confirmed it), or
when a packer put it on hold with a reason. Each connector maps its store's fields with
:func:`store_holds`; a packer's hold is kept in the local cache and added there.

A held order is out of "To pack", and every ship path (Ship dialog, pack mode, bulk ship,
``orders ship``) refuses it through :func:`check_not_held`, naming the reason. Holds a packer
can judge (not paid, pending, test order, a packer's own) may be overridden explicitly, with a
reason that goes to the audit log; marketplace-fulfilled and refunded orders never ship from
the desk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import Hold, HoldKind, Order, OrderStatus

#: The packer's sentence for each kind of hold. ``{reason}`` is the packer's own words.
HOLD_TEXT: dict[HoldKind, str] = {
    HoldKind.MARKETPLACE_FULFILLED: QT_TRANSLATE_NOOP(
        "Holds", "the marketplace ships this order from its own warehouse ({method})"
    ),
    HoldKind.NOT_PAID: QT_TRANSLATE_NOOP("Holds", "the payment is not captured yet ({payment})"),
    HoldKind.REFUNDED: QT_TRANSLATE_NOOP("Holds", "the payment was {payment}"),
    HoldKind.TEST_ORDER: QT_TRANSLATE_NOOP(
        "Holds", "this is a test order, paid with a test payment method"
    ),
    HoldKind.PENDING: QT_TRANSLATE_NOOP("Holds", "the store has not confirmed this order yet"),
    HoldKind.PACKER: QT_TRANSLATE_NOOP("Holds", "put on hold at a desk: {reason}"),
}

#: Holds a packer may lift for one shipment, with a reason that is audited. The others mean
#: the goods must not leave this warehouse at all.
OVERRIDABLE: frozenset[HoldKind] = frozenset(
    {HoldKind.NOT_PAID, HoldKind.PENDING, HoldKind.TEST_ORDER, HoldKind.PACKER}
)

ON_HOLD = QT_TRANSLATE_NOOP("Holds", "this order is on hold: {reason}")
ON_HOLD_NO_OVERRIDE = QT_TRANSLATE_NOOP(
    "Holds", "this order is on hold and cannot be shipped from the desk: {reason}"
)

#: Payment states (lower case, as the stores spell them) that mean no money was taken yet.
UNPAID = frozenset({"authorized", "authorised", "pending", "unpaid", "awaiting_payment"})
#: Payment states that mean the money went back.
RETURNED = frozenset({"refunded", "voided", "void"})
#: Fulfillment methods where the marketplace ships from its own warehouse.
MARKETPLACE_METHODS = frozenset({"FBA", "FBS"})


def _param(text: str | None, limit: int = 200) -> str:
    return (text or "").strip()[:limit]


def store_holds(
    *,
    status: OrderStatus,
    payment_status: str | None = None,
    fulfillment_method: str | None = None,
    test: bool = False,
) -> list[dict[str, Any]]:
    """The holds the store's own fields put on an order, as plain dicts (the connectors
    validate the order once, as a whole)."""
    holds: list[Hold] = []
    method = _param(fulfillment_method).upper()
    if method in MARKETPLACE_METHODS:
        holds.append(hold(HoldKind.MARKETPLACE_FULFILLED, method=method))
    payment = _param(payment_status).lower()
    if payment in UNPAID:
        holds.append(hold(HoldKind.NOT_PAID, payment=payment))
    elif payment in RETURNED:
        holds.append(hold(HoldKind.REFUNDED, payment=payment))
    if test:
        holds.append(hold(HoldKind.TEST_ORDER))
    if status == OrderStatus.PENDING:
        holds.append(hold(HoldKind.PENDING))
    return [h.model_dump() for h in holds]


def hold(kind: HoldKind, **params: str) -> Hold:
    """A hold whose ``reason`` is its English sentence (``reason``/``method``/``payment``
    fill the template)."""
    return Hold(kind=kind, reason=str(Message("Holds", HOLD_TEXT[kind], params)))


def packer_hold(reason: str) -> Hold:
    reason = " ".join(reason.split())[:500]
    if not reason:
        raise NotShippable(
            QT_TRANSLATE_NOOP("Holds", "say why the order is on hold"), field="reason"
        )
    return Hold(kind=HoldKind.PACKER, reason=reason)


def hold_message(item: Hold) -> Message:
    """The hold as a translatable sentence for the views."""
    if item.kind == HoldKind.PACKER:
        return Message("Holds", HOLD_TEXT[HoldKind.PACKER], {"reason": item.reason})
    return Message("Holds", "{reason}", {"reason": item.reason})


def hold_messages(order: Order) -> list[Message]:
    """The order's holds as translatable sentences for the views (the parameters come back
    from the order's own fields; a hold whose field is gone is shown with its stored text)."""
    out: list[Message] = []
    for item in order.holds:
        params: dict[str, str] = {}
        if item.kind == HoldKind.MARKETPLACE_FULFILLED:
            params = {"method": _param(order.fulfillment_method).upper()}
        elif item.kind in (HoldKind.NOT_PAID, HoldKind.REFUNDED):
            params = {"payment": _param(order.payment_status).lower()}
        elif item.kind == HoldKind.PACKER:
            params = {"reason": item.reason}
        message = Message("Holds", HOLD_TEXT[item.kind], params)
        out.append(
            message
            if item.kind == HoldKind.PACKER or str(message) == item.reason
            else hold_message(item)
        )
    return out


def holds_text(holds: Iterable[Hold]) -> str:
    """The reasons, joined, for a list cell or a log line ('' when not held)."""
    return "; ".join(h.reason if h.kind != HoldKind.PACKER else str(hold_message(h)) for h in holds)


def with_packer_holds(order: Order, reasons: Sequence[str]) -> Order:
    """``order`` with the packer's holds added (the cache keeps them apart from the store's
    copy, so a sync never loses them)."""
    if not reasons:
        return order
    return order.model_copy(
        update={"holds": [*order.holds, *(Hold(kind=HoldKind.PACKER, reason=r) for r in reasons)]}
    )


def may_override(order: Order) -> bool:
    """Whether the order is held only for reasons a packer may lift with a reason (the Ship
    dialog's "Ship anyway…", pack mode's F2)."""
    return bool(order.holds) and all(h.kind in OVERRIDABLE for h in order.holds)


def check_not_held(order: Order, *, override: str | None = None) -> None:
    """Refuse to ship a held order, naming the reason. ``override`` (the packer's reason for
    shipping anyway) lifts the holds a packer may judge; the caller audits it."""
    if not order.holds:
        return
    firm = [h for h in order.holds if h.kind not in OVERRIDABLE]
    if firm:
        raise NotShippable(ON_HOLD_NO_OVERRIDE.format(reason=holds_text(firm)), field="holds")
    if override is not None and override.strip():
        return
    raise NotShippable(ON_HOLD.format(reason=holds_text(order.holds)), field="holds")

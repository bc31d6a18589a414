"""``fulfillment-station orders list|show|create|ship|fulfill|cancel``: the headless order
commands (the cache, create and label-buying parts live in ``cli.headless_cmds``).

Writes are checked against the workflow rules on a fresh copy of the order before anything is
sent; a write whose answer is lost is settled by re-reading the order, never by sending again.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from fulfillment_station.cli.common import CliError, add_connection_args, print_json
from fulfillment_station.cli.connection import open_connector
from fulfillment_station.cli.headless_cmds import (
    _buy_label,
    add_cache_args,
    add_list_filters,
    cached_order,
    cached_orders,
    cmd_create,
    list_query,
    order_by_id_or_number,
)
from fulfillment_station.connectors.base import (
    Connector,
    Operation,
    ShipResult,
    Unreadable,
)
from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain import DomainError, Order, OrderStatus
from fulfillment_station.domain.requests import (
    CancelRequest,
    FulfillRequest,
    ShipRequest,
    TrackingInfo,
)
from fulfillment_station.domain.safe_text import for_terminal
from fulfillment_station.domain.workflow import check_cancel, check_shipment
from fulfillment_station.services.actions import (
    cancel_effect_present,
    normalise_tracking,
    shipment_present,
)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    orders = sub.add_parser("orders", help="list, show, ship, fulfill or cancel orders")
    osub = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)

    p = osub.add_parser("list", help="list orders")
    add_connection_args(p)
    add_list_filters(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p.add_argument("--raw", action="store_true", help="include the API's payload in --json")
    add_cache_args(p)
    p.set_defaults(handler=cmd_list)

    p = osub.add_parser("show", help="show one order (its id or the number a person reads)")
    p.add_argument("id")
    add_connection_args(p)
    p.add_argument("--raw", action="store_true", help="include the API's payload in --json")
    add_cache_args(p)
    p.set_defaults(handler=cmd_show)

    p = osub.add_parser("create", help="create an order from the canonical JSON shape")
    add_connection_args(p)
    p.add_argument(
        "--json-in",
        required=True,
        metavar="FILE",
        help="the order as --json prints it (ids ignored; '-' reads stdin); "
        'add "customer_id" where the store needs one',
    )
    p.set_defaults(handler=cmd_create)

    # "fulfil" (the old spelling) still works for scripts written before the rename.
    for name, handler, text, aliases in (
        ("ship", cmd_ship, "confirm a shipment, or buy the store's label where it sells one", []),
        ("fulfill", cmd_fulfill, "mark an order fulfilled", ["fulfil"]),
    ):
        p = osub.add_parser(name, help=text, aliases=aliases)
        p.add_argument("id")
        add_connection_args(p)
        p.add_argument(
            "--carrier",
            default=None,
            help="carrier (buying a label: default the order's checkout choice or "
            "the desk's label carrier)",
        )
        p.add_argument(
            "--tracking",
            required=name == "fulfill",
            help="tracking number (ship: leave it out to buy the store's label)",
        )
        p.add_argument("--service", default=None)
        if name == "ship":
            p.add_argument(
                "--label-out",
                default=None,
                metavar="FILE",
                help="write the label the store sold to FILE, byte for byte",
            )
        p.add_argument(
            "--line",
            action="append",
            default=[],
            metavar="LINE_ID:QTY",
            help="ship only this quantity of this line (repeatable)",
        )
        p.add_argument(
            "--notify",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="ask the store to e-mail the customer, where the API can",
        )
        p.set_defaults(handler=handler)

    p = osub.add_parser("cancel", help="cancel an order")
    p.add_argument("id")
    add_connection_args(p)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_cancel)


def _say(text: str) -> None:
    """One line for the terminal: API text never moves the cursor or rings the bell."""
    print(for_terminal(text))


def _print_orders(orders: list[Order]) -> None:
    if not orders:
        _say("No orders match.")
        return
    _say(
        f"{'NUMBER':<22} {'CREATED':<16} {'STATUS':<11} {'FULFILLMENT':<11} {'ITEMS':>5} "
        f"{'TOTAL':>12}  CUSTOMER"
    )
    for o in orders:
        status = o.status.value if o.status != OrderStatus.UNKNOWN else f"?{o.api_status}"
        total = f"{o.total} {o.currency}"
        _say(
            f"{o.number[:22]:<22} {o.created_at:%Y-%m-%d %H:%M} {status[:11]:<11} "
            f"{o.fulfillment_status.value:<11} {o.item_count:>5} {total:>12}  "
            f"{o.customer.name}"
        )


def _print_order(o: Order) -> None:
    _say(f"Order {o.number}  (id {o.id}, {o.dialect})")
    status = o.status.value + (f" (API: {o.api_status})" if o.api_status else "")
    _say(f"  status:      {status}, {o.fulfillment_status.value}")
    _say(f"  created:     {o.created_at:%Y-%m-%d %H:%M} UTC")
    _say(f"  customer:    {o.customer.name} {o.customer.email or ''}".rstrip())
    if o.ship_to:
        a = o.ship_to
        parts = [
            a.name,
            a.company,
            a.line1,
            a.line2,
            " ".join(p for p in (a.postal_code, a.city, a.region) if p),
            a.country,
        ]
        _say(f"  ship to:     {', '.join(p for p in parts if p)}")
    if o.lines:
        _say("  lines:")
        for line in o.lines:
            _say(
                f"    {line.id:<14} {line.sku:<12} {line.quantity_fulfilled}/{line.quantity} "
                f"x {line.unit_price}  {line.name}"
            )
    else:
        _say("  lines:       (this API gives no line items)")
    _say(f"  total:       {o.total} {o.currency}")
    if o.channel or o.marketplace_order_id:
        _say(f"  channel:     {o.channel or ''} {o.marketplace_order_id or ''}".rstrip())
    if o.service_requested:
        _say(f"  service paid for: {o.service_requested}")
    if o.has_returns:
        _say("  returns:     this order has returns")
    for s in o.shipments:
        when = f"{s.shipped_at:%Y-%m-%d}" if s.shipped_at else ""
        where = f"[{s.status}]" if s.status else ""
        _say(
            f"  shipment:    {s.carrier} {s.service or ''} {s.tracking_number or ''} {when} "
            f"{where}".rstrip()
        )
        for n, box in enumerate(s.packages, 1):
            items = ", ".join(f"{sl.line_id} x{sl.quantity}" for sl in box.lines)
            _say(f"    parcel {n}: {box.weight or '-'} kg {items}".rstrip())
    if o.notes:
        _say(f"  notes:       {o.notes}")


def cmd_list(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    query = list_query(args)
    unreadable: list[Unreadable] = []
    if args.cached:
        orders = cached_orders(args, query, args.limit)
    else:
        with open_connector(args) as connector:
            try:
                connector.check_query(query)
            except ConnectorError as exc:
                raise CliError(exc.user_message, exit_code=2) from None
            orders = connector.list_orders(query, limit=args.limit, unreadable=unreadable)
    if args.json:
        print_json([o.to_json_dict(raw=args.raw) for o in orders])
    else:
        _print_orders(orders)
    if unreadable:
        # The others are listed; these are named so someone can look at them in the store.
        ids = ", ".join(for_terminal(u.order_id or "?", 40) for u in unreadable[:20])
        print(f"{len(unreadable)} orders could not be read: {ids}", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    if args.cached:
        order = cached_order(args, args.id)
    else:
        with open_connector(args) as connector:
            order = order_by_id_or_number(connector, args.id)
    if args.json:
        print_json(order.to_json_dict(raw=args.raw))
    else:
        _print_order(order)
    return 0


def _parse_lines(specs: list[str]) -> dict[str, int]:
    lines: dict[str, int] = {}
    for spec in specs:
        line_id, sep, qty = spec.rpartition(":")
        if not sep or not line_id or not qty.isdigit() or int(qty) < 1:
            raise CliError(f"--line {spec!r}: write it as LINE_ID:QUANTITY, e.g. item_1:2")
        lines[line_id] = lines.get(line_id, 0) + int(qty)
    return lines


def _shipment_present(order: Order, tracking: str) -> bool:
    wanted = normalise_tracking(tracking)
    return any(normalise_tracking(s.tracking_number) == wanted for s in order.shipments)


def _write_ship(args: argparse.Namespace, fulfill: bool) -> int:
    lines = _parse_lines(args.line)
    if not fulfill and not args.tracking:
        return _buy_label(args, lines)
    if getattr(args, "label_out", None):
        raise CliError(
            "--label-out needs a label bought from the store: leave out --tracking", exit_code=2
        )
    if not args.carrier:
        raise CliError("--carrier is required with --tracking", exit_code=2)
    with open_connector(args) as connector:
        caps = connector.capabilities
        op = Operation.FULFILL if fulfill else Operation.SHIP
        if not caps.supports(op):  # say what the store cannot do before looking at the order
            raise CliError(caps.why_not(op))
        order = connector.get_order(args.id)
        if _shipment_present(order, args.tracking):
            raise CliError(
                f"order {order.number} already has a shipment with tracking "
                f"{args.tracking}; nothing sent"
            )
        try:
            check_shipment(order, lines or None)
        except DomainError as exc:
            raise CliError(f"order {order.number}: {exc.message}") from None
        try:
            result = _send_ship(connector, args, lines, fulfill)
        except ConnectorError as exc:
            if not exc.unknown_outcome:
                raise
            # The answer was lost: look at the order instead of sending again.
            after = connector.get_order(args.id)
            # The outbox's own check of "is the effect already there?"
            if shipment_present([args.tracking], lines, order, after):
                result = ShipResult(order=after, message="confirmed by re-reading the order")
            else:
                raise CliError(
                    f"{exc} The order shows no such shipment yet; run the command again to retry."
                ) from None
    _report_ship(args, order, result, connector)
    return 0


def _send_ship(
    connector: Connector, args: argparse.Namespace, lines: dict[str, int], fulfill: bool
) -> ShipResult:
    if fulfill:
        return connector.fulfill(
            args.id,
            FulfillRequest(
                shipments=[
                    TrackingInfo(
                        carrier=args.carrier, service=args.service, tracking_number=args.tracking
                    )
                ],
                lines=lines,
                notify_customer=args.notify,
            ),
        )
    return connector.ship(
        args.id,
        ShipRequest(
            carrier=args.carrier,
            service=args.service,
            tracking_number=args.tracking,
            lines=lines,
            notify_customer=args.notify,
        ),
    )


def _report_ship(
    args: argparse.Namespace, before: Order, result: ShipResult, connector: Connector
) -> None:
    if args.json:
        out: dict[str, Any] = {
            "order_id": args.id,
            "number": before.number,
            "ok": True,
            "shipment": result.shipment.model_dump(mode="json") if result.shipment else None,
            "order": result.order.to_json_dict() if result.order else None,
            "message": result.message,
            "store_keeps_tracking": connector.capabilities.carries_tracking,
        }
        print_json(out)
        return
    tracking = (result.shipment.tracking_number if result.shipment else None) or args.tracking
    _say(
        f"Order {before.number}: shipped with {args.carrier} {tracking}."
        + (f" ({result.message})" if result.message else "")
    )
    if not connector.capabilities.carries_tracking:
        print(
            f"Note: {connector.capabilities.display_name}'s API has no tracking field: the "
            "store and the customer will not see the tracking number, and this command keeps "
            "it nowhere else. Note it yourself, or ship from the app (its audit log keeps it)."
        )


def cmd_ship(args: argparse.Namespace) -> int:
    return _write_ship(args, fulfill=False)


def cmd_fulfill(args: argparse.Namespace) -> int:
    return _write_ship(args, fulfill=True)


def cmd_cancel(args: argparse.Namespace) -> int:
    with open_connector(args) as connector:
        order = connector.get_order(args.id)
        try:
            check_cancel(order)
        except DomainError as exc:
            raise CliError(f"order {order.number}: {exc.message}") from None
        try:
            after = connector.cancel(args.id, CancelRequest(reason=args.reason))
            if after is None:  # answers without the order (Generic REST's 204): look at it
                after = connector.get_order(args.id)
        except ConnectorError as exc:
            if not exc.unknown_outcome:
                raise
            after = connector.get_order(args.id)
            if not cancel_effect_present(CancelRequest(reason=args.reason), order, after):
                raise CliError(
                    f"{exc} The order is not cancelled yet; run the command again to retry."
                ) from None
    if args.json:
        print_json(
            {
                "order_id": args.id,
                "number": order.number,
                "ok": True,
                "order": after.to_json_dict() if after else None,
            }
        )
    elif after is None or after.status != OrderStatus.CANCELLED:
        _say(
            f"Order {order.number}: cancellation requested; "
            f"{connector.capabilities.display_name} has not confirmed it yet. Check the order "
            "later with 'orders show'."
        )
    else:
        _say(f"Order {order.number}: cancelled.")
    return 0

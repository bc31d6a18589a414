"""``fulfillment-station orders list|show|create|ship|fulfill|cancel``: the headless order
commands (the cache, create and label-buying parts live in ``cli.headless_cmds``).

Orders are named as a person reads them: ``show``, ``ship``, ``fulfill`` and ``cancel`` take
the order number printed on the slip (``822-5316512-5881112``, ``#1001``) as well as the API's
id. A ``--status`` the store does not have is refused with the statuses it has; a cut list says
"50 of N"; money has its currency's own decimals (``domain.money.format_money``).

Writes are checked against the workflow rules on a fresh copy of the order before anything is
sent; a write whose answer is lost is settled by re-reading the order, never by sending again.
A shipment gets the desk's own tracking checks (``scanning.tracking`` check digit,
``services.tracking_reuse`` duplicate on another order): either stops it unless ``--force``,
and a forced duplicate is written to the audit log first. Shipments made here are written to
the command line's audit log, so the desk and the next command see their tracking numbers.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import socket
import sqlite3
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
)
from fulfillment_station.connectors.base import (
    Connector,
    Filter,
    ListQuery,
    Operation,
    ShipResult,
    Unreadable,
)
from fulfillment_station.connectors.errors import ConnectorError, NotFound, ValidationFailed
from fulfillment_station.domain import DomainError, Order, OrderStatus
from fulfillment_station.domain.locales import FALLBACK_LOCALE
from fulfillment_station.domain.money import format_money
from fulfillment_station.domain.requests import (
    CancelRequest,
    FulfillRequest,
    ShipRequest,
    TrackingInfo,
)
from fulfillment_station.domain.safe_text import for_terminal
from fulfillment_station.domain.workflow import check_cancel, check_shipment
from fulfillment_station.scanning.tracking import CheckVerdict, parse_tracking
from fulfillment_station.services.actions import (
    cancel_effect_present,
    normalise_tracking,
    shipment_present,
)
from fulfillment_station.services.tracking_reuse import TrackingGuard
from fulfillment_station.store.db import StoreError
from fulfillment_station.store.paths import data_dir


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

    p = osub.add_parser("show", help="show one order")
    p.add_argument("id", help="the order number (as on the slip) or the API's order id")
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
        p.add_argument("id", help="the order number (as on the slip) or the API's order id")
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
        p.add_argument(
            "--force",
            action="store_true",
            help="ship even if the tracking number's check digit is wrong or it is "
            "already used on another order (recorded in the audit log)",
        )
        p.set_defaults(handler=handler)

    p = osub.add_parser("cancel", help="cancel an order")
    p.add_argument("id", help="the order number (as on the slip) or the API's order id")
    add_connection_args(p)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_cancel)


def _say(text: str) -> None:
    """One line for the terminal: API text never moves the cursor or rings the bell."""
    print(for_terminal(text))


#: How many orders ``show NUMBER`` reads at most when the store cannot search by number.
FIND_BY_NUMBER_LIMIT = 5000


def _number_key(text: str) -> str:
    return "".join(text.split()).lstrip("#").upper()


def find_order(connector: Connector, ref: str) -> Order:
    """The order whose API id or printed number is ``ref`` (the id wins)."""
    not_found: ConnectorError
    try:
        return connector.get_order(ref)
    except (NotFound, ValidationFailed) as exc:
        not_found = exc
    wanted = _number_key(ref)
    if wanted:
        searchable = Filter.SEARCH in connector.capabilities.filters
        query = ListQuery(search=ref.strip().lstrip("#")) if searchable else ListQuery()
        for order in connector.list_orders(query, limit=FIND_BY_NUMBER_LIMIT):
            if _number_key(order.number) == wanted:
                return order if order.id == ref else connector.get_order(order.id)
    raise not_found


def store_statuses(connector: Connector) -> list[OrderStatus] | None:
    """The canonical statuses this store's API has (its connector's ``STATUS_MAP``), or None
    when the connector does not say."""
    module = importlib.import_module(type(connector).__module__)
    status_map = getattr(module, "STATUS_MAP", None)
    if not isinstance(status_map, dict):
        return None
    return sorted(set(status_map.values()), key=list(OrderStatus).index)


def _customer(o: Order) -> str:
    """Who the order is for, even where the list gives no customer name."""
    return o.customer.name or (o.ship_to.name if o.ship_to else "") or o.customer.email or ""


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
        total = format_money(o.total, o.currency, FALLBACK_LOCALE)
        _say(
            f"{o.number[:22]:<22} {o.created_at:%Y-%m-%d %H:%M} {status[:11]:<11} "
            f"{o.fulfillment_status.value:<11} {o.item_count:>5} {total:>12}  "
            f"{_customer(o)}"
        )


def _print_order(o: Order) -> None:
    _say(f"Order {o.number}  (id {o.id}, {o.dialect})")
    status = o.status.value + (f" (API: {o.api_status})" if o.api_status else "")
    _say(f"  status:      {status}, {o.fulfillment_status.value}")
    _say(f"  created:     {o.created_at:%Y-%m-%d %H:%M} UTC")
    _say(f"  customer:    {_customer(o)} {o.customer.email or ''}".rstrip())
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
                f"x {format_money(line.unit_price, o.currency, FALLBACK_LOCALE)}  {line.name}"
            )
    else:
        _say("  lines:       (this API gives no line items)")
    _say(f"  total:       {format_money(o.total, o.currency, FALLBACK_LOCALE)}")
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
    announced: list[int | None] = [None]

    def progress(_seen: int, total: int | None) -> None:
        announced[0] = total

    status = query.status
    if args.cached:
        # One more than asked tells whether the list was cut.
        orders = cached_orders(args, query, args.limit + 1)
    else:
        with open_connector(args) as connector:
            has = store_statuses(connector)
            if status is not None and has is not None and status not in has:
                raise CliError(
                    f"{connector.capabilities.display_name} has no orders with "
                    f"status {status.value!r}; its statuses are: "
                    f"{', '.join(s.value for s in has)}",
                    exit_code=2,
                )
            try:
                connector.check_query(query)
            except ConnectorError as exc:
                raise CliError(exc.user_message, exit_code=2) from None
            # One more than asked tells whether the list was cut when the API gives no total.
            orders = connector.list_orders(
                query, limit=args.limit + 1, unreadable=unreadable, progress=progress
            )
    cut = len(orders) > args.limit
    orders = orders[: args.limit]
    if args.json:
        print_json([o.to_json_dict(raw=args.raw) for o in orders])
    else:
        _print_orders(orders)
    if cut:
        total = announced[0]
        of = (
            f"{len(orders)} of {total}"
            if total is not None and total > len(orders)
            else f"the first {len(orders)}; there are more"
        )
        print(
            f"Showing {of} orders (--limit to see more).",
            file=sys.stderr if args.json else sys.stdout,
        )
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
            order = find_order(connector, args.id)
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


def _tracking_guard() -> TrackingGuard:
    try:
        packer = getpass.getuser()
    except (OSError, KeyError):  # no login name (a container's nameless uid)
        packer = ""
    return TrackingGuard(data_dir(), connection=None, station=socket.gethostname(), packer=packer)


def _check_tracking(args: argparse.Namespace, order: Order, guard: TrackingGuard) -> str:
    """The Ship dialog's checks: a wrong check digit or a number already on another order
    stops the shipment unless ``--force`` (then the duplicate is audited before sending).
    Returns a note to print after the shipment (an unknown format is only a warning)."""
    parse = parse_tracking(args.tracking)
    problems: list[str] = []
    note = ""
    if parse.recognised and parse.check_digit == CheckVerdict.INVALID:
        name = parse.best.carrier_name if parse.best else ""
        problems.append(f"The check digit of this {name} tracking number is wrong; rescan it.")
    elif not parse.recognised:
        note = "Note: the app does not know this tracking number's format; check it."
    reuse = guard.check(args.tracking, order_id=order.id, order_number=order.number)
    if reuse is not None:
        problems.append(str(reuse.message()))
    if not problems:
        return note
    if not args.force:
        raise CliError(
            for_terminal(" ".join(problems)) + " Nothing sent; add --force to ship anyway."
        )
    print(for_terminal("Shipping anyway (--force): " + " ".join(problems)), file=sys.stderr)
    if reuse is not None:
        try:
            guard.record_override(reuse)
        except (sqlite3.Error, StoreError, OSError) as exc:
            raise CliError(
                f"shipping anyway could not be written to the audit log ({exc}); nothing sent"
            ) from None
    return note


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
    guard = _tracking_guard()
    with open_connector(args) as connector:
        caps = connector.capabilities
        op = Operation.FULFILL if fulfill else Operation.SHIP
        if not caps.supports(op):  # say what the store cannot do before looking at the order
            raise CliError(caps.why_not(op))
        order = find_order(connector, args.id)
        args.id = order.id  # the writes and re-reads below go by the API's id
        if _shipment_present(order, args.tracking):
            raise CliError(
                f"order {order.number} already has a shipment with tracking "
                f"{args.tracking}; nothing sent"
            )
        try:
            check_shipment(order, lines or None)
        except DomainError as exc:
            raise CliError(f"order {order.number}: {exc.message}") from None
        note = _check_tracking(args, order, guard)
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
    try:
        guard.record_shipment(
            order_id=order.id,
            order_number=order.number,
            summary=f"Ship via {args.carrier} {args.tracking}",
        )
    except (sqlite3.Error, StoreError, OSError) as exc:
        # The store has the shipment; only the local duplicate check will not know it.
        print(
            f"Note: the shipment could not be written to the local audit log ({exc}).",
            file=sys.stderr,
        )
    _report_ship(args, order, result, connector)
    if note and not args.json:
        print(note)
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
        order = find_order(connector, args.id)
        args.id = order.id
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

"""The command line for headless use and support: list filters, the local cache read offline
(``--cached``), ``orders create --json-in``, buying the store's label from ``orders ship``, and
``sync``/``channel-sync``.

Choices written down:

- ``--cached`` reads the connection's cache file and never the network; the filters are
  applied to the cached orders here (all of them, whatever the store's API can filter on).
- ``orders create --json-in`` takes the canonical order shape ``--json`` prints: ``id``,
  ``number``, ``status``, totals, shipments and dates are ignored (the store sets them);
  lines need ``sku`` and ``quantity`` (``unit_price`` and ``name`` are sent where the store
  takes them). Keys the canonical model lacks but stores need may be added: ``customer_id``
  (Inventory Cloud, Generic REST), ``external_reference``, ``product_id`` on a line.
- ``orders ship`` without ``--tracking`` buys the store's label (Price2b); the carrier and
  service come from the flags, else the order's checkout choice, else the desk's label
  defaults in the app's settings. ``--label-out`` writes the label exactly as the store sent
  it. Where the store sells no labels the command says to scan or type the carrier's number.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from fulfillment_station.cli.common import CliError, add_connection_args, print_json
from fulfillment_station.cli.connection import open_connector, resolve_connection
from fulfillment_station.connectors.base import Connector, Filter, ListQuery, Operation
from fulfillment_station.connectors.errors import ConnectorError, NotFound, OutOfStock
from fulfillment_station.domain import DomainError, FulfillmentStatus, Order, OrderStatus
from fulfillment_station.domain.models import Address, Customer, parse_utc
from fulfillment_station.domain.requests import CreateOrderRequest, NewOrderLine
from fulfillment_station.domain.workflow import check_shipment
from fulfillment_station.services.actions import new_idempotency_key
from fulfillment_station.services.new_orders import catalogue_from_orders
from fulfillment_station.services.store_labels import (
    fetch_store_label,
    label_defaults_from,
    label_ship_request,
    sells_labels,
)
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.settings import SettingsStore

_STATUSES = [s.value for s in OrderStatus if s != OrderStatus.UNKNOWN]


def add_cache_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cached", action="store_true", help="read the local cache offline instead of the store"
    )
    parser.add_argument(
        "--cache",
        default=None,
        metavar="PATH",
        help="the cache file (default: the saved connection's own)",
    )


def add_list_filters(parser: argparse.ArgumentParser) -> None:
    """Every filter a seed documents; a store that lacks one refuses it with a sentence."""
    parser.add_argument("--status", choices=_STATUSES)
    parser.add_argument("--fulfillment-status", choices=[s.value for s in FulfillmentStatus])
    parser.add_argument("--channel", help="sales channel (Price2b: amazon, meli, shopify...)")
    parser.add_argument("--marketplace", help="marketplace (Nexus)")
    parser.add_argument("--fulfillment-method", help="FBM, FBA or FBS (Nexus)")
    parser.add_argument("--created-from", type=_when, metavar="ISO8601")
    parser.add_argument("--created-to", type=_when, metavar="ISO8601")
    parser.add_argument("--updated-since", type=_when, metavar="ISO8601")
    parser.add_argument("--customer", metavar="ID", help="customer id")
    parser.add_argument("--search", help="order number or customer name")
    parser.add_argument(
        "--has-returns",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="only orders with (or without) returns",
    )


def _when(text: str) -> datetime:
    try:
        return parse_utc(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def list_query(args: argparse.Namespace) -> ListQuery:
    return ListQuery(
        status=OrderStatus(args.status) if args.status else None,
        fulfillment_status=(
            FulfillmentStatus(args.fulfillment_status) if args.fulfillment_status else None
        ),
        channel=args.channel,
        marketplace=args.marketplace,
        fulfillment_method=args.fulfillment_method,
        created_from=args.created_from,
        created_to=args.created_to,
        updated_since=args.updated_since,
        customer_id=args.customer,
        search=args.search,
        has_returns=args.has_returns,
    )


def _matches(order: Order, q: ListQuery) -> bool:
    def same(a: str | None, b: str | None) -> bool:
        return b is None or (a or "").casefold() == b.casefold()

    raw = order.raw or {}
    customer_ids = {str(raw.get(k)) for k in ("customer_id", "customerId") if raw.get(k)}
    text = (q.search or "").casefold()
    return (
        (q.status is None or order.status == q.status)
        and (q.fulfillment_status is None or order.fulfillment_status == q.fulfillment_status)
        and same(order.channel, q.channel)
        and same(order.marketplace, q.marketplace)
        and same(order.fulfillment_method, q.fulfillment_method)
        and (q.created_from is None or order.created_at >= q.created_from)
        and (q.created_to is None or order.created_at <= q.created_to)
        and (q.updated_since is None or order.updated_at >= q.updated_since)
        and (q.customer_id is None or q.customer_id in customer_ids)
        and (q.has_returns is None or bool(order.has_returns) == q.has_returns)
        and (not text or text in order.number.casefold() or text in order.customer.name.casefold())
    )


def _open_cache(args: argparse.Namespace) -> tuple[OrderCache, str]:
    target = resolve_connection(args) if (args.connection or args.dialect) else None
    if target is None and not args.cache:
        raise CliError("name the cache: --connection NAME, or --cache PATH", exit_code=2)
    path = target.cache_path(args.cache) if target is not None else Path(args.cache)
    if not path.exists():
        raise CliError(f"there is no cache at {path}; run `fulfillment-station sync` first")
    return OrderCache(path), (target.id if target is not None else "")


def cached_orders(args: argparse.Namespace, query: ListQuery, limit: int) -> list[Order]:
    """The newest ``limit`` cached orders of the connection that match ``query``."""
    cache, connection = _open_cache(args)
    with cache:
        rows = cache.load_summaries(connection or None)
        rows.sort(key=lambda r: r.created_at, reverse=True)
        out: list[Order] = []
        for row in rows:
            order = cache.get(row.order_id, connection=row.connection)
            if order is not None and _matches(order, query):
                out.append(order)
                if len(out) >= limit:
                    break
    return out


def cached_order(args: argparse.Namespace, ref: str) -> Order:
    """A cached order by id, or by the number a person reads (or a tracking number)."""
    cache, connection = _open_cache(args)
    with cache:
        order = cache.get(ref, connection=connection or None)
        if order is None:
            for match in cache.find(ref):
                if not connection or match.connection == connection:
                    order = cache.get(match.order_id, connection=match.connection)
                    break
    if order is None:
        raise CliError(f"order {ref} is not in the cache")
    return order


#: How many of the newest orders ``orders show`` looks through for a number, where the store
#: has no search filter.
_NUMBER_WALK = 2000


def order_by_id_or_number(connector: Connector, ref: str) -> Order:
    """The order with this id, else the one whose number a person reads is ``ref``."""
    try:
        return connector.get_order(ref)
    except NotFound as exc:
        by_id = exc  # the store's own sentence, if no number matches either
    wanted = ref.strip().lstrip("#").casefold()
    searchable = Filter.SEARCH in connector.capabilities.filters
    query = ListQuery(search=ref.strip().lstrip("#")) if searchable else ListQuery()
    for n, order in enumerate(connector.iter_orders(query)):
        if order.number.strip().lstrip("#").casefold() == wanted:
            return connector.get_order(order.id)
        if n >= _NUMBER_WALK:
            break
    raise by_id


# -- create -----------------------------------------------------------------------------------


def create_request(data: Any) -> CreateOrderRequest:
    """The create request for an order in the canonical shape (ids and store-set fields
    ignored; see the module docstring)."""
    if not isinstance(data, dict):
        raise CliError("--json-in must hold one order (a JSON object)")
    try:
        lines = []
        for item in data.get("lines") or []:
            if not isinstance(item, dict):
                raise CliError("each line must be an object with sku and quantity")
            price = item.get("unit_price")
            lines.append(
                NewOrderLine(
                    sku=str(item.get("sku") or ""),
                    quantity=item.get("quantity", 0),
                    name=item.get("name") or None,
                    unit_price=None if price in (None, "") else price,
                    product_id=item.get("product_id") or None,
                )
            )
        ship_to = data.get("ship_to")
        return CreateOrderRequest(
            lines=lines,
            customer=Customer.model_validate(data.get("customer") or {}),
            customer_id=(
                str(data["customer_id"]) if data.get("customer_id") not in (None, "") else None
            ),
            ship_to=Address.model_validate(ship_to) if ship_to else None,
            currency=str(data.get("currency") or "USD"),
            channel_name=data.get("channel") or None,
            external_reference=data.get("external_reference") or None,
            notes=data.get("notes") or None,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise CliError(f"--json-in: {where}: {first.get('msg')}") from None


#: Stores whose create names products by their own id (Squarespace variantId, Generic REST
#: productId): a line the JSON gives only a SKU for gets the id from the store's recent orders.
_PRODUCT_IDS = frozenset({"squarespace", "generic-rest"})
_CATALOGUE_ORDERS = 200


def with_product_ids(request: CreateOrderRequest, connector: Connector) -> CreateOrderRequest:
    if connector.capabilities.dialect not in _PRODUCT_IDS or all(
        line.product_id for line in request.lines
    ):
        return request
    catalogue = catalogue_from_orders(connector.list_orders(limit=_CATALOGUE_ORDERS))
    lines = []
    for line in request.lines:
        known = catalogue.get(line.sku)
        if line.product_id or known is None or not known.product_id:
            lines.append(line)
        else:
            lines.append(line.model_copy(update={"product_id": known.product_id}))
    return request.model_copy(update={"lines": lines})


def cmd_create(args: argparse.Namespace) -> int:
    try:
        text = (
            sys.stdin.read()
            if args.json_in == "-"
            else Path(args.json_in).read_text(encoding="utf-8")
        )
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(f"cannot read --json-in {args.json_in}: {exc}") from None
    request = create_request(data)
    with open_connector(args) as connector:
        if not connector.capabilities.supports(Operation.CREATE):
            raise CliError(str(connector.capabilities.why_not(Operation.CREATE)), exit_code=2)
        request = with_product_ids(request, connector)
        try:
            order = connector.create(request, new_idempotency_key())
        except ConnectorError as exc:
            raise CliError(_out_of_stock(exc) or exc.user_message) from None
    if args.json:
        print_json(order.to_json_dict())
    else:
        print(
            f"Order {order.number} created (id {order.id}), total {order.total} {order.currency}."
        )
    return 0


def _out_of_stock(exc: ConnectorError) -> str | None:
    if isinstance(exc, OutOfStock) and exc.skus:
        return f"out of stock, nothing was created: {', '.join(exc.skus)}"
    return None


# -- buying the store's label ------------------------------------------------------------------


def _buy_label(args: argparse.Namespace, lines: dict[str, int]) -> int:
    with open_connector(args) as connector:
        caps = connector.capabilities
        if not sells_labels(caps):
            raise CliError(
                f"{caps.display_name} sells no labels: give the carrier label's "
                "number with --tracking and --carrier",
                exit_code=2,
            )
        order = connector.get_order(args.id)
        try:
            check_shipment(order, lines or None)
        except DomainError as exc:
            raise CliError(f"order {order.number}: {exc.message}") from None
        defaults = label_defaults_from(SettingsStore().load())
        request = label_ship_request(
            order,
            defaults,
            lines=lines or None,
            carrier=args.carrier,
            service=args.service,
            notify_customer=args.notify,
        )
        if not request.carrier:
            raise CliError(
                "--carrier is needed: the order names no carrier and no label "
                "carrier is set in the app",
                exit_code=2,
            )
        result = connector.ship(args.id, request)
        shipment = result.shipment
        label = b""
        if args.label_out and shipment is not None:
            label = fetch_store_label(connector, shipment)
    if args.label_out:
        if not label:
            raise CliError(f"order {order.number} shipped, but the store gave no label")
        _write_file(Path(args.label_out), label)
    if args.json:
        print_json(
            {
                "order_id": args.id,
                "number": order.number,
                "ok": True,
                "shipment": shipment.model_dump(mode="json") if shipment else None,
                "label_out": args.label_out,
                "message": result.message,
            }
        )
    else:
        tracking = shipment.tracking_number if shipment else None
        print(
            f"Order {order.number}: label bought from {caps.display_name}, "
            f"{request.carrier} {request.service or ''} tracking {tracking or '?'}."
        )
        if args.label_out:
            print(f"Label written to {args.label_out} ({len(label)} bytes).")
    return 0


def _write_file(path: Path, data: bytes) -> None:
    from fulfillment_station.cli.print_cmd import _write  # atomic: never half a label

    _write(str(path), data)


# -- sync and channel sync ---------------------------------------------------------------------


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="bring a connection's orders into its local cache")
    add_connection_args(p)
    p.add_argument(
        "--cache",
        default=None,
        metavar="PATH",
        help="the cache file (default: the saved connection's own)",
    )
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser(
        "channel-sync", help="ask the store to fetch new orders from its marketplaces"
    )
    csub = p.add_subparsers(dest="channel_sync_command", metavar="ACTION", required=True)
    start = csub.add_parser("start", help="start a channel sync")
    add_connection_args(start)
    start.add_argument(
        "--channel", action="append", default=[], help="only this channel (repeatable)"
    )
    start.add_argument("--since", type=_when, default=None, metavar="ISO8601")
    start.set_defaults(handler=cmd_channel_sync_start)
    status = csub.add_parser("status", help="the last channel sync and the next one")
    add_connection_args(status)
    status.set_defaults(handler=cmd_channel_sync_status)


def cmd_sync(args: argparse.Namespace) -> int:
    from fulfillment_station.services.sync import SyncService

    target = resolve_connection(args)
    path = target.cache_path(args.cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_connector(args) as connector, OrderCache(path) as cache:
        result = SyncService(connector, cache, target.id).run()
    if args.json:
        print_json(
            {
                "connection": target.id,
                "cache": str(path),
                "seen": result.seen,
                "new": len(result.new),
                "changed": len(result.changed),
                "removed": len(result.removed),
                "incremental": result.incremental,
            }
        )
    else:
        print(
            f"{target.label}: {result.seen} orders read, {len(result.new)} new, "
            f"{len(result.changed)} changed, {len(result.removed)} removed ({path})."
        )
    return 0


def _status_json(status: Any) -> dict[str, Any]:
    def when(value: datetime | None) -> str | None:
        return value.isoformat().replace("+00:00", "Z") if value is not None else None

    return {
        "sync_id": status.sync_id,
        "status": status.status,
        "started_at": when(status.started_at),
        "completed_at": when(status.completed_at),
        "channels": dict(status.channels),
        "next_scheduled_sync": when(status.next_scheduled_sync),
    }


def _print_status(status: Any) -> None:
    print(f"Channel sync {status.sync_id or '-'}: {status.status}")
    if status.started_at:
        print(f"  started:   {status.started_at:%Y-%m-%d %H:%M} UTC")
    if status.completed_at:
        print(f"  completed: {status.completed_at:%Y-%m-%d %H:%M} UTC")
    for name, counts in _channels(status.channels.items()):
        print(f"  {name:<10} {counts}")
    if status.next_scheduled_sync:
        print(f"  next scheduled sync: {status.next_scheduled_sync:%Y-%m-%d %H:%M} UTC")


def _channels(items: Iterable[tuple[str, Any]]) -> Iterable[tuple[str, str]]:
    for name, counts in items:
        if isinstance(counts, dict):
            yield name, ", ".join(f"{k.replace('orders_', '')} {v}" for k, v in counts.items())
        else:
            yield name, "waiting" if counts is None else str(counts)


def cmd_channel_sync_start(args: argparse.Namespace) -> int:
    with open_connector(args) as connector:
        if not connector.capabilities.supports(Operation.CHANNEL_SYNC):
            raise CliError(
                f"{connector.capabilities.display_name} has no channel sync", exit_code=2
            )
        status = connector.start_channel_sync(args.channel, args.since)
    if args.json:
        print_json(_status_json(status))
    else:
        _print_status(status)
    return 0


def cmd_channel_sync_status(args: argparse.Namespace) -> int:
    with open_connector(args) as connector:
        if not connector.capabilities.supports(Operation.CHANNEL_SYNC):
            raise CliError(
                f"{connector.capabilities.display_name} has no channel sync", exit_code=2
            )
        status = connector.channel_sync_status()
    if args.json:
        print_json(_status_json(status))
    else:
        _print_status(status)
    return 0

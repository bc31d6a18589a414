"""The one small interface every dialect's connector implements, and what it declares.

A connector is plain Python (no Qt): ``connect("nexus", base_url, token).list_orders()`` works
from a script. Each dialect module defines a ``Connector`` subclass with ``DIALECT``,
``CAPABILITIES`` and its status table, and exposes it as module-level ``CONNECTOR``.
Operations the seed does not document keep the default implementations here, which raise
``Unsupported`` with the capability's reason, so the UI can grey them out and say why.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from types import TracebackType
from typing import Any, ClassVar, Protocol, runtime_checkable

import httpx

from fulfillment_station.connectors.errors import (
    AuthenticationError,
    BadResponse,
    ConnectorError,
    PagingLoop,
    Unsupported,
)
from fulfillment_station.connectors.http import ApiClient, default_error_parser
from fulfillment_station.domain import FulfillmentStatus, Order, OrderStatus, Shipment
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.requests import (
    BulkShipItem,
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    OrderUpdate,
    ShipRequest,
)

log = logging.getLogger(__name__)


class Operation(StrEnum):
    """What a store's API can be asked to do: the one vocabulary of the capabilities, the
    outbox's writes (``services.actions.PAYLOAD_TYPES`` names which of these are writes), the
    menus and the dialogs."""

    LIST = "list"
    GET = "get"
    SHIP = "ship"
    FULFILL = "fulfill"
    BULK_SHIP = "bulk_ship"
    CANCEL = "cancel"
    UPDATE = "update"
    CREATE = "create"
    LIST_SHIPMENTS = "list_shipments"
    CHANNEL_SYNC = "channel_sync"
    FETCH_LABEL = "fetch_label"

    @classmethod
    def _missing_(cls, value: object) -> Operation | None:
        # Outboxes written before the spelling became "fulfill" hold "fulfil": those actions
        # must still load and be sent, never be dropped.
        return cls.FULFILL if value == "fulfil" else None


#: The writes that put goods in a box: a second one from another desk is refused, the shift
#: report counts them as shipped, and their audit rows carry the shipment's tracking numbers.
SHIPPING_WRITES = frozenset({Operation.SHIP, Operation.FULFILL, Operation.BULK_SHIP})


class Filter(StrEnum):
    STATUS = "status"
    FULFILLMENT_STATUS = "fulfillment_status"
    CHANNEL = "channel"
    MARKETPLACE = "marketplace"
    FULFILLMENT_METHOD = "fulfillment_method"
    CREATED_RANGE = "created_range"
    UPDATED_SINCE = "updated_since"
    CUSTOMER = "customer"
    SEARCH = "search"
    HAS_RETURNS = "has_returns"


@dataclass(frozen=True)
class Support:
    supported: bool
    # Why not (shown as the tooltip of a greyed-out action), or a caveat. The dialect tables
    # write these as ``QT_TRANSLATE_NOOP("Capabilities", ...)`` so the UI can translate them.
    note: str = ""


NO_WAY = QT_TRANSLATE_NOOP("Capabilities", "{store}'s API documents no way to do this.")
CANNOT = QT_TRANSLATE_NOOP("Capabilities", "{store}'s API cannot do this.")
NO_FILTER = QT_TRANSLATE_NOOP("Capabilities", "{store}'s API cannot filter by {filters}.")


def yes(note: str = "") -> Support:
    return Support(True, note)


def no(reason: str) -> Support:
    return Support(False, reason)


@dataclass(frozen=True)
class Capabilities:
    dialect: str
    display_name: str
    operations: Mapping[Operation, Support]
    filters: frozenset[Filter]
    max_page_size: int
    partial_shipment: bool
    notify_customer: bool
    returns_label: bool
    carries_tracking: bool
    cancel_reason: bool = False
    updatable_fields: frozenset[str] = frozenset()  # of "notes", "ship_to", "status"
    settable_statuses: frozenset[OrderStatus] = frozenset()
    # The list endpoint returns summaries (no address, shipments...): sync must read the
    # detail of every new or changed order with ``get_order``.
    list_is_summary: bool = False
    # A create re-sent with the same idempotency key returns the first order instead of making
    # a second one (Squarespace). Without it, a create whose answer was lost is never re-sent.
    idempotent_create: bool = False
    notes: tuple[str, ...] = ()  # plain-language caveats for the check table and the UI

    def supports(self, op: Operation) -> bool:
        support = self.operations.get(op)
        return bool(support and support.supported)

    def why_not(self, op: Operation) -> str:
        """Why ``op`` cannot be done ("" if it can): a :class:`Message` for the tooltip."""
        support = self.operations.get(op)
        if support is None:
            return NO_WAY.format(store=self.display_name)
        return "" if support.supported else support.note

    def table(self) -> list[tuple[str, str, str]]:
        """(what, yes/no, note) rows for ``check`` and the connection dialog."""
        rows = [
            (
                op.value,
                "yes" if self.supports(op) else "no",
                (self.operations.get(op) or no("")).note,
            )
            for op in Operation
        ]
        rows += [
            ("filters", ", ".join(sorted(f.value for f in self.filters)) or "none", ""),
            ("max page size", str(self.max_page_size), ""),
            ("partial shipment", _yn(self.partial_shipment), ""),
            ("notify customer", _yn(self.notify_customer), ""),
            ("label returned", _yn(self.returns_label), ""),
            (
                "list gives full orders",
                _yn(not self.list_is_summary),
                "details read one by one" if self.list_is_summary else "",
            ),
            (
                "tracking number stored by the store",
                _yn(self.carries_tracking),
                ""
                if self.carries_tracking
                else "the store keeps none; the app's audit log keeps it when shipped from the app",
            ),
        ]
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "dialect": self.dialect,
            "operations": {
                op.value: {
                    "supported": self.supports(op),
                    "note": (self.operations.get(op) or no("")).note,
                }
                for op in Operation
            },
            "filters": sorted(f.value for f in self.filters),
            "max_page_size": self.max_page_size,
            "partial_shipment": self.partial_shipment,
            "notify_customer": self.notify_customer,
            "returns_label": self.returns_label,
            "carries_tracking": self.carries_tracking,
            "cancel_reason": self.cancel_reason,
            "list_is_summary": self.list_is_summary,
            "idempotent_create": self.idempotent_create,
            "updatable_fields": sorted(self.updatable_fields),
            "settable_statuses": sorted(s.value for s in self.settable_statuses),
            "notes": list(self.notes),
        }


def _yn(flag: bool) -> str:
    return "yes" if flag else "no"


@dataclass(frozen=True)
class ListQuery:
    """Filters for listing orders; ``None`` means "any". A filter the API lacks raises
    ``Unsupported`` rather than being silently ignored."""

    status: OrderStatus | None = None
    fulfillment_status: FulfillmentStatus | None = None
    channel: str | None = None
    marketplace: str | None = None
    fulfillment_method: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_since: datetime | None = None
    customer_id: str | None = None
    search: str | None = None
    has_returns: bool | None = None
    page_size: int | None = None

    _FILTER_OF: ClassVar[dict[str, Filter]] = {
        "status": Filter.STATUS,
        "fulfillment_status": Filter.FULFILLMENT_STATUS,
        "channel": Filter.CHANNEL,
        "marketplace": Filter.MARKETPLACE,
        "fulfillment_method": Filter.FULFILLMENT_METHOD,
        "created_from": Filter.CREATED_RANGE,
        "created_to": Filter.CREATED_RANGE,
        "updated_since": Filter.UPDATED_SINCE,
        "customer_id": Filter.CUSTOMER,
        "search": Filter.SEARCH,
        "has_returns": Filter.HAS_RETURNS,
    }

    def used_filters(self) -> set[Filter]:
        return {
            self._FILTER_OF[f.name]
            for f in fields(self)
            if f.name in self._FILTER_OF and getattr(self, f.name) is not None
        }


@dataclass(frozen=True)
class Unreadable:
    """An order of a list the app could not understand: skipped, named, the rest goes on."""

    order_id: str | None
    reason: str


@dataclass
class Page:
    orders: list[Order]
    total: int | None = None  # the API's count of all matching orders, when it gives one
    unreadable: list[Unreadable] = field(default_factory=list)


def read_rows(
    rows: Sequence[Any], parse: Callable[[Any], Order]
) -> tuple[list[Order], list[Unreadable]]:
    """Each row of a list page parsed on its own: one order that cannot be understood is
    set aside (with its id and why) instead of failing the page."""
    orders: list[Order] = []
    unreadable: list[Unreadable] = []
    for row in rows:
        try:
            orders.append(parse(row))
        except BadResponse as exc:
            order_id = exc.order_id
            if order_id is None and isinstance(row, dict):
                raw = row.get("id", row.get("order_id"))
                order_id = str(raw)[:80] if isinstance(raw, str | int) else None
            log.warning("order %s could not be read: %s", order_id, exc.api_message)
            unreadable.append(Unreadable(order_id, exc.api_message))
    return orders, unreadable


class PageGuard:
    """Stops a list walk that does not progress, and says why (``PagingLoop``): a next-page
    cursor or page number seen before, pages of nothing but orders already seen, more orders
    than the API announced, or an absurd number of pages. Also drops repeated orders."""

    #: pages in a row with no order not seen before (or empty) that end the walk
    MAX_STALE_PAGES = 2
    MAX_PAGES = 100_000

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self._positions: set[str] = set()
        self._stale = 0
        self._pages = 0
        self._announced: int | None = None

    def position(self, where: object) -> None:
        """The cursor, offset or page number the next request asks for."""
        key = str(where)
        if key in self._positions:
            raise PagingLoop(f"the next page ({key[:60]}) was read already", field="pagination")
        self._positions.add(key)

    def page(
        self, orders: list[Order], unreadable: Sequence[Unreadable] = (), total: int | None = None
    ) -> list[Order]:
        """The orders of this page not seen before; raises when the walk goes round."""
        self._pages += 1
        if self._pages > self.MAX_PAGES:
            raise PagingLoop(f"more than {self.MAX_PAGES} pages", field="pagination")
        fresh = [o for o in orders if o.id not in self.seen]
        new_ids = {o.id for o in fresh} | {
            u.order_id for u in unreadable if u.order_id and u.order_id not in self.seen
        }
        self.seen |= new_ids
        self._stale = 0 if new_ids else self._stale + 1
        if self._stale >= self.MAX_STALE_PAGES:
            raise PagingLoop(
                f"{self._stale} pages in a row brought no order not seen before "
                f"({len(self.seen)} orders read)",
                field="pagination",
            )
        if total is not None and total >= 0:
            self._announced = max(self._announced or 0, total)
        if self._announced is not None and len(self.seen) > self._announced:
            raise PagingLoop(
                f"{len(self.seen)} orders read, more than the {self._announced} the API announced",
                field="pagination.total",
            )
        return fresh


#: progress(orders so far, total or None)
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ShipResult:
    """What a ship/fulfill write produced. ``order`` is the updated order when the API returned
    it; ``shipment`` carries what the API created (Price2b: tracking number and label URL)."""

    order: Order | None = None
    shipment: Shipment | None = None
    notified_customer: bool | None = None
    message: str = ""


@dataclass(frozen=True)
class BulkShipError:
    order_id: str
    code: str | None
    message: str


@dataclass(frozen=True)
class BulkShipResult:
    succeeded: int
    failed: int
    errors: list[BulkShipError] = field(default_factory=list)


@dataclass(frozen=True)
class ChannelSyncStatus:
    sync_id: str | None
    status: str
    started_at: datetime | None = None
    completed_at: datetime | None = None
    channels: Mapping[str, Any] = field(default_factory=dict)
    next_scheduled_sync: datetime | None = None


@runtime_checkable
class FindsByExternalId(Protocol):
    """A connector that can look an order up by the reference the app gave it when creating it
    (the outbox's way to learn whether an interrupted create reached the store)."""

    def find_by_external_id(self, external_id: str) -> Order | None: ...


@runtime_checkable
class RebuildsLabelUrl(Protocol):
    """A connector that knows where the store keeps a shipment's label from the shipment id
    alone (for a ship answer that was lost, or a reprint later)."""

    def label_url_for(self, shipment_id: str) -> str: ...


@dataclass(frozen=True)
class CheckReport:
    dialect: str
    base_url: str
    reachable: bool
    authenticated: bool
    orders_visible: int | None
    message: str
    capabilities: Capabilities

    @property
    def ok(self) -> bool:
        return self.reachable and self.authenticated


class Connector(ABC):
    DIALECT: ClassVar[str]
    CAPABILITIES: ClassVar[Capabilities]

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        api: ApiClient | None = None,
        **client_options: Any,
    ) -> None:
        self.api = api or ApiClient(
            base_url, token, error_parser=self.parse_error, **client_options
        )

    @property
    def capabilities(self) -> Capabilities:
        return self.CAPABILITIES

    # -- to implement -------------------------------------------------------------------------

    @staticmethod
    def parse_error(response: httpx.Response) -> tuple[str | None, str, Any]:
        """(code, message, details) from one of this API's error answers."""
        return default_error_parser(response)

    @abstractmethod
    def iter_pages(self, query: ListQuery) -> Iterator[Page]:
        """Walk every page of the list that matches ``query``."""

    @abstractmethod
    def get_order(self, order_id: str) -> Order: ...

    # -- shared list helpers ------------------------------------------------------------------

    def check_query(self, query: ListQuery) -> None:
        missing = query.used_filters() - self.capabilities.filters
        if missing:
            names = ", ".join(sorted(f.value for f in missing))
            raise Unsupported(NO_FILTER.format(store=self.capabilities.display_name, filters=names))

    def iter_orders(
        self,
        query: ListQuery | None = None,
        *,
        progress: Progress | None = None,
        unreadable: list[Unreadable] | None = None,
    ) -> Iterator[Order]:
        """Every order of the list; those that cannot be understood are skipped, and added to
        ``unreadable`` when given."""
        query = query or ListQuery()
        self.check_query(query)
        seen = 0
        for page in self.iter_pages(query):
            if unreadable is not None:
                unreadable += page.unreadable
            seen += len(page.orders)
            if progress is not None:
                progress(seen, page.total)
            yield from page.orders

    def list_orders(
        self,
        query: ListQuery | None = None,
        *,
        limit: int | None = None,
        progress: Progress | None = None,
        unreadable: list[Unreadable] | None = None,
    ) -> list[Order]:
        out: list[Order] = []
        for order in self.iter_orders(query, progress=progress, unreadable=unreadable):
            out.append(order)
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- writes: unsupported unless the dialect documents them ---------------------------------

    def _unsupported(self, op: Operation) -> Unsupported:
        return Unsupported(
            self.capabilities.why_not(op) or CANNOT.format(store=self.capabilities.display_name)
        )

    def ship(self, order_id: str, request: ShipRequest) -> ShipResult:
        raise self._unsupported(Operation.SHIP)

    def fulfill(self, order_id: str, request: FulfillRequest) -> ShipResult:
        raise self._unsupported(Operation.FULFILL)

    def bulk_ship(self, items: Sequence[BulkShipItem]) -> BulkShipResult:
        raise self._unsupported(Operation.BULK_SHIP)

    def cancel(self, order_id: str, request: CancelRequest) -> Order | None:
        raise self._unsupported(Operation.CANCEL)

    def update(self, order_id: str, update: OrderUpdate) -> Order | None:
        raise self._unsupported(Operation.UPDATE)

    def create(self, request: CreateOrderRequest, idempotency_key: str) -> Order:
        raise self._unsupported(Operation.CREATE)

    def list_shipments(self, order_id: str) -> list[Shipment]:
        raise self._unsupported(Operation.LIST_SHIPMENTS)

    def start_channel_sync(
        self, channels: Sequence[str] = (), since: datetime | None = None
    ) -> ChannelSyncStatus:
        raise self._unsupported(Operation.CHANNEL_SYNC)

    def channel_sync_status(self) -> ChannelSyncStatus:
        raise self._unsupported(Operation.CHANNEL_SYNC)

    def fetch_label(self, url: str) -> bytes:
        raise self._unsupported(Operation.FETCH_LABEL)

    # -- check --------------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Reachability and auth through the first page of the list (a read the seed
        documents for every dialect)."""
        caps = self.capabilities
        base = str(self.api.base_url)
        try:
            first = next(iter(self.iter_pages(ListQuery(page_size=1))), Page([]))
        except AuthenticationError as exc:
            return CheckReport(caps.dialect, base, True, False, None, exc.user_message, caps)
        except ConnectorError as exc:
            reachable = exc.status is not None
            return CheckReport(caps.dialect, base, reachable, False, None, str(exc), caps)
        count = first.total if first.total is not None else len(first.orders)
        return CheckReport(
            caps.dialect, base, True, True, count, f"Connected to {caps.display_name}.", caps
        )

    def close(self) -> None:
        self.api.close()

    def __enter__(self) -> Connector:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

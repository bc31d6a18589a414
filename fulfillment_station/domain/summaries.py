"""The order list's vocabulary, shared by the cache that fills it, the filter engine that
narrows it and the screens that show it: :class:`OrderSummary` (one compact row),
:class:`OrderRef` (one order in one connection), :class:`Problem` (why a row is flagged) and
:class:`Facet` (what the preset counts are grouped by)."""

from __future__ import annotations

from enum import IntFlag
from typing import NamedTuple


class OrderSummary(NamedTuple):
    """The compact row the order table shows; the whole order is in the cache
    (``store.cache.OrderCache.get``).

    Times are UTC epoch seconds (they sort as numbers); ``total`` is the exact decimal text.
    """

    pk: int
    order_id: str
    number: str
    created_at: float
    updated_at: float
    shipped_at: float | None
    customer: str
    email: str | None
    item_count: int
    total: str
    problems: int
    search_text: str  # normalised: number, customer, ship-to name, email, tracking numbers
    search_skus: str  # normalised SKUs, one per line
    search_barcodes: str  # normalised barcodes, one per line
    holds: str  # why the desk must not ship it ('' when nothing stops it); see domain.holds
    # The few-valued columns last: they come from order_labels as one shared tuple.
    connection: str
    dialect: str
    status: str
    api_status: str | None
    fulfillment: str
    channel: str | None
    marketplace: str | None
    fulfillment_method: str | None
    country: str
    currency: str
    #: 1 when the store says the order has returns (Nexus ``has_returns``), 0 when it says
    #: none, None where it is silent
    has_returns: int | None = None


class OrderRef(NamedTuple):
    connection: str
    order_id: str


class Problem(IntFlag):
    """Why an order is listed under "Problems".

    UNKNOWN_STATUS: the API sent a status the connector's table does not know; the app will
    not act on it until someone looks. ADDRESS_INCOMPLETE: the order still has goods to ship
    but the ship-to address lacks a name, street, city or country (or there is none), so no
    label can be printed; pickup orders are exempt. CANCELLED_AFTER_SHIPPING: the order is
    cancelled although goods of it have already left - stock and refund need checking.
    """

    UNKNOWN_STATUS = 1
    ADDRESS_INCOMPLETE = 2
    CANCELLED_AFTER_SHIPPING = 4


class Facet(NamedTuple):
    """The dimensions preset counts depend on; :meth:`store.cache.OrderCache.facet_counts`
    and ``services.order_filters.facet_counts`` group by it."""

    status: str
    fulfillment: str
    has_problem: bool
    shipped_today: bool
    held: bool = False

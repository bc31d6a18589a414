"""The order list's vocabulary, shared by the cache that fills it, the filter engine that
narrows it and the screens that show it: :class:`OrderSummary` (one compact row) and
:class:`OrderRef` (one order in one connection)."""

from __future__ import annotations

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

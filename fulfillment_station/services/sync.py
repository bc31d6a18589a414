"""Bringing a connection's orders into the local cache. No Qt: the worker runs it, a script
or test can too.

Incremental where the API can filter by "updated since" (the cursor is the newest
``updated_at`` seen, stored once the walk is complete, minus a safety overlap); a full walk
otherwise, after which orders the store no longer lists are dropped. Each page is written in
its own transaction, so a cancelled or failed sync leaves a consistent cache that still has
everything it had before.

Where a dialect's list gives summaries (``Capabilities.list_is_summary``: no address, no
shipments, no notes...), the cache must still hold the whole order: each new or changed order
is read with ``get_order``, a few at a time (``DETAIL_READS_IN_FLIGHT``; the client backs off
on 429 with Retry-After, so the API's rate limit holds), and an order whose summary shows no
change keeps its cached detail. A summary is never written over a cached order. An order the
list showed but whose detail is gone (404) is left out of the walk, as if it had not been
listed.

A change no summary field shows (a Price2b note edited in Price2b, a Nexus partial shipment
made by another desk: neither list carries those figures nor a change time) is caught by a
bounded refresh: after the walk, the open orders (still to ship) whose detail is the oldest
are read again, those read more than ``REFRESH_AFTER`` ago only, at most
``REFRESH_MAX_PER_SYNC`` of them and never more than ``REFRESH_SHARE`` of the walk's own
requests (rounded up, so a one-page incremental sync still moves on by one). A store that
answers 429 (after the client has waited its Retry-After) or cannot be reached ends the
refresh for this sync; the next one goes on from the oldest. An order opened on screen is
read again at once when its detail is older than ``OPENED_REFRESH_AFTER``
(:func:`refresh_opened`). The cache notes when each order was read in detail
(``OrderCache.mark_detail_read``).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fulfillment_station.connectors.base import Connector, Filter, ListQuery, Unreadable
from fulfillment_station.connectors.errors import BadResponse, ConnectorError, NotFound
from fulfillment_station.domain import FulfillmentStatus, Order
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import format_utc, parse_utc
from fulfillment_station.store.cache import OrderCache

log = logging.getLogger(__name__)

#: How far behind the stored cursor an incremental sync starts, for clock skew between the
#: store's servers and orders committed out of order.
CURSOR_OVERLAP = timedelta(minutes=5)

#: Detail reads sent at once where the list is a summary. Small: the store's rate limit is
#: shared with its other clients, and four already hide most of each request's latency.
DETAIL_READS_IN_FLIGHT = 4

#: An open order's detail is read again by a sync once it is this old (the slower cadence).
REFRESH_AFTER = timedelta(minutes=15)
#: Open orders re-read per sync at most ...
REFRESH_MAX_PER_SYNC = 20
#: ... and never more than this share of the walk's own requests (list pages + detail reads).
REFRESH_SHARE = 0.25
#: An order opened on screen is read again when its detail is older than this.
OPENED_REFRESH_AFTER = timedelta(minutes=3)


class SyncCancelled(Exception):
    """The packer cancelled; what was written so far stays."""


@dataclass
class SyncResult:
    connection: str
    incremental: bool
    seen: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Orders read one by one (``get_order``) because the list gave only a summary.
    details_read: int = 0
    #: list pages walked
    pages: int = 0
    #: open orders read again in detail because their copy was old (the bounded refresh)
    refreshed: int = 0
    #: orders the store listed that could not be understood: skipped, the rest went on
    unreadable: list[Unreadable] = field(default_factory=list)

    @property
    def unreadable_message(self) -> str:
        """ "N orders could not be read" for the packer, or "" (ids are in the log)."""
        count = len(self.unreadable)
        if not count:
            return ""
        return (
            QT_TRANSLATE_NOOP("Sync", "1 order could not be read; see the log.")
            if count == 1
            else QT_TRANSLATE_NOOP("Sync", "{count} orders could not be read; see the log.").format(
                count=count
            )
        )

    @property
    def touched(self) -> list[str]:
        return [*self.new, *self.changed]


class SyncService:
    def __init__(
        self,
        connector: Connector,
        cache: OrderCache,
        connection: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.connector = connector
        self.cache = cache
        self.connection = connection
        self.clock = clock

    def run(
        self,
        *,
        progress: Callable[[int, int | None], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> SyncResult:
        caps = self.connector.capabilities
        cursor_text = self.cache.get_sync_cursor(self.connection)
        since: datetime | None = None
        if cursor_text and Filter.UPDATED_SINCE in caps.filters:
            since = parse_utc(cursor_text) - CURSOR_OVERLAP
        result = SyncResult(self.connection, incremental=since is not None)
        newest = parse_utc(cursor_text) if cursor_text else None
        seen_ids: list[str] = []
        query = ListQuery(updated_since=since, page_size=caps.max_page_size)
        with self._detail_pool(caps.list_is_summary) as pool:
            for page in self.connector.iter_pages(query):
                if cancelled():
                    raise SyncCancelled(f"sync cancelled after {result.seen} orders")
                result.unreadable += page.unreadable
                result.pages += 1
                read_now: list[str] = []
                if pool is not None:
                    page.orders, read_now = self._detailed(page.orders, pool, cancelled, result)
                for order in page.orders:
                    if newest is None or order.updated_at > newest:
                        newest = order.updated_at
                upsert = self.cache.upsert_many(page.orders, connection=self.connection)
                if read_now:
                    self.cache.mark_detail_read(self.connection, read_now, self.clock())
                result.new += upsert.new
                result.changed += upsert.changed
                result.seen += len(page.orders)
                seen_ids += [o.id for o in page.orders]
                if progress is not None:
                    progress(result.seen, page.total)
            if pool is not None:
                self._refresh_open(pool, cancelled, result)
        # A cached copy of an order that cannot be read now stays: it was not removed.
        seen_ids += [u.order_id for u in result.unreadable if u.order_id]
        if not result.incremental and seen_ids:
            result.removed = self.cache.delete_missing(self.connection, seen_ids)
        # Only a complete walk moves the cursor: pages may come newest first (generic REST),
        # so a walk cut short must not skip the older changes it never reached.
        if newest is not None:
            self.cache.set_sync_cursor(self.connection, format_utc(newest))
        log.info(
            "sync %s: %d seen, %d new, %d changed, %d removed, %d refreshed",
            self.connection,
            result.seen,
            len(result.new),
            len(result.changed),
            len(result.removed),
            result.refreshed,
        )
        if result.unreadable:
            log.warning(
                "sync %s: %d orders could not be read: %s",
                self.connection,
                len(result.unreadable),
                ", ".join(f"{u.order_id} ({u.reason})" for u in result.unreadable[:50]),
            )
        return result

    @contextmanager
    def _detail_pool(self, wanted: bool) -> Iterator[ThreadPoolExecutor | None]:
        if not wanted:
            yield None
            return
        pool = ThreadPoolExecutor(
            max_workers=DETAIL_READS_IN_FLIGHT, thread_name_prefix="sync-detail"
        )
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _detailed(
        self,
        summaries: list[Order],
        pool: ThreadPoolExecutor,
        cancelled: Callable[[], bool],
        result: SyncResult,
    ) -> tuple[list[Order], list[str]]:
        """The full orders for one page of list summaries, in list order: the cached copy while
        the summary shows no change, else a fresh ``get_order`` (read concurrently); and the
        ids of those read now."""
        cached = {
            o.id: o
            for o in self.cache.get_many([s.id for s in summaries], connection=self.connection)
        }
        stale = [
            s.id for s in summaries if s.id not in cached or not _same_summary(cached[s.id], s)
        ]
        if cancelled():
            raise SyncCancelled(f"sync cancelled after {result.seen} orders")

        def read(order_id: str) -> Order | None:
            if cancelled():
                return None
            try:
                return self.connector.get_order(order_id)
            except NotFound:
                log.info("sync %s: order %s was listed but is gone", self.connection, order_id)
                return None
            except BadResponse as exc:
                # Set aside, its cached copy kept; the other orders go on.
                log.warning("order %s could not be read: %s", order_id, exc.api_message)
                unreadable.append(Unreadable(order_id, exc.api_message))
                return None

        unreadable: list[Unreadable] = []
        fresh: dict[str, Order | None] = dict(zip(stale, pool.map(read, stale), strict=True))
        result.unreadable += unreadable
        if cancelled():
            raise SyncCancelled(f"sync cancelled after {result.seen} orders")
        result.details_read += len(stale)
        out: list[Order] = []
        for summary in summaries:
            order = fresh[summary.id] if summary.id in fresh else cached[summary.id]
            if order is not None:
                out.append(order)
        return out, [order_id for order_id, order in fresh.items() if order is not None]

    def _refresh_open(
        self, pool: ThreadPoolExecutor, cancelled: Callable[[], bool], result: SyncResult
    ) -> None:
        """Read again the open orders whose detail is oldest (see the module's docstring)."""
        budget = min(
            REFRESH_MAX_PER_SYNC, math.ceil(REFRESH_SHARE * (result.pages + result.details_read))
        )
        now = self.clock()
        due = self.cache.stalest_open_orders(
            self.connection, read_before=now - REFRESH_AFTER.total_seconds(), limit=budget
        )
        if not due or cancelled():
            return
        stopped: list[str] = []

        def read(order_id: str) -> Order | None:
            if stopped or cancelled():
                return None
            try:
                return self.connector.get_order(order_id)
            except NotFound:
                return None  # gone at the store: the next complete walk drops it
            except ConnectorError as exc:
                if exc.transient:  # 429 after Retry-After, a network fault: stop for now
                    stopped.append(order_id)
                log.info("sync %s: refresh of %s stopped: %s", self.connection, order_id, exc)
                return None

        fresh = [order for order in pool.map(read, due) if order is not None]
        result.refreshed = len(fresh)
        if not fresh:
            return
        upsert = self.cache.upsert_many(fresh, connection=self.connection)
        self.cache.mark_detail_read(self.connection, [o.id for o in fresh], now)
        result.changed += [i for i in upsert.changed if i not in result.changed]
        result.new += [i for i in upsert.new if i not in result.new]


_PROGRESS = {
    FulfillmentStatus.UNFULFILLED: 0,
    FulfillmentStatus.PARTIAL: 1,
    FulfillmentStatus.FULFILLED: 2,
}


def _same_summary(cached: Order, summary: Order) -> bool:
    """Whether a list summary describes the cached full order unchanged. A summary's
    ``updated_at`` counts only when it is later (a list without the field gives the creation
    time instead)."""
    return (
        summary.updated_at <= cached.updated_at
        # a hold the summary shows but the copy lacks: a copy cached before holds existed
        and {h.kind for h in summary.holds} <= {h.kind for h in cached.holds}
        and cached.status == summary.status
        and cached.api_status == summary.api_status
        and cached.total == summary.total
        and cached.number == summary.number
        # A list without per-line figures shows a partly shipped order as unfulfilled: only
        # a summary further along than the copy is news.
        and _PROGRESS[summary.fulfillment_status] <= _PROGRESS[cached.fulfillment_status]
        and [(ln.sku, ln.quantity) for ln in cached.lines]
        == [(ln.sku, ln.quantity) for ln in summary.lines]
    )


def refresh_opened(
    connector: Connector,
    cache: OrderCache,
    connection: str,
    order_id: str,
    *,
    now: float | None = None,
) -> Order | None:
    """The order opened on screen read again from the store when its list is a summary and its
    cached detail is older than ``OPENED_REFRESH_AFTER`` (written to the cache, returned as
    the cache now has it, with the packer's holds); None when the copy is fresh enough, the
    list is whole, or the store cannot be asked now (the cached copy stays on screen)."""
    if not connector.capabilities.list_is_summary:
        return None
    now = time.time() if now is None else now
    read_at = cache.detail_read_at(connection, order_id)
    if read_at is not None and now - read_at < OPENED_REFRESH_AFTER.total_seconds():
        return None
    try:
        order = connector.get_order(order_id)
    except ConnectorError as exc:
        log.info("order %s opened from the cache, not re-read: %s", order_id, exc)
        return None
    note_read(cache, connection, [order], now)
    return cache.get(order_id, connection=connection)


def note_read(cache: OrderCache, connection: str, orders: Sequence[Order], now: float) -> None:
    """Write orders just read in detail to the cache and note when."""
    cache.upsert_many(orders, connection=connection)
    cache.mark_detail_read(connection, [o.id for o in orders], now)

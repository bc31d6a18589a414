"""Bringing a connection's orders into the local cache. No Qt: the worker runs it, a script
or test can too.

Incremental where the API can filter by "updated since" (the cursor is the newest
``updated_at`` seen, stored once the walk is complete, minus a safety overlap); a full walk
otherwise, after which orders the store no longer lists are dropped. Each page is written in
its own transaction, so a cancelled or failed sync leaves a consistent cache that still has
everything it had before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fulfillment_station.connectors.base import Connector, Filter, ListQuery, Unreadable
from fulfillment_station.connectors.errors import BadResponse
from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import format_utc, parse_utc
from fulfillment_station.store.cache import OrderCache

log = logging.getLogger(__name__)

#: How far behind the stored cursor an incremental sync starts, for clock skew between the
#: store's servers and orders committed out of order.
CURSOR_OVERLAP = timedelta(minutes=5)


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
    #: orders the store listed that could not be understood: skipped, the rest went on
    unreadable: list[Unreadable] = field(default_factory=list)

    @property
    def touched(self) -> list[str]:
        return [*self.new, *self.changed]

    @property
    def unreadable_message(self) -> str:
        """"N orders could not be read" for the packer, or "" (ids are in the log)."""
        count = len(self.unreadable)
        if not count:
            return ""
        return (QT_TRANSLATE_NOOP("Sync", "1 order could not be read; see the log.")
                if count == 1 else
                QT_TRANSLATE_NOOP("Sync", "{count} orders could not be read; see the log.")
                .format(count=count))


class SyncService:
    def __init__(self, connector: Connector, cache: OrderCache, connection: str) -> None:
        self.connector = connector
        self.cache = cache
        self.connection = connection

    def run(self, *, progress: Callable[[int, int | None], None] | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> SyncResult:
        caps = self.connector.capabilities
        cursor_text = self.cache.get_sync_cursor(self.connection)
        since: datetime | None = None
        if cursor_text and Filter.UPDATED_SINCE in caps.filters:
            since = parse_utc(cursor_text) - CURSOR_OVERLAP
        result = SyncResult(self.connection, incremental=since is not None)
        newest = parse_utc(cursor_text) if cursor_text else None
        seen_ids: list[str] = []
        query = ListQuery(updated_since=since, page_size=caps.max_page_size)
        for page in self.connector.iter_pages(query):
            if cancelled():
                raise SyncCancelled(f"sync cancelled after {result.seen} orders")
            result.unreadable += page.unreadable
            # A cached copy of an order that cannot be read now stays: it was not removed.
            seen_ids += [u.order_id for u in page.unreadable if u.order_id]
            if caps.list_is_summary:
                page.orders = self._details(page.orders, result, cancelled)
            for order in page.orders:
                if newest is None or order.updated_at > newest:
                    newest = order.updated_at
            upsert = self.cache.upsert_many(page.orders, connection=self.connection)
            result.new += upsert.new
            result.changed += upsert.changed
            result.seen += len(page.orders)
            seen_ids += [o.id for o in page.orders]
            if progress is not None:
                progress(result.seen, page.total)
        if not result.incremental and seen_ids:
            result.removed = self.cache.delete_missing(self.connection, seen_ids)
        # Only a complete walk moves the cursor: pages may come newest first (generic REST),
        # so a walk cut short must not skip the older changes it never reached.
        if newest is not None:
            self.cache.set_sync_cursor(self.connection, format_utc(newest))
        log.info("sync %s: %d seen, %d new, %d changed, %d removed", self.connection,
                 result.seen, len(result.new), len(result.changed), len(result.removed))
        if result.unreadable:
            log.warning("sync %s: %d orders could not be read: %s", self.connection,
                        len(result.unreadable),
                        ", ".join(f"{u.order_id} ({u.reason})" for u in result.unreadable[:50]))
        return result

    def _details(self, summaries: list[Order], result: SyncResult,
                 cancelled: Callable[[], bool]) -> list[Order]:
        """The full orders of a page of summaries; one whose detail cannot be read is set
        aside (its cached copy kept) and the others go on."""
        out: list[Order] = []
        for summary in summaries:
            try:
                out.append(self._detailed(summary, cancelled))
            except BadResponse as exc:
                log.warning("order %s could not be read: %s", summary.id, exc.api_message)
                result.unreadable.append(Unreadable(summary.id, exc.api_message))
        return out

    def _detailed(self, summary: Order, cancelled: Callable[[], bool]) -> Order:
        """The full order for a list summary: the cached one while the summary shows no change,
        else a fresh ``get_order``."""
        cached = self.cache.get(summary.id, connection=self.connection)
        if cached is not None and _same_summary(cached, summary):
            return cached
        if cancelled():
            raise SyncCancelled("sync cancelled")
        return self.connector.get_order(summary.id)


def _same_summary(cached: Order, summary: Order) -> bool:
    """Whether a list summary describes the cached full order unchanged."""
    return (cached.status == summary.status and cached.api_status == summary.api_status
            and cached.total == summary.total and cached.number == summary.number
            and cached.fulfillment_status == summary.fulfillment_status
            and [(ln.sku, ln.quantity) for ln in cached.lines]
            == [(ln.sku, ln.quantity) for ln in summary.lines])

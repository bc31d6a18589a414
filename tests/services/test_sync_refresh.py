"""Changes no list summary shows are still seen: a note edited at Price2b, an address changed
at a Generic REST store without a new ``updatedAt``. After the walk, a sync re-reads the open
orders whose detail is oldest (bounded per sync and by a share of the sync's own requests);
an order opened on screen is re-read when its copy is a few minutes old. Real sandboxes over
loopback, a real cache file, the slip rendered from the cache."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.models import Address, FulfillmentStatus
from fulfillment_station.domain.requests import OrderUpdate
from fulfillment_station.printing.samples import sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import sync as sync_module
from fulfillment_station.services.sync import SyncResult, SyncService, refresh_opened
from fulfillment_station.store.cache import OrderCache
from tests.conftest import TEST_TOKEN
from tests.printing.conftest import pdf_pages_text

pytestmark = pytest.mark.integration

LATER = sync_module.REFRESH_AFTER.total_seconds() + 1


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def open_orders(cache: OrderCache) -> list[Order]:
    orders = [cache.get(s.order_id, connection="shop") for s in cache.load_summaries("shop")]
    return [
        o
        for o in orders
        if o is not None
        and o.status in (OrderStatus.CONFIRMED, OrderStatus.PROCESSING)
        and o.fulfillment_status is not FulfillmentStatus.FULFILLED
    ]


def within_budget(result: SyncResult) -> bool:
    share = math.ceil(sync_module.REFRESH_SHARE * (result.pages + result.details_read))
    return result.refreshed <= min(sync_module.REFRESH_MAX_PER_SYNC, share)


def sync_until(
    service: SyncService, clock: Clock, seen: Callable[[], bool], rounds: int
) -> list[SyncResult]:
    """Sync, each time REFRESH_AFTER later, until ``seen`` (at most ``rounds`` syncs)."""
    results: list[SyncResult] = []
    while not seen() and len(results) < rounds:
        clock.now += LATER
        results.append(service.run())
    return results


def test_a_note_edited_at_price2b_reaches_the_cache_and_the_slip(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path, clock: Clock
) -> None:
    server = make_sandbox("price2b", orders=40)
    with (
        connect("price2b", server.base_url, TEST_TOKEN) as connector,
        connect("price2b", server.base_url, TEST_TOKEN) as someone_else,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        service = SyncService(connector, cache, "shop", clock=clock)
        first = service.run()
        assert first.details_read == 40 and first.refreshed == 0  # all just read
        candidates = open_orders(cache)
        assert candidates
        order = candidates[-1]
        note = "Customer requested gift wrapping, blue paper"
        someone_else.update(order.id, OrderUpdate(notes=note))

        def cached_note() -> str | None:
            cached = cache.get(order.id, connection="shop")
            return cached.notes if cached is not None else None

        # The list shows no change, and the copy is fresh: a sync now reads no detail.
        at_once = service.run()
        assert at_once.details_read == 0 and at_once.refreshed == 0
        assert cached_note() != note

        # Later, the oldest open orders are re-read, a bounded few per sync, until this one.
        results = sync_until(service, clock, lambda: cached_note() == note, len(candidates))
        assert cached_note() == note
        assert all(within_budget(r) and r.refreshed >= 1 for r in results)
        assert order.id in results[-1].changed  # the list row is redrawn too
        cached = cache.get(order.id, connection="shop")
        assert cached is not None
        text = " ".join(pdf_pages_text(render_slip(cached, sample_settings())))
        assert "gift wrapping, blue paper" in text


def test_an_address_changed_without_a_new_update_time_is_seen_on_generic_rest(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path, clock: Clock
) -> None:
    server = make_sandbox("generic-rest", orders=30)
    with (
        connect("generic-rest", server.base_url, TEST_TOKEN) as connector,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        service = SyncService(connector, cache, "shop", clock=clock)
        service.run()
        candidates = [o for o in open_orders(cache) if o.ship_to is not None]
        assert candidates
        order = candidates[0]
        # The store's back office corrects the street; its list (and updatedAt) shows nothing.
        stored = server.db.get(order.id)
        assert stored is not None and stored.order.ship_to is not None
        moved = stored.order.ship_to.model_copy(
            update={"line1": "77 Lighthouse Lane", "line2": None}
        )
        server.db.save(stored.order.model_copy(update={"ship_to": moved}))

        def street() -> str | None:
            cached = cache.get(order.id, connection="shop")
            address = cached.ship_to if cached is not None else None
            return address.line1 if isinstance(address, Address) else None

        assert service.run().refreshed == 0 and street() != "77 Lighthouse Lane"
        results = sync_until(
            service, clock, lambda: street() == "77 Lighthouse Lane", len(candidates) + 5
        )
        assert street() == "77 Lighthouse Lane"
        assert all(within_budget(r) for r in results)
        cached = cache.get(order.id, connection="shop")
        assert cached is not None
        assert "77 Lighthouse Lane" in " ".join(
            pdf_pages_text(render_slip(cached, sample_settings()))
        )


def test_no_sync_refreshes_more_than_its_share_of_requests(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path, clock: Clock
) -> None:
    """Many open orders, all old: a sync reads at most REFRESH_MAX_PER_SYNC and never more
    than REFRESH_SHARE of its own requests; the next sync moves on to the next oldest."""
    server = make_sandbox("price2b", orders=200)
    with (
        connect("price2b", server.base_url, TEST_TOKEN) as connector,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        service = SyncService(connector, cache, "shop", clock=clock)
        service.run()
        open_count = len(open_orders(cache))
        clock.now += LATER
        first = service.run()
        assert first.pages >= 1 and first.refreshed >= 1 and within_budget(first)
        assert first.refreshed < open_count
        read_first = {
            o.id
            for o in open_orders(cache)
            if (cache.detail_read_at("shop", o.id) or 0) >= clock.now
        }
        assert len(read_first) == first.refreshed
        clock.now += 1  # not yet REFRESH_AFTER since the first refresh: those are not due
        second = service.run()
        read_second = {
            o.id
            for o in open_orders(cache)
            if (cache.detail_read_at("shop", o.id) or 0) >= clock.now
        }
        assert second.refreshed == len(read_second) >= 1
        assert not read_first & read_second


def test_an_order_opened_on_screen_is_re_read_when_its_copy_is_old(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path, clock: Clock
) -> None:
    server = make_sandbox("price2b", orders=20)
    with (
        connect("price2b", server.base_url, TEST_TOKEN) as connector,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        SyncService(connector, cache, "shop", clock=clock).run()
        order = open_orders(cache)[0]
        connector.update(order.id, OrderUpdate(notes="Leave with the neighbour at no. 4"))
        # Read a minute ago: the cached copy stands, nothing is asked of the store.
        assert refresh_opened(connector, cache, "shop", order.id, now=clock.now + 60) is None
        stale = clock.now + sync_module.OPENED_REFRESH_AFTER.total_seconds() + 1
        fresh = refresh_opened(connector, cache, "shop", order.id, now=stale)
        assert fresh is not None and fresh.notes == "Leave with the neighbour at no. 4"
        cached = cache.get(order.id, connection="shop")
        assert cached is not None and cached.notes == fresh.notes
        assert cache.detail_read_at("shop", order.id) == stale


def test_an_order_opened_on_a_store_that_lists_whole_orders_is_not_re_read(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> None:
    server = make_sandbox("squarespace", orders=10)
    with (
        connect("squarespace", server.base_url, TEST_TOKEN) as connector,
        OrderCache(tmp_path / "cache.sqlite3") as cache,
    ):
        SyncService(connector, cache, "shop").run()
        order_id = cache.load_summaries("shop")[0].order_id
        before = len(server.db.journal()["requests"])
        assert refresh_opened(connector, cache, "shop", order_id, now=time.time() + 10**6) is None
        assert len(server.db.journal()["requests"]) == before

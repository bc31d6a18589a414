"""Sync into the cache against real sandboxes: incremental where the API can, full walk with
removals where not, and a cancelled or failed sync keeps what the cache had."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.errors import AuthenticationError
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.sync import SyncCancelled, SyncService
from fulfillment_station.store.cache import OrderCache

pytestmark = pytest.mark.integration


@pytest.fixture
def service() -> Iterator[Callable[..., SyncService]]:
    made: list[SyncService] = []

    def make(server: SandboxServer, cache: OrderCache, token: str | None = None) -> SyncService:
        connector = connect(
            server.dialect,
            server.base_url,
            token or server.token,
            sleep=lambda _s: None,
            max_read_attempts=1,
        )
        made.append(SyncService(connector, cache, "shop"))
        return made[-1]

    yield make
    for sync in made:
        sync.connector.close()


def test_incremental_sync_reads_only_what_changed(
    tmp_path: Path, make_sandbox: Callable[..., SandboxServer], service: Callable[..., SyncService]
) -> None:
    server = make_sandbox("squarespace", orders=120)
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        first = service(server, cache).run()
        assert not first.incremental and first.seen == 120 and len(first.new) == 120
        assert cache.get_sync_cursor("shop") is not None
        second = service(server, cache).run()
        assert second.incremental
        assert second.seen < 120 and not second.new and not second.changed


def test_full_walk_drops_orders_the_store_no_longer_lists(
    tmp_path: Path, make_sandbox: Callable[..., SandboxServer], service: Callable[..., SyncService]
) -> None:
    server = make_sandbox("price2b", orders=50)
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        service(server, cache).run()
        gone = server.db.query(limit=1)[0].order.id
        with server.db.transaction() as conn:
            conn.execute("DELETE FROM orders WHERE id = ?", (gone,))
        result = service(server, cache).run()
        assert result.removed == [gone]
        assert cache.get(gone, connection="shop") is None
        assert len(cache) == 49


def test_a_cancelled_sync_keeps_whole_pages_and_the_old_cursor(
    tmp_path: Path, make_sandbox: Callable[..., SandboxServer], service: Callable[..., SyncService]
) -> None:
    server = make_sandbox("generic-rest", orders=350)
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        pages = []
        with pytest.raises(SyncCancelled):
            service(server, cache).run(
                progress=lambda done, _t: pages.append(done), cancelled=lambda: len(pages) >= 2
            )
        assert len(cache) == pages[-1] and 0 < len(cache) < 350
        assert cache.get_sync_cursor("shop") is None  # the walk did not finish


def test_a_failed_sync_keeps_the_cache(
    tmp_path: Path, make_sandbox: Callable[..., SandboxServer], service: Callable[..., SyncService]
) -> None:
    server = make_sandbox("generic-rest", orders=40)
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        service(server, cache).run()
        with pytest.raises(AuthenticationError):
            service(server, cache, token="wrong").run()
        server.faults.fail_rate = 1.0
        with pytest.raises(Exception, match="server"):
            service(server, cache).run()
        assert len(cache) == 40


@pytest.mark.parametrize("dialect", ["price2b", "generic-rest", "nexus"])
def test_where_the_list_is_a_summary_the_cache_holds_the_detail(
    dialect: str,
    tmp_path: Path,
    make_sandbox: Callable[..., SandboxServer],
    service: Callable[..., SyncService],
) -> None:
    server = make_sandbox(dialect, orders=40)
    with OrderCache(tmp_path / "c.sqlite3") as cache:
        first = service(server, cache).run()
        assert first.details_read == 40
        sync = service(server, cache)
        for _ in range(2):  # the second sync must not write summaries over the detail
            for summary in sync.connector.list_orders():
                cached = cache.get(summary.id, connection="shop")
                assert cached is not None
                assert cached.to_json_dict() == sync.connector.get_order(summary.id).to_json_dict()
            again = sync.run()
            assert again.details_read < 40 and not again.changed
        assert any(
            o.ship_to is not None
            for o in map(lambda s: cache.get(s.order_id, connection="shop"), cache.load_summaries())
        )


def test_detail_reads_ride_out_the_stores_rate_limit(
    tmp_path: Path, make_sandbox: Callable[..., SandboxServer]
) -> None:
    """Four reads at once against a store that allows ten requests a second: the 429s are
    waited out (Retry-After) and every order still arrives in full."""
    server = make_sandbox("price2b", orders=30)
    server.ctx.faults.rate_limit = 10
    with (
        connect("price2b", server.base_url, server.token) as connector,
        OrderCache(tmp_path / "c.sqlite3") as cache,
    ):
        result = SyncService(connector, cache, "shop").run()
        server.ctx.faults.rate_limit = 0
        assert result.seen == 30 and result.details_read == 30
        for summary in connector.list_orders():
            cached = cache.get(summary.id, connection="shop")
            assert cached is not None
            assert cached.to_json_dict() == connector.get_order(summary.id).to_json_dict()

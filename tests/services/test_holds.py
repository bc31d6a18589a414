"""Holds end to end: each connector maps its store's reasons, the cache keeps a packer's hold
across syncs, "To pack" leaves held orders out, and every ship path refuses them with the
reason (an audited override only for holds a packer may judge)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.squarespace import parse_order as parse_squarespace
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.holds import check_not_held, packer_hold, store_holds
from fulfillment_station.domain.models import HoldKind, Order, OrderStatus
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.domain.workflow import SHIPPABLE, check_shipment
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.order_filters import PRESETS, filter_structured, preset_counts
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.services.pack_session import PackRefused, PackSession
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import Outbox
from fulfillment_station.store.pack_progress import PackProgress
from tests.conftest import TEST_TOKEN

pytestmark = pytest.mark.integration

TO_PACK = next(p for p in PRESETS if p.key == "to_pack")


@pytest.mark.parametrize(
    ("fields", "kinds"),
    [
        (
            {"status": OrderStatus.PROCESSING, "fulfillment_method": "FBA"},
            {HoldKind.MARKETPLACE_FULFILLED},
        ),
        (
            {"status": OrderStatus.PROCESSING, "fulfillment_method": "fbs"},
            {HoldKind.MARKETPLACE_FULFILLED},
        ),
        ({"status": OrderStatus.PROCESSING, "fulfillment_method": "FBM"}, set()),
        ({"status": OrderStatus.CONFIRMED, "payment_status": "authorized"}, {HoldKind.NOT_PAID}),
        ({"status": OrderStatus.PROCESSING, "payment_status": "captured"}, set()),
        ({"status": OrderStatus.PROCESSING, "payment_status": "Refunded"}, {HoldKind.REFUNDED}),
        ({"status": OrderStatus.PROCESSING, "payment_status": "voided"}, {HoldKind.REFUNDED}),
        ({"status": OrderStatus.PROCESSING, "payment_status": "partially_refunded"}, set()),
        ({"status": OrderStatus.PROCESSING, "test": True}, {HoldKind.TEST_ORDER}),
        ({"status": OrderStatus.PENDING, "payment_status": "paid"}, {HoldKind.PENDING}),
    ],
)
def test_the_stores_fields_map_to_holds(fields: dict[str, object], kinds: set[HoldKind]) -> None:
    holds = store_holds(**fields)  # type: ignore[arg-type]
    assert {h["kind"] for h in holds} == kinds
    assert all(h["reason"] for h in holds)


@pytest.fixture
def connector_for(
    make_sandbox: Callable[..., SandboxServer],
) -> Iterator[Callable[[str], tuple[SandboxServer, Connector]]]:
    made: list[Connector] = []

    def make(dialect: str) -> tuple[SandboxServer, Connector]:
        server = make_sandbox(dialect, orders=80)
        made.append(connect(dialect, server.base_url, TEST_TOKEN))
        return server, made[-1]

    yield make
    for connector in made:
        connector.close()


def test_nexus_marketplace_fulfilled_orders_are_held(
    connector_for: Callable[[str], tuple[SandboxServer, Connector]],
) -> None:
    _, nexus = connector_for("nexus")
    orders = [nexus.get_order(o.id) for o in nexus.list_orders()]
    by_marketplace = [o for o in orders if o.fulfillment_method in ("FBA", "FBS")]
    assert by_marketplace, "the sandbox has FBA/FBS orders"
    for order in orders:
        kinds = {h.kind for h in order.holds}
        assert (HoldKind.MARKETPLACE_FULFILLED in kinds) == (order in by_marketplace)
    held = next(o for o in by_marketplace if o.status in SHIPPABLE)
    with pytest.raises(NotShippable, match="marketplace ships this order"):
        check_shipment(held)
    # No override lifts it: the goods are in the marketplace's warehouse.
    with pytest.raises(NotShippable, match="cannot be shipped from the desk"):
        check_shipment(held, hold_override="customer called")


def test_inventory_cloud_unpaid_and_pending_orders_are_held(
    connector_for: Callable[[str], tuple[SandboxServer, Connector]],
) -> None:
    _, cloud = connector_for("inventory-cloud")
    pending = [o for o in cloud.list_orders() if o.status == OrderStatus.PENDING]
    assert pending
    for order in pending:
        assert {h.kind for h in order.holds} == {HoldKind.NOT_PAID, HoldKind.PENDING}


def test_a_squarespace_test_order_is_held(
    connector_for: Callable[[str], tuple[SandboxServer, Connector]],
) -> None:
    _, shop = connector_for("squarespace")
    order = next(o for o in shop.list_orders() if o.status in SHIPPABLE)
    assert not order.holds
    payload = dict(order.raw or {})
    payload["testmode"] = True
    held = parse_squarespace(payload)
    assert [h.kind for h in held.holds] == [HoldKind.TEST_ORDER]
    with pytest.raises(NotShippable, match="test order"):
        check_not_held(held)
    check_not_held(held, override="staff training parcel")  # a packer may judge this one


class _Desk:
    def __init__(self, server: SandboxServer, tmp_path: Path) -> None:
        self.connector = connect(server.dialect, server.base_url, TEST_TOKEN)
        self.store = open_store(tmp_path / "desk.sqlite3")
        self.audit = AuditLog(self.store, station="Desk 1")
        self.outbox: Outbox[Action] = Outbox(self.store, self.audit, decode=Action.model_validate)
        self.service = OutboxService(self.outbox, self.connector, connection_id="shop")
        self.cache = OrderCache(tmp_path / "cache.sqlite3")

    def close(self) -> None:
        self.cache.close()
        self.store.close()
        self.connector.close()


@pytest.fixture
def desk(
    make_sandbox: Callable[..., SandboxServer], tmp_path: Path
) -> Iterator[Callable[[str], _Desk]]:
    made: list[_Desk] = []

    def make(dialect: str) -> _Desk:
        made.append(_Desk(make_sandbox(dialect, orders=80), tmp_path / str(len(made))))
        return made[-1]

    yield make
    for d in made:
        d.close()


def test_a_held_order_is_refused_before_queueing_and_an_override_is_audited(
    desk: Callable[[str], _Desk],
) -> None:
    d = desk("generic-rest")
    SyncService(d.connector, d.cache, "shop").run()
    pending = next(
        o
        for o in (
            d.cache.get(s.order_id, connection="shop") for s in d.cache.load_summaries("shop")
        )
        if o is not None and o.status == OrderStatus.PENDING
    )
    assert [h.kind for h in pending.holds] == [HoldKind.PENDING]
    request = ShipRequest(carrier="DHL", tracking_number="JD014600006543210001")
    with pytest.raises(NotShippable, match="has not confirmed this order"):
        d.service.ship(pending.id, request, packer="Ana", cached=pending)
    assert d.service.pending_count() == 0
    record = d.service.ship(
        pending.id,
        request,
        packer="Ana",
        cached=pending,
        hold_override="the store confirmed it by phone",
    )
    assert record.action.order_id == pending.id
    overrides = [e for e in d.audit.for_order(pending.id) if e.kind == "hold_override"]
    assert len(overrides) == 1
    assert overrides[0].packer == "Ana"
    assert "confirmed it by phone" in overrides[0].message
    assert "has not confirmed" in overrides[0].message


def test_a_packers_hold_survives_sync_leaves_to_pack_and_stops_every_ship_path(
    desk: Callable[[str], _Desk], tmp_path: Path
) -> None:
    d = desk("price2b")
    SyncService(d.connector, d.cache, "shop").run()
    rows = d.cache.load_summaries("shop")
    to_pack = filter_structured(rows, range(len(rows)), TO_PACK.state, 0.0)
    assert to_pack and all(not rows[i].holds for i in to_pack)
    assert all(rows[i].holds for i in range(len(rows)) if rows[i].status == "pending") and any(
        r.status == "pending" for r in rows
    )
    victim = rows[to_pack[0]].order_id
    d.cache.set_packer_hold("shop", victim, "  box arrived   damaged ")
    SyncService(d.connector, d.cache, "shop").run()  # the store knows nothing of it
    rows = d.cache.load_summaries("shop")
    row = next(r for r in rows if r.order_id == victim)
    assert "box arrived damaged" in row.holds
    assert victim not in {
        rows[i].order_id for i in filter_structured(rows, range(len(rows)), TO_PACK.state, 0)
    }
    assert preset_counts(d.cache.facet_counts(0.0))["to_pack"] == len(
        filter_structured(rows, range(len(rows)), TO_PACK.state, 0.0)
    )
    order = d.cache.get(victim, connection="shop")
    assert order is not None and [h.kind for h in order.holds] == [HoldKind.PACKER]
    request = ShipRequest(carrier="fedex", tracking_number="794644790303")
    # The Ship dialog / bulk ship / pack mode all queue through the service, which re-reads
    # the store: the packer's hold must survive that re-read.
    with pytest.raises(NotShippable, match="box arrived damaged"):
        d.service.ship(victim, request, cached=order)
    with pytest.raises(PackRefused):
        PackSession(order, "shop", PackProgress(tmp_path / "pack.sqlite3"))
    d.cache.set_packer_hold("shop", victim, None)
    lifted = d.cache.get(victim, connection="shop")
    assert lifted is not None and not lifted.holds
    assert not next(r for r in d.cache.load_summaries("shop") if r.order_id == victim).holds


def test_packer_hold_needs_a_reason() -> None:
    with pytest.raises(NotShippable):
        packer_hold("   ")
    assert packer_hold(" wait for\nstock ").reason == "wait for stock"


def test_cached_order_written_back_keeps_one_packer_hold(tmp_path: Path) -> None:
    from tests.store.factories import build_order

    with OrderCache(tmp_path / "c.sqlite3") as cache:
        cache.upsert_many([build_order("A1")], connection="shop")
        cache.set_packer_hold("shop", "A1", "customer asked to wait")
        read: Order | None = cache.get("A1", connection="shop")
        assert read is not None
        cache.upsert_many([read], connection="shop")  # e.g. an action's re-read copy
        again = cache.get("A1", connection="shop")
        assert again is not None and len(again.holds) == 1

"""Two desks, two outboxes, one Generic REST store that accepts ``shipped`` again: the station
database is what stops the second desk from queueing a second shipment of the same order while
the first is still waiting to be sent. The sandbox's record of applied shipments is the judge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fulfillment_station.connectors import connect
from fulfillment_station.domain.errors import DomainError
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.desk import open_candidates
from fulfillment_station.services.outbox_service import OutboxService
from fulfillment_station.station.config import StationDbConfig
from fulfillment_station.station.coordinator import (
    Claim,
    RefusalKind,
    StationCoordinator,
    WriteRefused,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState, Outbox

pytestmark = pytest.mark.integration

TOKEN = "shared-outbox-token"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(
        "generic-rest", db_path=tmp_path / "sandbox.sqlite", token=TOKEN, orders=30, seed=5
    )
    server.start()
    yield server
    server.close()


def test_a_shipment_waiting_at_desk_a_stops_desk_b_from_queueing_another(
    store: SandboxServer, station_url: str, tmp_path: Path
) -> None:
    desks = []
    for name in ("Desk A", "Desk B"):
        local = open_store(tmp_path / f"{name}.sqlite")
        outbox: Outbox[Action] = Outbox(
            local, AuditLog(local, station=name), decode=Action.model_validate
        )
        coordinator = StationCoordinator(
            StationDbConfig(station_url), local, desk=name, connection_id="shop"
        )
        desks.append((outbox, coordinator))
    with connect("generic-rest", store.base_url, TOKEN) as connector:
        order_id = open_candidates(connector)[0]
        (outbox_a, desk_a), (outbox_b, desk_b) = desks
        service_a = OutboxService(
            outbox_a, connector, connection_id="shop", before_queue=desk_a.before_queue
        )
        service_b = OutboxService(
            outbox_b, connector, connection_id="shop", before_queue=desk_b.before_queue
        )
        ups = ShipRequest(carrier="UPS", tracking_number="1Z999AA10123456784")
        assert isinstance(desk_a.claim(order_id), Claim)

        queued = service_a.ship(order_id, ups, packer="Ana")  # waiting, not sent yet
        with pytest.raises(WriteRefused) as held:  # B scanned the order A is packing
            service_b.ship(order_id, ups.model_copy(update={"tracking_number": "1Z2"}))
        assert held.value.refusal.kind is RefusalKind.HELD
        desk_a.release(order_id)  # A closes the order; its shipment still waits
        with pytest.raises(WriteRefused) as pending:
            service_b.ship(order_id, ups.model_copy(update={"tracking_number": "1Z3"}))
        assert pending.value.refusal.kind is RefusalKind.PENDING_ELSEWHERE
        assert pending.value.refusal.desk == "Desk A"
        assert outbox_b.counts()[ActionState.PENDING] == 0  # nothing queued at B

        service_a.run_until_idle()
        assert outbox_a.get(queued.id).state is ActionState.DONE  # type: ignore[union-attr]
        desk_a.sync_local_audit()  # A's heartbeat tells the others it was sent
        assert desk_b.pending_elsewhere(order_id) == []
        with pytest.raises(DomainError):  # B's re-read now shows the order shipped
            service_b.ship(order_id, ups.model_copy(update={"tracking_number": "1Z4"}))
    shipments = [
        e
        for e in store.db.journal()["effects"]
        if e["kind"] == "shipment" and e["order_id"] == order_id
    ]
    assert len(shipments) == 1
    for _outbox, coordinator in desks:
        coordinator.close()

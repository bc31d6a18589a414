"""The station database as the app's outbox worker uses it: building the desk's coordinator
(alone, or the shared PostgreSQL of ``station.database_url``) with its lease keeper, and the
typed operations pack mode and the window run on that worker (claim, claim the next order,
release, heartbeat, re-read an order another desk changed). The headless desk
(``services/desk.py``) does the same with its own loop. No Qt.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from fulfillment_station.connectors.base import ShipResult
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import Order, OrderStatus
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.station import reports
from fulfillment_station.station.config import (
    DEFAULT_HEARTBEAT_S,
    StationConfigError,
    StationDbConfig,
    load_password,
)
from fulfillment_station.station.coordinator import (
    AuditEvent,
    Claim,
    ClaimHolder,
    CoordinationStatus,
    LeaseKeeper,
    LocalCoordinator,
    Refusal,
    ReleaseReason,
    StationCoordinator,
    StationUnreachable,
    connect_station_db,
)
from fulfillment_station.station.reports import ShiftNumbers
from fulfillment_station.store.secrets import NoKeyringError, TokenStore

if TYPE_CHECKING:
    from fulfillment_station.services.resources import OutboxResources

log = logging.getLogger(__name__)

DeskCoordinator = StationCoordinator | LocalCoordinator

NO_STATION_DATABASE = QT_TRANSLATE_NOOP(
    "Station",
    "The shift's numbers come from a station database: set one in Settings → Station.",
)


@dataclass
class DeskStation:
    """The desk's coordinator and, with a station database, the thread renewing its claims."""

    coordinator: DeskCoordinator
    keeper: LeaseKeeper | None = None

    def close(self) -> None:
        if self.keeper is not None:
            self.keeper.stop()
        if isinstance(self.coordinator, StationCoordinator):
            self.coordinator.close()


def open_desk_station(
    database_url: str,
    local: sqlite3.Connection,
    *,
    desk: str,
    connection_id: str,
    lease_s: float,
    tokens: TokenStore | None = None,
) -> DeskStation:
    """Alone without a URL; the station database with one (password from the keyring). An
    address that cannot be used is logged and the desk works alone (the settings dialog
    refuses such an address before it is saved). Tries the server once: call it on the
    outbox worker."""
    url = database_url.strip()
    if not url:
        return DeskStation(LocalCoordinator(desk=desk, connection_id=connection_id))
    try:
        config = StationDbConfig(
            url, lease_s=lease_s, heartbeat_s=min(DEFAULT_HEARTBEAT_S, lease_s / 3)
        )
    except StationConfigError as exc:
        log.error("station database address refused (%s): this desk works alone", exc)
        return DeskStation(LocalCoordinator(desk=desk, connection_id=connection_id))
    password = station_password(config, tokens)
    conninfo = config.conninfo(password)
    coordinator = StationCoordinator(
        config, local, desk=desk, connection_id=connection_id, password=password
    )
    coordinator.heartbeat()
    keeper = LeaseKeeper(
        lambda: connect_station_db(conninfo),
        desk=desk,
        lease_s=lease_s,
        interval_s=config.heartbeat_s,
    )
    keeper.start()
    return DeskStation(coordinator, keeper)


def station_database(database_url: str) -> StationDbConfig | None:
    """The station database ``database_url`` names, or ``None``: no URL, or one that cannot be
    used (the outbox worker logs why when it opens the desk's station)."""
    url = database_url.strip()
    if not url:
        return None
    try:
        return StationDbConfig(url)
    except StationConfigError:
        return None


def station_password(config: StationDbConfig, tokens: TokenStore | None) -> str | None:
    """The station database's password from the keyring; ``None`` when the URL holds it, none
    is saved, or there is no keyring (libpq may still find one: ``~/.pgpass``,
    ``PGPASSWORD``). Reads the keyring, which may wait: not on the GUI thread."""
    try:
        return load_password(config, tokens)
    except NoKeyringError:
        log.warning("no keyring: the station database password must come from libpq")
        return None


def station_conninfo(config: StationDbConfig, tokens: TokenStore | None) -> str:
    """What libpq connects to the station database with, password included (see
    :func:`station_password`: reads the keyring)."""
    return config.conninfo(station_password(config, tokens))


def finished_by_store(result: ShipResult) -> bool:
    """Whether the store's answer to a shipment says nothing is left to pack."""
    order = result.order
    if order is None:
        return True  # the store confirmed the shipment pack mode asked for (all it scanned)
    return order.status is not OrderStatus.CANCELLED and not any(
        line.remaining for line in order.lines
    )


def _coordinator(resources: OutboxResources) -> DeskCoordinator:
    station = resources.station
    if station is None:
        return LocalCoordinator(desk="desk", connection_id=resources.connection_id)
    return station.coordinator


def _set_packer(coordinator: DeskCoordinator, packer: str) -> None:
    if isinstance(coordinator, StationCoordinator):
        coordinator.packer = packer


def claim_order(resources: OutboxResources, order_id: str, *, packer: str) -> Claim | Refusal:
    """Claim ``order_id`` for this desk and packer, or who holds (or finished) it."""
    coordinator = _coordinator(resources)
    _set_packer(coordinator, packer)
    return coordinator.claim(order_id)


def claim_next_order(
    resources: OutboxResources, candidates: Sequence[str], *, packer: str
) -> Claim | None:
    """The first of ``candidates`` no desk holds or finished, claimed for this desk."""
    coordinator = _coordinator(resources)
    _set_packer(coordinator, packer)
    return coordinator.claim_next(candidates)


def release_order(resources: OutboxResources, order_id: str, reason: ReleaseReason) -> None:
    _coordinator(resources).release(order_id, reason)


def record_wrong_scan(
    resources: OutboxResources, order_id: str, order_number: str, message: str, *, packer: str
) -> None:
    """A wrong item scanned in pack mode: into the station's audit (the shift's numbers)."""
    coordinator = _coordinator(resources)
    _set_packer(coordinator, packer)
    coordinator.record(
        AuditEvent(kind="wrong_scan", order_id=order_id, order_number=order_number, message=message)
    )


def hold_changed(resources: OutboxResources, order_id: str, *, held: bool) -> None:
    """A packer put the order on hold here (this desk's claim ends and "next order" at every
    desk leaves it out) or lifted the hold (it may be offered again at once)."""
    coordinator = _coordinator(resources)
    if held:
        coordinator.hold_placed(order_id)
    else:
        coordinator.hold_lifted(order_id)


def load_shift_numbers(resources: OutboxResources, day: date | None = None) -> ShiftNumbers:
    """The shift's numbers of ``day`` (today) from the station database's audit log. Raises
    ``StationUnreachable`` without one (or while it cannot be reached)."""
    coordinator = _coordinator(resources)
    if not isinstance(coordinator, StationCoordinator):
        raise StationUnreachable(NO_STATION_DATABASE)
    # What this desk has not told the server yet counts too.
    coordinator.flush()
    coordinator.sync_local_audit()
    since, until = reports.day_bounds(day)
    label = (day or date.today()).isoformat()
    return coordinator.read(lambda conn: reports.load_shift(conn, since, until, day=label))


def claims_elsewhere(resources: OutboxResources) -> list[ClaimHolder] | None:
    """Other desks' live claims ([] for a desk alone; None while the server is away)."""
    coordinator = _coordinator(resources)
    if not isinstance(coordinator, StationCoordinator):
        return []
    return coordinator.claims_elsewhere()


def station_heartbeat(resources: OutboxResources) -> CoordinationStatus:
    """Renew this desk, copy what the station database has not been told yet (audit events,
    the outbox's states), and say whether coordination is on."""
    coordinator = _coordinator(resources)
    status = coordinator.heartbeat()
    if isinstance(coordinator, StationCoordinator):
        coordinator.flush()
        coordinator.sync_local_audit()
        status = coordinator.status
    return status


def record_shipped(resources: OutboxResources, order_id: str, result: ShipResult) -> None:
    """The store confirmed a shipment: audit it and, if the order is finished, end the
    claim (other desks' lists hear of it)."""
    coordinator = _coordinator(resources)
    shipment = result.shipment
    coordinator.record(
        AuditEvent(
            kind="packed",
            order_id=order_id,
            order_number=result.order.number if result.order is not None else "",
            outcome="shipped",
            items=sum(line.quantity for line in shipment.lines) if shipment is not None else 0,
            boxes=1,
            carrier=(shipment.carrier or "") if shipment is not None else "",
            tracking=(shipment.tracking_number or "") if shipment is not None else "",
        )
    )
    if finished_by_store(result):
        coordinator.release(order_id, ReleaseReason.SHIPPED)


def refresh_order(resources: OutboxResources, ref: OrderRef) -> Order | None:
    """Another desk changed ``ref``: read it from the store and write it to the cache (one
    order, no sync). None when the store cannot be asked now."""
    from fulfillment_station.connectors.errors import ConnectorError

    try:
        order = resources.connector.get_order(ref.order_id)
    except ConnectorError as exc:
        log.info("could not re-read %s after a change at another desk: %s", ref.order_id, exc)
        return None
    resources.cache.upsert_many([order], connection=ref.connection)
    return order

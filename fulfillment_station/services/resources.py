"""What each kind of worker thread holds: one typed resource class per kind, made on the thread
that uses it and closed there (SQLite connections and httpx clients never cross threads).

* :class:`ReaderResources` — a read connection to the order cache (finding and opening orders
  never waits behind a sync).
* :class:`SyncResources` — the sync's connector and cache writer.
* :class:`OutboxResources` — the write path: its own connector, the outbox store with the
  audit log, the outbox service, and a cache writer for the orders a write changed.
* :class:`PrintResources` — the print queue's service and a cache reader.

The ``*_resources`` factories return the callables the wiring module hands to a worker. The
operations these resources serve are in :mod:`fulfillment_station.services.operations`. No Qt.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector, ShipResult
from fulfillment_station.domain.messages import Message
from fulfillment_station.services.actions import Action
from fulfillment_station.services.outbox_service import RECOVERY_GRACE_S, OutboxService
from fulfillment_station.services.station_ops import (
    DeskStation,
    open_desk_station,
    record_shipped,
)
from fulfillment_station.station.config import DEFAULT_LEASE_S
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.outbox import Outbox
from fulfillment_station.store.outbox_recovery import open_outbox_store
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import Settings

if TYPE_CHECKING:  # reportlab comes with the print service: imported on the print worker
    from fulfillment_station.services.print_service import PrintService


@dataclass(frozen=True)
class ConnectionConfig:
    """One store connection as the app opens it (a profile with its token, or training)."""

    id: str
    dialect: str
    base_url: str
    token: str | None
    label: str
    training: bool = False
    ca_bundle: str | None = None


@dataclass
class ReaderResources:
    cache: OrderCache

    def close(self) -> None:
        self.cache.close()


@dataclass
class SyncResources:
    cache: OrderCache
    connector: Connector

    def close(self) -> None:
        try:
            self.connector.close()
        finally:
            self.cache.close()


@dataclass
class OutboxResources:
    cache: OrderCache
    connector: Connector
    outbox_service: OutboxService
    outbox_store: sqlite3.Connection
    #: prints the label a store sells with a shipment as the answer arrives (Price2b)
    print_service: PrintService | None = None
    #: sentences for the packer from opening the outbox (a damaged file recovered), taken and
    #: shown once by the first pump that reports to the window
    notices: list[Message] = field(default_factory=list)
    #: the desk's coordinator (claims, shared outbox, audit): alone or the station database
    station: DeskStation | None = None

    @property
    def connection_id(self) -> str:
        return self.outbox_service.connection_id

    def close(self) -> None:
        try:
            if self.station is not None:
                self.station.close()
            self.connector.close()
            self.outbox_store.close()
            if self.print_service is not None:
                self.print_service.queue.conn.close()
        finally:
            self.cache.close()


@dataclass
class PrintResources:
    cache: OrderCache
    print_service: PrintService

    def close(self) -> None:
        try:
            self.print_service.queue.conn.close()
        finally:
            self.cache.close()


def reader_resources(cache_path: Path) -> Callable[[], ReaderResources]:
    return lambda: ReaderResources(OrderCache(cache_path))


def sync_resources(
    config: ConnectionConfig, cache_path: Path, **connector_options: Any
) -> Callable[[], SyncResources]:
    def make() -> SyncResources:
        return SyncResources(
            OrderCache(cache_path),
            connect(config.dialect, config.base_url, config.token, **connector_options),
        )

    return make


def outbox_resources(
    config: ConnectionConfig,
    cache_path: Path,
    outbox_path: Path,
    *,
    station: str,
    recovery_grace_s: float = RECOVERY_GRACE_S,
    print_queue_path: Path | None = None,
    settings: Callable[[], Settings] | None = None,
    station_database_url: str = "",
    claim_lease_s: float = DEFAULT_LEASE_S,
    tokens: TokenStore | None = None,
    **connector_options: Any,
) -> Callable[[], OutboxResources]:
    """The outbox worker's parts: its own connector, outbox store and cache writer. With a
    print queue, a label the store sells with a shipment is printed as the answer arrives.
    With ``station_database_url`` the desk coordinates with the others through the station
    database: a shipment another desk holds or has queued is refused before it is queued,
    and a confirmed one ends the claim."""

    def make() -> OutboxResources:
        # The outbox first: a damaged file is recovered (or refused) before the network.
        opened = open_outbox_store(outbox_path)
        store = opened.conn
        try:
            connector = connect(config.dialect, config.base_url, config.token, **connector_options)
        except BaseException:
            store.close()
            raise
        outbox: Outbox[Action] = Outbox(
            store, AuditLog(store, station=station), decode=Action.model_validate
        )
        cache = OrderCache(cache_path)
        on_shipped = None
        print_service = None
        if (
            print_queue_path is not None
            and settings is not None
            and connector.capabilities.returns_label
        ):
            from fulfillment_station.services.print_service import PrintService
            from fulfillment_station.services.store_labels import StoreLabelPrinter

            print_service = PrintService(PrintQueue.open(print_queue_path), settings)
            on_shipped = StoreLabelPrinter(
                connector, print_service, lambda oid: cache.get(oid, connection=config.id)
            )
        desk_station = open_desk_station(
            station_database_url,
            store,
            desk=station,
            connection_id=config.id,
            lease_s=claim_lease_s,
            tokens=tokens,
        )
        resources: OutboxResources | None = None
        label_printer = on_shipped

        def shipped(order_id: str, result: ShipResult) -> None:
            if label_printer is not None:
                label_printer(order_id, result)
            if resources is not None:
                record_shipped(resources, order_id, result)

        service = OutboxService(
            outbox,
            connector,
            connection_id=config.id,
            recovery_grace_s=recovery_grace_s,
            before_queue=desk_station.coordinator.before_queue,
            on_shipped=shipped,
        )
        notices = [opened.notice] if opened.notice else []
        resources = OutboxResources(
            cache, connector, service, store, print_service, notices, desk_station
        )
        return resources

    return make


def print_resources(
    cache_path: Path, queue_path: Path, settings: Callable[[], Settings]
) -> Callable[[], PrintResources]:
    """The print worker's parts: the print queue (jobs a crash interrupted are marked, never
    re-sent blindly) and a cache reader for the orders it prints. ``settings`` is read at
    each print, so printer choices apply as soon as they are saved."""

    def make() -> PrintResources:
        # Imported here, on the print worker's thread: PDF and label rendering (reportlab)
        # costs a few tenths of a second of start-up the window need not wait for.
        from fulfillment_station.services.print_service import PrintService

        queue = PrintQueue.open(queue_path)
        queue.recover_interrupted()
        return PrintResources(OrderCache(cache_path), PrintService(queue, settings))

    return make

"""Wiring: the one place that builds the parts (sandbox in training mode, connector factory,
cache paths, workers, window) and hands them in through constructors. Nothing else creates
collaborators on its own, so tests build the same parts with their own paths."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.paths import data_dir

log = logging.getLogger(__name__)

TRAINING_DIALECT = "nexus"
TRAINING_TOKEN = "training-mode"  # loopback-only fake store: not a secret
TRAINING_ORDERS = 300


@dataclass(frozen=True)
class ConnectionConfig:
    id: str
    dialect: str
    base_url: str
    token: str | None
    label: str
    training: bool = False


@dataclass
class WorkerResources:
    """What lives on a worker thread: made there, closed there."""

    cache: OrderCache
    connector: Connector | None = None

    def close(self) -> None:
        if self.connector is not None:
            self.connector.close()
        self.cache.close()


def sync_resources(config: ConnectionConfig, cache_path: Path,
                   **connector_options: Any) -> Callable[[], WorkerResources]:
    def make() -> WorkerResources:
        return WorkerResources(OrderCache(cache_path),
                               connect(config.dialect, config.base_url, config.token,
                                       **connector_options))
    return make


def reader_resources(cache_path: Path) -> Callable[[], WorkerResources]:
    return lambda: WorkerResources(OrderCache(cache_path))


def start_training_sandbox(root: Path):  # type: ignore[no-untyped-def]  # -> SandboxServer
    """The embedded training store: a nexus sandbox on a free loopback port whose SQLite file
    lives in the data dir, so practice shipments survive a restart."""
    from fulfillment_station.sandbox.server import SandboxServer

    folder = root / "training"
    folder.mkdir(parents=True, exist_ok=True)
    server = SandboxServer(TRAINING_DIALECT, db_path=folder / f"{TRAINING_DIALECT}.sqlite",
                           token=TRAINING_TOKEN, orders=TRAINING_ORDERS, seed=1)
    server.start()
    return server


def run_gui(*, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.ui.main_window import MainWindow, WindowOptions
    from fulfillment_station.ui.tasks import ConnectionWorker

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("fulfillment-station")
    root = data_dir()
    # No connection settings exist yet in this build, so the app always starts in training mode
    # (``--demo`` asks for it explicitly).
    sandbox = start_training_sandbox(root)
    config = ConnectionConfig(id="training", dialect=TRAINING_DIALECT,
                              base_url=sandbox.base_url, token=TRAINING_TOKEN,
                              label="Training store (NexusCommerce sandbox)", training=True)
    log.info("training mode on %s (demo=%s)", sandbox.base_url, demo)
    cache_path = root / "training-cache.sqlite3"
    sync_worker = ConnectionWorker(sync_resources(config, cache_path), name="sync")
    reader = ConnectionWorker(reader_resources(cache_path), name="reader")
    window = MainWindow(WindowOptions(config.id, config.label, training=config.training),
                        sync_worker, reader)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        sync_worker.stop()
        reader.stop()
        sandbox.close()

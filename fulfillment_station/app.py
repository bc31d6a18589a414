"""Wiring: the one place that builds the parts (sandbox in training mode, connector factory,
cache paths, workers, window) and hands them in through constructors. Nothing else creates
collaborators on its own, so tests build the same parts with their own paths."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.connectors import connect, connector_class
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.http import connector_options
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.actions import Action
from fulfillment_station.services.diagnostics import (
    Redactor,
    configure_logging,
    diagnostics_text,
    log_dir,
)
from fulfillment_station.services.outbox_service import RECOVERY_GRACE_S, OutboxService
from fulfillment_station.services.print_service import PrintService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import Outbox
from fulfillment_station.store.paths import data_dir
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.secrets import NoKeyringError, TokenStore
from fulfillment_station.store.settings import Settings, SettingsStore

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
    ca_bundle: str | None = None


@dataclass
class WorkerResources:
    """What lives on a worker thread: made there, closed there."""

    cache: OrderCache
    connector: Connector | None = None
    outbox_service: OutboxService | None = None
    outbox_store: sqlite3.Connection | None = None
    print_service: PrintService | None = None

    def close(self) -> None:
        if self.connector is not None:
            self.connector.close()
        if self.outbox_store is not None:
            self.outbox_store.close()
        if self.print_service is not None:
            self.print_service.queue.conn.close()
        self.cache.close()


def sync_resources(config: ConnectionConfig, cache_path: Path,
                   **connector_options: Any) -> Callable[[], WorkerResources]:
    def make() -> WorkerResources:
        return WorkerResources(OrderCache(cache_path),
                               connect(config.dialect, config.base_url, config.token,
                                       **connector_options))
    return make


def outbox_resources(config: ConnectionConfig, cache_path: Path, outbox_path: Path, *,
                     station: str, recovery_grace_s: float = RECOVERY_GRACE_S,
                     **connector_options: Any) -> Callable[[], WorkerResources]:
    """The outbox worker's parts: its own connector, outbox store and cache writer."""
    def make() -> WorkerResources:
        connector = connect(config.dialect, config.base_url, config.token, **connector_options)
        store = open_store(outbox_path)
        outbox: Outbox[Action] = Outbox(store, AuditLog(store, station=station),
                                        decode=Action.model_validate)
        service = OutboxService(outbox, connector, connection_id=config.id,
                                recovery_grace_s=recovery_grace_s)
        return WorkerResources(OrderCache(cache_path), connector, service, store)
    return make


def print_resources(cache_path: Path, queue_path: Path,
                    settings: Callable[[], Settings]) -> Callable[[], WorkerResources]:
    """The print worker's parts: the print queue (jobs a crash interrupted are marked, never
    re-sent blindly) and a cache reader for the orders it prints."""
    def make() -> WorkerResources:
        queue = PrintQueue.open(queue_path)
        queue.recover_interrupted()
        return WorkerResources(OrderCache(cache_path), print_service=PrintService(queue, settings))
    return make


def reader_resources(cache_path: Path) -> Callable[[], WorkerResources]:
    return lambda: WorkerResources(OrderCache(cache_path))


def start_training_sandbox(root: Path) -> SandboxServer:
    """The embedded training store: a nexus sandbox on a free loopback port whose SQLite file
    lives in the data dir, so practice shipments survive a restart."""
    folder = root / "training"
    folder.mkdir(parents=True, exist_ok=True)
    server = SandboxServer(TRAINING_DIALECT, db_path=folder / f"{TRAINING_DIALECT}.sqlite",
                           token=TRAINING_TOKEN, orders=TRAINING_ORDERS, seed=1)
    server.start()
    return server


def choose_connection(settings: Settings, tokens: TokenStore, root: Path, *, demo: bool
                      ) -> tuple[ConnectionConfig, SandboxServer | None, str]:
    """The connection to open: the active profile, or the embedded training store when none
    is configured (or ``--demo``). Returns (config, sandbox to stop at exit, notice)."""
    profile = None if demo else settings.active_profile()
    if profile is None:
        sandbox = start_training_sandbox(root)
        config = ConnectionConfig(id="training", dialect=TRAINING_DIALECT,
                                  base_url=sandbox.base_url, token=TRAINING_TOKEN,
                                  label="Training store (NexusCommerce sandbox)", training=True)
        return config, sandbox, ""
    notice = ""
    try:
        token = tokens.get(profile.id)
    except NoKeyringError as exc:
        token, notice = None, exc.user_message
    if token is None and not notice:
        notice = (f"No API token is saved for {profile.label}. Open Settings → Connections "
                  "and enter it.")
    return (ConnectionConfig(id=profile.id, dialect=profile.dialect, base_url=profile.base_url,
                             token=token, label=profile.label, ca_bundle=profile.ca_bundle),
            None, notice)


@dataclass
class AppParts:
    """Everything ``build_app`` made, so ``run_gui`` (and tests) can run and close it."""

    window: Any
    actions: Any
    pack_view: Any
    scanner: Any
    workers: tuple[Any, ...]
    sandbox: SandboxServer | None
    crash: Any
    logging_setup: Any
    config: ConnectionConfig

    def start(self) -> None:
        self.window.show()
        self.window.start()
        self.actions.start()

    def close(self, app: Any) -> None:
        self.scanner.uninstall(app)
        self.actions.stop()
        self.crash.uninstall()
        for worker in self.workers:
            worker.stop()
        if self.sandbox is not None:
            self.sandbox.close()
        self.logging_setup.close()


def build_app(app: Any, *, settings_store: SettingsStore, tokens: TokenStore, root: Path,
              redactor: Redactor, logging_setup: Any, demo: bool = False) -> AppParts:
    """Build every part of the GUI for the configured connection (or training) and hand them
    to each other. Nothing is started: ``AppParts.start`` does that."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu

    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.crash import install_excepthook
    from fulfillment_station.ui.main_window import MainWindow, WindowOptions
    from fulfillment_station.ui.order_actions import OrderActions
    from fulfillment_station.ui.pack_host import WorkerPackHost
    from fulfillment_station.ui.pack_mode import PackModeOptions, PackModeView
    from fulfillment_station.ui.settings_dialog import SettingsDialog
    from fulfillment_station.ui.sounds import Sounds
    from fulfillment_station.ui.tasks import ConnectionWorker
    from fulfillment_station.ui.workbench import OrderDialogs, build_workbench, install_scanner

    settings = settings_store.load()
    config, sandbox, notice = choose_connection(settings, tokens, root, demo=demo)
    log.info("opening %s (%s at %s)", config.id, config.dialect, config.base_url)

    def diagnostics() -> str:
        current = settings_store.load()
        return diagnostics_text(current, current.active_profile(),
                                logging_setup.recent.lines(), redactor=redactor)

    crash = install_excepthook(app, log_dir() / "crashes", redactor=redactor,
                               diagnostics=diagnostics)
    cache_path = root / f"cache-{config.id}.sqlite3"
    options = connector_options(config.ca_bundle)
    sync_worker = ConnectionWorker(sync_resources(config, cache_path, **options), name="sync")
    reader = ConnectionWorker(reader_resources(cache_path), name="reader")
    outbox_worker = ConnectionWorker(
        outbox_resources(config, cache_path, root / f"outbox-{config.id}.sqlite3",
                         station=settings["station.station_name"] or "desk", **options),
        name="outbox")
    print_worker = ConnectionWorker(
        print_resources(cache_path, root / "print-queue.sqlite3", settings_store.load),
        name="print")
    utility = ConnectionWorker(lambda: None, close_resources=lambda _r: None, name="utility")
    workers = (sync_worker, reader, outbox_worker, print_worker, utility)
    window = MainWindow(WindowOptions(config.id, config.label, training=config.training,
                                      sync_interval_s=settings["general.sync_interval_s"]),
                        sync_worker, reader)
    packer = lambda: settings_store.load()["station.packer_name"]  # noqa: E731
    actions = OrderActions(outbox_worker, packer=packer)
    capabilities = connector_class(config.dialect).CAPABILITIES
    dialogs = OrderDialogs(window, reader, actions, capabilities)
    build_workbench(window, capabilities=capabilities, actions=actions,
                    print_worker=print_worker, open_dialog=dialogs.open)
    host = WorkerPackHost(reader=reader, outbox=outbox_worker, printer=print_worker,
                          next_after=window.next_after, packer=packer,
                          on_shipped=lambda _record: actions.pump(),
                          on_print_message=lambda text: window.statusBar().showMessage(
                              text, 8000))
    sounds = Sounds(volume=settings["sounds.volume"] / 100,
                    muted=not settings["sounds.enabled"])
    pack_view = PackModeView(
        host, PackProgress(root / "pack-progress.sqlite3"), sounds,
        PackModeOptions(font_point_size=settings["pack.font_size"],
                        auto_print=settings["pack.auto_print"],
                        allow_ship_unverified=settings["pack.allow_ship_all_unverified"]))
    window.set_pack_view(pack_view)
    scanner = install_scanner(app, window, max_gap_ms=settings["scanner.max_gap_ms"],
                              min_length=settings["scanner.min_length"])

    def open_settings() -> None:
        dialog = SettingsDialog(settings_store, tokens, worker=utility, parent=window)
        dialog.saved.connect(lambda _s: window.statusBar().showMessage(
            window.tr("Settings saved. A changed connection opens at the next start."),
            10_000))
        dialog.open()

    menu = QMenu(window.tr("&File"), window)
    window.menuBar().insertMenu(window.menuBar().actions()[0], menu)
    settings_action = QAction(window.tr("&Settings…"), window)
    settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
    settings_action.triggered.connect(open_settings)
    copy_action = QAction(window.tr("Copy &diagnostics"), window)
    copy_action.triggered.connect(lambda: (app.clipboard().setText(diagnostics()),
                                           window.statusBar().showMessage(
                                               window.tr("Diagnostics copied (no tokens)."),
                                               5000)))
    quit_action = QAction(window.tr("&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    menu.addActions([settings_action, copy_action])
    menu.addSeparator()
    menu.addAction(quit_action)
    if notice:
        window.error_banner.show_message(notice)
    return AppParts(window, actions, pack_view, scanner, workers, sandbox, crash,
                    logging_setup, config)


def run_gui(*, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QDialog

    from fulfillment_station.ui.first_run import FirstRunDialog, is_first_run
    from fulfillment_station.ui.i18n import install_translator
    from fulfillment_station.ui.theme import app_icon

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("fulfillment-station")
    redactor = Redactor()
    logging_setup = configure_logging(redactor=redactor)
    settings_store = SettingsStore()
    install_translator(app, settings_store.load()["general.language"])  # before any widget
    app.setWindowIcon(app_icon())
    tokens = TokenStore(on_secret=redactor.add)
    if is_first_run(settings_store) and not demo:
        wizard = FirstRunDialog(settings_store, tokens)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0  # closed without a choice: nothing to open
    parts = build_app(app, settings_store=settings_store, tokens=tokens, root=data_dir(),
                      redactor=redactor, logging_setup=logging_setup, demo=demo)
    parts.start()
    try:
        return app.exec()
    finally:
        parts.close(app)

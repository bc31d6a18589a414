"""Wiring: the one place that builds the parts (sandbox in training mode, connector factory,
cache paths, workers, window) and hands them in through constructors. Nothing else creates
collaborators on its own, so tests build the same parts with their own paths.

``build_app`` builds everything for ONE connection (``AppParts``); ``session.AppSession``
owns the parts of the open connection and swaps them for another one while the app runs.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.connectors import DIALECT_MODULES, connect, connector_class
from fulfillment_station.connectors.base import Connector
from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.connectors.http import check_base_url, connector_options
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.services.actions import Action
from fulfillment_station.services.diagnostics import (
    Redactor,
    configure_logging,
    diagnostics_text,
)
from fulfillment_station.services.outbox_service import RECOVERY_GRACE_S, OutboxService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.file_checks import (
    CACHE_DAMAGED,
    PRINT_QUEUE_DAMAGED,
    set_aside_if_damaged,
)
from fulfillment_station.store.instance_lock import AlreadyRunning, InstanceLock
from fulfillment_station.store.outbox import Outbox
from fulfillment_station.store.outbox_recovery import open_outbox_store
from fulfillment_station.store.paths import data_dir
from fulfillment_station.store.print_queue import PrintQueue
from fulfillment_station.store.secrets import NoKeyringError, TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings, SettingsStore

if TYPE_CHECKING:  # the sandbox (FastAPI, uvicorn) is imported only when training starts
    from fulfillment_station.sandbox.server import SandboxServer
    from fulfillment_station.services.print_service import PrintService

log = logging.getLogger(__name__)

TRAINING_DIALECT = "nexus"
TRAINING_TOKEN = "training-mode"  # loopback-only fake store: not a secret
TRAINING_ORDERS = 300
#: The connection id of the embedded training store (its cache and outbox files carry it);
#: in settings, ``connections.active == ""`` means training.
TRAINING_ID = "training"
TRAINING_LABEL = QT_TRANSLATE_NOOP("AppConnection", "Training store (NexusCommerce sandbox)")


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
    #: sentences for the packer from opening these resources (a damaged outbox recovered),
    #: taken and shown once by the first task that reports to the window
    notices: list[str] = field(default_factory=list)

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
                     print_queue_path: Path | None = None,
                     settings: Callable[[], Settings] | None = None,
                     **connector_options: Any) -> Callable[[], WorkerResources]:
    """The outbox worker's parts: its own connector, outbox store and cache writer. With a
    print queue, a label the store sells with a shipment is printed as the answer arrives."""
    def make() -> WorkerResources:
        # The outbox first: a damaged file is recovered (or refused) before the network.
        opened = open_outbox_store(outbox_path)
        store = opened.conn
        try:
            connector = connect(config.dialect, config.base_url, config.token,
                                **connector_options)
        except BaseException:
            store.close()
            raise
        outbox: Outbox[Action] = Outbox(store, AuditLog(store, station=station),
                                        decode=Action.model_validate)
        cache = OrderCache(cache_path)
        on_shipped = None
        print_service = None
        if print_queue_path is not None and settings is not None \
                and connector.capabilities.returns_label:
            from fulfillment_station.services.print_service import PrintService
            from fulfillment_station.services.store_labels import StoreLabelPrinter

            print_service = PrintService(PrintQueue.open(print_queue_path), settings)
            on_shipped = StoreLabelPrinter(
                connector, print_service, lambda oid: cache.get(oid, connection=config.id))
        service = OutboxService(outbox, connector, connection_id=config.id,
                                recovery_grace_s=recovery_grace_s, on_shipped=on_shipped)
        notices = [opened.notice] if opened.notice else []
        return WorkerResources(cache, connector, service, store, print_service, notices=notices)
    return make


def print_resources(cache_path: Path, queue_path: Path,
                    settings: Callable[[], Settings]) -> Callable[[], WorkerResources]:
    """The print worker's parts: the print queue (jobs a crash interrupted are marked, never
    re-sent blindly) and a cache reader for the orders it prints."""
    def make() -> WorkerResources:
        # Imported here, on the print worker's thread: PDF and label rendering (reportlab)
        # costs about 0.2 s of start-up the window need not wait for.
        from fulfillment_station.services.print_service import PrintService

        queue = PrintQueue.open(queue_path)
        queue.recover_interrupted()
        return WorkerResources(OrderCache(cache_path), print_service=PrintService(queue, settings))
    return make


def _add_channel_sync(window: Any, capabilities: Any, worker: Any) -> None:
    """Order → Channel sync… where the store can fetch new orders from its marketplaces."""
    from fulfillment_station.connectors.base import Operation

    if not capabilities.supports(Operation.CHANNEL_SYNC):
        return
    from PySide6.QtCore import QCoreApplication

    from fulfillment_station.ui.channel_sync_dialog import ChannelSyncDialog

    menu = next((a.menu() for a in window.menuBar().actions() if a.menu() is not None
                 and a.text() == QCoreApplication.translate("MainWindow", "&Order")), None)
    if menu is None:
        return
    action = menu.addAction(QCoreApplication.translate("MainWindow", "Channel sync…"))
    action.triggered.connect(lambda: ChannelSyncDialog(worker, window).open())


def reader_resources(cache_path: Path) -> Callable[[], WorkerResources]:
    return lambda: WorkerResources(OrderCache(cache_path))


def start_training_sandbox(root: Path) -> SandboxServer:
    """The embedded training store: a nexus sandbox on a free loopback port whose SQLite file
    lives in the data dir, so practice shipments survive a restart."""
    folder = root / "training"
    folder.mkdir(parents=True, exist_ok=True)
    from fulfillment_station.sandbox.server import SandboxServer

    server = SandboxServer(TRAINING_DIALECT, db_path=folder / f"{TRAINING_DIALECT}.sqlite",
                           token=TRAINING_TOKEN, orders=TRAINING_ORDERS, seed=1)
    try:
        server.start()
    except BaseException:
        server.close()
        raise
    return server


def training_config(sandbox: SandboxServer) -> ConnectionConfig:
    return ConnectionConfig(id=TRAINING_ID, dialect=TRAINING_DIALECT, base_url=sandbox.base_url,
                            token=TRAINING_TOKEN, label=TRAINING_LABEL, training=True)


def profile_config(profile: ConnectionProfile, token: str | None) -> ConnectionConfig:
    return ConnectionConfig(id=profile.id, dialect=profile.dialect, base_url=profile.base_url,
                            token=token, label=profile.label, ca_bundle=profile.ca_bundle)


def connection_label(settings: Settings, target: str) -> str:
    """What the packer calls connection ``target`` (a profile id, or training)."""
    if target in ("", TRAINING_ID):
        return TRAINING_LABEL
    profile = settings.profile(target)
    return profile.label if profile is not None else target


def choose_connection(settings: Settings, tokens: TokenStore, root: Path, *, demo: bool
                      ) -> tuple[ConnectionConfig, SandboxServer | None, str]:
    """The connection to open at start: the active profile, or the embedded training store
    when none is configured (or ``--demo``). Returns (config, sandbox to stop at exit, notice).

    At start there is nothing to go back to, so a profile whose token cannot be read still
    opens (offline, its cache shown) with the notice in the banner."""
    profile = None if demo else settings.active_profile()
    if profile is None:
        sandbox = start_training_sandbox(root)
        return training_config(sandbox), sandbox, ""
    notice = ""
    try:
        token = tokens.get(profile.id)
    except NoKeyringError as exc:
        token, notice = None, exc.user_message
    if token is None and not notice:
        notice = no_token_notice(profile.label)
    return profile_config(profile, token), None, notice


#: Why a connection cannot open, for the banner (translated by the UI).
NO_TOKEN = QT_TRANSLATE_NOOP("AppConnection", "No API token is saved for {name}. Open "
                             "Settings → Connections and enter it.")
TRAINING_FAILED = QT_TRANSLATE_NOOP("AppConnection",
                                    "The training store could not be started ({error}).")
PROFILE_GONE = QT_TRANSLATE_NOOP("AppConnection",
                                 "That connection is no longer in the settings.")
UNKNOWN_API = QT_TRANSLATE_NOOP("AppConnection",
                                "{name} uses an API this version does not know ({dialect}).")


def no_token_notice(label: str) -> str:
    return NO_TOKEN.format(name=label)


class ConnectionUnavailable(Exception):
    """A connection cannot be opened as it is configured; ``user_message`` says why (one
    sentence the packer can act on)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def open_connection(settings: Settings, tokens: TokenStore, root: Path, target: str
                    ) -> tuple[ConnectionConfig, SandboxServer | None]:
    """The connection to switch to (a profile id, or ``""``/``"training"``), checked as far as
    can be without the network: the profile exists, its dialect is known, its URL is one the
    connectors accept and its token is in the keyring. Starts the training sandbox for
    training. Raises ``ConnectionUnavailable`` otherwise, before anything of the open
    connection is closed. (An unreachable store is not refused: it opens offline, as at
    start, and the outbox queues what the packer does.)"""
    if target in ("", TRAINING_ID):
        try:
            sandbox = start_training_sandbox(root)
        except (OSError, RuntimeError) as exc:
            log.warning("training sandbox did not start: %s", exc)
            raise ConnectionUnavailable(TRAINING_FAILED.format(error=str(exc))) from exc
        return training_config(sandbox), sandbox
    profile = settings.profile(target)
    if profile is None:
        raise ConnectionUnavailable(PROFILE_GONE)
    if profile.dialect not in DIALECT_MODULES:
        raise ConnectionUnavailable(UNKNOWN_API.format(name=profile.label,
                                                       dialect=profile.dialect))
    try:
        check_base_url(profile.base_url)
        token = tokens.get(profile.id)
    except (InsecureConnection, NoKeyringError) as exc:
        raise ConnectionUnavailable(exc.user_message) from exc
    if token is None:
        raise ConnectionUnavailable(no_token_notice(profile.label))
    return profile_config(profile, token), None


@dataclass(frozen=True)
class AppServices:
    """What outlives a connection: settings, the keyring, the data dir, logging. One per
    process; every ``build_app`` gets the same one."""

    settings_store: SettingsStore
    tokens: TokenStore
    root: Path
    redactor: Redactor
    logging_setup: Any
    #: Extra client options for every connector (tests: no backoff sleeps).
    connector_overrides: Mapping[str, Any] = field(default_factory=dict)

    def diagnostics(self) -> str:
        current = self.settings_store.load()
        return diagnostics_text(current, current.active_profile(),
                                self.logging_setup.recent.lines(), redactor=self.redactor)


@dataclass
class AppParts:
    """Everything ``build_app`` made for one connection, so the session (and tests) can run,
    freeze and close it."""

    window: Any
    actions: Any
    pack_view: Any
    scanner: Any
    workers: tuple[Any, ...]
    sandbox: SandboxServer | None
    config: ConnectionConfig
    file_menu: Any
    outbox_worker: Any

    def start(self) -> None:
        self.window.show()
        self.window.start()
        self.actions.start()

    def freeze(self, app: Any) -> None:
        """Take no new work (before a switch): no scans, clicks, timers or syncs; what is
        already running on the workers goes on."""
        self.scanner.uninstall(app)
        self.actions.stop()
        self.window.sync_timer.stop()
        self.window.cancel_current_sync()
        self.window.setEnabled(False)

    def close(self, app: Any) -> None:
        """Stop everything of this connection: each worker closes its resources on its own
        thread and ends it; the training sandbox stops."""
        self.scanner.uninstall(app)
        self.actions.stop()
        for worker in self.workers:
            worker.stop()
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None


@dataclass(frozen=True)
class SessionHooks:
    """What the window's File menu asks of the session that owns it."""

    switch_to: Callable[[str], object] = lambda _target: None
    settings_saved: Callable[[Settings], object] = lambda _settings: None
    #: Shared by every connection: its rows are keyed by (connection, order id).
    pack_progress: Any = None


def build_app(app: Any, services: AppServices, config: ConnectionConfig,
              sandbox: SandboxServer | None, hooks: SessionHooks | None = None) -> AppParts:
    """Build every part of the GUI for ``config`` and hand them to each other. Nothing is
    started: ``AppParts.start`` does that."""
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.main_window import MainWindow, WindowOptions
    from fulfillment_station.ui.order_actions import OrderActions
    from fulfillment_station.ui.pack_host import WorkerPackHost
    from fulfillment_station.ui.pack_mode import PackModeOptions, PackModeView
    from fulfillment_station.ui.settings_dialog import SettingsDialog
    from fulfillment_station.ui.sounds import Sounds
    from fulfillment_station.ui.tasks import ConnectionWorker
    from fulfillment_station.ui.workbench import (
        FileMenuEntries,
        OrderDialogs,
        build_file_menu,
        build_workbench,
        install_scanner,
    )

    hooks = hooks or SessionHooks()
    settings_store, root = services.settings_store, services.root
    settings = settings_store.load()
    log.info("opening %s (%s at %s)", config.id, config.dialect, config.base_url)
    cache_path = root / f"cache-{config.id}.sqlite3"
    queue_path = root / "print-queue.sqlite3"
    # Checked here, before any worker opens them; the outbox is checked by its own worker.
    file_notices = [*settings_store.problems,
                    *(notice for notice in (set_aside_if_damaged(cache_path, CACHE_DAMAGED),
                                            set_aside_if_damaged(queue_path,
                                                                 PRINT_QUEUE_DAMAGED))
                      if notice)]
    options = {**connector_options(config.ca_bundle), **services.connector_overrides}
    sync_worker = ConnectionWorker(sync_resources(config, cache_path, **options), name="sync")
    reader = ConnectionWorker(reader_resources(cache_path), name="reader")
    outbox_worker = ConnectionWorker(
        outbox_resources(config, cache_path, root / f"outbox-{config.id}.sqlite3",
                         station=settings["station.station_name"] or "desk",
                         print_queue_path=root / "print-queue.sqlite3",
                         settings=settings_store.load, **options),
        name="outbox")
    print_worker = ConnectionWorker(
        print_resources(cache_path, queue_path, settings_store.load),
        name="print")
    utility = ConnectionWorker(lambda: None, close_resources=lambda _r: None, name="utility")
    workers = (sync_worker, reader, outbox_worker, print_worker, utility)
    window = MainWindow(WindowOptions(config.id, config.label, training=config.training,
                                      sync_interval_s=settings["general.sync_interval_s"]),
                        sync_worker, reader)
    packer = lambda: settings_store.load()["station.packer_name"]  # noqa: E731
    actions = OrderActions(outbox_worker, packer=packer)
    capabilities = connector_class(config.dialect).CAPABILITIES
    window.filter_bar.configure(capabilities)  # only the filters this store has
    dialogs = OrderDialogs(window, reader, actions, capabilities)
    build_workbench(window, capabilities=capabilities, actions=actions,
                    print_worker=print_worker, open_dialog=dialogs.open)
    _add_channel_sync(window, capabilities, sync_worker)
    host = WorkerPackHost(reader=reader, outbox=outbox_worker, printer=print_worker,
                          next_after=window.next_after, packer=packer,
                          on_shipped=lambda _record: actions.pump(),
                          on_print_message=lambda text: window.statusBar().showMessage(
                              text, 8000))
    sounds = Sounds(volume=settings["sounds.volume"] / 100,
                    muted=not settings["sounds.enabled"])
    progress = hooks.pack_progress
    if progress is None:
        progress = PackProgress(root / "pack-progress.sqlite3")
        window.destroyed.connect(lambda _o=None, p=progress: p.close())
    pack_view = PackModeView(
        host, progress, sounds,
        PackModeOptions(font_point_size=settings["pack.font_size"],
                        auto_print=settings["pack.auto_print"],
                        allow_ship_unverified=settings["pack.allow_ship_all_unverified"]))
    window.set_pack_view(pack_view)
    if file_notices:
        from fulfillment_station.ui.i18n import translate_message

        window.error_banner.show_message(" ".join(translate_message(n) for n in file_notices))
    scanner = install_scanner(app, window, max_gap_ms=settings["scanner.max_gap_ms"],
                              min_length=settings["scanner.min_length"])

    def open_settings() -> None:
        dialog = SettingsDialog(settings_store, services.tokens, worker=utility, parent=window)
        dialog.saved.connect(hooks.settings_saved)
        dialog.open()

    connections = [(TRAINING_ID, TRAINING_LABEL)]
    connections += [(p.id, p.label) for p in settings.connections]
    file_menu = build_file_menu(window, FileMenuEntries(
        connections=connections, current=config.id, switch_to=hooks.switch_to,
        open_settings=open_settings,
        copy_diagnostics=lambda: app.clipboard().setText(services.diagnostics())))
    return AppParts(window, actions, pack_view, scanner, workers, sandbox, config, file_menu,
                    outbox_worker)


#: How long a thread may hold the GIL while another waits (Python's default: 5 ms). Qt calls
#: into Python for every cell it paints, and each call waits for the GIL when a worker runs
#: Python (parsing a sync page, rendering a PDF): at 5 ms a repaint of the order table took
#: over a second while a worker was busy, at 0.2 ms about a tenth of that
#: (``benchmarks/bench_gui.py``, ``gui_repaint_while_a_worker_computes``).
GUI_SWITCH_INTERVAL_S = 0.0002


def run_gui(*, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QDialog

    from fulfillment_station.session import AppSession
    from fulfillment_station.ui.first_run import FirstRunDialog, is_first_run
    from fulfillment_station.ui.i18n import install_translator
    from fulfillment_station.ui.theme import app_icon

    app = QApplication.instance() or QApplication(sys.argv)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("fulfillment-station")
    redactor = Redactor()
    logging_setup = configure_logging(redactor=redactor)
    settings_store = SettingsStore()
    install_translator(app, settings_store.load()["general.language"])  # before any widget
    app.setWindowIcon(app_icon())
    root = data_dir()
    # One app per data folder: a second one would send the same outbox (held until exit).
    lock = InstanceLock(root)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        show_already_running(exc)
        logging_setup.close()
        return 1
    tokens = TokenStore(on_secret=redactor.add)
    if is_first_run(settings_store) and not demo:
        wizard = FirstRunDialog(settings_store, tokens)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            lock.release()
            logging_setup.close()
            return 0  # closed without a choice: nothing to open
    services = AppServices(settings_store, tokens, root, redactor, logging_setup)
    session = AppSession(app, services, demo=demo)
    session.start()
    try:
        return app.exec()
    finally:
        session.close()
        lock.release()


def show_already_running(exc: AlreadyRunning) -> None:
    """The second instance's one message: which folder is taken and by which process."""
    from PySide6.QtWidgets import QMessageBox

    from fulfillment_station.ui.i18n import translate_message

    log.warning("another instance holds the data folder: %s", exc)
    QMessageBox.critical(None, APP_NAME, translate_message(exc.user_message))

"""Wiring: the one place that builds the parts (sandbox in training mode, connector factory,
cache paths, workers, window) and hands them in through constructors. Nothing else creates
collaborators on its own, so tests build the same parts with their own paths.

``build_app`` builds everything for ONE connection (``AppParts``); ``session.AppSession``
owns the parts of the open connection and swaps them for another one while the app runs (this
module never imports it; the entry point is ``launch.run_gui``).

The settings are read once per process into a ``LiveSettings``; every part that uses an option
subscribes to it here, so an option saved in the settings dialog applies at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fulfillment_station.connectors import DIALECT_MODULES, connector_class
from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.connectors.http import check_base_url, connector_options
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.services.diagnostics import Redactor, diagnostics_text
from fulfillment_station.services.live_settings import LiveSettings
from fulfillment_station.services.resources import (
    ConnectionConfig,
    OutboxResources,
    PrintResources,
    ReaderResources,
    SyncResources,
    outbox_resources,
    print_resources,
    reader_resources,
    sync_resources,
)
from fulfillment_station.services.training_printer import (
    training_print_folder,
    with_training_printer,
)
from fulfillment_station.store.file_checks import (
    CACHE_DAMAGED,
    PRINT_QUEUE_DAMAGED,
    set_aside_if_damaged,
)
from fulfillment_station.store.secrets import NoKeyringError, TokenStore
from fulfillment_station.store.settings import (
    ConnectionProfile,
    Settings,
    SettingsStore,
    config_dir,
)

if TYPE_CHECKING:  # the sandbox (FastAPI, uvicorn) is imported only when training starts
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.connectors.base import Capabilities
    from fulfillment_station.sandbox.server import SandboxServer
    from fulfillment_station.services.diagnostics import LoggingSetup
    from fulfillment_station.services.pack_flow import FinishStep
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.common.scanner_filter import ScannerFilter
    from fulfillment_station.ui.common.tasks import ConnectionWorker
    from fulfillment_station.ui.desks.station_desk import StationDesk
    from fulfillment_station.ui.orders.order_actions import OrderActions
    from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView
    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher
    from fulfillment_station.ui.shell.main_window import MainWindow
    from fulfillment_station.ui.shell.workbench import FileMenu

__all__ = [  # the resources moved to services.resources; tests and benchmarks import them here
    "ConnectionConfig",
    "OutboxResources",
    "PrintResources",
    "ReaderResources",
    "SyncResources",
    "outbox_resources",
    "print_resources",
    "reader_resources",
    "sync_resources",
]

log = logging.getLogger(__name__)

TRAINING_DIALECT = "nexus"
TRAINING_TOKEN = "training-mode"  # loopback-only fake store: not a secret
TRAINING_ORDERS = 300
#: The connection id of the embedded training store (its cache and outbox files carry it);
#: in settings, ``connections.active == ""`` means training.
TRAINING_ID = "training"
TRAINING_LABEL = QT_TRANSLATE_NOOP("AppConnection", "Training store (NexusCommerce sandbox)")


def start_training_sandbox(root: Path) -> SandboxServer:
    """The embedded training store: a nexus sandbox on a free loopback port whose SQLite file
    lives in the data dir, so practice shipments survive a restart."""
    folder = root / "training"
    folder.mkdir(parents=True, exist_ok=True)
    from fulfillment_station.sandbox.server import SandboxServer

    server = SandboxServer(
        TRAINING_DIALECT,
        db_path=folder / f"{TRAINING_DIALECT}.sqlite",
        token=TRAINING_TOKEN,
        orders=TRAINING_ORDERS,
        seed=1,
    )
    try:
        server.start()
    except BaseException:
        server.close()
        raise
    return server


def training_config(sandbox: SandboxServer) -> ConnectionConfig:
    return ConnectionConfig(
        id=TRAINING_ID,
        dialect=TRAINING_DIALECT,
        base_url=sandbox.base_url,
        token=TRAINING_TOKEN,
        label=TRAINING_LABEL,
        training=True,
    )


def profile_config(profile: ConnectionProfile, token: str | None) -> ConnectionConfig:
    return ConnectionConfig(
        id=profile.id,
        dialect=profile.dialect,
        base_url=profile.base_url,
        token=token,
        label=profile.label,
        ca_bundle=profile.ca_bundle,
    )


def connection_label(settings: Settings, target: str) -> str:
    """What the packer calls connection ``target`` (a profile id, or training)."""
    if target in ("", TRAINING_ID):
        return TRAINING_LABEL
    profile = settings.profile(target)
    return profile.label if profile is not None else target


def choose_connection(
    settings: Settings, tokens: TokenStore, root: Path, *, demo: bool
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
NO_TOKEN = QT_TRANSLATE_NOOP(
    "AppConnection", "No API token is saved for {name}. Open Settings → Connections and enter it."
)
TRAINING_FAILED = QT_TRANSLATE_NOOP(
    "AppConnection", "The training store could not be started ({error})."
)
PROFILE_GONE = QT_TRANSLATE_NOOP("AppConnection", "That connection is no longer in the settings.")
UNKNOWN_API = QT_TRANSLATE_NOOP(
    "AppConnection", "{name} uses an API this version does not know ({dialect})."
)


def no_token_notice(label: str) -> str:
    return NO_TOKEN.format(name=label)


class ConnectionUnavailable(Exception):
    """A connection cannot be opened as it is configured; ``user_message`` says why (one
    sentence the packer can act on)."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def open_connection(
    settings: Settings, tokens: TokenStore, root: Path, target: str
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
        raise ConnectionUnavailable(UNKNOWN_API.format(name=profile.label, dialect=profile.dialect))
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
    logging_setup: LoggingSetup
    #: Extra client options for every connector (tests: no backoff sleeps).
    connector_overrides: Mapping[str, Any] = field(default_factory=dict)

    def diagnostics(self) -> str:
        current = self.settings_store.load()
        return diagnostics_text(
            current,
            current.active_profile(),
            self.logging_setup.recent.lines(),
            redactor=self.redactor,
        )


@dataclass
class AppWorkers:
    """The worker threads of one connection, one kind of resources each."""

    sync: ConnectionWorker[SyncResources]
    reader: ConnectionWorker[ReaderResources]
    outbox: ConnectionWorker[OutboxResources]
    print: ConnectionWorker[PrintResources]
    utility: ConnectionWorker[None]

    def all(self) -> tuple[ConnectionWorker[Any], ...]:
        return (self.sync, self.reader, self.outbox, self.print, self.utility)


@dataclass
class AppParts:
    """Everything ``build_app`` made for one connection, so the session (and tests) can run,
    freeze and close it."""

    window: MainWindow
    actions: OrderActions
    pack_view: PackModeView
    scanner: ScannerFilter
    workers: AppWorkers
    sandbox: SandboxServer | None
    config: ConnectionConfig
    file_menu: FileMenu
    #: the station database's side of the window (claims, heartbeat, live changes)
    station: StationDesk | None = None
    #: undo the settings subscriptions of these parts (called when they close)
    unsubscribe: list[Callable[[], None]] = field(default_factory=list)

    @property
    def outbox_worker(self) -> ConnectionWorker[OutboxResources]:
        return self.workers.outbox

    def start(self) -> None:
        self.window.show()
        self.window.start()
        self.actions.start()
        if self.station is not None:
            self.station.start()

    def freeze(self, app: QApplication) -> None:
        """Take no new work (before a switch): no scans, clicks, timers or syncs; what is
        already running on the workers goes on."""
        self.scanner.uninstall(app)
        self.actions.stop()
        if self.station is not None:
            self.station.stop()
        self.window.sync_timer.stop()
        self.window.cancel_current_sync()
        self.window.setEnabled(False)

    def close(self, app: QApplication) -> None:
        """Stop everything of this connection: each worker closes its resources on its own
        thread and ends it; the training sandbox stops."""
        for unsubscribe in self.unsubscribe:
            unsubscribe()
        self.unsubscribe.clear()
        self.scanner.uninstall(app)
        self.actions.stop()
        if self.station is not None:
            self.station.stop()
        for worker in self.workers.all():
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
    pack_progress: PackProgress | None = None
    #: The process's settings (the session's); without one, ``build_app`` reads its own.
    live_settings: LiveSettings | None = None


def pack_scale(
    live: LiveSettings, capabilities: Capabilities, outbox_path: Path, packer: Callable[[], str]
) -> tuple[list[FinishStep] | None, ScaleWeigher | None]:
    """Pack mode's weigh step and the scale feeding it, when the desk weighs (Settings →
    Scale, or a store that sells the label and so needs the weight); none otherwise."""
    from fulfillment_station.services.pack_flow import default_steps
    from fulfillment_station.services.pack_weighing import (
        audit_log_at,
        desk_weighs,
        weigh_step_for,
    )
    from fulfillment_station.services.weighing import open_scale
    from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher

    if not desk_weighs(live.current, capabilities):
        return None, None
    station = str(live["station.station_name"]) or "desk"
    step = weigh_step_for(
        lambda: live.current, lambda: audit_log_at(outbox_path, station), packer=packer
    )
    return default_steps(step), ScaleWeigher(lambda: open_scale(live.current))


def build_app(
    app: QApplication,
    services: AppServices,
    config: ConnectionConfig,
    sandbox: SandboxServer | None,
    hooks: SessionHooks | None = None,
) -> AppParts:
    """Build every part of the GUI for ``config`` and hand them to each other. Nothing is
    started: ``AppParts.start`` does that."""
    from PySide6.QtCore import QLocale

    from fulfillment_station.services.boxes import box_shipping
    from fulfillment_station.services.store_labels import sells_labels
    from fulfillment_station.services.tracking_reuse import TrackingGuard
    from fulfillment_station.services.weighing import box_for_scan
    from fulfillment_station.store.pack_progress import PackProgress
    from fulfillment_station.ui.common.i18n import resolve_language
    from fulfillment_station.ui.common.tasks import ConnectionWorker
    from fulfillment_station.ui.desks.station_desk import (
        ClaimingPackHost,
        StationDesk,
        station_events_for,
    )
    from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
    from fulfillment_station.ui.dialogs.shift_report_dialog import ShiftReportMenu
    from fulfillment_station.ui.orders.order_actions import OrderActions
    from fulfillment_station.ui.pack.pack_host import WorkerPackHost
    from fulfillment_station.ui.pack.pack_mode import PackModeView
    from fulfillment_station.ui.pack.sounds import Sounds
    from fulfillment_station.ui.shell.main_window import MainWindow, WindowOptions
    from fulfillment_station.ui.shell.workbench import (
        FileMenuEntries,
        OrderDialogs,
        build_file_menu,
        build_workbench,
        install_scanner,
    )

    hooks = hooks or SessionHooks()
    root = services.root
    live = hooks.live_settings or LiveSettings(services.settings_store)
    settings = live.current
    log.info("opening %s (%s at %s)", config.id, config.dialect, config.base_url)
    cache_path = root / f"cache-{config.id}.sqlite3"
    queue_path = root / "print-queue.sqlite3"
    # Checked here, before any worker opens them; the outbox is checked by its own worker.
    file_notices = [
        *services.settings_store.problems,
        *(
            notice
            for notice in (
                set_aside_if_damaged(cache_path, CACHE_DAMAGED),
                set_aside_if_damaged(queue_path, PRINT_QUEUE_DAMAGED),
            )
            if notice
        ),
    ]
    options = {**connector_options(config.ca_bundle), **services.connector_overrides}
    # What the print paths see: the open connection as the active one (its document language,
    # training or not, even when Settings named another to open at the next start) and, in
    # training, the training folder as any printer the packer has not chosen (the window
    # names it), so printing works with nothing set up.
    training_prints = training_print_folder(root) if config.training else None
    open_connection_id = "" if config.training else config.id

    def print_settings() -> Settings:
        current = live.current
        if current["connections.active"] != open_connection_id:
            current = current.replace({"connections.active": open_connection_id})
        if training_prints is None:
            return current
        return with_training_printer(current, training_prints)

    workers = AppWorkers(
        sync=ConnectionWorker(sync_resources(config, cache_path, **options), name="sync"),
        reader=ConnectionWorker(reader_resources(cache_path), name="reader"),
        outbox=ConnectionWorker(
            outbox_resources(
                config,
                cache_path,
                root / f"outbox-{config.id}.sqlite3",
                station=settings["station.station_name"] or "desk",
                print_queue_path=root / "print-queue.sqlite3",
                settings=print_settings,
                station_database_url=settings["station.database_url"],
                claim_lease_s=float(settings["station.claim_lease_s"]),
                tokens=services.tokens,
                **options,
            ),
            name="outbox",
        ),
        # The print service reads the settings at each print: printer choices apply at once.
        print=ConnectionWorker(
            print_resources(cache_path, root / "print-queue.sqlite3", print_settings),
            name="print",
        ),
        utility=ConnectionWorker(lambda: None, close_resources=lambda _r: None, name="utility"),
    )
    window = MainWindow(
        WindowOptions(
            config.id,
            config.label,
            training=config.training,
            sync_interval_s=settings["general.sync_interval_s"],
            layout_file=config_dir() / "window-state.ini",
        ),
        workers.sync,
        workers.reader,
    )

    if training_prints is not None:
        from fulfillment_station.ui.common.print_actions import show_training_printer

        show_training_printer(window, training_prints)

    def packer() -> str:
        return str(live["station.packer_name"])  # in memory: no file read at a ship

    actions = OrderActions(workers.outbox, packer=packer)
    capabilities = connector_class(config.dialect).CAPABILITIES
    window.filter_bar.configure(capabilities)  # only the filters this store has

    def tracking_guard() -> TrackingGuard:
        return TrackingGuard(
            root,
            connection=config.id,
            station=str(live["station.station_name"] or "desk"),
            packer=packer(),
        )

    dialogs = OrderDialogs(
        window,
        workers.reader,
        actions,
        capabilities,
        settings=lambda: live.current,
        tracking_guard=tracking_guard,
    )
    build_workbench(
        window,
        capabilities=capabilities,
        actions=actions,
        print_worker=workers.print,
        open_dialog=dialogs.open,
        language=resolve_language(str(settings["general.language"]), QLocale.system().name()),
        sync_worker=workers.sync,
    )
    host = WorkerPackHost(
        outbox=workers.outbox,
        printer=workers.print,
        next_after=window.next_after,
        packer=packer,
        on_shipped=actions.shipped,
        on_print_message=lambda text: window.statusBar().showMessage(text, 8000),
        store_sells_labels=sells_labels(capabilities),
        tracking_guard=tracking_guard,
        box_shipping=box_shipping(capabilities),
    )
    sounds = Sounds(
        volume=settings["sounds.volume"] / 100,
        muted=not settings["sounds.enabled"],
        cache_dir=root / "sounds",
    )
    progress = hooks.pack_progress
    if progress is None:
        own = progress = PackProgress(root / "pack-progress.sqlite3")
        window.destroyed.connect(lambda _o=None: own.close())
    station_url = str(settings["station.database_url"])
    desk_name = str(settings["station.station_name"] or "desk")
    claiming = ClaimingPackHost(
        host,
        workers.outbox,
        refs_after=window.refs_after,
        packer=packer,
        coordinated=bool(station_url.strip()),
    )
    pack_steps, weigher = pack_scale(
        live, capabilities, root / f"outbox-{config.id}.sqlite3", packer
    )
    pack_view = PackModeView(
        claiming,
        progress,
        sounds,
        pack_options(settings),
        steps=pack_steps,
        weigher=weigher,
        box_for_scan=lambda scan: box_for_scan(live.current, scan),
    )
    pack_view.flow.gates.append(claiming.gate)
    pack_view.flow.on_close = claiming.closed
    pack_view.flow.on_wrong_scan = claiming.wrong_scan
    station = StationDesk(
        window,
        workers.outbox,
        connection_id=config.id,
        events=station_events_for(
            station_url, desk=desk_name, tokens=services.tokens, parent=window
        ),
    )
    ShiftReportMenu(window, workers.outbox, station_set=bool(station_url.strip()))
    window.set_pack_view(pack_view)
    if file_notices:
        from fulfillment_station.ui.common.i18n import translate_message

        window.error_banner.show_message(" ".join(translate_message(n) for n in file_notices))
    scanner = install_scanner(
        app,
        window,
        max_gap_ms=settings["scanner.max_gap_ms"],
        min_length=settings["scanner.min_length"],
    )

    # -- every option applies when saved --------------------------------------------------
    def apply_sounds(current: Settings, _keys: frozenset[str]) -> None:
        sounds.set_volume(current["sounds.volume"] / 100)
        sounds.muted = not current["sounds.enabled"]

    def apply_scanner(current: Settings, _keys: frozenset[str]) -> None:
        scanner.detector.max_gap_ms = current["scanner.max_gap_ms"]
        scanner.detector.min_length = current["scanner.min_length"]

    unsubscribe = [
        live.subscribe(("sounds.volume", "sounds.enabled"), apply_sounds),
        live.subscribe(("scanner.max_gap_ms", "scanner.min_length"), apply_scanner),
        live.subscribe(
            ("pack.font_size", "pack.auto_print", "pack.allow_ship_all_unverified"),
            lambda current, _keys: pack_view.apply_options(pack_options(current)),
        ),
        live.subscribe(
            ("general.sync_interval_s",),
            lambda current, _keys: window.set_sync_interval(current["general.sync_interval_s"]),
        ),
    ]

    def open_settings() -> None:
        dialog = SettingsDialog(
            services.settings_store,
            services.tokens,
            worker=workers.utility,
            training_print_folder=training_prints,
            parent=window,
        )
        if hooks.live_settings is None:
            dialog.saved.connect(live.adopt)  # no session: these parts' own settings
        dialog.saved.connect(hooks.settings_saved)
        dialog.open()

    connections: list[tuple[str, str]] = [(TRAINING_ID, TRAINING_LABEL)]
    connections += [(p.id, p.label) for p in settings.connections]
    file_menu = build_file_menu(
        window,
        FileMenuEntries(
            connections=connections,
            current=config.id,
            switch_to=hooks.switch_to,
            open_settings=open_settings,
            copy_diagnostics=lambda: app.clipboard().setText(services.diagnostics()),
        ),
    )
    return AppParts(
        window,
        actions,
        pack_view,
        scanner,
        workers,
        sandbox,
        config,
        file_menu,
        station,
        unsubscribe,
    )


def pack_options(settings: Settings) -> PackModeOptions:
    from fulfillment_station.ui.pack.pack_mode import SUCCESS_HOLD_MS, PackModeOptions

    return PackModeOptions(
        font_point_size=settings["pack.font_size"],
        auto_print=settings["pack.auto_print"],
        allow_ship_unverified=settings["pack.allow_ship_all_unverified"],
        success_hold_ms=SUCCESS_HOLD_MS,
    )


#: How long a thread may hold the GIL while another waits (Python's default: 5 ms). Qt calls
#: into Python for every cell it paints, and each call waits for the GIL when a worker runs
#: Python (parsing a sync page, rendering a PDF): at 5 ms a repaint of the order table took
#: over a second while a worker was busy, at 0.2 ms about a tenth of that
#: (``benchmarks/bench_gui.py``, ``gui_repaint_while_a_worker_computes``).
GUI_SWITCH_INTERVAL_S = 0.0002

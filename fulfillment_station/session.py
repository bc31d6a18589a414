"""The GUI session: the one owner of the open connection's parts (``app.AppParts``), which
swaps them for another connection's in the same process and QApplication.

What lives as long as the process (the crash handler, logging, the pack progress file, the
settings and keyring) is made here once; everything of one connection (workers, outbox,
cache, window, the training sandbox) is made by ``app.build_app`` and closed on a switch.

A switch, in order:

1. The target is checked without touching the open connection (``app.open_connection``: the
   profile exists, its URL is acceptable, its token is in the keyring; the training sandbox
   is started). If that fails, the packer stays where they were, with the reason in the
   banner: what they were doing is still on screen and still works, which is what a packer
   who picked the wrong entry (or whose keyring is locked) expects. An unreachable store is
   not a failure: it opens offline with its cache, as at start.
2. The open connection is frozen: no scans, clicks, timers or new syncs; a running sync is
   cancelled at its next page.
3. The outbox worker is drained, never aborted: a marker task is queued behind whatever it
   is doing, so the write in flight (and anything the packer queued just before) finishes
   and is recorded. A second marker, queued after the first one answered, catches the
   follow-up pump a finished write asks for, and counts what is still waiting.
4. The old parts are closed (each worker ends its thread; the training sandbox stops), the
   new ones are built with the old window's geometry, state and pack mode, and started.
   What is still waiting stays in that connection's own ``outbox-{id}.sqlite3`` and goes out
   when it is opened again; the packer is told so in the new window's banner.
5. The connection opened is remembered as the one to open at the next start.

If building the new parts fails after all, the old connection is opened again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from fulfillment_station.app import (
    TRAINING_ID,
    AppParts,
    AppServices,
    ConnectionConfig,
    ConnectionUnavailable,
    SessionHooks,
    build_app,
    choose_connection,
    connection_label,
    open_connection,
)
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.services import operations
from fulfillment_station.services.diagnostics import log_dir
from fulfillment_station.services.live_settings import LiveSettings, restart_notes
from fulfillment_station.store.file_checks import PACK_PROGRESS_DAMAGED, set_aside_if_damaged
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.paths import cache_dir
from fulfillment_station.store.secrets import NoKeyringError
from fulfillment_station.store.settings import Settings
from fulfillment_station.ui.common.i18n import (
    InstalledLanguage,
    switch_language,
    translate_message,
)
from fulfillment_station.ui.orders.order_table import forget_translations
from fulfillment_station.ui.shell.crash import install_excepthook
from fulfillment_station.ui.shell.workbench import (
    ask_switch,
    refused_sentence,
    settings_saved_message,
    switching_message,
    waiting_sentence,
)

if TYPE_CHECKING:  # the sandbox (FastAPI, uvicorn) is imported only when training starts
    from PySide6.QtWidgets import QApplication

    from fulfillment_station.sandbox.server import SandboxServer
    from fulfillment_station.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

#: Said when the window could not be rebuilt in a newly chosen language (a switch refused).
LANGUAGE_AT_NEXT_START = QT_TRANSLATE_NOOP(
    "LiveSettings",
    "The open window keeps its language until it is opened again or the app restarts "
    "(it could not be rebuilt now).",
)

#: ``ask(window, connection name) -> bool``: may the saved settings' connection open now?
AskSwitch = Callable[["MainWindow", str], bool]


class AppSession(QObject):
    """Opens the configured connection (or training) at start; ``switch_to`` swaps it."""

    switched = Signal(object)  # the AppParts now open
    switch_refused = Signal(str)  # the sentence shown in the banner

    def __init__(
        self,
        app: QApplication,
        services: AppServices,
        *,
        demo: bool = False,
        ask: AskSwitch = ask_switch,
        language: InstalledLanguage | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        #: the catalogs installed for the UI language (``launch`` installs the first ones)
        self.language = language
        self.services = services
        self.ask = ask
        self.crash = install_excepthook(
            app, log_dir() / "crashes", redactor=services.redactor, diagnostics=services.diagnostics
        )
        progress_path = services.root / "pack-progress.sqlite3"
        # Checked before it is opened: a damaged one is set aside (and told), not a crash.
        progress_notice = set_aside_if_damaged(progress_path, PACK_PROGRESS_DAMAGED)
        self.pack_progress = PackProgress(progress_path)
        self._switching = False
        self._incoming: SandboxServer | None = None  # started for a switch not yet done
        try:
            #: the settings of the process, read once; every connection's parts follow it
            self.live = LiveSettings(services.settings_store)
            settings = self.live.current
            config, sandbox, notice = choose_connection(
                settings, services.tokens, services.root, demo=demo
            )
            self.parts = self._build(config, sandbox)
        except BaseException:
            self.crash.uninstall()
            self.pack_progress.close()
            raise
        told = [translate_message(n) for n in (progress_notice, notice) if n]
        banner = self.parts.window.error_banner
        if told:
            if not banner.isHidden() and banner.message.text():  # the build's own notices
                told.insert(0, banner.message.text())
            banner.show_message(" ".join(told))

    @property
    def switching(self) -> bool:
        return self._switching

    def start(self) -> None:
        self.parts.start()

    def close(self) -> None:
        self.parts.close(self.app)
        # Answers the workers sent before they ended are still queued for this thread (pack
        # mode opening the next order, say): deliver them while the stores they use are open.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        if self._incoming is not None:
            self._incoming.close()
            self._incoming = None
        self.crash.uninstall()
        self.pack_progress.close()
        self.services.logging_setup.close()

    # -- switching ------------------------------------------------------------------------------

    def switch_to(self, target: str, *, reopen: bool = False) -> bool:
        """Start switching to connection ``target`` (a profile id, or ``""``/``"training"``);
        ``reopen`` opens the current one afresh (its settings changed). False when there is
        nothing to do or the target cannot be opened (the banner says why)."""
        target = target or TRAINING_ID
        old = self.parts
        if self._switching or (target == old.config.id and not reopen):
            return False
        settings = self.live.current
        name = connection_label(settings, target)
        try:
            config, sandbox = open_connection(
                settings, self.services.tokens, self.services.root, target
            )
        except ConnectionUnavailable as exc:
            text = refused_sentence(old.window, name, exc.user_message, old.config.label)
            old.window.error_banner.show_message(text)
            self.switch_refused.emit(text)
            return False
        log.info("switching from %s to %s", old.config.id, config.id)
        self._switching = True
        self._incoming = sandbox
        old.freeze(self.app)
        old.window.statusBar().showMessage(switching_message(old.window, name))
        self._drain(old, lambda pending: self._replace(old, config, sandbox, pending))
        return True

    def _drain(self, old: AppParts, then: Callable[[int | None], None]) -> None:
        """Call ``then(waiting actions)`` once the outbox worker has finished what it is
        doing (``None`` when its store could not even be opened)."""
        worker = old.outbox_worker

        def count() -> None:
            task = worker.call(operations.pending_count)
            task.succeeded.connect(then)
            task.failed.connect(lambda _exc: then(None))

        marker = worker.submit(lambda _ctx: None, "switch: let the write in flight finish")
        marker.finished.connect(count)

    def _replace(
        self,
        old: AppParts,
        config: ConnectionConfig,
        sandbox: SandboxServer | None,
        pending: int | None,
    ) -> None:
        window = old.window
        # Same process, same screens: the exact geometry (restoreGeometry would re-fit it).
        geometry, state, packing = (
            window.normalGeometry(),
            window.windowState(),
            window.in_pack_mode,
        )
        window.save_layout()  # columns, tab and filters carry over to the new window
        old.close(self.app)
        notices: list[str] = []
        try:
            new = self._build(config, sandbox)
        except Exception as exc:
            log.exception("could not open %s; reopening %s", config.id, old.config.id)
            if sandbox is not None:
                sandbox.close()
            new = self._reopen(old.config)
            notices.append(refused_sentence(window, config.label, str(exc), new.config.label))
        else:
            self._remember(config.id)
        self._incoming = None
        new.window.setGeometry(geometry)
        new.window.setWindowState(state)
        new.start()
        if packing:
            new.window.show_pack_mode(True)
        if pending and new.config.id != old.config.id:  # reopened: they go out now
            notices.insert(0, waiting_sentence(new.window, pending, old.config.label))
        if notices:
            new.window.error_banner.show_message(" ".join(notices))
        # Shown before the old window closes, so the app never has no window (it would quit).
        window.confirm_close = lambda _pending: True
        window.close()
        window.deleteLater()
        self.parts = new
        self._switching = False
        self.switched.emit(new)

    def _reopen(self, config: ConnectionConfig) -> AppParts:
        """The connection just left, again (its token is still known)."""
        if config.training:
            config, sandbox = open_connection(
                self.live.current, self.services.tokens, self.services.root, TRAINING_ID
            )
            return self._build(config, sandbox)
        return self._build(config, None)

    def _build(self, config: ConnectionConfig, sandbox: SandboxServer | None) -> AppParts:
        try:
            return build_app(
                self.app,
                self.services,
                config,
                sandbox,
                SessionHooks(
                    switch_to=self.switch_to,
                    settings_saved=self._settings_saved,
                    pack_progress=self.pack_progress,
                    live_settings=self.live,
                ),
            )
        except BaseException:
            if sandbox is not None:
                sandbox.close()
            raise

    def _remember(self, connection_id: str) -> None:
        """The connection opened is the one the next start opens."""
        active = "" if connection_id == TRAINING_ID else connection_id
        try:
            saved = self.services.settings_store.update(
                lambda s: (
                    s
                    if s["connections.active"] == active
                    else s.replace({"connections.active": active})
                )
            )
        except OSError as exc:
            log.warning("could not remember the open connection: %s", exc)
        else:
            self.live.adopt(saved)

    # -- settings saved ---------------------------------------------------------------------------

    def _settings_saved(self, settings: Settings) -> None:
        """Every option applies at once (the parts follow ``self.live``); the packer is told
        which cannot, and why. Saved settings that name another connection, or change the
        open one, open it now if the packer says so (otherwise at the next start)."""
        adopted = self.live.adopt(settings)
        notes = restart_notes(adopted)
        window = self.parts.window
        current = self.parts.config
        target = settings["connections.active"] or TRAINING_ID
        changed = target == current.id and self._changed(settings, current)
        language = "general.language" in adopted
        if language:
            # Qt sends every widget a LanguageChange; the window is then built again below.
            self.language = switch_language(
                self.app,
                settings["general.language"],
                self.language,
                cache_dir=cache_dir(create=False),
            )
            forget_translations()
            if self._switching:  # the switch under way builds its window in the new language
                return

        def saved(shown: MainWindow) -> str:
            return settings_saved_message(shown, later=False, notes=notes)

        if target == current.id and not changed:
            if not language:
                window.statusBar().showMessage(saved(window), 8000)
            elif self.switch_to(current.id, reopen=True):
                self._after_switch_say(saved)
            else:
                self._language_waits(window, notes, later=False)
            return
        if not self.ask(window, connection_label(settings, target)):
            if language:
                self._language_waits(window, notes, later=True)
            else:
                window.statusBar().showMessage(
                    settings_saved_message(window, later=True, notes=notes), 10_000
                )
            return
        if self.switch_to(target, reopen=changed):
            if language:
                self._after_switch_say(saved)
        elif language:  # refused: the banner says why; the window keeps its language for now
            self._language_waits(window, notes, later=True)

    def _language_waits(self, window: MainWindow, notes: list[Message], *, later: bool) -> None:
        """The window could not be built again in the new language: say when it changes."""
        told = [*notes, LANGUAGE_AT_NEXT_START]
        window.statusBar().showMessage(
            settings_saved_message(window, later=later, notes=told), 10_000
        )

    def _after_switch_say(self, sentence: Callable[[MainWindow], str]) -> None:
        """Show ``sentence`` in the status bar of the window the switch under way opens."""

        def say(parts: AppParts) -> None:
            self.switched.disconnect(say)
            parts.window.statusBar().showMessage(sentence(parts.window), 8000)

        self.switched.connect(say)

    def _changed(self, settings: Settings, current: ConnectionConfig) -> bool:
        """Whether the open profile's address, API, certificate or token changed."""
        if current.training:
            return False
        profile = settings.profile(current.id)
        if profile is None:
            return False
        if (profile.dialect, profile.base_url, profile.ca_bundle) != (
            current.dialect,
            current.base_url,
            current.ca_bundle,
        ):
            return True
        try:
            return self.services.tokens.get(current.id) != current.token
        except NoKeyringError:
            return False

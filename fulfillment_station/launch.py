"""The GUI's entry point: the QApplication, logging, the translator, the first-run wizard, then
one ``session.AppSession`` for the life of the process. ``fulfillment-station`` (``cli.main``)
calls :func:`run_gui`; nothing imports this module otherwise, so the wiring (``app``) and the
session (``session``) never import each other.
"""

from __future__ import annotations

import logging
import sys

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.app import GUI_SWITCH_INTERVAL_S, AppServices
from fulfillment_station.services.connection_setup import is_first_run
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.store.instance_lock import AlreadyRunning, InstanceLock
from fulfillment_station.store.paths import cache_dir, data_dir
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore

log = logging.getLogger(__name__)


def run_gui(*, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QDialog

    from fulfillment_station.session import AppSession
    from fulfillment_station.ui.common.i18n import install_translator
    from fulfillment_station.ui.common.theme import app_icon, install_app_fonts
    from fulfillment_station.ui.shell.first_run import FirstRunDialog

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("fulfillment-station")
    redactor = Redactor()
    logging_setup = configure_logging(redactor=redactor)
    settings_store = SettingsStore()
    # Before any widget; the session swaps the catalogs when the packer picks another language.
    language = install_translator(
        app, settings_store.load()["general.language"], cache_dir=cache_dir(create=False)
    )
    app.setWindowIcon(app_icon())
    install_app_fonts()
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
    session = AppSession(app, services, demo=demo, language=language)
    session.start()
    try:
        return app.exec()
    finally:
        session.close()
        lock.release()


def show_already_running(exc: AlreadyRunning) -> None:
    """The second instance's one message: which folder is taken and by which process."""
    from PySide6.QtWidgets import QMessageBox

    from fulfillment_station.ui.common.i18n import translate_message

    log.warning("another instance holds the data folder: %s", exc)
    QMessageBox.critical(None, APP_NAME, translate_message(exc.user_message))

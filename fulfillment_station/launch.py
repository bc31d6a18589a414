"""The GUI's entry point: the QApplication, logging, the translator, the first-run wizard, then
one ``session.AppSession`` for the life of the process. ``fulfillment-station`` (``cli.main``)
calls :func:`run_gui`; nothing imports this module otherwise, so the wiring (``app``) and the
session (``session``) never import each other.
"""

from __future__ import annotations

import sys

from fulfillment_station import APP_NAME, __version__
from fulfillment_station.app import GUI_SWITCH_INTERVAL_S, AppServices
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.store.paths import data_dir
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore


def run_gui(*, demo: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QDialog

    from fulfillment_station.session import AppSession
    from fulfillment_station.ui.first_run import FirstRunDialog, is_first_run
    from fulfillment_station.ui.i18n import install_translator
    from fulfillment_station.ui.theme import app_icon

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
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
            logging_setup.close()
            return 0  # closed without a choice: nothing to open
    services = AppServices(settings_store, tokens, data_dir(), redactor, logging_setup)
    session = AppSession(app, services, demo=demo)
    session.start()
    try:
        return app.exec()
    finally:
        session.close()

"""The whole app on one sandbox store, as ``fulfillment-station`` builds it for a saved
connection (token in a memory keyring): for the window tests of creating orders and of the
filter bar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring


@contextmanager
def store_desk(
    qtbot: Any, qapp: QApplication, tmp_path: Path, server: SandboxServer
) -> Iterator[AppParts]:
    """The app opened on ``server``'s store, first sync done."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = SettingsStore(tmp_path / "config" / "settings.json")
    store.save(
        store.load()
        .replace({"station.packer_name": "Ana", "sounds.enabled": False})
        .with_profile(
            ConnectionProfile("shop", "The shop", server.dialect, server.base_url), activate=True
        )
    )
    redactor = Redactor()
    tokens = TokenStore(on_secret=redactor.add)
    tokens.set("shop", TEST_TOKEN)
    services = AppServices(
        store,
        tokens,
        tmp_path / "data",
        redactor,
        configure_logging(tmp_path / "logs", redactor=redactor),
    )
    session = AppSession(qapp, services)
    try:
        parts = session.parts
        qtbot.addWidget(parts.window)
        parts.window.confirm_close = lambda _pending: True
        with qtbot.waitSignal(parts.window.sync_finished, timeout=60_000):
            parts.start()
        yield parts
    finally:
        session.close()
        keyring.set_keyring(previous)

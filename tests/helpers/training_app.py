"""The whole app as ``fulfillment-station`` builds it, in training mode on the embedded
sandbox, for tests that drive it like a packer: files printed to a folder, the packer's name
and ship-from address set, sounds off, an in-memory keyring; and a keyboard-wedge ``scan``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from tests.helpers.keyring import MemoryKeyring

TRACKING = "1Z999AA10123456784"


@pytest.fixture
def parts(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[AppParts]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    store = SettingsStore(tmp_path / "config" / "settings.json")
    prints = tmp_path / "prints"
    prints.mkdir()
    store.save(
        store.load().replace(
            {
                "printers.slip_printer": f"file:{prints}",
                "printers.label_printer": f"file:{prints}",
                "printers.label_format": "zpl",
                # Nexus sells no labels: the desk asks for the app's
                # address label (marked NO POSTAGE) next to the carrier's.
                "printers.address_labels": True,
                "station.packer_name": "Ana",
                # labels need a sender (Settings → Station)
                "station.return_name": "Harbour Teas",
                "station.return_line1": "12 Harbour Road",
                "station.return_city": "Portland",
                "station.return_country": "US",
                "sounds.enabled": False,
            }
        )
    )
    redactor = Redactor()
    logging_setup = configure_logging(tmp_path / "logs", redactor=redactor)
    services = AppServices(
        store, TokenStore(on_secret=redactor.add), tmp_path / "data", redactor, logging_setup
    )
    session = AppSession(qapp, services)
    built = session.parts
    qtbot.addWidget(built.window)
    built.window.confirm_close = lambda _pending: True
    yield built
    session.close()
    keyring.set_keyring(previous)


def scan(qtbot: Any, widget: Any, text: str) -> None:
    """A keyboard-wedge scanner: the characters in one fast burst, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)

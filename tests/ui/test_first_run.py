"""The first-run wizard: asked once; training or a real connection whose token lands in the
keyring."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.connection_setup import is_first_run
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from fulfillment_station.ui.shell.first_run import FirstRunDialog
from tests.helpers.keyring import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_training_choice_is_remembered(qtbot: Any, tmp_path: Path, memory: MemoryKeyring) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert is_first_run(store)
    dialog = FirstRunDialog(store, TokenStore())
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.training_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == "training"
    assert not is_first_run(store)
    assert store.load().active_profile() is None


def test_connecting_a_store_puts_the_token_in_the_keyring(
    qtbot: Any, tmp_path: Path, memory: MemoryKeyring, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox("generic-rest", orders=5)
    store = SettingsStore(tmp_path / "settings.json")
    dialog = FirstRunDialog(store, TokenStore())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    connection = dialog.connection_dialog
    assert connection is not None
    connection.label_edit.setText("Main shop")
    connection.dialect_combo.setCurrentIndex(connection.dialect_combo.findData("generic-rest"))
    connection.url_edit.setText(server.base_url)
    connection.token_edit.setText(server.token)
    ok = connection.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.choice == "store"
    profile = store.load().active_profile()
    assert profile is not None and profile.base_url == server.base_url
    assert TokenStore().get(profile.id) == server.token
    assert server.token not in store.path.read_text()

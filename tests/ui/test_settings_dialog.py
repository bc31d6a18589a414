"""The generated settings dialog with real widgets: edits reach the file on OK, bad input is
refused with a sentence and writes nothing, connections are managed from their tab."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.store.secrets import SERVICE, TokenStore
from fulfillment_station.store.settings import (
    OPTIONS,
    ConnectionProfile,
    Kind,
    Settings,
    SettingsStore,
)
from fulfillment_station.ui.settings_dialog import SettingsDialog
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

pytestmark = [
    pytest.mark.gui,
    # The headless "offscreen" platform warns about a feature it lacks on every show().
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json")


def open_dialog(qtbot: Any, store: SettingsStore, backend: MemoryKeyring) -> SettingsDialog:
    dialog = SettingsDialog(store, TokenStore(backend))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(qtbot: Any, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def retype(qtbot: Any, widget: QLineEdit | QSpinBox, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_every_option_has_an_editor_of_its_kind(qtbot: Any, store: SettingsStore,
                                               keyring_backend: MemoryKeyring) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    widget_for = {Kind.TEXT: QLineEdit, Kind.PATH: QLineEdit, Kind.INT: QSpinBox,
                  Kind.BOOL: QCheckBox, Kind.CHOICE: QComboBox}
    generated = [o for o in OPTIONS if not o.key.startswith("connections.")]
    assert set(dialog.fields) == {o.key for o in generated}
    for option in generated:
        assert isinstance(dialog.editor(option.key), widget_for[option.kind])
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[:3] == ["Connections", "Station", "Printers"]


def test_changing_packer_and_sync_interval_then_ok_writes_the_file(
        qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring) -> None:
    store.save(Settings.defaults().replace({"printers.label_dpi": 300}))
    dialog = open_dialog(qtbot, store, keyring_backend)
    retype(qtbot, dialog.editor("station.packer_name"), "Marta")
    retype(qtbot, dialog.editor("general.sync_interval_s"), "120")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as saved:
        press_ok(qtbot, dialog)

    doc = json.loads(store.path.read_text())
    assert doc["station"]["packer_name"] == "Marta"
    assert doc["general"]["sync_interval_s"] == 120
    assert doc["printers"]["label_dpi"] == 300  # untouched values stay
    assert saved.args[0] == store.load()
    assert not dialog.isVisible()


def test_an_empty_required_field_is_refused_and_nothing_is_written(
        qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    dialog.tabs.setCurrentIndex(0)
    dialog.editor("station.station_name").clear()
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "Station name cannot be empty."
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Station"
    assert dialog.isVisible()
    assert not store.path.exists()


def test_a_hand_edited_plain_http_connection_is_refused_on_ok(
        qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring) -> None:
    insecure = ConnectionProfile("old", "Old shop", "generic-rest", "http://shop.example.com")
    store.save(Settings.defaults().with_profile(insecure))
    before = store.path.read_text()
    dialog = open_dialog(qtbot, store, keyring_backend)
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == f"Connection “Old shop”: {InsecureConnection.user_text}"
    assert store.path.read_text() == before


def test_cancel_writes_nothing(qtbot: Any, store: SettingsStore,
                               keyring_backend: MemoryKeyring) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    retype(qtbot, dialog.editor("station.packer_name"), "Nobody")
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not store.path.exists()


def test_add_a_connection_from_its_tab_then_remove_it(
        qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    assert dialog.active_combo.currentData() == ""  # training mode
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    connection = dialog.connection_dialog
    assert connection is not None and connection.isVisible()
    qtbot.keyClicks(connection.label_edit, "Main shop")
    qtbot.keyClicks(connection.url_edit, "https://api.example.com/v2")
    qtbot.keyClicks(connection.token_edit, TEST_TOKEN)
    with qtbot.waitSignal(connection.accepted, timeout=2000):
        connection.buttons.button(connection.buttons.StandardButton.Ok).click()

    assert dialog.profile_list.count() == 1
    assert dialog.profile_list.item(0).text() == "Main shop — nexus, api.example.com"
    added = connection.profile
    assert added is not None
    assert dialog.active_combo.currentData() == added.id  # the first store becomes active
    assert keyring_backend.passwords == {(SERVICE, added.id): TEST_TOKEN}
    press_ok(qtbot, dialog)
    assert store.load().active_profile() == added

    dialog = open_dialog(qtbot, store, keyring_backend)
    dialog.profile_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    press_ok(qtbot, dialog)
    assert store.load().connections == ()
    assert store.load().active_profile() is None
    assert keyring_backend.passwords == {}  # the removed store's token is gone too

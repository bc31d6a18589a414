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
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
)

from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.store.secrets import SERVICE, TokenStore
from fulfillment_station.store.settings import (
    OPTIONS,
    ConnectionProfile,
    Kind,
    Settings,
    SettingsStore,
)
from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
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
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def retype(qtbot: Any, widget: QLineEdit | QSpinBox, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_every_option_has_an_editor_of_its_kind(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    widget_for = {
        Kind.TEXT: QLineEdit,
        Kind.PATH: QLineEdit,
        Kind.INT: QSpinBox,
        Kind.BOOL: QCheckBox,
        Kind.CHOICE: QComboBox,
        Kind.TABLE: QTableWidget,
    }
    generated = [o for o in OPTIONS if not o.key.startswith("connections.")]
    assert set(dialog.fields) == {o.key for o in generated}
    for option in generated:
        if option.key in ("printers.slip_printer", "printers.label_printer"):
            # Text, chosen from the system's printers or typed: an editable list.
            editor = dialog.editor(option.key)
            assert isinstance(editor, QComboBox) and editor.isEditable()
            continue
        assert isinstance(dialog.editor(option.key), widget_for[option.kind])
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[:3] == ["Connections", "Station", "Printers"]


def test_changing_packer_and_sync_interval_then_ok_writes_the_file(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
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
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    dialog.tabs.setCurrentIndex(0)
    dialog.editor("station.station_name").clear()
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "Station name cannot be empty."
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Station"
    assert dialog.isVisible()
    assert not store.path.exists()


def test_a_hand_edited_plain_http_connection_is_refused_on_ok(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    insecure = ConnectionProfile("old", "Old shop", "generic-rest", "http://shop.example.com")
    store.save(Settings.defaults().with_profile(insecure))
    before = store.path.read_text()
    dialog = open_dialog(qtbot, store, keyring_backend)
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == f"Connection “Old shop”: {InsecureConnection.user_text}"
    assert store.path.read_text() == before


def test_cancel_writes_nothing(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, store, keyring_backend)
    retype(qtbot, dialog.editor("station.packer_name"), "Nobody")
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not store.path.exists()


def test_add_a_connection_from_its_tab_then_remove_it(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
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


def test_scale_tab_tests_and_zeroes_a_serial_scale(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    from tests.helpers.scale_sim import ScaleSimulator

    with ScaleSimulator("sics", weight="1.250", unit="kg") as sim:
        dialog = open_dialog(qtbot, store, keyring_backend)
        try:
            source = dialog.editor("scale.source")
            assert isinstance(source, QComboBox)
            source.setCurrentIndex(source.findData("serial"))
            retype(qtbot, dialog.editor("scale.device"), sim.path)

            qtbot.mouseClick(dialog.scale_test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: "1.250 kg (stable)" in dialog.scale_result.text(), timeout=10_000
            )

            qtbot.mouseClick(dialog.scale_zero_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "asked to zero" in dialog.scale_result.text(), timeout=10_000)
            assert b"Z" in [c.strip() for c in sim.commands]

            sim.put("3", "over")
            qtbot.mouseClick(dialog.scale_test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: "over its capacity" in dialog.scale_result.text(), timeout=15_000
            )

            with qtbot.waitSignal(dialog.saved, timeout=2000):
                press_ok(qtbot, dialog)
            doc = json.loads(store.path.read_text())
            assert doc["scale"]["source"] == "serial" and doc["scale"]["device"] == sim.path
        finally:
            dialog.reject()


def test_box_types_and_named_printers_are_edited_as_tables(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    store.save(
        Settings.defaults().replace(
            {
                "scale.box_types": [
                    {
                        "name": "Small",
                        "length_cm": "20",
                        "width_cm": "15",
                        "height_cm": "10",
                        "tare_g": "150",
                    }
                ]
            }
        )
    )
    dialog = open_dialog(qtbot, store, keyring_backend)
    boxes = dialog.editor("scale.box_types")
    assert isinstance(boxes, QTableWidget)
    assert boxes.rowCount() == 1 and boxes.item(0, 0).text() == "Small"
    boxes.insertRow(1)
    for column, text in enumerate(["Large", "40", "30", "20", "-1"]):
        boxes.setItem(1, column, QTableWidgetItem(text))
    press_ok(qtbot, dialog)
    assert "Box Large: the tare must be a number of zero or more" in dialog.error_label.text()

    boxes.item(1, 4).setText("400")
    printers = dialog.editor("printers.named")
    printers.insertRow(0)
    printers.setItem(0, 0, QTableWidgetItem("Zebra desk 1"))
    printers.setItem(0, 1, QTableWidgetItem("tcp://10.0.0.7:9100"))
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        press_ok(qtbot, dialog)
    doc = json.loads(store.path.read_text())
    assert [b["name"] for b in doc["scale"]["box_types"]] == ["Small", "Large"]
    assert doc["scale"]["box_types"][1]["tare_g"] == "400"
    assert doc["printers"]["named"] == [{"name": "Zebra desk 1", "uri": "tcp://10.0.0.7:9100"}]


def test_printers_tab_asks_each_printer(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring, tmp_path: Any
) -> None:
    from tests.helpers.zebra_sim import ZebraSimulator

    with ZebraSimulator() as zebra:
        zebra.head_open = True
        store.save(
            Settings.defaults().replace(
                {
                    "printers.named": [
                        {"name": "Zebra desk 1", "uri": f"tcp://127.0.0.1:{zebra.port}"}
                    ],
                    "printers.label_printer": "Zebra desk 1",
                    "printers.slip_printer": f"file:{tmp_path}",
                }
            )
        )
        dialog = open_dialog(qtbot, store, keyring_backend)
        try:
            qtbot.mouseClick(dialog.printer_check_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: (
                    dialog.printer_check_button.isEnabled()
                    and "Zebra desk 1" in dialog.printer_result.text()
                ),
                timeout=15_000,
            )
            lines = dialog.printer_result.text().splitlines()
            assert lines[0] == "Zebra desk 1: cannot print"
            assert "print head of printer Zebra desk 1 is open" in lines[1]
            assert f"file:{tmp_path}: can print" in lines
            assert zebra.jobs == []
        finally:
            dialog.reject()


def test_detect_lists_what_is_plugged_in_and_fills_the_device(
    qtbot: Any, store: SettingsStore, keyring_backend: MemoryKeyring
) -> None:
    from fulfillment_station.hardware.hid_scale import find_hid_scales
    from fulfillment_station.hardware.serial_scale import list_serial_ports

    present = [("hid", s.path) for s in find_hid_scales()] + [
        ("serial", device) for device, _description in list_serial_ports()
    ]
    dialog = open_dialog(qtbot, store, keyring_backend)
    qtbot.mouseClick(dialog.scale_detect_button, Qt.MouseButton.LeftButton)
    listed = [dialog.scale_found.itemData(i) for i in range(dialog.scale_found.count())]
    assert listed == present
    if not present:
        assert dialog.scale_result.text() == "No USB scale or serial port was found."
        return
    dialog.scale_found.activated.emit(len(present) - 1)
    source, device = present[-1]
    assert dialog.fields["scale.source"].read() == source
    assert dialog.fields["scale.device"].read() == device

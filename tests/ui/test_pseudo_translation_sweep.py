"""Every dialog and panel that can be opened on its own, under a pseudo-translation: any
visible word that did not go through Qt's translation fails the test (it would stay English
on a Spanish or Brazilian desk)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from fulfillment_station.connectors import DIALECT_MODULES, connector_class
from fulfillment_station.connectors.nexus import CAPABILITIES as NEXUS
from fulfillment_station.domain.models import Address, LineItem, Order, OrderStatus
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import SettingsStore
from tests.helpers.desk_pseudo import PseudoTranslator, untranslated_words, visible_texts
from tests.helpers.keyring import MemoryKeyring

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
# Store data the dialogs show as they are (never translated): digits only, so that any word
# left on screen is the app's own.
ORDER = Order(
    id="10001",
    number="20002",
    dialect="nexus",
    status=OrderStatus.CONFIRMED,
    lines=[LineItem(id="30003", sku="40004", name="50005", quantity=2)],
    ship_to=Address(name="60006", line1="70007", city="80008", country="99"),
    created_at=NOW,
    updated_at=NOW,
)
# Store product names are brands, the same in every language.
BRANDS = {connector_class(d).CAPABILITIES.display_name for d in DIALECT_MODULES}
DATA = {"10001", "20002", "30003", "40004", "50005", "60006", "70007", "80008", "99", *BRANDS}


@pytest.fixture
def pseudo(qapp: Any) -> Iterator[None]:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
    QCoreApplication.removeTranslator(translator)


def _ship(_: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.ship_dialog import ShipDialog

    return ShipDialog(ORDER, NEXUS, now=lambda: NOW)


def _cancel(_: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.cancel_dialog import CancelDialog

    return CancelDialog(ORDER, NEXUS)


def _edit(_: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.edit_dialog import EditOrderDialog

    return EditOrderDialog(ORDER, NEXUS)


def _bulk(_: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.bulk_ship_dialog import BulkShipDialog

    return BulkShipDialog([ORDER], NEXUS)


def _create(_: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.create_order_dialog import CreateOrderDialog

    return CreateOrderDialog(NEXUS)


def _preview(_: Path) -> QWidget:
    from fulfillment_station.ui.common.print_actions import DocumentPreview

    return DocumentPreview(render_slip(sample_order("1"), sample_settings()), "20002")


def _crash(_: Path) -> QWidget:
    from fulfillment_station.ui.shell.crash import CrashDialog

    return CrashDialog()


def _outbox(_: Path) -> QWidget:
    from fulfillment_station.ui.panels.outbox_panel import OutboxPanel

    return OutboxPanel()


def _print_queue(_: Path) -> QWidget:
    from fulfillment_station.ui.panels.print_queue_panel import PrintQueuePanel

    return PrintQueuePanel()


def _settings(tmp: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(SettingsStore(tmp / "settings.json"), TokenStore(MemoryKeyring()))


def _connection(tmp: Path) -> QWidget:
    from fulfillment_station.ui.dialogs.connection_dialog import ConnectionDialog

    return ConnectionDialog(SettingsStore(tmp / "settings.json"), TokenStore(MemoryKeyring()))


def _first_run(tmp: Path) -> QWidget:
    from fulfillment_station.ui.shell.first_run import FirstRunDialog

    return FirstRunDialog(SettingsStore(tmp / "settings.json"), TokenStore(MemoryKeyring()))


def _about(_: Path) -> QWidget:
    from fulfillment_station.ui.shell.help_dialogs import AboutDialog

    return AboutDialog()


def _guide(_: Path) -> QWidget:
    from fulfillment_station.ui.shell.help_dialogs import UserGuideDialog

    return UserGuideDialog("es")


def _shortcuts(_: Path) -> QWidget:
    from PySide6.QtWidgets import QMainWindow

    from fulfillment_station.ui.shell.shortcuts_help import ShortcutsHelpDialog

    window = QMainWindow()
    dialog = ShortcutsHelpDialog(window)
    dialog.window_kept_alive = window  # type: ignore[attr-defined]  # its parent, for the test
    return dialog


SCREENS: dict[str, Callable[[Path], QWidget]] = {
    "about": _about,
    "user guide": _guide,
    "shortcuts": _shortcuts,
    "ship": _ship,
    "cancel": _cancel,
    "edit": _edit,
    "bulk ship": _bulk,
    "create": _create,
    "print preview": _preview,
    "crash": _crash,
    "outbox": _outbox,
    "print queue": _print_queue,
    "settings": _settings,
    "connection": _connection,
    "first run": _first_run,
}


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_no_visible_word_escapes_translation(
    name: str, pseudo: None, qtbot: Any, tmp_path: Path
) -> None:
    screen = SCREENS[name](tmp_path)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    texts = visible_texts(screen)
    for tabs in screen.findChildren(QTabWidget):  # every page, not only the first
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            texts += visible_texts(screen)
    leaks = [
        (where, text) for where, text in dict.fromkeys(texts) if untranslated_words(text, DATA)
    ]
    assert leaks == [], "\n".join(f"{where}: {text}" for where, text in leaks)

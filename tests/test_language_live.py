"""The UI language changes while the app runs: the packer picks Español in Settings and the
main window, its menus, the order list and pack mode are Spanish at once, without a restart.

The session is the one ``fulfillment-station`` builds (real training sandbox, real workers,
real window); the keyring is in memory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from fulfillment_station.session import AppSession
from fulfillment_station.ui.dialogs.settings_dialog import SettingsDialog
from tests.helpers.langdesk_session import training_session

pytestmark = [pytest.mark.e2e, pytest.mark.gui]


@pytest.fixture
def session(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[AppSession]:
    with training_session(qtbot, qapp, tmp_path) as opened:
        yield opened


def menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions() if a.menu() is not None]


def settings_dialog(parts: Any, entry: str) -> SettingsDialog:
    next(a for a in parts.file_menu.menu.actions() if a.text() == entry).trigger()
    return next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    )


# Popping a menu up on the offscreen platform says these; they are about the platform.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_choosing_spanish_in_settings_turns_every_screen_spanish_without_a_restart(
    qtbot: Any, session: AppSession
) -> None:
    english = session.parts
    english.window.show_pack_mode(True)
    assert "&Order" in menu_titles(english.window)
    assert english.pack_view.header.text() == "No order open"
    geometry = english.window.geometry()

    dialog = settings_dialog(english, "&Settings…")
    language = dialog.editor("general.language")
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("es"))
    with qtbot.waitSignal(session.switched, timeout=60_000) as done:
        dialog.save()
    spanish = done.args[0]

    assert spanish is session.parts and spanish.window.isVisible()
    # The packer's window, not a new one: same place and height; wider only if Spanish needs
    # more room than the window had (its longer words raise the minimum width).
    kept = spanish.window.geometry()
    assert (kept.topLeft(), kept.height()) == (geometry.topLeft(), geometry.height())
    assert kept.width() == max(geometry.width(), spanish.window.minimumSizeHint().width())
    # The main window: its menus, one menu's entries, the order list's headers.
    titles = menu_titles(spanish.window)
    assert "&Pedido" in titles and "&Order" not in titles
    file_entries = [a.text() for a in spanish.file_menu.menu.actions() if a.text()]
    assert "&Settings…" not in file_entries
    assert any(text.startswith("&Configuración") for text in file_entries), file_entries
    headers = [
        spanish.window.model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(spanish.window.model.columnCount())
    ]
    assert "Pedido" in headers, headers
    assert "Status" not in headers and "Order" not in headers
    # Pack mode stayed on, and speaks Spanish.
    assert spanish.window.in_pack_mode
    assert spanish.pack_view.header.text() == "Ningún pedido abierto"
    assert spanish.pack_view.message.text().startswith("Escanee un número de pedido")
    assert spanish.window.statusBar().currentMessage().startswith("Configuración guardada.")
    # The orders are all there again.
    qtbot.waitUntil(lambda: len(spanish.window.model.summaries) > 0, timeout=30_000)

    # And back: English again, still without a restart.
    dialog = settings_dialog(spanish, next(t for t in file_entries if "Configuración" in t))
    language = dialog.editor("general.language")
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("en"))
    with qtbot.waitSignal(session.switched, timeout=60_000) as done:
        dialog.save()
    assert "&Order" in menu_titles(done.args[0].window)
    assert done.args[0].pack_view.header.text() == "No order open"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_a_pack_in_progress_carries_over_a_language_change(qtbot: Any, session: AppSession) -> None:
    from fulfillment_station.domain import OrderStatus

    parts = session.parts
    assert parts.sandbox is not None
    order = next(
        s.order
        for s in parts.sandbox.db.query()
        if s.order.status is OrderStatus.CONFIRMED
        and s.order.item_count >= 2
        and all(line.barcode for line in s.order.lines)
        and not s.order.shipments
    )
    parts.window.show_pack_mode(True)
    with qtbot.waitSignal(parts.pack_view.order_opened, timeout=10_000):
        parts.pack_view.on_scan(order.number)
    parts.pack_view.on_scan(order.lines[0].barcode or "")
    assert parts.pack_view.session is not None and parts.pack_view.session.scanned_units == 1

    dialog = settings_dialog(parts, "&Settings…")
    language = dialog.editor("general.language")
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("pt_BR"))
    with qtbot.waitSignal(session.switched, timeout=60_000) as done:
        dialog.save()
    brazilian = done.args[0]
    assert brazilian.window.statusBar().currentMessage().startswith("Configurações salvas.")
    assert brazilian.window.in_pack_mode
    assert brazilian.window.error_banner.isHidden() or "waiting" not in (
        brazilian.window.error_banner.message.text()
    )
    qtbot.waitUntil(lambda: len(brazilian.window.model.summaries) > 0, timeout=30_000)
    with qtbot.waitSignal(brazilian.pack_view.order_opened, timeout=10_000):
        brazilian.pack_view.on_scan(order.number)
    assert brazilian.pack_view.session is not None
    assert brazilian.pack_view.session.scanned_units == 1  # the scan made in English counts

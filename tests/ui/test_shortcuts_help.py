"""The shortcuts overview lists exactly the window's actions that have a shortcut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from fulfillment_station.ui.shell.shortcuts_help import ShortcutsHelpDialog, collect_shortcuts

pytestmark = pytest.mark.gui


def small_window(qtbot: Any) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    toolbar = window.addToolBar("Main")
    sync = QAction("&Sync", window)
    sync.setShortcut(QKeySequence(Qt.Key.Key_F5))
    toolbar.addAction(sync)
    find = QAction("Find…", window)
    find.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
    window.addAction(find)
    menu = window.menuBar().addMenu("&File")
    menu.addAction(QAction("Quit without shortcut", window))
    menu.addAction(sync)  # also in the menu: listed once
    return window


def test_lists_each_action_with_a_shortcut_once(qtbot: Any) -> None:
    window = small_window(qtbot)
    dialog = ShortcutsHelpDialog(window)
    assert dialog.rows() == [("Find", "Ctrl+F, Ctrl+K"), ("Sync", "F5")]
    assert dialog.table.isVisibleTo(dialog)
    assert not dialog.empty.isVisibleTo(dialog)


def test_a_window_without_shortcuts_says_so(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.addAction(QAction("Plain", window))
    dialog = ShortcutsHelpDialog(window)
    assert collect_shortcuts(window) == []
    assert dialog.empty.isVisibleTo(dialog)


def test_escape_closes(qtbot: Any) -> None:
    window = small_window(qtbot)
    dialog = ShortcutsHelpDialog(window)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_pack_mode_keys_and_their_command_barcodes_are_listed(qtbot: Any) -> None:
    from fulfillment_station.services.pack_session import COMMANDS, parse_command

    window = small_window(qtbot)
    dialog = ShortcutsHelpDialog(window)
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Pack mode" in tabs
    rows = [
        tuple(dialog.pack_table.item(r, c).text() for c in range(3))
        for r in range(dialog.pack_table.rowCount())
    ]
    by_key = {key: (title, code) for title, key, code in rows}
    for command, info in COMMANDS.items():
        title, code = by_key[info.key]
        assert title == info.title
        # The listed barcode content is what pack mode reads as that very command.
        assert parse_command(code) is command
    assert "Up, Down" in by_key and "Space" in by_key

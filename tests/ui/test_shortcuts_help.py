"""The shortcuts overview lists exactly the window's actions that have a shortcut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from fulfillment_station.ui.shortcuts_help import ShortcutsHelpDialog, collect_shortcuts

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

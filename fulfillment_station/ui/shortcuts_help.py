"""The keyboard-shortcuts overview: every action with a shortcut that a window holds (toolbar,
menus and window-level actions alike), its text and its key sequence in the platform's own
notation (Ctrl+F here, ⌘F on macOS). Built from the window's live actions, so it can never list
a shortcut the window does not have."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutEntry:
    text: str
    keys: str  # every sequence of the action, platform notation, joined with ", "


def action_label(action: QAction) -> str:
    """An action's text as the packer reads it: mnemonics (``&File``) and ``...`` removed."""
    text = action.text() or action.toolTip() or action.objectName()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def collect_shortcuts(window: QWidget) -> list[ShortcutEntry]:
    """The window's actions with at least one shortcut, sorted by text; an action reachable
    twice (menu and toolbar) is listed once."""
    seen: set[int] = set()
    entries: list[ShortcutEntry] = []
    for action in [*window.actions(), *window.findChildren(QAction)]:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not sequences:
            continue
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
        entries.append(ShortcutEntry(action_label(action), keys))
    return sorted(entries, key=lambda e: e.text.casefold())


class ShortcutsHelpDialog(QDialog):
    """Lists ``collect_shortcuts(window)``; read-only, closes with Esc or Close."""

    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.entries = collect_shortcuts(window)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(self.entries), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, entry in enumerate(self.entries):
            self.table.setItem(row, 0, QTableWidgetItem(entry.text))
            self.table.setItem(row, 1, QTableWidgetItem(entry.keys))
        self.empty = QLabel(self.tr("This window has no keyboard shortcuts."))
        self.empty.setVisible(not self.entries)
        self.table.setVisible(bool(self.entries))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, min(600, 120 + 28 * max(1, len(self.entries))))

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row (for tests and accessibility checks)."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]

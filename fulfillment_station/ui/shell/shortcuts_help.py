"""The keyboard-shortcuts overview: every action with a shortcut that a window holds (toolbar,
menus and window-level actions alike), its text and its key sequence in the platform's own
notation (Ctrl+F here, ⌘F on macOS). Built from the window's live actions, so it can never list
a shortcut the window does not have.

A second tab lists pack mode's keys and the command barcode that does the same, from the pack
session's own table (``services.pack_session.COMMANDS``), so the help and pack mode cannot
disagree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.services.pack_session import COMMANDS, command_payload

#: Pack-mode keys that are not commands of their own (typing, moving, undoing).
PACK_KEYS: tuple[tuple[str, str], ...] = (
    ("0-9, Enter", "Type a quantity, then Enter: the last scan counts that many"),
    ("0-9, *", "Type a quantity, then *: the next scan counts that many"),
    ("Backspace", "Take back the last digit typed"),
    ("Up, Down", "Choose a line"),
    ("Space", "Confirm the chosen line without scanning it"),
)


@dataclass(frozen=True)
class PackKeyEntry:
    text: str
    keys: str
    barcode: str  # the command barcode's content, "" when scanning cannot do it


def pack_mode_entries() -> list[PackKeyEntry]:
    """Pack mode's commands (key and command barcode), then its plain keys."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PackCommands", text)

    entries = [
        PackKeyEntry(tr(info.title), info.key, command_payload(command))
        for command, info in COMMANDS.items()
    ]
    entries += [PackKeyEntry(tr(text), keys, "") for keys, text in PACK_KEYS]
    return entries


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
        self.tabs = QTabWidget()
        main_page = QWidget()
        main_layout = QVBoxLayout(main_page)
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
        main_layout.addWidget(self.empty)
        main_layout.addWidget(self.table)
        self.tabs.addTab(main_page, self.tr("Orders window"))
        self.tabs.addTab(self._pack_page(), self.tr("Pack mode"))
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(620, min(600, 160 + 28 * max(len(self.pack_entries), len(self.entries))))

    def _pack_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.pack_entries = pack_mode_entries()
        self.pack_table = QTableWidget(len(self.pack_entries), 3)
        self.pack_table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Key"), self.tr("Command barcode")]
        )
        self.pack_table.verticalHeader().hide()
        self.pack_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pack_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(self.pack_entries):
            self.pack_table.setItem(row, 0, QTableWidgetItem(entry.text))
            self.pack_table.setItem(row, 1, QTableWidgetItem(entry.keys))
            self.pack_table.setItem(row, 2, QTableWidgetItem(entry.barcode))
        note = QLabel(
            self.tr(
                "Command barcodes do in pack mode what the keys do, from the scanner: print the "
                "sheet from the Print menu (Command barcodes) and keep it at the desk."
            )
        )
        note.setWordWrap(True)
        column.addWidget(self.pack_table)
        column.addWidget(note)
        return page

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row (for tests and accessibility checks)."""

        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]

"""Pseudo-translation for the desk slice's sweep: every string that goes through Qt's
translation comes back wrapped in ⟦…⟧, so visible text outside the brackets did not."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

OPEN, CLOSE = "⟦", "⟧"
# Innermost first: a translated sentence may hold another (a message inside a message).
_WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", re.DOTALL)
# Words a translator keeps as they are: units, currency codes and format names.
KEEP = frozenset(
    {"kg", "cm", "g", "lb", "oz", "PDF", "ZPL", "SKU", "URL", "ID", "API", "OK", "https", "http"}
)


class PseudoTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{CLOSE}" if source else source


def untranslated_words(text: str, data: set[str]) -> list[str]:
    """Words of ``text`` outside ⟦…⟧ (and not test data the dialog was given)."""
    rest = text.replace("&", "")
    while True:
        shorter = _WRAPPED.sub(" ", rest)
        if shorter == rest:
            break
        rest = shorter
    for value in sorted(data, key=len, reverse=True):
        rest = rest.replace(value, " ")
    return [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w not in KEEP]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in ``root`` and its visible children."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        elif isinstance(widget, QLineEdit) and not widget.text():
            found.append((name + " placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            found.append((name, widget.currentText()))
        elif isinstance(widget, QTabWidget):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            columns = model.columnCount(QModelIndex())
            found += [
                (name + " header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(columns)
            ]
        if widget.toolTip():
            found.append((name + " tooltip", widget.toolTip()))
    return [(where, text) for where, text in found if text]

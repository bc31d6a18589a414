"""The one base of the app's table models: a list of rows of one type, one table line each.

Every table in the app (order list, order lines, pack lines, outbox, print queue, bulk ship,
new-order lines, store capabilities) is a list of plain rows shown in named columns. What
differs is only what a cell shows and which cells can be edited, so that is all a subclass
says (:meth:`RowTableModel.header_words`, :meth:`~RowTableModel.cell` and, for editable
tables, :meth:`~RowTableModel.set_cell`). Row bookkeeping, the Qt index checks, header roles,
right-aligned number columns and the signals of a changed row live here once.

Rows are replaced with a model reset rather than per-row signals: tables here hold a few
hundred rows at most (the order list has its own compact storage on top of this base), and a
reset is signalled from C++, which keeps PySide6 6.12's reference leak on Python-side
``emit()`` out of the hot paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of type ``RowT`` in columns; subclasses say the header words and each cell."""

    #: Columns whose cells are edited in place (``set_cell`` decides what a value means).
    editable_columns: ClassVar[frozenset[int]] = frozenset()
    #: Columns of numbers, aligned right so digits line up.
    number_columns: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowT] = []

    # What a subclass says ------------------------------------------------------------------

    def header_words(self) -> Sequence[str]:
        """One translated header per column; its length is the column count."""
        raise NotImplementedError

    def cell(self, row: RowT, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (display, edit, tooltip, font...)."""
        raise NotImplementedError

    def set_cell(self, row: RowT, column: int, value: Any) -> bool:
        """Apply an edit to an editable cell; False refuses it (the editor keeps its text)."""
        return False

    # The rows ------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row_no: int) -> RowT | None:
        return self.rows[row_no] if 0 <= row_no < len(self.rows) else None

    def find_row(self, wanted: Callable[[RowT], bool]) -> int | None:
        """The number of the first row ``wanted`` accepts, if any."""
        return next((i for i, row in enumerate(self.rows) if wanted(row)), None)

    def append_row(self, row: RowT) -> int:
        row_no = len(self.rows)
        self.beginInsertRows(QModelIndex(), row_no, row_no)
        self.rows.append(row)
        self.endInsertRows()
        return row_no

    def remove_row(self, row_no: int) -> None:
        if 0 <= row_no < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row_no, row_no)
            del self.rows[row_no]
            self.endRemoveRows()

    def refresh_rows(self, first: int = 0, last: int | None = None) -> None:
        """Tell the views that rows ``first``..``last`` (default: to the end) changed."""
        last = len(self.rows) - 1 if last is None else last
        if self.rows and first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    # Qt's side -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.header_words())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            words = self.header_words()
            return words[section] if 0 <= section < len(words) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.number_columns:
            return _RIGHT
        return self.cell(self.rows[index.row()], index.column(), role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in self.editable_columns:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.column() not in self.editable_columns
        ):
            return False
        if not self.set_cell(self.rows[index.row()], index.column(), value):
            return False
        self.refresh_rows(index.row(), index.row())
        return True

"""The order list's Qt models: :class:`OrderTableModel` over compact ``OrderSummary`` rows and
:class:`OrderFilterProxy`, which filters and sorts them fast enough for 100,000 orders.

Why not ``QSortFilterProxyModel``: with 100,000 rows it calls a Python ``filterAcceptsRow``
(or ``data`` for sorting) once per row per keystroke, which costs far more than the 50 ms a
keystroke may take. The proxy here keeps the visible rows as a sequence of source rows. It
filters with C-level passes (``map``/``compress``) over the precomputed, normalised search
texts into a one-byte-per-row mask, lays the mask over a cached sort order only as far as
the view reads, and while the packer keeps typing looks again only at the rows still left.
It reports filter, sort and data changes as a layout change, moving persistent indexes by
order identity, so the selection survives a sync or a new filter.

Status and fulfillment are shown as words; :data:`BADGE_ROLE` gives a colour for a badge
delegate as an extra cue, never the only one.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, itemgetter, setitem
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.domain.money import format_money
from fulfillment_station.domain.search_text import search_tokens
from fulfillment_station.domain.summaries import Facet, OrderRef, OrderSummary, Problem

# Column is re-exported for ui/shell/main_window.py.
from fulfillment_station.services.order_filters import Column as Column
from fulfillment_station.services.order_filters import (
    FilterState,
    RowTallies,
    SearchColumns,
    ShownRows,
    and_masks,
    channel_text,
    filter_structured,
    filter_text,
    local_day_start,
    narrows,
    sort_key,
    text_mask,
)
from fulfillment_station.ui.common.table_model import RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (numbers for dates, money)
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2  # QColor for the status/fulfillment badge
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # OrderRef(connection, order_id)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 4  # the OrderSummary of the row

AnyIndex = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        SORT_ROLE,
        BADGE_ROLE,
        KEY_ROLE,
        SUMMARY_ROLE,
    )
)


_TRANSLATED: dict[str, str] = {}


def tr_label(text: str) -> str:
    """A label of this module in the packer's language (looked up once per process)."""
    found = _TRANSLATED.get(text)
    if found is None:
        found = _TRANSLATED[text] = QCoreApplication.translate("OrderTableModel", text)
    return found


def forget_translations() -> None:
    """The UI language changed (``session.AppSession``): look every label up again."""
    _TRANSLATED.clear()


HEADERS: dict[Column, str] = {
    Column.NUMBER: QT_TRANSLATE_NOOP("OrderTableModel", "Order"),
    Column.DATE: QT_TRANSLATE_NOOP("OrderTableModel", "Date"),
    Column.CUSTOMER: QT_TRANSLATE_NOOP("OrderTableModel", "Customer"),
    Column.COUNTRY: QT_TRANSLATE_NOOP("OrderTableModel", "Ship to"),
    Column.ITEMS: QT_TRANSLATE_NOOP("OrderTableModel", "Items"),
    Column.TOTAL: QT_TRANSLATE_NOOP("OrderTableModel", "Total"),
    Column.STATUS: QT_TRANSLATE_NOOP("OrderTableModel", "Status"),
    Column.FULFILLMENT: QT_TRANSLATE_NOOP("OrderTableModel", "Fulfillment"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("OrderTableModel", "Channel"),
}

# label, badge colour (the sort rank is services.order_filters.STATUS_RANK)
STATUS_STYLE: dict[str, tuple[str, str]] = {
    OrderStatus.PENDING: (QT_TRANSLATE_NOOP("OrderTableModel", "Pending"), "#b26a00"),
    OrderStatus.CONFIRMED: (QT_TRANSLATE_NOOP("OrderTableModel", "Confirmed"), "#1565c0"),
    OrderStatus.PROCESSING: (QT_TRANSLATE_NOOP("OrderTableModel", "Processing"), "#6a1b9a"),
    OrderStatus.SHIPPED: (QT_TRANSLATE_NOOP("OrderTableModel", "Shipped"), "#2e7d32"),
    OrderStatus.DELIVERED: (QT_TRANSLATE_NOOP("OrderTableModel", "Delivered"), "#1b5e20"),
    OrderStatus.COMPLETED: (QT_TRANSLATE_NOOP("OrderTableModel", "Completed"), "#455a64"),
    OrderStatus.CANCELLED: (QT_TRANSLATE_NOOP("OrderTableModel", "Cancelled"), "#757575"),
    OrderStatus.UNKNOWN: (QT_TRANSLATE_NOOP("OrderTableModel", "Unknown"), "#c62828"),
}
FULFILLMENT_STYLE: dict[str, tuple[str, str]] = {
    FulfillmentStatus.UNFULFILLED: (QT_TRANSLATE_NOOP("OrderTableModel", "Unfulfilled"), "#b26a00"),
    FulfillmentStatus.PARTIAL: (QT_TRANSLATE_NOOP("OrderTableModel", "Partly shipped"), "#6a1b9a"),
    FulfillmentStatus.FULFILLED: (QT_TRANSLATE_NOOP("OrderTableModel", "Fulfilled"), "#2e7d32"),
}
PROBLEM_TEXT: dict[Problem, str] = {
    Problem.UNKNOWN_STATUS: QT_TRANSLATE_NOOP(
        "OrderTableModel", "The store sent a status this app does not know."
    ),
    Problem.ADDRESS_INCOMPLETE: QT_TRANSLATE_NOOP(
        "OrderTableModel", "The ship-to address lacks a name, street, city or country."
    ),
    Problem.CANCELLED_AFTER_SHIPPING: QT_TRANSLATE_NOOP(
        "OrderTableModel", "Cancelled although goods have already shipped."
    ),
}
_API_STATUS_SHOWN = 40  # characters of an unknown API status shown in the cell
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FEW_ROWS_DIVISOR = 3  # under a third of all rows: filter just those, no full-table pass
_SPARSE_DIVISOR = 64  # under 1/64 of all rows: sort the kept rows instead of finding them
_FEW_POSITIONS = 8  # up to this many rows are looked up one by one after a relayout
_RESORT_ABOVE = 2000  # more changed rows than this: sort again instead of moving each one
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def status_text(row: OrderSummary) -> str:
    label = tr_label(STATUS_STYLE[row.status][0]) if row.status in STATUS_STYLE else row.status
    if row.status == OrderStatus.UNKNOWN and row.api_status:
        return f"{label} ({row.api_status[:_API_STATUS_SHOWN]})"
    return label


ON_HOLD = QT_TRANSLATE_NOOP("OrderTableModel", "on hold")


def problem_text(problems: int) -> str:
    return " ".join(tr_label(text) for flag, text in PROBLEM_TEXT.items() if problems & flag)


class OrderTableModel(RowTableModel[OrderSummary]):
    """One row per cached order, in arrival order; sorting and filtering are the proxy's.

    The list can hold 100,000 orders, so this model keeps an index by order, live tallies and
    sort keys beside the base's rows, and answers ``data`` and ``columnCount`` itself without
    Python-level enum lookups (they run for every cell of every repaint)."""

    #: Source rows whose data changed in place (exact list), emitted after ``dataChanged``.
    rows_updated = Signal(list)

    def __init__(self, rows: Iterable[OrderSummary] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = SearchColumns()
        self._row_of: dict[OrderRef, int] = {}
        self._sort_keys: dict[int, list[Any]] = {}
        self._pending: dict[OrderRef, str] = {}
        self._claims: dict[OrderRef, str] = {}
        self._tallies = RowTallies()
        self._badges = {
            k: QColor(v[1]) for k, v in (*STATUS_STYLE.items(), *FULFILLMENT_STYLE.items())
        }
        self._replace_all(list(rows))

    # --- read access for the proxy and the window ---

    @property
    def summaries(self) -> Sequence[OrderSummary]:
        return self.rows

    @property
    def search_columns(self) -> SearchColumns:
        """Each row's normalised search terms, by source row."""
        return self._search

    def summary(self, row: int) -> OrderSummary:
        return self.rows[row]

    def facet_counts(self, today_start: float) -> Counter[Facet]:
        """How many rows fall into each facet (the preset tabs count these), kept up to date
        as rows change instead of recounted."""
        return self._tallies.facets(self.rows, today_start)

    def channels(self) -> list[str]:
        """The channels and marketplaces the rows come from, sorted."""
        return self._tallies.channels()

    def key_at(self, row: int) -> OrderRef:
        r = self.rows[row]
        return OrderRef(r.connection, r.order_id)

    def row_of(self, key: OrderRef | tuple[str, str]) -> int | None:
        return self._row_of.get(OrderRef(*key))

    def sort_keys(self, column: int) -> list[Any]:
        """``sort_key`` of every row for ``column``, computed once and kept up to date."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [sort_key(r, column) for r in self.rows]
        return keys

    # --- updates ---

    def set_pending(self, pending: dict[OrderRef, str]) -> None:
        """Orders with a write waiting in the outbox, and what it does ("shipping…"): shown
        next to the status until the write settles (optimistic, never replacing the real
        status)."""
        changed = set(pending) ^ set(self._pending)
        changed |= {k for k in pending if self._pending.get(k) != pending[k]}
        self._pending = dict(pending)
        rows = sorted(r for k in changed if (r := self._row_of.get(k)) is not None)
        for row in rows:
            index = self.index(row, Column.STATUS)
            self.dataChanged.emit(index, index)
        if rows:
            self.rows_updated.emit(rows)  # the proxy repaints them

    def set_claims(self, claims: dict[OrderRef, str]) -> None:
        """Orders another desk is packing, and who and since when (the station database):
        shown next to the status while the claim lasts."""
        changed = set(claims) ^ set(self._claims)
        changed |= {k for k in claims if self._claims.get(k) != claims[k]}
        self._claims = dict(claims)
        rows = sorted(r for k in changed if (r := self._row_of.get(k)) is not None)
        for row in rows:
            index = self.index(row, Column.STATUS)
            self.dataChanged.emit(index, index)
        if rows:
            self.rows_updated.emit(rows)

    def claim_text(self, key: OrderRef) -> str | None:
        """The badge of another desk's claim on ``key``, if any."""
        return self._claims.get(key)

    def set_summaries(
        self, rows: Iterable[OrderSummary], search: SearchColumns | None = None
    ) -> None:
        """Replace everything (first load); the selection does not survive this. ``search``
        is ``SearchColumns(rows)`` made beforehand, off the GUI thread (it is plain Python):
        at 100,000 rows building it is the larger part of a load."""
        rows = list(rows)
        if search is not None and len(search) != len(rows):
            raise ValueError("the search columns are not of these rows")
        self.beginResetModel()
        self._replace_all(rows, search)
        self.endResetModel()

    def apply_summaries(self, rows: Iterable[OrderSummary]) -> tuple[list[int], int]:
        """Merge new or changed rows (a sync batch) without a reset: changed rows are updated
        in place (``dataChanged``), new ones appended (``rowsInserted``).

        Returns the changed source rows and the number of rows appended.
        """
        changed: dict[int, OrderSummary] = {}
        added: dict[OrderRef, OrderSummary] = {}
        for summary in rows:
            key = OrderRef(summary.connection, summary.order_id)
            at = self._row_of.get(key)
            if at is None:
                added[key] = summary
            elif self.rows[at] != summary:
                changed[at] = summary
        if changed:
            for at, summary in changed.items():
                self._tallies.remove(self.rows[at])
                self._tallies.add(summary)
                self.rows[at] = summary
                self._search.replace(at, summary)
                for column, keys in self._sort_keys.items():
                    keys[at] = sort_key(summary, column)
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), len(Column) - 1)
            )
            self.rows_updated.emit(sorted(changed))
        if added:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for offset, (key, summary) in enumerate(added.items()):
                self.rows.append(summary)
                self._tallies.add(summary)
                self._search.append(summary)
                self._row_of[key] = first + offset
                for column, keys in self._sort_keys.items():
                    keys.append(sort_key(summary, column))
            self.endInsertRows()
        return sorted(changed), len(added)

    def remove_orders(self, keys: Iterable[OrderRef | tuple[str, str]]) -> int:
        """Drop rows (orders the store no longer lists); returns how many were removed."""
        rows = sorted({r for k in keys if (r := self.row_of(k)) is not None}, reverse=True)
        # one beginRemoveRows per contiguous run, last run first so row numbers stay valid
        runs: list[tuple[int, int]] = []
        for r in rows:
            if runs and runs[-1][0] == r + 1:
                runs[-1] = (r, runs[-1][1])
            else:
                runs.append((r, r))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            for row in self.rows[first : last + 1]:
                self._tallies.remove(row)
            del self.rows[first : last + 1]
            self._search.delete(first, last)
            for keys_ in self._sort_keys.values():
                del keys_[first : last + 1]
            self._reindex()
            self.endRemoveRows()
        return len(rows)

    def _replace_all(self, rows: list[OrderSummary], search: SearchColumns | None = None) -> None:
        self.rows = rows
        self._tallies.reset(rows)
        self._search = search if search is not None else SearchColumns(rows)
        self._sort_keys = {}
        self._reindex()

    def _reindex(self) -> None:
        self._row_of = {OrderRef(r.connection, r.order_id): i for i, r in enumerate(self.rows)}

    # --- QAbstractTableModel ---

    def header_words(self) -> list[str]:
        return [tr_label(HEADERS[column]) for column in Column]

    def cell(self, row: OrderSummary, column: int, role: int) -> Any:
        raise NotImplementedError("data() answers directly: see data_at")

    # The base's row edits, kept consistent with the index, tallies and sort keys.
    def set_rows(self, rows: Iterable[OrderSummary]) -> None:
        self.set_summaries(rows)

    def append_row(self, row: OrderSummary) -> int:
        self.apply_summaries([row])
        at = self.row_of(OrderRef(row.connection, row.order_id))
        assert at is not None
        return at

    def remove_row(self, row_no: int) -> None:
        if 0 <= row_no < len(self.rows):
            self.remove_orders([self.key_at(row_no)])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr_label(HEADERS[Column(section)])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGNMENT[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, column: int, role: int) -> Any:
        """``data`` without building an index (the proxy calls this)."""
        if not (0 <= row < len(self.rows) and 0 <= column < _COLUMNS):
            return None
        r = self.rows[row]
        # Plain ints, not Qt.ItemDataRole/Column members: each member lookup is a Python
        # call, and this runs for every cell of every repaint.
        if role == _DISPLAY_ROLE:
            text = _CELL_TEXT[column](r)
            if column == _STATUS and r.holds:
                text = f"{text} · {tr_label(ON_HOLD)}"
            if column == _STATUS and self._pending:
                doing = self._pending.get(OrderRef(r.connection, r.order_id))
                if doing:
                    text = f"{text} · {doing}"
            if column == _STATUS and self._claims:
                claimed = self._claims.get(OrderRef(r.connection, r.order_id))
                if claimed:
                    text = f"{text} · {claimed}"
            return text
        if role == _ALIGNMENT_ROLE:
            return _ALIGNMENT[column]
        if role == SORT_ROLE:
            return self.sort_keys(column)[row]
        if role == BADGE_ROLE:
            if column == Column.STATUS:
                return self._badges.get(r.status)
            if column == Column.FULFILLMENT:
                return self._badges.get(r.fulfillment)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.STATUS and (r.problems or r.holds):
                return "\n".join(t for t in (problem_text(r.problems), r.holds) if t)
            if column == Column.CUSTOMER and r.email:
                return r.email
            return None
        if role == KEY_ROLE:
            return OrderRef(r.connection, r.order_id)
        if role == SUMMARY_ROLE:
            return r
        return None


def _date_text(r: OrderSummary) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(r.created_at))


def _fulfillment_text(r: OrderSummary) -> str:
    style = FULFILLMENT_STYLE.get(r.fulfillment)
    return tr_label(style[0]) if style else r.fulfillment


@lru_cache(maxsize=4096)
def _money_text(total: str, currency: str | None, locale: str) -> str:
    # Cached: babel's formatting costs tens of microseconds, and this runs for every shown
    # total at every repaint; a list holds few distinct (total, currency) pairs per screen.
    return format_money(Decimal(total), currency, locale)


_TEXT_OF: dict[Column, Callable[[OrderSummary], str]] = {
    Column.NUMBER: attrgetter("number"),
    Column.DATE: _date_text,
    Column.CUSTOMER: attrgetter("customer"),
    Column.COUNTRY: attrgetter("country"),
    Column.ITEMS: lambda r: str(r.item_count),
    Column.TOTAL: lambda r: _money_text(r.total, r.currency, QLocale().name()),
    Column.STATUS: status_text,
    Column.FULFILLMENT: _fulfillment_text,
    Column.CHANNEL: channel_text,
}
_COLUMNS = len(Column)
_CELL_TEXT = tuple(_TEXT_OF[c] for c in Column)  # a cell's text, by column number
_ALIGNMENT = tuple(_RIGHT if c in (Column.ITEMS, Column.TOTAL) else _LEFT for c in Column)
_STATUS = int(Column.STATUS)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)


class OrderFilterProxy(QAbstractProxyModel):
    """Filters and sorts an :class:`OrderTableModel` by a :class:`FilterState`.

    ``clock`` returns epoch seconds (``time.time``); "Shipped today" is judged by it.
    """

    #: Emitted after the visible rows changed (filter, sort or data); carries the row count.
    visible_rows_changed = Signal(int)

    def __init__(
        self,
        source: OrderTableModel,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._state = FilterState()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._ascending: list[int] | None = None  # all source rows by sort key
        self._display: list[int] | None = None  # all source rows in shown order
        # (criteria, day, mask over source rows, passing source rows, the same as shown)
        self._structured: tuple[FilterState, float, bytes, list[int], Sequence[int]] | None = None
        # (text, the structured mask it narrowed, mask over source rows or None when few
        # matched, matching source rows ascending or None when many, the same as shown)
        self._text_result: (
            tuple[str, bytes | None, bytes | None, list[int] | None, Sequence[int]] | None
        ) = None
        self._picker: tuple[Sequence[int], Callable[[bytes], tuple[int, ...]]] | None = None
        self._place_of: tuple[Sequence[int], list[int]] | None = None
        self._rows: Sequence[int] = []
        self._pos: dict[int, int] | None = None
        self._pending: list[tuple[QPersistentModelIndex, OrderRef, int]] = []
        super().setSourceModel(source)
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self._on_source_reset)
        source.rows_updated.connect(self._on_rows_updated)
        source.rowsInserted.connect(self._on_rows_inserted)
        source.rowsAboutToBeRemoved.connect(self._on_rows_about_to_be_removed)
        source.rowsRemoved.connect(self._on_rows_removed)
        self._recompute()

    # --- public API ---

    @property
    def filter_state(self) -> FilterState:
        return self._state

    def set_filter(self, state: FilterState) -> None:
        if state == self._state:
            return
        self._state = state
        rows = self._shown_rows()
        if rows is self._rows:
            # The same rows in the same order (the packer typed a letter every shown order
            # has): no layout change, so the view neither relayouts nor repaints.
            return
        self._begin_layout()
        self._set_rows(rows)
        self._end_layout()

    def set_filter_text(self, text: str) -> None:
        """What each keystroke in the search box calls."""
        self.set_filter(self._state.with_text(text))

    def source_rows(self) -> Sequence[int]:
        """Visible source rows, in shown order."""
        return self._rows

    def summary_at(self, row: int) -> OrderSummary:
        return self._source.summary(self._rows[row])

    def key_at(self, row: int) -> OrderRef:
        return self._source.key_at(self._rows[row])

    def row_of(self, key: OrderRef | tuple[str, str]) -> int | None:
        """The shown row of an order, or None when it is filtered out or unknown."""
        return self._find_positions([self._source.row_of(key)])[0]

    # --- QAbstractProxyModel ---

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        raise TypeError("OrderFilterProxy is bound to the OrderTableModel it was built with")

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:
            return super().parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._rows)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._positions().get(source_index.row())
        return QModelIndex() if row is None else self.createIndex(row, source_index.column())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks ~7 roles per cell and most are unanswered: say so before touching the
        # index, whose accessors are the slow part of a Python data().
        if role not in _ROLES:
            return None
        return self.data_at(index.row(), index.column(), role)  # row -1: an invalid index

    def data_at(self, row: int, column: int, role: int) -> Any:
        """``data`` of a shown row without building an index (the cell delegate calls this)."""
        if not 0 <= row < len(self._rows):
            return None
        return self._source.data_at(self._rows[row], column, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        return self._source.headerData(section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order):
            return

        def update() -> None:
            self._sort_column = column if 0 <= column < len(Column) else -1
            self._sort_order = order
            self._invalidate_order()

        self._relayout(update)

    # --- internals ---

    def _invalidate_order(self) -> None:
        self._ascending = None
        self._display = None
        self._structured = None
        self._text_result = None

    def _display_order(self) -> list[int]:
        if self._display is None:
            n = self._source.rowCount()
            if self._sort_column < 0:
                self._display = list(range(n))
            else:
                if self._ascending is None:
                    keys = self._source.sort_keys(self._sort_column)
                    self._ascending = sorted(range(n), key=keys.__getitem__)
                descending = self._sort_order == Qt.SortOrder.DescendingOrder
                self._display = self._ascending[::-1] if descending else self._ascending
        return self._display

    def _recompute(self) -> None:
        self._set_rows(self._shown_rows())

    def _shown_rows(self) -> Sequence[int]:
        """Work out the shown rows; the very rows shown now when the filter keeps them all.

        Many rows: filters make a mask over source rows (one byte each, scanned in source
        order, where the row data lies in memory in the order it is read: measured 1.7x faster
        than walking it in a sorted order), laid over the shown order as the view reads rows
        (:class:`ShownRows`). Few rows (a narrow preset, or the packer kept typing): only
        those are looked at.
        """
        order = self._display_order()
        n = len(order)
        structured = self._state.structured()
        today = local_day_start(self._clock())
        base_mask: bytes | None
        passing: list[int] | None
        base: Sequence[int]
        if structured == FilterState():
            base_mask, passing, base = None, None, order
        elif self._structured is not None and self._structured[:2] == (structured, today):
            base_mask, passing, base = self._structured[2:]
        else:
            passing = filter_structured(self._source.summaries, self._all_rows(), structured, today)
            base_mask = self._mask_of(passing)
            base = self._shown(len(passing), base_mask, passing)
            self._structured = (structured, today, base_mask, passing, base)
        text = self._state.text
        if not search_tokens(text):
            self._text_result = None
            return base
        columns = self._source.search_columns
        previous = self._text_result
        if previous is not None and previous[1] is base_mask and narrows(previous[0], text):
            within_mask, within_rows, within_shown = previous[2], previous[3], previous[4]
        else:
            within_mask, within_rows, within_shown = base_mask, passing, base
        if within_rows is not None and len(within_rows) * _FEW_ROWS_DIVISOR < max(n, 1):
            matched = filter_text(columns, within_rows, text)
            if len(matched) == len(within_rows):
                shown = within_shown
            else:
                shown = self._shown(len(matched), rows=matched)
            self._text_result = (text, base_mask, None, matched, shown)
        else:
            mask = text_mask(columns, text)
            if within_mask is not None:
                mask = and_masks(mask, within_mask)
            count = mask.count(1)
            # A word most orders contain (the first letter typed) keeps every row: keep the
            # rows already found in shown order.
            unchanged = count == len(within_shown)
            few = count * _FEW_ROWS_DIVISOR < n
            matched_rows = list(compress(self._all_rows(), mask)) if few else None
            shown = within_shown if unchanged else self._shown(count, mask, matched_rows)
            self._text_result = (text, base_mask, mask, matched_rows, shown)
        return shown

    def _set_rows(self, rows: Sequence[int]) -> None:
        self._rows = rows
        self._pos = None

    def _all_rows(self) -> range:
        return range(self._source.rowCount())

    def _mask_of(self, source_rows: Iterable[int]) -> bytes:
        mask = bytearray(self._source.rowCount())
        deque(map(setitem, repeat(mask), source_rows, repeat(1)), maxlen=0)  # builtin: fast
        return bytes(mask)

    def _shown(
        self, count: int, mask: bytes | None = None, rows: list[int] | None = None
    ) -> Sequence[int]:
        """The ``count`` source rows a filter kept, given as a ``mask`` and/or as ``rows``
        (ascending), in shown order. Very few: sorted by their place in that order, as
        finding them from the top means walking most of it. Else :class:`ShownRows`, which
        finds them from the top as the view reads."""
        if rows is not None and count * _SPARSE_DIVISOR < self._source.rowCount():
            return sorted(rows, key=self._places().__getitem__)
        if mask is None:
            mask = self._mask_of(rows or ())
        return ShownRows(self._display_order(), mask, count, self._project)

    def _places(self) -> Sequence[int]:
        """Each source row's place in the shown order (worked out once per order)."""
        order = self._display_order()
        if self._sort_column < 0:
            return range(len(order))
        if self._place_of is None or self._place_of[0] is not order:
            places = [0] * len(order)
            deque(map(setitem, repeat(places), order, range(len(order))), maxlen=0)
            self._place_of = (order, places)
        return self._place_of[1]

    def _project(self, order: Sequence[int], mask: bytes) -> list[int]:
        """The source rows ``mask`` keeps, in ``order``, in one C-level pass."""
        if len(order) < 2:
            return [r for r in order if mask[r]]
        if self._picker is None or self._picker[0] is not order:
            self._picker = (order, itemgetter(*order))
        return list(compress(order, self._picker[1](mask)))

    def _positions(self) -> dict[int, int]:
        if self._pos is None:
            self._pos = {source_row: i for i, source_row in enumerate(self._rows)}
        return self._pos

    def _find_positions(self, source_rows: list[int | None]) -> list[int | None]:
        """Shown rows of a few source rows (a selection, the current row, the headers' marks,
        often all on one row). A full position map costs more than a filter pass at 100,000
        rows, so a handful is looked up one by one."""
        wanted = {r for r in source_rows if r is not None}
        positions: Mapping[int, int | None]
        if self._pos is not None or len(wanted) > _FEW_POSITIONS:
            positions = self._positions()
        else:
            positions = {r: self._position_of(r) for r in wanted}
        return [None if r is None else positions.get(r) for r in source_rows]

    def _position_of(self, source_row: int) -> int | None:
        shown = self._rows
        if shown is self._display:  # every row is shown: its place in the order
            return self._places()[source_row]
        try:
            return shown.index(source_row)
        except ValueError:
            return None

    def _begin_layout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        self._pending = [
            (QPersistentModelIndex(p), self._source.key_at(self._rows[p.row()]), p.column())
            for p in self.persistentIndexList()
            if p.isValid() and p.row() < len(self._rows)
        ]

    def _end_layout(self) -> None:
        old: list[QModelIndex] = []
        new: list[QModelIndex] = []
        positions = self._find_positions([self._source.row_of(key) for _, key, _ in self._pending])
        for (persistent, _, column), row in zip(self._pending, positions, strict=True):
            # QModelIndex(QPersistentModelIndex) is a real constructor the stubs leave out.
            old.append(QModelIndex(persistent))  # type: ignore[call-overload]
            new.append(QModelIndex() if row is None else self.createIndex(row, column))
        self._pending = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
        self.visible_rows_changed.emit(len(self._rows))

    def _relayout(self, update: Callable[[], None]) -> None:
        self._begin_layout()
        update()
        self._recompute()
        self._end_layout()

    def _on_source_reset(self) -> None:
        self._invalidate_order()
        self._recompute()
        self.endResetModel()
        self.visible_rows_changed.emit(len(self._rows))

    def _on_rows_updated(self, rows: list[int]) -> None:
        self._relayout(lambda: self._reposition(rows))

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        self._relayout(lambda: self._reposition(range(first, last + 1), inserted=True))

    def _on_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self._begin_layout()

    def _on_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        self._invalidate_order()
        self._recompute()
        self._end_layout()

    def _reposition(self, rows: Sequence[int], *, inserted: bool = False) -> None:
        """Keep the sorted order after ``rows`` changed or arrived, moving only those rows."""
        ascending = self._ascending
        self._invalidate_order()
        if self._sort_column < 0 or ascending is None or len(rows) > _RESORT_ABOVE:
            return
        keys = self._source.sort_keys(self._sort_column)
        if inserted:
            ascending = list(ascending)  # never change a list a cached result may share
        else:
            moved = set(rows)
            ascending = [r for r in ascending if r not in moved]
        for r in rows:
            bisect.insort(ascending, r, key=keys.__getitem__)
        self._ascending = ascending

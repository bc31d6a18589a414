"""The packer's home screen: preset tabs with live counts, a search box, the order table, the
detail pane, sync with progress and cancel, an online/offline indicator, a non-modal error
banner and (in training mode) an unmistakable TRAINING banner.

The window does no I/O. Two workers serve it, each running typed operations of
``services.operations``: ``sync_worker`` owns the connector and the cache writer (the sync),
``reader`` has its own read connection to the cache so opening an order never waits behind a
long sync.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import error_sentence
from fulfillment_station.domain.summaries import OrderRef, OrderSummary
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.services import operations
from fulfillment_station.services.search_index import PairIndex
from fulfillment_station.services.sync import SyncCancelled, SyncResult
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task, TaskContext
from fulfillment_station.ui.orders.detail_pane import OrderDetailPane, plain_label
from fulfillment_station.ui.orders.filter_bar import FilterBar
from fulfillment_station.ui.orders.filters import (
    PRESETS,
    SearchColumns,
    local_day_start,
    preset_counts,
    preset_text,
)
from fulfillment_station.ui.orders.order_table import Column, OrderFilterProxy, OrderTableModel
from fulfillment_station.ui.orders.order_table_view import OrderTableView
from fulfillment_station.ui.shell.heap import settle_long_lived

if TYPE_CHECKING:
    from fulfillment_station.services.resources import ReaderResources, SyncResources
from fulfillment_station.ui.common.theme import Scheme, banner_style, scheme_of

log = logging.getLogger(__name__)


#: Rows merged into the table per event-loop turn after a sync: about 5 ms at 100,000 rows,
#: so with the repaint that follows a turn stays well under the 50 ms a packer would notice.
APPLY_CHUNK = 300
#: The pause between two slices. A real timer, not a zero-delay call: Qt runs zero-delay calls
#: before timers, so a chain of them starves every timer (scanner bursts, the sync clock).
APPLY_PAUSE_MS = 1
#: Rows added to the search index per event-loop turn: about 5 ms of work.
INDEX_CHUNK = 300
#: The size the window opens at where the screen has room for it; on a smaller screen (1366x768
#: is the most common on warehouse PCs) it opens as large as the screen's free area allows.
PREFERRED_SIZE = QSize(1400, 860)
#: The detail pane's narrowest: the ship-to address and the Copy button side by side.
DETAIL_MIN_WIDTH = 340
#: What the first split leaves the detail pane at least: its item table readable.
DETAIL_FIRST_WIDTH = 400


@dataclass(frozen=True)
class WindowOptions:
    connection_id: str
    connection_label: str
    training: bool = False
    sync_interval_s: int = 300
    sync_on_start: bool = True
    #: where the window keeps its layout between runs (geometry, columns, tab, filters); the
    #: app puts it in the config folder. None: the layout is neither restored nor saved.
    layout_file: Path | None = None


def describe_error(exc: BaseException) -> str:
    """One plain sentence for the packer (plus the API's own words where there are some)."""
    text = translate_message(error_sentence(exc))
    if isinstance(exc, ConnectorError) and (api := exc.api_words):
        text += " " + QCoreApplication.translate("MainWindow", "The API said: {api}").format(
            api=api
        )
    return text


class ErrorBanner(QFrame):
    """A message that stays until the packer dismisses it, or until its cause is gone: a
    message shown with a ``cause`` (``"sync"``, ``"outbox"``, ``"print"``) is hidden by
    :meth:`clear` with that cause (the next sync worked, the failed write went through), unless
    another message has replaced it meanwhile."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        app = QGuiApplication.instance()
        scheme = scheme_of(app) if isinstance(app, QGuiApplication) else Scheme.LIGHT
        self.setStyleSheet(banner_style("error", scheme).stylesheet("#errorBanner"))
        layout = QHBoxLayout(self)
        self.icon = QLabel(self.tr("⚠ Problem:"))
        self.message = plain_label()
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.dismiss)
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.dismiss_button)
        self.cause: str | None = None  # what the message shown is about, if it can pass
        self.hide()

    def show_message(self, text: str, cause: str | None = None) -> None:
        self.message.setText(text)
        self.cause = cause
        self.show()

    def clear(self, cause: str) -> None:
        """``cause`` is gone: its message goes (another cause's message stays)."""
        if self.cause == cause and not self.isHidden():
            self.cause = None
            self.hide()
            self.message.setText("")

    def dismiss(self) -> None:
        self.cause = None
        self.hide()
        self.dismissed.emit()


class MainWindow(QMainWindow):
    sync_finished = Signal(object)  # SyncResult
    sync_failed = Signal(object)  # the exception
    sync_progressed = Signal(int, object)  # orders so far, total or None
    summaries_loaded = Signal(int)  # rows in the table
    search_indexed = Signal(int)  # rows the search box's pair index covers
    order_shown = Signal(object)  # the Order now in the detail pane
    detail_cleared = Signal()  # its order left the list, so the pane shows none
    scan_found = Signal(list)  # OrderRefs a scan named

    def __init__(
        self,
        options: WindowOptions,
        sync_worker: ConnectionWorker[SyncResources],
        reader: ConnectionWorker[ReaderResources],
        *,
        clock: Callable[[], float] = time.time,
        confirm_close: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__()
        self._pending = 0
        self.confirm_close = confirm_close or self._ask_close
        self.options = options
        self.sync_worker = sync_worker
        self.reader = reader
        self.clock = clock
        app = QGuiApplication.instance()
        self._scheme = scheme_of(app) if isinstance(app, QGuiApplication) else Scheme.LIGHT
        self._sync_task: Task[Any] | None = None
        # The cache's first read replaces the whole table, so a sync asked for before it lands
        # waits for it: otherwise a slow read could put the cache's older rows over the
        # sync's (an empty cache would empty the list the sync had just filled).
        self._loading_cache = False
        self._sync_after_load = False
        self._detail_task: Task[Any] | None = None
        self._indexing = False
        title = (
            self.tr("Fulfillment Station — {connection} — TRAINING")
            if options.training
            else self.tr("Fulfillment Station — {connection}")
        )
        self.setWindowTitle(title.format(connection=translate_message(options.connection_label)))
        self.resize(PREFERRED_SIZE)
        self._fitted = False

        self.model = OrderTableModel()
        self._channels_shown: list[str] | None = None
        self.proxy = OrderFilterProxy(self.model, clock=clock)
        self._build_toolbar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        self.training_banner = QLabel(
            self.tr(
                "TRAINING MODE — practice orders on a local sandbox. Nothing here reaches a real "
                "store or a real customer."
            )
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setWordWrap(True)  # one line where it fits, never a wider window
        training = banner_style("training", self._scheme)
        self.training_banner.setStyleSheet(
            f"#trainingBanner {{ background: {training.background}; color: {training.foreground};"
            f" font-weight: bold; font-size: 15px; padding: 6px;"
            f" border: 2px dashed {training.border}; }}"
        )
        self.training_banner.setVisible(options.training)
        self.error_banner = ErrorBanner()
        layout.addWidget(self.error_banner)

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for preset in PRESETS:
            index = self.tabs.addTab(preset_text(preset.label))
            self.tabs.setTabToolTip(index, preset_text(preset.description))
        self.tabs.currentChanged.connect(self._preset_changed)
        layout.addWidget(self.tabs)
        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._apply_filters)
        layout.addWidget(self.filter_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        # Neither side can be dragged away to nothing (a packer would not find it again).
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.table = OrderTableView(self.proxy)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # Oldest first: packers work the queue in the order it came in.
        self.table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.detail = OrderDetailPane()
        self.detail.setMinimumWidth(DETAIL_MIN_WIDTH)
        self._wire_keyboard_path()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.home = central
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        # The training banner sits above both the list and pack mode: never out of sight.
        outer = QWidget()
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.setSpacing(0)
        outer_layout.addWidget(self.training_banner)
        outer_layout.addWidget(self.stack, 1)
        self.setCentralWidget(outer)
        self.setTabOrder(self.search, self.table)  # Tab from the search box: the list
        self.pack_view: QWidget | None = None
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._build_status_bar()

        self.proxy.visible_rows_changed.connect(self._visible_changed)
        # After the selection model has carried the selection over (it connected first).
        self.proxy.layoutChanged.connect(self._list_changed)
        self.proxy.modelReset.connect(self._list_changed)
        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(max(30, options.sync_interval_s) * 1000)
        self.sync_timer.timeout.connect(self.start_sync)
        self._restore_layout()
        self._apply_filters()

    # -- construction -------------------------------------------------------------------------

    def _wire_keyboard_path(self) -> None:
        """Search box → list → detail without the mouse: Enter in the search box opens the
        first match, Down goes into the list (so does Tab, set once both are placed); the menu
        key or a right click on the list offers the order actions."""
        self.search.returnPressed.connect(self.open_first_match)
        self.search.installEventFilter(self)
        #: (action, for several orders) offered by the right-click menu on the list; the
        #: workbench adds the Order menu's actions
        self.order_context_actions: list[tuple[QAction, bool]] = []
        self.table.order_menu_requested.connect(self._order_menu_at)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("mainToolBar")  # its key in the saved layout
        bar.setMovable(False)
        self.addToolBar(bar)
        self.sync_action = QAction(self.tr("Sync"), self)
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setToolTip(self.tr("Fetch new and changed orders from the store (F5)"))
        self.sync_action.triggered.connect(self.start_sync)
        bar.addAction(self.sync_action)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search order number, customer, e-mail, SKU, barcode, tracking…  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(420)
        self.search.textChanged.connect(self.proxy.set_filter_text)
        bar.addWidget(self.search)
        focus_search = QAction(self.tr("Find"), self)
        focus_search.setShortcut(QKeySequence.StandardKey.Find)
        focus_search.triggered.connect(self._focus_search)
        self.addAction(focus_search)
        bar.addSeparator()
        self.connection_label = QLabel(f"  {translate_message(self.options.connection_label)}  ")
        bar.addWidget(self.connection_label)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.online = QLabel(self.tr("● connecting…"))
        self.online.setToolTip(self.tr("Whether the last contact with the store worked"))
        self.count_label = QLabel("")
        self.sync_progress = QProgressBar()
        self.sync_progress.setMaximumWidth(220)
        self.sync_progress.setFormat(self.tr("Syncing %v / %m"))
        self.sync_progress.hide()
        self.cancel_sync = QPushButton(self.tr("Cancel sync"))
        self.cancel_sync.hide()
        self.cancel_sync.clicked.connect(self.cancel_current_sync)
        # Permanent widgets: temporary status messages must not hide the online indicator.
        self.pending_label = QLabel("")
        self.pending_label.setToolTip(self.tr("Writes waiting in the outbox (View → Outbox)"))
        status.addPermanentWidget(self.pending_label)
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.online)
        status.addPermanentWidget(self.sync_progress)
        status.addPermanentWidget(self.cancel_sync)

    # -- panels and pack mode -------------------------------------------------------------------

    def add_panel(
        self, name: str, title: str, widget: QWidget, shortcut: str | None = None
    ) -> QDockWidget:
        """A dockable panel (outbox, print queue), toggled from View: hidden at first, then
        where the packer left it (``name`` is its key in the saved layout)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"panel-{name}")
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        toggle = dock.toggleViewAction()
        if shortcut:
            toggle.setShortcut(QKeySequence(shortcut))
        self.view_menu.addAction(toggle)
        return dock

    def set_pack_view(self, view: QWidget) -> None:
        self.pack_view = view
        self.stack.addWidget(view)
        self.pack_action = QAction(self.tr("&Pack mode"), self)
        self.pack_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.pack_action.setCheckable(True)
        self.pack_action.setToolTip(self.tr("Pack orders with the scanner only (F9)"))
        self.pack_action.toggled.connect(self.show_pack_mode)
        self.view_menu.addAction(self.pack_action)
        self.addAction(self.pack_action)

    def show_pack_mode(self, on: bool) -> None:
        if self.pack_view is None:
            return
        self.stack.setCurrentWidget(self.pack_view if on else self.home)
        (self.pack_view if on else self.table).setFocus()
        if self.pack_action.isChecked() != on:
            self.pack_action.setChecked(on)

    # -- the screen -----------------------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """Keep the whole window, frame included, inside the free area of the screen it is on
        (without the taskbar): shrunk to fit, then moved inside. It may have come from
        ``PREFERRED_SIZE`` or from a geometry saved on a larger monitor. A maximized or full
        screen window is the window system's to place."""
        screen = self.screen()
        if screen is None or self.windowState() & (
            Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        ):
            return
        available = screen.availableGeometry()
        frame = self.frameGeometry()
        # The window system's frame (title bar, borders), known once the window is shown.
        extra_w = frame.width() - self.width()
        extra_h = frame.height() - self.height()
        width = min(self.width(), available.width() - extra_w)
        height = min(self.height(), available.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            frame = self.frameGeometry()
        # Moved inside along each side it fits on; a screen smaller than the window's minimum
        # (below the 1366x768 the window is made for) leaves it where it was put.
        x, y = frame.left(), frame.top()
        if frame.width() <= available.width():
            x = max(available.left(), min(x, available.right() + 1 - frame.width()))
        if frame.height() <= available.height():
            y = max(available.top(), min(y, available.bottom() + 1 - frame.height()))
        if QPoint(x, y) != frame.topLeft():
            self.move(x, y)

    def _split_for_columns(self) -> None:
        """The first split between list and pane: as many of the list's columns in sight as
        leave the pane ``DETAIL_FIRST_WIDTH`` (on a 1366 px screen), at least three fifths for
        the list; the packer's dragging takes over from there."""
        total = sum(self.splitter.sizes()) or self.splitter.width()
        header = self.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not shown or total <= 0:
            return
        last = max(shown, key=header.visualIndex)  # stretched to fill: its own width counts
        columns = sum(header.sectionSize(i) for i in shown if i != last)
        columns += header.sectionSizeHint(last) + self.table.verticalScrollBar().sizeHint().width()
        columns += 2 * self.table.frameWidth()
        table = max(total * 3 // 5, min(columns, total - DETAIL_FIRST_WIDTH))
        self.splitter.setSizes([table, total - table])

    def _settle_first_show(self) -> None:
        self.fit_to_screen()
        self._split_for_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_to_screen()
            # Under a window manager the frame is known only once it has decorated the
            # window, and the splitter has its width once the layout has run: both then.
            QTimer.singleShot(0, self, self._settle_first_show)

    # -- the keyboard path ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.focus_list()
            return True
        return super().eventFilter(watched, event)

    def focus_list(self) -> None:
        """The keys go to the list, on the order open in the detail pane (else the first)."""
        selection = self.table.selectionModel()
        if not selection.hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        rows = sorted(index.row() for index in selection.selectedRows())
        if rows:
            # Up and Down move on from the order shown, not from where the cursor was left.
            current = self.proxy.index(rows[0], max(self.table.currentIndex().column(), 0))
            selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_first_match(self) -> None:
        """Enter in the search box: the first order the list shows opens in the detail pane
        and the keys go to the list (Down for the next match, Ctrl+P prints it)."""
        if not self.proxy.rowCount():
            self.statusBar().showMessage(
                self.tr("No order matches {text}.").format(text=self.search.text().strip()[:40]),
                5000,
            )
            return
        first = self.proxy.key_at(0)
        if self.selected_refs() != [first]:  # else it is open already
            self.table.clearSelection()
            self.select_order(first)
        self.focus_list()

    def add_order_context_action(self, action: QAction, *, several: bool = False) -> None:
        """Offer ``action`` in the right-click menu on the list: when one order is selected,
        or (``several``) when more than one is."""
        self.order_context_actions.append((action, several))

    def order_context_menu(self) -> QMenu | None:
        """The menu for the orders selected now (None when nothing applies)."""
        several = len(self.table.selectionModel().selectedRows()) > 1
        chosen = [
            action
            for action, for_several in self.order_context_actions
            if for_several == several and action.isVisible()
        ]
        if not chosen:
            return None
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # a disabled action says why
        menu.addActions(chosen)
        return menu

    def _order_menu_at(self, where: QPoint, row: int) -> None:
        """The right-click menu at ``where`` (global); ``row`` is the row clicked, -1 for the
        menu key or a click below the last order (the selection as it is)."""
        if row >= 0 and not self.table.selectionModel().isRowSelected(row):
            # A right click on another order works on that order, as in every list.
            self.table.selectRow(row)
        menu = self.order_context_menu()
        if menu is None:
            return
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context_menu = menu  # the menu on screen (tests look at it)
        menu.popup(where)

    def _list_changed(self) -> None:
        """A search, a filter, a sync or a ship changed what the list shows: the detail pane
        shows an order only while the list shows it too, and then it is the selected one (so
        Ctrl+P and the Order menu act on what the packer sees)."""
        shown = self.detail.order
        if shown is None:
            return
        key = OrderRef(self.options.connection_id, shown.id)
        rows = self.table.selectionModel().selectedRows()
        if any(self.proxy.key_at(index.row()) == key for index in rows):
            return
        if self.proxy.row_of(key) is None:
            if self._detail_task is not None:
                self._detail_task.cancel()
                self._detail_task = None
            self.detail.show_order(None)
            self.detail_cleared.emit()
        elif not rows:  # the selection was lost on the way, the order is still listed
            self.select_order(key)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_sync_interval(self, seconds: int) -> None:
        """How often the background sync runs (the setting applies at once)."""
        self.sync_timer.setInterval(max(30, seconds) * 1000)

    @property
    def in_pack_mode(self) -> bool:
        return self.pack_view is not None and self.stack.currentWidget() is self.pack_view

    def on_scan(self, text: str) -> None:
        """A scanner burst anywhere in the window: pack mode takes it, else it opens the
        order it names (order number, slip, tracking number, SKU or barcode)."""
        if self.in_pack_mode:
            self.pack_view.on_scan(text)  # type: ignore[union-attr]
            return
        task = self.reader.call(operations.find_order_refs, text)
        task.succeeded.connect(lambda refs, t=text: self._scan_found(t, refs))
        task.failed.connect(self._show_error)

    def _scan_found(self, text: str, refs: list[OrderRef]) -> None:
        if not refs:
            self.statusBar().showMessage(
                self.tr("No order matches the scan {scan}.").format(scan=text[:40]), 8000
            )
            return
        if self.proxy.row_of(refs[0]) is None:  # filtered out: show every order
            self.search.clear()
            self.tabs.setCurrentIndex([p.key for p in PRESETS].index("all"))
        self.select_order(refs[0])
        if len(refs) > 1:
            self.statusBar().showMessage(
                self.tr("{count} orders match the scan {scan}; the first is open.").format(
                    count=len(refs), scan=text[:40]
                ),
                8000,
            )
        self.scan_found.emit(refs)

    def next_after(self, ref: OrderRef) -> OrderRef | None:
        """The order after ``ref`` in the list as shown (its filter and sort), for pack mode;
        orders the list already shows shipped, cancelled or held are passed over."""
        found = self.refs_after(ref, 1)
        return found[0] if found else None

    def refs_after(self, ref: OrderRef, limit: int) -> list[OrderRef]:
        """Up to ``limit`` packable orders after ``ref`` in the list as shown, in order: the
        candidates "next order" offers the station database (it skips the claimed ones). A
        held order (``domain.holds``) is not one: pack mode would refuse it, and the station
        database would keep it claimed by this desk."""
        packable = {status.value for status in SHIPPABLE}
        row = self.proxy.row_of(ref)
        start = 0 if row is None else row + 1
        found: list[OrderRef] = []
        for r in range(start, self.proxy.rowCount()):
            key = self.proxy.key_at(r)
            summary = self.proxy.summary_at(r)
            if key != ref and summary.status in packable and not summary.holds:
                found.append(key)
                if len(found) >= limit:
                    break
        return found

    def selected_refs(self) -> list[OrderRef]:
        return [self.proxy.key_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def apply_orders(self, orders: list[Order], rows: list[OrderSummary] | None = None) -> None:
        """Orders changed by an action (already in the cache): refresh their rows (``rows``
        when the caller has them, else read from the cache) and, if shown, the detail pane."""
        if rows is not None:
            self.model.apply_summaries(rows)
            self._update_counts()
        else:
            task = self.reader.call(
                operations.summaries_for, self.options.connection_id, [o.id for o in orders]
            )
            task.succeeded.connect(self.model.apply_summaries)
            task.succeeded.connect(lambda _rows: self._update_counts())
        shown = self.detail.order
        for order in orders:
            if shown is not None and order.id == shown.id:
                self.detail.show_order(order)
                self.order_shown.emit(order)

    # -- start-up -----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the cache at once, then sync (and keep syncing every few minutes)."""
        connection = self.options.connection_id
        # The panels exist by now (the workbench adds them after building the window).
        state = self._layout_store()
        panels = state.value("window/panels") if state is not None else None
        if panels is not None:
            self.restoreState(panels)

        def load(ctx: TaskContext[ReaderResources]) -> tuple[list[OrderSummary], SearchColumns]:
            rows = operations.load_summaries(ctx.resources, connection)
            return rows, SearchColumns(rows)  # plain Python: built here, not on the GUI thread

        task = self.reader.submit(load, "load summaries")
        self._loading_cache = True
        task.succeeded.connect(self._summaries_loaded)
        task.failed.connect(self._show_error)
        task.finished.connect(self._cache_load_ended)
        if self.options.sync_on_start:
            self.start_sync()
        self.sync_timer.start()

    def _cache_load_ended(self) -> None:
        self._loading_cache = False
        if self._sync_after_load:
            self._sync_after_load = False
            self.start_sync()

    def _summaries_loaded(self, loaded: tuple[list[OrderSummary], SearchColumns]) -> None:
        rows, search = loaded
        self.model.set_summaries(rows, search)
        self._update_channels()
        self._update_counts()
        self._select_first_if_none()
        settle_long_lived()
        self._index_search()
        self.summaries_loaded.emit(len(rows))

    def _index_search(self) -> None:
        """Build the search box's pair index when it would pay (after a load, after a sync
        changed many rows): a slice of rows per event-loop turn on this thread, so typing
        and painting go on (on a worker, pure-Python work makes every paint callback of the
        window wait for the GIL). Searches scan until it is ready."""
        columns = self.model.search_columns
        if self._indexing or not columns.wants_index():
            return
        snapshot, texts = columns.index_snapshot()
        steps = PairIndex.build_in_steps(texts, INDEX_CHUNK)
        self._indexing = True

        def step() -> None:
            if self.model.search_columns is not columns:  # replaced by a fresh load
                self._indexing = False
                self._index_search()
                return
            try:
                next(steps)
            except StopIteration as done:
                self._indexing = False
                if columns.attach_index(snapshot, done.value):
                    self.search_indexed.emit(done.value.rows)
                self._index_search()  # rows changed a lot meanwhile: again
                return
            except Exception:  # e.g. out of memory: searches keep scanning
                log.exception("could not index the search terms; searches scan")
                self._indexing = False
                columns.forget_snapshot(snapshot)
                return
            QTimer.singleShot(APPLY_PAUSE_MS, self, step)

        QTimer.singleShot(APPLY_PAUSE_MS, self, step)

    def _select_first_if_none(self) -> None:
        """Keyboard-first: the table has focus and an order is open from the start."""
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    # -- sync ---------------------------------------------------------------------------------

    def start_sync(self) -> None:
        if self._sync_task is not None:
            return  # one at a time; F5 during a sync does nothing
        if self._loading_cache:
            self._sync_after_load = True  # starts when the cache's rows are in the table
            return
        connection = self.options.connection_id

        task = self.sync_worker.submit(
            lambda ctx: operations.run_sync(
                ctx.resources, connection, progress=ctx.report, cancelled=ctx.cancelled
            ),
            "sync",
        )
        self._sync_task = task
        task.progress.connect(self._sync_progress)
        task.succeeded.connect(self._sync_done)
        task.failed.connect(self._sync_failed)
        self.sync_action.setEnabled(False)
        self.sync_progress.setRange(0, 0)
        self.sync_progress.show()
        self.cancel_sync.show()
        self.statusBar().showMessage(self.tr("Syncing…"))

    def cancel_current_sync(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            self.cancel_sync.setEnabled(False)

    def _sync_progress(self, done: int, total: object) -> None:
        if isinstance(total, int) and total >= done:
            self.sync_progress.setRange(0, total)
        self.sync_progress.setValue(done)
        self.sync_progressed.emit(done, total)

    def _sync_ended(self) -> None:
        self._sync_task = None
        self.sync_action.setEnabled(True)
        self.sync_progress.hide()
        self.cancel_sync.hide()
        self.cancel_sync.setEnabled(True)

    def _sync_done(self, payload: tuple[SyncResult, list[OrderSummary]]) -> None:
        result, rows = payload
        self._sync_ended()
        self._set_online(True)
        self.error_banner.clear("sync")  # the store answers again
        self._apply_in_chunks(rows, result)

    def _apply_in_chunks(self, rows: list[OrderSummary], result: SyncResult) -> None:
        """Merge a big sync into the table a slice per event-loop turn, so typing and scans
        never wait long behind it; ``sync_finished`` follows the last slice."""
        self.model.apply_summaries(rows[:APPLY_CHUNK])
        rest = rows[APPLY_CHUNK:]
        if rest:
            QTimer.singleShot(APPLY_PAUSE_MS, lambda: self._apply_in_chunks(rest, result))
            return
        if result.removed:
            self.model.remove_orders(OrderRef(result.connection, i) for i in result.removed)
        self._update_channels()
        self._update_counts()
        self._select_first_if_none()
        settle_long_lived()
        self._index_search()
        if result.removed:
            text = self.tr("Synced {seen} orders: {new} new, {changed} changed, {removed} gone")
        else:
            text = self.tr("Synced {seen} orders: {new} new, {changed} changed")
        text = text.format(
            seen=result.seen,
            new=len(result.new),
            changed=len(result.changed),
            removed=len(result.removed),
        )
        if result.unreadable:
            # One order the app cannot understand never stops the others; say it was skipped.
            self.error_banner.show_message(
                translate_message(result.unreadable_message), cause="sync"
            )
        self.statusBar().showMessage(text, 8000)
        self.sync_finished.emit(result)

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_ended()
        if isinstance(exc, SyncCancelled):
            self.statusBar().showMessage(
                self.tr("Sync cancelled; the orders synced so far are kept."), 8000
            )
            # Pages written before the cancel are in the cache: show them.
            self.start_refresh_from_cache()
        else:
            self._set_online(not operations.is_offline(exc))
            self._show_error(
                exc,
                prefix=self.tr("Sync failed; the orders shown are from the last successful sync."),
                cause="sync",
            )
        self.sync_failed.emit(exc)

    def start_refresh_from_cache(self) -> None:
        connection = self.options.connection_id
        task = self.reader.call(operations.load_summaries, connection)
        task.succeeded.connect(self.model.apply_summaries)
        task.succeeded.connect(lambda _rows: self._update_counts())

    def _set_online(self, online: bool) -> None:
        self.online.setText(self.tr("● online") if online else self.tr("● OFFLINE"))
        style = banner_style("online" if online else "offline", self._scheme)
        self.online.setStyleSheet(
            f"color: {style.foreground};" + ("" if online else " font-weight: bold;")
        )

    def _show_error(self, exc: BaseException, prefix: str = "", cause: str | None = None) -> None:
        log.warning("shown to the packer: %s", exc)
        text = describe_error(exc)
        self.error_banner.show_message(f"{prefix} {text}".strip(), cause)

    # -- filters, counts, selection -------------------------------------------------------------

    def _preset_changed(self, _index: int) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        """The current preset, narrowed by the filter bar, with the search text kept."""
        index = self.tabs.currentIndex()
        if 0 <= index < len(PRESETS):
            state = self.filter_bar.apply_to(PRESETS[index].state)
            self.proxy.set_filter(replace(state, text=self.proxy.filter_state.text))

    def _update_channels(self) -> None:
        channels = self.model.channels()
        if channels != self._channels_shown:
            self._channels_shown = channels
            self.filter_bar.set_channels(channels)

    def _update_counts(self) -> None:
        counts = preset_counts(self.model.facet_counts(local_day_start(self.clock())))
        for i, preset in enumerate(PRESETS):
            self.tabs.setTabText(i, f"{preset_text(preset.label)} ({counts[preset.key]})")
        self._visible_changed(self.proxy.rowCount())

    def _visible_changed(self, visible: int) -> None:
        self.count_label.setText(
            self.tr("{visible} of {total} orders shown").format(
                visible=visible, total=len(self.model.summaries)
            )
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            if not rows:
                self.detail.show_order(None)
            return
        key = self.proxy.key_at(rows[0].row())
        if self._detail_task is not None:
            self._detail_task.cancel()

        def load(ctx: TaskContext[ReaderResources]) -> Order | None:
            if ctx.cancelled():
                return None
            return operations.cached_order(ctx.resources, key)

        task = self.reader.submit(load, "open order")
        self._detail_task = task
        task.succeeded.connect(lambda order, t=task: self._order_loaded(t, order))
        task.failed.connect(self._show_error)

    def _order_loaded(self, task: Task[Any], order: Order | None) -> None:
        if task is not self._detail_task or order is None:
            return  # a newer selection won
        if self.proxy.row_of(OrderRef(self.options.connection_id, order.id)) is None:
            return  # it left the list while it was read
        self.detail.show_order(order)
        self.order_shown.emit(order)
        # A change the store's list does not show (a note edited at the store) reaches the
        # pane when the copy is a few minutes old: read again on the sync worker.
        ref = OrderRef(self.options.connection_id, order.id)
        refresh = self.sync_worker.call(operations.refresh_opened_order, ref)
        refresh.succeeded.connect(self._refreshed)

    def _refreshed(self, fresh: Order | None) -> None:
        if fresh is not None:
            self.apply_orders([fresh])

    def select_order(self, key: OrderRef) -> bool:
        row = self.proxy.row_of(key)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    # -- shutdown -----------------------------------------------------------------------------

    def _ask_close(self, pending: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Quit with actions waiting?"),
            self.tr(
                "{n} action(s) are still waiting to be sent to the store. They are saved "
                "and will be sent when the app starts again. Quit now?"
            ).format(n=pending),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def set_pending(self, count: int) -> None:
        self._pending = count
        self.pending_label.setText(self.tr("Outbox: {n} waiting").format(n=count) if count else "")

    def _layout_store(self) -> QSettings | None:
        """Window state (not settings): geometry, columns, tab, filters, between runs."""
        path = self.options.layout_file
        return None if path is None else QSettings(str(path), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        state = self._layout_store()
        if state is None:
            return
        header = self.table.horizontalHeader()
        saved_header = state.value("table/header")
        if saved_header is not None and header.restoreState(saved_header):
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        geometry = state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(int(str(state.value("filters/tab", 0) or 0)))
        saved_bar = state.value("filters/bar")
        if isinstance(saved_bar, str):
            with contextlib.suppress(ValueError):
                self.filter_bar.restore(json.loads(saved_bar))

    def save_layout(self) -> None:
        state = self._layout_store()
        if state is None:
            return
        state.setValue("table/header", self.table.horizontalHeader().saveState())
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/panels", self.saveState())
        state.setValue("filters/tab", self.tabs.currentIndex())
        state.setValue("filters/bar", json.dumps(self.filter_bar.state()))
        state.sync()

    def closeEvent(self, event: Any) -> None:
        if self._pending and not self.confirm_close(self._pending):
            event.ignore()
            return
        self.save_layout()
        self.sync_timer.stop()
        if self._sync_task is not None:
            self._sync_task.cancel()
        super().closeEvent(event)

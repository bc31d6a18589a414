"""Pack mode: the packer's full-screen view for packing an order with scans only.

The view shows the order header, its lines (SKU, name, scanned/needed and a text state, never
colour alone), a progress bar and one big message area. Scans arrive through :meth:`on_scan`
(the lead connects ``ScannerFilter.scanned`` to it); keys typed by a person arrive as normal
key presses. The counting rules live in :class:`~fulfillment_station.services.pack_session.
PackSession`; everything outside (finding, loading, printing, shipping, the next order) goes
through the injected :class:`~fulfillment_station.services.pack_session.PackHost`.

The flow, with no mouse: a scan of an order number / slip / tracking number opens the order
(``host.find_orders`` then ``host.load_order``); item scans count; once every line is verified
the documents print (once per order, if ``auto_print``), the packer is asked to scan the
tracking number (unless printing bought a label and returned one), ``host.ship`` is called and
the next order of the current list opens (``host.next_order_after``).

An error (wrong item, over-scan, junk, a failed print or ship) plays the error sound, turns the
message area red with the text "STOP" and stays until the packer acknowledges it (Esc, Enter,
the OK command barcode) or scans a right item. Keys (each also a command barcode): Esc
acknowledge, Ctrl+Z undo, F2 ship what is scanned (while asked for the tracking number: ship
without one), F3 ship all unverified (if allowed), F4 next package, F5 reprint, F8 reset, F10
close the order (also stops waiting for a host that does not answer while loading or printing;
never while shipping, which is already under way). To switch orders mid-pack: F10, then scan.
Digits then Enter: the last scan counts that many; digits then ``*``: the next scan counts that
many. Up/Down pick a line, Space confirms it (items without a barcode).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fulfillment_station.domain.models import Order
from fulfillment_station.scanning.barcodes import ScanKind, classify_scan
from fulfillment_station.services.pack_session import (
    PackCommand,
    PackError,
    PackHost,
    PackLine,
    PackRefused,
    PackSession,
    PrintOutcome,
    ProgressStore,
    Ticked,
    parse_command,
)
from fulfillment_station.store.cache import OrderRef
from fulfillment_station.ui.i18n import translate_message
from fulfillment_station.ui.sounds import SoundPlayer

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PackModeOptions:
    font_point_size: int = 18
    auto_print: bool = True
    allow_ship_unverified: bool = False


class PackPhase(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PACKING = "packing"
    PRINTING = "printing"
    AWAIT_TRACKING = "await_tracking"
    SHIPPING = "shipping"


_BUSY = (PackPhase.LOADING, PackPhase.PRINTING, PackPhase.SHIPPING)
_ABANDONABLE = (PackPhase.LOADING, PackPhase.PRINTING)

_KEY_COMMANDS: dict[int, PackCommand] = {
    Qt.Key.Key_F2: PackCommand.SHIP_SCANNED,
    Qt.Key.Key_F3: PackCommand.SHIP_ALL,
    Qt.Key.Key_F4: PackCommand.NEXT_PACKAGE,
    Qt.Key.Key_F5: PackCommand.REPRINT,
    Qt.Key.Key_F8: PackCommand.RESET,
    Qt.Key.Key_F10: PackCommand.CANCEL,
    Qt.Key.Key_Escape: PackCommand.ACKNOWLEDGE,
}

_STYLE_INFO = "background: #111; color: #fff; padding: 12px;"
_STYLE_GOOD = "background: #0b3d1a; color: #fff; padding: 12px;"
_STYLE_ERROR = "background: #c00000; color: #fff; padding: 12px; font-weight: bold;"
_STYLE_FLASH = "background: #ff3030; color: #000; padding: 12px; font-weight: bold;"
_FLASHES = 6  # style changes of the error flash (3 blinks), then the red stays
_FLASH_MS = 110


class PackLinesModel(QAbstractTableModel):
    """The order's lines in pick order: SKU, name, scanned/needed, state in words."""

    HEADERS = (QT_TRANSLATE_NOOP("PackLinesModel", "SKU"),
               QT_TRANSLATE_NOOP("PackLinesModel", "Item"),
               QT_TRANSLATE_NOOP("PackLinesModel", "Scanned"),
               QT_TRANSLATE_NOOP("PackLinesModel", "State"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[PackLine] = []

    def set_lines(self, lines: list[PackLine]) -> None:
        # A reset rather than dataChanged: the lines are few, and PySide6 6.12.0 on CPython
        # 3.11 drops a reference to True on every Python-side ``emit()`` (see the report on
        # issue 7), while a reset is signalled from C++.
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> PackLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == 0:
                return line.sku
            if column == 1:
                if line.barcode or not line.sku:
                    return line.name
                return self.tr("{name} (no barcode)").format(name=line.name)
            if column == 2:
                return f"{line.scanned} / {line.needed}"
            return self.tr("✓ done") if line.done else translate_message(line.state_text)
        if role == Qt.ItemDataRole.FontRole and line.done:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None


class PackModeView(QWidget):
    """Pack mode. ``store`` keeps scan progress; ``sounds`` plays the feedback."""

    order_opened = Signal(object)  # Order
    order_shipped = Signal(object)  # Order

    def __init__(self, host: PackHost, store: ProgressStore, sounds: SoundPlayer,
                 options: PackModeOptions | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._store = store
        self._sounds = sounds
        self.options = options or PackModeOptions()
        self.session: PackSession | None = None
        self.phase = PackPhase.IDLE
        self.error_shown = False
        self._typed = ""
        self._generation = 0
        self._ship_lines: dict[str, int] = {}
        self._after_ship = "next"
        self._flash_id = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._show_info(self._start_prompt())

    # --- layout ---

    def _build(self) -> None:
        size = self.options.font_point_size
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        self.setStyleSheet("QWidget { background: #000; color: #fff; }")
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("No order open"), self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet(f"font-size: {int(size * 1.5)}pt; font-weight: bold;")
        self.model = PackLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setStyleSheet("QTableView { background: #111; color: #fff; "
                                 "selection-background-color: #ffd200; selection-color: #000; }")
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m units scanned"))
        self.progress.setMinimumHeight(int(size * 2.2))
        self.quantity = QLabel("", self)
        self.quantity.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # scans and API text are untrusted
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(int(size * 5))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self.tr("Esc OK · Ctrl+Z undo · F2 ship scanned · F4 next package · "
                                   "F5 reprint · F8 reset · F10 close · 12 Enter: last scan ×12 · "
                                   "12 *: next scan ×12 · Space: confirm line"), self)
        self.hint.setWordWrap(True)
        for widget in (self.header, self.table, self.progress, self.quantity, self.message,
                       self.hint):
            layout.addWidget(widget)
        layout.setStretch(1, 3)
        layout.setStretch(4, 2)

    # --- entry points ---

    @Slot(str)
    def on_scan(self, text: str) -> None:
        """One scan from the scanner (the ScannerFilter's ``scanned``)."""
        command = parse_command(text)
        if command is not None:
            self.run_command(command)
            return
        if self.phase in _BUSY:
            self._show_error(self.tr("Wait a moment: the app is still working on the last step. "
                                     "Scan again when this message changes."))
            return
        if self.phase is PackPhase.IDLE or self.session is None:
            self._open_by_scan(text)
        elif self.phase is PackPhase.PACKING:
            self._scan_item(text)
        elif self.phase is PackPhase.AWAIT_TRACKING:
            self._scan_tracking(text)

    def run_command(self, command: PackCommand) -> None:
        """What a command barcode or its key does."""
        self._typed = ""
        self._show_typed()
        session = self.session
        if command is PackCommand.ACKNOWLEDGE:
            self._acknowledge()
            return
        if command is PackCommand.CANCEL and self.phase in _ABANDONABLE:
            # A host that never answers must not trap the packer; a late answer is ignored.
            # Not while shipping: that write is already on its way.
            self._close_order(self.tr("Stopped. Scan an order to open it."))
            return
        if self.phase in _BUSY:
            self._show_error(self.tr("Wait a moment: the app is still working on the last step."))
            return
        if session is None or self.phase is PackPhase.IDLE:
            self._show_error(self.tr("No order is open: scan an order number first."))
            return
        if command is PackCommand.REPRINT:
            self._print(reprint=session.printed)
        elif command is PackCommand.CANCEL:
            if self.phase is PackPhase.AWAIT_TRACKING:
                self._ship_lines = {}
                self._set_phase(PackPhase.PACKING)
                self._show_info(self.tr("Shipping stopped. Keep scanning, or F2 to ship what is "
                                         "scanned."))
            else:
                self._close_order(self.tr("Order closed; its scans are kept. Scan an order to open "
                                          "it."))
        elif command is PackCommand.UNDO:
            self._undo()
        elif command is PackCommand.RESET:
            session.reset()
            self._ship_lines = {}
            self._set_phase(PackPhase.PACKING)
            self._refresh()
            self._show_info(self.tr("All counts of this order are back to 0. Scan the items."))
        elif self.phase is PackPhase.AWAIT_TRACKING and command is PackCommand.SHIP_SCANNED:
            self._ship(None, None)  # no label to scan (pickup, letter post): ship without one
        elif self.phase is PackPhase.PACKING:
            try:
                if command is PackCommand.SHIP_ALL:
                    lines = session.ship_all_unverified()
                else:
                    lines = session.ship_scanned()
            except PackRefused as exc:
                self._show_pack_error(exc.error)
                return
            after = "same" if command is PackCommand.NEXT_PACKAGE else "next"
            self._begin_shipping(lines, after)
        else:
            self._show_error(self.tr("The order is waiting for its tracking number: scan it, F2 to "
                                     "ship without one, or F10 to go back to packing."))

    # --- keys typed by a person ---

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.run_command(PackCommand.UNDO)
            return
        if key in _KEY_COMMANDS:
            self.run_command(_KEY_COMMANDS[key])
            return
        text = event.text()
        if text.isdigit() and text.isascii() and len(self._typed) < 4:
            self._typed += text
            self._show_typed()
        elif key == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._show_typed()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
        elif text in ("*", "x", "X"):
            self._set_pending()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_selection(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Space:
            self._confirm_selected()
        else:
            super().keyPressEvent(event)

    def _on_enter(self) -> None:
        typed, self._typed = self._typed, ""
        self._show_typed()
        session = self.session
        if not typed:
            self._acknowledge()
            return
        if session is None or self.phase is not PackPhase.PACKING:
            self._show_error(self.tr("Open an order first, then type a quantity."))
            return
        if session.last_ticked is None:
            self._set_pending(typed)
            return
        self._after_count(session.amend_last_quantity(int(typed)))

    def _set_pending(self, typed: str | None = None) -> None:
        typed = typed if typed is not None else self._typed
        self._typed = ""
        session = self.session
        if session is None or self.phase is not PackPhase.PACKING or not typed:
            self._show_typed()
            return
        try:
            session.set_pending_quantity(int(typed))
        except PackRefused as exc:
            self._show_pack_error(exc.error)
        self._show_typed()

    def _show_typed(self) -> None:
        pending = self.session.pending_quantity if self.session is not None else None
        if self._typed:
            self.quantity.setText(self.tr("Quantity typed: {n}  (Enter: last scan counts {n} · "
                                          "*: next scan counts {n})").format(n=self._typed))
        elif pending:
            self.quantity.setText(self.tr("Next scan counts {n} units").format(n=pending))
        else:
            self.quantity.setText("")

    def _move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        row = min(rows - 1, max(0, current + step if current >= 0 else 0))
        self.table.selectRow(row)

    def _confirm_selected(self) -> None:
        session = self.session
        line = self.model.line_at(self.table.currentIndex().row())
        if session is None or self.phase is not PackPhase.PACKING or line is None:
            self._show_error(self.tr("Pick a line with Up/Down first, then press Space to confirm "
                                     "it."))
            return
        self._after_count(session.confirm_line(line.line_id))

    # --- packing ---

    def _scan_item(self, text: str) -> None:
        assert self.session is not None
        self._after_count(self.session.scan(text))

    def _after_count(self, outcome: Ticked | PackError) -> None:
        session = self.session
        assert session is not None
        self._refresh()
        if isinstance(outcome, PackError):
            self._show_pack_error(outcome)
            return
        self._select_line(outcome.line.line_id)
        if session.complete:
            self._sounds.play_complete()
            self._begin_shipping(session.ship_scanned(), "next")
            return
        self._sounds.play_success()
        line = outcome.line
        self._show_info(self.tr("✓ {sku} {name}: {scanned} of {needed} ({state})").format(
            sku=line.sku, name=line.name, scanned=line.scanned, needed=line.needed,
            state=translate_message(line.state_text)), good=True)

    def _undo(self) -> None:
        session = self.session
        assert session is not None
        if self.phase is PackPhase.AWAIT_TRACKING:
            self._ship_lines = {}
            self._set_phase(PackPhase.PACKING)
        line = session.undo()
        self._refresh()
        if line is None:
            self._show_info(self.tr("Nothing to undo."))
        else:
            self._show_info(self.tr("Undone: {sku} {name} is back to {scanned} of "
                                    "{needed}.").format(
                sku=line.sku, name=line.name, scanned=line.scanned, needed=line.needed))

    # --- the end of an order ---

    def _begin_shipping(self, lines: dict[str, int], after: str) -> None:
        session = self.session
        assert session is not None
        self._ship_lines = lines
        self._after_ship = after
        if self.options.auto_print and not session.printed:
            self._print(reprint=False)
        else:
            self._ask_tracking()

    def _print(self, *, reprint: bool) -> None:
        session = self.session
        assert session is not None
        shipping = bool(self._ship_lines)
        previous = self.phase
        self._set_phase(PackPhase.PRINTING)
        self._show_info(self.tr("Printing the packing slip and label…"))

        def printed(outcome: PrintOutcome) -> None:
            session.mark_printed()
            if shipping and outcome.tracking:
                self._ship(outcome.tracking, outcome.carrier)
            elif shipping:
                self._ask_tracking()
            else:
                self._set_phase(previous)
                self._show_info(self.tr("Printed again."))

        def failed(message: str) -> None:
            self._set_phase(PackPhase.AWAIT_TRACKING if shipping else previous)
            if shipping:
                text = self.tr("Printing failed: {message} Press F5 to print again, or scan "
                               "the tracking number.")
            else:
                text = self.tr("Printing failed: {message} Press F5 to print again.")
            self._show_error(text.format(message=translate_message(message)))

        self._host.print_documents(session.order, reprint, self._current(printed),
                                   self._current(failed))

    def _ask_tracking(self) -> None:
        self._set_phase(PackPhase.AWAIT_TRACKING)
        self._show_info(self._tracking_prompt())

    def _scan_tracking(self, text: str) -> None:
        result = classify_scan(text)
        parse = result.tracking
        if result.kind is ScanKind.TRACKING and result.reason is None and parse is not None:
            self._ship(result.value, parse.carrier)
        elif result.kind is ScanKind.PRODUCT and parse is not None and parse.recognised:
            self._ship(parse.number, parse.carrier)  # a 12-digit FedEx number is a GTIN too
        elif result.reason:
            self._show_error(result.reason)
        else:
            self._show_error(self.tr("That is not a tracking number: scan the tracking barcode on "
                                     "the shipping label (F10 goes back to packing)."))

    def _ship(self, tracking: str | None, carrier: str | None) -> None:
        session = self.session
        assert session is not None
        order = session.order
        self._set_phase(PackPhase.SHIPPING)
        self._show_info(self.tr("Shipping order {order}…").format(order=order.number))

        def shipped() -> None:
            session.finish()
            self._ship_lines = {}
            self.order_shipped.emit(order)
            self._sounds.play_complete()
            if self._after_ship == "same":
                self._show_info(self.tr("Package of {order} shipped. Opening the rest…").format(
                    order=order.number), good=True)
                self._load(session.ref)
            else:
                self._show_info(self.tr("Order {order} shipped.").format(order=order.number),
                                good=True)
                self._host.next_order_after(session.ref, self._current(self._open_next),
                                            self._current(self._host_failed))

        def failed(message: str) -> None:
            self._set_phase(PackPhase.AWAIT_TRACKING)
            self._show_error(self.tr("Shipping failed: {message} Scan the tracking number again "
                                     "to retry.").format(message=translate_message(message)))

        self._host.ship(order, dict(self._ship_lines), tracking, carrier,
                        self._current(shipped), self._current(failed))

    def _open_next(self, ref: OrderRef | None) -> None:
        if ref is None:
            self._close_order(self.tr("All orders of this list are packed. Scan an order to open "
                                      "it."))
            return
        self._load(ref)

    # --- opening orders ---

    def _open_by_scan(self, text: str) -> None:
        result = classify_scan(text)
        if result.is_junk:
            self._show_error(result.reason or self.tr("The scan could not be read: scan it again."))
            return
        self._set_phase(PackPhase.LOADING)
        self._show_info(self.tr("Looking up the order…"))
        shown = text.strip()[:40]

        def found(refs: list[OrderRef]) -> None:
            unique = list(dict.fromkeys(refs))
            if len(unique) == 1:
                self._load(unique[0])
                return
            self._set_phase(PackPhase.IDLE)
            if not unique:
                self._show_error(self.tr("No order found for {scan}. Scan the order number or the "
                                         "barcode on the packing slip.").format(scan=shown))
            else:
                self._show_error(self.tr("{scan} is on {n} orders. Scan the order number or the "
                                         "barcode on the packing slip.").format(
                                             scan=shown, n=len(unique)))

        self._host.find_orders(text, self._current(found), self._current(self._host_failed))

    def _load(self, ref: OrderRef) -> None:
        self._set_phase(PackPhase.LOADING)

        def loaded(order: Order) -> None:
            try:
                session = PackSession(order, ref.connection, self._store,
                                      allow_ship_unverified=self.options.allow_ship_unverified)
            except PackRefused as exc:
                self._close_order(None)
                self._show_pack_error(exc.error)
                return
            self.session = session
            self._ship_lines = {}
            self._set_phase(PackPhase.PACKING)
            self._refresh()
            self.order_opened.emit(order)
            if session.complete:
                self._begin_shipping(session.ship_scanned(), "next")
            elif session.scanned_units:
                self._show_info(self.tr("Order {order} resumed where you left off: {scanned} of "
                                        "{needed} scanned.").format(
                                            order=order.number, scanned=session.scanned_units,
                                            needed=session.needed_units))
            else:
                self._show_info(self.tr("Order {order}: scan the items.").format(
                    order=order.number))

        self._host.load_order(ref, self._current(loaded), self._current(self._host_failed))

    def _close_order(self, message: str | None) -> None:
        self._generation += 1
        self.session = None
        self._ship_lines = {}
        self._set_phase(PackPhase.IDLE)
        self._refresh()
        if message:
            self._show_info(message)

    def _host_failed(self, message: str) -> None:
        if self.phase is PackPhase.LOADING:
            self._set_phase(PackPhase.PACKING if self.session is not None else PackPhase.IDLE)
        self._show_error(message)

    def _current(self, callback: Callable[..., None]) -> Callable[..., None]:
        """``callback`` unless the packer moved on (closed the order) before the host answered."""
        generation = self._generation

        def guarded(*args: Any) -> None:
            if generation == self._generation:
                callback(*args)

        return guarded

    # --- display ---

    def _set_phase(self, phase: PackPhase) -> None:
        self.phase = phase

    def _refresh(self) -> None:
        session = self.session
        if session is None:
            self.header.setText(self.tr("No order open"))
            self.model.set_lines([])
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self._show_typed()
            return
        order = session.order
        name = order.ship_to.name if order.ship_to is not None else order.customer.name
        self.header.setText(self.tr("Order {order} · {name} · {n} lines").format(
            order=order.number, name=name, n=len(session.lines)))
        self.model.set_lines(session.lines)
        self.progress.setRange(0, max(1, session.needed_units))
        self.progress.setValue(session.scanned_units)
        self._show_typed()

    def _select_line(self, line_id: str) -> None:
        for row in range(self.model.rowCount()):
            line = self.model.line_at(row)
            if line is not None and line.line_id == line_id:
                self.table.selectRow(row)
                return

    def _acknowledge(self) -> None:
        if self.session is not None:
            self.session.acknowledge()
        if self.error_shown:
            self._show_info(self._resting_message())

    def _resting_message(self) -> str:
        if self.phase is PackPhase.AWAIT_TRACKING:
            return self._tracking_prompt()
        if self.session is None:
            return self._start_prompt()
        return self.tr("Order {order}: scan the items.").format(
            order=self.session.order.number)

    def _tracking_prompt(self) -> str:
        return self.tr("Scan the tracking number on the label (F2: ship without one).")

    def _start_prompt(self) -> str:
        return self.tr("Scan an order number, packing slip or tracking number to start.")

    def _show_pack_error(self, error: PackError) -> None:
        self._show_error(error.message)

    def _show_error(self, text: str) -> None:
        """``text``: this view's own sentence, or one from below (a pack refusal, a scan
        rejection, a host failure), which is translated here."""
        self.error_shown = True
        self._sounds.play_error()
        self.message.setStyleSheet(_STYLE_ERROR + f"font-size: {self._message_size()}pt;")
        self.message.setText(self.tr("STOP — {message}\n(Esc or Enter to continue)").format(
            message=translate_message(text)))
        self._flash_id += 1
        flash_id = self._flash_id
        for step in range(1, _FLASHES + 1):
            QTimer.singleShot(step * _FLASH_MS, self,
                              lambda step=step: self._flash(flash_id, step))

    def _flash(self, flash_id: int, step: int) -> None:
        """One blink of the error flash, unless that error is gone or replaced."""
        if flash_id != self._flash_id or not self.error_shown:
            return
        style = _STYLE_FLASH if step % 2 else _STYLE_ERROR
        self.message.setStyleSheet(style + f"font-size: {self._message_size()}pt;")

    def _show_info(self, text: str, *, good: bool = False) -> None:
        self.error_shown = False
        style = _STYLE_GOOD if good else _STYLE_INFO
        self.message.setStyleSheet(style + f"font-size: {self._message_size()}pt;")
        self.message.setText(translate_message(text))

    def _message_size(self) -> int:
        return int(self.options.font_point_size * 1.3)

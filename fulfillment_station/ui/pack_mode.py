"""Pack mode: the packer's full-screen view for packing an order with scans only.

The view shows the order header, its lines (SKU, name, scanned/needed and a text state, never
colour alone), a progress bar and one big message area. Scans arrive through :meth:`on_scan`
(the wiring connects ``ScannerFilter.scanned`` to it); keys typed by a person arrive as normal
key presses. The view only renders: what a scan, key or command does is decided by
:class:`~fulfillment_station.services.pack_flow.PackFlow` (no Qt), which tells the view what
to show through the :class:`~fulfillment_station.services.pack_flow.PackDisplay` methods
below. The counting rules live in :class:`~fulfillment_station.services.pack_session.
PackSession`; everything outside (finding, loading, printing, shipping, the next order) goes
through the injected :class:`~fulfillment_station.services.pack_session.PackHost`.

The flow, with no mouse: a scan of an order number / slip / tracking number opens the order;
item scans count; once every line is verified the finish steps run (the documents print once
per order if ``auto_print``, the tracking number is scanned unless printing bought a label,
the shipment goes to the host) and the next order of the current list opens.

An error (wrong item, over-scan, junk, a failed print or ship) plays the error sound, turns the
message area red with the text "STOP" and stays until the packer acknowledges it (Esc, Enter,
the OK command barcode) or scans a right item. Keys (each also a command barcode): Esc
acknowledge, Ctrl+Z undo, F2 ship what is scanned (while asked for the tracking number: ship
without one; while a weight stops it: ship anyway, recorded), F3 ship all unverified (if
allowed), F4 next package, F5 reprint, F6 next box, F8 reset, F10
close the order (also stops waiting for a host that does not answer while loading or printing;
never while shipping, which is already under way). An order refused for a hold a packer may
judge (not paid, pending, test order, a packer's hold) says so and offers F2: a dialog asks why
(Enter confirms nothing), the order opens, and its shipment carries the reason to the outbox,
which audits it with the desk and the packer. To switch orders mid-pack: F10, then scan.
Digits then Enter: the last scan counts that many; digits then ``*``: the next scan counts that
many. Up/Down pick a line, Space confirms it (items without a barcode).

With a scale (a :class:`~fulfillment_station.ui.scale_weigher.ScaleWeigher` passed in), a line
under the progress bar shows what the scale reads, and each new stable weight goes to the
flow: the weigh step (when the desk weighs) takes it with no key press.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
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
from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.scale import ScaleReading
from fulfillment_station.services.pack_flow import (
    START_PROMPT,
    FinishStep,
    OpenGate,
    PackFlow,
    PackFlowOptions,
    PackPhase,
)
from fulfillment_station.services.pack_session import (
    PackCommand,
    PackHost,
    PackLine,
    PackSession,
    ProgressStore,
)
from fulfillment_station.services.weighing import BoxType
from fulfillment_station.ui.i18n import translate_message
from fulfillment_station.ui.scale_weigher import ScaleWeigher
from fulfillment_station.ui.sounds import SoundPlayer

_Index = QModelIndex | QPersistentModelIndex

#: Below this the platter is empty (the ScaleWeigher's default ``min_weight``): a weight kept
#: from the last box is forgotten.
EMPTY_PLATTER_G = 5


@dataclass(frozen=True)
class PackModeOptions:
    font_point_size: int = 18
    auto_print: bool = True
    allow_ship_unverified: bool = False

    @property
    def flow_options(self) -> PackFlowOptions:
        return PackFlowOptions(
            auto_print=self.auto_print, allow_ship_unverified=self.allow_ship_unverified
        )


__all__ = ["PackLinesModel", "PackModeOptions", "PackModeView", "PackPhase"]

_KEY_COMMANDS: dict[int, PackCommand] = {
    Qt.Key.Key_F2: PackCommand.SHIP_SCANNED,
    Qt.Key.Key_F3: PackCommand.SHIP_ALL,
    Qt.Key.Key_F4: PackCommand.NEXT_PACKAGE,
    Qt.Key.Key_F5: PackCommand.REPRINT,
    Qt.Key.Key_F6: PackCommand.NEXT_BOX,
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

    HEADERS = (
        QT_TRANSLATE_NOOP("PackLinesModel", "SKU"),
        QT_TRANSLATE_NOOP("PackLinesModel", "Item"),
        QT_TRANSLATE_NOOP("PackLinesModel", "Scanned"),
        QT_TRANSLATE_NOOP("PackLinesModel", "State"),
    )

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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(self.HEADERS[section]))
        return None


class PackModeView(QWidget):
    """Pack mode. ``store`` keeps scan progress; ``sounds`` plays the feedback; ``steps`` and
    ``gates`` replace the flow's finish steps and add checks before an order opens."""

    order_opened = Signal(object)  # Order
    order_shipped = Signal(object)  # Order

    def __init__(
        self,
        host: PackHost,
        store: ProgressStore,
        sounds: SoundPlayer,
        options: PackModeOptions | None = None,
        parent: QWidget | None = None,
        *,
        steps: list[FinishStep] | None = None,
        gates: list[OpenGate] | None = None,
        weigher: ScaleWeigher | None = None,
        weight_unit: str = "kg",
        box_for_scan: Callable[[str], BoxType | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.options = options or PackModeOptions()
        self._typed = ""
        self._flash_id = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.flow = PackFlow(
            host,
            store,
            self,
            sounds,
            self.options.flow_options,
            steps=steps,
            gates=gates or (),
            box_for_scan=box_for_scan,
        )
        #: the reason dialog F2 opens on a held order (for tests and the window)
        self.hold_dialog: QWidget | None = None
        self.flow.ask_hold_reason = self._ask_hold_reason
        self.show_info(START_PROMPT)
        self.weigher = weigher
        self._weight_unit = weight_unit
        if weigher is not None:
            # Queued: the weigher reads on its own thread.
            weigher.stable.connect(self._on_stable_weight)
            weigher.reading.connect(self._on_scale_reading)
            weigher.problem.connect(self._on_scale_problem)
            self.destroyed.connect(lambda _o=None, w=weigher: w.stop())

    # --- what the flow holds, for the window and tests ---

    @property
    def phase(self) -> PackPhase:
        return self.flow.phase

    @property
    def session(self) -> PackSession | None:
        return self.flow.session

    @property
    def error_shown(self) -> bool:
        return self.flow.error_shown

    def apply_options(self, options: PackModeOptions) -> None:
        """New settings, applied at once: the font now, the rest from the next step."""
        self.options = options
        self.flow.set_options(options.flow_options)
        self._apply_font()

    # --- layout ---

    def _build(self) -> None:
        self.setStyleSheet("QWidget { background: #000; color: #fff; }")
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("No order open"), self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.model = PackLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setStyleSheet(
            "QTableView { background: #111; color: #fff; "
            "selection-background-color: #ffd200; selection-color: #000; }"
        )
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m units scanned"))
        self.scale_line = QLabel("", self)
        self.scale_line.setTextFormat(Qt.TextFormat.PlainText)
        self.quantity = QLabel("", self)
        self.quantity.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # scans and API text are untrusted
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            self.tr(
                "Esc OK · Ctrl+Z undo · F2 ship scanned · F4 next package · "
                "F5 reprint · F6 next box · F8 reset · F10 close · 12 Enter: last scan ×12 · "
                "12 *: next scan ×12 · Space: confirm line"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        for widget in (
            self.header,
            self.table,
            self.progress,
            self.scale_line,
            self.quantity,
            self.message,
            self.hint,
        ):
            layout.addWidget(widget)
        layout.setStretch(1, 3)
        layout.setStretch(5, 2)
        self._apply_font()

    def _apply_font(self) -> None:
        size = self.options.font_point_size
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        self.header.setStyleSheet(f"font-size: {int(size * 1.5)}pt; font-weight: bold;")
        self.progress.setMinimumHeight(int(size * 2.2))
        self.message.setMinimumHeight(int(size * 5))
        style = self.message.styleSheet()
        if style:  # the message keeps its colours at the new size
            self.message.setStyleSheet(
                style.rsplit("font-size:", 1)[0] + f"font-size: {self._message_size()}pt;"
            )

    # --- entry points ---

    @Slot(str)
    def on_scan(self, text: str) -> None:
        """One scan from the scanner (the ScannerFilter's ``scanned``)."""
        self.flow.scan(text)

    def run_command(self, command: PackCommand) -> None:
        """What a command barcode or its key does."""
        self._typed = ""
        self._show_typed()
        self.flow.command(command)

    # --- a held order packed anyway (F2) ---

    def _ask_hold_reason(self, order: Order, answer: Callable[[str], None]) -> None:
        """F2 on an order refused for its holds: ask why (never on Enter); the reason goes
        with the shipment to the outbox, which audits it."""
        from fulfillment_station.ui.ship_dialog import HoldReasonDialog

        dialog = self.hold_dialog = HoldReasonDialog(order, self.message.text(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: answer(dialog.text()))
        dialog.finished.connect(lambda _r: self.setFocus())
        dialog.open()

    # --- the scale ---

    def showEvent(self, event: QShowEvent) -> None:
        # The scale is read only while pack mode is on screen: the Ship dialog opens the same
        # port with its own weigher, and one serial port has one reader.
        super().showEvent(event)
        if self.weigher is not None:
            self.weigher.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.weigher is not None:
            self.weigher.stop()
            self.flow.scale_emptied()  # what was on the scale then is not known now

    @Slot(object)
    def _on_stable_weight(self, weight: Weight) -> None:
        self.scale_line.setText(
            self.tr("Scale: {weight} (steady)").format(weight=weight.display(self._weight_unit))
        )
        self.flow.weighed(weight)

    @Slot(object)
    def _on_scale_reading(self, reading: ScaleReading) -> None:
        weight = reading.weight
        if weight is None:
            return
        if weight.grams < EMPTY_PLATTER_G:
            self.flow.scale_emptied()
        shown = weight.display(self._weight_unit)
        if reading.stable_weight is None:
            self.scale_line.setText(self.tr("Scale: {weight} (moving)").format(weight=shown))
        else:
            self.scale_line.setText(self.tr("Scale: {weight} (steady)").format(weight=shown))

    @Slot(str)
    def _on_scale_problem(self, text: str) -> None:
        self.scale_line.setText(self.tr("Scale: {problem}").format(problem=text))
        if self.phase is PackPhase.AWAIT_WEIGHT:
            self.flow.error(text)

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
            typed, self._typed = self._typed, ""
            self._show_typed()
            self.flow.enter_quantity(typed)
        elif text in ("*", "x", "X"):
            typed, self._typed = self._typed, ""
            self.flow.pend_quantity(typed)
            self._show_typed()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_selection(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Space:
            line = self.model.line_at(self.table.currentIndex().row())
            self.flow.confirm_line(line.line_id if line is not None else None)
        else:
            super().keyPressEvent(event)

    def _show_typed(self) -> None:
        pending = self.session.pending_quantity if self.session is not None else None
        if self._typed:
            self.quantity.setText(
                self.tr(
                    "Quantity typed: {n}  (Enter: last scan counts {n} · *: next scan counts {n})"
                ).format(n=self._typed)
            )
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

    # --- PackDisplay: what the flow shows ---

    def show_session(self, session: PackSession | None) -> None:
        if session is None:
            self.header.setText(self.tr("No order open"))
            self.model.set_lines([])
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self._show_typed()
            return
        order = session.order
        name = order.ship_to.name if order.ship_to is not None else order.customer.name
        header = self.tr("Order {order} · {name} · {n} lines").format(
            order=order.number, name=name, n=len(session.lines)
        )
        boxes = session.boxes()
        if session.box_number > 1 or session.current_box_type is not None:
            box = session.current_box_type
            header += self.tr(" · box {number}{kind}").format(
                number=session.box_number, kind=f" ({box.name})" if box is not None else ""
            )
            self.header.setToolTip(
                "\n".join(
                    self.tr("Box {number}: {units} units").format(
                        number=i, units=sum(units.values())
                    )
                    for i, (_box, units) in enumerate(boxes, start=1)
                )
            )
        self.header.setText(header)
        self.model.set_lines(session.lines)
        self.progress.setRange(0, max(1, session.needed_units))
        self.progress.setValue(session.scanned_units)
        self._show_typed()

    def select_line(self, line_id: str) -> None:
        for row in range(self.model.rowCount()):
            line = self.model.line_at(row)
            if line is not None and line.line_id == line_id:
                self.table.selectRow(row)
                return

    def opened(self, order: Order) -> None:
        self.order_opened.emit(order)

    def shipped(self, order: Order) -> None:
        self.order_shipped.emit(order)

    def show_error(self, text: str) -> None:
        """``text``: a sentence of the flow or from below (a pack refusal, a scan rejection,
        a host failure), translated here."""
        self.message.setStyleSheet(_STYLE_ERROR + f"font-size: {self._message_size()}pt;")
        self.message.setText(
            self.tr("STOP — {message}\n(Esc or Enter to continue)").format(
                message=translate_message(text)
            )
        )
        self._flash_id += 1
        flash_id = self._flash_id
        for step in range(1, _FLASHES + 1):
            QTimer.singleShot(step * _FLASH_MS, self, lambda step=step: self._flash(flash_id, step))

    def _flash(self, flash_id: int, step: int) -> None:
        """One blink of the error flash, unless that error is gone or replaced."""
        if flash_id != self._flash_id or not self.error_shown:
            return
        style = _STYLE_FLASH if step % 2 else _STYLE_ERROR
        self.message.setStyleSheet(style + f"font-size: {self._message_size()}pt;")

    def show_info(self, text: str, *, good: bool = False) -> None:
        style = _STYLE_GOOD if good else _STYLE_INFO
        self.message.setStyleSheet(style + f"font-size: {self._message_size()}pt;")
        self.message.setText(translate_message(text))

    def _message_size(self) -> int:
        return int(self.options.font_point_size * 1.3)

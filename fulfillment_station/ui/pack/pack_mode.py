"""Pack mode: the packer's full-screen view for packing an order with scans only.

The view shows, from the top, the order header, the line to scan next with how many of it are
still missing (the largest type: read from a metre), the last result (the message area), the
lines (SKU, name, scanned/needed and a text state, never colour alone) at the "Pack mode font
size", a progress bar and the keys. Every text is fitted to the room the window gives it
(:class:`FitLabel`, an eliding table): a large setting or a long store text never makes the
window larger than the screen; a new setting applies at once. Scans arrive through :meth:`on_scan`
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
the shipment goes to the host), "Order X shipped ✓" shows in green (``success_hold_ms``), and
the next order of the current list opens.

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

With a scale (a :class:`~fulfillment_station.ui.pack.scale_weigher.ScaleWeigher` passed in), a line
under the progress bar shows what the scale reads, and each new stable weight goes to the
flow: the weigh step (when the desk weighs) takes it with no key press.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
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
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.table_model import RowTableModel
from fulfillment_station.ui.pack.scale_weigher import ScaleWeigher
from fulfillment_station.ui.pack.sounds import SoundPlayer

_Index = QModelIndex | QPersistentModelIndex

#: Below this the platter is empty (the ScaleWeigher's default ``min_weight``): a weight kept
#: from the last box is forgotten.
EMPTY_PLATTER_G = 5


#: How long "Order X shipped ✓" stays before the next order opens by itself (a scan or a key
#: moves on at once): long enough to be seen from the packing table, short enough not to wait.
SUCCESS_HOLD_MS = 1500


@dataclass(frozen=True)
class PackModeOptions:
    font_point_size: int = 18
    auto_print: bool = True
    allow_ship_unverified: bool = False
    #: how long the shipped order's success stays (``SUCCESS_HOLD_MS`` in the app); 0: the
    #: next order opens at once, as a view embedded without a packer (tests, tools) expects
    success_hold_ms: int = 0

    @property
    def flow_options(self) -> PackFlowOptions:
        return PackFlowOptions(
            auto_print=self.auto_print,
            allow_ship_unverified=self.allow_ship_unverified,
            hold_success=self.success_hold_ms > 0,
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

# Colours only: the sizes are fonts set by the view (a style sheet font would win over them),
# and the space around the text is the label's margin (so the fitting knows it).
_STYLE_INFO = "background: #111; color: #fff;"
_STYLE_GOOD = "background: #0b3d1a; color: #fff;"
_STYLE_SHIPPED = "background: #1e8e3e; color: #fff;"
_STYLE_ERROR = "background: #c00000; color: #fff;"
_STYLE_FLASH = "background: #ff3030; color: #000;"
_STYLE_NEXT = "color: #ffd200;"
_FLASHES = 6  # style changes of the error flash (3 blinks), then the red stays
_FLASH_MS = 110
_MESSAGE_MARGIN = 12

#: How much larger than the "Pack mode font size" setting each part is drawn (the item rows
#: are drawn at the setting itself): what is read from a metre is the largest.
HEADER_SCALE = 1.0
NEXT_SCALE = 1.8
COUNT_SCALE = 2.4
MESSAGE_SCALE = 1.5
#: The smallest size a part shrinks to before its text is elided (a window far too small for
#: the setting); item rows never shrink.
FLOOR_PT = 9.0
#: The largest size of the parts read up close (the keys, the progress bar's text).
SMALL_MAX_PT = 16.0
#: The big parts grow with the window beyond 1366x768, up to this factor.
MAX_WINDOW_SCALE = 1.6
#: The reference screen: warehouse PCs are most often 1366x768.
REFERENCE_SIZE = (1366, 768)


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into the lines it takes at ``width`` pixels in ``font``: at word
    boundaries, or anywhere in a word longer than the line (a long scan)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
    return lines


class FitLabel(QLabel):
    """Plain text drawn as large as its box allows, up to a wanted point size.

    The label never makes the window grow: its width comes from the layout alone (the text's
    width is ignored) and its height hint is ``lines`` lines at the wanted size. The text is
    wrapped to the box and drawn at the largest size, from the wanted one down to the floor,
    at which every line fits; at the floor what does not fit is elided ("…").
    :meth:`text` is the whole text, whatever is shown.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        lines: int = 1,
        bold: bool = False,
        collapse_empty: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # scans and API text are untrusted
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._text = ""
        self._wanted = 12.0
        self._floor = FLOOR_PT
        self._lines = max(1, lines)
        self._bold = bold
        self._collapse_empty = collapse_empty
        self._fitted: tuple[str, int, int, float, float, bool] | None = None
        self._elided = False

    # --- what the view sets ---

    def set_point_sizes(self, wanted: float, floor: float = FLOOR_PT) -> None:
        if (wanted, floor) == (self._wanted, self._floor):
            return
        self._wanted, self._floor = max(1.0, wanted), max(1.0, min(floor, wanted))
        self.updateGeometry()
        self._fit()

    def set_bold(self, bold: bool) -> None:
        if bold != self._bold:
            self._bold = bold
            self._fit()

    def setText(self, text: str) -> None:
        was_empty = not self._text
        self._text = text
        self.setAccessibleName(text)
        if self._collapse_empty and was_empty != (not text):
            self.updateGeometry()
        self._fit()

    def text(self) -> str:
        return self._text

    @property
    def wanted_point_size(self) -> float:
        return self._wanted

    @property
    def shown_point_size(self) -> float:
        return self.font().pointSizeF()

    @property
    def elided(self) -> bool:
        """Whether part of the text is left out (only when even the floor size is too big)."""
        return self._elided

    # --- sizes for the layout ---

    def _font(self, point_size: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        font.setBold(self._bold)
        return font

    def _frame(self) -> int:
        margins = self.contentsMargins()
        return 2 * self.margin() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        if self._collapse_empty and not self._text:
            return QSize(0, 0)
        spacing = QFontMetricsF(self._font(self._wanted)).lineSpacing()
        return QSize(0, int(self._lines * spacing + 0.999) + self._frame())

    def minimumSizeHint(self) -> QSize:
        if self._collapse_empty and not self._text:
            return QSize(0, 0)
        spacing = QFontMetricsF(self._font(self._floor)).lineSpacing()
        return QSize(0, int(spacing + 0.999) + self._frame())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # --- fitting ---

    def _fit(self) -> None:
        area = self.contentsRect()
        margin = self.margin()
        width = max(1, area.width() - 2 * margin)
        height = max(1, area.height() - 2 * margin)
        key = (self._text, width, height, self._wanted, self._floor, self._bold)
        if key == self._fitted:
            return
        self._fitted = key
        size = self._wanted
        while True:
            font = self._font(size)
            lines = wrap_lines(self._text, font, width)
            spacing = QFontMetricsF(font).lineSpacing()
            if len(lines) * spacing <= height or size <= self._floor:
                break
            size = max(self._floor, size - max(0.5, size * 0.06))
        fitting = max(1, int(height // spacing))
        self._elided = len(lines) > fitting
        if self._elided:
            metrics = QFontMetricsF(font)
            kept = lines[: fitting - 1]
            rest = " ".join(" ".join(lines[fitting - 1 :]).split()) + " …"
            kept.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            lines = kept
        self.setFont(font)
        super().setText("\n".join(lines))


class _LinesTable(QTableView):
    """The item rows: columns share the width the window gives (never a scroll to the right);
    the item name takes what the others leave, each cell elides what does not fit."""

    #: the share of the width the SKU, scanned and state columns may take at most, together
    FIXED_SHARE = 0.62

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        if model is None or model.columnCount() < 4:
            return
        available = max(1, self.viewport().width())
        bold = QFont(self.font())
        bold.setBold(True)  # a done row is bold: the widths hold it too
        metrics = QFontMetricsF(bold)
        header = QFontMetricsF(self.horizontalHeader().font())
        pad = 2 * metrics.averageCharWidth()
        wanted: dict[int, float] = {}
        for column in (0, 2, 3):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = header.horizontalAdvance(title) + pad
            for row in range(model.rowCount()):
                text = str(model.data(model.index(row, column)) or "")
                widest = max(widest, metrics.horizontalAdvance(text) + pad)
            wanted[column] = widest
        total = sum(wanted.values())
        scale = min(1.0, available * self.FIXED_SHARE / total) if total else 1.0
        widths = {column: int(width * scale) for column, width in wanted.items()}
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.setColumnWidth(1, max(1, available - sum(widths.values())))


def next_line_to_scan(session: PackSession) -> PackLine | None:
    """The line the packer is on: the one scanned last while it still needs more, else the
    first unfinished one in pick order; None once every line is done."""
    last = session.last_ticked
    if last is not None and not last.done:
        return last
    return next((line for line in session.lines if not line.done), None)


class PackLinesModel(RowTableModel[PackLine]):
    """The order's lines in pick order: SKU, name, scanned/needed, state in words."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PackLinesModel", "SKU"),
        QT_TRANSLATE_NOOP("PackLinesModel", "Item"),
        QT_TRANSLATE_NOOP("PackLinesModel", "Scanned"),
        QT_TRANSLATE_NOOP("PackLinesModel", "State"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the rows' font (the view's, at the pack-mode size): a done row is the same, bold
        self.font = QFont()

    def set_lines(self, lines: list[PackLine]) -> None:
        # A reset rather than dataChanged: the lines are few, and PySide6 6.12.0 on CPython
        # 3.11 drops a reference to True on every Python-side ``emit()`` (see the report on
        # issue 7), while a reset is signalled from C++.
        self.set_rows(lines)

    def line_at(self, row: int) -> PackLine | None:
        return self.row_at(row)

    def header_words(self) -> list[str]:
        return [self.tr(str(header)) for header in self.HEADERS]

    def cell(self, line: PackLine, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return line.sku
            if column == 1:
                if line.barcode or not line.sku:
                    return line.name
                return self.tr("{name} (no barcode)").format(name=line.name)
            if column == 2:
                return f"{line.scanned} / {line.needed}"
            if line.done:
                return self.tr("✓ done")
            # Qt's plural forms ("falta 1", "faltan 2"), shared with the count by the next line.
            return QCoreApplication.translate("PackModeView", "%n left", None, line.left)
        if role == Qt.ItemDataRole.FontRole and line.done:
            font = QFont(self.font)
            font.setBold(True)
            return font
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
        self._success_id = 0
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
        """From the top: the order, the line to scan next with what is left of it, the last
        result, the item rows, the progress, then the keys. Every text part fits the width
        the window gives it (:class:`FitLabel`, an eliding table): nothing pushes the window
        wider or taller than the screen, whatever the font size setting."""
        self.setStyleSheet("QWidget { background: #000; color: #fff; }")
        # Inside the main window too, not only as a window of its own: no light gaps.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        self.header = FitLabel(self, bold=True)
        self.header.setText(self.tr("No order open"))
        self.next_line = FitLabel(self, lines=2, bold=True)
        self.next_line.setStyleSheet(_STYLE_NEXT)
        self.next_count = FitLabel(self, bold=True)
        self.next_count.setStyleSheet(_STYLE_NEXT)
        self.next_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_line, 3)
        next_row.addWidget(self.next_count, 1)
        self.model = PackLinesModel(self)
        self.table = _LinesTable(self)
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setMinimumSectionSize(1)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.model.modelReset.connect(self.table.fit_columns)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m units scanned"))
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.scale_line = FitLabel(self, collapse_empty=True)
        self.quantity = FitLabel(self, collapse_empty=True)
        self.message = FitLabel(self, lines=3)  # the last result
        self.message.setMargin(_MESSAGE_MARGIN)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = FitLabel(self, lines=2)
        self.hint.setText(
            self.tr(
                "Esc OK · Ctrl+Z undo · F2 ship scanned · F4 next package · "
                "F5 reprint · F6 next box · F8 reset · F10 close · 12 Enter: last scan ×12 · "
                "12 *: next scan ×12 · Space: confirm line"
            )
        )
        layout.addWidget(self.header)
        layout.addLayout(next_row, 3)
        layout.addWidget(self.message, 3)
        layout.addWidget(self.table, 4)
        for widget in (self.progress, self.scale_line, self.quantity, self.hint):
            layout.addWidget(widget)
        self._window_scale = 1.0
        self._apply_font()

    def _apply_font(self) -> None:
        """The sizes for the font size setting and the window: the item rows at the setting,
        the line to scan next, its count and the last result larger, and larger still on a
        screen bigger than the reference one."""
        size = float(self.options.font_point_size)
        big = size * self._window_scale
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.header.set_point_sizes(size * HEADER_SCALE)
        self.next_line.set_point_sizes(big * NEXT_SCALE)
        self.next_count.set_point_sizes(big * COUNT_SCALE)
        self.message.set_point_sizes(big * MESSAGE_SCALE)
        self.scale_line.set_point_sizes(size)
        self.quantity.set_point_sizes(size)
        # The keys are read up close, once: they give their room to what is read from afar.
        self.hint.set_point_sizes(min(max(FLOOR_PT, size * 0.6), SMALL_MAX_PT), 8.0)
        rows = QFont(font)
        self.table.setFont(rows)
        self.model.font = rows
        header = QFont(font)
        header.setPointSizeF(max(FLOOR_PT, size * 0.7))
        self.table.horizontalHeader().setFont(header)
        # The sections are drawn by the style sheet, which takes their size from it alone.
        self.table.setStyleSheet(
            "QTableView { background: #111; color: #fff; "
            "selection-background-color: #ffd200; selection-color: #000; }"
            f"QHeaderView::section {{ font-size: {header.pointSizeF():.1f}pt; "
            "background: #222; color: #fff; }"
        )
        row_height = int(QFontMetricsF(rows).lineSpacing() * 1.35 + 0.999)
        self.table.verticalHeader().setMinimumSectionSize(row_height)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        # At least the column titles and one whole row, whatever the window.
        titles = int(QFontMetricsF(header).lineSpacing() * 1.5)
        self.table.setMinimumHeight(titles + row_height + 2 * self.table.frameWidth())
        bar = QFont(font)
        bar.setPointSizeF(min(max(FLOOR_PT, size * 0.7), SMALL_MAX_PT))
        self.progress.setFont(bar)
        self.progress.setFixedHeight(int(QFontMetricsF(bar).lineSpacing() * 1.4 + 0.999))
        self.table.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width, height = REFERENCE_SIZE
        scale = min(self.width() / width, self.height() / height)
        scale = round(max(1.0, min(MAX_WINDOW_SCALE, scale)), 2)
        if scale != self._window_scale:
            self._window_scale = scale
            self._apply_font()

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
        from fulfillment_station.ui.dialogs.ship_dialog import HoldReasonDialog

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
            self._show_next(None)
            self._show_typed()
            return
        order = session.order
        name = order.ship_to.name if order.ship_to is not None else order.customer.name
        # %n: Qt's plural forms ("1 línea", "2 líneas"), filled in before the store's text.
        header = self.tr("Order {order} · {name} · %n lines", "", len(session.lines)).format(
            order=order.number, name=name
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
        self._show_next(session)
        self._show_typed()

    def _show_next(self, session: PackSession | None) -> None:
        """The line to scan next and how many of it are still missing, in the largest type."""
        line = next_line_to_scan(session) if session is not None else None
        if session is None:
            self.next_line.setText("")
            self.next_count.setText("")
        elif line is None:
            self.next_line.setText(self.tr("All items scanned ✓"))
            self.next_count.setText("")
        else:
            item = " · ".join(part for part in (line.sku, line.name) if part)
            self.next_line.setText(self.tr("Next: {item}").format(item=item))
            self.next_count.setText(self.tr("%n left", "", line.left))
            self._scroll_to_next()

    def select_line(self, line_id: str) -> None:
        for row in range(self.model.rowCount()):
            line = self.model.line_at(row)
            if line is not None and line.line_id == line_id:
                self.table.selectRow(row)
                self._scroll_to_next()
                return

    def _scroll_to_next(self) -> None:
        """Keep the line to scan next in view (at large sizes the table shows only a few)."""
        session = self.session
        line = next_line_to_scan(session) if session is not None else None
        for row in range(self.model.rowCount()):
            shown = self.model.line_at(row)
            if line is not None and shown is not None and shown.line_id == line.line_id:
                self.table.scrollTo(self.model.index(row, 0))
                return

    def opened(self, order: Order) -> None:
        self.order_opened.emit(order)

    def shipped(self, order: Order) -> None:
        self.order_shipped.emit(order)
        if self.phase is PackPhase.SHIPPED:
            # The flow holds the success until told it was seen; a scan or key ends it sooner.
            self._success_id += 1
            success_id = self._success_id
            QTimer.singleShot(
                self.options.success_hold_ms, self, lambda: self._success_shown(success_id)
            )

    def _success_shown(self, success_id: int) -> None:
        if success_id == self._success_id:
            self.flow.success_seen()

    def show_error(self, text: str) -> None:
        """``text``: a sentence of the flow or from below (a pack refusal, a scan rejection,
        a host failure), translated here."""
        self.message.setStyleSheet(_STYLE_ERROR)
        self.message.set_bold(True)
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
        self.message.setStyleSheet(_STYLE_FLASH if step % 2 else _STYLE_ERROR)

    def show_info(self, text: str, *, good: bool = False) -> None:
        shipped = good and self.phase is PackPhase.SHIPPED  # the order's success: unmistakable
        self.message.setStyleSheet(
            _STYLE_SHIPPED if shipped else _STYLE_GOOD if good else _STYLE_INFO
        )
        self.message.set_bold(shipped)
        self.message.setText(translate_message(text))

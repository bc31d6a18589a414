"""Pack mode's logic, without Qt: verifying an order's items by scan, and what pack mode needs
from the rest of the app.

* :class:`PackSession` — one order being packed: its lines in pick order, units scanned per
  line, typed errors that stay until acknowledged, undo/reset, bulk quantities, and what to
  ship. Every change is saved through a :class:`ProgressStore` (``store/pack_progress.py``)
  so a new session for the same order, after a crash, resumes with the same counts.
* Command barcodes — :class:`PackCommand`, their payloads and :func:`parse_command`. The
  printable sheet is ``printing/command_sheet.py``; it gets the entries from
  :func:`command_sheet_entries`.
* :class:`PackHost` — the outside world as pack mode sees it (find, load, print, ship, next),
  implemented by the lead's wiring and by a fake in tests.

Matching a scan to a line, in order: the scanned text equals the line's barcode or SKU (spaces,
case and a leading ``#`` ignored), then GTIN equality (UPC-A, EAN-13 and GTIN-14 forms of one
product are the same item). A scan matching no line is a wrong item; one matching only complete
lines is an over-scan; unreadable text is junk. None of these changes any count.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from fulfillment_station.domain.holds import holds_text, may_override
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message, status_word
from fulfillment_station.domain.models import LineItem, Order
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.weight import Weight
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.scanning.barcodes import ScanKind, classify_scan
from fulfillment_station.scanning.gs1 import GtinError, gtin_key
from fulfillment_station.services.boxes import BoxShipping, PackedBox
from fulfillment_station.services.weighing import BoxType
from fulfillment_station.store.pack_progress import SavedBox, SavedProgress

if TYPE_CHECKING:
    from fulfillment_station.services.tracking_reuse import TrackingGuard

MAX_BULK_QUANTITY = 9999

# --- command barcodes ---

COMMAND_PREFIX = "*FSCMD:"
"""Starts every command payload. ``*`` is the Code 39 start/stop character, so it never occurs
inside Code 39 data, and no store in the seeds allows it in order numbers or SKUs; with the
``FSCMD:`` tag a command cannot be mistaken for an order, item or tracking number."""


class PackCommand(StrEnum):
    SHIP_SCANNED = "SHIP-SCANNED"
    SHIP_ALL = "SHIP-ALL"
    NEXT_PACKAGE = "NEXT-PACKAGE"
    UNDO = "UNDO"
    RESET = "RESET"
    CANCEL = "CANCEL"
    REPRINT = "REPRINT"
    ACKNOWLEDGE = "OK"
    NEXT_BOX = "NEXT-BOX"


@dataclass(frozen=True)
class CommandInfo:
    title: str
    key: str
    """The keyboard key that does the same in pack mode."""
    explanation: str


COMMANDS: dict[PackCommand, CommandInfo] = {
    PackCommand.ACKNOWLEDGE: CommandInfo("OK / acknowledge", "Esc", "Clears the error message."),
    PackCommand.UNDO: CommandInfo("Undo last scan", "Ctrl+Z", "Takes back the last scan."),
    PackCommand.SHIP_SCANNED: CommandInfo(
        "Ship what is scanned", "F2", "Ships the scanned units; the rest stays open."
    ),
    PackCommand.NEXT_PACKAGE: CommandInfo(
        "Next package", "F4", "Ships the scanned units as one box; the order stays open."
    ),
    PackCommand.SHIP_ALL: CommandInfo(
        "Ship all unverified", "F3", "Ships every line without scanning (if allowed)."
    ),
    PackCommand.REPRINT: CommandInfo("Reprint documents", "F5", "Prints slip and label again."),
    PackCommand.RESET: CommandInfo("Reset order", "F8", "Sets every count of the order to 0."),
    PackCommand.CANCEL: CommandInfo(
        "Close order", "F10", "Closes the order; its progress is kept for later."
    ),
    PackCommand.NEXT_BOX: CommandInfo(
        "Next box",
        "F6",
        "Closes the box being packed and starts another of the same type; the next items go "
        "into it (a box barcode starts a box of that type).",
    ),
}


def command_payload(command: PackCommand) -> str:
    return COMMAND_PREFIX + command.value


def parse_command(scan: str) -> PackCommand | None:
    """The command a scan holds, or None if it is not a command barcode."""
    text = scan.strip().upper()
    if not text.startswith(COMMAND_PREFIX):
        return None
    try:
        return PackCommand(text[len(COMMAND_PREFIX) :])
    except ValueError:
        return None


def command_sheet_entries() -> list[tuple[str, str, str]]:
    """(payload, title, explanation with key) for the printable command sheet."""
    return [
        (command_payload(cmd), info.title, f"{info.explanation} Key: {info.key}.")
        for cmd, info in COMMANDS.items()
    ]


# --- the host: pack mode's view of the rest of the app ---


@dataclass(frozen=True)
class PrintOutcome:
    """What printing produced; a label bought through the API brings its tracking number."""

    tracking: str | None = None
    carrier: str | None = None


Failure = Callable[[str], None]
"""Receives one plain sentence a packer can act on."""


class PackHost(Protocol):
    """The outside world for pack mode. Every call returns at once and answers later by calling
    ``done`` or ``failed`` exactly once, on the GUI thread (the real host runs the work on a
    ``ConnectionWorker``; a fake may answer synchronously)."""

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Failure
    ) -> None: ...

    def load_order(self, ref: OrderRef, done: Callable[[Order], None], failed: Failure) -> None: ...

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Failure,
        *,
        boxes: Sequence[PackedBox] | None = None,
    ) -> None:
        """``boxes``: given when the order is packed in several (the slip lists them)."""

    def ship(
        self,
        order: Order,
        lines: dict[str, int],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Failure,
        *,
        boxes: Sequence[PackedBox] | None = None,
        hold_override: str | None = None,
    ) -> None:
        """Queue the shipment. ``boxes``: given when the order is packed in several; they go to
        the store the way it takes boxes (``services.boxes``: packages, one shipment per box,
        or one). ``hold_override``: the packer's reason to ship a held order anyway (only
        passed when there is one), audited with the shipment."""

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Failure
    ) -> None: ...

    def describe_item(self, scan: str, done: Callable[[str | None], None], failed: Failure) -> None:
        """The name of the product a code is, for the wrong-item stop (``done(None)``: the
        app knows no such item)."""

    @property
    def store_sells_labels(self) -> bool:
        """Shipping buys the store's label (Price2b): no tracking number is scanned."""

    @property
    def box_shipping(self) -> BoxShipping:
        """How the store takes an order packed in several boxes (``services.boxes``)."""

    @property
    def tracking_guard(self) -> Callable[[], TrackingGuard] | None:
        """Makes the desk's guard against a tracking number used on another order
        (``services.tracking_reuse``); None where the desk keeps no such record."""


class ProgressStore(Protocol):
    """Where a session saves its counts (``store.pack_progress.PackProgress`` fits)."""

    def load(self, connection: str, order_id: str) -> SavedProgress | None: ...

    def save(self, connection: str, order_id: str, progress: SavedProgress) -> None: ...

    def clear(self, connection: str, order_id: str) -> None: ...


# --- the session ---


class PackErrorKind(StrEnum):
    WRONG_ITEM = "wrong_item"
    #: a code that is no product (a shelf label, a carton's code, a slip of another order)
    NOT_RECOGNISED = "not_recognised"
    OVER_SCAN = "over_scan"
    JUNK = "junk"
    NOT_ALLOWED = "not_allowed"


# The packer's sentences (translated by the UI; see domain/messages.py).
ON_HOLD = QT_TRANSLATE_NOOP("PackSession", "Order {order} is on hold, do not pack it: {reason}.")
NOT_PACKABLE = QT_TRANSLATE_NOOP("PackSession", "Order {order} is {status}: it cannot be packed.")
NOTHING_LEFT = QT_TRANSLATE_NOOP("PackSession", "Order {order} has nothing left to ship.")
BAD_QUANTITY = QT_TRANSLATE_NOOP("PackSession", "A quantity must be between 1 and {max}.")
UNREADABLE = QT_TRANSLATE_NOOP("PackSession", "The scan could not be read: scan it again.")
WRONG_ITEM = QT_TRANSLATE_NOOP(
    "PackSession", "Wrong item: {scan} is not on order {order}. Put it back."
)
WRONG_ITEM_NAMED = QT_TRANSLATE_NOOP(
    "PackSession", "Wrong item: {item} ({scan}) is not on order {order}. Put it back."
)
NOT_RECOGNISED = QT_TRANSLATE_NOOP(
    "PackSession",
    "Not recognised: {scan} is no item of order {order}. Scan the barcode on the item itself.",
)
ALREADY_COMPLETE = QT_TRANSLATE_NOOP(
    "PackSession",
    "Too many: {item} is already complete ({needed} of {needed}). Take the extra one out.",
)
ONLY_LEFT = QT_TRANSLATE_NOOP(
    "PackSession", "Too many: only {left} of {item} still needed, not {quantity}."
)
LINE_NOT_ON_ORDER = QT_TRANSLATE_NOOP("PackSession", "That line is not on this order.")
ONLY_LEFT_OF_LINE = QT_TRANSLATE_NOOP(
    "PackSession", "Too many: only {left} of {item} still needed."
)
SCAN_FIRST = QT_TRANSLATE_NOOP(
    "PackSession", "Scan an item first, then type how many of it there are."
)
NEEDS_ONLY = QT_TRANSLATE_NOOP(
    "PackSession", "Too many: {item} needs only {needed}, {counted} already counted."
)
NOTHING_SCANNED = QT_TRANSLATE_NOOP("PackSession", "Nothing is scanned yet: scan the items first.")
UNVERIFIED_OFF = QT_TRANSLATE_NOOP(
    "PackSession", "Shipping without scanning is switched off in the settings: scan every item."
)
LINE_DONE = QT_TRANSLATE_NOOP("PackSession", "done")
LINE_LEFT = QT_TRANSLATE_NOOP("PackSession", "{left} left")


@dataclass(frozen=True)
class PackError:
    kind: PackErrorKind
    message: Message
    """One sentence for the packer; ``str()`` is English, the UI shows it translated."""
    scan: str = ""


class PackRefused(Exception):
    """An action the session cannot do now (nothing scanned, shipping unverified is off)."""

    def __init__(self, error: PackError) -> None:
        super().__init__(error.message)
        self.error = error


@dataclass(frozen=True)
class PackLine:
    line_id: str
    sku: str
    name: str
    needed: int
    scanned: int
    barcode: str | None

    @property
    def left(self) -> int:
        return self.needed - self.scanned

    @property
    def done(self) -> bool:
        return self.scanned >= self.needed

    @property
    def state_text(self) -> Message:
        return LINE_DONE if self.done else LINE_LEFT.format(left=self.left)


@dataclass(frozen=True)
class Ticked:
    """A scan or key that counted ``quantity`` units of ``line``."""

    line: PackLine
    quantity: int


#: Errors of a scan that matched no line, which a known product name can make clearer.
_NAMEABLE = frozenset({PackErrorKind.WRONG_ITEM, PackErrorKind.NOT_RECOGNISED})


def _gtin_or_none(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return gtin_key(code)
    except GtinError:
        return None


def _pick_order(line: LineItem) -> tuple[str, str, str]:
    return (line.sku.casefold(), line.name.casefold(), line.id)


def _label(line: PackLine) -> str:
    return f"{line.sku} {line.name}".strip() or line.line_id


def overridden(order: Order, reason: str | None) -> bool:
    """Whether ``reason`` (the packer's, non-blank) lifts every hold on ``order``."""
    return bool(reason and reason.strip()) and may_override(order)


class PackSession:
    """Packing one order. ``connection`` names where the order came from (for the progress
    key); ``allow_ship_unverified`` is the packer's setting for :meth:`ship_all_unverified`.

    Lines already fully shipped are left out; ``needed`` is what is still to ship.
    """

    def __init__(
        self,
        order: Order,
        connection: str,
        store: ProgressStore,
        *,
        allow_ship_unverified: bool = False,
        hold_override: str | None = None,
    ) -> None:
        """``hold_override``: the packer's reason to pack a held order anyway; it lifts only
        the holds a packer may judge (``domain.holds.OVERRIDABLE``), and the ship audits it."""
        if order.status not in SHIPPABLE:
            raise PackRefused(
                PackError(
                    PackErrorKind.NOT_ALLOWED,
                    NOT_PACKABLE.format(order=order.number, status=status_word(order.status)),
                )
            )
        if order.holds and not overridden(order, hold_override):
            # the same refusal as the ship that would follow (domain.holds)
            raise PackRefused(
                PackError(
                    PackErrorKind.NOT_ALLOWED,
                    ON_HOLD.format(order=order.number, reason=holds_text(order.holds)),
                )
            )
        todo = sorted((ln for ln in order.lines if ln.remaining > 0), key=_pick_order)
        if not todo:
            # Shipped meanwhile (perhaps by the ship whose answer a crash cut off): its saved
            # scans are history now.
            store.clear(connection, order.id)
            raise PackRefused(
                PackError(PackErrorKind.NOT_ALLOWED, NOTHING_LEFT.format(order=order.number))
            )
        self.order = order
        self.ref = OrderRef(connection, order.id)
        self._store = store
        self.allow_ship_unverified = allow_ship_unverified
        saved = store.load(connection, order.id) or SavedProgress()
        ids = {ln.id for ln in todo}
        self._lines: dict[str, PackLine] = {
            ln.id: PackLine(
                ln.id,
                ln.sku,
                ln.name,
                ln.remaining,
                min(saved.counts.get(ln.id, 0), ln.remaining),
                ln.barcode,
            )
            for ln in todo
        }
        self._history: list[tuple[str, int]] = [h for h in saved.history if h[0] in ids]
        self._gtins = {ln.id: _gtin_or_none(ln.barcode) for ln in todo}
        self.printed = saved.printed
        self.error: PackError | None = None
        self.pending_quantity: int | None = None
        # Boxes: where each box starts in the scan history, its type and its stable weight;
        # saved with the progress, so a resumed order has the same boxes.
        self._box_starts: list[int] = [0]
        self._box_types: list[BoxType | None] = [None]
        self._box_weights: list[Weight | None] = [None]
        if saved.boxes and len(self._history) == len(saved.history):
            # (A line shipped meanwhile leaves holes in the history: the split is gone then.)
            self._box_starts = [box.start for box in saved.boxes]
            self._box_types = [_box_type(box) for box in saved.boxes]
            self._box_weights = [_weight(box.weight_g) for box in saved.boxes]

    # --- reading ---

    @property
    def box_number(self) -> int:
        """The box being packed, from 1."""
        return len(self._box_starts)

    @property
    def current_box_type(self) -> BoxType | None:
        return self._box_types[-1]

    def box_weights(self) -> list[Weight]:
        """The stable weights of the first boxes, in order, up to the first box not weighed
        (or changed since it was weighed)."""
        weights: list[Weight] = []
        for weight in self._box_weights:
            if weight is None:
                break
            weights.append(weight)
        return weights

    def set_box_weight(self, index: int, weight: Weight) -> None:
        """The scale's weight of box ``index`` (from 0), kept until its content changes."""
        if 0 <= index < len(self._box_weights):
            self._box_weights[index] = weight
            self._save()

    def boxes(self) -> list[tuple[BoxType | None, dict[str, int]]]:
        """Each box's type and its units per line id, in packing order (an empty last box
        is left out: it was started but nothing went in yet)."""
        ends = [*self._box_starts[1:], len(self._history)]
        result: list[tuple[BoxType | None, dict[str, int]]] = []
        for start, end, box in zip(self._box_starts, ends, self._box_types, strict=True):
            units: dict[str, int] = {}
            for line_id, quantity in self._history[start:end]:
                units[line_id] = units.get(line_id, 0) + quantity
            result.append((box, units))
        while len(result) > 1 and not result[-1][1]:
            result.pop()
        return result

    @property
    def lines(self) -> list[PackLine]:
        """The lines in pick order (SKU, then name)."""
        return list(self._lines.values())

    @property
    def scanned_units(self) -> int:
        return sum(ln.scanned for ln in self._lines.values())

    @property
    def needed_units(self) -> int:
        return sum(ln.needed for ln in self._lines.values())

    @property
    def complete(self) -> bool:
        return all(ln.done for ln in self._lines.values())

    @property
    def last_ticked(self) -> PackLine | None:
        if not self._history:
            return None
        return self._lines[self._history[-1][0]]

    def line(self, line_id: str) -> PackLine:
        return self._lines[line_id]

    # --- acting ---

    def set_pending_quantity(self, quantity: int | None) -> None:
        """The next item scan (or key confirmation) counts ``quantity`` units."""
        if quantity is not None and not 1 <= quantity <= MAX_BULK_QUANTITY:
            raise PackRefused(
                PackError(PackErrorKind.NOT_ALLOWED, BAD_QUANTITY.format(max=MAX_BULK_QUANTITY))
            )
        self.pending_quantity = quantity

    def scan(self, code: str) -> Ticked | PackError:
        """Count the scanned item, or return (and keep, as ``error``) why it was not counted."""
        matches = self._matching_lines(code)
        if matches is None:
            result = classify_scan(code)
            return self._fail(PackErrorKind.JUNK, result.reason or UNREADABLE, code)
        if not matches:
            shown = code.strip()[:40]
            if classify_scan(code).kind is not ScanKind.PRODUCT:
                # Not a product code: nothing to put back (the caller may still learn it is
                # an item the app knows, see name_wrong_item).
                return self._fail(
                    PackErrorKind.NOT_RECOGNISED,
                    NOT_RECOGNISED.format(scan=shown, order=self.order.number),
                    code,
                )
            return self._fail(
                PackErrorKind.WRONG_ITEM,
                WRONG_ITEM.format(scan=shown, order=self.order.number),
                code,
            )
        quantity = self.pending_quantity or 1
        for line in matches:
            if line.left >= quantity:
                return self._tick(line, quantity)
        first = matches[0]
        if all(ln.done for ln in matches):
            return self._fail(
                PackErrorKind.OVER_SCAN,
                ALREADY_COMPLETE.format(item=_label(first), needed=first.needed),
                code,
            )
        left = max(ln.left for ln in matches)
        return self._fail(
            PackErrorKind.OVER_SCAN,
            ONLY_LEFT.format(left=left, item=_label(first), quantity=quantity),
            code,
        )

    def confirm_line(self, line_id: str) -> Ticked | PackError:
        """Count a line by key, for items without a barcode: the pending quantity, else
        everything left of the line."""
        line = self._lines.get(line_id)
        if line is None:
            return self._fail(PackErrorKind.WRONG_ITEM, LINE_NOT_ON_ORDER)
        quantity = self.pending_quantity or line.left
        if line.done or quantity > line.left:
            return self._fail(
                PackErrorKind.OVER_SCAN, ONLY_LEFT_OF_LINE.format(left=line.left, item=_label(line))
            )
        return self._tick(line, quantity)

    def amend_last_quantity(self, quantity: int) -> Ticked | PackError:
        """ "Scan, then type 12": the last scan counts ``quantity`` units instead."""
        if not self._history:
            return self._fail(PackErrorKind.NOT_ALLOWED, SCAN_FIRST)
        if not 1 <= quantity <= MAX_BULK_QUANTITY:
            return self._fail(PackErrorKind.NOT_ALLOWED, BAD_QUANTITY.format(max=MAX_BULK_QUANTITY))
        line_id, before = self._history[-1]
        line = self._lines[line_id]
        if line.scanned - before + quantity > line.needed:
            return self._fail(
                PackErrorKind.OVER_SCAN,
                NEEDS_ONLY.format(
                    item=_label(line), needed=line.needed, counted=line.scanned - before
                ),
            )
        self._history[-1] = (line_id, quantity)
        self._lines[line_id] = replace(line, scanned=line.scanned - before + quantity)
        self._box_weights[-1] = None  # the last box holds something else now
        self.error = None
        self._save()
        return Ticked(self._lines[line_id], quantity)

    def acknowledge(self) -> None:
        self.error = None

    def name_wrong_item(self, error: PackError, item: str) -> PackError | None:
        """``error`` (a scan matching no line) once the app learnt which product the scan is:
        a wrong item named ``item``. None if ``error`` is no longer the current one."""
        if self.error is not error or error.kind not in _NAMEABLE or not item.strip():
            return None
        shown = error.scan.strip()[:40]
        named = WRONG_ITEM_NAMED.format(item=item.strip()[:80], scan=shown, order=self.order.number)
        return self._fail(PackErrorKind.WRONG_ITEM, named, error.scan)

    def start_box(self, box: BoxType | None = None, *, same_type: bool = False) -> int:
        """The next items go into a new box (of type ``box``, or the current box's type with
        ``same_type``); a box with nothing in it yet only takes the type. Returns its number."""
        if same_type:
            box = self._box_types[-1]
        if self._box_starts[-1] >= len(self._history):  # nothing in the current box yet
            self._box_types[-1] = box
        else:
            self._box_starts.append(len(self._history))
            self._box_types.append(box)
            self._box_weights.append(None)
        self._save()
        return self.box_number

    def undo(self) -> PackLine | None:
        """Take back the last counted scan; None if there is nothing to undo."""
        if not self._history:
            return None
        line_id, quantity = self._history.pop()
        while len(self._box_starts) > 1 and self._box_starts[-1] > len(self._history):
            self._box_starts.pop()  # the undone scan was the only item of the last box
            self._box_types.pop()
            self._box_weights.pop()
        self._box_weights[-1] = None  # the box the scan came out of weighs less now
        line = self._lines[line_id]
        self._lines[line_id] = replace(line, scanned=line.scanned - quantity)
        self.error = None
        self._save()
        return self._lines[line_id]

    def reset(self) -> None:
        for line_id, line in self._lines.items():
            self._lines[line_id] = replace(line, scanned=0)
        self._history.clear()
        self._box_starts, self._box_types = [0], [self._box_types[0]]
        self._box_weights = [None]
        self.error = None
        self.pending_quantity = None
        self._save()

    def mark_printed(self) -> None:
        self.printed = True
        self._save()

    def ship_scanned(self) -> dict[str, int]:
        """Line id -> units to ship: what was scanned (all of the order once it is complete)."""
        lines = {ln.line_id: ln.scanned for ln in self._lines.values() if ln.scanned > 0}
        if not lines:
            raise PackRefused(PackError(PackErrorKind.NOT_ALLOWED, NOTHING_SCANNED))
        return lines

    def ship_all_unverified(self) -> dict[str, int]:
        """Every unit still to ship, scanned or not; only if the setting allows it."""
        if not self.allow_ship_unverified:
            raise PackRefused(PackError(PackErrorKind.NOT_ALLOWED, UNVERIFIED_OFF))
        return {ln.line_id: ln.needed for ln in self._lines.values()}

    def finish(self) -> None:
        """The order (or package) was shipped: forget its saved progress."""
        self._store.clear(self.ref.connection, self.ref.order_id)

    # --- internals ---

    def _matching_lines(self, code: str) -> list[PackLine] | None:
        """Lines the scan names (pick order); None if the scan is junk."""
        text = normalize_code(code)
        if not text:
            return None
        exact = [
            ln
            for ln in self._lines.values()
            if text in (normalize_code(ln.sku), normalize_code(ln.barcode or ""))
        ]
        if exact:
            return exact
        result = classify_scan(code)
        if result.kind is ScanKind.JUNK:
            return None
        if result.gtin is not None:
            return [ln for ln in self._lines.values() if self._gtins[ln.line_id] == result.gtin]
        return []

    def _tick(self, line: PackLine, quantity: int) -> Ticked:
        updated = replace(line, scanned=line.scanned + quantity)
        self._lines[line.line_id] = updated
        self._history.append((line.line_id, quantity))
        self._box_weights[-1] = None  # the box the item went into weighs more now
        self.error = None
        self.pending_quantity = None
        self._save()
        return Ticked(updated, quantity)

    def _fail(self, kind: PackErrorKind, message: Message, scan: str = "") -> PackError:
        self.error = PackError(kind, message, scan)
        return self.error

    def _save(self) -> None:
        counts: Mapping[str, int] = {ln.line_id: ln.scanned for ln in self._lines.values()}
        self._store.save(
            self.ref.connection,
            self.ref.order_id,
            SavedProgress(
                counts=dict(counts),
                history=tuple(self._history),
                printed=self.printed,
                boxes=self._saved_boxes(),
            ),
        )

    def _saved_boxes(self) -> tuple[SavedBox, ...]:
        if self._box_starts == [0] and self._box_types[0] is None and self._box_weights[0] is None:
            return ()  # one plain box: the format-1 document says the same
        return tuple(
            _saved_box(start, box, weight)
            for start, box, weight in zip(
                self._box_starts, self._box_types, self._box_weights, strict=True
            )
        )


def _box_type(saved: SavedBox) -> BoxType | None:
    if not saved.typed:
        return None
    try:
        return BoxType(
            name=saved.name,
            length_cm=Decimal(saved.length_cm) if saved.length_cm else None,
            width_cm=Decimal(saved.width_cm) if saved.width_cm else None,
            height_cm=Decimal(saved.height_cm) if saved.height_cm else None,
            tare=Weight.of(saved.tare_g or "0", "g"),
            barcode=saved.barcode,
        )
    except (ArithmeticError, ValueError):  # a damaged figure: the box keeps its items, no type
        return None


def _weight(grams: str | None) -> Weight | None:
    if grams is None:
        return None
    try:
        return Weight.of(grams, "g")
    except (ArithmeticError, ValueError):
        return None


def _saved_box(start: int, box: BoxType | None, weight: Weight | None) -> SavedBox:
    def text(value: Decimal | None) -> str:
        return "" if value is None else str(value)

    return SavedBox(
        start=start,
        typed=box is not None,
        name=box.name if box is not None else "",
        length_cm=text(box.length_cm) if box is not None else "",
        width_cm=text(box.width_cm) if box is not None else "",
        height_cm=text(box.height_cm) if box is not None else "",
        tare_g=text(box.tare.grams) if box is not None else "",
        barcode=box.barcode if box is not None else "",
        weight_g=None if weight is None else str(weight.grams),
    )

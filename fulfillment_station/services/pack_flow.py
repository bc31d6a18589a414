"""Pack mode's flow, without Qt: from the scan that opens an order to the next order.

:class:`PackFlow` is the state machine; the pack-mode widget only forwards scans, keys and
commands to it and renders what it says through :class:`PackDisplay`. The headless driver and
the tests drive it the same way, with no Qt at all. Counting the items of one order is
:class:`~fulfillment_station.services.pack_session.PackSession`'s job; everything outside
(finding, loading, printing, shipping, the next order) goes through the
:class:`~fulfillment_station.services.pack_session.PackHost`.

The phases: ``IDLE`` (no order) → ``LOADING`` → ``PACKING`` (item scans count) → the finish
steps → ``SHIPPED`` ("Order X shipped ✓", when ``hold_success``: until the view says the packer
has seen it, or a scan or key comes, which then goes to the next order) → ``IDLE`` or the next
order. The finish steps are objects (:class:`FinishStep`), run in
order once every line is verified or the packer asks to ship:

1. :class:`PrintSlipStep` — the documents print once per order if ``auto_print`` (a label the
   store sold brings its tracking number);
2. :class:`TrackingStep` — waits for the tracking-number scan (F2: ship without one), unless
   printing already brought one;
3. :class:`ShipStep` — hands the shipment to the host; then the same order again (another
   package) or the next order of the list.

When the desk weighs, :class:`WeighStep` comes first (``default_steps(weigh)``): each box on
the scale in turn, its stable weight checked against its items and tare. Items go into the
current box of the session; a box barcode (``box_for_scan``) or NEXT BOX starts another.
Several boxes reach the host's ``ship`` (and the slip's ``print_documents``) as ``boxes``;
how they go to the store is the host's ``box_shipping`` (``services.boxes``): on a store that
takes one shipment per box the tracking step asks one label per box, on a store that takes
one shipment the packer is told so when a box is started. The split and the weights are saved
with the scan progress, so a resumed order has its boxes back.
Adding a step is one more :class:`FinishStep` in :func:`default_steps`. Opening an order
passes every :data:`OpenGate` first: a gate can refuse
with one sentence (a claim by another desk, a hold). "Next order" skips orders that cannot be
packed (shipped, cancelled, refused by a gate), a bounded number of them.

Every sentence here is a :class:`~fulfillment_station.domain.messages.Message` under the
``PackModeView`` context; the view translates it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, ParamSpec, Protocol

from fulfillment_station.domain.holds import may_override
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.weight import Weight
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.scanning.barcodes import ScanKind, classify_scan
from fulfillment_station.services.boxes import BoxShipping, PackedBox
from fulfillment_station.services.pack_session import (
    PackCommand,
    PackError,
    PackErrorKind,
    PackHost,
    PackRefused,
    PackSession,
    PrintOutcome,
    ProgressStore,
    Ticked,
    command_payload,
    parse_command,
)
from fulfillment_station.services.tracking_reuse import TrackingGuard, TrackingReuse
from fulfillment_station.services.weighing import BoxType, WeightVerdict
from fulfillment_station.store.db import StoreError

P = ParamSpec("P")

#: How many orders "next order" passes over (shipped meanwhile, cancelled, held) before it
#: stops and says so.
MAX_SKIPPED = 50


class PackPhase(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PACKING = "packing"
    PRINTING = "printing"
    AWAIT_TRACKING = "await_tracking"
    AWAIT_WEIGHT = "await_weight"
    SHIPPING = "shipping"
    #: the order is shipped and says so; the next order opens when the packer has seen it
    SHIPPED = "shipped"


#: Phases in which the app is working on the last step: scans are refused, not queued.
BUSY = (PackPhase.LOADING, PackPhase.PRINTING, PackPhase.SHIPPING)
#: Busy phases F10 may leave (a host that never answers must not trap the packer); not
#: shipping, which is already under way.
ABANDONABLE = (PackPhase.LOADING, PackPhase.PRINTING)

AfterShip = Literal["next", "same"]

WAIT_SCAN = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Wait a moment: the app is still working on the last step. Scan again when this message "
    "changes.",
)
WAIT = QT_TRANSLATE_NOOP(
    "PackModeView", "Wait a moment: the app is still working on the last step."
)
STOPPED = QT_TRANSLATE_NOOP("PackModeView", "Stopped. Scan an order to open it.")
NO_ORDER = QT_TRANSLATE_NOOP("PackModeView", "No order is open: scan an order number first.")
SHIPPING_STOPPED = QT_TRANSLATE_NOOP(
    "PackModeView", "Shipping stopped. Keep scanning, or F2 to ship what is scanned."
)
ORDER_CLOSED = QT_TRANSLATE_NOOP(
    "PackModeView", "Order closed; its scans are kept. Scan an order to open it."
)
RESET_DONE = QT_TRANSLATE_NOOP(
    "PackModeView", "All counts of this order are back to 0. Scan the items."
)
AWAITING_TRACKING = QT_TRANSLATE_NOOP(
    "PackModeView",
    "The order is waiting for its tracking number: scan it, F2 to ship without one, or F10 to"
    " go back to packing.",
)
OPEN_FIRST = QT_TRANSLATE_NOOP("PackModeView", "Open an order first, then type a quantity.")
PICK_LINE = QT_TRANSLATE_NOOP(
    "PackModeView", "Pick a line with Up/Down first, then press Space to confirm it."
)
TICKED = QT_TRANSLATE_NOOP("PackModeView", "✓ {sku} {name}: {scanned} of {needed} ({state})")
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("PackModeView", "Nothing to undo.")
UNDONE = QT_TRANSLATE_NOOP("PackModeView", "Undone: {sku} {name} is back to {scanned} of {needed}.")
PRINTING = QT_TRANSLATE_NOOP("PackModeView", "Printing the packing slip and label…")
PRINTED_AGAIN = QT_TRANSLATE_NOOP("PackModeView", "Printed again.")
PRINT_FAILED_SHIPPING = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Printing failed: {message} Press F5 to print again, or scan the tracking number.",
)
PRINT_FAILED = QT_TRANSLATE_NOOP(
    "PackModeView", "Printing failed: {message} Press F5 to print again."
)
NOT_TRACKING = QT_TRANSLATE_NOOP(
    "PackModeView",
    "That is not a tracking number: scan the tracking barcode on the shipping label (F10 goes"
    " back to packing).",
)
SHIPPING = QT_TRANSLATE_NOOP("PackModeView", "Shipping order {order}…")
PACKAGE_SHIPPED = QT_TRANSLATE_NOOP("PackModeView", "Package of {order} shipped. Opening the rest…")
ORDER_SHIPPED = QT_TRANSLATE_NOOP("PackModeView", "Order {order} shipped ✓")
SHIP_FAILED = QT_TRANSLATE_NOOP(
    "PackModeView", "Shipping failed: {message} Scan the tracking number again to retry."
)
ALL_PACKED = QT_TRANSLATE_NOOP(
    "PackModeView", "All orders of this list are packed. Scan an order to open it."
)
TOO_MANY_SKIPPED = QT_TRANSLATE_NOOP(
    "PackModeView",
    "The next {n} orders of this list cannot be packed now. Scan an order to open it.",
)
UNREADABLE_SCAN = QT_TRANSLATE_NOOP("PackModeView", "The scan could not be read: scan it again.")
LOOKING_UP = QT_TRANSLATE_NOOP("PackModeView", "Looking up the order…")
NOT_FOUND = QT_TRANSLATE_NOOP(
    "PackModeView",
    "No order found for {scan}. Scan the order number or the barcode on the packing slip.",
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "PackModeView",
    "{scan} is on {n} orders. Scan the order number or the barcode on the packing slip.",
)
RESUMED = QT_TRANSLATE_NOOP(
    "PackModeView", "Order {order} resumed where you left off: {scanned} of {needed} scanned."
)
SCAN_ITEMS = QT_TRANSLATE_NOOP("PackModeView", "Order {order}: scan the items.")
TRACKING_PROMPT = QT_TRANSLATE_NOOP(
    "PackModeView", "Scan the tracking number on the label (F2: ship without one)."
)
WEIGH_PROMPT = QT_TRANSLATE_NOOP(
    "PackModeView", "Put the box on the scale: the weight is taken when it is steady."
)
WEIGHT_STOPPED = QT_TRANSLATE_NOOP(
    "PackModeView",
    "{message} Check the box and put it on the scale again, or F2 to ship it anyway (this is"
    " recorded).",
)
WEIGHED = QT_TRANSLATE_NOOP("PackModeView", "{message}")
WEIGH_BOX_PROMPT = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Put box {number} of {count} on the scale: the weight is taken when it is steady.",
)
BOX_WEIGHED = QT_TRANSLATE_NOOP(
    "PackModeView", "Box {number}: {message} Now put box {next} on the scale."
)
BOX_STARTED = QT_TRANSLATE_NOOP("PackModeView", "Box {number} started: scan the items for it.")
TYPED_BOX_STARTED = QT_TRANSLATE_NOOP(
    "PackModeView", "Box {number} ({box}) started: scan the items for it."
)
NOT_WEIGHED_YET = QT_TRANSLATE_NOOP(
    "PackModeView",
    "The box has not been weighed yet: put it on the scale (F10 goes back to packing).",
)
WEIGHT_OVERRIDDEN = QT_TRANSLATE_NOOP(
    "PackModeView", "Shipped despite the weight; your decision is recorded."
)
TRACKING_REUSED = QT_TRANSLATE_NOOP(
    "PackModeView",
    "{message} Scan the parcel's own label, or F2 to ship anyway (this is recorded).",
)
REUSE_NOT_RECORDED = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Shipping anyway could not be written to the audit log ({message}); nothing was shipped.",
)
BOX_LABEL_PROMPT = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Scan the label of box {number} of {count} (F2: ship the boxes as one shipment without a"
    " tracking number).",
)
BOX_LABEL_TAKEN = QT_TRANSLATE_NOOP(
    "PackModeView",
    "That is the label of box {other}: scan the label of box {number} of {count}.",
)
BOX_LABEL_REUSED = QT_TRANSLATE_NOOP(
    "PackModeView", "{message} Scan the label of box {number} of {count}."
)
BOX_LABELLED = QT_TRANSLATE_NOOP(
    "PackModeView", "Box {number} has its label. Scan the label of box {next} of {count}."
)
BOXES_AS_ONE = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Box {number} started: scan the items for it. This store takes one shipment per order: the"
    " boxes go as one shipment, listed on the packing slip.",
)
TYPED_BOXES_AS_ONE = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Box {number} ({box}) started: scan the items for it. This store takes one shipment per"
    " order: the boxes go as one shipment, listed on the packing slip.",
)
START_PROMPT = QT_TRANSLATE_NOOP(
    "PackModeView", "Scan an order number, packing slip or tracking number to start."
)
ORDER_IS_OPEN = QT_TRANSLATE_NOOP("PackModeView", "Order {order} is open: scan its items.")
HELD_OVERRIDABLE = QT_TRANSLATE_NOOP(
    "PackModeView",
    "{refusal} Scan another order, or F2 to pack it anyway: you will be asked why (recorded).",
)
HOLD_REASON_NEEDED = QT_TRANSLATE_NOOP(
    "PackModeView", "Say why the order is packed although it is on hold; nothing was opened."
)
HOLD_OVERRIDDEN = QT_TRANSLATE_NOOP(
    "PackModeView",
    "Order {order} is on hold; packing it anyway for the reason you gave (recorded when it "
    "ships). Scan the items.",
)


class PackDisplay(Protocol):
    """What the flow tells its view. Texts are messages (or a lower layer's sentence): the
    view translates them and shows them as plain text (scans and API text are untrusted)."""

    def show_info(self, text: str, *, good: bool = False) -> None: ...

    def show_error(self, text: str) -> None: ...

    def show_session(self, session: PackSession | None) -> None:
        """The order header, its lines, the progress and the pending quantity."""

    def select_line(self, line_id: str) -> None: ...

    def opened(self, order: Order) -> None:
        """An order is open for packing (the window follows it)."""

    def shipped(self, order: Order) -> None:
        """A package of ``order`` is durable in the outbox."""


class PackSounds(Protocol):
    def play_success(self) -> None: ...

    def play_error(self) -> None: ...

    def play_complete(self) -> None: ...


OpenGate = Callable[[Order], Message | None]
"""Asked before an order opens: ``None`` lets it open, a sentence refuses it (the packer sees
the sentence; "next order" passes over it)."""


@dataclass(frozen=True)
class PackFlowOptions:
    auto_print: bool = True
    allow_ship_unverified: bool = False
    #: After an order ships, stay in ``SHIPPED`` ("Order X shipped ✓") until
    #: :meth:`PackFlow.success_seen` (the view's timer), a scan or a key, then open the next
    #: order; off, the next order opens at once (the headless driver).
    hold_success: bool = False


@dataclass
class Shipment:
    """The package being finished: its lines, what comes after it, and what the finish steps
    found out on the way (a tracking number; more as steps are added)."""

    session: PackSession
    lines: dict[str, int]
    after: AfterShip = "next"
    tracking: str | None = None
    carrier: str | None = None
    #: the packer chose to ship without a tracking number (F2 while asked for one)
    without_tracking: bool = False
    step: int = 0  # index of the finish step in progress
    notes: dict[str, Any] = field(default_factory=dict)  # what added steps record
    #: the boxes it is packed in (type, units per line id); one box unless the packer started
    #: more (a box barcode, NEXT BOX)
    boxes: list[tuple[BoxType | None, dict[str, int]]] = field(default_factory=list)
    #: the stable weight of each box, as the weigh step took them
    weights: list[Weight] = field(default_factory=list)
    #: each box's own label (tracking number, carrier), where the store takes one shipment
    #: per box (Nexus)
    box_tracking: list[tuple[str, str | None]] = field(default_factory=list)

    def packed_boxes(self) -> list[PackedBox]:
        """The boxes with their weights and labels, for :func:`~fulfillment_station.services.
        boxes.ship_requests_for_boxes` (a box not weighed has no weight)."""
        boxes = self.boxes or [(None, dict(self.lines))]
        packed = []
        for i, (box, units) in enumerate(boxes):
            tracking, carrier = self.box_tracking[i] if i < len(self.box_tracking) else (None, None)
            packed.append(
                PackedBox(
                    lines=units,
                    box=box,
                    weight=self.weights[i] if i < len(self.weights) else None,
                    tracking_number=tracking,
                    extra={"carrier": carrier} if carrier else {},
                )
            )
        return packed

    @property
    def several_boxes(self) -> bool:
        return len(self.boxes) > 1


class FinishStep:
    """One step between "ready to ship" and "shipped". ``begin`` either calls
    ``flow.next_step(shipment)`` (nothing to do, or done at once), starts work that calls it
    later, or waits for the packer (``flow.wait(self, phase, prompt)``); a waiting step gets
    the scans (``on_scan``) and the commands it knows (``on_command``)."""

    #: whether this step can wait for the packer (a failed ship goes back to such a step)
    waits = False
    #: the phase shown while it waits
    waiting_phase = PackPhase.AWAIT_TRACKING

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        raise NotImplementedError

    def on_scan(self, flow: PackFlow, shipment: Shipment, text: str) -> None:
        flow.error(AWAITING_TRACKING)

    def on_command(self, flow: PackFlow, shipment: Shipment, command: PackCommand) -> bool:
        """Handle ``command`` while waiting; False if it is not this step's."""
        return False

    def prompt(self, shipment: Shipment) -> Message:
        """What the packer is asked while this step waits (shown again after an error)."""
        return TRACKING_PROMPT


class PrintSlipStep(FinishStep):
    """The documents, once per order, if the packer's settings print automatically."""

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        if flow.options.auto_print and not shipment.session.printed:
            flow.print_documents(shipment.session, reprint=False, shipment=shipment)
        else:
            flow.next_step(shipment)


def tracking_scan(text: str) -> tuple[str | None, str | None] | Message:
    """The tracking number and carrier a scan off a label gives, or why it is not one."""
    result = classify_scan(text)
    parse = result.tracking
    if result.kind is ScanKind.TRACKING and result.reason is None and parse is not None:
        return result.value, parse.carrier
    if result.kind is ScanKind.PRODUCT and parse is not None and parse.recognised:
        # A 12-digit FedEx number is a GTIN too.
        return parse.number, parse.carrier
    return result.reason or NOT_TRACKING


def boxes_ship_as(flow: PackFlow) -> BoxShipping:
    """How the host's store takes several boxes (the host's ``box_shipping``)."""
    return flow.host.box_shipping


class TrackingStep(FinishStep):
    """The tracking number: scanned off the label, unless printing brought one or the store
    sells the label (the host's ``store_sells_labels``: the ship buys it, Price2b).

    Several boxes on a store that takes one shipment per box (Nexus): one label per box,
    scanned in turn ("Scan the label of box 2 of 3"); a label already scanned for another box
    of the order, or already used on another order (the host's ``tracking_guard``), is
    refused. F2 sends the boxes as one shipment without a tracking number."""

    waits = True

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        if (
            shipment.tracking is not None
            or shipment.without_tracking
            or flow.host.store_sells_labels
        ):
            flow.next_step(shipment)
        elif self._per_box(flow, shipment):
            shipment.box_tracking = []
            shipment.notes["labels_per_box"] = True
            flow.wait(self, self.prompt(shipment))
        else:
            flow.wait(self, TRACKING_PROMPT)

    @staticmethod
    def _per_box(flow: PackFlow, shipment: Shipment) -> bool:
        return shipment.several_boxes and boxes_ship_as(flow) is BoxShipping.SHIPMENTS

    def on_scan(self, flow: PackFlow, shipment: Shipment, text: str) -> None:
        found = tracking_scan(text)
        if isinstance(found, Message):
            flow.error(found)
            return
        if self._per_box(flow, shipment):
            self._box_label(flow, shipment, found)
            return
        shipment.tracking, shipment.carrier = found
        flow.next_step(shipment)

    def _box_label(
        self, flow: PackFlow, shipment: Shipment, found: tuple[str | None, str | None]
    ) -> None:
        number, carrier = found
        if not number:
            flow.error(NOT_TRACKING)
            return
        if len(shipment.box_tracking) >= len(shipment.boxes):
            shipment.box_tracking = []  # a retry after a failed ship: the labels again
        count, box = len(shipment.boxes), len(shipment.box_tracking) + 1
        key = number.strip().upper()
        for other, (taken, _carrier) in enumerate(shipment.box_tracking, start=1):
            if taken.strip().upper() == key:
                flow.error(BOX_LABEL_TAKEN.format(other=other, number=box, count=count))
                return
        make_guard = flow.host.tracking_guard
        if make_guard is not None:
            order = shipment.session.order
            reuse = make_guard().check(number, order_id=order.id, order_number=order.number)
            if reuse is not None:
                flow.error(
                    BOX_LABEL_REUSED.format(message=reuse.message(), number=box, count=count)
                )
                return
        shipment.box_tracking.append((number, carrier))
        if len(shipment.box_tracking) < count:
            flow.sounds.play_success()
            flow.info(BOX_LABELLED.format(number=box, next=box + 1, count=count), good=True)
            return
        # The first box's number is the shipment's (the reuse check and audit see it).
        shipment.tracking, shipment.carrier = shipment.box_tracking[0]
        flow.next_step(shipment)

    def on_command(self, flow: PackFlow, shipment: Shipment, command: PackCommand) -> bool:
        if command is not PackCommand.SHIP_SCANNED:
            return False
        # No label to scan (pickup, letter post): ship without one.
        shipment.tracking, shipment.carrier, shipment.without_tracking = None, None, True
        shipment.box_tracking = []
        shipment.notes.pop("labels_per_box", None)
        flow.next_step(shipment)
        return True

    def prompt(self, shipment: Shipment) -> Message:
        if shipment.notes.get("labels_per_box") and len(shipment.box_tracking) < len(
            shipment.boxes
        ):
            count = len(shipment.boxes)
            number = min(len(shipment.box_tracking) + 1, count)
            return BOX_LABEL_PROMPT.format(number=number, count=count)
        return TRACKING_PROMPT


class ShipStep(FinishStep):
    """The shipment goes to the host; "done" once it is durable (the outbox sends it).

    Before it is queued, a tracking number already used on another order (the host's
    ``tracking_guard``) stops it: the packer scans the parcel's own label, or F2 ships anyway,
    which is written to the audit log first (not written: not shipped)."""

    waits = True

    def __init__(self) -> None:
        self._reused: tuple[Shipment, TrackingReuse, TrackingGuard] | None = None

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        self._reused = None
        make_guard = flow.host.tracking_guard
        if shipment.tracking and make_guard is not None:
            order = shipment.session.order
            guard = make_guard()
            reuse = guard.check(shipment.tracking, order_id=order.id, order_number=order.number)
            if reuse is not None:
                self._reused = (shipment, reuse, guard)
                flow.wait(self, self.prompt(shipment))
                flow.error(TRACKING_REUSED.format(message=reuse.message()))
                return
        self._queue(flow, shipment)

    def on_scan(self, flow: PackFlow, shipment: Shipment, text: str) -> None:
        """The parcel's own label, scanned after a reused number stopped the shipment."""
        found = tracking_scan(text)
        if isinstance(found, Message):
            flow.error(found)
            return
        shipment.tracking, shipment.carrier = found
        self.begin(flow, shipment)

    def on_command(self, flow: PackFlow, shipment: Shipment, command: PackCommand) -> bool:
        if command is not PackCommand.SHIP_SCANNED or self._reused is None:
            return False
        reused, reuse, guard = self._reused
        if reused is not shipment:
            return False
        try:
            guard.record_override(reuse)
        except (sqlite3.Error, StoreError, OSError) as exc:
            flow.error(REUSE_NOT_RECORDED.format(message=str(exc)))
            return True
        self._reused = None
        self._queue(flow, shipment)
        return True

    def prompt(self, shipment: Shipment) -> Message:
        if self._reused is not None and self._reused[0] is shipment:
            return TRACKING_REUSED.format(message=self._reused[1].message())
        return TRACKING_PROMPT

    def _queue(self, flow: PackFlow, shipment: Shipment) -> None:
        order = shipment.session.order
        flow.set_phase(PackPhase.SHIPPING)
        flow.info(SHIPPING.format(order=order.number))

        def failed(message: str) -> None:
            shipment.without_tracking = False
            flow.back_to_waiting(shipment, SHIP_FAILED.format(message=message))

        done, refused = flow.guarded(lambda: flow.shipped(shipment)), flow.guarded(failed)
        lines = dict(shipment.lines)
        flow.host.ship(
            order,
            lines,
            shipment.tracking,
            shipment.carrier,
            done,
            refused,
            # Several boxes go the way the host's store takes them (services.boxes).
            boxes=shipment.packed_boxes() if shipment.several_boxes else None,
            hold_override=flow.hold_override or None,
        )


WeightCheck = Callable[[Shipment, int, Weight], WeightVerdict]
"""Compares the stable weight of box ``index`` of the shipment with what it should weigh."""
OverrideRecord = Callable[[Shipment, int, WeightVerdict], None]
"""Writes the packer's override of a weight stop on box ``index`` to the audit log."""


class WeighStep(FinishStep):
    """Each box on the scale in turn: the first stable weight after the step asks for a box is
    taken with no key press (:meth:`PackFlow.weighed`) and checked against the box's items and
    tare; a weight beyond the desk's tolerance stops the packer until the box is weighed again
    within it, or the packer overrides with F2 (recorded). The weights go with the shipment
    (``weights``, ``notes["weight"]`` the total) so the label and the ship request carry them.
    It comes first: a label bought from the store needs the weight."""

    waits = True
    waiting_phase = PackPhase.AWAIT_WEIGHT

    def __init__(self, check: WeightCheck, record_override: OverrideRecord) -> None:
        self.check = check
        self.record_override = record_override

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        shipment.notes.pop("weight_verdict", None)
        # Boxes weighed before (and not changed since) keep their weight: a resumed order is
        # not weighed twice.
        shipment.weights = shipment.session.box_weights()[: self._count(shipment)]
        if len(shipment.weights) >= self._count(shipment):
            self._done(flow, shipment, None)
            return
        flow.wait(self, self.prompt(shipment))
        if flow.on_scale is not None:
            # The box was packed on the platter: its weight is steady already and the scale
            # will not announce it again.
            self.on_weight(flow, shipment, flow.on_scale)

    def on_scan(self, flow: PackFlow, shipment: Shipment, text: str) -> None:
        flow.error(self.prompt(shipment))

    def on_weight(self, flow: PackFlow, shipment: Shipment, weight: Weight) -> None:
        verdict = self.check(shipment, len(shipment.weights), weight)
        shipment.notes["weight_verdict"] = verdict
        if verdict.stops_packer:
            flow.error(WEIGHT_STOPPED.format(message=verdict.message))
            return
        self._accept(flow, shipment, verdict)

    def on_command(self, flow: PackFlow, shipment: Shipment, command: PackCommand) -> bool:
        if command is not PackCommand.SHIP_SCANNED:
            return False
        verdict = shipment.notes.get("weight_verdict")
        if not isinstance(verdict, WeightVerdict):
            flow.error(NOT_WEIGHED_YET)
            return True
        if verdict.stops_packer:
            self.record_override(shipment, len(shipment.weights), verdict)
            shipment.notes["weight_overridden"] = True
        self._accept(flow, shipment, verdict)
        return True

    def _accept(self, flow: PackFlow, shipment: Shipment, verdict: WeightVerdict) -> None:
        shipment.weights.append(verdict.measured)
        shipment.session.set_box_weight(len(shipment.weights) - 1, verdict.measured)
        shipment.notes.pop("weight_verdict", None)
        count = self._count(shipment)
        if len(shipment.weights) < count:
            flow.on_scale = None  # the next box is the next stable weight, not this one
            number = len(shipment.weights)
            flow.info(
                BOX_WEIGHED.format(number=number, message=verdict.message, next=number + 1),
                good=True,
            )
            return
        self._done(flow, shipment, verdict)

    def _done(self, flow: PackFlow, shipment: Shipment, verdict: WeightVerdict | None) -> None:
        """Every box weighed (``verdict``: the last one's, None when all were weighed before)."""
        total = Weight.zero()
        for weight in shipment.weights:
            total = total + weight
        shipment.notes["weight"] = total
        if verdict is not None:
            flow.info(
                WEIGHT_OVERRIDDEN
                if verdict.stops_packer
                else WEIGHED.format(message=verdict.message),
                good=not verdict.stops_packer,
            )
        flow.next_step(shipment)

    @staticmethod
    def _count(shipment: Shipment) -> int:
        return max(1, len(shipment.boxes))

    def prompt(self, shipment: Shipment) -> Message:
        count = self._count(shipment)
        if count == 1:
            return WEIGH_PROMPT
        return WEIGH_BOX_PROMPT.format(number=len(shipment.weights) + 1, count=count)


def session_boxes(session: PackSession) -> list[PackedBox]:
    """The boxes of the order being packed, with the weights taken so far."""
    weights = session.box_weights()
    return [
        PackedBox(lines=units, box=box, weight=weights[i] if i < len(weights) else None)
        for i, (box, units) in enumerate(session.boxes())
    ]


def default_steps(weigh: WeighStep | None = None) -> list[FinishStep]:
    """The finish steps of pack mode, in order (weighing first when the desk weighs)."""
    steps: list[FinishStep] = [PrintSlipStep(), TrackingStep(), ShipStep()]
    return [weigh, *steps] if weigh is not None else steps


#: Commands that end the success display themselves instead of waiting for the next order.
_ENDS_SUCCESS = (PackCommand.ACKNOWLEDGE, PackCommand.CANCEL)


def _names_order(session: PackSession, text: str) -> bool:
    """Whether ``text`` is the open order's own number and no item of it."""
    code = normalize_code(text)
    if not code or code != normalize_code(session.order.number):
        return False
    return all(
        code not in (normalize_code(ln.sku), normalize_code(ln.barcode or ""))
        for ln in session.lines
    )


class PackFlow:
    """Pack mode's state: the phase, the order being packed and the package being finished.

    Entry points: :meth:`scan` (a scanner burst), :meth:`command` (a command barcode or its
    key), :meth:`enter_quantity` / :meth:`pend_quantity` (digits typed, then Enter or ``*``),
    :meth:`confirm_line` (Space on a line without barcode).
    """

    def __init__(
        self,
        host: PackHost,
        store: ProgressStore,
        display: PackDisplay,
        sounds: PackSounds,
        options: PackFlowOptions | None = None,
        *,
        steps: Sequence[FinishStep] | None = None,
        gates: Sequence[OpenGate] = (),
        box_for_scan: Callable[[str], BoxType | None] | None = None,
    ) -> None:
        self.host = host
        self.box_for_scan = box_for_scan
        self.store = store
        self.display = display
        self.sounds = sounds
        self.options = options or PackFlowOptions()
        self.steps = list(steps) if steps is not None else default_steps()
        self.gates = list(gates)
        #: Told when the packer leaves an order without finishing it here (closed, stopped,
        #: refused, the list ran out): the station's claim on it ends.
        self.on_close: Callable[[Order], None] | None = None
        #: Told of each wrong-item scan (the station's audit counts them per packer).
        self.on_wrong_scan: Callable[[Order, PackError], None] | None = None
        self.phase = PackPhase.IDLE
        self.session: PackSession | None = None
        self.shipment: Shipment | None = None
        self.waiting: FinishStep | None = None
        self.error_shown = False
        #: the last stable weight on the scale, until the platter is emptied
        self.on_scale: Weight | None = None
        self._generation = 0
        #: while ``SHIPPED``: the order shipped, after which the next one is taken
        self._shipped_ref: OrderRef | None = None
        #: scans made while the success shows or the next order loads after it, for that
        #: next order
        self._queued: list[str] = []
        self._opening_next = False
        #: the shipped order's number and tracking number, which a scan repeats by accident
        self._shipped_codes: frozenset[str] = frozenset()
        #: an order just refused for holds a packer may lift: F2 (SHIP_SCANNED) offers to
        #: pack it anyway, with a reason
        self.held: tuple[Order, OrderRef] | None = None
        #: the packer's reason for packing the open order although it is held; the ship
        #: carries it to the outbox, which audits it (desk, packer, reason)
        self.hold_override: str | None = None
        #: asks the packer why a held order is packed anyway and calls back with the reason
        #: (the view's dialog); without it F2 cannot override a hold
        self.ask_hold_reason: Callable[[Order, Callable[[str], None]], None] | None = None

    # --- entry points ---

    def scan(self, text: str) -> None:
        waiting_for_next = self.phase is PackPhase.SHIPPED or (
            self._opening_next and self.phase is PackPhase.LOADING
        )
        if waiting_for_next and parse_command(text) not in _ENDS_SUCCESS:
            if normalize_code(text) in self._shipped_codes:
                return  # the label or slip just done, read twice: nothing for the next order
            # The packer is on to the next parcel already: the scan is for the next order.
            self._queued.append(text)
            self.success_seen()
            return
        command = parse_command(text)
        if command is not None:
            self.command(command)
            return
        if self.phase in BUSY:
            self.error(WAIT_SCAN)
            return
        if self.phase is PackPhase.IDLE or self.session is None:
            self._open_by_scan(text)
        elif self.phase is PackPhase.PACKING:
            box = self.box_for_scan(text) if self.box_for_scan is not None else None
            if box is not None:
                number = self.session.start_box(box)
                self.display.show_session(self.session)
                one = boxes_ship_as(self) is BoxShipping.ONE and number > 1
                started = TYPED_BOXES_AS_ONE if one else TYPED_BOX_STARTED
                self.info(started.format(number=number, box=box.name))
                return
            if _names_order(self.session, text):
                # The slip of the order already open (scanned again, or the next parcel's
                # slip right after a success): nothing to stop for.
                self.info(ORDER_IS_OPEN.format(order=self.session.order.number))
                return
            self._after_count(self.session, self.session.scan(text))
        elif self.waiting is not None and self.shipment is not None:
            self.waiting.on_scan(self, self.shipment, text)

    def command(self, command: PackCommand) -> None:
        session = self.session
        if self.phase is PackPhase.SHIPPED:
            if command is PackCommand.CANCEL:
                self._shipped_ref, self._queued = None, []
                self.close_order(STOPPED)  # no next order: the packer stops here
            elif command is PackCommand.ACKNOWLEDGE:
                self.success_seen()
            else:  # a command for the next order
                self._queued.append(command_payload(command))
                self.success_seen()
            return
        if command is PackCommand.ACKNOWLEDGE:
            self.acknowledge()
            return
        if command is PackCommand.CANCEL and self.phase in ABANDONABLE:
            self._queued, self._opening_next = [], False  # the packer stops: none opens
            self.close_order(STOPPED)  # a late answer of the host is ignored
            return
        if self.phase in BUSY:
            self.error(WAIT)
            return
        if (
            command is PackCommand.SHIP_SCANNED
            and self.held is not None
            and self.phase is PackPhase.IDLE
            and self.ask_hold_reason is not None
        ):
            self.ask_hold_reason(self.held[0], self.guarded(self.override_hold))
            return
        if session is None or self.phase is PackPhase.IDLE:
            self.error(NO_ORDER)
            return
        if command is PackCommand.REPRINT:
            self.print_documents(session, reprint=session.printed, shipment=self.shipment)
        elif command is PackCommand.CANCEL:
            if self.waiting is not None:
                self._stop_shipping()
                self.info(SHIPPING_STOPPED)
            else:
                self.close_order(ORDER_CLOSED)
        elif command is PackCommand.UNDO:
            self._undo(session)
        elif command is PackCommand.NEXT_BOX and self.phase is PackPhase.PACKING:
            number = session.start_box(same_type=True)
            self.display.show_session(session)
            one = boxes_ship_as(self) is BoxShipping.ONE and number > 1
            self.info((BOXES_AS_ONE if one else BOX_STARTED).format(number=number))
        elif command is PackCommand.RESET:
            session.reset()
            self._stop_shipping()
            self.display.show_session(session)
            self.info(RESET_DONE)
        elif (
            self.waiting is not None
            and self.shipment is not None
            and self.waiting.on_command(self, self.shipment, command)
        ):
            return
        elif self.phase is PackPhase.PACKING:
            try:
                if command is PackCommand.SHIP_ALL:
                    lines = session.ship_all_unverified()
                else:
                    lines = session.ship_scanned()
            except PackRefused as exc:
                self.error(exc.error.message)
                return
            self.begin_shipping(
                session, lines, "same" if command is PackCommand.NEXT_PACKAGE else "next"
            )
        else:
            self.error(AWAITING_TRACKING)

    def weighed(self, weight: Weight) -> None:
        """A new stable weight from the scale: the weigh step takes it; at any other time it
        is kept for when the weigh step begins (a box packed on the platter)."""
        self.on_scale = weight
        if (
            isinstance(self.waiting, WeighStep)
            and self.shipment is not None
            and self.phase is PackPhase.AWAIT_WEIGHT
        ):
            self.waiting.on_weight(self, self.shipment, weight)

    def scale_emptied(self) -> None:
        """Nothing is on the scale any more: a weight kept from before is not the next box's."""
        self.on_scale = None

    def enter_quantity(self, typed: str) -> None:
        """Enter after digits: the last scan counts that many (Enter alone acknowledges)."""
        session = self.session
        if not typed:
            self.acknowledge()
            return
        if session is None or self.phase is not PackPhase.PACKING:
            self.error(OPEN_FIRST)
            return
        if session.last_ticked is None:
            self.pend_quantity(typed)
            return
        self._after_count(session, session.amend_last_quantity(int(typed)))

    def pend_quantity(self, typed: str) -> None:
        """``*`` after digits: the next scan counts that many."""
        session = self.session
        if session is None or self.phase is not PackPhase.PACKING or not typed:
            return
        try:
            session.set_pending_quantity(int(typed))
        except PackRefused as exc:
            self.error(exc.error.message)

    def confirm_line(self, line_id: str | None) -> None:
        session = self.session
        if session is None or self.phase is not PackPhase.PACKING or line_id is None:
            self.error(PICK_LINE)
            return
        self._after_count(session, session.confirm_line(line_id))

    def acknowledge(self) -> None:
        if self.phase is PackPhase.SHIPPED:
            self.success_seen()
            return
        if self.session is not None:
            self.session.acknowledge()
        if self.error_shown:
            self.info(self.resting_message())

    def set_options(self, options: PackFlowOptions) -> None:
        """New settings: they apply from the next order opened or step begun."""
        self.options = options
        if self.session is not None:
            self.session.allow_ship_unverified = options.allow_ship_unverified

    # --- for the finish steps ---

    def begin_shipping(self, session: PackSession, lines: dict[str, int], after: AfterShip) -> None:
        self.shipment = Shipment(session, lines, after, step=-1, boxes=session.boxes())
        self.next_step(self.shipment)

    def next_step(self, shipment: Shipment) -> None:
        """Begin the step after the current one (or the first)."""
        if shipment is not self.shipment:
            return  # a shipment the packer stopped
        self.waiting = None
        shipment.step += 1
        if shipment.step < len(self.steps):
            self.steps[shipment.step].begin(self, shipment)

    def wait(self, step: FinishStep, prompt: Message) -> None:
        """``step`` waits for the packer: scans and commands go to it."""
        self.waiting = step
        self.set_phase(step.waiting_phase)
        self.info(prompt)

    def back_to_waiting(self, shipment: Shipment, error: str) -> None:
        """A step failed: go back to the last step before it that waits for the packer (the
        tracking scan retries a failed ship), or to packing if there is none."""
        earlier = [i for i, s in enumerate(self.steps[: shipment.step]) if s.waits]
        if earlier:
            shipment.step = earlier[-1]
            step = self.steps[shipment.step]
            self.waiting = step
            self.set_phase(step.waiting_phase)
        else:
            self._stop_shipping()
        self.error(error)

    def print_documents(
        self, session: PackSession, *, reprint: bool, shipment: Shipment | None
    ) -> None:
        """Print slip (and label); while finishing ``shipment`` the next step follows."""
        previous = self.phase
        self.set_phase(PackPhase.PRINTING)
        self.info(PRINTING)

        def printed(outcome: PrintOutcome) -> None:
            session.mark_printed()
            if shipment is None:
                self.set_phase(previous)
                self.info(PRINTED_AGAIN)
                return
            if outcome.tracking:
                shipment.tracking, shipment.carrier = outcome.tracking, outcome.carrier
            self._continue_after_print(shipment)

        def failed(message: str) -> None:
            if shipment is None:
                self.set_phase(previous)
                self.error(PRINT_FAILED.format(message=message))
                return
            self._continue_after_print(shipment)
            self.error(PRINT_FAILED_SHIPPING.format(message=message))

        boxes = shipment.packed_boxes() if shipment is not None else session_boxes(session)
        if len(boxes) > 1:  # the slip says which items are in which box
            self.host.print_documents(
                session.order, reprint, self.guarded(printed), self.guarded(failed), boxes=boxes
            )
            return
        self.host.print_documents(
            session.order, reprint, self.guarded(printed), self.guarded(failed)
        )

    def shipped(self, shipment: Shipment) -> None:
        session = shipment.session
        order = session.order
        session.finish()
        self.shipment, self.waiting = None, None
        hold = shipment.after == "next" and self.options.hold_success
        if hold:
            self._shipped_ref, self._queued = session.ref, []
            codes = (order.number, order.id, shipment.tracking or "")
            self._shipped_codes = frozenset(filter(None, map(normalize_code, codes)))
            self.set_phase(PackPhase.SHIPPED)
        self.display.shipped(order)
        self.sounds.play_complete()
        if shipment.after == "same":
            self.info(PACKAGE_SHIPPED.format(order=order.number), good=True)
            self._load(session.ref)
        else:
            self.info(ORDER_SHIPPED.format(order=order.number), good=True)
            if not hold:
                self._next_after(session.ref, MAX_SKIPPED)

    def success_seen(self) -> None:
        """The packer has seen "Order X shipped ✓" (the view's timer ran out, or a scan or a
        key came): the next order opens, then what was scanned meanwhile goes to it."""
        ref = self._shipped_ref
        if self.phase is not PackPhase.SHIPPED or ref is None:
            return
        self._shipped_ref = None
        self._opening_next = True
        self.set_phase(PackPhase.LOADING)
        self._next_after(ref, MAX_SKIPPED)

    def close_order(self, message: str | None) -> None:
        self._generation += 1
        self.hold_override = None
        if self.session is not None and self.on_close is not None:
            self.on_close(self.session.order)
        self.session = None
        self.shipment, self.waiting = None, None
        self.set_phase(PackPhase.IDLE)
        self.display.show_session(None)
        if message:
            self.info(message)

    def set_phase(self, phase: PackPhase) -> None:
        self.phase = phase

    def guarded(self, callback: Callable[P, None]) -> Callable[P, None]:
        """``callback`` unless the packer moved on (closed the order) before the host
        answered."""
        generation = self._generation

        def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
            if generation == self._generation:
                callback(*args, **kwargs)

        return guarded

    # --- what the packer sees and hears ---

    def info(self, text: str, *, good: bool = False) -> None:
        self.error_shown = False
        self.display.show_info(text, good=good)

    def error(self, text: str) -> None:
        self.error_shown = True
        self.sounds.play_error()
        self.display.show_error(text)

    def resting_message(self) -> Message:
        if self.waiting is not None and self.shipment is not None:
            return self.waiting.prompt(self.shipment)
        if self.session is None:
            return START_PROMPT
        return SCAN_ITEMS.format(order=self.session.order.number)

    # --- internals ---

    def _continue_after_print(self, shipment: Shipment) -> None:
        """After printing while finishing: on from the step after the printing one (a
        reprint while a later step waits goes back to that step)."""
        printing_step = next(
            (i for i, s in enumerate(self.steps) if isinstance(s, PrintSlipStep)), -1
        )
        if 0 <= shipment.step < printing_step and self.steps[shipment.step].waits:
            # A reprint while a step before printing waits (the box on the scale): back to it,
            # not past it.
            step = self.steps[shipment.step]
            self.waiting = step
            self.set_phase(step.waiting_phase)
            self.info(step.prompt(shipment))
            return
        shipment.step = max(shipment.step, printing_step + 1) - 1
        self.next_step(shipment)

    def _stop_shipping(self) -> None:
        self.shipment, self.waiting = None, None
        self.set_phase(PackPhase.PACKING)

    def _after_count(self, session: PackSession, outcome: Ticked | PackError) -> None:
        self.display.show_session(session)
        if isinstance(outcome, PackError):
            if outcome.kind is PackErrorKind.WRONG_ITEM and self.on_wrong_scan is not None:
                self.on_wrong_scan(session.order, outcome)
            self.error(outcome.message)
            self._name_the_item(session, outcome)
            return
        self.display.select_line(outcome.line.line_id)
        if session.complete:
            self.sounds.play_complete()
            self.begin_shipping(session, session.ship_scanned(), "next")
            return
        self.sounds.play_success()
        line = outcome.line
        self.info(
            TICKED.format(
                sku=line.sku,
                name=line.name,
                scanned=line.scanned,
                needed=line.needed,
                state=line.state_text,
            ),
            good=True,
        )

    def _name_the_item(self, session: PackSession, error: PackError) -> None:
        """A scan that matched no line: if the host knows the product by that code (another
        order's SKU or barcode), the stop names it. The packer was stopped already; the
        sentence only gets clearer, with no second sound."""
        if not error.scan:
            return

        def described(name: str | None) -> None:
            named = session.name_wrong_item(error, name) if name else None
            if named is not None and self.session is session and self.error_shown:
                self.display.show_error(named.message)

        self.host.describe_item(error.scan, self.guarded(described), lambda _message: None)

    def _undo(self, session: PackSession) -> None:
        if self.waiting is not None:
            self._stop_shipping()
        line = session.undo()
        self.display.show_session(session)
        if line is None:
            self.info(NOTHING_TO_UNDO)
        else:
            self.info(
                UNDONE.format(
                    sku=line.sku, name=line.name, scanned=line.scanned, needed=line.needed
                )
            )

    def override_hold(self, reason: str) -> None:
        """Open the order just refused for its holds anyway, for the packer's ``reason`` (a
        blank reason opens nothing). The shipment carries the reason; the outbox audits it."""
        held, reason = self.held, " ".join(reason.split())
        if held is None or self.phase is not PackPhase.IDLE:
            return
        if not reason:
            self.error(HOLD_REASON_NEEDED)
            return
        order, ref = held
        try:
            session = PackSession(
                order,
                ref.connection,
                self.store,
                allow_ship_unverified=self.options.allow_ship_unverified,
                hold_override=reason,
            )
        except PackRefused as exc:
            self.error(exc.error.message)
            return
        self.held, self.hold_override = None, reason
        self._start(session, order)
        if not session.complete and not session.scanned_units:
            self.info(HOLD_OVERRIDDEN.format(order=order.number))

    def _open_by_scan(self, text: str) -> None:
        self.held = None
        result = classify_scan(text)
        if result.is_junk:
            self.error(result.reason or UNREADABLE_SCAN)
            return
        self.set_phase(PackPhase.LOADING)
        self.info(LOOKING_UP)
        shown = text.strip()[:40]

        def found(refs: list[OrderRef]) -> None:
            unique = list(dict.fromkeys(refs))
            if len(unique) == 1:
                self._load(unique[0])
                return
            self.set_phase(PackPhase.IDLE)
            if not unique:
                self.error(NOT_FOUND.format(scan=shown))
            else:
                self.error(AMBIGUOUS.format(scan=shown, n=len(unique)))

        self.host.find_orders(text, self.guarded(found), self.guarded(self._host_failed))

    def _next_after(self, ref: OrderRef, skips_left: int) -> None:
        def open_next(following: OrderRef | None) -> None:
            if following is None:
                self.close_order(ALL_PACKED)
                self._replay_queued()
            elif skips_left <= 0:
                self.close_order(None)
                self.error(TOO_MANY_SKIPPED.format(n=MAX_SKIPPED))
                self._replay_queued()
            else:
                self._load(following, skips_left=skips_left - 1)

        self.host.next_order_after(ref, self.guarded(open_next), self.guarded(self._host_failed))

    def _load(self, ref: OrderRef, *, skips_left: int | None = None) -> None:
        """Open ``ref``. ``skips_left`` (from "next order"): an order that cannot be packed is
        passed over for the one after it, that many times at most."""
        self.set_phase(PackPhase.LOADING)
        self.held = None

        def loaded(order: Order) -> None:
            override = self.hold_override if self.session and self.session.ref == ref else None
            self.hold_override = None
            opened = self._open(order, ref, override)
            if not isinstance(opened, PackSession):
                if skips_left is not None:
                    self.held = None  # "next order" passes a held order over
                    self._next_after(ref, skips_left)
                    return
                self.close_order(None)
                self.error(HELD_OVERRIDABLE.format(refusal=opened) if self.held else opened)
                return
            self.hold_override = override
            self._start(opened, order)

        self.host.load_order(ref, self.guarded(loaded), self.guarded(self._host_failed))

    def _start(self, session: PackSession, order: Order) -> None:
        """Show the session just opened and say what comes next."""
        self.session = session
        self.shipment, self.waiting = None, None
        self.set_phase(PackPhase.PACKING)
        self.display.show_session(session)
        self.display.opened(order)
        if session.complete:
            self.begin_shipping(session, session.ship_scanned(), "next")
        elif session.scanned_units:
            self.info(
                RESUMED.format(
                    order=order.number,
                    scanned=session.scanned_units,
                    needed=session.needed_units,
                )
            )
        else:
            self.info(SCAN_ITEMS.format(order=order.number))
        # Scans made while the success showed or this order loaded belong to it.
        self._replay_queued()

    def _open(
        self, order: Order, ref: OrderRef, hold_override: str | None = None
    ) -> PackSession | str:
        """The session packing ``order``, or why it cannot be packed (a gate's sentence or
        the session's)."""
        for gate in self.gates:
            refusal = gate(order)
            if refusal is not None:
                return refusal
        if not hold_override and may_override(order) and order.status in SHIPPABLE:
            self.held = (order, ref)  # refused below for its holds only: F2 may override
        try:
            return PackSession(
                order,
                ref.connection,
                self.store,
                allow_ship_unverified=self.options.allow_ship_unverified,
                hold_override=hold_override,
            )
        except PackRefused as exc:
            return exc.error.message

    def _host_failed(self, message: str) -> None:
        if self.phase is PackPhase.LOADING:
            self.set_phase(PackPhase.PACKING if self.session is not None else PackPhase.IDLE)
        self.error(message)
        self._replay_queued()

    def _replay_queued(self) -> None:
        """The scans made while an order's success showed, now that the next step is done
        (the next order is open, or there is none): each counts as if made now."""
        queued, self._queued = self._queued, []
        self._opening_next = False
        for text in queued:
            self.scan(text)

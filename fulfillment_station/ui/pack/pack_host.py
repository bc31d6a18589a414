"""The real outside world of pack mode (``services.pack_session.PackHost``): each call runs one
typed operation of ``services.operations`` on a worker and answers ``done``/``failed`` on the
GUI thread through the task's signals.

The path from a scan to a shipment crosses to a worker and back as few times as it can:
finding the order a scan names and reading it fresh from the store is one trip
(``open_for_packing``; the ``load_order`` that follows is answered from it at once), printing
is one, queueing the shipment is one (durable in the outbox: "done"), and the label print
after it is one. Sending is the outbox pump's, which the window runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import error_sentence
from fulfillment_station.services import operations
from fulfillment_station.services.boxes import BoxShipping, PackedBox
from fulfillment_station.services.operations import PackLookup, PackShipment
from fulfillment_station.services.pack_session import PrintOutcome
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task

if TYPE_CHECKING:
    from fulfillment_station.domain.requests import ShipRequest
    from fulfillment_station.domain.summaries import OrderRef
    from fulfillment_station.services.actions import Action
    from fulfillment_station.services.resources import OutboxResources, PrintResources
    from fulfillment_station.services.tracking_reuse import TrackingGuard
    from fulfillment_station.store.outbox import ActionRecord

log = logging.getLogger(__name__)
Failure = Callable[[str], None]
R = TypeVar("R")


def _answer(task: Task[R], done: Callable[[R], None], failed: Failure) -> None:
    task.succeeded.connect(done)
    task.failed.connect(lambda exc: failed(error_sentence(exc)))


class WorkerPackHost:
    def __init__(
        self,
        *,
        outbox: ConnectionWorker[OutboxResources],
        printer: ConnectionWorker[PrintResources] | None,
        next_after: Callable[[OrderRef], OrderRef | None],
        packer: Callable[[], str] = lambda: "",
        on_shipped: Callable[[ActionRecord[Action]], None] | None = None,
        on_print_message: Callable[[str], None] | None = None,
        store_sells_labels: bool = False,
        tracking_guard: Callable[[], TrackingGuard] | None = None,
        box_shipping: BoxShipping = BoxShipping.ONE,
    ) -> None:
        """``store_sells_labels``: shipping buys the store's label (Price2b), so pack mode
        ships once every unit is scanned, with no tracking number to scan.
        ``tracking_guard``: pack mode's ship step stops on a tracking number already used on
        another order (``services.tracking_reuse``). ``box_shipping``: how the store takes an
        order packed in several boxes (``services.boxes.box_shipping``); pack mode asks one
        label per box when each box is a shipment of its own."""
        self.outbox = outbox
        self.printer = printer
        self.next_after = next_after
        self.packer = packer
        self.on_shipped = on_shipped
        self.on_print_message = on_print_message
        self.store_sells_labels = store_sells_labels
        self.tracking_guard = tracking_guard
        self.box_shipping = box_shipping
        self._opened: tuple[OrderRef, Order] | None = None  # read by the last find

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Failure
    ) -> None:
        def found(lookup: PackLookup) -> None:
            if lookup.order is not None:
                self._opened = (lookup.refs[0], lookup.order)
            try:
                done(lookup.refs)  # the flow asks for the one order at once, or not at all
            finally:
                self._opened = None

        _answer(self.outbox.call(operations.open_for_packing, scan), found, failed)

    def load_order(self, ref: OrderRef, done: Callable[[Order], None], failed: Failure) -> None:
        opened, self._opened = self._opened, None
        if opened is not None and opened[0] == ref:
            done(opened[1])  # read from the store by the find just before
            return
        _answer(self.outbox.call(operations.read_for_packing, ref), done, failed)

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Failure,
        *,
        boxes: Sequence[PackedBox] | None = None,
    ) -> None:
        if self.printer is None:
            done(PrintOutcome())
            return
        task = self.printer.call(
            operations.print_slip_for_packing, order, reprint, tuple(boxes or ())
        )
        _answer(task, done, failed)

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
        if boxes is not None and len(boxes) > 1:
            self._ship_boxes(order, list(boxes), tracking, carrier, done, failed, hold_override)
            return

        def queued(shipment: PackShipment) -> None:
            if self.on_shipped is not None:
                self.on_shipped(shipment.record)
            done()
            # A label the store sells is printed by the outbox worker when its answer brings
            # it (services.store_labels.StoreLabelPrinter); the app draws none of its own.
            if tracking and not shipment.store_prints_label:
                self._print_label(order, shipment.request)

        _answer(
            self.outbox.call(
                operations.queue_pack_shipment,
                order,
                lines,
                tracking,
                carrier,
                packer=self.packer(),
                hold_override=hold_override,
            ),
            queued,
            failed,
        )

    def _print_label(self, order: Order, request: ShipRequest) -> None:
        """The label of a shipment queued with a scanned tracking number; what the printer
        says (printed, saved to the training folder, failed) goes to the status line."""
        if self.printer is None:
            return
        task = self.printer.call(operations.print_label_after_ship, order, request)
        if self.on_print_message is not None:
            report = self.on_print_message
            task.succeeded.connect(lambda text: report(translate_message(text)))
            task.failed.connect(lambda exc: report(translate_message(error_sentence(exc))))

    def _ship_boxes(
        self,
        order: Order,
        boxes: list[PackedBox],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Failure,
        hold_override: str | None = None,
    ) -> None:
        """An order packed in several boxes: queued as the store takes boxes (one request
        with packages, one shipment per box, or one shipment), then each box's label."""

        def queued(shipments: list[PackShipment]) -> None:
            if self.on_shipped is not None:
                for shipment in shipments:
                    self.on_shipped(shipment.record)
            done()
            labelled = operations.desk_label_of(shipments)
            if labelled is not None:
                self._print_label(order, labelled.request)

        _answer(
            self.outbox.call(
                operations.queue_pack_boxes,
                order,
                boxes,
                tracking,
                carrier,
                packer=self.packer(),
                hold_override=hold_override,
            ),
            queued,
            failed,
        )

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Failure
    ) -> None:
        done(self.next_after(ref))

    def describe_item(self, scan: str, done: Callable[[str | None], None], failed: Failure) -> None:
        """The product a scan is, by name (pack mode's wrong-item stop names it)."""
        _answer(self.outbox.call(operations.describe_item, scan), done, failed)


if TYPE_CHECKING:
    from fulfillment_station.services.pack_session import PackHost

    def _is_a_pack_host(host: WorkerPackHost) -> PackHost:
        return host  # the type checker proves the host is everything pack mode asks of one

"""Pack mode's outside world without threads: a :class:`~fulfillment_station.services.
pack_session.PackHost` that runs the same operations as the GUI's worker host, at once, on the
caller's thread. It lets a headless driver (or a test) drive
:class:`~fulfillment_station.services.pack_flow.PackFlow` against a real store with no Qt:

    host = DirectPackHost(outbox_resources, print_resources, queue=[...], packer="Ana")
    flow = PackFlow(host, progress_store, display, sounds)
    flow.scan("#1001"); flow.scan(barcode); ...; flow.scan(tracking)
    host.send()  # what the window's outbox pump does

Every answer comes before the call returns; a failure is one sentence, as from the GUI host.

Where the store sells labels (Price2b ``ship``), shipping is buying the label, as in the app
(``operations.queue_pack_shipment``): the last unit scanned ships with no tracking number, and
the store's own label is printed as it came (PDF as is, a ZPL graphic on a thermal printer)
once :meth:`DirectPackHost.send` brings the store's answer. Outbox resources opened with a
print queue print it themselves (``StoreLabelPrinter``); otherwise this host's ``printer``
does, from the order the answer carries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import error_sentence
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.services import operations
from fulfillment_station.services.boxes import BoxShipping, PackedBox, box_shipping
from fulfillment_station.services.operations import PackShipment, PumpReport
from fulfillment_station.services.pack_session import PrintOutcome
from fulfillment_station.services.resources import OutboxResources, PrintResources

if TYPE_CHECKING:
    from fulfillment_station.services.pack_session import PackHost
    from fulfillment_station.services.tracking_reuse import TrackingGuard

log = logging.getLogger(__name__)
R = TypeVar("R")


class DirectPackHost:
    """``queue``: the orders "next order" walks through, in order."""

    def __init__(
        self,
        outbox: OutboxResources,
        printer: PrintResources | None = None,
        *,
        queue: Sequence[OrderRef] = (),
        packer: str = "",
    ) -> None:
        self.outbox = outbox
        self.printer = printer
        self.queue = list(queue)
        self.packer = packer
        self.labels: list[str] = []  # what printing the labels said
        self._opened: tuple[OrderRef, Order] | None = None
        #: orders shipped whose store label this host prints when the answer comes
        self._labels_due: set[str] = set()

    #: The headless driver keeps no desk record of tracking numbers used on other orders.
    tracking_guard: Callable[[], TrackingGuard] | None = None

    @property
    def store_sells_labels(self) -> bool:
        """Shipping buys the store's label: pack mode ships once every unit is scanned."""
        from fulfillment_station.services.store_labels import sells_labels

        return sells_labels(self.outbox.connector.capabilities)

    @property
    def box_shipping(self) -> BoxShipping:
        """How the store takes an order packed in several boxes."""
        return box_shipping(self.outbox.connector.capabilities)

    def _run(
        self, work: Callable[[], R], done: Callable[[R], None], failed: Callable[[str], None]
    ) -> None:
        try:
            result = work()
        except Exception as exc:  # the GUI host reports every failure the same way
            log.info("pack host: %s", exc, exc_info=True)
            failed(error_sentence(exc))
            return
        done(result)

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Callable[[str], None]
    ) -> None:
        def found(lookup: operations.PackLookup) -> None:
            if lookup.order is not None:
                self._opened = (lookup.refs[0], lookup.order)
            try:
                done(lookup.refs)  # the flow asks for the one order at once, or not at all
            finally:
                self._opened = None

        self._run(lambda: operations.open_for_packing(self.outbox, scan), found, failed)

    def load_order(
        self, ref: OrderRef, done: Callable[[Order], None], failed: Callable[[str], None]
    ) -> None:
        opened, self._opened = self._opened, None
        if opened is not None and opened[0] == ref:
            done(opened[1])
            return
        self._run(lambda: operations.read_for_packing(self.outbox, ref), done, failed)

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Callable[[str], None],
        *,
        boxes: Sequence[PackedBox] | None = None,
    ) -> None:
        printer = self.printer
        if printer is None:
            done(PrintOutcome())
            return
        listed = tuple(boxes or ())
        self._run(
            lambda: operations.print_slip_for_packing(printer, order, reprint, listed),
            done,
            failed,
        )

    def ship(
        self,
        order: Order,
        lines: dict[str, int],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Callable[[str], None],
        *,
        boxes: Sequence[PackedBox] | None = None,
        hold_override: str | None = None,
    ) -> None:
        if boxes is not None and len(boxes) > 1:
            self._ship_boxes(order, list(boxes), tracking, carrier, done, failed, hold_override)
            return

        def queued(shipment: PackShipment) -> None:
            done()
            if shipment.store_prints_label:
                # The outbox resources print it when they can (StoreLabelPrinter); else send().
                if self.outbox.print_service is None and self.printer is not None:
                    self._labels_due.add(order.id)
                return
            if tracking:
                self._print_label(order, shipment.request)

        defaults = None
        if self.printer is not None:
            from fulfillment_station.services.store_labels import label_defaults_from

            defaults = label_defaults_from(self.printer.print_service.settings)
        self._run(
            lambda: operations.queue_pack_shipment(
                self.outbox,
                order,
                lines,
                tracking,
                carrier,
                packer=self.packer,
                label_defaults=defaults,
                hold_override=hold_override,
            ),
            queued,
            failed,
        )

    def _print_label(self, order: Order, request: ShipRequest) -> None:
        """The label of a shipment queued with a scanned tracking number; what printing said
        goes to ``labels``."""
        printer = self.printer
        if printer is None:
            return
        self._run(
            lambda: operations.print_label_after_ship(printer, order, request),
            self.labels.append,
            self.labels.append,
        )

    def _ship_boxes(
        self,
        order: Order,
        boxes: list[PackedBox],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Callable[[str], None],
        hold_override: str | None,
    ) -> None:
        """Several boxes, queued as the store takes them (as the GUI host does), then the
        desk's label (:func:`operations.desk_label_of`)."""

        def queued(shipments: list[PackShipment]) -> None:
            done()
            labelled = operations.desk_label_of(shipments)
            if labelled is not None:
                self._print_label(order, labelled.request)

        self._run(
            lambda: operations.queue_pack_boxes(
                self.outbox,
                order,
                boxes,
                tracking,
                carrier,
                packer=self.packer,
                hold_override=hold_override,
            ),
            queued,
            failed,
        )

    def describe_item(
        self, scan: str, done: Callable[[str | None], None], failed: Callable[[str], None]
    ) -> None:
        self._run(lambda: operations.describe_item(self.outbox, scan), done, failed)

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Callable[[str], None]
    ) -> None:
        position = self.queue.index(ref) if ref in self.queue else -1
        done(self.queue[position + 1] if position + 1 < len(self.queue) else None)

    def send(self) -> PumpReport:
        """Send what the flow queued (the window's outbox pump), then print the store labels
        the answers brought that no outbox hook printed."""
        report = operations.pump_outbox(self.outbox)
        printer = self.printer
        if printer is None:
            return report
        for order in report.changed_orders:
            if order.id not in self._labels_due or not order.shipments:
                continue
            self._labels_due.discard(order.id)
            self._run(
                self._store_label_printing(printer, order), self.labels.append, self.labels.append
            )
        return report

    def _store_label_printing(self, printer: PrintResources, order: Order) -> Callable[[], str]:
        def work() -> str:
            from fulfillment_station.services.store_labels import print_store_label

            outcome = print_store_label(printer.print_service, self.outbox.connector, order)
            return str(outcome.message)

        return work


if TYPE_CHECKING:

    def _is_a_pack_host(host: DirectPackHost) -> PackHost:
        return host  # the type checker proves the host is everything pack mode asks of one

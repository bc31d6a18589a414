"""Pack mode's outside world without threads: a :class:`~fulfillment_station.services.
pack_session.PackHost` that runs the same operations as the GUI's worker host, at once, on the
caller's thread. It lets a headless driver (or a test) drive
:class:`~fulfillment_station.services.pack_flow.PackFlow` against a real store with no Qt:

    host = DirectPackHost(outbox_resources, print_resources, queue=[...], packer="Ana")
    flow = PackFlow(host, progress_store, display, sounds)
    flow.scan("#1001"); flow.scan(barcode); ...; flow.scan(tracking)
    host.send()  # what the window's outbox pump does

Every answer comes before the call returns; a failure is one sentence, as from the GUI host.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from fulfillment_station.domain import Order
from fulfillment_station.services import operations
from fulfillment_station.services.operations import PumpReport
from fulfillment_station.services.pack_session import PrintOutcome
from fulfillment_station.services.resources import OutboxResources, PrintResources
from fulfillment_station.store.cache import OrderRef

log = logging.getLogger(__name__)
R = TypeVar("R")


def _sentence(exc: Exception) -> str:
    text = getattr(exc, "user_message", None) or getattr(exc, "message", None)
    return text if isinstance(text, str) and text else str(exc)


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

    def _run(
        self, work: Callable[[], R], done: Callable[[R], None], failed: Callable[[str], None]
    ) -> None:
        try:
            result = work()
        except Exception as exc:  # the GUI host reports every failure the same way
            log.info("pack host: %s", exc, exc_info=True)
            failed(_sentence(exc))
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
    ) -> None:
        printer = self.printer
        if printer is None:
            done(PrintOutcome())
            return
        self._run(lambda: operations.print_slip_for_packing(printer, order, reprint), done, failed)

    def ship(
        self,
        order: Order,
        lines: dict[str, int],
        tracking: str | None,
        carrier: str | None,
        done: Callable[[], None],
        failed: Callable[[str], None],
    ) -> None:
        request = operations.ship_request(lines, tracking, carrier)

        def queued(_record: object) -> None:
            done()
            if tracking and self.printer is not None:
                printer = self.printer
                self._run(
                    lambda: operations.print_label_after_ship(printer, order, request),
                    self.labels.append,
                    self.labels.append,
                )

        self._run(
            lambda: operations.queue_shipment(self.outbox, order, request, packer=self.packer),
            queued,
            failed,
        )

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Callable[[str], None]
    ) -> None:
        position = self.queue.index(ref) if ref in self.queue else -1
        done(self.queue[position + 1] if position + 1 < len(self.queue) else None)

    def send(self) -> PumpReport:
        """Send what the flow queued (the window's outbox pump)."""
        return operations.pump_outbox(self.outbox)

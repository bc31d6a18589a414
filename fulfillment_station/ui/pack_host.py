"""The real outside world of pack mode (``services.pack_session.PackHost``): finding orders
in the cache, re-reading an order from the store before packing it, printing the slip through
the print service, shipping through the outbox, and the next order of the window's list.

Each call runs on a worker and answers ``done``/``failed`` on the GUI thread through the
task's signals. Shipping is "done" once the shipment is durable in the outbox; the outbox
sends it (and retries) on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain import Order, Shipment, ShipmentLine
from fulfillment_station.domain.requests import ShipRequest
from fulfillment_station.printing.errors import PrintingError
from fulfillment_station.scanning.tracking import parse_tracking
from fulfillment_station.services.pack_session import PrintOutcome
from fulfillment_station.store.cache import OrderRef
from fulfillment_station.store.print_queue import JobState
from fulfillment_station.ui.i18n import translate_message
from fulfillment_station.ui.tasks import ConnectionWorker, TaskContext

log = logging.getLogger(__name__)
Failure = Callable[[str], None]

#: Scans that open an order in pack mode: its number (the slip barcode) or its tracking
#: number. An SKU or barcode names a product, not an order.
ORDER_KINDS = frozenset({"number", "tracking"})


def _sentence(exc: BaseException) -> str:
    text = getattr(exc, "user_message", None) or getattr(exc, "message", None)
    if isinstance(text, str) and text:
        return text  # a domain Message stays one, so pack mode shows it translated
    return str(text or exc)


class WorkerPackHost:
    def __init__(self, *, reader: ConnectionWorker, outbox: ConnectionWorker,
                 printer: ConnectionWorker | None,
                 next_after: Callable[[OrderRef], OrderRef | None],
                 packer: Callable[[], str] = lambda: "",
                 on_shipped: Callable[[Any], None] | None = None,
                 on_print_message: Callable[[str], None] | None = None) -> None:
        self.reader = reader
        self.outbox = outbox
        self.printer = printer
        self.next_after = next_after
        self.packer = packer
        self.on_shipped = on_shipped
        self.on_print_message = on_print_message

    def _run(self, worker: ConnectionWorker, fn: Callable[[TaskContext], Any],
             done: Callable[[Any], None], failed: Failure, name: str) -> None:
        task = worker.submit(fn, name)
        task.succeeded.connect(done)
        task.failed.connect(lambda exc: failed(_sentence(exc)))

    def find_orders(self, scan: str, done: Callable[[list[OrderRef]], None],
                    failed: Failure) -> None:
        def work(ctx: TaskContext) -> list[OrderRef]:
            found = [m for m in ctx.cache.find(scan) if m.kind in ORDER_KINDS]
            return list(dict.fromkeys(OrderRef(m.connection, m.order_id) for m in found))
        self._run(self.reader, work, done, failed, "find order")

    def load_order(self, ref: OrderRef, done: Callable[[Order], None], failed: Failure) -> None:
        def work(ctx: TaskContext) -> Order:
            # Fresh from the store: another desk may have shipped or cancelled it. Offline,
            # the cached copy lets the packer go on (the outbox re-checks before sending).
            try:
                order = ctx.connector.get_order(ref.order_id)
            except ConnectorError as exc:
                cached = ctx.cache.get(ref.order_id, connection=ref.connection)
                if cached is None or not exc.transient:
                    raise
                log.info("packing %s from the cache: %s", ref.order_id, exc)
                return cached
            ctx.cache.upsert_many([order], connection=ref.connection)
            # The cache adds what only this desk knows (a packer's hold), so pack mode and
            # the ship that follows refuse a held order.
            return ctx.cache.get(ref.order_id, connection=ref.connection) or order
        self._run(self.outbox, work, done, failed, "load order")

    def print_documents(self, order: Order, reprint: bool,
                        done: Callable[[PrintOutcome], None], failed: Failure) -> None:
        if self.printer is None:
            done(PrintOutcome())
            return

        def work(ctx: TaskContext) -> PrintOutcome:
            outcome = ctx.print_service.print_slip(order, reprint=reprint)
            if outcome.job is not None and outcome.job.state == JobState.FAILED:
                # The job waits in the print queue for a retry; pack mode says so.
                raise PrintingError(outcome.message)  # ``message`` keeps it translatable
            return PrintOutcome()
        self._run(self.printer, work, done, failed, "print slip")

    def ship(self, order: Order, lines: dict[str, int], tracking: str | None,
             carrier: str | None, done: Callable[[], None], failed: Failure) -> None:
        if carrier is None and tracking:
            best = parse_tracking(tracking).best
            carrier = best.carrier_name if best is not None else None
        request = ShipRequest(carrier=carrier or "Other", tracking_number=tracking,
                              lines=lines)
        packer = self.packer()

        def work(ctx: TaskContext) -> Any:
            return ctx.outbox_service.ship(order.id, request, packer=packer, cached=order)

        def queued(record: Any) -> None:
            if self.on_shipped is not None:
                self.on_shipped(record)
            done()
            if tracking:
                self._print_label(order, request)
        self._run(self.outbox, work, queued, failed, "ship")

    def _print_label(self, order: Order, request: ShipRequest) -> None:
        """The shipping label for the tracking number just scanned, once per order (the print
        service refuses a second print unless asked for a reprint)."""
        if self.printer is None:
            return
        shipment = Shipment(carrier=request.carrier, tracking_number=request.tracking_number,
                            lines=[ShipmentLine(line_id=k, quantity=v)
                                   for k, v in request.lines.items() if v > 0])

        def work(ctx: TaskContext) -> str:
            return translate_message(ctx.print_service.print_label(order, shipment).message)

        task = self.printer.submit(work, "print label")
        if self.on_print_message is not None:
            task.succeeded.connect(self.on_print_message)
            task.failed.connect(lambda exc: self.on_print_message(_sentence(exc)))

    def next_order_after(self, ref: OrderRef, done: Callable[[OrderRef | None], None],
                         failed: Failure) -> None:
        done(self.next_after(ref))

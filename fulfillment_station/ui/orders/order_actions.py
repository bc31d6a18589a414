"""The window's side of writes: it hands the packer's requests to the outbox service on the
outbox worker (its own thread, connector and store connections, so shipping never waits
behind a long sync), pumps the outbox while anything is due, and reports records, the pending
count, failures and changed orders back as GUI-thread signals.

Every request is durable before the call returns to the GUI (``OutboxService`` writes it to
SQLite first); sending happens on the next pump.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from fulfillment_station.domain import Order
from fulfillment_station.domain.messages import error_sentence
from fulfillment_station.services import operations, station_ops
from fulfillment_station.services.operations import PumpReport
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.common.tasks import ConnectionWorker, Task

if TYPE_CHECKING:
    from fulfillment_station.services.actions import Action
    from fulfillment_station.services.resources import OutboxResources
    from fulfillment_station.store.outbox import ActionRecord

log = logging.getLogger(__name__)

__all__ = ["OrderActions", "PumpReport"]


class OrderActions(QObject):
    records_changed = Signal(list)  # ActionRecords for the panel
    pending_changed = Signal(int)
    action_failed = Signal(str)  # one plain sentence for the banner
    #: orders changed by an action as the store answered, and their rows for the order list:
    #: the window refreshes table and detail without another trip to the cache
    orders_changed = Signal(list, list)
    queued = Signal(object)  # the ActionRecord just made durable
    refused = Signal(str)  # a request refused before queueing, in plain words

    def __init__(
        self,
        worker: ConnectionWorker[OutboxResources],
        *,
        pump_interval_ms: int = 2000,
        packer: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__()
        self.worker = worker
        self.packer = packer
        self._pumping = False
        self._again = False
        self._stopped = False
        self._pass: Task[PumpReport] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(pump_interval_ms)
        self.timer.timeout.connect(self.pump)

    def start(self) -> None:
        """Resume what a previous run left (the service recovers on its first pass)."""
        self.pump()
        self.timer.start()

    def stop(self) -> None:
        """Send nothing more: the action being sent finishes, the pass in progress starts no
        other, and what is still due stays queued for the next time this connection opens
        (a connection switch waits only for the write in flight)."""
        self._stopped = True
        self.timer.stop()
        if self._pass is not None:
            self._pass.cancel()

    # -- requests ---------------------------------------------------------------------------

    def submit(
        self,
        order: Order | None,
        request: operations.WriteRequest,
        *,
        hold_override: str | None = None,
    ) -> None:
        """Queue one write (the request's type says which: ship, fulfill, cancel, update,
        create, bulk ship). The re-read and validation happen on the worker.
        ``hold_override``: the packer's reason to ship a held order anyway (audited)."""
        task = self.worker.call(
            operations.queue_write,
            order,
            request,
            packer=self.packer(),
            hold_override=hold_override,
        )
        task.succeeded.connect(self._queued)
        task.failed.connect(self._refused)

    def shipped(self, record: ActionRecord[Action]) -> None:
        """A write queued elsewhere (pack mode): send it now."""
        self.pump()

    def set_hold(self, order: Order, reason: str | None) -> None:
        """Put ``order`` on hold with the packer's ``reason`` (None or '' lifts the packer's
        hold). The order comes back through ``orders_changed``."""
        text = " ".join((reason or "").split())
        task = self.worker.call(operations.set_packer_hold, order, text, self.packer())
        task.succeeded.connect(lambda changed: self.orders_changed.emit(*changed))
        task.failed.connect(self._refused)
        # The other desks hear of it: a hold ends this desk's claim and keeps "next order"
        # off the order; lifting it lets them offer it again.
        task.succeeded.connect(
            lambda _changed: self.worker.call(station_ops.hold_changed, order.id, held=bool(text))
        )

    def retry(self, action_id: int) -> None:
        task = self.worker.call(operations.retry_action, action_id, packer=self.packer())
        task.succeeded.connect(lambda _r: self.pump())
        task.failed.connect(self._refused)

    def dismiss(self, action_id: int) -> None:
        task = self.worker.call(operations.dismiss_action, action_id, packer=self.packer())
        task.succeeded.connect(lambda _r: self.pump())
        task.failed.connect(self._refused)

    def _queued(self, record: ActionRecord[Action]) -> None:
        self.queued.emit(record)
        self.pump()

    def _refused(self, exc: BaseException) -> None:
        self.refused.emit(translate_message(error_sentence(exc)))

    # -- pumping ----------------------------------------------------------------------------

    def pump(self) -> None:
        """Send what is due, then report. One pass at a time; a request during a pass asks
        for another right after."""
        if self._stopped:
            return
        if self._pumping:
            self._again = True
            return
        self._pumping = True
        task = self._pass = self.worker.submit(
            lambda ctx: operations.pump_outbox(ctx.resources, stop=ctx.cancelled), "pump outbox"
        )
        task.succeeded.connect(self._pumped)
        task.failed.connect(self._pump_failed)

    def _pumped(self, report: PumpReport) -> None:
        self._pumping = False
        self._pass = None
        self.records_changed.emit(report.records)
        self.pending_changed.emit(report.pending)
        if report.changed_orders:
            self.orders_changed.emit(report.changed_orders, report.changed_rows)
        for text in [*report.notices, *report.failures]:
            self.action_failed.emit(translate_message(text))
        if self._again:
            self._again = False
            self.pump()

    def _pump_failed(self, exc: BaseException) -> None:
        self._pumping = False
        self._pass = None
        log.warning("outbox pump failed: %s", exc, exc_info=exc)
        self.action_failed.emit(
            self.tr("The outbox could not be processed: {error}").format(error=exc)
        )

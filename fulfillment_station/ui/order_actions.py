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
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain import HoldKind, Order
from fulfillment_station.domain.holds import with_packer_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.store.outbox import ActionState
from fulfillment_station.ui.i18n import translate_message
from fulfillment_station.ui.tasks import ConnectionWorker, Task, TaskContext

log = logging.getLogger(__name__)

HOLD_SET = QT_TRANSLATE_NOOP("OrderActions", "Put on hold")
HOLD_LIFTED = QT_TRANSLATE_NOOP("OrderActions", "Hold released")

#: What the outbox panel lists: everything not done long ago.
PANEL_STATES = (ActionState.PENDING, ActionState.SENDING, ActionState.RETRYING,
                ActionState.FAILED, ActionState.DONE)


@dataclass
class PumpReport:
    """What one pump pass found, for the panel, the status bar and the cache."""

    records: list[Any]
    pending: int
    changed_orders: list[Order] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    #: what opening the outbox found (a damaged file recovered), shown once
    notices: list[str] = field(default_factory=list)


class OrderActions(QObject):
    recordsChanged = Signal(list)  # ActionRecords for the panel
    pendingChanged = Signal(int)
    actionFailed = Signal(str)  # one plain sentence for the banner
    ordersChanged = Signal(list)  # orders re-read after an action: refresh table and detail
    queued = Signal(object)  # the ActionRecord just made durable
    refused = Signal(str)  # a request refused before queueing, in plain words

    def __init__(self, worker: ConnectionWorker, *, pump_interval_ms: int = 2000,
                 packer: Callable[[], str] = lambda: "") -> None:
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

    def submit(self, kind: str, order: Order | None, request: Any) -> None:
        """Queue one write (``kind`` is an OutboxService method: ship, fulfil, cancel, update,
        create, bulk_ship). The re-read and validation happen on the worker."""
        packer = self.packer()

        def work(ctx: TaskContext) -> Any:
            service = ctx.outbox_service
            if kind == "create":
                return service.create(request, packer=packer)
            if kind == "bulk_ship":
                return service.bulk_ship(request, packer=packer)
            assert order is not None
            return getattr(service, kind)(order.id, request, packer=packer, cached=order)

        task = self.worker.submit(work, f"queue {kind}")
        task.succeeded.connect(self._queued)
        task.failed.connect(self._refused)

    def set_hold(self, order: Order, reason: str | None) -> None:
        """Put ``order`` on hold with the packer's ``reason`` (None or '' lifts the packer's
        hold). The hold lives in this desk's cache, so a sync keeps it; the audit log records
        who set or lifted it. The order comes back through ``ordersChanged``."""
        packer = self.packer()
        text = " ".join((reason or "").split())

        def work(ctx: TaskContext) -> list[Order]:
            service = ctx.outbox_service
            ctx.cache.set_packer_hold(service.connection_id, order.id, text or None)
            service.outbox.audit.record(
                order_id=order.id, order_number=order.number,
                kind="hold" if text else "release_hold",
                summary=HOLD_SET if text else HOLD_LIFTED, outcome="done", message=text,
                packer=packer, connection_id=service.connection_id)
            held = ctx.cache.get(order.id, connection=service.connection_id)
            if held is None:  # not cached (yet): the packer's copy with the new hold
                store_holds = [h for h in order.holds if h.kind != HoldKind.PACKER]
                held = with_packer_holds(order.model_copy(update={"holds": store_holds}),
                                         [text] if text else [])
            return [held]

        task = self.worker.submit(work, "hold" if text else "release hold")
        task.succeeded.connect(self.ordersChanged.emit)
        task.failed.connect(self._refused)

    def retry(self, action_id: int) -> None:
        packer = self.packer()
        task = self.worker.submit(
            lambda ctx: ctx.outbox_service.outbox.retry(action_id, packer=packer), "retry")
        task.succeeded.connect(lambda _r: self.pump())
        task.failed.connect(self._refused)

    def dismiss(self, action_id: int) -> None:
        packer = self.packer()
        task = self.worker.submit(
            lambda ctx: ctx.outbox_service.outbox.dismiss(action_id, packer=packer), "dismiss")
        task.succeeded.connect(lambda _r: self.pump())
        task.failed.connect(self._refused)

    def _queued(self, record: Any) -> None:
        self.queued.emit(record)
        self.pump()

    def _refused(self, exc: BaseException) -> None:
        text = getattr(exc, "user_message", None) or getattr(exc, "message", None) or str(exc)
        self.refused.emit(translate_message(text) if isinstance(text, str) else str(text))

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

        def work(ctx: TaskContext) -> PumpReport:
            service = ctx.outbox_service
            notices = [translate_message(n) for n in getattr(ctx.resources, "notices", ())]
            if notices:
                ctx.resources.notices.clear()
            outcomes = service.run_due(stop=ctx.cancelled)
            changed: list[Order] = []
            failures: list[str] = []
            for outcome in outcomes:
                changed += [o for o in outcome.reread.values() if o is not None]
                if outcome.record.state == ActionState.DONE and outcome.sent:
                    changed += _fresh_orders(ctx, outcome.record.action)
                if outcome.record.state == ActionState.FAILED:
                    failures.append(QCoreApplication.translate(
                        "OrderActions", "Order {number}: {problem}").format(
                            number=outcome.record.order_number,
                            problem=translate_message(outcome.record.message)))
            # The last read of each order wins (a check before sending, then the result).
            changed = list({order.id: order for order in changed}.values())
            if changed:
                ctx.cache.upsert_many(changed, connection=service.connection_id)
            records = service.outbox.records(PANEL_STATES,
                                             connection_id=service.connection_id)
            return PumpReport(records[-200:], service.pending_count(), changed, failures,
                              notices)

        task = self._pass = self.worker.submit(work, "pump outbox")
        task.succeeded.connect(self._pumped)
        task.failed.connect(self._pump_failed)

    def _pumped(self, report: PumpReport) -> None:
        self._pumping = False
        self._pass = None
        self.recordsChanged.emit(report.records)
        self.pendingChanged.emit(report.pending)
        if report.changed_orders:
            self.ordersChanged.emit(report.changed_orders)
        for text in [*report.notices, *report.failures]:
            self.actionFailed.emit(text)
        if self._again:
            self._again = False
            self.pump()

    def _pump_failed(self, exc: BaseException) -> None:
        self._pumping = False
        self._pass = None
        log.warning("outbox pump failed: %s", exc, exc_info=exc)
        self.actionFailed.emit(f"The outbox could not be processed: {exc}")


def _fresh_orders(ctx: TaskContext, action: Any) -> list[Order]:
    """The orders an applied action changed, as the store now has them (for the cache)."""
    if action.kind == "create":
        return []  # its id is the store's; the next sync brings it
    fresh = []
    for order_id in action.order_ids:
        try:
            fresh.append(ctx.connector.get_order(order_id))
        except ConnectorError as exc:  # the action is done; the next sync catches up
            log.info("could not re-read order %s after an action: %s", order_id, exc)
    return fresh

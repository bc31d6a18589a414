"""The window's side of the station database: pack mode's claims, the desk's heartbeat, the
"coordination off" indicator in the status bar and other desks' changes applied to the list.

* :class:`ClaimingPackHost` wraps pack mode's host: loading an order claims it on the outbox
  worker (its refusal is what :meth:`ClaimingPackHost.gate` answers, so pack mode says who
  holds the order and since when), "next order" asks the station database for the first
  order of the list no desk holds (``claim_next``), and leaving an order unfinished releases
  it. A shipment's claim ends on the outbox worker when the store confirms it.
* :class:`StationDesk` runs the heartbeat on the outbox worker (renewal, audit catch-up,
  status), shows the status, and re-reads an order another desk shipped, cancelled or held
  (``StationEvents``, LISTEN/NOTIFY) so this desk's rows and preset counts follow within a
  second, without a sync.

With no station database nothing here changes what a single desk does: every claim is
granted at once and the indicator stays empty.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import psycopg
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.messages import Message, error_sentence
from fulfillment_station.domain.summaries import OrderRef
from fulfillment_station.domain.workflow import SHIPPABLE
from fulfillment_station.services import station_ops
from fulfillment_station.station.coordinator import (
    ChangeEvent,
    Claim,
    ClaimHolder,
    CoordinationStatus,
    Refusal,
    ReleaseReason,
    status_message,
)
from fulfillment_station.ui.common.i18n import translate_message
from fulfillment_station.ui.desks.station_events import StationEvents
from fulfillment_station.ui.pack.pack_host import Failure, WorkerPackHost

if TYPE_CHECKING:
    from fulfillment_station.services.boxes import PackedBox
    from fulfillment_station.services.pack_session import PackError, PrintOutcome
    from fulfillment_station.services.resources import OutboxResources
    from fulfillment_station.store.secrets import TokenStore
    from fulfillment_station.ui.common.tasks import ConnectionWorker
    from fulfillment_station.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

#: How many orders of the list "next order" offers the station database at once.
NEXT_WINDOW = 200
#: Changes at another desk after which this desk re-reads the order from the store.
REREAD_CHANGES = frozenset(
    {"shipped", "cancelled", "held", "supervisor", "outbox_done", "outbox_failed"}
)
#: Changes at another desk after which the list's "packing at desk …" badges are read again.
CLAIM_CHANGES = frozenset({"claimed", "released", "shipped", "cancelled", "held", "supervisor"})


class ClaimingPackHost:
    """Pack mode's host with claims (see the module docstring)."""

    def __init__(
        self,
        inner: WorkerPackHost,
        outbox: ConnectionWorker[OutboxResources],
        *,
        refs_after: Callable[[OrderRef, int], list[OrderRef]],
        packer: Callable[[], str],
        coordinated: bool = True,
    ) -> None:
        #: False for a desk alone: every call goes straight to ``inner`` (no claims to take)
        self.coordinated = coordinated
        self.inner = inner
        #: read by pack mode's tracking and ship steps (``PackFlow`` looks on its host)
        self.store_sells_labels = inner.store_sells_labels
        self.tracking_guard = inner.tracking_guard
        self.box_shipping = inner.box_shipping
        self.outbox = outbox
        self.refs_after = refs_after
        self.packer = packer
        self._refusals: dict[str, Message] = {}
        #: orders whose shipment is queued: their claim ends when the store confirms it
        self._shipping: set[str] = set()

    # -- the gate pack mode checks before opening an order -------------------------------------

    def gate(self, order: Order) -> Message | None:
        return self._refusals.pop(order.id, None)

    def closed(self, order: Order) -> None:
        """The packer left ``order`` unfinished: another desk may take it."""
        if not self.coordinated or order.id in self._shipping:
            return
        self.outbox.call(station_ops.release_order, order.id, ReleaseReason.CLOSED)

    def wrong_scan(self, order: Order, error: PackError) -> None:
        """A wrong item scanned in pack mode: counted in the shift's numbers."""
        if not self.coordinated:
            return
        self.outbox.call(
            station_ops.record_wrong_scan,
            order.id,
            order.number,
            str(error.message),
            packer=self.packer(),
        )

    # -- PackHost --------------------------------------------------------------------------

    def find_orders(
        self, scan: str, done: Callable[[list[OrderRef]], None], failed: Failure
    ) -> None:
        self.inner.find_orders(scan, done, failed)

    def load_order(self, ref: OrderRef, done: Callable[[Order], None], failed: Failure) -> None:
        if not self.coordinated:
            self.inner.load_order(ref, done, failed)
            return

        def loaded(order: Order) -> None:
            if not can_be_packed(order):
                # Nothing to pack here (pack mode says why): no claim, and "next order" at
                # every desk stops offering it once it is shipped or cancelled.
                finished = finished_reason(order)
                if finished is not None:
                    self.outbox.call(station_ops.release_order, order.id, finished)
                elif order.holds:
                    # On hold at the store: "next order" at the other desks leaves it out
                    # for a while instead of each of them opening it in turn.
                    self.outbox.call(station_ops.release_order, order.id, ReleaseReason.HELD)
                done(order)
                return
            task = self.outbox.call(station_ops.claim_order, order.id, packer=self.packer())

            def claimed(result: Claim | Refusal) -> None:
                if isinstance(result, Refusal):
                    self._refusals[order.id] = result.message
                else:
                    self._refusals.pop(order.id, None)
                    self._shipping.discard(order.id)
                done(order)

            task.succeeded.connect(claimed)
            task.failed.connect(lambda exc: failed(error_sentence(exc)))

        self.inner.load_order(ref, loaded, failed)

    def print_documents(
        self,
        order: Order,
        reprint: bool,
        done: Callable[[PrintOutcome], None],
        failed: Failure,
        *,
        boxes: Sequence[PackedBox] | None = None,
    ) -> None:
        self.inner.print_documents(order, reprint, done, failed, boxes=boxes)

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
        def queued() -> None:
            remaining = sum(line.remaining for line in order.lines)
            if sum(lines.values()) >= remaining:
                self._shipping.add(order.id)
            done()

        self.inner.ship(
            order,
            lines,
            tracking,
            carrier,
            queued,
            failed,
            boxes=boxes,
            hold_override=hold_override,
        )

    def describe_item(self, scan: str, done: Callable[[str | None], None], failed: Failure) -> None:
        self.inner.describe_item(scan, done, failed)

    def next_order_after(
        self, ref: OrderRef, done: Callable[[OrderRef | None], None], failed: Failure
    ) -> None:
        if not self.coordinated:
            self.inner.next_order_after(ref, done, failed)
            return
        candidates = self.refs_after(ref, NEXT_WINDOW)
        if not candidates:
            done(None)
            return
        by_id = {candidate.order_id: candidate for candidate in candidates}
        task = self.outbox.call(
            station_ops.claim_next_order, [c.order_id for c in candidates], packer=self.packer()
        )

        def claimed(claim: Claim | None) -> None:
            done(None if claim is None else by_id.get(claim.order_id))

        task.succeeded.connect(claimed)
        task.failed.connect(lambda exc: failed(error_sentence(exc)))


def can_be_packed(order: Order) -> bool:
    return (
        order.status in SHIPPABLE
        and not order.holds
        and any(line.remaining for line in order.lines)
    )


def finished_reason(order: Order) -> ReleaseReason | None:
    """Why an order that cannot be packed is finished for every desk (None: it may come
    back, e.g. a hold is lifted or a payment arrives)."""
    if order.status is OrderStatus.CANCELLED:
        return ReleaseReason.CANCELLED
    if order.lines and not any(line.remaining for line in order.lines):
        return ReleaseReason.SHIPPED
    return None


def station_events_for(
    database_url: str, *, desk: str, tokens: TokenStore | None, parent: QObject
) -> StationEvents | None:
    """The live changes of the station database at ``database_url`` (None: no URL, or one
    that cannot be used; the outbox worker logs why). The password is read from the keyring
    on the listener's thread when it first connects (the keyring may wait for an unlock), and
    kept for its reconnections."""
    config = station_ops.station_database(database_url)
    if config is None:
        return None
    conninfo: list[str] = []  # filled once, by the listener's one thread

    def connect() -> psycopg.Connection:
        if not conninfo:
            conninfo.append(station_ops.station_conninfo(config, tokens))
        return psycopg.connect(conninfo[0])

    return StationEvents(connect, desk=desk, parent=parent)


class StationDesk(QObject):
    """The heartbeat, the status bar indicator and other desks' changes (module docstring)."""

    status_changed = Signal(object)  # CoordinationStatus
    order_refreshed = Signal(object)  # Order re-read after another desk changed it
    claims_shown = Signal(object)  # {OrderRef: badge text} now in the order list

    def __init__(
        self,
        window: MainWindow,
        outbox: ConnectionWorker[OutboxResources],
        *,
        connection_id: str,
        events: StationEvents | None,
        heartbeat_ms: int = 2000,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.outbox = outbox
        self.connection_id = connection_id
        self.events = events
        self.status = CoordinationStatus.SINGLE
        self._beating = False
        self._reading_claims = False
        self._claims_again = False
        self.indicator = QLabel("")
        self.indicator.setObjectName("station_status")
        window.statusBar().addPermanentWidget(self.indicator)
        self.indicator.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(heartbeat_ms)
        self.timer.timeout.connect(self.beat)
        if events is not None:
            events.changed.connect(self._changed)

    def start(self) -> None:
        if self.events is None:
            return  # a desk alone: nothing to renew, nothing to show
        self.beat()
        self.timer.start()
        self.events.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.events is not None:
            self.events.stop()

    def beat(self) -> None:
        if self._beating:
            return
        self._beating = True
        task = self.outbox.call(station_ops.station_heartbeat)
        task.succeeded.connect(self._beaten)
        task.failed.connect(lambda exc: self._beat_failed(exc))

    def _beat_failed(self, exc: BaseException) -> None:
        self._beating = False
        log.warning("station heartbeat failed: %s", exc)

    def _beaten(self, status: CoordinationStatus) -> None:
        self._beating = False
        self.show_status(status)
        self.read_claims()  # also catches claims that expired without a word

    def read_claims(self) -> None:
        """Read the other desks' claims for the order list (one read at a time; a change
        during a read asks for another right after)."""
        if self._reading_claims:
            self._claims_again = True
            return
        self._reading_claims = True
        task = self.outbox.call(station_ops.claims_elsewhere)
        task.succeeded.connect(self._claims_read)
        task.failed.connect(lambda exc: self._claims_read(None))

    def _claims_read(self, holders: list[ClaimHolder] | None) -> None:
        self._reading_claims = False
        if holders is not None:  # None: the server is away; the badges stay as they were
            badges = {
                OrderRef(self.connection_id, h.order_id): translate_message(h.badge)
                for h in holders
            }
            self.window.model.set_claims(badges)
            self.claims_shown.emit(badges)
        if self._claims_again:
            self._claims_again = False
            self.read_claims()

    def show_status(self, status: CoordinationStatus) -> None:
        message = status_message(status)
        self.indicator.setVisible(message is not None)
        self.indicator.setText(translate_message(message) if message is not None else "")
        self.indicator.setStyleSheet(
            "color: #b35c00; font-weight: bold;" if status is CoordinationStatus.OFF else ""
        )
        if status is not self.status:
            self.status = status
            self.status_changed.emit(status)

    def _changed(self, event: ChangeEvent) -> None:
        if event.connection_id != self.connection_id:
            return
        if event.change in CLAIM_CHANGES:
            self.read_claims()
        if event.change not in REREAD_CHANGES:
            return
        ref = OrderRef(self.connection_id, event.order_id)
        task = self.outbox.call(station_ops.refresh_order, ref)
        task.succeeded.connect(self._refreshed)

    def _refreshed(self, order: Order | None) -> None:
        if order is None:
            return
        self.window.apply_orders([order])
        self.order_refreshed.emit(order)


if TYPE_CHECKING:
    from fulfillment_station.services.pack_session import PackHost

    def _is_a_pack_host(host: ClaimingPackHost) -> PackHost:
        return host  # the type checker proves the host is everything pack mode asks of one

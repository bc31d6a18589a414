"""Everything the window asks of a worker, as typed functions without Qt.

Each operation takes the resources of one kind of worker (``services.resources``) as its first
argument, does its work there and returns plain data; the GUI runs it with
``ConnectionWorker.call(operation, ...)`` and renders the answer, the headless driver and the
tests call it directly. An operation that can take long takes ``progress``/``cancelled``
callables instead of a task handle.

The one path from a scan to a shipment (pack mode), with what it costs:

1. :func:`open_for_packing` — on the outbox worker: the scan is looked up in the cache and the
   one order it names is read fresh from the store (another desk may have shipped it), then
   written to the cache. Offline, the cached copy lets the packer go on.
2. :func:`print_slip_for_packing` — on the print worker.
3. :func:`queue_shipment` — on the outbox worker: checked against the order read in step 1
   (no second read: the runner reads the order once more just before sending), made durable
   in the outbox. The packer moves on.
4. :func:`pump_outbox` — sends it; the order as the store answered the write goes to the cache
   (a read after the write only when the API's answer carries no order).
5. :func:`print_label_after_ship` — the label for the tracking number scanned.

An order packed in several boxes takes :func:`queue_pack_boxes` in step 3 (one request with
packages, one shipment per box, or one shipment: ``services.boxes.box_shipping``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from fulfillment_station.connectors.base import ChannelSyncStatus, Operation, ShipResult
from fulfillment_station.connectors.errors import ConnectionFailed, ConnectorError
from fulfillment_station.domain import HoldKind, Order, Shipment, ShipmentLine
from fulfillment_station.domain.holds import with_packer_holds
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.requests import (
    CancelRequest,
    CreateOrderRequest,
    FulfillRequest,
    OrderUpdate,
    ShipRequest,
)
from fulfillment_station.domain.search_text import normalize_code
from fulfillment_station.domain.summaries import OrderRef, OrderSummary
from fulfillment_station.printing.errors import PrintingError
from fulfillment_station.scanning.tracking import parse_tracking
from fulfillment_station.services.actions import Action, BulkShipRequest
from fulfillment_station.services.boxes import (
    BoxShipping,
    PackedBox,
    box_shipping,
    merged_lines,
)
from fulfillment_station.services.new_orders import CatalogueItem
from fulfillment_station.services.outbox_runner import Outcome
from fulfillment_station.services.pack_session import PrintOutcome as PackPrintOutcome
from fulfillment_station.services.resources import (
    OutboxResources,
    PrintResources,
    SyncResources,
)
from fulfillment_station.services.sync import SyncResult, SyncService, note_read, refresh_opened
from fulfillment_station.store.audit import AuditEntry, AuditLog
from fulfillment_station.store.cache import OrderCache
from fulfillment_station.store.outbox import ActionRecord, ActionState
from fulfillment_station.store.print_queue import JobState

if TYPE_CHECKING:
    from fulfillment_station.services.store_labels import LabelDefaults

log = logging.getLogger(__name__)

#: Scans that open an order in pack mode: its number (the slip barcode) or its tracking
#: number. An SKU or barcode names a product, not an order.
ORDER_KINDS = frozenset({"number", "tracking"})

#: What the outbox panel lists: everything not done long ago.
PANEL_STATES = (
    ActionState.PENDING,
    ActionState.SENDING,
    ActionState.RETRYING,
    ActionState.FAILED,
    ActionState.DONE,
)
#: Actions that have not reached the store yet (the order list shows them as "shipping…").
WAITING_STATES = (ActionState.PENDING, ActionState.SENDING, ActionState.RETRYING)
#: How many records the panel gets at most (the newest).
PANEL_LIMIT = 200

ORDER_PROBLEM = QT_TRANSLATE_NOOP("OrderActions", "Order {number}: {problem}")
NOT_IN_CACHE = QT_TRANSLATE_NOOP("MainWindow", "That order is no longer in the local cache.")


class HasCache(Protocol):
    """Any worker's resources: each has its own connection to the order cache."""

    @property
    def cache(self) -> OrderCache: ...


# -- reading the cache (any worker) ---------------------------------------------------------------


def find_order_refs(
    resources: HasCache, scan: str, kinds: frozenset[str] | None = None
) -> list[OrderRef]:
    """The orders a scan names (number, tracking number, SKU, barcode; only ``kinds`` if
    given), each once, best match first."""
    found = [m for m in resources.cache.find(scan) if kinds is None or m.kind in kinds]
    return list(dict.fromkeys(OrderRef(m.connection, m.order_id) for m in found))


def describe_item(resources: HasCache, scan: str) -> str | None:
    """The product a scan is, by its name on a line of any cached order (its SKU or barcode),
    or None when the app knows no such item: pack mode names a wrong item with it."""
    code = normalize_code(scan)
    for match in resources.cache.find(scan)[:MAX_ITEM_LOOKUPS]:
        if match.kind not in ("sku", "barcode"):
            continue
        order = resources.cache.get(match.order_id, connection=match.connection)
        for line in order.lines if order is not None else ():
            if line.name and code in (normalize_code(line.sku), normalize_code(line.barcode or "")):
                return line.name
    return None


#: How many orders :func:`describe_item` reads at most (the first that has the item answers).
MAX_ITEM_LOOKUPS = 5


def cached_order(resources: HasCache, ref: OrderRef) -> Order | None:
    return resources.cache.get(ref.order_id, connection=ref.connection)


def cached_orders(resources: HasCache, refs: Sequence[OrderRef]) -> list[Order]:
    """The orders of ``refs`` the cache still has, in that order."""
    orders = [cached_order(resources, ref) for ref in refs]
    return [order for order in orders if order is not None]


#: How many of the newest cached orders the create dialog's catalogue is read from: enough
#: to know every SKU a desk ships, few enough to open the dialog at once.
CATALOGUE_ORDERS = 500


def create_catalogue(resources: HasCache, connection: str) -> dict[str, CatalogueItem]:
    """What the create dialog offers for its SKU column: every SKU of the newest cached
    orders, with its name, last price and the store's product id."""
    from fulfillment_station.services.new_orders import catalogue_from_orders

    newest = sorted(resources.cache.load_summaries(connection), key=lambda s: -s.created_at)
    ids = [summary.order_id for summary in newest[:CATALOGUE_ORDERS]]
    return catalogue_from_orders(resources.cache.get_many(ids, connection=connection))


def create_order(
    resources: OutboxResources, request: CreateOrderRequest, *, packer: str
) -> Order | ConnectorError:
    """Send the create dialog's order through the outbox now and hand back the store's
    answer (``services.new_orders.create_through_outbox``); a created order goes to the
    cache at once, so the list shows it before the next sync."""
    from fulfillment_station.services.new_orders import create_through_outbox

    answer = create_through_outbox(resources.outbox_service, request, packer=packer)
    if isinstance(answer, Order):
        resources.cache.upsert_many([answer], connection=resources.connection_id)
    return answer


def load_summaries(resources: HasCache, connection: str) -> list[OrderSummary]:
    return resources.cache.load_summaries(connection)


def summaries_for(
    resources: HasCache, connection: str, order_ids: Sequence[str]
) -> list[OrderSummary]:
    return resources.cache.summaries_for(connection, order_ids)


# -- sync ----------------------------------------------------------------------------------------


def run_sync(
    resources: SyncResources,
    connection: str,
    *,
    progress: Callable[[int, int | None], None],
    cancelled: Callable[[], bool],
) -> tuple[SyncResult, list[OrderSummary]]:
    """One sync of the connection into the cache; the rows it touched, for the table."""
    service = SyncService(resources.connector, resources.cache, connection)
    result = service.run(progress=progress, cancelled=cancelled)
    return result, resources.cache.summaries_for(connection, result.touched)


def refresh_opened_order(resources: SyncResources, ref: OrderRef) -> Order | None:
    """The order the packer just opened, read again from the store when its cached detail is
    a few minutes old and the store's list is a summary (a note edited at the store shows no
    change in the list); None when the cached copy stands (``sync.refresh_opened``)."""
    return refresh_opened(resources.connector, resources.cache, ref.connection, ref.order_id)


def is_offline(exc: BaseException) -> bool:
    """Whether a failed sync means the store could not be reached at all."""
    return isinstance(exc, ConnectionFailed)


# -- pack mode -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackLookup:
    """What a scan in pack mode found: the one order it names, fresh from the store, or the
    candidates (none, or several) when it names no single order."""

    refs: list[OrderRef]
    order: Order | None = None


def read_for_packing(resources: OutboxResources, ref: OrderRef) -> Order:
    """The order as the store has it now, written to the cache. Offline (a transient error)
    the cached copy lets the packer go on; the outbox checks again before sending."""
    try:
        order = resources.connector.get_order(ref.order_id)
    except ConnectorError as exc:
        cached = resources.cache.get(ref.order_id, connection=ref.connection)
        if cached is None or not exc.transient:
            raise
        log.info("packing %s from the cache: %s", ref.order_id, exc)
        return cached
    note_read(resources.cache, ref.connection, [order], time.time())
    # The cache adds what only this desk knows (a packer's hold), so pack mode and the ship
    # that follows refuse a held order.
    return resources.cache.get(ref.order_id, connection=ref.connection) or order


def open_for_packing(resources: OutboxResources, scan: str) -> PackLookup:
    """Find the order a pack-mode scan names and read it for packing, in one trip to the
    worker."""
    refs = find_order_refs(resources, scan, ORDER_KINDS)
    if len(refs) != 1:
        return PackLookup(refs)
    return PackLookup(refs, read_for_packing(resources, refs[0]))


def ship_request(lines: dict[str, int], tracking: str | None, carrier: str | None) -> ShipRequest:
    """The shipment pack mode asks for; the carrier is read from the tracking number when
    the scan did not say."""
    if carrier is None and tracking:
        best = parse_tracking(tracking).best
        carrier = best.carrier_name if best is not None else None
    return ShipRequest(carrier=carrier or "Other", tracking_number=tracking, lines=lines)


def pack_request(
    resources: OutboxResources,
    order: Order,
    lines: dict[str, int],
    tracking: str | None,
    carrier: str | None,
    *,
    label_defaults: LabelDefaults | None = None,
) -> ShipRequest:
    """What pack mode sends for these units: on a store that sells labels (Price2b) and no
    tracking number scanned, the request that buys the store's label (carrier and service
    from the order's checkout choice, else the desk's defaults - ``label_defaults`` where the
    caller has the desk's settings and these resources have no print service; weight from the
    lines); otherwise the scanned carrier label's number (:func:`ship_request`)."""
    from fulfillment_station.services.store_labels import (
        LabelDefaults,
        label_defaults_from,
        label_ship_request,
        sells_labels,
    )

    if tracking is None and sells_labels(resources.connector.capabilities):
        printer = resources.print_service
        defaults = (
            label_defaults_from(printer.settings)
            if printer is not None
            else label_defaults or LabelDefaults("", "")
        )
        return label_ship_request(order, defaults, lines=lines, carrier=carrier)
    return ship_request(lines, tracking, carrier)


@dataclass(frozen=True)
class PackShipment:
    """Pack mode's queued shipment: the outbox record and the request it holds."""

    record: ActionRecord[Action]
    request: ShipRequest
    #: the store's label comes back with the answer and the outbox worker prints it: pack
    #: mode must not draw one of its own
    store_prints_label: bool


def desk_label_of(shipments: Sequence[PackShipment]) -> PackShipment | None:
    """The shipment whose label the desk prints after an order packed in several boxes: the
    first with a scanned tracking number, once per order (the print service refuses a second
    one). A store's own label comes with its answer instead."""
    return next(
        (s for s in shipments if s.request.tracking_number and not s.store_prints_label), None
    )


def queue_pack_shipment(
    resources: OutboxResources,
    order: Order,
    lines: dict[str, int],
    tracking: str | None,
    carrier: str | None,
    *,
    packer: str,
    label_defaults: LabelDefaults | None = None,
    hold_override: str | None = None,
) -> PackShipment:
    """Build pack mode's request (:func:`pack_request`) and queue it, in one trip.
    ``hold_override``: the packer's reason to ship a held order anyway (audited)."""
    from fulfillment_station.services.store_labels import prints_after_ship

    request = pack_request(
        resources, order, lines, tracking, carrier, label_defaults=label_defaults
    )
    record = queue_shipment(resources, order, request, packer=packer, hold_override=hold_override)
    return PackShipment(
        record, request, prints_after_ship(request, resources.connector.capabilities)
    )


def box_ship_requests(
    resources: OutboxResources,
    order: Order,
    boxes: Sequence[PackedBox],
    tracking: str | None,
    carrier: str | None,
) -> list[ShipRequest]:
    """What pack mode sends for an order packed in several boxes, the way the store takes
    boxes (``services.boxes.box_shipping``): on Price2b one request buying the label with one
    package per box (dimensions, weight, items; a box not weighed weighs its items and tare),
    on Nexus one shipment per box with its own label's number, elsewhere one shipment of
    every unit (:func:`pack_request`; the slip lists the boxes)."""
    from fulfillment_station.services.store_labels import (
        LabelDefaults,
        label_defaults_from,
        label_ship_request,
        lines_weight,
    )

    capabilities = resources.connector.capabilities
    lines = merged_lines(boxes)
    how = box_shipping(capabilities)
    if how is BoxShipping.PACKAGES and tracking is None:
        printer = resources.print_service
        defaults = (
            label_defaults_from(printer.settings) if printer is not None else LabelDefaults("", "")
        )
        packages = []
        for packed in boxes:
            package = packed.package()
            if package.weight is None:
                items = lines_weight(order, package.lines)
                tare = packed.box.tare.in_unit("kg", 3) if packed.box is not None else 0
                if items is not None:
                    package = package.model_copy(update={"weight": items + tare})
            packages.append(package)
        request = label_ship_request(
            order, defaults, lines=lines, packages=packages, carrier=carrier
        )
        return [request]
    labelled = all((packed.tracking_number or "").strip() for packed in boxes)
    if how is BoxShipping.SHIPMENTS and labelled:
        return [
            ship_request(
                {line: units for line, units in packed.lines.items() if units > 0},
                packed.tracking_number,
                packed.extra.get("carrier"),
            )
            for packed in boxes
        ]
    return [pack_request(resources, order, lines, tracking, carrier)]


def queue_pack_boxes(
    resources: OutboxResources,
    order: Order,
    boxes: Sequence[PackedBox],
    tracking: str | None,
    carrier: str | None,
    *,
    packer: str,
    hold_override: str | None = None,
) -> list[PackShipment]:
    """Build the requests of an order packed in several boxes (:func:`box_ship_requests`)
    and queue them, in one trip (each with the packer's hold override, if any). A box whose
    shipment (same tracking number) already waits in the outbox is not queued twice: a retry
    after a failure part-way queues only the rest."""
    from fulfillment_station.services.actions import shipments_of
    from fulfillment_station.services.store_labels import prints_after_ship
    from fulfillment_station.store.outbox import ACTIVE_STATES

    capabilities = resources.connector.capabilities
    service = resources.outbox_service
    waiting = {
        number
        for record in service.outbox.records(
            ACTIVE_STATES, connection_id=service.connection_id, order_id=order.id
        )
        for _order, numbers, _lines in shipments_of(record.action)
        for number in numbers
        if number
    }
    queued = []
    for request in box_ship_requests(resources, order, boxes, tracking, carrier):
        if request.tracking_number and request.tracking_number in waiting:
            log.info("box shipment %s of %s already queued", request.tracking_number, order.id)
            continue
        record = queue_shipment(
            resources, order, request, packer=packer, hold_override=hold_override
        )
        queued.append(PackShipment(record, request, prints_after_ship(request, capabilities)))
    return queued


def queue_shipment(
    resources: OutboxResources,
    order: Order,
    request: ShipRequest,
    *,
    packer: str,
    hold_override: str | None = None,
) -> ActionRecord[Action]:
    """Queue pack mode's shipment, durable once this returns. ``order`` was read from the
    store when the packer opened it: the shipment is checked against it without another
    read (the runner reads the order once more right before sending, and the API has the
    last word)."""
    return resources.outbox_service.ship(
        order.id, request, packer=packer, cached=order, fresh=True, hold_override=hold_override
    )


def print_slip_for_packing(
    resources: PrintResources,
    order: Order,
    reprint: bool,
    boxes: Sequence[PackedBox] = (),
) -> PackPrintOutcome:
    """The packing slip of the order being packed (once, unless ``reprint``); a job that
    failed waits in the print queue and is reported as ``PrintingError``. ``boxes``: the
    order is packed in several, and the slip lists them."""
    if boxes:
        outcome = resources.print_service.print_slip(order, reprint=reprint, boxes=boxes)
    else:
        outcome = resources.print_service.print_slip(order, reprint=reprint)
    if outcome.job is not None and outcome.job.state == JobState.FAILED:
        raise PrintingError(outcome.message)  # ``message`` keeps it translatable
    return PackPrintOutcome()


def print_label_after_ship(resources: PrintResources, order: Order, request: ShipRequest) -> str:
    """The shipping label for the tracking number just scanned, once per order (the print
    service refuses a second print unless asked for a reprint). One sentence back."""
    shipment = Shipment(
        carrier=request.carrier,
        tracking_number=request.tracking_number,
        lines=[ShipmentLine(line_id=k, quantity=v) for k, v in request.lines.items() if v > 0],
    )
    return resources.print_service.print_label(order, shipment).message


# -- the window's other writes --------------------------------------------------------------------


#: What the window's dialogs hand over to be queued: each request type is one kind of write.
WriteRequest = (
    ShipRequest
    | FulfillRequest
    | CancelRequest
    | OrderUpdate
    | CreateOrderRequest
    | BulkShipRequest
)


def queue_write(
    resources: OutboxResources,
    order: Order | None,
    request: WriteRequest,
    *,
    packer: str,
    hold_override: str | None = None,
) -> ActionRecord[Action]:
    """Queue one write the packer confirmed in a dialog; the request's type says which write.
    The service re-reads the order and checks the request before anything is queued.
    ``hold_override``: the packer's reason to ship or fulfill a held order anyway (the service
    audits it)."""
    service = resources.outbox_service
    if isinstance(request, CreateOrderRequest):
        return service.create(request, packer=packer)
    if isinstance(request, BulkShipRequest):
        return service.bulk_ship(request.items, packer=packer)
    if order is None:
        raise ValueError(f"a {type(request).__name__} needs the order it is for")
    if isinstance(request, ShipRequest):
        return service.ship(
            order.id, request, packer=packer, cached=order, hold_override=hold_override
        )
    if isinstance(request, FulfillRequest):
        return service.fulfill(
            order.id, request, packer=packer, cached=order, hold_override=hold_override
        )
    if isinstance(request, CancelRequest):
        return service.cancel(order.id, request, packer=packer, cached=order)
    return service.update(order.id, request, packer=packer, cached=order)


def retry_action(
    resources: OutboxResources, action_id: int, *, packer: str
) -> ActionRecord[Action]:
    return resources.outbox_service.outbox.retry(action_id, packer=packer)


def dismiss_action(
    resources: OutboxResources, action_id: int, *, packer: str
) -> ActionRecord[Action]:
    return resources.outbox_service.outbox.dismiss(action_id, packer=packer)


def waiting_writes(records: Sequence[ActionRecord[Action]]) -> dict[OrderRef, Operation]:
    """The orders with a write not yet at the store, and which kind of write (the last one
    queued wins), for the order list."""
    waiting: dict[OrderRef, Operation] = {}
    for record in records:
        if record.state in WAITING_STATES:
            for order_id in record.action.order_ids:
                waiting[OrderRef(record.action.connection_id, order_id)] = Operation(
                    record.action.kind
                )
    return waiting


def pending_count(resources: OutboxResources) -> int:
    return resources.outbox_service.pending_count()


@dataclass
class PumpReport:
    """What one pump pass found, for the panel, the status bar and the cache."""

    records: list[ActionRecord[Action]]
    pending: int
    changed_orders: list[Order] = field(default_factory=list)
    failures: list[Message] = field(default_factory=list)
    #: the order list's rows of ``changed_orders``, as the cache now has them
    changed_rows: list[OrderSummary] = field(default_factory=list)
    #: what opening the outbox found (a damaged file recovered), shown once
    notices: list[Message] = field(default_factory=list)


def pump_outbox(
    resources: OutboxResources, *, stop: Callable[[], bool] = lambda: False
) -> PumpReport:
    """Send what is due, write the orders it changed to the cache, and report."""
    service = resources.outbox_service
    notices, resources.notices = list(resources.notices), []
    outcomes = service.run_due(stop=stop)
    changed: list[Order] = []
    failures: list[Message] = []
    for outcome in outcomes:
        changed += [o for o in outcome.reread.values() if o is not None]
        if outcome.record.state == ActionState.DONE and outcome.sent:
            changed += orders_after_write(resources, outcome)
        if outcome.record.state == ActionState.FAILED:
            failures.append(
                ORDER_PROBLEM.format(
                    number=outcome.record.order_number or "", problem=outcome.record.message or ""
                )
            )
    # The last read of each order wins (a check before sending, then the result).
    changed = list({order.id: order for order in changed}.values())
    rows: list[OrderSummary] = []
    if changed:
        resources.cache.upsert_many(changed, connection=service.connection_id)
        rows = resources.cache.summaries_for(service.connection_id, [o.id for o in changed])
    records = service.outbox.records(PANEL_STATES, connection_id=service.connection_id)
    return PumpReport(
        records[-PANEL_LIMIT:], service.pending_count(), changed, failures, rows, notices
    )


HOLD_SET = QT_TRANSLATE_NOOP("OrderActions", "Put on hold")
HOLD_LIFTED = QT_TRANSLATE_NOOP("OrderActions", "Hold released")


def set_packer_hold(
    resources: OutboxResources, order: Order, reason: str, packer: str
) -> tuple[list[Order], list[OrderSummary]]:
    """Put ``order`` on hold with the packer's ``reason`` ('' lifts the packer's hold). The
    hold lives in this desk's cache, so a sync keeps it; the audit log records who set or
    lifted it. Returns the order as the desk now sees it, and its list row."""
    service = resources.outbox_service
    text = " ".join(reason.split())
    resources.cache.set_packer_hold(service.connection_id, order.id, text or None)
    service.outbox.audit.record(
        order_id=order.id,
        order_number=order.number,
        kind="hold" if text else "release_hold",
        summary=HOLD_SET if text else HOLD_LIFTED,
        outcome="done",
        message=text,
        packer=packer,
        connection_id=service.connection_id,
    )
    held = resources.cache.get(order.id, connection=service.connection_id)
    if held is None:  # not cached (yet): the packer's copy with the new hold
        store_holds = [h for h in order.holds if h.kind != HoldKind.PACKER]
        held = with_packer_holds(
            order.model_copy(update={"holds": store_holds}), [text] if text else []
        )
    return [held], resources.cache.summaries_for(service.connection_id, [order.id])


def orders_after_write(resources: OutboxResources, outcome: Outcome) -> list[Order]:
    """The orders an applied write changed, as the store now has them: from the store's own
    answer where it carries the order, else read once (for the cache)."""
    action = outcome.record.action
    if action.kind == Operation.CREATE:
        return []  # its id is the store's; the next sync brings it
    answered = _answered_order(outcome.result)
    fresh = []
    for order_id in action.order_ids:
        if answered is not None and answered.id == order_id:
            fresh.append(answered)
            continue
        try:
            fresh.append(resources.connector.get_order(order_id))
        except ConnectorError as exc:  # the action is done; the next sync catches up
            log.info("could not re-read order %s after an action: %s", order_id, exc)
    return fresh


def _answered_order(result: object) -> Order | None:
    if isinstance(result, Order):
        return result
    if isinstance(result, ShipResult):
        return result.order
    return None


# -- this desk's history ---------------------------------------------------------------------------


def audit_for_order(resources: OutboxResources, order_id: str) -> list[tuple[datetime, str]]:
    """This desk's history of an order, oldest first: (when, one line)."""
    audit = AuditLog(resources.outbox_store, station="")
    return [(entry.at, audit_line(entry)) for entry in audit.for_order(order_id)]


def audit_entries_for_order(resources: OutboxResources, order_id: str) -> list[AuditEntry]:
    """This desk's audit entries for an order, oldest first; the window words them
    (``ui.orders.audit_text.audit_timeline_line``, in the packer's language)."""
    return list(AuditLog(resources.outbox_store, station="").for_order(order_id))


def export_audit(resources: OutboxResources, path: Path | str) -> None:
    AuditLog(resources.outbox_store, station="").export_csv(path)


def audit_line(entry: AuditEntry) -> str:
    who = " · ".join(p for p in (entry.station, entry.packer) if p)
    text = f"{entry.summary} — {entry.outcome}"
    if entry.message:
        text += f": {entry.message}"
    return f"{who}: {text}" if who else text


# -- printing from the order list ------------------------------------------------------------------


def print_cached_slip(resources: PrintResources, ref: OrderRef) -> str:
    """The packing slip of an order in the list (always printed, as a reprint)."""
    order = cached_order(resources, ref)
    if order is None:
        raise LookupError(NOT_IN_CACHE)
    return resources.print_service.print_slip(order, reprint=True).message


def render_slips(
    resources: PrintResources,
    refs: Sequence[OrderRef],
    *,
    progress: Callable[[int, int | None], None],
    cancelled: Callable[[], bool],
) -> bytes:
    return resources.print_service.batch_slips(cached_orders(resources, refs), progress, cancelled)


def render_pick_list(resources: PrintResources, refs: Sequence[OrderRef]) -> bytes:
    return resources.print_service.pick_list(cached_orders(resources, refs))


# -- Price2b's channel sync ------------------------------------------------------------------------


def start_channel_sync(resources: SyncResources) -> ChannelSyncStatus:
    """Ask the store to fetch new orders from its marketplaces now."""
    return resources.connector.start_channel_sync()


def channel_sync_status(resources: SyncResources) -> ChannelSyncStatus:
    """Where the store's channel sync stands (the dialog polls this while it runs)."""
    return resources.connector.channel_sync_status()

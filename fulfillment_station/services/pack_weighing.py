"""Pack mode's weigh step as the desk's settings make it (no Qt): whether the desk weighs at
all, how a box's stable weight is checked against its lines (``scale.tolerance_*``), and the
audit row of an override. The step itself (:class:`~fulfillment_station.services.pack_flow.
WeighStep`) only knows the two callables built here.

A desk weighs when Settings → Scale says so (``scale.weigh_boxes``) or when the store's API
takes a weight (it sells the label, ``returns_label``) and a scale is chosen; with
``scale.source`` "manual" the weight is typed in the Ship dialog instead, so no step waits
for a scale that is not there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from fulfillment_station.connectors.base import Capabilities
from fulfillment_station.domain.weight import Weight
from fulfillment_station.services.pack_flow import Shipment, WeighStep
from fulfillment_station.services.weighing import (
    WeightVerdict,
    check_box,
    record_override,
)
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import DURABLE, connect
from fulfillment_station.store.settings import Settings


def desk_weighs(settings: Settings, capabilities: Capabilities | None = None) -> bool:
    """Whether pack mode waits for the scale before a box ships."""
    if settings["scale.source"] == "manual":
        return False
    if settings["scale.weigh_boxes"]:
        return True
    return capabilities is not None and capabilities.returns_label


@contextmanager
def audit_log_at(path: Path, station: str) -> Iterator[AuditLog]:
    """The audit log of the outbox database at ``path``, on a connection of its own for one
    override (the outbox worker keeps its own; WAL lets both write)."""
    conn = connect(path, synchronous=DURABLE)
    try:
        yield AuditLog(conn, station=station)
    finally:
        conn.close()


def weigh_step_for(
    settings: Callable[[], Settings],
    audit: Callable[[], AbstractContextManager[AuditLog]],
    *,
    item_unit: str = "kg",
    display_unit: str = "kg",
    packer: Callable[[], str] = lambda: "",
) -> WeighStep:
    """The weigh step checking each box (its items plus its type's tare) with the desk's
    tolerance (``settings()`` at each box: a change in Settings applies to the next box) and
    auditing overrides in the log ``audit()`` opens."""

    def check(shipment: Shipment, index: int, measured: Weight) -> WeightVerdict:
        by_id = {line.id: line for line in shipment.session.order.lines}
        if len(shipment.boxes) > 1:
            box, units = shipment.boxes[index]
        else:  # one box holds the whole shipment (also units shipped unverified)
            box, units = (shipment.boxes[0][0] if shipment.boxes else None), shipment.lines
        lines = [(by_id[line_id], n) for line_id, n in units.items() if line_id in by_id]
        return check_box(settings(), measured, lines, item_unit, box, display_unit=display_unit)

    def record(shipment: Shipment, index: int, verdict: WeightVerdict) -> None:
        session = shipment.session
        with audit() as log:
            record_override(
                log,
                verdict,
                order_id=session.order.id,
                order_number=session.order.number,
                packer=packer(),
                connection_id=session.ref.connection,
                box_number=index + 1,
            )

    return WeighStep(check, record)

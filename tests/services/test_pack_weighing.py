"""Pack mode's weigh step without Qt: a fake scale feed (the stable weights the scale thread
would announce) into the real flow, real settings, a real audit database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from fulfillment_station.connectors import connector_class
from fulfillment_station.connectors.base import Capabilities
from fulfillment_station.domain.models import Order
from fulfillment_station.domain.weight import Weight
from fulfillment_station.services.boxes import ship_requests_for_boxes
from fulfillment_station.services.pack_flow import (
    WEIGH_PROMPT,
    PackFlow,
    PackFlowOptions,
    PackPhase,
    default_steps,
)
from fulfillment_station.services.pack_session import PackCommand, PackSession, command_payload
from fulfillment_station.services.pack_weighing import desk_weighs, weigh_step_for
from fulfillment_station.services.weighing import WEIGHT_OVERRIDE, box_for_scan
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.store.settings import Settings
from tests.helpers.pack_fakes import EAN, UPC_A, UPS, Display, Host, RecordedSounds
from tests.store.factories import build_order


def weighed_order(order_id: str = "A1", number: str = "#1001") -> Order:
    """A 0.2 kg T-shirt and a 0.4 kg mug: 0.6 kg in the box."""
    return build_order(
        order_id,
        number=number,
        lines=[
            {
                "id": "L1",
                "sku": "TEE-M",
                "name": "T-shirt M",
                "quantity": 1,
                "unit_price": "10",
                "barcode": UPC_A,
                "weight": "0.2",
            },
            {
                "id": "L2",
                "sku": "MUG-BLK",
                "name": "Mug black",
                "quantity": 1,
                "unit_price": "5",
                "barcode": EAN,
                "weight": "0.4",
            },
        ],
    )


def desk(**updates: object) -> Settings:
    return Settings.defaults().replace(
        {
            "scale.source": "serial",
            "scale.device": "/dev/ttyUSB0",
            "scale.weigh_boxes": True,
            "scale.tolerance_g": 50,
            "scale.tolerance_percent": 0,
            **updates,
        }
    )


@pytest.fixture
def audit(tmp_path: Path) -> Iterator[AuditLog]:
    conn = connect(tmp_path / "audit.db")
    try:
        yield AuditLog(conn, station="Desk 1")
    finally:
        conn.close()


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as store:
        yield store


def weighing_flow(
    progress: PackProgress, audit: AuditLog, orders: list[Order] | None = None
) -> tuple[PackFlow, Host, Display, RecordedSounds]:
    host, display, sounds = Host(orders or [weighed_order()]), Display(), RecordedSounds()
    step = weigh_step_for(desk, lambda: nullcontext(audit), packer=lambda: "Marta")
    flow = PackFlow(
        host,
        progress,
        display,
        sounds,
        PackFlowOptions(auto_print=False),
        steps=default_steps(step),
    )
    return flow, host, display, sounds


def pack_both(flow: PackFlow) -> None:
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)


def test_the_stable_weight_is_taken_with_no_key_press(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, host, display, _ = weighing_flow(progress, audit)
    pack_both(flow)
    assert flow.phase is PackPhase.AWAIT_WEIGHT and display.infos[-1] == WEIGH_PROMPT
    flow.weighed(Weight.of("0.62", "kg"))  # within 50 g of 0.6 kg
    assert flow.phase is PackPhase.AWAIT_TRACKING
    assert "0.620 kg matches the expected 0.600 kg" in display.infos[-2]
    flow.scan(UPS)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]
    assert audit.for_order("A1") == []


def test_a_box_packed_on_the_scale_is_weighed_when_the_last_item_goes_in(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, _host, display, _ = weighing_flow(progress, audit)
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.weighed(Weight.of("0.2", "kg"))  # the T-shirt alone in the box on the platter
    assert flow.phase is PackPhase.PACKING and not display.errors
    flow.weighed(Weight.of("0.6", "kg"))  # the mug goes in before its scan
    flow.scan(EAN)
    assert flow.phase is PackPhase.AWAIT_TRACKING and not display.errors


def test_an_emptied_scale_does_not_lend_its_old_weight(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, _host, display, _ = weighing_flow(progress, audit)
    flow.scan("#1001")
    flow.weighed(Weight.of("0.6", "kg"))  # the last order's box
    flow.scale_emptied()
    flow.scan(UPC_A)
    flow.scan(EAN)
    assert flow.phase is PackPhase.AWAIT_WEIGHT and not display.errors


def test_a_missing_item_is_stopped_by_the_tolerance(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, host, display, sounds = weighing_flow(progress, audit)
    pack_both(flow)
    flow.weighed(Weight.of("0.2", "kg"))  # the mug never went in
    assert flow.phase is PackPhase.AWAIT_WEIGHT and flow.error_shown
    assert display.errors[-1].startswith("Lighter by 0.400 kg than expected")
    assert "a missing item?" in display.errors[-1] and sounds.played[-1] == "error"
    flow.scan(UPS)  # a tracking scan does not get past the scale
    assert flow.phase is PackPhase.AWAIT_WEIGHT and not host.named("ship")
    # The packer puts the mug in: weighed again, it goes on.
    flow.weighed(Weight.of("0.6", "kg"))
    assert flow.phase is PackPhase.AWAIT_TRACKING
    flow.scan(UPS)
    assert len(host.named("ship")) == 1 and audit.for_order("A1") == []


def test_an_extra_item_says_heavier(progress: PackProgress, audit: AuditLog) -> None:
    flow, _host, display, _ = weighing_flow(progress, audit)
    pack_both(flow)
    flow.weighed(Weight.of("1.0", "kg"))
    assert display.errors[-1].startswith("Heavier by 0.400 kg than expected")
    assert "an extra item?" in display.errors[-1]


def test_an_override_is_audited_and_ships(progress: PackProgress, audit: AuditLog) -> None:
    flow, host, display, _ = weighing_flow(progress, audit)
    pack_both(flow)
    flow.command(PackCommand.SHIP_SCANNED)  # F2 before any weight: not a way round the scale
    assert flow.phase is PackPhase.AWAIT_WEIGHT and "not been weighed" in display.errors[-1]
    assert audit.for_order("A1") == []
    flow.weighed(Weight.of("0.2", "kg"))
    flow.command(PackCommand.SHIP_SCANNED)  # the packer knows better: ship anyway
    [entry] = audit.for_order("A1")
    assert (entry.kind, entry.packer, entry.outcome) == (WEIGHT_OVERRIDE, "Marta", "overridden")
    assert entry.order_number == "#1001" and entry.connection_id == "shop"
    assert entry.summary == "Box 1: 200 g on the scale, 600 g expected, tolerance 50 g"
    assert flow.phase is PackPhase.AWAIT_TRACKING
    assert flow.shipment is not None
    assert flow.shipment.notes["weight"] == Weight.of("0.2", "kg")
    flow.scan(UPS)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]


def test_an_item_without_a_weight_is_not_compared_and_goes_on(
    progress: PackProgress, audit: AuditLog
) -> None:
    order = weighed_order()
    order = order.model_copy(
        update={"lines": [order.lines[0].model_copy(update={"weight": None}), order.lines[1]]}
    )
    flow, _host, display, _ = weighing_flow(progress, audit, [order])
    pack_both(flow)
    flow.weighed(Weight.of("5", "kg"))
    assert flow.phase is PackPhase.AWAIT_TRACKING and not display.errors
    assert "has no weight in the store" in display.infos[-2]


def _caps(returns_label: bool) -> Capabilities:
    return Capabilities(
        dialect="test",
        display_name="Test store",
        operations={},
        filters=frozenset(),
        max_page_size=50,
        partial_shipment=False,
        notify_customer=False,
        returns_label=returns_label,
        carries_tracking=True,
    )


def test_the_desk_weighs_when_settings_or_the_store_ask() -> None:
    assert desk_weighs(desk())
    assert not desk_weighs(desk(**{"scale.source": "manual"}))
    store_asks = desk(**{"scale.weigh_boxes": False})
    assert not desk_weighs(store_asks)
    assert not desk_weighs(store_asks, _caps(False))
    assert desk_weighs(store_asks, _caps(True))


def boxed_desk(**updates: object) -> Settings:
    return desk(
        **{
            "scale.box_types": [
                {
                    "name": "Small",
                    "length_cm": "20",
                    "width_cm": "15",
                    "height_cm": "10",
                    "tare_g": "100",
                    "barcode": "BOX-S",
                },
                {
                    "name": "Large",
                    "length_cm": "40",
                    "width_cm": "30",
                    "height_cm": "20",
                    "tare_g": "300",
                    "barcode": "BOX-L",
                },
            ],
            **updates,
        }
    )


def boxed_flow(
    progress: PackProgress, audit: AuditLog
) -> tuple[PackFlow, Host, Display, RecordedSounds]:
    settings = boxed_desk()
    host, display, sounds = Host([weighed_order()]), Display(), RecordedSounds()
    step = weigh_step_for(lambda: settings, lambda: nullcontext(audit), packer=lambda: "Marta")
    flow = PackFlow(
        host,
        progress,
        display,
        sounds,
        PackFlowOptions(auto_print=False),
        steps=default_steps(step),
        box_for_scan=lambda scan: box_for_scan(settings, scan),
    )
    return flow, host, display, sounds


def test_two_boxes_are_packed_and_each_is_weighed(progress: PackProgress, audit: AuditLog) -> None:
    flow, host, display, _ = boxed_flow(progress, audit)
    flow.scan("#1001")
    flow.scan("BOX-S")  # the first box is a small one
    flow.scan(UPC_A)
    flow.scan("BOX-L")  # the mug goes into a large box
    # The test host's store takes one shipment per order: the packer is told so.
    assert display.infos[-1] == (
        "Box 2 (Large) started: scan the items for it. This store takes one shipment per order:"
        " the boxes go as one shipment, listed on the packing slip."
    )
    flow.scan(EAN)
    assert flow.phase is PackPhase.AWAIT_WEIGHT
    assert (
        display.infos[-1] == "Put box 1 of 2 on the scale: the weight is taken when it is steady."
    )
    flow.weighed(Weight.of("0.7", "kg"))  # box 1 is 0.1 + 0.2 kg: 0.7 is the large box
    assert display.errors[-1].startswith("Heavier by 0.400 kg")
    flow.weighed(Weight.of("0.31", "kg"))
    assert flow.phase is PackPhase.AWAIT_WEIGHT and "put box 2 on the scale" in display.infos[-1]
    flow.weighed(Weight.of("0.69", "kg"))  # 0.3 tare + 0.4 mug
    assert flow.phase is PackPhase.AWAIT_TRACKING
    shipment = flow.shipment
    assert shipment is not None
    packed = shipment.packed_boxes()
    assert [(p.box.name if p.box else None, dict(p.lines), p.weight) for p in packed] == [
        ("Small", {"L1": 1}, Weight.of("0.31", "kg")),
        ("Large", {"L2": 1}, Weight.of("0.69", "kg")),
    ]
    assert shipment.notes["weight"] == Weight.of("1.0", "kg")
    flow.scan(UPS)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]
    [(_, given)] = [g for g in host.boxes_given if g[0] == "ship"]
    assert [dict(box.lines) for box in given] == [{"L1": 1}, {"L2": 1}]


def test_next_box_starts_a_box_of_the_same_type_and_undo_closes_it_again(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, _host, display, _ = boxed_flow(progress, audit)
    flow.scan("#1001")
    flow.scan("BOX-S")
    flow.scan(UPC_A)
    flow.scan(command_payload(PackCommand.NEXT_BOX))
    assert display.infos[-1].startswith("Box 2 started: scan the items for it.")
    session = flow.session
    assert session is not None and session.box_number == 2
    assert session.current_box_type is not None and session.current_box_type.name == "Small"
    flow.command(PackCommand.NEXT_BOX)  # an empty box is not doubled
    assert session.box_number == 2
    flow.command(PackCommand.UNDO)  # the T-shirt is taken back out of box 1
    assert session.boxes() == [(session.current_box_type, {})] and session.box_number == 1


def test_the_boxes_make_packages_on_price2b_and_partial_shipments_on_nexus(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, _host, _display, _ = boxed_flow(progress, audit)
    flow.scan("#1001")
    flow.scan("BOX-S")
    flow.scan(UPC_A)
    flow.scan("BOX-L")
    flow.scan(EAN)
    flow.weighed(Weight.of("0.3", "kg"))
    flow.weighed(Weight.of("0.7", "kg"))
    assert flow.shipment is not None
    packed = flow.shipment.packed_boxes()
    [price2b] = ship_requests_for_boxes(
        connector_class("price2b").CAPABILITIES, packed, carrier="ups"
    )
    assert price2b.lines == {"L1": 1, "L2": 1}
    assert [(p.weight, p.length, p.lines) for p in price2b.packages or []] == [
        (Decimal("0.300"), Decimal("20"), {"L1": 1}),
        (Decimal("0.700"), Decimal("40"), {"L2": 1}),
    ]
    nexus_boxes = [
        replace(box, tracking_number=number)
        for box, number in zip(packed, ["1Z999AA10123456784", "1Z999AA10123456795"], strict=True)
    ]
    nexus = ship_requests_for_boxes(
        connector_class("nexus").CAPABILITIES, nexus_boxes, carrier="ups"
    )
    assert [(r.lines, r.tracking_number) for r in nexus] == [
        ({"L1": 1}, "1Z999AA10123456784"),
        ({"L2": 1}, "1Z999AA10123456795"),
    ]


def test_a_reprint_while_weighing_does_not_skip_the_scale(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, host, display, _ = weighing_flow(progress, audit)
    pack_both(flow)
    flow.command(PackCommand.REPRINT)  # F5 while the box is not weighed yet
    assert host.named("print") == [("print", "A1", False)]
    assert flow.phase is PackPhase.AWAIT_WEIGHT and display.infos[-1] == WEIGH_PROMPT
    flow.weighed(Weight.of("0.6", "kg"))
    assert flow.phase is PackPhase.AWAIT_TRACKING


def test_a_box_changed_after_it_was_weighed_is_weighed_again_and_only_that_box(
    progress: PackProgress, audit: AuditLog
) -> None:
    flow, _host, display, _ = boxed_flow(progress, audit)
    for scan in ("#1001", "BOX-S", UPC_A, "BOX-L", EAN):
        flow.scan(scan)
    flow.weighed(Weight.of("0.31", "kg"))
    flow.weighed(Weight.of("0.69", "kg"))
    assert flow.phase is PackPhase.AWAIT_TRACKING
    flow.command(PackCommand.CANCEL)  # F10: back to packing
    flow.command(PackCommand.UNDO)  # the mug comes out of box 2
    flow.scale_emptied()  # box 2 is lifted off the platter to repack it
    session = flow.session
    assert session is not None
    assert session.box_weights() == [Weight.of("0.31", "kg")]  # box 1 untouched
    flow.scan(EAN)  # back into box 2: the order is complete again
    assert flow.phase is PackPhase.AWAIT_WEIGHT
    assert display.infos[-1] == (
        "Put box 2 of 2 on the scale: the weight is taken when it is steady."
    )
    flow.weighed(Weight.of("0.70", "kg"))
    assert flow.shipment is not None
    assert flow.shipment.weights == [Weight.of("0.31", "kg"), Weight.of("0.70", "kg")]


def test_a_line_shipped_meanwhile_costs_the_split_not_the_other_counts(
    progress: PackProgress, audit: AuditLog
) -> None:
    """Box 1 held the T-shirt, box 2 the mug; another desk shipped the T-shirt before the
    order was reopened: the saved history no longer lines up with the boxes, so the order
    resumes in one box with the mug still counted."""
    flow, _host, _display, _ = boxed_flow(progress, audit)
    for scan in ("#1001", "BOX-S", UPC_A, "BOX-L", EAN):
        flow.scan(scan)
    flow.command(PackCommand.CANCEL)  # F10 stops weighing,
    flow.command(PackCommand.CANCEL)  # F10 again closes the order; its scans are kept
    order = weighed_order()
    shipped_shirt = order.model_copy(
        update={
            "lines": [
                line.model_copy(update={"quantity_fulfilled": line.quantity})
                if line.id == "L1"
                else line
                for line in order.lines
            ]
        }
    )
    session = PackSession(shipped_shirt, "shop", progress)
    assert [units for _box, units in session.boxes()] == [{"L2": 1}]
    assert session.line("L2").scanned == 1

"""Pack mode's flow without Qt: a host that answers when told to (or at once), a display that
records what the packer would see, real progress files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import Order, OrderStatus
from fulfillment_station.services.pack_flow import (
    ALL_PACKED,
    FinishStep,
    PackFlow,
    PackFlowOptions,
    PackPhase,
    PrintSlipStep,
    Shipment,
    ShipStep,
    TrackingStep,
)
from fulfillment_station.services.pack_session import (
    PackCommand,
    command_payload,
)
from fulfillment_station.store.pack_progress import PackProgress
from tests.helpers.pack_fakes import (
    EAN,
    UPC_A,
    UPS,
    Display,
    Host,
    RecordedSounds,
    two_line_order,
)


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as store:
        yield store


def make_flow(
    orders: list[Order], progress: PackProgress, **kwargs: Any
) -> tuple[PackFlow, Host, Display, RecordedSounds]:
    host, display, sounds = Host(orders), Display(), RecordedSounds()
    flow = PackFlow(host, progress, display, sounds, **kwargs)
    return flow, host, display, sounds


def test_scan_to_shipment_then_the_next_order_opens(progress: PackProgress) -> None:
    first, second = two_line_order("A1", "#1001"), two_line_order("A2", "#1002")
    flow, host, display, sounds = make_flow([first, second], progress)
    flow.scan("#1001")
    assert flow.phase is PackPhase.PACKING and display.opened_orders == ["A1"]
    flow.scan(UPC_A)
    flow.scan(EAN)
    # Verified: the slip printed by itself, now the tracking number is wanted.
    assert host.named("print") == [("print", "A1", False)]
    assert flow.phase is PackPhase.AWAIT_TRACKING
    flow.scan(UPS)
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]
    assert display.shipped_orders == ["A1"]
    assert flow.phase is PackPhase.PACKING and flow.session is not None
    assert flow.session.order.id == "A2"
    assert progress.load("shop", "A1") is None  # shipped: nothing to resume
    assert sounds.played.count("complete") == 2  # verified, then shipped


def test_a_failed_ship_waits_for_the_tracking_scan_again(progress: PackProgress) -> None:
    flow, host, display, _ = make_flow([two_line_order("A1", "#1001")], progress)
    host.ship_error = "The store is down."
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert flow.phase is PackPhase.AWAIT_TRACKING and flow.error_shown
    assert "The store is down." in display.errors[-1]
    host.ship_error = None
    flow.scan(UPS)
    assert len(host.named("ship")) == 2 and display.shipped_orders == ["A1"]
    assert display.infos[-1] == ALL_PACKED


def test_closing_while_the_host_is_slow_ignores_its_late_answer(progress: PackProgress) -> None:
    flow, host, _display, _ = make_flow([two_line_order("A1", "#1001")], progress)
    host.hold = True
    flow.scan("#1001")
    assert flow.phase is PackPhase.LOADING
    flow.scan(UPC_A)  # refused, not queued
    assert flow.error_shown and not host.named("load")
    flow.command(PackCommand.CANCEL)
    assert flow.phase is PackPhase.IDLE
    host.answer()  # the find answers after the packer moved on
    assert flow.phase is PackPhase.IDLE and not host.named("load")


def test_next_order_skips_orders_that_cannot_be_packed(progress: PackProgress) -> None:
    orders = [
        two_line_order("A1", "#1001"),
        two_line_order("A2", "#1002", "shipped"),
        two_line_order("A3", "#1003", "cancelled"),
        two_line_order("A4", "#1004"),
    ]
    flow, _host, display, _ = make_flow(orders, progress, options=PackFlowOptions(auto_print=False))
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert flow.session is not None and flow.session.order.id == "A4"
    assert display.opened_orders == ["A1", "A4"]
    assert not display.errors  # passing over them is not the packer's problem


HELD = QT_TRANSLATE_NOOP("Test", "Order {order} is on hold.")


def test_a_gate_refuses_an_order_with_its_sentence(progress: PackProgress) -> None:
    def not_a2(order: Order) -> Message | None:
        return HELD.format(order=order.number) if order.id == "A2" else None

    orders = [
        two_line_order("A1", "#1001"),
        two_line_order("A2", "#1002"),
        two_line_order("A3", "#1003"),
    ]
    flow, _host, display, _ = make_flow(
        orders, progress, gates=[not_a2], options=PackFlowOptions(auto_print=False)
    )
    flow.scan("#1002")
    assert flow.phase is PackPhase.IDLE and flow.session is None
    assert display.errors == ["Order #1002 is on hold."]
    # From the list, the held order is passed over.
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert flow.session is not None and flow.session.order.id == "A3"


class WeighStep(FinishStep):
    """A step a later issue might add: the scale's reading goes with the shipment."""

    waits = True
    waiting_phase = PackPhase.AWAIT_TRACKING
    PROMPT = QT_TRANSLATE_NOOP("Test", "Put the parcel on the scale and scan its reading.")

    def begin(self, flow: PackFlow, shipment: Shipment) -> None:
        flow.wait(self, self.PROMPT)

    def on_scan(self, flow: PackFlow, shipment: Shipment, text: str) -> None:
        shipment.notes["grams"] = int(text.removeprefix("W"))
        flow.next_step(shipment)

    def prompt(self, shipment: Shipment) -> Message:
        return self.PROMPT


def test_a_step_is_added_in_one_place(progress: PackProgress) -> None:
    steps = [PrintSlipStep(), TrackingStep(), WeighStep(), ShipStep()]
    flow, host, display, _ = make_flow([two_line_order("A1", "#1001")], progress, steps=steps)
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert not host.named("ship") and display.infos[-1] == WeighStep.PROMPT
    flow.scan(command_payload(PackCommand.ACKNOWLEDGE))
    flow.scan("W1250")
    assert host.named("ship") == [("ship", "A1", {"L1": 1, "L2": 1}, UPS)]


def test_next_package_ships_what_is_scanned_and_reopens_the_rest(progress: PackProgress) -> None:
    flow, host, _display, _ = make_flow(
        [two_line_order("A1", "#1001")], progress, options=PackFlowOptions(auto_print=False)
    )
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.command(PackCommand.NEXT_PACKAGE)
    assert flow.phase is PackPhase.AWAIT_TRACKING
    flow.command(PackCommand.SHIP_SCANNED)  # F2: this package has no tracking number
    assert host.named("ship") == [("ship", "A1", {"L1": 1}, None)]
    assert host.named("load") == [("load", "A1"), ("load", "A1")]  # the rest, reopened
    assert flow.phase is PackPhase.PACKING


def test_options_apply_to_the_next_order(progress: PackProgress) -> None:
    flow, host, _, _ = make_flow(
        [two_line_order("A1", "#1001")], progress, options=PackFlowOptions(auto_print=True)
    )
    flow.set_options(PackFlowOptions(auto_print=False))
    flow.scan("#1001")
    flow.scan(UPC_A)
    flow.scan(EAN)
    assert not host.named("print") and flow.phase is PackPhase.AWAIT_TRACKING


def test_a_cancelled_order_scanned_by_number_is_refused_in_words(progress: PackProgress) -> None:
    order = two_line_order("A1", "#1001", "cancelled")
    assert order.status is OrderStatus.CANCELLED
    flow, _, display, sounds = make_flow([order], progress)
    flow.scan("#1001")
    assert flow.phase is PackPhase.IDLE and "cancelled" in display.errors[-1]
    assert sounds.played == ["error"]


def test_the_flow_ships_against_a_real_store_with_no_qt(
    make_sandbox: Any, tmp_path: Path, progress: PackProgress
) -> None:
    """The headless way: the same flow, the operations run at once on this thread."""
    from fulfillment_station.services.pack_direct import DirectPackHost
    from fulfillment_station.services.resources import ConnectionConfig, outbox_resources
    from fulfillment_station.services.sync import SyncService
    from tests.conftest import TEST_TOKEN

    server = make_sandbox("nexus")
    config = ConnectionConfig(
        id="shop", dialect="nexus", base_url=server.base_url, token=TEST_TOKEN, label="Shop"
    )
    resources = outbox_resources(
        config,
        tmp_path / "cache.sqlite3",
        tmp_path / "outbox.sqlite3",
        station="Desk 1",
        sleep=lambda _s: None,
        max_read_attempts=2,
    )()
    try:
        SyncService(resources.connector, resources.cache, "shop").run()
        order = next(
            o
            for o in (
                resources.cache.get(s.order_id, connection="shop")
                for s in resources.cache.load_summaries("shop")
            )
            if o is not None
            and o.status is OrderStatus.CONFIRMED
            and all(line.barcode for line in o.lines)
        )
        host = DirectPackHost(resources, packer="Ana")
        display = Display()
        flow = PackFlow(
            host, progress, display, RecordedSounds(), PackFlowOptions(auto_print=False)
        )
        flow.scan(order.number)
        assert display.opened_orders == [order.id]
        for line in order.lines:
            for _ in range(line.remaining):
                flow.scan(line.barcode or "")
        assert flow.phase is PackPhase.AWAIT_TRACKING
        flow.scan(UPS)
        assert display.shipped_orders == [order.id]
        host.send()
        applied = [
            e
            for e in server.db.journal()["effects"]
            if e["kind"] == "shipment" and e["order_id"] == order.id
        ]
        assert len(applied) == 1 and applied[0]["detail"]["tracking_number"] == UPS
    finally:
        resources.close()

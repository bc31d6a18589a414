"""Pack mode and a held order, without Qt: the refusal names the reason and the key (F2); F2
asks for the packer's reason, opens the order, and the shipment carries that reason to the
host (the outbox audits it). Holds no packer may lift offer no F2."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.domain.holds import hold, with_packer_holds
from fulfillment_station.domain.models import HoldKind, Order
from fulfillment_station.services.pack_flow import PackFlow, PackFlowOptions, PackPhase
from fulfillment_station.services.pack_session import PackCommand
from fulfillment_station.store.pack_progress import PackProgress
from tests.helpers.pack_fakes import EAN, UPC_A, UPS, Display, Host, RecordedSounds, two_line_order


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as store:
        yield store


class OverrideHost(Host):
    """Also records the hold override each ship carried (None: none passed)."""

    def __init__(self, orders: list[Order]) -> None:
        super().__init__(orders)
        self.overrides: list[str | None] = []

    def ship(self, *args: Any, boxes: Any = None, hold_override: str | None = None) -> None:
        self.overrides.append(hold_override)
        super().ship(*args)


class Asker:
    """Stands in for the view's reason dialog: answers with ``reason`` (None: cancelled)."""

    def __init__(self, reason: str | None) -> None:
        self.reason = reason
        self.asked: list[Order] = []

    def __call__(self, order: Order, answer: Callable[[str], None]) -> None:
        self.asked.append(order)
        if self.reason is not None:
            answer(self.reason)


def held_flow(
    order: Order, progress: PackProgress, reason: str | None
) -> tuple[PackFlow, OverrideHost, Display, Asker]:
    host, display, asker = OverrideHost([order]), Display(), Asker(reason)
    flow = PackFlow(host, progress, display, RecordedSounds(), PackFlowOptions(auto_print=False))
    flow.ask_hold_reason = asker
    return flow, host, display, asker


HOLDS = {
    "packer": lambda o: with_packer_holds(o, ["customer may change the address"]),
    "pending": lambda o: o.model_copy(update={"holds": [hold(HoldKind.PENDING)]}),
    "not_paid": lambda o: o.model_copy(
        update={"payment_status": "authorized", "holds": [hold(HoldKind.NOT_PAID, payment="x")]}
    ),
    "test_order": lambda o: o.model_copy(update={"holds": [hold(HoldKind.TEST_ORDER)]}),
}


@pytest.mark.parametrize("kind", sorted(HOLDS))
def test_f2_packs_a_held_order_for_the_reason_given_and_the_ship_carries_it(
    kind: str, progress: PackProgress
) -> None:
    order = HOLDS[kind](two_line_order("A1", "#1001"))
    flow, host, display, asker = held_flow(order, progress, "  customer  confirmed by phone ")
    flow.scan("#1001")
    assert flow.phase is PackPhase.IDLE and flow.session is None
    refusal = display.errors[-1]
    assert "on hold" in refusal and "F2" in refusal
    assert not host.named("ship")

    flow.command(PackCommand.SHIP_SCANNED)  # F2
    assert asker.asked == [order]
    assert flow.phase is PackPhase.PACKING and flow.session is not None
    assert display.opened_orders == ["A1"]
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert display.shipped_orders == ["A1"]
    assert host.overrides == ["customer confirmed by phone"]


def test_a_blank_reason_opens_nothing(progress: PackProgress) -> None:
    order = HOLDS["pending"](two_line_order("A1", "#1001"))
    flow, host, display, _ = held_flow(order, progress, "   ")
    flow.scan("#1001")
    flow.command(PackCommand.SHIP_SCANNED)
    assert flow.session is None and "Say why" in display.errors[-1]
    assert not display.opened_orders and not host.named("ship")


def test_cancelling_the_question_opens_nothing(progress: PackProgress) -> None:
    order = HOLDS["pending"](two_line_order("A1", "#1001"))
    flow, _host, display, asker = held_flow(order, progress, None)
    flow.scan("#1001")
    flow.command(PackCommand.SHIP_SCANNED)
    assert asker.asked and flow.session is None and flow.phase is PackPhase.IDLE
    assert not display.opened_orders


def test_a_marketplace_fulfilled_order_offers_no_override(progress: PackProgress) -> None:
    order = two_line_order("A1", "#1001").model_copy(
        update={
            "fulfillment_method": "FBA",
            "holds": [hold(HoldKind.MARKETPLACE_FULFILLED, method="FBA")],
        }
    )
    flow, _host, display, asker = held_flow(order, progress, "ship it")
    flow.scan("#1001")
    assert "marketplace" in display.errors[-1] and "F2" not in display.errors[-1]
    flow.command(PackCommand.SHIP_SCANNED)
    assert not asker.asked and flow.session is None


def test_the_override_is_for_that_order_only(progress: PackProgress) -> None:
    held = HOLDS["packer"](two_line_order("A1", "#1001"))
    free = two_line_order("B2", "#1002")
    host, display, asker = OverrideHost([held, free]), Display(), Asker("checked with Sam")
    flow = PackFlow(host, progress, display, RecordedSounds(), PackFlowOptions(auto_print=False))
    flow.ask_hold_reason = asker
    flow.scan("#1001")
    flow.scan("#1002")  # another order scanned instead: F2 no longer overrides the first
    assert flow.held is None and flow.session is not None
    flow.scan(UPC_A)
    flow.scan(EAN)
    flow.scan(UPS)
    assert host.overrides == [None]
    assert not asker.asked

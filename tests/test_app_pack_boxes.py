"""The whole app packing one order in two boxes with scans only, against the Price2b and Nexus
sandboxes over loopback: the order number, a box barcode, the first line's units, the NEXT
BOX command barcode, the other units; each box is weighed on a serial scale (a pseudo-terminal
simulator) with no key press; the packing slip pack mode prints lists the boxes. The store
receives the boxes the way it takes them: Price2b one ship request with one package per box
(dimensions, weight, items), Nexus one shipment per box, each with the label scanned for it
(the same label twice is refused)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fulfillment_station.app import AppParts, AppServices
from fulfillment_station.connectors import connect
from fulfillment_station.domain import Order
from fulfillment_station.domain.weight import Weight
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.diagnostics import Redactor, configure_logging
from fulfillment_station.services.pack_session import PackCommand, command_payload
from fulfillment_station.services.weighing import BoxType, expected_weight
from fulfillment_station.session import AppSession
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring
from tests.helpers.scale_sim import ScaleSimulator
from tests.printing.conftest import pdf_pages_text

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.integration]

SMALL_BOX = {
    "name": "Small",
    "length_cm": "20",
    "width_cm": "15",
    "height_cm": "10",
    "tare_g": "150",
    "barcode": "BOX-S",
}
LABELS = ["1Z999AA10123456784", "1Z12345E6605272234"]
STATUS = {"price2b": "processing", "nexus": "confirmed"}


class Desk:
    def __init__(self, parts: AppParts, server: SandboxServer, sim: ScaleSimulator, slips: Path):
        self.parts, self.server, self.sim, self.slips = parts, server, sim, slips


@pytest.fixture
def boxes_desk(
    request: pytest.FixtureRequest,
    qtbot: Any,
    qapp: QApplication,
    tmp_path: Path,
    make_sandbox: Callable[..., SandboxServer],
) -> Iterator[Desk]:
    dialect: str = request.param
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = make_sandbox(dialect, orders=40, seed=33)
    slips, labels = tmp_path / "slips", tmp_path / "labels"
    store = SettingsStore(tmp_path / "config" / "settings.json")
    with ScaleSimulator("cas", weight="0.000", unit="kg", state="stable") as sim:
        store.save(
            store.load()
            .replace(
                {
                    "printers.slip_printer": f"file:{slips}",
                    "printers.label_printer": f"file:{labels}",
                    "printers.label_format": "pdf",
                    "printers.label_carrier": "fedex",
                    "printers.label_service": "GROUND",
                    "station.packer_name": "Ana",
                    "sounds.enabled": False,
                    "pack.auto_print": True,
                    "scale.source": "serial",
                    "scale.device": sim.path,
                    "scale.protocol": "cas",
                    "scale.weigh_boxes": True,
                    # The sandbox's item weights are not what a real box weighs to the gram:
                    # this test is about where the weights go, not the tolerance check.
                    "scale.tolerance_percent": 50,
                    "scale.box_types": [SMALL_BOX],
                }
            )
            .with_profile(
                ConnectionProfile("shop", "The shop", dialect, server.base_url), activate=True
            )
        )
        redactor = Redactor()
        tokens = TokenStore(on_secret=redactor.add)
        tokens.set("shop", TEST_TOKEN)
        services = AppServices(
            store,
            tokens,
            tmp_path / "data",
            redactor,
            configure_logging(tmp_path / "logs", redactor=redactor),
        )
        session = AppSession(qapp, services)
        parts = session.parts
        qtbot.addWidget(parts.window)
        parts.window.confirm_close = lambda _pending: True
        try:
            yield Desk(parts, server, sim, slips)
        finally:
            session.close()
            keyring.set_keyring(previous)


def two_line_order(server: SandboxServer, dialect: str) -> Order:
    with connect(dialect, server.base_url, TEST_TOKEN) as connector:
        for summary in connector.list_orders():
            if summary.status.value != STATUS[dialect]:
                continue
            order = connector.get_order(summary.id)
            todo = [line for line in order.lines if line.remaining > 0]
            if (
                not order.shipments
                and not order.holds
                and 2 <= len(todo) <= 3
                and sum(line.remaining for line in todo) <= 5
                and len({line.sku for line in todo}) == len(todo)
                and all(line.sku and line.weight for line in todo)
                and not order.service_requested
            ):
                return order
    pytest.fail(f"the {dialect} sandbox has no small order of several lines to pack")


def box_weights(order: Order) -> list[Weight]:
    """What each box weighs on the scale: its items and the small box's tare."""
    small = BoxType("Small", None, None, None, Weight.of("150", "g"))
    first, *rest = [line for line in order.lines if line.remaining > 0]
    weights = []
    for lines in ([(first, first.remaining)], [(line, line.remaining) for line in rest]):
        weight = expected_weight(lines, "kg", small)
        assert isinstance(weight, Weight)
        weights.append(weight)
    return weights


def journal(server: SandboxServer) -> list[dict[str, Any]]:
    answer = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers)
    requests: list[dict[str, Any]] = answer.json()["requests"]
    return requests


def pack_two_boxes(qtbot: Any, desk: Desk, order: Order) -> None:
    """Everything a packer does, as scans (and boxes on the scale), up to the labels."""
    view = desk.parts.pack_view
    window = desk.parts.window

    def scan(text: str) -> None:
        qtbot.keyClicks(view, text)
        qtbot.keyClick(view, Qt.Key.Key_Return)

    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.in_pack_mode
    with qtbot.waitSignal(view.order_opened, timeout=20_000):
        scan(order.number)
    first, *rest = [line for line in order.lines if line.remaining > 0]
    scan("BOX-S")
    for _ in range(first.remaining):
        scan(first.sku)
    scan(command_payload(PackCommand.NEXT_BOX))
    qtbot.waitUntil(lambda: "Box 2 started" in view.message.text(), timeout=5_000)
    for line in rest:
        for _ in range(line.remaining):
            scan(line.sku)
    qtbot.waitUntil(lambda: "box 1 of 2 on the scale" in view.message.text(), timeout=10_000)
    one, two = box_weights(order)
    desk.sim.put(str(one.in_unit("kg", 3)))
    qtbot.waitUntil(lambda: "put box 2 on the scale" in view.message.text(), timeout=10_000)
    desk.sim.put("0.000")  # box 1 comes off the platter
    qtbot.waitUntil(lambda: "0.000 kg" in view.scale_line.text(), timeout=10_000)
    desk.sim.put(str(two.in_unit("kg", 3)))


def slip_text(qtbot: Any, desk: Desk) -> str:
    qtbot.waitUntil(lambda: desk.slips.exists() and any(desk.slips.iterdir()), timeout=20_000)
    (slip,) = desk.slips.iterdir()
    return " ".join(pdf_pages_text(slip.read_bytes()))


@pytest.mark.parametrize("boxes_desk", ["price2b"], indirect=True)
def test_pack_mode_ships_two_boxes_to_price2b_as_one_request_with_two_packages(
    qtbot: Any, boxes_desk: Desk
) -> None:
    desk = boxes_desk
    with qtbot.waitSignal(desk.parts.window.sync_finished, timeout=60_000):
        desk.parts.start()
    order = two_line_order(desk.server, "price2b")
    first, *rest = [line for line in order.lines if line.remaining > 0]
    with qtbot.waitSignal(desk.parts.pack_view.order_shipped, timeout=30_000):
        pack_two_boxes(qtbot, desk, order)
    text = slip_text(qtbot, desk)
    one, two = box_weights(order)
    assert f"Box 1 of 2 (Small) · {one.display('kg')}: {first.remaining} × {first.sku}" in text
    assert f"Box 2 of 2 (Small) · {two.display('kg')}" in text

    def ships() -> list[dict[str, Any]]:
        return [
            json.loads(r["body"])
            for r in journal(desk.server)
            if r["method"] == "POST" and r["path"].endswith(f"/{order.id}/ship")
        ]

    qtbot.waitUntil(lambda: bool(ships()), timeout=30_000)
    [body] = ships()
    assert [
        (p["weight"], p["length"], p["width"], p["height"], p["items"]) for p in body["packages"]
    ] == [
        (
            float(one.in_unit("kg", 3)),
            20,
            15,
            10,
            [{"order_item_id": int(first.id), "quantity": first.remaining}],
        ),
        (
            float(two.in_unit("kg", 3)),
            20,
            15,
            10,
            [{"order_item_id": int(line.id), "quantity": line.remaining} for line in rest],
        ),
    ]
    with connect("price2b", desk.server.base_url, TEST_TOKEN) as connector:
        qtbot.waitUntil(
            lambda: connector.get_order(order.id).status.value == "shipped", timeout=30_000
        )


@pytest.mark.parametrize("boxes_desk", ["nexus"], indirect=True)
def test_pack_mode_ships_two_boxes_to_nexus_as_two_shipments_each_with_its_label(
    qtbot: Any, boxes_desk: Desk
) -> None:
    desk = boxes_desk
    view = desk.parts.pack_view
    with qtbot.waitSignal(desk.parts.window.sync_finished, timeout=60_000):
        desk.parts.start()
    order = two_line_order(desk.server, "nexus")
    first, *rest = [line for line in order.lines if line.remaining > 0]
    pack_two_boxes(qtbot, desk, order)
    qtbot.waitUntil(lambda: "Scan the label of box 1 of 2" in view.message.text(), timeout=20_000)

    def scan(text: str) -> None:
        qtbot.keyClicks(view, text)
        qtbot.keyClick(view, Qt.Key.Key_Return)

    scan(LABELS[0])
    qtbot.waitUntil(lambda: "Scan the label of box 2 of 2" in view.message.text(), timeout=5_000)
    scan(LABELS[0])  # box 1's label again: refused
    qtbot.waitUntil(lambda: "That is the label of box 1" in view.message.text(), timeout=5_000)
    with qtbot.waitSignal(view.order_shipped, timeout=30_000):
        scan(LABELS[1])
    text = slip_text(qtbot, desk)
    assert "Box 1 of 2 (Small)" in text and "Box 2 of 2 (Small)" in text

    def shipments() -> list[dict[str, Any]]:
        return [
            json.loads(r["body"])
            for r in journal(desk.server)
            if r["method"] == "POST" and r["path"].endswith(f"/{order.id}/shipment")
        ]

    qtbot.waitUntil(lambda: len(shipments()) == 2, timeout=30_000)
    sent = shipments()
    assert [
        (s["tracking_number"], {i["external_line_item_id"]: i["quantity"] for i in s["line_items"]})
        for s in sent
    ] == [
        (LABELS[0], {first.id: first.remaining}),
        (LABELS[1], {line.id: line.remaining for line in rest}),
    ]
    with connect("nexus", desk.server.base_url, TEST_TOKEN) as connector:
        qtbot.waitUntil(lambda: len(connector.get_order(order.id).shipments) == 2, timeout=30_000)

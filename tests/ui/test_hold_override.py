"""The audited hold override has a button: on sandbox orders held for each reason a packer may
judge (pending, not paid, test order, a packer's hold), the Ship dialog says why and offers
"Ship anyway…", which is never the default button (a scanner's Enter overrides nothing) and
asks for a reason the outbox audits with the desk and the packer; pack mode offers the same
on F2 and says so. Holds no packer may lift (marketplace-fulfilled) offer no override."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Connector, Operation
from fulfillment_station.connectors.squarespace import parse_order as parse_squarespace
from fulfillment_station.domain import Order, OrderStatus
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.holds import hold
from fulfillment_station.domain.models import HoldKind
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services import operations
from fulfillment_station.services.resources import (
    ConnectionConfig,
    OutboxResources,
    outbox_resources,
)
from fulfillment_station.services.sync import SyncService
from fulfillment_station.store.audit import AuditLog
from fulfillment_station.store.db import connect as open_store
from fulfillment_station.store.outbox import ActionState
from fulfillment_station.store.pack_progress import PackProgress
from fulfillment_station.ui.common.tasks import ConnectionWorker
from fulfillment_station.ui.dialogs.ship_dialog import HoldReasonDialog, ShipDialog
from fulfillment_station.ui.pack.pack_host import WorkerPackHost
from fulfillment_station.ui.pack.pack_mode import PackModeOptions, PackModeView, PackPhase
from tests.conftest import TEST_TOKEN
from tests.helpers.desk_outbox import open_desk_outbox

pytestmark = [pytest.mark.integration, pytest.mark.gui]

UPS = "1Z999AA10123456784"
REASON = "customer confirmed the payment by phone"


class QuietSounds:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play_success(self) -> None:
        self.played.append("success")

    def play_error(self) -> None:
        self.played.append("error")

    def play_complete(self) -> None:
        self.played.append("complete")


@pytest.fixture
def nexus(make_sandbox: Callable[..., SandboxServer]) -> SandboxServer:
    return make_sandbox("nexus", orders=80)


def open_desk(server: SandboxServer, tmp_path: Path) -> OutboxResources:
    return open_desk_outbox(server, tmp_path)


def cached_orders(resources: OutboxResources) -> list[Order]:
    SyncService(resources.connector, resources.cache, "shop").run()
    found = (
        resources.cache.get(s.order_id, connection="shop")
        for s in resources.cache.load_summaries("shop")
    )
    return [o for o in found if o is not None]


def first(orders: list[Order], test: Callable[[Order], bool]) -> Order:
    return next(o for o in orders if test(o) and all(line.barcode for line in o.lines))


def held_order(kind: str, server: SandboxServer, resources: OutboxResources) -> Order:
    """A sandbox order held for ``kind``, as the desk sees it."""
    orders = cached_orders(resources)
    if kind == "pending":
        return first(orders, lambda o: [h.kind for h in o.holds] == [HoldKind.PENDING])
    free = first(orders, lambda o: o.status is OrderStatus.CONFIRMED and not o.holds)
    if kind == "packer":
        resources.cache.set_packer_hold("shop", free.id, "the address looked wrong")
        held = resources.cache.get(free.id, connection="shop")
        assert held is not None
        return held
    if kind == "not_paid":  # the store reports the payment only authorised
        return free.model_copy(
            update={
                "payment_status": "authorized",
                "holds": [hold(HoldKind.NOT_PAID, payment="authorized")],
            }
        )
    raise AssertionError(kind)


def open_ship_dialog(qtbot: Any, order: Order, connector: Connector) -> ShipDialog:
    caps = connector.capabilities
    mode = "ship" if caps.supports(Operation.SHIP) else "fulfill"
    dialog = ShipDialog(order, caps, mode=mode)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def override_through_the_dialog(qtbot: Any, dialog: ShipDialog) -> None:
    """What a packer does: the hold is read, Enter does nothing, "Ship anyway…" asks why."""
    assert dialog.hold_refusal and "hold" in dialog.hold_refusal
    assert not dialog.ok_button.isEnabled()
    anyway = dialog.ship_anyway_button
    assert not anyway.isDefault() and not anyway.autoDefault()
    assert all(not b.isDefault() or b is dialog.ok_button for b in dialog.findChildren(QPushButton))
    tracking = dialog.rows[0].tracking
    tracking.setFocus()
    qtbot.keyClicks(tracking, UPS)
    qtbot.keyClick(tracking, Qt.Key.Key_Return)  # the scanner's Enter
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.hold_override is None
    qtbot.mouseClick(anyway, Qt.MouseButton.LeftButton)
    reason = dialog.hold_reason
    assert reason is not None and reason.isVisible()
    qtbot.keyClicks(reason, REASON)
    qtbot.keyClick(reason, Qt.Key.Key_Return)  # Enter in the reason confirms nothing
    assert dialog.isVisible()
    assert dialog.hold_override == REASON and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("kind", ["pending", "packer", "not_paid"])
def test_ship_anyway_asks_why_and_the_outbox_audits_desk_packer_and_reason(
    kind: str, qtbot: Any, nexus: SandboxServer, tmp_path: Path
) -> None:
    resources = open_desk(nexus, tmp_path)
    try:
        order = held_order(kind, nexus, resources)
        dialog = open_ship_dialog(qtbot, order, resources.connector)
        override_through_the_dialog(qtbot, dialog)
        request = dialog.request()
        assert request.lines
        if kind == "not_paid":
            return  # the store's own copy is paid: the desk's copy stood in for the dialog
        # Without the reason the outbox refuses, as every ship path does ...
        with pytest.raises(NotShippable):
            operations.queue_write(resources, order, request, packer="Ana")
        # ... with it the shipment is queued, audited, and sent.
        record = operations.queue_write(
            resources,
            order,
            request,
            packer="Ana",
            hold_override=dialog.hold_override,
        )
        audit = AuditLog(resources.outbox_store, station="")
        (entry,) = [e for e in audit.for_order(order.id) if e.kind == "hold_override"]
        assert (entry.station, entry.packer, entry.action_id) == ("Desk 1", "Ana", record.id)
        assert REASON in entry.message
        resources.outbox_service.run_until_idle(datetime.now(UTC) + timedelta(seconds=20))
        assert resources.outbox_service.outbox.get(record.id).state is ActionState.DONE  # type: ignore[union-attr]
        shipped = [
            e
            for e in nexus.db.journal()["effects"]
            if e["kind"] == "shipment" and e["order_id"] == order.id
        ]
        assert len(shipped) == 1 and shipped[0]["detail"]["tracking_number"] == UPS
    finally:
        resources.close()


def test_a_squarespace_test_order_can_be_fulfilled_anyway(
    qtbot: Any, make_sandbox: Callable[..., SandboxServer]
) -> None:
    server = make_sandbox("squarespace", orders=20)
    with connect("squarespace", server.base_url, TEST_TOKEN) as shop:
        order = next(o for o in shop.list_orders() if o.status is OrderStatus.PROCESSING)
        held = parse_squarespace({**(order.raw or {}), "testmode": True})
        assert [h.kind for h in held.holds] == [HoldKind.TEST_ORDER]
        dialog = open_ship_dialog(qtbot, held, shop)
        assert "test order" in (dialog.hold_refusal or "")
        override_through_the_dialog(qtbot, dialog)
        assert dialog.request().lines


def test_a_marketplace_fulfilled_order_has_no_ship_anyway(
    qtbot: Any, nexus: SandboxServer, tmp_path: Path
) -> None:
    resources = open_desk(nexus, tmp_path)
    try:
        fba = next(
            o
            for o in cached_orders(resources)
            if [h.kind for h in o.holds] == [HoldKind.MARKETPLACE_FULFILLED]
            and o.status in (OrderStatus.CONFIRMED, OrderStatus.PROCESSING)
        )
        dialog = open_ship_dialog(qtbot, fba, resources.connector)
        assert dialog.hold_refusal is None and dialog.refusal
        assert "cannot be shipped from the desk" in dialog.refusal
        assert not dialog.ok_button.isEnabled()
        assert not [b for b in dialog.findChildren(QPushButton) if "anyway" in b.text()]
    finally:
        resources.close()


@pytest.fixture
def progress(tmp_path: Path) -> Iterator[PackProgress]:
    with PackProgress(tmp_path / "progress.sqlite3") as saved:
        yield saved


def test_pack_mode_f2_packs_a_held_order_anyway_and_the_outbox_audits_it(
    qtbot: Any, nexus: SandboxServer, tmp_path: Path, progress: PackProgress
) -> None:
    desk = open_desk(nexus, tmp_path)
    try:
        order = held_order("packer", nexus, desk)
    finally:
        desk.close()
    config = ConnectionConfig(
        id="shop", dialect="nexus", base_url=nexus.base_url, token=TEST_TOKEN, label="S"
    )
    worker = ConnectionWorker(
        outbox_resources(
            config, tmp_path / "cache.sqlite3", tmp_path / "outbox.sqlite3", station="Desk 1"
        ),
        name="outbox",
    )
    try:
        host = WorkerPackHost(
            outbox=worker, printer=None, next_after=lambda _ref: None, packer=lambda: "Ana"
        )
        view = PackModeView(host, progress, QuietSounds(), PackModeOptions(auto_print=False))
        qtbot.addWidget(view)
        view.show()
        view.on_scan(order.number)
        qtbot.waitUntil(lambda: "F2" in view.message.text(), timeout=15_000)
        assert "the address looked wrong" in view.message.text()
        assert view.session is None

        qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter acknowledges; it overrides nothing
        assert view.hold_dialog is None and view.session is None
        qtbot.keyClick(view, Qt.Key.Key_F2)
        dialog = view.hold_dialog
        assert isinstance(dialog, HoldReasonDialog) and dialog.isVisible()
        assert not dialog.pack_button.isEnabled() and not dialog.pack_button.isDefault()
        qtbot.keyClicks(dialog.reason, REASON)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # a scanner's Enter: still asking
        assert dialog.isVisible() and view.session is None
        qtbot.mouseClick(dialog.pack_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.phase is PackPhase.PACKING, timeout=5_000)

        for line in order.lines:
            for _ in range(line.remaining):
                view.on_scan(line.barcode or "")
        qtbot.waitUntil(lambda: view.phase is PackPhase.AWAIT_TRACKING, timeout=5_000)
        with qtbot.waitSignal(view.order_shipped, timeout=15_000):
            view.on_scan(UPS)

    finally:
        worker.stop()
    store = open_store(tmp_path / "outbox.sqlite3")
    try:
        audit = AuditLog(store, station="")
        (entry,) = [e for e in audit.for_order(order.id) if e.kind == "hold_override"]
    finally:
        store.close()
    assert (entry.station, entry.packer) == ("Desk 1", "Ana")
    assert REASON in entry.message and "the address looked wrong" in entry.message
    assert entry.action_id is not None

"""Sentences a packer can act on, where the stores' answers used to produce wrong ones: against
real sandboxes, through the command line and the connectors."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.connectors import connect
from fulfillment_station.connectors.base import Operation
from fulfillment_station.connectors.errors import AlreadyCancelled, SyncInProgress
from fulfillment_station.connectors.generic_rest import CAPABILITIES as GENERIC
from fulfillment_station.connectors.squarespace import CAPABILITIES as SQUARESPACE
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.requests import CancelRequest
from fulfillment_station.domain.workflow import SHIPPABLE, check_shipment
from fulfillment_station.sandbox.server import SandboxServer
from tests.conftest import TEST_TOKEN

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def conn(server: SandboxServer) -> list[str]:
    return ["--dialect", server.dialect, "--base-url", server.base_url, "--token", TEST_TOKEN]


def test_inventory_cloud_ship_says_the_api_cannot_ship(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("inventory-cloud")
    with connect("inventory-cloud", server.base_url, TEST_TOKEN) as cloud:
        order = next(o for o in cloud.list_orders() if o.status in SHIPPABLE and not o.holds)
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order.id,
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        "1Z999AA10123456784",
    )
    assert code == 1
    assert "nothing is left" not in err
    assert "ship an order or send a tracking number" in err
    # The workflow itself no longer claims a line-less order was shipped already.
    with pytest.raises(NotShippable, match="lists no items"):
        check_shipment(order)


def test_generic_rest_cancel_is_reported_done(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("generic-rest", orders=30)
    code, out, err = run(
        capsys, "orders", "list", *conn(server), "--status", "processing", "--json"
    )
    assert code == 0, err
    order_id = json.loads(out)[0]["id"]
    code, out, err = run(capsys, "orders", "cancel", order_id, *conn(server), "--reason", "x")
    assert code == 0, err
    assert out.strip().endswith("cancelled.") and "requested" not in out


def test_generic_rest_tracking_words_tell_the_truth(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert "kept only in this app" not in GENERIC.why_not(Operation.SHIP)
    assert "audit log" in GENERIC.operations[Operation.SHIP].note
    row = next(r for r in GENERIC.table() if r[0].startswith("tracking number"))
    assert "audit log" in row[2]
    server = make_sandbox("generic-rest", orders=30)
    code, out, err = run(
        capsys, "orders", "list", *conn(server), "--status", "processing", "--json"
    )
    order_id = json.loads(out)[0]["id"]
    code, out, err = run(
        capsys,
        "orders",
        "ship",
        order_id,
        *conn(server),
        "--carrier",
        "DHL",
        "--tracking",
        "JD014600006543210001",
    )
    assert code == 0, err
    assert "keeps it nowhere else" in out


def test_price2b_already_cancelled_and_sync_in_progress_say_what_happened(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    server = make_sandbox("price2b", orders=30)
    with connect("price2b", server.base_url, TEST_TOKEN) as price2b:
        order = next(
            o
            for o in price2b.list_orders()
            if o.status in SHIPPABLE and o.fulfillment_status.value == "unfulfilled"
        )
        price2b.cancel(order.id, CancelRequest(reason="customer"))
        with pytest.raises(AlreadyCancelled) as cancelled:
            price2b.cancel(order.id, CancelRequest(reason="customer"))
        assert "already cancelled" in cancelled.value.user_message
        assert "changed meanwhile" not in str(cancelled.value)
        price2b.start_channel_sync(["amazon"])
        with pytest.raises(SyncInProgress) as busy:
            price2b.start_channel_sync(["amazon"])
        assert "still fetching orders" in busy.value.user_message


def test_squarespace_notes_do_not_promise_what_the_workflow_refuses() -> None:
    text = " ".join(SQUARESPACE.notes)
    assert "More shipments can be added" not in text
    assert "adds no more shipments" in text


def test_orders_ship_refuses_a_held_order_with_its_reason(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("nexus")
    with connect("nexus", server.base_url, TEST_TOKEN) as nexus:
        order = next(
            o
            for o in nexus.list_orders()
            if o.status in SHIPPABLE and o.fulfillment_method in ("FBA", "FBS")
        )
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order.id,
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        "1Z999AA10123456784",
    )
    assert code == 1
    assert (
        f"marketplace ships this order from its own warehouse ({order.fulfillment_method})" in err
    )
    assert not [e for e in server.db.journal()["effects"] if e["order_id"] == order.id]

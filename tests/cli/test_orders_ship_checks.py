"""``orders ship`` applies the Ship dialog's tracking checks (check digit, a number already on
another order) and needs ``--force`` to pass them; against a real sandbox."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.tracking_reuse import CLI_AUDIT_FILE, OVERRIDE_KIND
from fulfillment_station.store.paths import data_dir
from tests.helpers.desk_tracking import UPS, outbox_with_queued_ship

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
FEDEX_BAD_DIGIT = "794644790303"  # FedEx's mod-11 rule gives 4, not 3


def conn(server: SandboxServer) -> list[str]:
    return ["--dialect", server.dialect, "--base-url", server.base_url, "--token", server.token]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def open_orders(
    server: SandboxServer, capsys: pytest.CaptureFixture[str], count: int
) -> list[dict[str, Any]]:
    code, out, err = run(
        capsys, "orders", "list", *conn(server), "--status", "confirmed", "--limit", "200", "--json"
    )
    assert code == 0, err
    orders = [o for o in json.loads(out) if o["fulfillment_status"] == "unfulfilled"]
    assert len(orders) >= count
    return orders[:count]


def shipments(server: SandboxServer) -> list[dict[str, Any]]:
    return [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]


def ship(
    capsys: pytest.CaptureFixture[str],
    server: SandboxServer,
    order_id: str,
    tracking: str,
    *extra: str,
) -> tuple[int, str, str]:
    return run(
        capsys,
        "orders",
        "ship",
        order_id,
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        tracking,
        *extra,
    )


def test_the_same_tracking_number_on_a_second_order_needs_force_and_is_audited(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("nexus", orders=80)
    first, second = open_orders(server, capsys, 2)
    code, _, err = ship(capsys, server, first["id"], UPS)
    assert code == 0, err

    code, _, err = ship(capsys, server, second["id"], UPS)
    assert code == 1
    assert first["number"] in err and second["number"] in err and "--force" in err
    assert len(shipments(server)) == 1  # nothing sent

    code, _, err = ship(capsys, server, second["id"], UPS, "--force")
    assert code == 0, err
    assert "anyway" in err
    assert len(shipments(server)) == 2
    audit = sqlite3.connect(data_dir() / CLI_AUDIT_FILE)
    try:
        kinds = audit.execute("SELECT kind, order_number FROM audit_log ORDER BY id").fetchall()
    finally:
        audit.close()
    assert (OVERRIDE_KIND, second["number"]) in kinds


def test_a_wrong_check_digit_is_refused_without_force(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("nexus", orders=80)
    (order,) = open_orders(server, capsys, 1)
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order["id"],
        *conn(server),
        "--carrier",
        "FedEx",
        "--tracking",
        FEDEX_BAD_DIGIT,
    )
    assert code == 1 and "check digit" in err and err.count("\n") == 1
    assert shipments(server) == []
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order["id"],
        *conn(server),
        "--carrier",
        "FedEx",
        "--tracking",
        FEDEX_BAD_DIGIT,
        "--force",
    )
    assert code == 0, err
    assert len(shipments(server)) == 1


def test_a_number_the_desk_queued_is_found_by_the_command_line(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("nexus", orders=80)
    (order,) = open_orders(server, capsys, 1)
    root: Path = data_dir()
    outbox_with_queued_ship(root, order_id="B2")  # the desk's outbox holds #B2 with UPS
    code, _, err = ship(capsys, server, order["id"], UPS)
    assert code == 1 and "#B2" in err
    assert shipments(server) == []

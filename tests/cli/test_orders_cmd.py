"""The headless command line against real sandboxes, as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
DIALECTS = ("nexus", "price2b", "squarespace", "inventory-cloud", "generic-rest")


def conn(server: SandboxServer, token: str | None = None) -> list[str]:
    return [
        "--dialect",
        server.dialect,
        "--base-url",
        server.base_url,
        "--token",
        token or server.token,
    ]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("dialect", DIALECTS)
def test_list_json_prints_the_canonical_model(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    code, out, err = run(capsys, "orders", "list", *conn(server), "--limit", "7", "--json")
    assert code == 0, err
    orders = json.loads(out)
    assert len(orders) == 7
    for order in orders:
        assert order["dialect"] == dialect
        assert {
            "id",
            "number",
            "status",
            "fulfillment_status",
            "total",
            "currency",
            "customer",
            "ship_to",
            "lines",
            "shipments",
            "created_at",
        } <= set(order)
        assert "raw" not in order
        assert isinstance(order["total"], str)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_check_reports_reachable_authenticated_and_capabilities(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    code, out, err = run(capsys, "check", *conn(server), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["reachable"] and report["authenticated"]
    assert report["capabilities"]["operations"]["list"]["supported"]
    code, out, err = run(capsys, "check", *conn(server, token="nope"))
    assert code == 1
    assert "authenticated:  NO" in out
    assert err.count("\n") == 1 and "token" in err.lower()


@pytest.mark.parametrize("dialect", ["nexus", "price2b", "squarespace", "generic-rest"])
def test_show_human_and_json(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    code, out, _ = run(capsys, "orders", "list", *conn(server), "--limit", "1", "--json")
    first = json.loads(out)[0]
    code, out, err = run(capsys, "orders", "show", first["id"], *conn(server))
    assert code == 0, err
    assert f"Order {first['number']}" in out
    code, out, err = run(capsys, "orders", "show", first["id"], *conn(server), "--json")
    assert json.loads(out)["id"] == first["id"]


def test_unknown_order_is_one_clear_line(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "orders", "show", "ord_DOES_NOT_EXIST", *conn(shared_sandbox("nexus"))
    )
    assert code == 1 and out == ""
    assert err.startswith("fulfillment-station: ") and err.count("\n") == 1
    assert "does not know this order" in err


def test_plain_http_to_remote_host_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "orders",
        "list",
        "--dialect",
        "nexus",
        "--base-url",
        "http://shop.example.com",
        "--token",
        "t",
    )
    assert code == 2 and "https" in err.lower() and err.count("\n") == 1


def test_token_from_environment(
    shared_sandbox: Callable[[str], SandboxServer],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = shared_sandbox("generic-rest")
    monkeypatch.setenv("FULFILLMENT_STATION_TOKEN", server.token)
    code, out, err = run(
        capsys,
        "orders",
        "list",
        "--dialect",
        server.dialect,
        "--base-url",
        server.base_url,
        "--limit",
        "2",
        "--json",
    )
    assert code == 0, err
    assert len(json.loads(out)) == 2


def _open_order(
    server: SandboxServer, capsys: pytest.CaptureFixture[str], status: str, min_lines: int = 1
) -> dict[str, Any]:
    code, out, err = run(
        capsys, "orders", "list", *conn(server), "--status", status, "--limit", "200", "--json"
    )
    assert code == 0, err
    summary = next(
        o
        for o in json.loads(out)
        if o["fulfillment_status"] == "unfulfilled" and len(o["lines"]) >= min_lines
    )
    code, out, err = run(capsys, "orders", "show", summary["id"], *conn(server), "--json")
    assert code == 0, err
    return json.loads(out)


def test_ship_partially_then_rest_and_refuse_duplicate(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("nexus", orders=80)
    order = _open_order(server, capsys, "confirmed", min_lines=2)
    line = order["lines"][0]
    code, out, err = run(
        capsys,
        "orders",
        "ship",
        order["id"],
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        "1Z999AA10123456784",
        "--line",
        f"{line['id']}:1",
    )
    assert code == 0, err
    assert "shipped with UPS 1Z999AA10123456784" in out
    # The same tracking number again is refused locally: nothing is sent twice.
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order["id"],
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        "1Z999AA10123456784",
    )
    assert code == 1 and "already has a shipment" in err
    # Over-quantity is refused before anything is sent.
    code, _, err = run(
        capsys,
        "orders",
        "ship",
        order["id"],
        *conn(server),
        "--carrier",
        "UPS",
        "--tracking",
        "1ZX",
        "--line",
        f"{line['id']}:{line['quantity'] + 5}",
    )
    assert code == 1 and "remain" in err
    shipments = [e for e in server.db.journal()["effects"] if e["kind"] == "shipment"]
    assert len(shipments) == 1


def test_cancel(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("generic-rest", orders=40)
    order = _open_order(server, capsys, "processing")
    code, out, err = run(
        capsys, "orders", "cancel", order["id"], *conn(server), "--reason", "Customer request"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "orders", "show", order["id"], *conn(server), "--json")
    assert json.loads(out)["status"] == "cancelled"
    code, _, err = run(capsys, "orders", "cancel", order["id"], *conn(server), "--reason", "x")
    assert code == 1 and err.count("\n") == 1


def test_unsupported_operation_says_why(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("squarespace")
    code, out, _ = run(capsys, "orders", "list", *conn(server), "--limit", "1", "--json")
    order_id = json.loads(out)[0]["id"]
    code, _, err = run(capsys, "orders", "cancel", order_id, *conn(server), "--reason", "x")
    assert code == 1
    assert "squarespace" in err.lower() and err.count("\n") == 1


def test_real_entry_point_subprocess(shared_sandbox: Callable[[str], SandboxServer]) -> None:
    server = shared_sandbox("price2b")
    env = {**os.environ, "FULFILLMENT_STATION_TOKEN": server.token}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fulfillment_station",
            "orders",
            "list",
            "--dialect",
            "price2b",
            "--base-url",
            server.base_url,
            "--limit",
            "3",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("NUMBER")
    lines = done.stdout.splitlines()
    assert len(lines) == 5  # header, three orders, and how much of the list that is
    assert lines[-1].startswith("Showing ")

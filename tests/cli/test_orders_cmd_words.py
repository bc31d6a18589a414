"""``orders list|show`` in the packer's words, against every dialect's real sandbox: the
number on the slip finds the order, a status the store lacks is refused with the ones it has,
a cut list says how much is shown, money has its currency's decimals, the customer is shown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.connectors import connect
from fulfillment_station.domain.locales import FALLBACK_LOCALE
from fulfillment_station.domain.money import format_money
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
DIALECTS = ("nexus", "price2b", "squarespace", "inventory-cloud", "generic-rest")


def conn(server: SandboxServer) -> list[str]:
    return ["--dialect", server.dialect, "--base-url", server.base_url, "--token", server.token]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(
    server: SandboxServer, capsys: pytest.CaptureFixture[str], limit: int = 10
) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "orders", "list", *conn(server), "--limit", str(limit), "--json")
    assert code == 0, err
    return list(json.loads(out))


# Generic REST's order number is its id.
@pytest.mark.parametrize("dialect", ["nexus", "price2b", "squarespace", "inventory-cloud"])
def test_show_takes_the_number_a_person_reads(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    order = next(o for o in listed(server, capsys) if o["number"] != o["id"])
    code, out, err = run(capsys, "orders", "show", order["number"], *conn(server), "--json")
    assert code == 0, err
    assert json.loads(out)["id"] == order["id"]
    code, out, err = run(capsys, "orders", "show", f"#{order['number']}", *conn(server))
    assert code == 0, err
    assert f"id {order['id']}" in out


def test_an_unknown_number_is_still_one_clear_line(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("nexus")
    code, _, err = run(capsys, "orders", "show", "NO-SUCH-ORDER-4711", *conn(server))
    assert code == 1 and err.count("\n") == 1


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_status_the_store_lacks_is_refused_naming_those_it_has(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    statuses = (
        "pending",
        "confirmed",
        "processing",
        "shipped",
        "delivered",
        "completed",
        "cancelled",
    )
    outcomes = {
        s: run(capsys, "orders", "list", *conn(server), "--status", s, "--limit", "1")
        for s in statuses
    }
    refused = {s for s, (code, _, _) in outcomes.items() if code == 2}
    accepted = set(statuses) - refused
    assert accepted, "every status refused"
    for status in refused:
        err = outcomes[status][2]
        assert err.count("\n") == 1
        # The sentence names exactly the statuses the command accepts for this store.
        named = set(re.findall(r"[a-z]+", err.split("statuses are:")[1]))
        assert accepted <= named and status not in named
    if dialect == "squarespace":  # Squarespace has no "confirmed": the example
        assert "confirmed" in refused


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_cut_list_says_how_much_is_shown_and_money_has_its_decimals(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    code, out, err = run(capsys, "orders", "list", *conn(server), "--limit", "5")
    assert code == 0, err
    rows = out.splitlines()
    assert rows[-1].startswith("Showing ") and "--limit" in rows[-1]
    assert re.search(r"Showing (5 of \d+|the first 5; there are more) orders", rows[-1])
    table = rows[1:-1]
    assert len(table) == 5
    with connect(server.dialect, server.base_url, server.token) as connector:
        orders = connector.list_orders(limit=5)
    for row, order in zip(table, orders, strict=True):
        # domain.money.format_money: the currency's own decimals (yen none), one format for
        # the list, the detail pane, the slip and the command line.
        money = format_money(order.total, order.currency, FALLBACK_LOCALE)
        assert money in row, row
        decimals = re.search(r"[.,](\d+)\D*$", money)
        if order.currency.upper() == "JPY":
            assert decimals is None or len(decimals.group(1)) == 3, money
        else:
            assert decimals is not None and len(decimals.group(1)) == 2, money
        who = order.customer.name or (order.ship_to.name if order.ship_to else "")
        if who:
            assert who[:10] in row
    # A list that is not cut says nothing more.
    everything = listed(server, capsys, limit=100_000)
    code, out, _ = run(capsys, "orders", "list", *conn(server), "--limit", str(len(everything)))
    assert not out.splitlines()[-1].startswith("Showing ")

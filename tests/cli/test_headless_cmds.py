"""The command line for headless use: a connection saved in the app (token from the keyring),
``sync`` into its cache, ``--cached`` reads offline, every documented list filter, ``orders
ship`` buying the store's label with ``--label-out``, ``channel-sync``, ``orders create``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import keyring
import pytest

from fulfillment_station.cli.main import main
from fulfillment_station.connectors import connect
from fulfillment_station.domain.models import FulfillmentStatus, OrderStatus
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore
from tests.conftest import TEST_TOKEN
from tests.helpers.keyring import MemoryKeyring

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def save_connection(server: SandboxServer, label: str, token: str = TEST_TOKEN) -> str:
    """A connection as the app's Settings → Connections saves it: profile + keyring token."""
    store = SettingsStore()
    profile = ConnectionProfile(
        id=ConnectionProfile.new_id(), label=label, dialect=server.dialect, base_url=server.base_url
    )
    store.save(store.load().with_profile(profile))
    TokenStore().set(profile.id, token)
    return profile.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_saved_connection_syncs_into_its_cache_and_reads_offline_after(
    memory_keyring: MemoryKeyring,
    make_sandbox: Callable[..., SandboxServer],
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = make_sandbox("nexus", orders=30)
    save_connection(server, "Main shop")

    code, out, err = run(capsys, "sync", "--connection", "main shop", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["seen"] == 30 and report["new"] == 30
    assert Path(report["cache"]).exists()

    live = json.loads(
        run(capsys, "orders", "list", "--connection", "Main shop", "--limit", "100", "--json")[1]
    )
    server.close()  # offline from here on
    code, out, err = run(
        capsys,
        "orders",
        "list",
        "--connection",
        "Main shop",
        "--cached",
        "--limit",
        "100",
        "--json",
    )
    assert code == 0, err
    cached = json.loads(out)
    assert sorted(o["id"] for o in cached) == sorted(o["id"] for o in live)
    wanted = next(o for o in live if o["status"] == "confirmed")
    code, out, err = run(
        capsys,
        "orders",
        "list",
        "--connection",
        "Main shop",
        "--cached",
        "--status",
        "confirmed",
        "--limit",
        "100",
        "--json",
    )
    assert code == 0, err
    assert wanted["id"] in {o["id"] for o in json.loads(out)}
    assert {o["status"] for o in json.loads(out)} == {"confirmed"}
    code, out, err = run(
        capsys,
        "orders",
        "show",
        wanted["number"],
        "--connection",
        "Main shop",
        "--cached",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["id"] == wanted["id"]
    code, out, err = run(capsys, "orders", "list", "--connection", "Main shop", "--limit", "1")
    assert code == 1 and err.count("\n") == 1  # the store is gone: one clear line


def test_a_saved_connection_without_a_token_or_by_an_unknown_name_is_one_clear_line(
    memory_keyring: MemoryKeyring,
    make_sandbox: Callable[..., SandboxServer],
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = make_sandbox("nexus", orders=5)
    connection_id = save_connection(server, "Main shop")
    TokenStore().delete(connection_id)
    code, _out, err = run(capsys, "orders", "list", "--connection", "Main shop")
    assert code == 2 and "no API token is saved for 'Main shop'" in err
    code, _out, err = run(capsys, "check", "--connection", "Other")
    assert code == 2 and "no saved connection is called 'Other'" in err
    code, out, err = run(
        capsys, "check", "--connection", connection_id, "--token", TEST_TOKEN, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["authenticated"]


def test_sync_with_explicit_flags_needs_a_cache_path(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server = make_sandbox("generic-rest", orders=12)
    flags = ["--dialect", "generic-rest", "--base-url", server.base_url, "--token", TEST_TOKEN]
    code, _out, err = run(capsys, "sync", *flags)
    assert code == 2 and "--cache" in err
    cache = tmp_path / "gr.sqlite3"
    code, out, err = run(capsys, "sync", *flags, "--cache", str(cache))
    assert code == 0, err and "12 orders read" in out
    code, out, err = run(
        capsys, "orders", "list", "--cache", str(cache), "--cached", "--limit", "50", "--json"
    )
    assert code == 0, err
    assert len(json.loads(out)) == 12


def test_orders_list_takes_every_documented_filter_and_refuses_the_others(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("price2b")
    flags = ["--dialect", "price2b", "--base-url", server.base_url, "--token", TEST_TOKEN]
    code, out, err = run(
        capsys,
        "orders",
        "list",
        *flags,
        "--channel",
        "amazon",
        "--fulfillment-status",
        "unfulfilled",
        "--limit",
        "20",
        "--json",
    )
    assert code == 0, err
    rows = json.loads(out)
    assert rows and {(o["channel"], o["fulfillment_status"]) for o in rows} == {
        ("amazon", "unfulfilled")
    }
    code, _out, err = run(capsys, "orders", "list", *flags, "--fulfillment-method", "FBA")
    assert code == 2 and err.strip()  # Price2b documents no such filter


def test_ship_without_tracking_buys_the_store_label_and_writes_its_bytes(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server = make_sandbox("price2b", orders=30)
    flags = ["--dialect", "price2b", "--base-url", server.base_url, "--token", TEST_TOKEN]
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        order = next(
            o
            for o in (connector.get_order(r.id) for r in connector.list_orders())
            if o.status == OrderStatus.PROCESSING
            and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
            and all(line.weight for line in o.lines)
        )
        out_file = tmp_path / "label.pdf"
        code, out, err = run(
            capsys,
            "orders",
            "ship",
            order.id,
            *flags,
            "--carrier",
            "fedex",
            "--service",
            "GROUND",
            "--label-out",
            str(out_file),
            "--json",
        )
        assert code == 0, err
        shipment = json.loads(out)["shipment"]
        assert shipment["tracking_number"]
        assert out_file.read_bytes() == connector.fetch_label(shipment["label_url"])
        assert connector.get_order(order.id).status == OrderStatus.SHIPPED


def test_ship_without_tracking_on_a_store_that_sells_no_labels_says_what_to_do(
    shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox("nexus")
    code, _out, err = run(
        capsys,
        "orders",
        "ship",
        "1",
        "--dialect",
        "nexus",
        "--base-url",
        server.base_url,
        "--token",
        TEST_TOKEN,
        "--carrier",
        "ups",
    )
    assert code == 2 and "sells no labels" in err and "--tracking" in err


def test_channel_sync_starts_and_reports_counts_and_the_next_run(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_sandbox("price2b", orders=10)
    flags = ["--dialect", "price2b", "--base-url", server.base_url, "--token", TEST_TOKEN]
    code, out, err = run(capsys, "channel-sync", "start", *flags, "--channel", "amazon", "--json")
    assert code == 0, err
    started = json.loads(out)
    assert started["sync_id"] and "amazon" in started["channels"]
    code, out, err = run(capsys, "channel-sync", "status", *flags)
    assert code == 0, err
    assert "Channel sync" in out and "next scheduled sync" in out


def _order_file(tmp_path: Path, lines: list[dict[str, object]], **extra: object) -> str:
    """An order in the shape ``--json`` prints (ids and store-set fields are ignored)."""
    order = {
        "id": "ignored",
        "number": "ignored",
        "dialect": "x",
        "status": "pending",
        "currency": "USD",
        "total": "999.00",
        "customer": {"name": "Ada Lovelace", "email": "ada@example.com", "phone": None},
        "ship_to": {
            "name": "Ada Lovelace",
            "company": None,
            "line1": "12 Harbour Road",
            "line2": None,
            "city": "Portland",
            "region": "OR",
            "postal_code": "97201",
            "country": "US",
        },
        "lines": lines,
        "shipments": [],
        "created_at": "2026-01-01T00:00:00Z",
        **extra,
    }
    path = tmp_path / "order.json"
    path.write_text(json.dumps(order), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("dialect", ["squarespace", "inventory-cloud", "generic-rest"])
def test_orders_create_takes_the_canonical_shape_and_prints_the_created_order(
    dialect: str,
    make_sandbox: Callable[..., SandboxServer],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from fulfillment_station.sandbox.dialects.inventory_cloud import initial_stock

    server = make_sandbox(dialect, orders=20, seed=3)
    flags = ["--dialect", dialect, "--base-url", server.base_url, "--token", TEST_TOKEN]
    with connect(dialect, server.base_url, TEST_TOKEN) as connector:
        if dialect == "inventory-cloud":
            sku = next(s for s, n in initial_stock(3).items() if n >= 20)
            line: dict[str, object] = {"sku": sku, "quantity": 2, "unit_price": "0"}
        else:
            existing = connector.get_order(connector.list_orders(limit=1)[0].id).lines[0]
            line = {
                "id": "ignored",
                "sku": existing.sku,
                "quantity": 2,
                "unit_price": "7.25",
                "product_id": existing.id if dialect == "generic-rest" else None,
            }
    path = _order_file(tmp_path, [line], customer_id="CUST98765")
    code, out, err = run(capsys, "orders", "create", *flags, "--json-in", path, "--json")
    assert code == 0, err
    created = json.loads(out)
    assert created["id"] != "ignored" and created["dialect"] == dialect
    if dialect == "inventory-cloud":  # its API documents no line items on an order
        assert created["lines"] == [] and created["status"] == "pending"
    else:
        assert [ln["quantity"] for ln in created["lines"]] == [2]
    if dialect == "squarespace":
        assert created["total"] == "14.50"  # the prices sent add up to the total
        journal = httpx.get(
            server.root_url + "/_sandbox/journal", headers=server.auth_headers
        ).json()["requests"]
        sent = json.loads(next(r for r in reversed(journal) if r["method"] == "POST")["body"])
        assert sent["lineItems"][0]["variantId"]  # how the public API names the product
    code, out, err = run(
        capsys, "orders", "create", *flags, "--json-in", _order_file(tmp_path, [line]), "--json"
    )
    if dialect == "squarespace":
        assert code == 0, err  # Squarespace needs no customer id
    else:
        assert code == 1 and "customer id" in err


def test_orders_create_out_of_stock_names_the_skus(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from fulfillment_station.sandbox.dialects.inventory_cloud import initial_stock

    server = make_sandbox("inventory-cloud", orders=5, seed=3)
    sold_out = next(s for s, n in initial_stock(3).items() if n == 0)
    path = _order_file(tmp_path, [{"sku": sold_out, "quantity": 1}], customer_id="C1")
    code, _out, err = run(
        capsys,
        "orders",
        "create",
        "--dialect",
        "inventory-cloud",
        "--base-url",
        server.base_url,
        "--token",
        TEST_TOKEN,
        "--json-in",
        path,
    )
    assert code == 1 and "out of stock" in err and sold_out in err


def test_print_label_writes_the_label_the_store_sold(
    make_sandbox: Callable[..., SandboxServer], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server = make_sandbox("price2b", orders=30)
    flags = ["--dialect", "price2b", "--base-url", server.base_url, "--token", TEST_TOKEN]
    with connect("price2b", server.base_url, TEST_TOKEN) as connector:
        order = next(
            o
            for o in (connector.get_order(r.id) for r in connector.list_orders())
            if o.status == OrderStatus.PROCESSING
            and o.fulfillment_status == FulfillmentStatus.UNFULFILLED
            and all(line.weight for line in o.lines)
        )
        bought = tmp_path / "bought.pdf"
        assert (
            run(
                capsys,
                "orders",
                "ship",
                order.id,
                *flags,
                "--carrier",
                "ups",
                "--service",
                "GROUND",
                "--label-out",
                str(bought),
            )[0]
            == 0
        )
    again = tmp_path / "again.pdf"
    code, out, err = run(
        capsys, "print", "label", order.id, *flags, "--format", "pdf", "--out", str(again)
    )
    assert code == 0, err and "the store sold" in out
    assert again.read_bytes() == bought.read_bytes()
    zpl = tmp_path / "again.zpl"
    code, _out, err = run(
        capsys, "print", "label", order.id, *flags, "--format", "zpl", "--out", str(zpl)
    )
    assert code == 0, err
    assert zpl.read_bytes().startswith(b"^XA") and b"^GFA," in zpl.read_bytes()


@pytest.mark.parametrize("dialect", ["nexus", "price2b", "squarespace"])
def test_orders_show_takes_the_number_a_person_reads(
    dialect: str, shared_sandbox: Callable[[str], SandboxServer], capsys: pytest.CaptureFixture[str]
) -> None:
    server = shared_sandbox(dialect)
    flags = ["--dialect", dialect, "--base-url", server.base_url, "--token", TEST_TOKEN]
    with connect(dialect, server.base_url, TEST_TOKEN) as connector:
        wanted = connector.list_orders(limit=30)[-1]
    assert wanted.number != wanted.id
    code, out, err = run(capsys, "orders", "show", wanted.number, *flags, "--json")
    assert code == 0, err
    assert json.loads(out)["id"] == wanted.id
    code, _out, err = run(capsys, "orders", "show", "no-such-order-42", *flags)
    assert code == 1 and err.count("\n") == 1 and "no-such-order-42" in err

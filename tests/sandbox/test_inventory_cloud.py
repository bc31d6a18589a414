"""The Inventory Cloud sandbox speaks seed 003 over a real socket: the list (filters, limit,
offset paging), create with stock reservation and OUT_OF_STOCK, auth, and faults. It offers
nothing the seed lacks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.dialects.inventory_cloud import STOCK_KEY, initial_stock
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

TOKEN = "inventory-cloud-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SEED = 5
ORDER_FIELDS = {
    "id",
    "number",
    "external_id",
    "created_at",
    "currency",
    "total_amount",
    "tax_amount",
    "payment_status",
    "status",
    "shipping_method",
    "tracking_number",
}
STATUSES = {"pending", "processing", "shipped", "delivered", "cancelled"}
PAYMENT = {"authorized", "captured", "refunded", "voided"}
STOCK = initial_stock(SEED)
SOLD_OUT = [sku for sku, n in STOCK.items() if n == 0]
LOW = [sku for sku, n in STOCK.items() if 0 < n < 4]
PLENTY = [sku for sku, n in STOCK.items() if n >= 20]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("inventory-cloud") / "sandbox.sqlite"
    with SandboxServer("inventory-cloud", db_path=db, token=TOKEN, orders=150, seed=SEED) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=AUTH) as c:
        yield c


def _create_body(*lines: tuple[str, int], **fields: Any) -> dict[str, Any]:
    return {
        "currency": "USD",
        "customer_id": "CUST-T1",
        "line_items": [{"sku": s, "quantity": q} for s, q in lines],
        **fields,
    }


def _effects(server: SandboxServer, kind: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["kind"] == kind]


def _stock(server: SandboxServer) -> dict[str, int]:
    return server.db.kv_get(STOCK_KEY) or dict(STOCK)


# -- list -------------------------------------------------------------------------------------


def test_list_answers_with_the_documented_order_fields(client: httpx.Client) -> None:
    response = client.get("/v1/orders")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "total", "limit", "offset"}
    assert (body["limit"], body["offset"]) == (20, 0) and body["total"] >= 150
    assert len(body["data"]) == 20
    for order in body["data"]:
        assert set(order) == ORDER_FIELDS
        assert order["id"].startswith("ord_") and order["number"].startswith("BS-")
        assert order["status"] in STATUSES and order["payment_status"] in PAYMENT
        assert isinstance(order["total_amount"], int | float)
        assert isinstance(order["tax_amount"], int | float)
        assert len(order["currency"]) == 3
        assert parse_utc(order["created_at"]).tzinfo is not None
        if order["status"] in ("shipped", "delivered"):
            assert order["tracking_number"]


def test_seed_example_status_filter_and_limit_50(
    client: httpx.Client, server: SandboxServer
) -> None:
    body = client.get("/v1/orders", params={"status": "processing", "limit": 50}).json()
    assert body["limit"] == 50
    assert body["data"] and all(o["status"] == "processing" for o in body["data"])
    assert body["total"] == server.db.count([("status = ?", "processing")])


def test_customer_filter_returns_exactly_that_customers_orders(
    client: httpx.Client, server: SandboxServer
) -> None:
    customer = server.db.query(limit=1)[0].extra["customer_id"]
    expected = {r.order.id for r in server.db.query([("customer_id = ?", customer)])}
    body = client.get("/v1/orders", params={"customer_id": customer, "limit": 100}).json()
    assert {o["id"] for o in body["data"]} == expected
    assert body["total"] == len(expected)
    assert client.get("/v1/orders", params={"customer_id": "nobody"}).json()["data"] == []


def test_paging_by_offset_returns_every_order_once_newest_first(
    client: httpx.Client, server: SandboxServer
) -> None:
    seen: list[dict[str, Any]] = []
    offset = 0
    while True:
        body = client.get("/v1/orders", params={"limit": 17, "offset": offset}).json()
        seen += body["data"]
        offset += 17
        if offset >= body["total"]:
            break
    ids = [o["id"] for o in seen]
    assert len(ids) == len(set(ids)) == server.db.count_all()
    created = [parse_utc(o["created_at"]) for o in seen]
    assert created == sorted(created, reverse=True)


@pytest.mark.parametrize(
    "params", [{"limit": 101}, {"limit": 0}, {"offset": -1}, {"limit": "ten"}, {"status": "lost"}]
)
def test_bad_list_parameters_are_refused(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/v1/orders", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"


def test_limit_100_is_the_maximum_page(client: httpx.Client) -> None:
    body = client.get("/v1/orders", params={"limit": 100}).json()
    assert body["limit"] == 100 and len(body["data"]) == 100


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}]
)
def test_missing_or_wrong_key_is_401_invalid_auth(
    server: SandboxServer, headers: dict[str, str]
) -> None:
    for method, body in (("GET", None), ("POST", {})):  # auth is checked before the body
        response = httpx.request(method, server.base_url + "/v1/orders", headers=headers, json=body)
        assert response.status_code == 401
        error = response.json()["error"]
        assert error["code"] == "INVALID_AUTH" and error["message"]


def test_undocumented_endpoints_do_not_exist(client: httpx.Client) -> None:
    order_id = client.get("/v1/orders", params={"limit": 1}).json()["data"][0]["id"]
    assert client.get(f"/v1/orders/{order_id}").status_code == 404
    assert client.post(f"/v1/orders/{order_id}/cancel").status_code in (404, 405)
    assert client.put(f"/v1/orders/{order_id}", json={"status": "shipped"}).status_code in (
        404,
        405,
    )


# -- create -----------------------------------------------------------------------------------


def test_create_reserves_stock_and_answers_201_with_the_order(
    client: httpx.Client, server: SandboxServer
) -> None:
    sku = PLENTY[0]
    before = _stock(server)[sku]
    response = client.post(
        "/v1/orders",
        json=_create_body(
            (sku, 2),
            external_id="ERP-1",
            shipping_address={
                "name": "Zoë Lefèvre",
                "line1": "Rue de Rivoli 3",
                "city": "Paris",
                "postal_code": "75004",
                "country": "FR",
            },
        ),
    )
    assert response.status_code == 201, response.text
    order = response.json()
    assert set(order) == ORDER_FIELDS
    assert order["status"] == "pending" and order["payment_status"] == "authorized"
    assert order["external_id"] == "ERP-1" and order["tracking_number"] is None
    assert order["total_amount"] > 0
    assert _stock(server)[sku] == before - 2
    created = [e for e in _effects(server, "create") if e["order_id"] == order["id"]]
    assert [e["detail"]["lines"] for e in created] == [{sku: 2}]
    listed = client.get("/v1/orders", params={"limit": 5}).json()["data"]
    assert order["id"] in {o["id"] for o in listed}  # newest first


def test_out_of_stock_names_the_skus_and_reserves_nothing(
    client: httpx.Client, server: SandboxServer
) -> None:
    fine, out = PLENTY[1], SOLD_OUT[0]
    before = _stock(server)
    count = server.db.count_all()
    response = client.post("/v1/orders", json=_create_body((fine, 1), (out, 1)))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "OUT_OF_STOCK" and out in error["message"]
    assert error["details"]["skus"] == [{"sku": out, "requested": 1, "available": 0}]
    assert _stock(server)[fine] == before[fine]
    assert server.db.count_all() == count


def test_low_stock_runs_out_after_it_is_reserved(
    client: httpx.Client, server: SandboxServer
) -> None:
    sku = LOW[0]
    available = _stock(server)[sku]
    assert client.post("/v1/orders", json=_create_body((sku, available))).status_code == 201
    response = client.post("/v1/orders", json=_create_body((sku, 1)))
    assert response.status_code == 422
    assert response.json()["error"]["details"]["skus"][0] == {
        "sku": sku,
        "requested": 1,
        "available": 0,
    }


def test_the_same_sku_twice_is_checked_as_one_quantity(client: httpx.Client) -> None:
    sku = LOW[1]
    available = STOCK[sku]
    response = client.post("/v1/orders", json=_create_body((sku, available), (sku, 1)))
    assert response.status_code == 422
    assert response.json()["error"]["details"]["skus"][0]["requested"] == available + 1


@pytest.mark.parametrize(
    "body",
    [
        {"customer_id": "C", "line_items": [{"sku": "SKU-0001", "quantity": 1}]},  # no currency
        _create_body(),  # no lines
        _create_body(("SKU-0001", 0)),
        _create_body(("NO-SUCH-SKU", 1)),
        {**_create_body(("SKU-0001", 1)), "shipping_address": {"city": "Paris"}},
    ],
)
def test_bad_create_bodies_are_422_validation_error(
    client: httpx.Client, body: dict[str, Any]
) -> None:
    response = client.post("/v1/orders", json=body)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"


def test_a_number_already_in_use_is_refused(client: httpx.Client) -> None:
    taken = client.get("/v1/orders", params={"limit": 1}).json()["data"][0]["number"]
    response = client.post("/v1/orders", json=_create_body((PLENTY[2], 1), number=taken))
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "DUPLICATE_ORDER"
    chosen = client.post("/v1/orders", json=_create_body((PLENTY[2], 1), number="BS-T-1"))
    assert chosen.status_code == 201 and chosen.json()["number"] == "BS-T-1"


# -- faults -----------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(
    client: httpx.Client, server: SandboxServer
) -> None:
    server.faults.rate_limit = 1
    try:
        statuses = [client.get("/v1/orders", params={"limit": 1}) for _ in range(3)]
    finally:
        server.faults.rate_limit = 0
    limited = [r for r in statuses if r.status_code == 429]
    assert limited
    assert limited[0].headers["Retry-After"] == "1"
    assert limited[0].json()["error"]["code"] == "RATE_LIMITED"


def test_drop_after_commit_still_creates_the_order(
    client: httpx.Client, server: SandboxServer
) -> None:
    server.faults.drop_after_commit = 1
    with pytest.raises(httpx.TransportError):
        client.post("/v1/orders", json=_create_body((PLENTY[3], 1), number="BS-DROP-1"))
    assert server.faults.drop_after_commit == 0
    stored = server.db.get_by_number("BS-DROP-1")
    assert stored is not None
    assert [e["order_id"] for e in _effects(server, "create")].count(stored.order.id) == 1
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()[
        "requests"
    ]
    assert journal[-1]["dropped"] is True and journal[-1]["status"] == 201

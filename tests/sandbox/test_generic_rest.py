"""The Generic REST sandbox speaks seed 004 over a real socket: every example request of the
seed, its error bodies, offset paging with sorting, the status rules of PUT and DELETE, auth
and faults."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.server import SandboxServer

pytestmark = pytest.mark.integration

TOKEN = "generic-rest-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIST_FIELDS = {
    "orderId",
    "customerId",
    "status",
    "totalAmount",
    "currency",
    "createdAt",
    "updatedAt",
    "items",
}
ITEM_FIELDS = {"productId", "quantity", "price"}
ADDRESS_FIELDS = {"street", "city", "state", "zipCode", "country"}
SEED_ADDRESS = {
    "street": "456 Oak Ave",
    "city": "Anytown",
    "state": "CA",
    "zipCode": "90210",
    "country": "USA",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("generic-rest") / "sandbox.sqlite"
    with SandboxServer("generic-rest", db_path=db, token=TOKEN, orders=150, seed=3) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=AUTH) as c:
        yield c


@pytest.fixture(scope="module")
def take(server: SandboxServer) -> Callable[[str], str]:
    """Hands each writing test an order of a status that no other test touches."""
    used: set[str] = set()

    def pick(status: str) -> str:
        for row in server.db.query([("status = ?", status)]):
            if row.order.id not in used:
                used.add(row.order.id)
                return row.order.id
        raise LookupError(f"no unused {status} order left")

    return pick


def _effects(server: SandboxServer, order_id: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["order_id"] == order_id]


def _walk(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/orders", params={**params, "offset": offset}).json()
        out += body["data"]
        offset = body["pagination"]["nextOffset"]
    return out


# -- GET /orders ------------------------------------------------------------------------------


def test_seed_list_example(client: httpx.Client, server: SandboxServer) -> None:
    response = client.get("/orders", params={"status": "processing", "limit": 10})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "pagination"}
    total = server.db.count([("status = ?", "processing")])
    assert body["pagination"] == {
        "total": total,
        "limit": 10,
        "offset": 0,
        "nextOffset": 10,
        "prevOffset": None,
    }
    assert len(body["data"]) == 10
    for order in body["data"]:
        assert set(order) == LIST_FIELDS  # the list example carries no shippingAddress
        assert order["status"] == "processing" and order["orderId"].startswith("ORD")
        assert isinstance(order["totalAmount"], int | float)
        assert order["createdAt"].endswith("Z") and len(order["createdAt"]) == 20
        for item in order["items"]:
            assert set(item) == ITEM_FIELDS and item["productId"].startswith("PROD")
            assert isinstance(item["quantity"], int) and isinstance(item["price"], int | float)


def test_default_limit_is_20_newest_created_first(client: httpx.Client) -> None:
    body = client.get("/orders").json()
    assert body["pagination"]["limit"] == 20 and len(body["data"]) == 20
    created = [parse_utc(o["createdAt"]) for o in body["data"]]
    assert created == sorted(created, reverse=True)


@pytest.mark.parametrize(
    ("sort_by", "order"),
    [("createdAt", "asc"), ("createdAt", "desc"), ("updatedAt", "desc"), ("updatedAt", "asc")],
)
def test_paging_returns_every_order_once_in_the_asked_order(
    client: httpx.Client, server: SandboxServer, sort_by: str, order: str
) -> None:
    orders = _walk(client, limit=23, sortBy=sort_by, sortOrder=order)
    ids = [o["orderId"] for o in orders]
    assert len(ids) == len(set(ids)) == server.db.count_all()
    stamps = [parse_utc(o[sort_by]) for o in orders]
    assert stamps == sorted(stamps, reverse=order == "desc")


def test_pagination_offsets_point_both_ways(client: httpx.Client) -> None:
    page = client.get("/orders", params={"limit": 10, "offset": 25}).json()["pagination"]
    assert (page["nextOffset"], page["prevOffset"]) == (35, 15)
    total = page["total"]
    last = client.get("/orders", params={"limit": 10, "offset": total - 3}).json()
    assert len(last["data"]) == 3 and last["pagination"]["nextOffset"] is None


def test_a_limit_above_100_is_clamped_and_says_so(client: httpx.Client) -> None:
    body = client.get("/orders", params={"limit": 500}).json()
    assert body["pagination"]["limit"] == 100 and len(body["data"]) == 100


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"offset": -1},
        {"limit": "x"},
        {"sortBy": "total"},
        {"sortOrder": "up"},
        {"status": "lost"},
    ],
)
def test_bad_list_parameters_are_400_bad_request(
    client: httpx.Client, params: dict[str, Any]
) -> None:
    response = client.get("/orders", params=params)
    assert response.status_code == 400
    assert set(response.json()["error"]) == {"code", "message"}
    assert response.json()["error"]["code"] == "BAD_REQUEST"


# -- GET /orders/{orderId} --------------------------------------------------------------------


def test_get_one_has_the_shipping_address(client: httpx.Client) -> None:
    order_id = client.get("/orders", params={"limit": 1}).json()["data"][0]["orderId"]
    response = client.get(f"/orders/{order_id}")
    assert response.status_code == 200
    order = response.json()
    assert set(order) == LIST_FIELDS | {"shippingAddress"}
    assert set(order["shippingAddress"]) == ADDRESS_FIELDS and order["orderId"] == order_id


def test_unknown_order_is_the_seed_404(client: httpx.Client) -> None:
    response = client.get("/orders/ORD999999999")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "NOT_FOUND", "message": "Order with ID ORD999999999 not found."}
    }
    assert client.put("/orders/ORD999999999", json={"status": "shipped"}).status_code == 404
    assert client.delete("/orders/ORD999999999").json()["error"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}])
def test_no_or_bad_token_is_401_unauthenticated(
    server: SandboxServer, headers: dict[str, str]
) -> None:
    for method, path in (
        ("GET", "/orders"),
        ("GET", "/orders/X"),
        ("POST", "/orders"),
        ("PUT", "/orders/X"),
        ("DELETE", "/orders/X"),
    ):
        response = httpx.request(method, server.base_url + path, headers=headers, json={})
        assert response.status_code == 401, (method, path)
        assert set(response.json()) == {"error"}
        assert response.json()["error"]["code"] == "UNAUTHENTICATED"
    wrong = httpx.get(server.base_url + "/orders", headers={"Authorization": "Bearer wrong"})
    assert wrong.json()["error"]["message"] == "Authentication token is invalid or expired."


# -- POST /orders -----------------------------------------------------------------------------


def test_seed_create_example(client: httpx.Client, server: SandboxServer) -> None:
    response = client.post(
        "/orders",
        json={
            "customerId": "CUST98765",
            "items": [
                {"productId": "PROD001", "quantity": 1},
                {"productId": "PROD004", "quantity": 2},
            ],
            "shippingAddress": {
                "street": "123 Main St",
                "city": "Anytown",
                "state": "CA",
                "zipCode": "90210",
                "country": "USA",
            },
        },
    )
    assert response.status_code == 201
    order = response.json()
    assert set(order) >= LIST_FIELDS
    assert order["status"] == "pending" and order["customerId"] == "CUST98765"
    assert [(i["productId"], i["quantity"]) for i in order["items"]] == [
        ("PROD001", 1),
        ("PROD004", 2),
    ]
    assert order["totalAmount"] == pytest.approx(
        sum(i["price"] * i["quantity"] for i in order["items"])
    )
    assert order["createdAt"] == order["updatedAt"]
    again = client.get(f"/orders/{order['orderId']}").json()
    assert again["shippingAddress"]["street"] == "123 Main St"
    assert [e["kind"] for e in _effects(server, order["orderId"])] == ["create"]


@pytest.mark.parametrize(
    "body",
    [
        {"items": [{"productId": "PROD001", "quantity": 1}]},
        {"customerId": "C", "items": []},
        {"customerId": "C", "items": [{"productId": "PROD001", "quantity": 0}]},
        {"customerId": "C", "items": [{"productId": "PROD999", "quantity": 1}]},
    ],
)
def test_bad_create_bodies_are_400(client: httpx.Client, body: dict[str, Any]) -> None:
    response = client.post("/orders", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "BAD_REQUEST"


# -- PUT /orders/{orderId} --------------------------------------------------------------------


def test_seed_update_example_ships_and_moves_the_order(
    client: httpx.Client, server: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    before = client.get(f"/orders/{order_id}").json()
    response = client.put(
        f"/orders/{order_id}", json={"status": "shipped", "shippingAddress": SEED_ADDRESS}
    )
    assert response.status_code == 200
    order = response.json()
    assert order["status"] == "shipped" and order["shippingAddress"] == SEED_ADDRESS
    assert order["items"] == before["items"]
    assert parse_utc(order["updatedAt"]) >= parse_utc(before["updatedAt"])
    effects = _effects(server, order_id)
    assert [e["kind"] for e in effects] == ["shipment"]
    assert effects[0]["detail"]["tracking_number"] is None
    # PUT is idempotent: the same status again changes nothing and records nothing.
    assert client.put(f"/orders/{order_id}", json={"status": "shipped"}).status_code == 200
    assert len(_effects(server, order_id)) == 1


@pytest.mark.parametrize(
    ("status", "body"),
    [
        ("cancelled", {"status": "shipped"}),
        ("processing", {"status": "pending"}),
        ("delivered", {"status": "processing"}),
        ("shipped", {"shippingAddress": SEED_ADDRESS}),
        ("processing", {}),
        ("processing", {"status": "teleported"}),
    ],
)
def test_updates_against_the_business_rules_are_400(
    client: httpx.Client,
    server: SandboxServer,
    take: Callable[[str], str],
    status: str,
    body: dict[str, Any],
) -> None:
    order_id = take(status)
    response = client.put(f"/orders/{order_id}", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "BAD_REQUEST"
    assert _effects(server, order_id) == []


def test_address_change_before_shipping(
    client: httpx.Client, server: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("pending")
    response = client.put(f"/orders/{order_id}", json={"shippingAddress": SEED_ADDRESS})
    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    assert response.json()["shippingAddress"] == SEED_ADDRESS
    assert [e["kind"] for e in _effects(server, order_id)] == ["update"]


# -- DELETE /orders/{orderId} -----------------------------------------------------------------


def test_delete_cancels_with_204(
    client: httpx.Client, server: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("pending")
    response = client.delete(f"/orders/{order_id}")
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/orders/{order_id}").json()["status"] == "cancelled"
    assert client.delete(f"/orders/{order_id}").status_code == 204  # again: no change
    assert [e["kind"] for e in _effects(server, order_id)] == ["cancel"]


@pytest.mark.parametrize("status", ["shipped", "delivered"])
def test_delete_of_a_shipped_order_is_the_seed_400(
    client: httpx.Client, take: Callable[[str], str], status: str
) -> None:
    order_id = take(status)
    response = client.delete(f"/orders/{order_id}")
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "BAD_REQUEST",
            "message": f"Order {order_id} cannot be cancelled as it has already been shipped.",
        }
    }


# -- faults -----------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(
    client: httpx.Client, server: SandboxServer
) -> None:
    server.faults.rate_limit = 1
    try:
        responses = [client.get("/orders", params={"limit": 1}) for _ in range(3)]
    finally:
        server.faults.rate_limit = 0
    limited = [r for r in responses if r.status_code == 429]
    assert limited and limited[0].headers["Retry-After"] == "1"
    assert limited[0].json()["error"]["code"] == "RATE_LIMITED"


def test_drop_after_commit_still_applies_the_ship(
    client: httpx.Client, server: SandboxServer, take: Callable[[str], str]
) -> None:
    order_id = take("processing")
    server.faults.drop_after_commit = 1
    with pytest.raises(httpx.TransportError):
        client.put(f"/orders/{order_id}", json={"status": "shipped"})
    assert client.get(f"/orders/{order_id}").json()["status"] == "shipped"
    assert [e["kind"] for e in _effects(server, order_id)] == ["shipment"]

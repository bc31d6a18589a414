"""The Price2b sandbox speaks seed 001 over a real socket: every example request answers in the
seed's shape, documented errors carry the chosen codes, paging is complete and ordered, ship
makes a tracking number and a printable label, sync completes, and faults behave."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pypdf
import pypdfium2
import pytest
import zxingcpp

from fulfillment_station.domain.models import parse_utc
from fulfillment_station.sandbox.dialects.price2b import label_pdf, tracking_number
from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.scanning.tracking import parse_tracking

pytestmark = pytest.mark.integration

TOKEN = "price2b-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
# Field sets of the seed's examples.
LIST_ROW = {
    "id",
    "order_number",
    "channel",
    "channel_order_id",
    "status",
    "fulfillment_status",
    "financial_status",
    "customer",
    "shipping_address",
    "items",
    "totals",
    "created_at",
}
LIST_ITEM = {"id", "sku", "name", "quantity", "price", "currency"}
ADDRESS = {"name", "address1", "city", "state", "postal_code", "country"}
TOTALS = {"subtotal", "shipping", "tax", "total", "currency"}
DETAIL = {
    "id",
    "order_number",
    "channel",
    "channel_order_id",
    "status",
    "fulfillment_status",
    "customer",
    "billing_address",
    "shipping_address",
    "items",
    "totals",
    "shipments",
    "timeline",
    "notes",
    "created_at",
    "updated_at",
}
DETAIL_ITEM = {
    "id",
    "product_id",
    "sku",
    "name",
    "quantity",
    "quantity_fulfilled",
    "price",
    "currency",
    "weight",
}
SHIPMENT = {"id", "tracking_number", "carrier", "service", "status", "items", "created_at"}
SHIP_ANSWER = {
    "order_id",
    "shipment_id",
    "tracking_number",
    "carrier",
    "service",
    "label_url",
    "fulfillment_status",
    "notified_customer",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    db = tmp_path_factory.mktemp("price2b") / "sandbox.sqlite"
    with SandboxServer("price2b", db_path=db, token=TOKEN, orders=200, seed=3) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers=AUTH) as c:
        yield c


_TAKEN: set[str] = set()


@pytest.fixture(scope="module")
def pick(server: SandboxServer) -> Callable[..., str]:
    """An order id no other test of this module uses, matching the given columns."""

    def choose(
        status: str = "processing",
        fulfillment: str = "unfulfilled",
        channel: str | None = None,
        min_lines: int = 1,
    ) -> str:
        where: list[tuple[str, Any]] = [
            ("status = ?", status),
            ("fulfillment_status = ?", fulfillment),
        ]
        if channel:
            where.append(("channel = ?", channel))
        for row in server.db.query(where):
            if row.order.id not in _TAKEN and len(row.order.lines) >= min_lines:
                _TAKEN.add(row.order.id)
                return row.order.id
        raise AssertionError(f"no free {status}/{fulfillment}/{channel} order in the sandbox")

    return choose


def _effects(server: SandboxServer, kind: str, order_id: str) -> list[dict[str, Any]]:
    journal = httpx.get(server.root_url + "/_sandbox/journal", headers=server.auth_headers).json()
    return [e for e in journal["effects"] if e["kind"] == kind and e["order_id"] == order_id]


def _error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == code
    assert body["message"]
    return body


def _detail(client: httpx.Client, order_id: str) -> dict[str, Any]:
    response = client.get(f"/v1/orders/{order_id}")
    assert response.status_code == 200
    return response.json()["data"]


# -- list -------------------------------------------------------------------------------------


def test_list_example_answers_in_the_seed_shape(client: httpx.Client) -> None:
    response = client.get(
        "/v1/orders",
        params={"status": "processing", "fulfillment_status": "unfulfilled", "per_page": 20},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert set(body["data"]) == {"orders", "pagination"}
    orders = body["data"]["orders"]
    assert 0 < len(orders) <= 20
    for row in orders:
        assert set(row) == LIST_ROW
        assert row["status"] == "processing" and row["fulfillment_status"] == "unfulfilled"
        assert isinstance(row["id"], int)
        assert set(row["customer"]) == {"name", "email"}
        assert set(row["shipping_address"]) >= ADDRESS
        assert all(
            set(item) == LIST_ITEM
            and isinstance(item["id"], int)
            and isinstance(item["price"], float | int)
            for item in row["items"]
        )
        assert set(row["totals"]) == TOTALS
        assert TS.match(row["created_at"])
    pagination = body["data"]["pagination"]
    assert set(pagination) == {"current_page", "per_page", "total", "last_page"}
    assert pagination["current_page"] == 1 and pagination["per_page"] == 20
    assert pagination["last_page"] == -(-pagination["total"] // 20)


def test_paging_returns_every_order_once_newest_first(
    client: httpx.Client, server: SandboxServer
) -> None:
    ids: list[int] = []
    created: list[str] = []
    page = 1
    while True:
        data = client.get("/v1/orders", params={"page": page, "per_page": 7}).json()["data"]
        ids += [row["id"] for row in data["orders"]]
        created += [row["created_at"] for row in data["orders"]]
        if page >= data["pagination"]["last_page"]:
            break
        page += 1
    assert len(ids) == len(set(ids)) == server.db.count_all() == data["pagination"]["total"]
    assert created == sorted(created, reverse=True)
    beyond = client.get("/v1/orders", params={"page": page + 1, "per_page": 7}).json()["data"]
    assert beyond["orders"] == [] and beyond["pagination"]["total"] == len(ids)


@pytest.mark.parametrize(
    "params",
    [
        {"per_page": 101},
        {"per_page": 0},
        {"page": 0},
        {"per_page": "many"},
        {"status": "open"},
        {"fulfillment_status": "done"},
        {"channel": "etsy"},
        {"date_from": "yesterday"},
    ],
)
def test_list_refuses_out_of_range_or_unknown_values(
    client: httpx.Client, params: dict[str, Any]
) -> None:
    body = _error(client.get("/v1/orders", params=params), 422, "VALIDATION_ERROR")
    assert body["error"]["details"][0]["field"] == next(iter(params))


def test_per_page_maximum_is_accepted(client: httpx.Client) -> None:
    data = client.get("/v1/orders", params={"per_page": 100}).json()["data"]
    assert len(data["orders"]) == 100 and data["pagination"]["per_page"] == 100


def test_channel_and_fulfillment_filters(client: httpx.Client, server: SandboxServer) -> None:
    data = client.get("/v1/orders", params={"channel": "meli", "per_page": 100}).json()["data"]
    assert data["orders"] and {row["channel"] for row in data["orders"]} == {"meli"}
    assert data["pagination"]["total"] == server.db.count([("channel = ?", "meli")])
    partial = client.get("/v1/orders", params={"fulfillment_status": "partial"}).json()["data"]
    assert {row["fulfillment_status"] for row in partial["orders"]} == {"partial"}


def test_date_range_is_inclusive_and_a_bare_date_means_the_whole_day(
    client: httpx.Client, server: SandboxServer
) -> None:
    rows = server.db.query(order_by="seq ASC")
    middle = rows[len(rows) // 2].order
    stamp = middle.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    both = client.get("/v1/orders", params={"date_from": stamp, "date_to": stamp}).json()
    assert [row["id"] for row in both["data"]["orders"]] == [int(middle.id)]
    day = middle.created_at.date().isoformat()
    same_day = client.get(
        "/v1/orders", params={"date_from": day, "date_to": day, "per_page": 100}
    ).json()["data"]["orders"]
    expected = {int(r.order.id) for r in rows if r.order.created_at.date().isoformat() == day}
    assert {row["id"] for row in same_day} == expected
    later = middle.created_at + timedelta(seconds=1)
    after = client.get(
        "/v1/orders", params={"date_from": later.isoformat(), "per_page": 100}
    ).json()["data"]
    assert all(parse_utc(row["created_at"]) > middle.created_at for row in after["orders"])
    assert int(middle.id) not in {row["id"] for row in after["orders"]}


def test_search_matches_order_number_or_customer_name(
    client: httpx.Client, server: SandboxServer
) -> None:
    order = server.db.query(limit=1, offset=10)[0].order
    by_number = client.get("/v1/orders", params={"search": order.number[-6:]}).json()["data"]
    assert int(order.id) in {row["id"] for row in by_number["orders"]}
    ascii_name = next(
        r.order.customer.name for r in server.db.query() if r.order.customer.name.isascii()
    )
    by_name = client.get(
        "/v1/orders", params={"search": ascii_name.upper(), "per_page": 100}
    ).json()["data"]
    assert by_name["orders"]
    assert all(row["customer"]["name"] == ascii_name for row in by_name["orders"])
    none = client.get("/v1/orders", params={"search": "%_no-such-order_%"}).json()["data"]
    assert none["orders"] == [] and none["pagination"]["total"] == 0


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}]
)
def test_requests_without_a_valid_token_are_refused(
    server: SandboxServer, headers: dict[str, str]
) -> None:
    for path in (
        "/v1/orders",
        "/v1/orders/5001",
        "/v1/orders/sync/status",
        "/v1/shipping/shipments/1/label",
    ):
        _error(httpx.get(server.base_url + path, headers=headers), 401, "UNAUTHENTICATED")


# -- get --------------------------------------------------------------------------------------


def test_get_example_answers_in_the_seed_shape(client: httpx.Client, server: SandboxServer) -> None:
    stored = server.db.query([("fulfillment_status = ?", "fulfilled")], limit=1)[0]
    data = _detail(client, stored.order.id)
    assert set(data) >= DETAIL and set(data) - DETAIL <= {"financial_status"}
    assert set(data["customer"]) == {"name", "email", "phone"}
    assert all(set(item) == DETAIL_ITEM for item in data["items"])
    assert all(item["quantity_fulfilled"] == item["quantity"] for item in data["items"])
    assert set(data["totals"]) == TOTALS | {"discount"}
    assert data["shipments"] and all(set(s) == SHIPMENT for s in data["shipments"])
    assert data["timeline"][0]["event"] == "order_created"
    assert all(
        set(e) == {"event", "timestamp", "description"} and TS.match(e["timestamp"])
        for e in data["timeline"]
    )
    assert TS.match(data["updated_at"])
    assert data["order_number"] == stored.order.number


@pytest.mark.parametrize("order_id", ["999", "abc", "5001x"])
def test_unknown_order_is_404(client: httpx.Client, order_id: str) -> None:
    _error(client.get(f"/v1/orders/{order_id}"), 404, "ORDER_NOT_FOUND")
    _error(client.get(f"/v1/orders/{order_id}/shipments"), 404, "ORDER_NOT_FOUND")
    _error(client.post(f"/v1/orders/{order_id}/cancel"), 404, "ORDER_NOT_FOUND")


# -- update -----------------------------------------------------------------------------------


def test_update_example_sets_notes(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick()
    response = client.put(
        f"/v1/orders/{order_id}", json={"notes": "Customer requested gift wrapping"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True and body["message"] == "Order updated successfully"
    assert body["data"]["id"] == int(order_id)
    assert body["data"]["notes"] == "Customer requested gift wrapping"
    assert TS.match(body["data"]["updated_at"])
    assert _detail(client, order_id)["notes"] == "Customer requested gift wrapping"
    assert len(_effects(server, "update", order_id)) == 1


def test_shipping_address_changes_only_before_fulfillment(
    client: httpx.Client, pick: Callable[..., str]
) -> None:
    address = {
        "name": "Ana Souza",
        "address1": "Rua Nova 5",
        "city": "Recife",
        "postal_code": "50000-000",
        "country": "br",
    }
    open_id = pick()
    response = client.put(f"/v1/orders/{open_id}", json={"shipping_address": address})
    assert response.status_code == 200
    shown = _detail(client, open_id)["shipping_address"]
    assert shown["address1"] == "Rua Nova 5" and shown["country"] == "BR"
    partial_id = pick(fulfillment="partial")
    _error(
        client.put(f"/v1/orders/{partial_id}", json={"shipping_address": address}),
        422,
        "ADDRESS_LOCKED",
    )
    _error(
        client.put(f"/v1/orders/{open_id}", json={"shipping_address": {"name": "x"}}),
        422,
        "VALIDATION_ERROR",
    )


def test_status_changes_follow_the_channel_and_the_workflow(
    client: httpx.Client, pick: Callable[..., str]
) -> None:
    amazon = pick(channel="amazon")
    _error(
        client.put(f"/v1/orders/{amazon}", json={"status": "processing"}),
        422,
        "STATUS_CHANGE_NOT_ALLOWED",
    )
    shopify = pick(status="pending", channel="shopify")
    response = client.put(
        f"/v1/orders/{shopify}", json={"status": "processing", "notes": "paid by bank transfer"}
    )
    assert response.status_code == 200 and response.json()["data"]["status"] == "processing"
    assert _detail(client, shopify)["timeline"][-1]["event"] in ("status_changed", "order_updated")
    for target in ("shipped", "cancelled", "pending"):
        _error(
            client.put(f"/v1/orders/{shopify}", json={"status": target}),
            422,
            "INVALID_STATUS_TRANSITION",
        )
    _error(client.put(f"/v1/orders/{shopify}", json={"status": "lost"}), 422, "VALIDATION_ERROR")


def test_a_refused_update_changes_nothing(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick(channel="ebay")
    _error(
        client.put(f"/v1/orders/{order_id}", json={"notes": "keep?", "status": "processing"}),
        422,
        "STATUS_CHANGE_NOT_ALLOWED",
    )
    assert _detail(client, order_id)["notes"] != "keep?"
    assert _effects(server, "update", order_id) == []
    _error(client.put(f"/v1/orders/{order_id}", json={}), 422, "VALIDATION_ERROR")


# -- ship -------------------------------------------------------------------------------------


def test_ship_example_creates_tracking_and_a_printable_label(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick()
    items = [
        {"order_item_id": item["id"], "quantity": item["quantity"]}
        for item in _detail(client, order_id)["items"]
    ]
    response = client.post(
        f"/v1/orders/{order_id}/ship",
        json={
            "carrier": "fedex",
            "service": "INTERNATIONAL_ECONOMY",
            "packages": [{"weight": 0.5, "length": 20, "width": 15, "height": 10, "items": items}],
            "warehouse_id": 1,
            "notify_customer": True,
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["success"] is True and body["message"] == "Shipment created successfully"
    data = body["data"]
    assert set(data) == SHIP_ANSWER
    assert data["order_id"] == int(order_id) and data["fulfillment_status"] == "fulfilled"
    assert data["carrier"] == "fedex" and data["notified_customer"] is True
    parsed = parse_tracking(data["tracking_number"])
    assert any(c.carrier == "fedex" and c.check_digit == "valid" for c in parsed.candidates)
    assert data["label_url"] == (
        f"{server.base_url}/v1/shipping/shipments/{data['shipment_id']}/label"
    )

    label = client.get(data["label_url"])
    assert label.status_code == 200 and label.headers["content-type"] == "application/pdf"
    text = pypdf.PdfReader(io.BytesIO(label.content)).pages[0].extract_text()
    assert data["tracking_number"] in text and "FEDEX" in text
    _error(httpx.get(data["label_url"]), 401, "UNAUTHENTICATED")

    detail = _detail(client, order_id)
    assert detail["status"] == "shipped"
    assert detail["shipments"][-1]["tracking_number"] == data["tracking_number"]
    effects = _effects(server, "shipment", order_id)
    assert len(effects) == 1 and effects[0]["detail"]["tracking_number"] == data["tracking_number"]

    again = client.post(
        f"/v1/orders/{order_id}/ship",
        json={"carrier": "fedex", "service": "INTERNATIONAL_ECONOMY", "packages": [{"weight": 1}]},
    )
    _error(again, 409, "ALREADY_SHIPPED")


def test_partial_ship_and_the_shipments_list(
    client: httpx.Client, pick: Callable[..., str]
) -> None:
    order_id = pick(min_lines=2)
    first = _detail(client, order_id)["items"][0]
    response = client.post(
        f"/v1/orders/{order_id}/ship",
        json={
            "carrier": "UPS",
            "service": "GROUND",
            "packages": [{"weight": 1.2, "items": [{"order_item_id": first["id"], "quantity": 1}]}],
        },
    )
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["fulfillment_status"] == "partial" and data["tracking_number"].startswith("1Z")
    shipments = client.get(f"/v1/orders/{order_id}/shipments").json()
    assert shipments["success"] is True
    (shipment,) = shipments["data"]["shipments"]
    assert set(shipment) == SHIPMENT
    assert shipment["id"] == data["shipment_id"] and shipment["carrier"] == "ups"
    assert shipment["items"] == [{"order_item_id": first["id"], "sku": first["sku"], "quantity": 1}]
    assert _detail(client, order_id)["status"] == "processing"


def test_ship_refusals(client: httpx.Client, pick: Callable[..., str]) -> None:
    order_id = pick()
    item = _detail(client, order_id)["items"][0]
    base = {"carrier": "dhl", "service": "EXPRESS"}
    too_many = {
        **base,
        "packages": [
            {
                "weight": 1,
                "items": [{"order_item_id": item["id"], "quantity": item["quantity"] + 1}],
            }
        ],
    }
    _error(client.post(f"/v1/orders/{order_id}/ship", json=too_many), 422, "INVALID_ITEMS")
    stranger = {**base, "packages": [{"weight": 1, "items": [{"order_item_id": 1, "quantity": 1}]}]}
    _error(client.post(f"/v1/orders/{order_id}/ship", json=stranger), 422, "INVALID_ITEMS")
    for body in (
        {**base},
        {**base, "packages": []},
        {"carrier": "dhl", "packages": [{"weight": 1}]},
        {**base, "packages": [{"weight": 0}]},
    ):
        _error(client.post(f"/v1/orders/{order_id}/ship", json=body), 422, "VALIDATION_ERROR")
    cancelled = pick(status="cancelled")
    _error(
        client.post(f"/v1/orders/{cancelled}/ship", json={**base, "packages": [{"weight": 1}]}),
        409,
        "ORDER_CANCELLED",
    )
    _error(client.get("/v1/shipping/shipments/1/label"), 404, "SHIPMENT_NOT_FOUND")


# -- fulfill and cancel ------------------------------------------------------------------------


def test_fulfill_example_and_partial_fulfillment(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick()
    response = client.post(
        f"/v1/orders/{order_id}/fulfill",
        json={"tracking_number": "794644790303", "carrier": "fedex", "notify_customer": True},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Order marked as fulfilled"
    assert body["data"] == {
        "order_id": int(order_id),
        "fulfillment_status": "fulfilled",
        "tracking_number": "794644790303",
        "carrier": "fedex",
    }
    assert len(_effects(server, "fulfill", order_id)) == 1
    _error(
        client.post(
            f"/v1/orders/{order_id}/fulfill",
            json={"tracking_number": "794644790303", "carrier": "fedex"},
        ),
        409,
        "ALREADY_SHIPPED",
    )

    partial_id = pick(min_lines=2)
    item = _detail(client, partial_id)["items"][1]
    response = client.post(
        f"/v1/orders/{partial_id}/fulfill",
        json={
            "tracking_number": "1Z999AA10123456784",
            "carrier": "ups",
            "items": [{"order_item_id": item["id"], "quantity": 1}],
        },
    )
    assert response.json()["data"]["fulfillment_status"] == "partial"
    detail = _detail(client, partial_id)
    assert detail["items"][1]["quantity_fulfilled"] == 1
    assert detail["timeline"][-1]["event"] == "order_fulfilled"
    _error(
        client.post(f"/v1/orders/{partial_id}/fulfill", json={"carrier": "ups"}),
        422,
        "VALIDATION_ERROR",
    )


def test_cancel_example_and_its_refusals(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick()
    response = client.post(
        f"/v1/orders/{order_id}/cancel",
        json={"reason": "Customer requested cancellation", "notify_customer": True},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Order cancelled successfully"
    assert set(body["data"]) == {"order_id", "status", "cancelled_at"}
    assert body["data"]["status"] == "cancelled" and TS.match(body["data"]["cancelled_at"])
    assert _detail(client, order_id)["status"] == "cancelled"
    assert len(_effects(server, "cancel", order_id)) == 1
    _error(client.post(f"/v1/orders/{order_id}/cancel"), 409, "ALREADY_CANCELLED")
    for fulfillment, status in (("partial", "processing"), ("fulfilled", "shipped")):
        _error(
            client.post(f"/v1/orders/{pick(status=status, fulfillment=fulfillment)}/cancel"),
            422,
            "INVALID_STATUS_TRANSITION",
        )
    no_body = client.post(f"/v1/orders/{pick(status='pending')}/cancel")
    assert no_body.status_code == 200


# -- sync -------------------------------------------------------------------------------------


def test_sync_starts_then_completes_with_per_channel_counts(
    make_sandbox: Callable[..., SandboxServer],
) -> None:
    sandbox = make_sandbox("price2b", token=TOKEN, orders=80)
    with httpx.Client(base_url=sandbox.base_url, headers=AUTH) as c:
        before = c.get("/v1/orders/sync/status").json()["data"]
        assert before["last_sync"] is None and TS.match(before["next_scheduled_sync"])
        response = c.post(
            "/v1/orders/sync",
            json={"channels": ["amazon", "meli"], "since": "2000-01-01T00:00:00Z"},
        )
        assert response.status_code == 202
        body = response.json()
        assert body["message"] == "Order sync started"
        assert re.match(r"^SYNC-\d{4}-001$", body["data"]["sync_id"])
        assert body["data"]["status"] == "processing"
        assert body["data"]["channels"] == ["amazon", "meli"]
        _error(c.post("/v1/orders/sync", json={}), 409, "SYNC_IN_PROGRESS")
        status = c.get("/v1/orders/sync/status").json()["data"]
        last = status["last_sync"]
        assert last["sync_id"] == body["data"]["sync_id"] and last["status"] == "completed"
        assert TS.match(last["started_at"]) and TS.match(last["completed_at"])
        assert set(last["channels"]) == {"amazon", "meli"}
        for channel, counts in last["channels"].items():
            assert counts["orders_synced"] == sandbox.db.count([("channel = ?", channel)])
            assert counts["orders_synced"] == counts["orders_new"] + counts["orders_updated"]
        second = c.post("/v1/orders/sync").json()["data"]
        assert second["sync_id"].endswith("-002") and len(second["channels"]) == 5
        _error(c.post("/v1/orders/sync", json={"channels": ["etsy"]}), 422, "VALIDATION_ERROR")


# -- faults -----------------------------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(
    client: httpx.Client, server: SandboxServer
) -> None:
    server.faults.rate_limit = 1
    try:
        answers = [client.get("/v1/orders", params={"per_page": 1}) for _ in range(3)]
    finally:
        server.faults.rate_limit = 0
    limited = [r for r in answers if r.status_code == 429]
    assert limited
    assert limited[0].headers["Retry-After"] == "1"
    _error(limited[0], 429, "RATE_LIMITED")


def test_drop_after_commit_still_applies_the_write(
    client: httpx.Client, server: SandboxServer, pick: Callable[..., str]
) -> None:
    order_id = pick()
    server.faults.drop_after_commit = 1
    with pytest.raises(httpx.TransportError):
        client.post(
            f"/v1/orders/{order_id}/ship",
            json={"carrier": "usps", "service": "PRIORITY", "packages": [{"weight": 2}]},
        )
    assert server.faults.drop_after_commit == 0
    (effect,) = _effects(server, "shipment", order_id)
    detail = _detail(client, order_id)
    assert detail["fulfillment_status"] == "fulfilled"
    assert detail["shipments"][-1]["tracking_number"] == effect["detail"]["tracking_number"]


# -- pieces -----------------------------------------------------------------------------------


@pytest.mark.parametrize("carrier", ["ups", "fedex", "dhl", "usps"])
def test_generated_tracking_numbers_pass_the_carriers_check_digit(carrier: str) -> None:
    for n in range(40):
        parsed = parse_tracking(tracking_number(carrier, random.Random(n)))
        assert any(c.carrier == carrier and c.check_digit == "valid" for c in parsed.candidates), (
            parsed
        )


def test_label_text_from_the_api_cannot_break_the_pdf() -> None:
    hostile = "Robert') Tj /F9 99 Tf (\\ ) 山田 Łódź \x00\n"
    pdf = label_pdf([(12, True, hostile), (9, False, "after")])
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Robert') Tj /F9 99 Tf" in text and "after" in text and "Lódz" in text


@pytest.mark.parametrize("carrier", ["ups", "fedex"])
def test_label_barcode_scans_as_the_tracking_number(carrier: str) -> None:
    number = tracking_number(carrier, random.Random(7))
    pdf = pypdfium2.PdfDocument(label_pdf([(12, True, "ship")], number))
    image = pdf[0].render(scale=3).to_pil()
    pdf.close()
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [number]
